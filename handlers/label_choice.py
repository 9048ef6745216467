"""Requests held back until their sender answers a question, then run with the answer.

Two questions use it: which label, when the label is unclear (`Request.chosen_label`),
and "is it one of these?", when something similar exists already (*Toch delen*:
`Request.similar_seen`). The request waits in the database (`storage.held`), not in
memory, so the buttons work after a restart. Only the person who sent it can answer;
the answer runs the same handler again with the answer set, and nothing was stored
before.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from storage import held
from storage.tlp import TLP

from handlers.context import Context
from handlers.labels import LabelQuestion
from handlers.messages import Button, Reply, Request, Section, UserError
from handlers.parsing import item_number

if TYPE_CHECKING:
    from handlers.core import Router

CHOOSE = "tlp.choose"
CANCEL = "tlp.cancel"
ANYWAY = "held.anyway"


def register(router: Router) -> None:
    router.add_action(CHOOSE, lambda context: choose(router, context))
    router.add_action(CANCEL, cancel)
    router.add_action(ANYWAY, lambda context: anyway(router, context))


def _as_json(request: Request) -> str:
    data: dict[str, Any] = asdict(request)
    data["chosen_label"] = data["chosen_label"].value if data["chosen_label"] else None
    return json.dumps(data, ensure_ascii=False)


def _from_json(text: str, **answer: Any) -> Request:
    data = json.loads(text)
    chosen = data.pop("chosen_label", None)
    request = Request(**data, chosen_label=TLP(chosen) if chosen else None)
    return replace(request, **answer)


def _hold(context: Context) -> int:
    request = context.request
    with context.db.write() as session:
        return held.hold(
            session, context.now(), request.platform, request.user_id, _as_json(request)
        )


def _run(router: Router, context: Context, request: Request) -> list[Reply]:
    handler = router.handler_for(request)
    if handler is None or request.action_id in (CHOOSE, CANCEL, ANYWAY):
        raise UserError("tlp.held_gone")
    result = handler(replace(context, request=request))
    return [result] if isinstance(result, Reply) else list(result)


def similar_first(
    context: Context, text: str, sections: tuple[Section, ...], anyway_label: str, tlp: TLP | None
) -> Reply:
    """Hold the request and show what is similar, with *Toch …* and *Annuleren*."""
    held_id = _hold(context)
    return Reply(
        text=text,
        sections=sections,
        buttons=(
            Button(ANYWAY, str(held_id), anyway_label),
            Button(CANCEL, str(held_id), context.t("button.cancel")),
        ),
        tlp=tlp,
    )


def anyway(router: Router, context: Context) -> list[Reply]:
    """*Toch delen*: the held request runs, past the look at what is similar."""
    request = _from_json(_take(context, context.request.action_value), similar_seen=True)
    return _run(router, context, request)


def ask(context: Context, question: LabelQuestion) -> Reply:
    """Hold the request and ask which label it gets; nothing is stored yet."""
    held_id = _hold(context)
    written = question.written[:40]
    if not written:
        labels = ", ".join(label.value for label in question.offered)
        text = context.t("tlp.two_labels", labels=labels)
    elif question.suggestion is not None:
        text = context.t("tlp.unclear", written=written, suggestion=question.suggestion.value)
    else:
        text = context.t("tlp.unclear_no_guess", written=written)
    buttons = tuple(
        Button(
            CHOOSE,
            f"{held_id}|{label.value}",
            label.value,
            "primary" if label is question.suggestion else "",
        )
        for label in question.offered
    )
    cancel_button = Button(CANCEL, str(held_id), context.t("button.cancel"))
    return Reply(text=text, buttons=(*buttons, cancel_button))


def _take(context: Context, number: str) -> str:
    held_id = item_number(number, "tlp.held_gone")
    request = context.request
    with context.db.write() as session:
        found = held.take(session, context.now(), held_id, request.platform, request.user_id)
    if found is None:
        raise UserError("tlp.held_gone")
    return found


def choose(router: Router, context: Context) -> Reply | list[Reply]:
    """Run the held request with the label its sender chose."""
    number, _, written = context.request.action_value.partition("|")
    try:
        label = TLP(written)
    except ValueError:
        raise UserError("tlp.held_gone") from None
    return _run(router, context, _from_json(_take(context, number), chosen_label=label))


def cancel(context: Context) -> Reply:
    _take(context, context.request.action_value)
    return Reply(text=context.t("tlp.held_cancelled"))
