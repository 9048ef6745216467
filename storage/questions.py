"""Questions to the network and their answers; a question the asker marks answered
becomes a knowledge item (`handlers.knowledge.questions` decides, this stores)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session, aliased

from storage import audit
from storage.models import Answer, Member, Organisation, Question
from storage.tlp import TLP, Audience, visible_clause
from storage.views import Actor


@dataclass(frozen=True)
class AnswerView:
    id: int
    question_id: int
    author_id: int | None
    author_name: str | None
    organisation_id: int | None
    organisation_name: str | None
    body: str
    tlp: TLP
    source: str
    helpful: bool
    created_at: datetime


@dataclass(frozen=True)
class QuestionView:
    id: int
    asker_id: int | None
    asker_name: str | None
    organisation_id: int | None
    organisation_name: str | None
    title: str
    body: str
    tags: tuple[str, ...]
    tlp: TLP
    created_at: datetime
    closed_at: datetime | None
    item_id: int | None
    answers: tuple[AnswerView, ...]


def visible(audience: Audience) -> ColumnElement[bool]:
    """The TLP condition for questions read by `audience` (a question is never RED)."""
    return visible_clause(
        audience,
        label=Question.tlp,
        organisation_id=Question.organisation_id,
        author_id=Question.asker_id,
        item_id=Question.id,
    )


def create(
    session: Session,
    actor: Actor,
    at: datetime,
    *,
    asker_id: int,
    organisation_id: int | None,
    title: str,
    body: str,
    tags: tuple[str, ...],
    tlp: TLP,
) -> QuestionView:
    row = Question(asker_id=asker_id, organisation_id=organisation_id, title=title, body=body,
                   tags=" ".join(tags), tlp=tlp.value, created_at=at)  # fmt: skip
    session.add(row)
    session.flush()
    audit.record(session, actor, "question.asked", "question", row.id, at, title=title,
                 tlp=tlp.value)  # fmt: skip
    return views(session, [row.id])[0]


def add_answer(
    session: Session,
    actor: Actor,
    at: datetime,
    *,
    question_id: int,
    author_id: int,
    organisation_id: int | None,
    body: str,
    tlp: TLP,
    source: str,
) -> AnswerView:
    row = Answer(question_id=question_id, author_id=author_id, organisation_id=organisation_id,
                 body=body, tlp=tlp.value, source=source, helpful=False, created_at=at)  # fmt: skip
    session.add(row)
    session.flush()
    audit.record(session, actor, "question.answered", "question", question_id, at,
                 answer=row.id, tlp=tlp.value)  # fmt: skip
    found = views(session, [question_id])[0]
    return next(a for a in found.answers if a.id == row.id)


def close(
    session: Session, actor: Actor, at: datetime, question_id: int, helpful_id: int, item_id: int
) -> None:
    """The asker marked the answer that helped; the question became item `item_id`."""
    session.execute(
        update(Answer).where(Answer.id == helpful_id, Answer.question_id == question_id)
        .values(helpful=True)
    )  # fmt: skip
    session.execute(
        update(Question).where(Question.id == question_id)
        .values(closed_at=at, item_id=item_id)
    )  # fmt: skip
    audit.record(session, actor, "question.closed", "question", question_id, at,
                 answer=helpful_id, item=item_id)  # fmt: skip


def get_visible(session: Session, audience: Audience, question_id: int) -> QuestionView | None:
    found = session.scalar(select(Question.id).where(Question.id == question_id, visible(audience)))
    return views(session, [found])[0] if found else None


def of_answer(session: Session, audience: Audience, answer_id: int) -> QuestionView | None:
    """The question an answer belongs to, if `audience` may see it."""
    found = session.scalar(
        select(Question.id)
        .join(Answer, Answer.question_id == Question.id)
        .where(Answer.id == answer_id, visible(audience))
    )
    return views(session, [found])[0] if found else None


def open_questions(
    session: Session, audience: Audience, before: datetime | None = None, limit: int = 50
) -> list[QuestionView]:
    """Open questions `audience` may see, oldest first (`before`: asked before then)."""
    stmt = select(Question.id).where(Question.closed_at.is_(None), visible(audience))
    if before is not None:
        stmt = stmt.where(Question.created_at < before)
    return views(session, list(session.scalars(stmt.order_by(Question.created_at).limit(limit))))


_ASKER = aliased(Member)


def views(session: Session, ids: list[int]) -> list[QuestionView]:
    if not ids:
        return []
    rows = session.execute(
        select(Question, _ASKER.display_name, Organisation.name)
        .outerjoin(_ASKER, _ASKER.id == Question.asker_id)
        .outerjoin(Organisation, Organisation.id == Question.organisation_id)
        .where(Question.id.in_(ids))
    ).all()
    author = aliased(Member)
    org = aliased(Organisation)
    answers: dict[int, list[AnswerView]] = {}
    for answer, name, organisation in session.execute(
        select(Answer, author.display_name, org.name)
        .outerjoin(author, author.id == Answer.author_id)
        .outerjoin(org, org.id == Answer.organisation_id)
        .where(Answer.question_id.in_(ids))
        .order_by(Answer.created_at, Answer.id)
    ):
        answers.setdefault(answer.question_id, []).append(
            AnswerView(
                answer.id,
                answer.question_id,
                answer.author_id,
                name,
                answer.organisation_id,
                organisation,
                answer.body,
                TLP(answer.tlp),
                answer.source,
                answer.helpful,
                answer.created_at,
            )
        )
    found = {
        q.id: QuestionView(
            q.id,
            q.asker_id,
            name,
            q.organisation_id,
            organisation,
            q.title,
            q.body,
            tuple(q.tags.split()),
            TLP(q.tlp),
            q.created_at,
            q.closed_at,
            q.item_id,
            tuple(answers.get(q.id, ())),
        )
        for q, name, organisation in rows
    }
    return [found[i] for i in ids if i in found]
