"""Knowledge that stays true: review dates, the question to the author, the archive.

Every item has a day by which it should be reviewed: given when it was shared
(`geldig tot 1 maart`, read by the deadline reader, or the form's field), else derived
from its tags (`#kwetsbaarheden` 30 days, …; the shortest counts) or the install's
default. On that day (the first working day from it, at REMINDER_HOUR in the author's
time zone) the author is asked by DM: *Nog actueel* (a new review date), *Bijwerken*
(the edit form) or *Archiveren*; when the author is no longer a member, the werkgroep
is asked. The question goes through the outbox, planned in the transaction that marks
it asked, so it survives downtime and restarts and is never asked twice.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from storage import knowledge, members
from storage.views import KnowledgeView, MemberView

from handlers import delivery, notices
from handlers.actions.reminders import at_hour
from handlers.context import Context, CoreSettings, JobContext
from handlers.knowledge.views import changeable_item
from handlers.messages import Button, Reply, Section, UserError
from handlers.notices import Writer
from handlers.parsing import split_word
from handlers.workdays import WorkCalendar

# `geldig tot 1 maart 2027` anywhere in shared text, up to a tag, a label or the line end.
VALID_UNTIL = re.compile(
    r"(?i)(?:^|\s)(?:geldig tot|valid until)\s+(?P<phrase>[^#\n]+?)(?=\s+#|\s+TLP:|\s*$|\s*\n)",
    re.MULTILINE,
)
KEY = "review"


def review_days(settings: CoreSettings, tags: tuple[str, ...]) -> int:
    """Days until review: the shortest of the item's tags that have a period, else the default."""
    by_tag = dict(settings.review_days_by_tag)
    periods = [by_tag[t] for t in tags if t in by_tag]
    return min(periods) if periods else settings.review_days


def next_review(context: Context, tags: tuple[str, ...]) -> date:
    return context.today() + timedelta(days=review_days(context.settings, tags))


def read_valid_until(context: Context, phrase: str) -> date:
    """The day a `geldig tot` phrase names; a phrase the reader cannot read is asked back."""
    day = context.deadlines().parse(phrase.strip(), allow_today=False)
    if day <= context.today():
        raise UserError("knowledge.valid_until_past", phrase=phrase.strip()[:60])
    return day


def split_valid_until(context: Context, text: str) -> tuple[str, date | None]:
    """Shared text without its `geldig tot …`, and the day it names (None: not given)."""
    found = list(VALID_UNTIL.finditer(text))
    if not found:
        return text, None
    if len(found) > 1:
        raise UserError("knowledge.valid_until_twice")
    match = found[0]
    day = read_valid_until(context, match.group("phrase"))
    rest = (text[: match.start()] + text[match.end() :]).strip()
    return rest, day


# --- the question to the author ---------------------------------------------------------


def _first_workday(calendar: WorkCalendar, day: date) -> date:
    while not calendar.is_workday(day):
        day += timedelta(days=1)
    return day


def ask(context: JobContext) -> list[Reply]:
    """Plan the review question for each item whose day has come (a job, every sweep).

    The question is planned in the outbox and the item marked asked in one
    transaction: a crash repeats nothing, downtime delays it to the first sweep after.
    """
    now = context.now()
    settings = context.settings
    horizon = now.astimezone(context.timezone).date() + timedelta(days=1)
    with context.db.read() as session:
        due = knowledge.reviews_due(session, horizon)
        authors = members.members_by_ids(session, [i.author_id for i in due if i.author_id])
    asked: list[tuple[KnowledgeView, date, list[Reply]]] = []
    for item in due:
        author = authors.get(item.author_id or -1)
        zone = ZoneInfo((author.timezone if author else None) or settings.timezone)
        day = _first_workday(settings.work_calendar, item.review_at or horizon)
        if at_hour(day, settings.reminder_hour, zone) <= now:  # else: when its hour comes
            asked.append((item, item.review_at or day, _question(context, item, author)))
    if asked:
        with context.db.write() as session:
            for item, review_at, replies in asked:
                delivery.plan(session, f"{KEY}:{item.id}:{review_at}", replies, now)
                knowledge.mark_asked(session, item.id, review_at)
    return []


def _buttons(writer: Writer, item: KnowledgeView) -> tuple[Button, ...]:
    value = str(item.id)
    return (
        Button("kennis.review_ok", value, writer.t("button.review_ok"), "primary"),
        Button("kennis.review_edit", value, writer.t("button.review_edit")),
        Button("kennis.archive", value, writer.t("button.archive")),
    )


