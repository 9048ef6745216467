"""Ask the network: `/kennis vraag`, its answers, and the knowledge item it becomes.

Most sharing in a CISO network starts as a question. The bot first shows items that
may already answer it (the similar-before-new step, on the held-request mechanism);
then the question goes to the network channel (CLEAR and GREEN, with *Antwoorden*) or,
above GREEN or without a channel, by DM to each member who may read it. Answers come
from that button's form, from `/kennis antwoord <nr> <tekst>`, and from replies in the
question's thread (Slack and Mattermost). The asker gets each answer by DM with *Dit
hielp*; the one that helped turns the question and its answers into a knowledge item,
labelled no less strictly than the question or any answer in it. Questions still
without an answer after three working days are named to the werkgroep (its weekly
overview) and counted in the digest.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from storage import bottleneck_links, knowledge, members, questions
from storage import reminders as reminders_store
from storage.questions import AnswerView, QuestionView
from storage.tlp import TLP, Audience, Place, may_see, may_show_in, strictest
from storage.views import MemberView

from handlers import delivery, label_choice, notices
from handlers.actions.reminders import overview_week
from handlers.context import Context, CoreSettings, JobContext
from handlers.knowledge.review import next_review
from handlers.knowledge.views import short_section
from handlers.labels import labelled_text
from handlers.messages import Button, Reply, Section, UserError, Visibility
from handlers.notices import Writer
from handlers.parsing import clean, item_number, split_word, title_and_body
from handlers.permissions import require_member

ANSWER = "kennis.answer"  # the button under a question: the answer form opens
HELPFUL = "kennis.helpful"
SHOW = "kennis.question"
THREAD = "kennis.thread_answer"  # a reply in the question's thread (from an adapter)
TOPIC = "question"
LABELS = (TLP.CLEAR, TLP.GREEN, TLP.AMBER, TLP.AMBER_STRICT)
MAX_TEXT = 4_000
UNANSWERED_WORKDAYS = 3


def _who(unknown: str, name: str | None, organisation: str | None) -> str:
    """`Anna de Vries (Den Haag)`: who asked or answered."""
    return f"{name or unknown} ({organisation})" if organisation else (name or unknown)


def _text(written: str) -> str:
    text = clean(written)
    if len(text) > MAX_TEXT:
        raise UserError("question.too_long", limit=f"{MAX_TEXT:,}".replace(",", "."))
    return text


def ask(context: Context, rest: str) -> list[Reply]:
    """`/kennis vraag <vraag> [#tag] [TLP:…]`."""
    require_member(context)
    member = context.caller.member
    if member is None:
        raise UserError("member.not_member")
    parsed = labelled_text(_text(rest), LABELS, chosen=context.request.chosen_label)
    if not parsed.text:
        raise UserError("question.usage")
    label = parsed.label or context.settings.tlp_default
    if label is TLP.RED:
        raise UserError("question.no_red")
    title, body = title_and_body(parsed.text)
    if not context.request.similar_seen:
        with context.db.read() as session:
            items = bottleneck_links.similar_knowledge(
                session, context.audience(), parsed.text, thesaurus=context.settings.thesaurus
            )
        if items:
            return [label_choice.similar_first(
                context, context.t("question.maybe_answered", title=title),
                tuple(short_section(context, item) for item in items),
                context.t("button.ask_anyway"), strictest(i.tlp for i in items),
            )]  # fmt: skip
    with context.db.write() as session:
        question = questions.create(
            session, context.caller.actor, context.now(), asker_id=member.id,
            organisation_id=member.organisation_id, title=title, body=body,
            tags=parsed.tags, tlp=label,
        )  # fmt: skip
    posted = _post(context, question, member)
    where = "question.asked_channel" if posted and posted[0].channel else "question.asked_dm"
    confirmation = Reply(
        text=context.t(where, id=question.id, title=title, count=len(posted)), tlp=label
    )
    return [confirmation, *posted]


def _question_text(writer: Writer, q: QuestionView) -> tuple[str, tuple[Section, ...]]:
    who = _who(writer.t("value.unknown"), q.asker_name, q.organisation_name)
    body = f"\n{q.body}" if q.body else ""
    tags = " " + " ".join(f"#{t}" for t in q.tags) if q.tags else ""
    text = writer.t("question.posted", id=q.id, who=who, title=q.title) + body + tags
    return text, ()


def topic(question_id: int) -> str:
    """What a question's post carries, so that replies in its thread find it."""
    return f"{TOPIC}:{question_id}"


