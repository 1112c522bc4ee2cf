"""``qinglian import``: turn a policy document (.txt, .docx, saved .html) into policy YAML.

One module per step: readers (bytes → paragraphs), cleanup (punctuation, pinyin, broken lines),
junk (web-page chrome), layout (title, notice, preamble, body, 落款), metadata, numbering,
structure (the provision tree), fields (责任单位, time limits) and emit (the YAML text).
"""

from generator.importer.pipeline import ImportOptions, ImportResult, import_file, import_source
from generator.importer.readers import ImportFailure, Source, read_source

__all__ = ["ImportFailure", "ImportOptions", "ImportResult", "Source", "import_file", "import_source", "read_source"]
