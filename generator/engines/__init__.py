"""Adapters that turn the engine-neutral site into HTML: one module per engine, nothing else imports one."""
