"""The progress report for the regional board (RBO): a Markdown document and a chart.

Per agreed action: owner, term, status, progress and postponements; the bottlenecks
raised and the national answers; knowledge shared per theme and municipality; the
decisions asked of the board; what comes next. Everything is read for one audience
through TLP (`storage.tlp`): the caller in chat, a chosen label on the command line.
Administrators are addressed as "u".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage import activity, members
from storage import knowledge as knowledge_store
from storage.activity import ActionHistory, Period, Shown
from storage.db import Database
from storage.tlp import TLP, Audience, strictest
from storage.views import BottleneckView

from handlers.actions.views import deadline_words
from handlers.context import Context
from handlers.i18n import format_date
from handlers.messages import Attachment, Reply
from handlers.permissions import require_role
from handlers.reporting import documents
from handlers.reporting.chart import action_chart
from handlers.reporting.document_text import inline
from handlers.reporting.period import ReportPeriod, parse_period
from handlers.wording import Words, counted

ROLES = ("werkgroep", "beheerder", "portefeuillehouder")


@dataclass(frozen=True)
class Report:
    markdown: str
    chart: bytes
    tlp: TLP
    name: str  # file name without extension: `voortgangsrapportage-q1-2027`


def command(context: Context, rest: str) -> Reply:
    """`/ciso rapport [periode]`: the report as files, for the caller's eyes."""
    require_role(context, *ROLES)
    months = context.t("date.months").split()
    period = parse_period(rest, context.today(), context.language, months)
    report = build(context.db, context, context.audience(), period, context.now(), context.timezone)
    title = context.t("report.title", period=period.name)
    made = documents.as_files(report.name, report.markdown, report.tlp, title, report.chart)
    return Reply(
        text=context.t("report.ready", period=period.name, tlp=report.tlp.value),
        files=(
            *(Attachment(name, content, kind) for name, content, kind in made),
            Attachment(f"{report.name}.png", report.chart, "image/png"),
        ),
        tlp=report.tlp,
    )


