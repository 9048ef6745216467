"""Actions: owners, deadlines, changes, reminders and agenda files."""
