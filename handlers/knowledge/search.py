"""`/kennis zoek`: read a search as people type it, run it through TLP, page the results.

Syntax: words, `"exact phrases"`, `prefix*`, and filters `#tag`, `tlp:amber`,
`gemeente:Delft` (or `gemeente:"Den Haag"`), `sinds:2026-01-01`. Anything else is
just text: it is never handed to the search engine as syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from storage import members
from storage import search as store
from storage.knowledge import normalise_tag
from storage.tlp import TLP

from handlers.context import Context
from handlers.core import Router
from handlers.knowledge.views import hit_section, strictest
from handlers.messages import Button, Reply, UserError
from handlers.parsing import TAG, clean

MAX_QUERY = 500

_PHRASE = re.compile(r'"([^"]*)"')
_ORG_FILTER = re.compile(r'\b(?:gemeente|organisatie|organisation|org):("([^"]*)"|\S+)', re.I)
_TLP_FILTER = re.compile(r"\btlp:\s*(amber\s*\+\s*strict|\S+)", re.I)
_SINCE_FILTER = re.compile(r"\b(?:sinds|since|vanaf):(\S*)", re.I)
_ARCHIVE_FILTER = re.compile(r"\b(?:archief|archive):(\S*)", re.I)
ARCHIVE_WORDS = {"ja": True, "yes": True, "nee": False, "no": False}
_PREFIX = re.compile(r"(?<![^\W_])([^\W_]{2,})\*", re.UNICODE)


@dataclass(frozen=True)
class ParsedSearch:
    """A search as typed, split into text and filters (not yet checked against data)."""

    words: tuple[str, ...]
    phrases: tuple[str, ...]
    prefixes: tuple[str, ...]
    tags: tuple[str, ...]
    tlp: str | None
    organisation: str | None
    since: str | None
    archive: str | None = None


def parse(text: str) -> ParsedSearch:
    """Split a search into words, phrases, prefixes and filters; never fails."""
    organisation = tlp = since = None
    if match := _ORG_FILTER.search(text):
        organisation = match.group(2) if match.group(2) is not None else match.group(1)
        text = text[: match.start()] + " " + text[match.end() :]
    if match := _TLP_FILTER.search(text):
        tlp = match.group(1)
        text = text[: match.start()] + " " + text[match.end() :]
    if match := _SINCE_FILTER.search(text):
        since = match.group(1)
        text = text[: match.start()] + " " + text[match.end() :]
    archive = None
    if match := _ARCHIVE_FILTER.search(text):
        archive = match.group(1)
        text = text[: match.start()] + " " + text[match.end() :]
    tags = tuple(dict.fromkeys(m.group(1).lower() for m in TAG.finditer(text)))
    text = TAG.sub(" ", text)
    phrases = tuple(p.strip() for p in _PHRASE.findall(text) if p.strip())
    text = _PHRASE.sub(" ", text)
    prefixes = tuple(_PREFIX.findall(text))
    text = _PREFIX.sub(" ", text)
    words = tuple(text.replace('"', " ").split())
    return ParsedSearch(words, phrases, prefixes, tags, tlp, organisation, since, archive)


def register(router: Router) -> None:
    router.add_action("kennis.more", more)


def search(context: Context, rest: str) -> Reply:
    text = clean(rest)
    if not text:
        raise UserError("search.usage")
    if len(text) > MAX_QUERY:
        raise UserError("search.too_long", limit=MAX_QUERY)
    return _results(context, text, offset=0)


def more(context: Context) -> Reply:
    """The "more results" button: its value is `offset|mode|query`.

    The mode (`all`/`any`, with `+` when compounds were matched) keeps every page
    of one search on the same query as its first page.
    """
    offset_text, mode, text = [*context.request.action_value.split("|", 2), "", ""][:3]
    words = mode.removesuffix("+")
    if not offset_text.isdigit() or words not in ("all", "any") or len(text) > MAX_QUERY:
        raise UserError("error.unknown_action")
    return _results(
        context,
        clean(text),
        offset=int(offset_text),
        match_any=words == "any",
        compounds=mode.endswith("+"),
    )


def _results(
    context: Context,
    text: str,
    offset: int,
    match_any: bool = False,
    compounds: bool | None = None,
) -> Reply:
    query = replace(_resolve(context, parse(text)), match_any=match_any, compounds=compounds)
    size = context.settings.page_size
    with context.db.read() as session:
        page = store.search(session, context.audience(), query, size + 1, offset)
    hits = page.hits
    broadened = page.query.match_any and not match_any
    if not hits:
        key = "search.no_results" if offset == 0 else "search.no_more"
        return Reply(text=context.t(key, query=text))
    shown = hits[:size]
    intro = context.t(
        "search.broadened" if broadened else "search.results",
        query=text,
        first=offset + 1,
        last=offset + len(shown),
    )
    if page.newest_first:
        intro += "\n" + context.t("search.newest_first")
    if page.did_you_mean:
        words = ", ".join(f"_{w}_" for w in page.did_you_mean)
        intro = context.t("search.did_you_mean", words=words) + "\n" + intro
    if not context.caller.has_access:
        intro = context.t("member.guest_note") + "\n" + intro
    buttons: tuple[Button, ...] = ()
    if len(hits) > size:
        found_by = page.query
        mode = ("any" if found_by.match_any else "all") + ("+" if found_by.compounds else "")
        value = f"{offset + size}|{mode}|{text}"
        buttons = (Button("kennis.more", value, context.t("button.more")),)
    return Reply(
        text=intro,
        sections=tuple(hit_section(context, hit) for hit in shown),
        buttons=buttons,
        tlp=strictest([hit.item for hit in shown]),
    )


def _resolve(context: Context, parsed: ParsedSearch) -> store.SearchQuery:
    """Check the filters against what exists and build the storage query."""
    label = None
    if parsed.tlp is not None:
        label = TLP.parse("TLP:" + parsed.tlp)
        if label is None:
            raise UserError("search.bad_tlp", value=parsed.tlp[:30])
    organisation_id = None
    if parsed.organisation is not None:
        with context.db.read() as session:
            org = members.find_organisation(session, parsed.organisation)
        if org is None:
            raise UserError("search.bad_organisation", value=parsed.organisation[:60])
        organisation_id = org.id
    since = _since(context, parsed.since) if parsed.since is not None else None
    archived = False
    if parsed.archive is not None:
        if parsed.archive.lower() not in ARCHIVE_WORDS:
            raise UserError("search.bad_archive", value=parsed.archive[:30] or "…")
        archived = ARCHIVE_WORDS[parsed.archive.lower()]
    query = store.SearchQuery(
        words=parsed.words,
        phrases=parsed.phrases,
        prefixes=parsed.prefixes,
        tags=tuple(normalise_tag(t) for t in parsed.tags),
        tlp=label,
        organisation_id=organisation_id,
        since=since,
        thesaurus=context.settings.thesaurus,
        archived=archived,
        today=context.today(),
    )
    if not query.has_text and not (query.tags or label or organisation_id or since):
        raise UserError("search.nothing_to_search")
    if query.has_text and store.match_expression(query) is None and not query.tags:
        raise UserError("search.nothing_to_search")
    return query


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m")


def _since(context: Context, value: str) -> datetime:
    """`sinds:2026-01-01` (also `1-1-2026`, `2026-01`) as the start of that day."""
    for fmt in _DATE_FORMATS:
        try:
            day = datetime.strptime(value, fmt).date()  # noqa: DTZ007 - only the date is used
        except ValueError:
            continue
        return _start_of(context, day)
    raise UserError("search.bad_since", value=value[:30] or "…")


def _start_of(context: Context, day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=context.timezone).astimezone(UTC)
