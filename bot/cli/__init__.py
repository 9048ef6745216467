"""The `ciso-bot` command line: one module per group of commands."""
