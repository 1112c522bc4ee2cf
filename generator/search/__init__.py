"""The site's own search: sections, folding tables and the data the browser searches."""
