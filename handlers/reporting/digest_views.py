"""The weekly digest as a mayor reads it: the core in three lines, what is asked of them,
then bottlenecks, actions and knowledge, each a short list with buttons to open it.

`gather` reads the facts for one reader (through TLP: what they may not see is only
counted); `compose` writes them in the reader's language, addressing them as "u".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from storage import activity, questions
from storage import knowledge as knowledge_store
from storage.activity import Period, Shown
from storage.db import Database
from storage.questions import QuestionView
from storage.tlp import TLP, Audience, strictest
from storage.views import ActionView, BottleneckView, KnowledgeView

from handlers.actions.views import deadline_words, overdue_line
from handlers.knowledge.views import TLP_ICONS
from handlers.messages import Button, Section
from handlers.wording import Words, counted

Item = TypeVar("Item")

SHOWN = 5  # items per list; the rest is a number and a command
SOON_DAYS = 14


@dataclass(frozen=True)
class Trend:
    knowledge: tuple[int, int]  # (this period, the one before)
    bottlenecks: tuple[int, int]
    done: tuple[int, int]
    overdue: tuple[int, int]


@dataclass(frozen=True)
class DigestFacts:
    period: Period
    now: datetime
    today: date
    knowledge: Shown[KnowledgeView]
    new: Shown[BottleneckView]
    recognised: tuple[tuple[BottleneckView, int], ...]
    recognised_hidden: int
    escalated: Shown[BottleneckView]
    answered: Shown[BottleneckView]
    waiting: Shown[BottleneckView]
    decisions: Shown[BottleneckView]  # asked of the regional board: of the reader
    national: Shown[BottleneckView]  # asked of a national body by the network
    done: tuple[ActionView, ...]
    due_soon: tuple[ActionView, ...]
    overdue: tuple[ActionView, ...]
    trend: Trend
    # Knowledge the reader may see that is past its review date (not archived).
    to_review: int = 0
    # Questions to the network the reader may see, without an answer after 3 working days.
    unanswered: tuple[QuestionView, ...] = ()

    @property
    def late_answers(self) -> tuple[BottleneckView, ...]:
        return tuple(b for b in self.waiting.items if b.answer_due and b.answer_due < self.now)

    @property
    def overdue_escalated(self) -> tuple[ActionView, ...]:
        return tuple(a for a in self.overdue if a.escalated_at is not None)

    @property
    def labels(self) -> list[TLP]:
        bottlenecks = [*self.new.items, *self.escalated.items, *self.answered.items]
        bottlenecks += [*self.waiting.items, *self.decisions.items, *self.national.items]
        bottlenecks += [b for b, _n in self.recognised]
        work = [*self.done, *self.due_soon, *self.overdue]
        return (
            [k.tlp for k in self.knowledge.items]
            + [q.tlp for q in self.unanswered[:SHOWN]]
            + [b.tlp for b in bottlenecks]
            + [a.tlp for a in work]
        )


def gather(
    db: Database,
    audience: Audience,
    period: Period,
    now: datetime,
    today: date,
    unanswered_before: datetime | None = None,
) -> DigestFacts:
    """Everything the digest says for `audience`, about `period`, with open work as of `today`."""
    before = Period(period.start - (period.end - period.start), period.start)
    with db.read() as session:
        knowledge = activity.new_knowledge(session, audience, period, limit=SHOWN)
        new = activity.new_bottlenecks(session, audience, period)
        recognised, recognised_hidden = activity.newly_recognised(session, audience, period)
        histories = activity.action_histories(session, audience, Period(before.start, period.end))
        done = activity.actions_done(session, audience, period)
        trend = Trend(
            knowledge=(knowledge.total, activity.knowledge_shared(session, before)),
            bottlenecks=(new.total, activity.new_bottlenecks(session, audience, before).total),
            done=(len(done), len(activity.actions_done(session, audience, before))),
            overdue=_overdue_counts(histories, period, today),
        )
        return DigestFacts(
            period=period,
            now=now,
            today=today,
            knowledge=knowledge,
            new=new,
            recognised=recognised,
            recognised_hidden=recognised_hidden,
            escalated=activity.escalated(session, audience, period),
            answered=activity.answered(session, audience, period),
            waiting=activity.waiting_for_answer(session, audience),
            decisions=activity.decisions_asked(session, audience),
            national=activity.decisions_asked(session, audience, of_board=False),
            done=tuple(done),
            due_soon=tuple(
                activity.actions_due(session, audience, today, today + timedelta(days=SOON_DAYS))
            ),
            overdue=tuple(activity.actions_overdue(session, audience, today)),
            trend=trend,
            to_review=knowledge_store.currency(session, audience, today)[1],
            unanswered=tuple(
                q
                for q in questions.open_questions(session, audience, before=unanswered_before)
                if not q.answers
            )
            if unanswered_before is not None
            else (),
        )


def _overdue_counts(
    histories: Sequence[activity.ActionHistory], period: Period, today: date
) -> tuple[int, int]:
    week_ago = today - (period.end - period.start)
    now_, then = activity.states_over_time(
        histories, [(period.end, today), (period.start, week_ago)]
    )
    return now_[activity.OVERDUE], then[activity.OVERDUE]


# --- writing ---------------------------------------------------------------------------


def _join(words: Words, parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return words.t("digest.join", first=", ".join(parts[:-1]), last=parts[-1])


def headline(words: Words, facts: DigestFacts) -> str:
    """One sentence, with a status colour: what needs the holder's attention."""
    parts = []
    if facts.decisions.total:
        parts.append(counted(words, "digest.attention.decisions", facts.decisions.total))
    if facts.waiting.total:
        text = counted(words, "digest.attention.waiting", facts.waiting.total)
        if facts.late_answers:
            text += " " + words.t("digest.attention.late_answers", count=len(facts.late_answers))
        parts.append(text)
    if facts.overdue_escalated:
        parts.append(counted(words, "digest.attention.overdue", len(facts.overdue_escalated)))
    if facts.overdue_escalated or facts.late_answers:
        colour = "🔴"
    elif parts:
        colour = "🟠"
    else:
        colour = "🟢"
    if not parts:
        return f"{colour} {words.t('digest.attention.none')}"
    return f"{colour} {words.t('digest.attention', items=_join(words, parts))}"