def question_of_topic(text: str) -> str | None:
    """The question number in a post's topic (`question:12`), or None."""
    prefix, _, number = text.partition(":")
    return number if prefix == TOPIC and number.isdigit() else None


def _answer_button(writer: Writer, q: QuestionView) -> Button:
    return Button(ANSWER, str(q.id), writer.t("button.answer"), "primary")


def _post(context: Context, q: QuestionView, asker: MemberView) -> list[Reply]:
    """The question in the network channel of each platform (CLEAR/GREEN), and by DM to
    each member who may read it and reads on a platform without one."""
    settings = context.settings
    channels = settings.network_channels() if may_show_in(q.tlp, Place.CHANNEL) else []
    posts = []
    if channels:
        writer = Writer.for_install(settings)
        text, sections = _question_text(writer, q)
        posts = [
            Reply(
                text=text,
                sections=sections,
                buttons=(_answer_button(writer, q),),
                visibility=Visibility.CHANNEL,
                channel=channel,
                platform=platform,
                tlp=q.tlp,
                topic=topic(q.id),
            )
            for platform, channel in channels
        ]
    with context.db.read() as session:
        everyone = members.active_members(session)

    def may_read(m: MemberView) -> bool:
        return notices.may_read(m, q.tlp, organisation_id=q.organisation_id, author_id=q.asker_id)

    readers = [m for m in everyone if m.id != asker.id and may_read(m)
               and not settings.reads_channel(m.platform, channels)]  # fmt: skip
    return posts + [
        reply
        for m in readers
        for reply in notices.direct([m], settings, lambda w: _question_text(w, q), tlp=q.tlp,
                                    buttons=(_answer_button(Writer.for_member(m, settings), q),))
    ]  # fmt: skip


# --- answers ----------------------------------------------------------------------------


def _visible_question(context: Context, written: str) -> QuestionView:
    number = item_number(written, "question.bad_number")
    with context.db.read() as session:
        found = questions.get_visible(session, context.audience(), number)
    if found is None:
        raise UserError("question.not_found", id=number)
    return found


def answer_command(context: Context, rest: str) -> list[Reply]:
    """`/kennis antwoord <nr> <antwoord> [TLP:…]`."""
    number, text = split_word(rest)
    return _answer(context, _visible_question(context, number), text, "command")


def answer_form(context: Context) -> list[Reply]:
    fields = context.request.fields
    question = _visible_question(context, fields.get("number", ""))
    chosen = fields.get("tlp", "")
    text = fields.get("text", "") + (f" {chosen}" if chosen else "")
    return _answer(context, question, text, "form")


def answer_prompt(context: Context) -> Reply:
    """*Antwoorden* where no form opens (the console): how to answer."""
    q = _visible_question(context, context.request.action_value)
    return Reply(text=context.t("question.answer_how", id=q.id, title=q.title), tlp=q.tlp)


def thread_answer(context: Context) -> list[Reply]:
    """A reply in the question's thread (the adapter found the question it is under)."""
    q = _visible_question(context, context.request.action_value)
    return _answer(context, q, context.request.text, "thread")


def _answer(context: Context, q: QuestionView, written: str, source: str) -> list[Reply]:
    require_member(context)
    member = context.caller.member
    if member is None:
        raise UserError("member.not_member")
    if q.closed_at is not None:
        raise UserError("question.closed", id=q.id, item=q.item_id or "?")
    parsed = labelled_text(_text(written), LABELS, chosen=context.request.chosen_label)
    if not parsed.text:
        raise UserError("question.answer_usage", id=q.id)
    # Never less strict than the question; the answerer may make it stricter.
    label = strictest((parsed.label or q.tlp, q.tlp)) or q.tlp
    with context.db.read() as session:
        asker = members.get_member_by_id(session, q.asker_id) if q.asker_id else None
    asker_reads = asker is None or notices.may_read(
        asker, label, organisation_id=member.organisation_id, author_id=member.id
    )
    if label is TLP.RED or not asker_reads:
        raise UserError("question.asker_may_not_read", tlp=label.value, id=q.id)
    with context.db.write() as session:
        answer = questions.add_answer(
            session, context.caller.actor, context.now(), question_id=q.id, author_id=member.id,
            organisation_id=member.organisation_id, body=parsed.text, tlp=label, source=source,
        )  # fmt: skip
    replies = [Reply(text=context.t("question.answer_sent", id=q.id, title=q.title), tlp=label)]
    if asker is not None and asker.active and asker.id != member.id:
        replies += notices.direct(
            [asker], context.settings, lambda w: _answer_text(w, q, answer), tlp=label,
            buttons=(Button(HELPFUL, str(answer.id), Writer.for_member(
                asker, context.settings).t("button.helpful"), "primary"),),
        )  # fmt: skip
    return replies