def _question(context: JobContext, item: KnowledgeView, author: MemberView | None) -> list[Reply]:
    settings = context.settings

    def message(writer: Writer) -> tuple[str, tuple[Section, ...]]:
        since = writer.date(item.reviewed_at or item.created_at)
        review = writer.date_of(item.review_at) if item.review_at else "—"
        key = "knowledge.review_question" if author and author.active else "knowledge.review_orphan"
        return writer.t(key, id=item.id, title=item.title, since=since, review=review), ()

    def without_content(writer: Writer) -> tuple[str, tuple[Section, ...]]:
        return writer.t("knowledge.review_orphan_hidden", id=item.id), ()

    if author is not None and author.active:
        writer = Writer.for_member(author, settings)
        return notices.direct([author], settings, message, tlp=item.tlp,
                              buttons=_buttons(writer, item))  # fmt: skip
    writer = Writer.for_install(settings)
    return notices.workgroup(
        context.db, settings, message, tlp=item.tlp, without_content=without_content,
        may_read=lambda m: notices.may_read(m, item.tlp, organisation_id=item.organisation_id,
                                            author_id=item.author_id),
        buttons=_buttons(writer, item),
    )  # fmt: skip


# --- what the author answers ------------------------------------------------------------


def still_true(context: Context, rest: str) -> Reply:
    """*Nog actueel*, or `/kennis herzien <nr> [geldig tot …]`: a new review date."""
    number, phrase = split_word(rest)
    item = changeable_item(context, number)
    given = VALID_UNTIL.search(f" {phrase}") if phrase.strip() else None
    if phrase.strip() and given is None:
        raise UserError("knowledge.review_usage")
    if given:
        day = read_valid_until(context, given.group("phrase"))
    else:
        day = next_review(context, item.tags)
    with context.db.write() as session:
        knowledge.set_review(session, context.caller.actor, context.now(), item.id, day)
    return Reply(
        text=context.t(
            "knowledge.reviewed", id=item.id, title=item.title, review=context.date_of(day)
        ),
        tlp=item.tlp,
    )


def archive(context: Context, rest: str) -> Reply:
    item = changeable_item(context, rest)
    with context.db.write() as session:
        knowledge.set_archived(session, context.caller.actor, context.now(), item.id, True)
    return Reply(
        text=context.t("knowledge.archived", id=item.id, title=item.title),
        buttons=(Button("kennis.restore", str(item.id), context.t("button.restore")),),
        tlp=item.tlp,
    )


def restore(context: Context, rest: str) -> Reply:
    item = changeable_item(context, rest)
    if item.archived_at is None:
        raise UserError("knowledge.not_archived", id=item.id)
    day = item.review_at
    if day is None or day <= context.today():
        day = next_review(context, item.tags)
    with context.db.write() as session:
        knowledge.set_archived(session, context.caller.actor, context.now(), item.id, False)
        knowledge.set_review(session, context.caller.actor, context.now(), item.id, day)
    return Reply(
        text=context.t(
            "knowledge.restored", id=item.id, title=item.title, review=context.date_of(day)
        ),
        tlp=item.tlp,
    )


def edit_prompt(context: Context) -> Reply:
    """*Bijwerken* where no form opens (the console): how to update, with the text now."""
    item = changeable_item(context, context.request.action_value)
    return Reply(
        text=context.t("knowledge.review_edit_how", id=item.id, title=item.title),
        sections=(Section(text=item.body[:3000]),),
        tlp=item.tlp,
    )


def edit_initial(context: Context) -> dict[str, str]:
    """What the edit form opens with: the item as it is now."""
    item = changeable_item(context, context.request.action_value)
    return {"title": item.title, "text": item.body, "tags": " ".join(f"#{t}" for t in item.tags)}


def edit_form(context: Context) -> list[Reply]:
    """The edit form (*Bijwerken*): new title, text and tags, and the next review date.

    The label is not in the form: it stays as it is (the source owns it; `/kennis
    wijzig <nr> TLP:…` changes it under its own rules)."""
    from handlers.knowledge.commands import checked_text, tags_from_field, tell_author

    fields = context.request.fields
    item = changeable_item(context, fields.get("number", ""))
    title, body = fields.get("title", "").strip(), checked_text(fields.get("text", ""))
    if not title or not body:
        raise UserError("knowledge.share_usage")
    given = fields.get("valid_until", "").strip()
    tags = tags_from_field(fields.get("tags", ""))
    day = read_valid_until(context, given) if given else next_review(context, tags)
    with context.db.write() as session:
        knowledge.update(session, context.caller.actor, context.now(), item.id, title=title,
                         body=body, tags=tags)  # fmt: skip
        updated = knowledge.set_review(session, context.caller.actor, context.now(), item.id, day)
    reply = Reply(
        text=context.t(
            "knowledge.review_updated",
            id=item.id,
            title=updated.title,
            review=context.date_of(day),
        ),
        buttons=(Button("kennis.show", str(item.id), context.t("button.show")),),
        tlp=updated.tlp,
    )
    return [reply, *tell_author(context, item, updated)]
