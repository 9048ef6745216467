"""What the `/knelpunt` modules share: finding a bottleneck, who may read it, notices."""

from __future__ import annotations

from storage import actions, bottlenecks
from storage.bottleneck_status import resolve_merged
from storage.db import Database
from storage.views import ActionView, BottleneckDetail, BottleneckView, MemberView

from handlers import notices
from handlers.bottlenecks.views import byline, heading, show_button
from handlers.context import Context, CoreSettings
from handlers.messages import Reply, Section, UserError
from handlers.parsing import item_number, split_word
from handlers.permissions import require_member


def number_and_rest(rest: str, error_key: str = "bottleneck.bad_number") -> tuple[int, str]:
    word, remainder = split_word(rest)
    return item_number(word, error_key), remainder


def visible(context: Context, number: int) -> tuple[BottleneckView, int | None]:
    """The bottleneck the caller may see under `number`, following a merge.

    Also returns the number asked for when it was merged into the one returned.
    """
    with context.db.read() as session:
        kept = resolve_merged(session, number)
        found = bottlenecks.get_visible(session, context.audience(), kept)
    if found is None:
        raise UserError("bottleneck.not_found", id=number)
    return found, (number if kept != number else None)


def merged_note(context: Context, asked: int | None, kept: BottleneckView) -> str:
    return context.t("bottleneck.was_merged", old=asked, id=kept.id) if asked else ""


def detail_and_actions(
    context: Context, found: BottleneckView
) -> tuple[BottleneckDetail, list[ActionView]]:
    """What the caller may see of a bottleneck, and the actions agreed on it."""
    with context.db.read() as session:
        detail = bottlenecks.detail(session, context.audience(), found.id)
        linked, _total = actions.listed(
            session,
            context.audience(),
            bottleneck_id=found.id,
            statuses=(actions.OPEN, actions.DONE),
            limit=None,
        )
    if detail is None:
        raise UserError("bottleneck.not_found", id=found.id)
    return detail, linked


def require_organisation(context: Context) -> MemberView:
    require_member(context)
    member = context.caller.member
    if member is None or member.organisation_id is None:
        raise UserError("bottleneck.needs_organisation")
    return member


def threshold_notice(context: Context, bottleneck: BottleneckView) -> list[Reply]:
    """Tell the werkgroep, once, that enough municipalities recognise it to escalate."""
    threshold = context.settings.escalation_threshold

    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        return w.t("bottleneck.threshold", threshold=threshold), (
            Section(
                text=heading(bottleneck) + "\n" + ", ".join(bottleneck.municipalities),
                context=byline(w, bottleneck),
            ),
        )

    def without_content(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        text = w.t(
            "bottleneck.threshold_hidden",
            id=bottleneck.id,
            tlp=bottleneck.tlp.value,
            threshold=threshold,
        )
        return text, ()

    return tell_workgroup(context.db, context.settings, bottleneck, message, without_content)


def tell_workgroup(
    db: Database,
    settings: CoreSettings,
    bottleneck: BottleneckView,
    message: notices.Message,
    without_content: notices.Message,
) -> list[Reply]:
    """A notice about `bottleneck` for the werkgroep, with a button to open it."""
    words = notices.Writer.for_install(settings)
    return notices.workgroup(
        db,
        settings,
        message,
        tlp=bottleneck.tlp,
        without_content=without_content,
        may_read=lambda m: may_see_bottleneck(m, bottleneck),
        buttons=(show_button(words, bottleneck),),
    )


def may_see_bottleneck(member: MemberView, bottleneck: BottleneckView) -> bool:
    return notices.may_read(
        member,
        bottleneck.tlp,
        organisation_id=bottleneck.organisation_id,
        author_id=bottleneck.reporter_id,
    )