def _moment(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def samples(period: ReportPeriod, last: date) -> list[date]:
    """The days the chart shows: the first day, then every Monday (the first of every
    month for periods longer than half a year), and the last day."""
    days = [period.first]
    if period.days <= 190:
        day = period.first + timedelta(days=(7 - period.first.weekday()) % 7 or 7)
        while day < last:
            days.append(day)
            day += timedelta(weeks=1)
    else:
        day = (period.first.replace(day=1) + timedelta(days=32)).replace(day=1)
        while day < last:
            days.append(day)
            day = (day + timedelta(days=32)).replace(day=1)
    return [*days, last] if last > days[-1] else days


def build(
    db: Database,
    words: Words,
    audience: Audience,
    period: ReportPeriod,
    now: datetime,
    zone: ZoneInfo,
) -> Report:
    """The report of `period` for `audience`; a period still running is reported up to now."""
    today = now.astimezone(zone).date()
    last = min(period.last, today)
    # A running period is reported up to and including this moment.
    until = now + timedelta(microseconds=1)
    span = Period(_moment(period.first, zone), min(_moment(last + timedelta(days=1), zone), until))
    # Looking ahead: the period after this one (what is due in this one is above).
    next_first, next_last = period.following()
    ahead = (next_first, next_last)
    with db.read() as session:
        histories = activity.action_histories(session, audience, span)
        new = activity.new_bottlenecks(session, audience, span)
        escalated = activity.escalated(session, audience, span)
        answered = activity.answered(session, audience, span)
        decisions = activity.decisions_asked(session, audience)
        national = activity.decisions_asked(session, audience, of_board=False)
        per_tag, per_organisation, hidden_knowledge = activity.knowledge_counts(
            session, audience, span
        )
        supports = activity.supports_per_municipality(session, span)
        municipalities = [o.name for o in members.organisations(session) if o.kind == "gemeente"]
        coming = activity.actions_due(session, audience, *ahead)
        counted_labels = activity.knowledge_labels(session, audience, span)
        currency = knowledge_store.currency(session, audience, last)
    days = samples(period, last)
    counts = activity.states_over_time(
        histories, [(min(_moment(d + timedelta(days=1), zone), until), d) for d in days]
    )
    series = [
        (words.t(f"report.state.{s}"), [c[s] for c in counts]) for s in activity.ACTION_STATES
    ]
    bottlenecks_shown = [*new.items, *escalated.items, *answered.items, *decisions.items]
    bottlenecks_shown += national.items
    # A document states the strictest label of everything it shows, counts included.
    label = (
        strictest(
            [
                *(b.tlp for b in bottlenecks_shown),
                *(h.action.tlp for h in histories),
                *(a.tlp for a in coming),
                *counted_labels,
            ]
        )
        or TLP.CLEAR
    )
    title = words.t("report.title", period=period.name)
    name = f"{words.t('report.file')}-{period.file_part}"
    lines = [
        f"# {title}",
        "",
        words.t(
            "report.intro",
            first=format_date(period.first, words.language),
            last=format_date(period.last, words.language),
            made=format_date(today, words.language),
            tlp=label.value,
        ),
        "",
    ]
    if period.last > today:
        lines += [words.t("report.running", date=format_date(today, words.language)), ""]
    lines += _summary(words, histories, span, last, new, escalated, answered, per_organisation)
    lines += _decisions(words, decisions)
    lines += _national(words, national)
    lines += _actions(words, histories, span, last)
    lines += _bottlenecks(words, new, escalated, answered)
    lines += _knowledge(words, per_tag, per_organisation, hidden_knowledge, currency)
    lines += _participation(words, municipalities, per_organisation, supports)
    lines += [f"## {words.t('report.next_title')}", ""]
    lines += [words.t("report.next_span", first=format_date(next_first, words.language),
                      last=format_date(next_last, words.language)), ""]  # fmt: skip
    lines += [
        f"- #{a.id} {a.title} — {a.owner_name or words.t('value.unknown')}, "
        f"{deadline_words(words, a.deadline)}"
        for a in coming
    ] or [words.t("report.next_none")]
    lines += ["", f"## {words.t('report.chart_title')}", "", f"![{title}]({name}.png)", ""]
    chart_title = f"{words.t('report.chart_title')} — {period.name}"
    chart = action_chart(words, chart_title, days, series, label.value)
    return Report("\n".join(lines), chart, label, name)


def _state_at(history: ActionHistory, span: Period, last: date) -> str:
    return history.state_at(span.end, last) or activity.ON_SCHEDULE


def _summary(
    words: Words,
    histories: Sequence[ActionHistory],
    span: Period,
    last: date,
    new: Shown[BottleneckView],
    escalated: Shown[BottleneckView],
    answered: Shown[BottleneckView],
    per_organisation: Sequence[tuple[str, int]],
) -> list[str]:
    states = [_state_at(h, span, last) for h in histories]
    done = [h for h in histories if h.action.done_at and span.start <= h.action.done_at < span.end]
    on_time = sum(1 for h in done if h.done_on_time)
    shared = sum(n for _name, n in per_organisation)
    return [
        f"## {words.t('report.summary_title')}",
        "",
        "- "
        + words.t(
            "report.summary_actions",
            actions=counted(words, "count.action", len(histories)),
            done=len(done),
            on_time=on_time,
            overdue=states.count(activity.OVERDUE),
            delayed=states.count(activity.DELAYED),
        ),
        "- "
        + words.t(
            "report.summary_bottlenecks",
            new=new.total,
            escalated=escalated.total,
            answered=answered.total,
        ),
        "- "
        + words.t(
            "report.summary_knowledge",
            items=shared,
            organisations=len(per_organisation),
        ),
        "",
    ]


def _decisions(words: Words, decisions: Shown[BottleneckView]) -> list[str]:
    lines = [f"## {words.t('report.decisions_title')}", ""]
    lines += [
        f"- **#{b.id} {inline(b.title)}** ({counted(words, 'bottleneck.count', b.support_count)})"
        f" — {inline(b.decision_asked or '')}"
        for b in decisions.items
    ] or [words.t("report.decisions_none")]
    if decisions.hidden:
        lines.append(counted(words, "report.hidden_bottlenecks", decisions.hidden))
    return [*lines, ""]


def _national(words: Words, asked: Shown[BottleneckView]) -> list[str]:
    """What the network asks national bodies to decide: not a decision of the board."""
    if not asked.total:
        return []
    lines = [f"## {words.t('report.national_title')}", ""]
    unknown = words.t("digest.body_unknown")
    lines += [
        f"- **#{b.id} {inline(b.title)}** — "
        + words.t("report.national_line", body=inline(b.escalated_to or unknown),
                  decision=inline(b.decision_asked or ""))
        for b in asked.items
    ]  # fmt: skip
    if asked.hidden:
        lines.append(counted(words, "report.hidden_bottlenecks", asked.hidden))
    return [*lines, ""]


def _actions(
    words: Words, histories: Sequence[ActionHistory], span: Period, last: date
) -> list[str]:
    lines = [f"## {words.t('report.actions_title')}", ""]
    if not histories:
        return [*lines, words.t("report.actions_none"), ""]
    lines += [
        "| # | "
        + " | ".join(words.t(f"report.col.{c}") for c in ("action", "owner", "term", "status"))
        + " |",
        "|---|---|---|---|---|",
    ]
    for h in histories:
        a = h.action
        owner = a.owner_name or words.t("value.unknown")
        if a.owner_organisation:
            owner += f" ({a.owner_organisation})"
        term = words.t(
            "report.term",
            start=words.date(a.created_at),
            deadline=format_date(h.deadline_at(span.end), words.language),
        )
        state = _state_at(h, span, last)
        status = words.t(f"report.state.{state}")
        if state == activity.OVERDUE:
            status += f" ({counted(words, 'action.late', (last - h.deadline_at(span.end)).days)})"
        lines.append(f"| {a.id} | {inline(a.title)} | {inline(owner)} | {term} | {status} |")
    details = [h for h in histories if h.progress or h.postponements]
    if details:
        lines += ["", f"### {words.t('report.progress_title')}"]
    for h in details:
        lines += ["", f"**#{h.action.id} {inline(h.action.title)}**", ""]
        lines += [
            f"- {words.date(at)} — {inline(who)}: {inline(text)}"
            for at, who, text in h.progress
            if at < span.end
        ]
        lines += [
            "- "
            + words.t(
                "report.postponed",
                date=words.date(at),
                old=format_date(old, words.language) if old else "?",
                new=format_date(new, words.language) if new else "?",
            )
            + (f" — {words.t('report.postponed_why')} {inline(why)}" if why else "")
            for at, old, new, why in h.postponements
            if at < span.end
        ]
    return [*lines, ""]


def _bottlenecks(
    words: Words,
    new: Shown[BottleneckView],
    escalated: Shown[BottleneckView],
    answered: Shown[BottleneckView],
) -> list[str]:
    lines = [f"## {words.t('report.bottlenecks_title')}", ""]
    shown = {b.id: b for b in (*new.items, *escalated.items, *answered.items)}
    if not shown:
        lines.append(words.t("report.bottlenecks_none"))
    else:
        lines += [
            "| # | "
            + " | ".join(
                words.t(f"report.col.{c}")
                for c in ("bottleneck", "municipalities", "status", "escalated", "answer")
            )
            + " |",
            "|---|---|---|---|---|---|",
        ]
        for b in sorted(shown.values(), key=lambda b: b.id):
            where = (
                f"{b.escalated_to}, {words.date(b.escalated_at)}"
                if b.escalated_to and b.escalated_at
                else "—"
            )
            if b.reference:
                where += f" ({inline(b.reference)})"
            answer = (
                f"{words.date(b.answered_at)}: {inline(b.answer)}"
                if b.answer and b.answered_at
                else "—"
            )
            lines.append(
                f"| {b.id} | {inline(b.title)} | {b.support_count} | "
                f"{words.t('status.' + b.status)} | {where} | {answer} |"
            )
    hidden = new.hidden + escalated.hidden + answered.hidden
    if hidden:
        lines += ["", counted(words, "report.hidden_bottlenecks", hidden)]
    return [*lines, ""]


def _knowledge(
    words: Words,
    per_tag: Sequence[tuple[str, int]],
    per_organisation: Sequence[tuple[str, int]],
    hidden: int,
    currency: tuple[int, int, int] = (0, 0, 0),
) -> list[str]:
    lines = [f"## {words.t('report.knowledge_title')}", ""]
    current, stale, archived = currency
    if current + stale:  # how current the whole knowledge base is, not only this period's
        share = round(100 * current / (current + stale))
        lines += [words.t("report.currency", current=current, total=current + stale,
                          share=share, stale=stale, archived=archived), ""]  # fmt: skip
    if not per_organisation and not hidden:
        return [*lines, words.t("report.knowledge_none"), ""]
    lines.append(words.t("report.per_theme"))
    lines += [f"- #{inline(tag)}: {n}" for tag, n in per_tag[:15]] or ["- —"]
    lines += ["", words.t("report.per_organisation")]
    lines += [f"- {inline(name)}: {n}" for name, n in per_organisation] or ["- —"]
    if hidden:
        lines += ["", counted(words, "report.hidden_knowledge", hidden)]
    return [*lines, ""]


def _participation(
    words: Words,
    municipalities: Sequence[str],
    per_organisation: Sequence[tuple[str, int]],
    supports: dict[str, int],
) -> list[str]:
    shared = dict(per_organisation)
    active = [m for m in municipalities if shared.get(m) or supports.get(m)]
    lines = [
        f"## {words.t('report.participation_title')}",
        "",
        words.t("report.participation", active=len(active), total=len(municipalities)),
        "",
    ]
    if active:
        lines += [
            f"| {words.t('report.col.municipality')} | {words.t('report.col.shared')} | "
            f"{words.t('report.col.recognised')} |",
            "|---|---|---|",
        ]
        lines += [f"| {m} | {shared.get(m, 0)} | {supports.get(m, 0)} |" for m in active]
        lines.append("")
    quiet = [m for m in municipalities if m not in active]
    if quiet:
        lines += [words.t("report.quiet", municipalities=", ".join(quiet)), ""]
    return lines