def _answer_text(writer: Writer, q: QuestionView, a: AnswerView) -> tuple[str, tuple[Section, ...]]:
    who = _who(writer.t("value.unknown"), a.author_name, a.organisation_name)
    return writer.t("question.new_answer", id=q.id, title=q.title, who=who), (
        Section(text=a.body, context=f"{a.tlp.value}"),
    )


# --- the answer that helped ---------------------------------------------------------------


def helpful(context: Context) -> list[Reply]:
    """*Dit hielp*: the question and its answers become a knowledge item."""
    require_member(context)
    member = context.caller.member
    answer_id = item_number(context.request.action_value, "question.bad_number")
    with context.db.read() as session:
        q = questions.of_answer(session, context.audience(), answer_id)
    if q is None:
        raise UserError("question.answer_gone")
    if q.closed_at is not None:
        raise UserError("question.closed", id=q.id, item=q.item_id or "?")
    if member is None or member.id != q.asker_id:
        raise UserError("question.only_asker")
    kept, left_out = _item_answers(q, member, answer_id)
    label = strictest([q.tlp, *(a.tlp for a in kept)]) or q.tlp
    tags = (*q.tags, "vraag")
    with context.db.write() as session:
        item = knowledge.create(
            session, context.caller.actor, context.now(), title=q.title,
            body=_item_body(context, q, kept), tlp=label, tags=tags, author_id=member.id,
            organisation_id=member.organisation_id, review_at=next_review(context, tags),
        )  # fmt: skip
        questions.close(session, context.caller.actor, context.now(), q.id, answer_id, item.id)
    text = context.t("question.saved", id=q.id, item=item.id, tlp=label.value)
    if left_out:
        text += "\n" + context.t("question.left_out", count=left_out)
    show_item = Button("kennis.show", str(item.id), context.t("button.show"))
    replies = [Reply(text=text, buttons=(show_item,), tlp=label)]
    helper = next(a for a in q.answers if a.id == answer_id)
    if helper.author_id and helper.author_id != member.id:
        with context.db.read() as session:
            author = members.get_member_by_id(session, helper.author_id)
        if author is not None:
            replies += notices.direct(
                [author], context.settings,
                lambda w: (w.t("question.your_answer_helped", title=q.title, item=item.id), ()),
                tlp=label,
                may_read=lambda m: notices.may_read(m, label, organisation_id=item.organisation_id,
                                                    author_id=item.author_id),
            )  # fmt: skip
    return replies


def _item_answers(
    q: QuestionView, asker: MemberView, helpful_id: int
) -> tuple[list[AnswerView], int]:
    """The answers the item may hold: AMBER+STRICT of another organisation stays out
    (the item belongs to the asker's organisation, whose members would read it)."""
    kept = [a for a in q.answers if not (
        a.tlp is TLP.AMBER_STRICT and a.organisation_id != asker.organisation_id)]  # fmt: skip
    kept.sort(key=lambda a: (a.id != helpful_id, a.created_at))
    return kept, len(q.answers) - len(kept)


def _item_body(context: Context, q: QuestionView, answers: list[AnswerView]) -> str:
    parts = [q.body] if q.body else []
    for a in answers:
        who = _who(context.t("value.unknown"), a.author_name, a.organisation_name)
        mark = "✅ " if a.id == answers[0].id else ""
        parts.append(f"{mark}{context.t('question.answer_by', who=who)}\n{a.body}")
    return "\n\n".join(parts)


# --- lists ----------------------------------------------------------------------------------


