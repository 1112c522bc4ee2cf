"""Renderers: pure functions from the loaded course to Markdown text."""
