"""Every page of the site: the registry of page kinds, their views and templates, links between pages."""
