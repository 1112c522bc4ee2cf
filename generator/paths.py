"""Where each generated page lives in the site (Markdown paths; the engine turns .md into .html)."""

POLICY_INDEX = "policies/index.md"
RESPONSIBILITIES = "responsibilities.md"
ASSET_DIR = "assets/qinglian"


def policy_page(policy_id: str) -> str:
    return f"policies/{policy_id}.md"
