"""What the bot keeps: SQLAlchemy models, migrations, queries and search."""
