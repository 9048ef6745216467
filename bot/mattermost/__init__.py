"""Mattermost: slash commands, buttons and dialogs over HTTP, events over the WebSocket
API, posts out."""
