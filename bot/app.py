"""Wiring: build the database, router and core from settings. Nothing runs at import."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.config import Settings
from handlers import ciso_command, home, label_choice
from handlers.actions import commands as actions
from handlers.actions import reminders
from handlers.bottlenecks import commands as bottlenecks
from handlers.core import Core, Router
from handlers.knowledge import commands as knowledge
from handlers.messages import Clock
from handlers.reporting import digest
from storage import migrate
from storage.db import Database

log = logging.getLogger(__name__)


def build_router() -> Router:
    """Every capability registers its commands and buttons here, explicitly."""
    router = Router()
    ciso_command.register(router)
    knowledge.register(router)
    bottlenecks.register(router)
    actions.register(router)
    reminders.register(router)
    home.register(router)
    digest.register(router)
    label_choice.register(router)
    return router


@dataclass
class App:
    settings: Settings
    db: Database
    core: Core

    def close(self) -> None:
        self.db.dispose()


def create_app(settings: Settings, clock: Clock, *, run_migrations: bool = True) -> App:
    """The bot for `settings`: a migrated database and a core that handles requests."""
    db = Database.from_url(settings.database_url)
    if run_migrations:
        if not migrate.at_head(db.engine):
            migrate.upgrade(db.engine)
        log.info("database ready at %s", settings.safe_database_url)
    core = Core(build_router(), db, clock, settings.core())
    return App(settings=settings, db=db, core=core)
