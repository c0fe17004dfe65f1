"""JSON Schemas for editors, generated from the record models.

`python -m macros.core.schema` (or `make schemas`) writes schemas/<collection>.schema.json;
.vscode/settings.json maps them onto data/<collection>/*.yml so editors get completion
and inline errors. A test fails when the committed files differ from the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .models import COLLECTIONS

SCHEMA_DIR = Path("schemas")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(collection: str) -> dict:
    model = COLLECTIONS[collection]
    schema = model.model_json_schema()
    return {
        "$schema": DIALECT,
        "title": f"Record in data/{collection}/",
        "description": (model.__doc__ or "").strip() or f"A record of data/{collection}/.",
        **{key: value for key, value in schema.items() if key not in {"title", "description"}},
    }


def render(collection: str) -> str:
    return json.dumps(schema_for(collection), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


VSCODE_SETTINGS = Path(".vscode/settings.json")


def vscode_settings() -> dict:
    """Editor settings: each schema mapped onto its data folder; two-space YAML indentation."""
    return {
        "yaml.schemas": {f"./{SCHEMA_DIR}/{c}.schema.json": [f"data/{c}/*.yml"] for c in COLLECTIONS},
        "files.insertFinalNewline": True,
        "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True},
    }


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else SCHEMA_DIR
    target.mkdir(parents=True, exist_ok=True)
    for collection in COLLECTIONS:
        (target / f"{collection}.schema.json").write_text(render(collection), encoding="utf-8")
    if target == SCHEMA_DIR:
        VSCODE_SETTINGS.parent.mkdir(exist_ok=True)
        VSCODE_SETTINGS.write_text(json.dumps(vscode_settings(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(COLLECTIONS)} schemas to {target}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
