"""The weekly digest: sent once per recipient per week, previewed with `/ciso digest`.

Who gets it: every member with role portefeuillehouder, and anyone who subscribes
(`/ciso digest aan`); anyone can opt out (`uit`). When it is due: `DIGEST_CRON` in
the install's time zone (`handlers.digest_schedule`). The week's digests are rows
(`storage.digests`), so a restart never sends one twice, and a digest that fell due
while the bot was down goes out at the first sweep after, saying so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage import digests, members, reminders
from storage.activity import Period
from storage.db import Database
from storage.views import DigestView, MemberView

from handlers import delivery, notices
from handlers.context import Context, CoreSettings, JobContext
from handlers.core import Router
from handlers.i18n import format_weekday_date
from handlers.knowledge import questions
from handlers.messages import DeliveryKey, Reply, Section, UserError, Visibility
from handlers.parsing import split_word
from handlers.permissions import require_member
from handlers.reporting.digest_views import compose, gather

WEEK = timedelta(days=7)


def register(router: Router) -> None:
    router.add_job("digest.weekly", send_due)
    router.add_receipt("digest", confirm)


def due(settings: CoreSettings, now: datetime) -> datetime | None:
    """When this week's digest fell due, or last week's until this week's does."""
    schedule = settings.digest_schedule
    return schedule.due(now) if schedule else None


def digest_for(
    db: Database,
    settings: CoreSettings,
    member: MemberView,
    period: Period,
    now: datetime,
    *,
    note: str = "",
) -> Reply:
    """`member`'s digest of `period`, read as they may read it, in their language."""
    words = notices.Writer.for_member(member, settings)
    today = min(now, period.end).astimezone(words.timezone).date()
    unanswered_before = questions.unanswered_since(settings, now)
    facts = gather(db, notices.reader(member), period, now, today, unanswered_before)
    text, sections, label = compose(words, facts, note=note)
    return Reply(text=text, sections=sections, tlp=label)


def _monday(moment: datetime, zone: ZoneInfo) -> datetime:
    """Midnight at the start of the ISO week (Monday) that holds `moment`, in `zone`."""
    local = moment.astimezone(zone).date()
    return datetime.combine(local - timedelta(days=local.weekday()), time(0), tzinfo=zone)


def covered_week(due: datetime, zone: ZoneInfo) -> Period:
    """What a digest due at `due` covers: the whole ISO week before (Monday to Sunday,
    in the install's zone). Consecutive digests neither overlap nor leave a gap."""
    end = _monday(due, zone)
    return Period(end - WEEK, end)


def last_week(now: datetime) -> Period:
    """The seven days up to and including `now` (what a preview covers)."""
    end = now + timedelta(microseconds=1)
    return Period(end - WEEK, end)


# --- /ciso digest [aan|uit] ------------------------------------------------------------


def command(context: Context, rest: str) -> Reply:
    """Preview the caller's digest now, or subscribe / unsubscribe."""
    require_member(context)
    member = context.caller.member
    if member is None or not context.caller.is_member:
        raise UserError("member.not_member")
    word, _rest = split_word(rest)
    if word in ("aan", "on"):
        return _subscribe(context, member, True)
    if word in ("uit", "off"):
        return _subscribe(context, member, False)
    if word:
        raise UserError("digest.usage")
    now = context.now()
    preview = digest_for(context.db, context.settings, member, last_week(now), now)
    return Reply(
        text=context.t("digest.preview") + "\n" + preview.text,
        sections=preview.sections,
        tlp=preview.tlp,
    )


def _subscribe(context: Context, member: MemberView, wanted: bool) -> Reply:
    now = context.now()
    by_role = "portefeuillehouder" in member.roles
    with context.db.write() as session:
        changed = members.set_digest(
            session, context.caller.actor, now, member.id, None if wanted == by_role else wanted
        )
    if changed.gets_digest:
        start_next_week(context.db, context.settings, [changed.id], now)
    if not wanted:
        return Reply(text=context.t("digest.unsubscribed"))
    schedule = context.settings.digest_schedule
    upcoming = schedule.next_after(now) if schedule else None
    when = (
        format_weekday_date(upcoming.astimezone(context.timezone).date(), context.language)
        if upcoming
        else context.t("value.unknown")
    )
    return Reply(text=context.t("digest.subscribed", date=when))