def _arrow(pair: tuple[int, int]) -> str:
    now, before = pair
    return "↑" if now > before else "↓" if now < before else "="


def core_lines(words: Words, facts: DigestFacts) -> str:
    t = facts.trend
    week = words.t(
        "digest.week_numbers",
        knowledge=counted(words, "digest.count.knowledge", t.knowledge[0]),
        bottlenecks=counted(words, "digest.count.bottlenecks", t.bottlenecks[0]),
        done=counted(words, "digest.count.done", t.done[0]),
        overdue=counted(words, "digest.count.overdue", t.overdue[0]),
    )
    trend = words.t(
        "digest.trend",
        knowledge=f"{_arrow(t.knowledge)} {t.knowledge[0]} ({t.knowledge[1]})",
        bottlenecks=f"{_arrow(t.bottlenecks)} {t.bottlenecks[0]} ({t.bottlenecks[1]})",
        done=f"{_arrow(t.done)} {t.done[0]} ({t.done[1]})",
        overdue=f"{_arrow(t.overdue)} {t.overdue[0]} ({t.overdue[1]})",
    )
    return "\n".join((headline(words, facts), week, trend))


def _bottleneck_button(b: BottleneckView) -> Button:
    return Button("knelpunt.show", str(b.id), _label(b.id, b.title))


def _action_button(a: ActionView) -> Button:
    return Button("actie.show", str(a.id), _label(a.id, a.title))


def _label(number: int, title: str) -> str:
    text = f"#{number} {title}"
    return text if len(text) <= 40 else text[:39] + "…"


