"""清廉学堂: turn structured policy YAML into an offline Chinese static site."""

__version__ = "0.1.0"
