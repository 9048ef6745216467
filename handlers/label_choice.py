"""When a label is unclear: hold the request, ask which label, and run it with the answer.

The request waits in the database (`storage.held`), not in memory, so the buttons work
after a restart. Only the person who sent it can answer; the answer runs the same
handler again with `Request.chosen_label` set, and nothing was stored before.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from storage import held
from storage.tlp import TLP

from handlers.context import Context
from handlers.core import Button, Reply, Request, UserError
from handlers.labels import LabelQuestion
from handlers.parsing import item_number

if TYPE_CHECKING:
    from handlers.router import Router

CHOOSE = "tlp.choose"
CANCEL = "tlp.cancel"


def register(router: Router) -> None:
    router.add_action(CHOOSE, lambda context: choose(router, context))
    router.add_action(CANCEL, cancel)


def _as_json(request: Request) -> str:
    data: dict[str, Any] = asdict(request)
    data["chosen_label"] = None
    return json.dumps(data, ensure_ascii=False)


def _from_json(text: str, label: TLP) -> Request:
    return replace(Request(**json.loads(text)), chosen_label=label)


def ask(context: Context, question: LabelQuestion) -> Reply:
    """Hold the request and ask which label it gets; nothing is stored yet."""
    request = context.request
    with context.db.write() as session:
        held_id = held.hold(
            session, context.now(), request.platform, request.user_id, _as_json(request)
        )
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
    request = _from_json(_take(context, number), label)
    handler = router.handler_for(request)
    if handler is None or request.action_id in (CHOOSE, CANCEL):
        raise UserError("tlp.held_gone")
    result = handler(replace(context, request=request))
    return [result] if isinstance(result, Reply) else list(result)


def cancel(context: Context) -> Reply:
    _take(context, context.request.action_value)
    return Reply(text=context.t("tlp.held_cancelled"))