def start_next_week(
    db: Database, settings: CoreSettings, member_ids: Sequence[int], now: datetime
) -> None:
    """New recipients start with the next digest, not a late copy of this week's."""
    moment = due(settings, now)
    if moment is not None:
        with db.write() as session:
            week = digests.week_key(moment.astimezone(ZoneInfo(settings.timezone)))
            digests.ensure(session, week, moment, member_ids, state=digests.SKIPPED)


# --- the weekly job --------------------------------------------------------------------


def send_due(context: JobContext) -> Sequence[Reply]:
    """Plan this week's digests once it is time, and send every digest that is due."""
    now = context.now()
    moment = due(context.settings, now)
    with context.db.write() as session:
        week = digests.week_key(moment.astimezone(context.timezone)) if moment else ""
        # The week's digests are planned once; who became a member after it fell due
        # starts with next week's.
        if moment and reminders.claim_notice(session, f"digest-planned:{week}", now):
            recipients = members.digest_recipients(session, joined_by=moment)
            digests.ensure(session, week, moment, [m.id for m in recipients])
        claimed = digests.claim_due(session, now, context.instance)
        people = members.members_by_ids(session, [d.member_id for d in claimed])
    replies = []
    for digest in claimed:
        member = people.get(digest.member_id)
        if member is None or not member.gets_digest:
            with context.db.write() as session:
                digests.release(session, digest.id, context.instance)
            continue
        if week and digest.week != week:  # the next week's is due: this one means nothing now
            with context.db.write() as session:
                if digests.mark_missed(session, digest.id, context.instance):
                    notice = _failure_notice(context, "digest.missed", digest, member)
                    delivery.plan(session, f"digest-missed:{digest.id}", notice, now)
            continue
        replies.append(_message(context, digest, member, now))
    return replies


def _message(context: JobContext, digest: DigestView, member: MemberView, now: datetime) -> Reply:
    end = week_moment(context.settings, digest)
    note = ""
    if now - end > delivery.LATE_AFTER:
        words = notices.Writer.for_member(member, context.settings)
        local = end.astimezone(words.timezone)
        note = words.t(
            "digest.late",
            date=format_weekday_date(local.date(), words.language),
            time=f"{local:%H:%M}",
        )
    covered = covered_week(end, context.timezone)
    reply = digest_for(context.db, context.settings, member, covered, now, note=note)
    platform, user = member.address(context.settings.platforms)
    return Reply(
        text=reply.text,
        sections=reply.sections,
        tlp=reply.tlp,
        visibility=Visibility.DIRECT,
        user=user,
        platform=platform,
        key=DeliveryKey("digest", digest.id, context.instance),
        maybe_sent=digest.maybe_sent,
    )


def week_moment(settings: CoreSettings, digest: DigestView) -> datetime:
    """When the week's digest fell due (a retry moves `due_at`, not the week it covers)."""
    schedule = settings.digest_schedule
    year, week = digest.week.split("-W")
    first = (
        schedule.first_in_week(date.fromisocalendar(int(year), int(week), 1)) if schedule else None
    )
    return first if first is not None and first <= digest.due_at else digest.due_at


def confirm(
    context: JobContext, key: DeliveryKey, error: str | None, unclear: bool = False
) -> None:
    """Record a digest as sent, or try again later (hourly once the ladder is used up)."""
    digest_id, token = key.number, key.token
    now = context.now()
    with context.db.write() as session:
        digest = digests.get(session, digest_id)
        if digest is None:
            return
        if error is None:
            late = now - week_moment(context.settings, digest) > delivery.LATE_AFTER
            digests.mark_sent(session, digest_id, token, now, late=late)
            return
        retry, owed = delivery.retry_at(now, digest.attempts, context.settings)
        digests.mark_failed(session, digest_id, token, error, retry, owed=owed, maybe_sent=unclear)
        if owed:  # the ladder is used up: the werkgroep hears it, once (the key is unique)
            member = members.get_member_by_id(session, digest.member_id)
            if member is not None:
                notice = _failure_notice(context, "digest.failed", digest, member)
                delivery.plan(session, f"digest-owed:{digest_id}", notice, now)


def _failure_notice(
    context: JobContext, text: str, digest: DigestView, member: MemberView
) -> list[Reply]:
    def message(w: notices.Writer) -> tuple[str, tuple[Section, ...]]:
        return w.t(text, name=member.display_name, week=digest.week), ()

    return notices.workgroup(context.db, context.settings, message, tlp=None,
                             without_content=message)  # fmt: skip
