"""What people wrote, made inert in every chat message the bot sends (channel, DM, reply).

Text a member typed or a captured message held is shown to others, so it must not act
on them: mass mentions (`@channel`, `<!here>`) and personal mentions (`<@U0BRAM>`,
`@bram`) do not ping, a link shows the address it goes to instead of a disguise
(`<https://evil.example|IBD-portal>`, `[Klik](https://…)`), and an image is a link, not
something every reader's client loads. The words stay readable. Every reply passes
through `inert_reply` in the router; this is the one place for chat text, as
`handlers.reporting.document_text` is for documents.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handlers.messages import Button, Reply

_ZERO_WIDTH = "\u200b"
# Slack's markup for mass mentions and user groups, and the plain forms.
_SLACK_MASS = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>", re.IGNORECASE)
_SLACK_GROUP = re.compile(r"<!subteam\^[^>|]*(?:\|([^>]*))?>")
# A person: `<@U0BRAM>` or `<@U0BRAM|bram>` (how adapters hand mentions to the core).
_PERSON = re.compile(r"<@([A-Za-z0-9._:\-]{1,64})(?:\|([^<>]{0,200}))?>")
# `@here`, `@bram`, `@bram.leiden` — not an e-mail address (`jan@gemeente.nl`).
_PLAIN_MENTION = re.compile(r"(?<![\w@.])@(?=[A-Za-z0-9])")
# `<https://…|label>` and `<https://…>`; `![alt](url)` and `[label](url)`.
_SLACK_LINK = re.compile(r"<((?:https?|mailto|ftp):[^|<>\s]+)(?:\|([^<>]*))?>", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(
    r"(!?)\[([^\[\]\n]{0,300})\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)


def _shown(label: str, url: str) -> str:
    """A link as its words and its real address (just the address when they agree)."""
    label = label.strip()
    bare = re.sub(r"^(?:https?|mailto|ftp):(?://)?", "", url, flags=re.IGNORECASE).rstrip("/")
    if not label or label.rstrip("/") in (url.rstrip("/"), bare):
        return url
    return f"{label} ({url})"


def inert(text: str) -> str:
    """`text` with mentions that do not ping and links that show where they go."""
    if not text:
        return text
    text = _SLACK_MASS.sub(lambda m: f"@{_ZERO_WIDTH}{m.group(1)}", text)
    text = _SLACK_GROUP.sub(lambda m: f"@{_ZERO_WIDTH}{(m.group(1) or 'group').lstrip('@')}", text)
    text = _PERSON.sub(lambda m: "@" + (m.group(2) or m.group(1)).lstrip("@"), text)
    text = _SLACK_LINK.sub(lambda m: _shown(m.group(2) or "", m.group(1)), text)
    text = _MARKDOWN_LINK.sub(lambda m: _shown(m.group(2), m.group(3)), text)
    return _PLAIN_MENTION.sub("@" + _ZERO_WIDTH, text)


def _inert_button(button: Button) -> Button:
    return replace(button, label=inert(button.label), confirm=inert(button.confirm))


def inert_reply(reply: Reply) -> Reply:
    """The reply with every text in it made inert (buttons' values are left alone)."""
    sections = tuple(
        replace(
            s,
            text=inert(s.text),
            context=inert(s.context),
            fields=tuple(replace(f, label=inert(f.label), value=inert(f.value)) for f in s.fields),
            buttons=tuple(_inert_button(b) for b in s.buttons),
        )
        for s in reply.sections
    )
    return replace(
        reply,
        text=inert(reply.text),
        sections=sections,
        buttons=tuple(_inert_button(b) for b in reply.buttons),
    )
