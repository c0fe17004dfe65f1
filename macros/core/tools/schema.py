"""JSON Schemas for editors, generated from the record models.

`python -m macros.core.tools.schema` (or `make schemas`) writes schemas/<collection>.schema.json;
.vscode/settings.json maps them onto data/<collection>/*.yml so editors get completion
and inline errors. A test fails when the committed files differ from the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..records.models import COLLECTIONS
from .schema_texts import (EXAMPLES, FIELDS, LANGUAGE_FIELDS, LANGUAGE_OPTIONAL, LANGUAGE_REQUIRED, LENGTH, RECORDS,
                           VALUES)

SCHEMA_DIR = Path("schemas")
# Draft-07: the dialect the Red Hat YAML extension (yaml-language-server) fully supports;
# pydantic writes 2020-12, which it reads only in part (vscode-yaml #726, yaml-language-server #856).
DIALECT = "http://json-schema.org/draft-07/schema#"
NOT_IN_DRAFT_07 = frozenset({
    "$defs", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary",
    "prefixItems", "unevaluatedItems", "unevaluatedProperties", "dependentRequired", "dependentSchemas",
    "minContains", "maxContains",
})


def schema_for(collection: str) -> dict:
    model = COLLECTIONS[collection]
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for name, definition in definitions.items():
        _add_texts(name, definition)
    _add_texts(model.__name__, schema)
    german, english = RECORDS.get(collection, ("", (model.__doc__ or "").strip()))
    result = {
        "$schema": DIALECT,
        "title": f"Eintrag in data/{collection}/ (Record in data/{collection}/)",
        "description": f"{german}\n\n{english}".strip(),
        **{key: value for key, value in schema.items() if key not in {"title", "description"}},
    }
    if definitions:
        result["definitions"] = definitions
    return to_draft_07(result)


def to_draft_07(node: Any) -> Any:
    """A 2020-12 schema as draft-07: `$ref` alone in its object (draft-07 ignores what stands
    next to it, so the rest moves beside an allOf), tuples as `items` lists."""
    if isinstance(node, list):
        return [to_draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: to_draft_07(value) for key, value in node.items()}
    if "prefixItems" in node:
        node["items"], node["additionalItems"] = node.pop("prefixItems"), node.pop("items", False)
    if "$ref" in node and len(node) > 1:
        node = {"allOf": [{"$ref": node.pop("$ref")}], **node}
    left = NOT_IN_DRAFT_07 & set(node)
    if left:
        raise ValueError(f"no draft-07 form for {sorted(left)}")
    return node


def _add_texts(model: str, schema: dict) -> None:
    """German and English title and description (allowed values explained, examples) on each
    field of `model`, from schema_texts.py."""
    for field, prop in schema.get("properties", {}).items():
        texts = FIELDS.get(model, {}).get(field)
        if texts is None:
            continue  # test_schemas names the field that lacks its German help
        title_de, title_en, text_de, text_en = texts
        values = VALUES.get((model, field))
        if values:
            text_de += " Erlaubte Werte: " + "; ".join(f"{v} = {de}" for v, (de, _) in values.items()) + "."
            text_en += " Allowed values: " + "; ".join(f"{v} = {en}" for v, (_, en) in values.items()) + "."
        _drop_descriptions(prop)  # the types' short English notes: the field's own text replaces them
        if values:
            _describe_enums(prop, values)
        prop["title"] = title_de if title_de == title_en else f"{title_de} ({title_en})"
        prop["description"] = f"{text_de}\n\n{text_en}"
        if (model, field) in EXAMPLES:
            prop["examples"] = EXAMPLES[(model, field)]
        _add_language_texts(prop)


def _drop_descriptions(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _drop_descriptions(item)
    elif isinstance(node, dict):
        node.pop("description", None)
        node.pop("title", None) if "$ref" not in node else None
        for value in node.values():
            _drop_descriptions(value)


def _describe_enums(node: Any, values: dict[str, tuple[str, str]]) -> None:
    """`enumDescriptions` (read by VS Code's completion) beside each list of allowed values."""
    if isinstance(node, list):
        for item in node:
            _describe_enums(item, values)
    elif isinstance(node, dict):
        if isinstance(node.get("enum"), list) and all(v in values for v in node["enum"]):
            node["enumDescriptions"] = [f"{values[v][0]} ({values[v][1]})" for v in node["enum"]]
        for value in node.values():
            _describe_enums(value, values)


def _add_language_texts(node: Any) -> None:
    """The de:, en:, fr: keys of a translated text, wherever one sits inside a field."""
    if isinstance(node, list):
        for item in node:
            _add_language_texts(item)
    elif isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict) and set(properties) <= set(LANGUAGE_FIELDS):
            for lang, prop in properties.items():
                title_de, title_en = LANGUAGE_FIELDS[lang]
                text_de, text_en = LANGUAGE_REQUIRED if lang in node.get("required", []) else LANGUAGE_OPTIONAL
                text_de, text_en = text_de.format(de=title_de), text_en.format(en=title_en)
                if "maxLength" in prop:
                    text_de += LENGTH[0].format(n=f"{prop['maxLength']:,}".replace(",", "."))
                    text_en += LENGTH[1].format(n=f"{prop['maxLength']:,}")
                prop.update(title=f"{title_de} ({title_en})", description=f"{text_de}\n\n{text_en}")
        for value in node.values():
            if isinstance(value, (dict, list)):
                _add_language_texts(value)


def fields_without_texts() -> list[str]:
    """Every field of a record type that has no German help in schema_texts.py."""
    missing = set()
    for model in COLLECTIONS.values():
        schema = model.model_json_schema()
        for name, definition in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
            for field in definition.get("properties", {}):
                if field not in FIELDS.get(name, {}):
                    missing.add(f"{name}.{field}")
    return sorted(missing)


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
