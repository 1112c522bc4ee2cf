"""The course as data: strict YAML reading, models, validation, loading and cross-file checks.

Nothing here knows about pages, engines or the browser."""
