"""Building into a folder: safety of the target, atomic publish, preview server, zip bundle."""
