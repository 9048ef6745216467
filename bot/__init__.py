"""How the bot runs: configuration, command line, platform adapters and wiring."""
