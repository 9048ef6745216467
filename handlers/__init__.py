"""What the bot does: one module per capability, each `Request → Reply`."""