def _listed(
    words: Words, title_key: str, items: Sequence[Item], line: Callable[[Item], str], more_key: str
) -> list[str]:
    if not items:
        return []
    lines = [f"_{words.t(title_key)}_"] + [f"• {line(i)}" for i in items[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(words.t(more_key, count=len(items) - SHOWN))
    return lines


def _excerpt(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _owner(words: Words, a: ActionView) -> str:
    owner = a.owner_name or words.t("value.unknown")
    return f"{owner} ({a.owner_organisation})" if a.owner_organisation else owner


def _waiting_line(words: Words, b: BottleneckView, now: datetime) -> str:
    line = words.t(
        "digest.waiting_line",
        id=b.id,
        title=b.title,
        body=b.escalated_to or "?",
        since=words.date(b.escalated_at or b.updated_at),
    )
    if b.answer_due:
        late = (now - b.answer_due).days
        key = "digest.answer_late" if late > 0 else "digest.answer_due"
        line += " " + words.t(key, date=words.date(b.answer_due), days=late)
    return line


def attention_section(words: Words, facts: DigestFacts) -> Section:
    """ "Wat vraagt dit van u?": decisions asked, answers awaited, actions late after escalation."""
    lines = _listed(
        words,
        "digest.decisions",
        facts.decisions.items,
        lambda b: words.t(
            "digest.decision_line",
            id=b.id,
            title=b.title,
            decision=_excerpt(b.decision_asked or ""),
        ),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.waiting",
        facts.waiting.items,
        lambda b: _waiting_line(words, b, facts.now),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.overdue_escalated",
        facts.overdue_escalated,
        lambda a: words.t("digest.overdue_line", **overdue_line(words, a, facts.today)),
        "digest.more",
    )
    hidden = facts.decisions.hidden + facts.waiting.hidden
    if hidden:
        lines.append(counted(words, "digest.hidden_bottlenecks", hidden))
    buttons = [_bottleneck_button(b) for b in (*facts.decisions.items, *facts.waiting.items)]
    buttons += [_action_button(a) for a in facts.overdue_escalated]
    unique = tuple({b.value + b.action_id: b for b in buttons}.values())[:SHOWN]
    text = "\n".join(lines) if lines else words.t("digest.nothing_asked")
    return Section(text=f"**{words.t('digest.asked_title')}**\n{text}", buttons=unique)


def bottleneck_section(words: Words, facts: DigestFacts) -> Section:
    lines = _listed(
        words,
        "digest.new_bottlenecks",
        facts.new.items,
        lambda b: words.t(
            "digest.new_line",
            icon=TLP_ICONS[b.tlp],
            id=b.id,
            title=b.title,
            organisation=b.organisation_name or words.t("value.unknown"),
            municipalities=counted(words, "bottleneck.count", b.support_count),
        ),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.recognised",
        facts.recognised,
        lambda pair: words.t(
            "digest.recognised_line",
            id=pair[0].id,
            title=pair[0].title,
            joined=pair[1],
            municipalities=counted(words, "bottleneck.count", pair[0].support_count),
        ),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.escalated",
        facts.escalated.items,
        lambda b: words.t(
            "digest.escalated_line", id=b.id, title=b.title, body=b.escalated_to or "?"
        ),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.answered",
        facts.answered.items,
        lambda b: words.t(
            "digest.answered_line",
            id=b.id,
            title=b.title,
            body=b.escalated_to or "?",
            answer=_excerpt(b.answer or ""),
        ),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.national_decisions",
        facts.national.items,
        lambda b: words.t(
            "digest.national_line", id=b.id, title=b.title,
            body=b.escalated_to or words.t("digest.body_unknown"),
            decision=_excerpt(b.decision_asked or ""),
        ),
        "digest.more",
    )  # fmt: skip
    hidden = facts.new.hidden + facts.recognised_hidden + facts.escalated.hidden
    hidden += facts.answered.hidden + facts.national.hidden
    if hidden:
        lines.append(counted(words, "digest.hidden_bottlenecks", hidden))
    shown = [*facts.new.items, *(b for b, _n in facts.recognised), *facts.escalated.items]
    shown += [*facts.answered.items, *facts.national.items]
    buttons = tuple({b.id: _bottleneck_button(b) for b in shown}.values())[:SHOWN]
    text = "\n".join(lines) if lines else words.t("digest.no_bottlenecks")
    return Section(text=f"**{words.t('digest.bottlenecks_title')}**\n{text}", buttons=buttons)


def action_section(words: Words, facts: DigestFacts) -> Section:
    lines = _listed(
        words,
        "digest.done",
        facts.done,
        lambda a: words.t("digest.done_line", id=a.id, title=a.title, owner=_owner(words, a)),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.due_soon",
        facts.due_soon,
        lambda a: words.t(
            "digest.due_line",
            id=a.id,
            title=a.title,
            owner=_owner(words, a),
            deadline=deadline_words(words, a.deadline),
        ),
        "digest.more",
    )
    lines += _listed(
        words,
        "digest.overdue",
        facts.overdue,
        lambda a: (
            words.t(
                "digest.late_line",
                **{**overdue_line(words, a, facts.today), "owner": _owner(words, a)},
            )
            + (" ⚠️" if a.escalated_at else "")
        ),
        "digest.more",
    )
    shown = [*facts.overdue, *facts.due_soon]
    buttons = tuple({a.id: _action_button(a) for a in shown}.values())[:SHOWN]
    text = "\n".join(lines) if lines else words.t("digest.no_actions")
    return Section(text=f"**{words.t('digest.actions_title')}**\n{text}", buttons=buttons)


def knowledge_section(words: Words, facts: DigestFacts) -> Section:
    lines = [
        f"• {TLP_ICONS[k.tlp]} #{k.id} {k.title}"
        + (f" ({k.organisation_name})" if k.organisation_name else "")
        for k in facts.knowledge.items[:SHOWN]
    ]
    more = len(facts.knowledge.items) - SHOWN + facts.knowledge.more
    if more > 0:
        lines.append(words.t("digest.more", count=more))
    if facts.knowledge.hidden:
        lines.append(counted(words, "digest.hidden_knowledge", facts.knowledge.hidden))
    if facts.to_review:
        lines.append(counted(words, "digest.to_review", facts.to_review))
    if facts.unanswered:
        lines.append(counted(words, "digest.unanswered", len(facts.unanswered)))
        lines += [f"  • ❓ #{q.id} {q.title}" for q in facts.unanswered[:SHOWN]]
    buttons = tuple(
        Button("kennis.show", str(k.id), _label(k.id, k.title))
        for k in facts.knowledge.items[:SHOWN]
    )
    text = "\n".join(lines) if lines else words.t("digest.no_knowledge")
    return Section(text=f"**{words.t('digest.knowledge_title')}**\n{text}", buttons=buttons)


def compose(
    words: Words, facts: DigestFacts, *, note: str = ""
) -> tuple[str, tuple[Section, ...], TLP | None]:
    """The digest: a title, its sections, and the strictest label it shows."""
    last_day = facts.period.end - timedelta(microseconds=1)
    start, end = words.date(facts.period.start), words.date(last_day)
    first = facts.period.start.astimezone(words.timezone)
    whole_week = (
        first.weekday() == 0
        and first.time() == time(0)
        and (facts.period.end - facts.period.start == timedelta(days=7))
    )
    if whole_week:  # a digest as sent: one ISO week, Monday to Sunday, named so
        title = words.t("digest.title", week=first.isocalendar().week, start=start, end=end)
    else:  # a preview: the past seven days
        title = words.t("digest.title_days", start=start, end=end)
    label = strictest(facts.labels)
    footer = words.t("digest.footer", tlp=label.value if label else TLP.CLEAR.value)
    sections = [
        Section(text=core_lines(words, facts)),
        attention_section(words, facts),
        bottleneck_section(words, facts),
        action_section(words, facts),
        replace(knowledge_section(words, facts), context=footer),
    ]
    text = f"{note}\n{title}" if note else title
    return text, tuple(sections), label
