"""Slack: events and interactions in over HTTP or Socket Mode, Block Kit out."""