def open_list(context: Context, _rest: str) -> Reply:
    """`/kennis vragen`: open questions the caller may see, oldest first."""
    require_member(context)
    with context.db.read() as session:
        found = questions.open_questions(session, context.audience(), limit=20)
    if not found:
        return Reply(text=context.t("question.none_open"))
    sections = tuple(_line(context, q) for q in found)
    return Reply(text=context.t("question.open_title", count=len(found)), sections=sections,
                 tlp=strictest(q.tlp for q in found))  # fmt: skip


def _line(context: Context, q: QuestionView) -> Section:
    who = _who(context.t("value.unknown"), q.asker_name, q.organisation_name)
    return Section(
        text=f"**#{q.id} {q.title}**",
        context=context.t(
            "question.line",
            who=who,
            date=context.date(q.created_at),
            answers=len(q.answers),
            tlp=q.tlp.value,
        ),
        buttons=(
            Button(SHOW, str(q.id), context.t("button.show")),
            Button(ANSWER, str(q.id), context.t("button.answer")),
        ),
    )


def show(context: Context) -> Reply:
    """A question with the answers the reader may see; the asker can mark one."""
    q = _visible_question(context, context.request.action_value)
    reader = context.audience()
    shown = [a for a in q.answers if may_see(reader, a.tlp, organisation_id=a.organisation_id,
                                                       author_id=a.author_id)]  # fmt: skip
    is_asker = context.caller.member_id == q.asker_id and q.closed_at is None
    sections = [
        Section(text=a.body, context=context.t("question.answer_by", who=(
            a.author_name or context.t("value.unknown"))) + f" · {a.tlp.value}",
            buttons=(Button(HELPFUL, str(a.id), context.t("button.helpful")),) if is_asker else ())
        for a in shown
    ]  # fmt: skip
    text = f"**#{q.id} {q.title}**" + (f"\n{q.body}" if q.body else "")
    if len(shown) < len(q.answers):
        text += "\n" + context.t("question.hidden_answers", count=len(q.answers) - len(shown))
    return Reply(text=text, sections=tuple(sections),
                 tlp=strictest([q.tlp, *(a.tlp for a in shown)]))  # fmt: skip


def unanswered_since(settings: CoreSettings, now: datetime) -> datetime:
    """Asked before this moment (three working days ago) and still without an answer:
    the werkgroep hears of it."""
    local = now.astimezone(ZoneInfo(settings.timezone))
    day = local.date()
    for _ in range(UNANSWERED_WORKDAYS):
        day -= timedelta(days=1)
        while not settings.work_calendar.is_workday(day):
            day -= timedelta(days=1)
    return datetime.combine(day, local.timetz())


# --- the werkgroep hears of questions nobody answers ----------------------------------------


def unanswered_overview(context: JobContext) -> list[Reply]:
    """Once a week, with the overdue actions: questions without an answer after three
    working days, to the werkgroep (what may not be shown where it reads: a number)."""
    week = overview_week(context)
    if week is None:
        return []
    key = f"unanswered-questions:{week}"
    before = unanswered_since(context.settings, context.now())
    with context.db.write() as session:
        if not reminders_store.claim_notice(session, key, context.now()):
            return []
        waiting = [q for q in questions.open_questions(session, Audience.bookkeeping(),
                                                       before=before, limit=200)
                   if not q.answers]  # fmt: skip
        if waiting:
            delivery.plan(session, key, _unanswered(context, waiting), context.now())
    return []


def _unanswered(context: JobContext, waiting: list[QuestionView]) -> list[Reply]:
    def listing(shown: list[QuestionView]) -> notices.Message:
        def message(w: Writer) -> tuple[str, tuple[Section, ...]]:
            lines = [f"• #{q.id} {q.title} — {q.asker_name or w.t('value.unknown')}, "
                     f"{w.date(q.created_at)}" for q in shown]  # fmt: skip
            if len(shown) < len(waiting):
                lines.append(w.t("question.unanswered_hidden", count=len(waiting) - len(shown)))
            return w.t("question.unanswered_title"), (Section(text="\n".join(lines)),)

        return message

    open_ = [q for q in waiting if may_show_in(q.tlp, Place.CHANNEL)]
    return notices.workgroup(
        context.db, context.settings, listing(waiting), tlp=strictest(q.tlp for q in waiting),
        without_content=listing(open_),
        may_read=lambda m: all(notices.may_read(m, q.tlp, organisation_id=q.organisation_id,
                                                author_id=q.asker_id) for q in waiting),
    )  # fmt: skip
