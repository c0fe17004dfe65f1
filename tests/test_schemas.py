"""The JSON Schemas for editors match the models, and records pass both.

The schemas are draft-07 (what the Red Hat YAML extension for VS Code fully supports) and
give every field a German title and description, with the allowed values explained.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.core.tools import schema
from macros.core.records.models import COLLECTIONS
from macros.core.checking.validate import check_record
from macros.core.checking.yamlfile import read_yaml
from sitebuild import FIXTURES, ROOT

DATA = ROOT / "data"


def as_json(value):
    """A parsed YAML value as JSON would hold it (the editor's tools see the same)."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_committed_schema_is_up_to_date(collection):
    committed = (ROOT / "schemas" / f"{collection}.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(collection), "run `make schemas` and commit the result"


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_example_record_passes_model_and_schema(collection):
    raw = read_yaml(DATA / collection / "_example.yml")
    record, problems = check_record(COLLECTIONS[collection], raw, "example")
    assert record is not None and problems == []
    jsonschema.Draft7Validator(schema.schema_for(collection)).validate(as_json(raw))


def test_every_real_record_passes_its_schema():
    checked = 0
    for collection in COLLECTIONS:
        validator = jsonschema.Draft7Validator(schema.schema_for(collection))
        for path in sorted((DATA / collection).glob("*.yml")):
            errors = [e.message for e in validator.iter_errors(as_json(read_yaml(path)))]
            assert not errors, f"{path}: {errors}"
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("defect", ["bad-relationship", "misspelt-key", "lower-case-country", "missing-sources"])
def test_schema_rejects_what_the_model_rejects(defect):
    raw = read_yaml(FIXTURES / "invalid" / "partnerships" / f"{defect}.yml")
    assert check_record(COLLECTIONS["partnerships"], raw, "x")[0] is None
    assert list(jsonschema.Draft7Validator(schema.schema_for("partnerships")).iter_errors(as_json(raw)))


def test_vscode_maps_every_schema_onto_its_folder():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == schema.vscode_settings()
    assert settings["yaml.schemas"] == {f"./schemas/{c}.schema.json": [f"data/{c}/*.yml"] for c in COLLECTIONS}


def test_schema_command_writes_the_files(tmp_path: Path):
    assert schema.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{c}.schema.json" for c in COLLECTIONS)


DRAFT_2020_ONLY = {"$defs", "prefixItems", "unevaluatedProperties", "unevaluatedItems", "dependentRequired",
                   "dependentSchemas", "$dynamicRef", "$dynamicAnchor", "$anchor", "minContains", "maxContains"}


def nodes(value):
    """Every object inside a schema."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def fields(schema):
    """(name, schema) of every property of every object in a schema, nested ones included."""
    for node in nodes(schema):
        if isinstance(node.get("properties"), dict) and node is not schema.get("definitions"):
            yield from node["properties"].items()


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_schema_is_valid_draft_07(collection):
    generated = schema.schema_for(collection)
    assert generated["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(generated)  # against the draft-07 metaschema
    for node in nodes(generated):
        assert not DRAFT_2020_ONLY & set(node), f"2020-12 keyword in {node}"
        if "$ref" in node:
            assert set(node) == {"$ref"}, "draft-07 ignores what stands next to $ref"
            assert node["$ref"].removeprefix("#/definitions/") in generated["definitions"]


def test_every_field_has_german_help():
    assert schema.fields_without_texts() == [], "add German and English texts in macros/core/tools/schema_texts.py"
    for collection in COLLECTIONS:
        for name, prop in fields(schema.schema_for(collection)):
            assert prop.get("title") and prop.get("description"), f"{collection}: {name} has no title or description"
            german, english = prop["description"].split("\n\n")
            assert german and english and german != english, f"{collection}: {name}: German, then English"


def test_allowed_values_are_explained_in_german():
    explained = 0
    for collection in COLLECTIONS:
        generated = schema.schema_for(collection)
        for name, prop in fields(generated):
            enums = [node for node in nodes(prop) if "enum" in node]
            for node in enums:
                if len(node["enum"]) > 50:
                    continue  # country codes: the description gives examples
                assert len(node.get("enumDescriptions", [])) == len(node["enum"]), f"{collection}: {name}"
                german = prop["description"].split("\n\n")[0]
                assert "Erlaubte Werte: " in german and all(f"{value} = " in german for value in node["enum"])
                explained += 1
    assert explained >= 9


def test_kinds_of_municipality_in_german_as_the_site_shows_them():
    kind = schema.schema_for("partnerships")["definitions"]["Municipality"]["properties"]["kind"]
    assert kind["title"] == "Art der Kommune (Kind of municipality)"
    assert "city = Stadt; municipality = Gemeinde; district = Landkreis / Distrikt" in kind["description"]


def test_examples_are_valid_values():
    for collection in COLLECTIONS:
        generated = schema.schema_for(collection)
        for name, prop in fields(generated):
            for example in prop.get("examples", []):
                one = {**prop, "definitions": generated.get("definitions", {})}
                assert not list(jsonschema.Draft7Validator(one).iter_errors(example)), f"{collection}: {name}: {example!r}"
