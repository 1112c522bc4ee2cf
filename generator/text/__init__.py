"""Text rules shared by pages and exports: the author's Markdown as safe HTML, plain fields, dates."""
