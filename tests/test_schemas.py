"""The JSON Schemas for editors match the models, and records pass both."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.core import schema
from macros.core.models import COLLECTIONS
from macros.core.validate import check_record
from macros.core.yamlfile import read_yaml
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
    jsonschema.Draft202012Validator(schema.schema_for(collection)).validate(as_json(raw))


def test_every_real_record_passes_its_schema():
    checked = 0
    for collection in COLLECTIONS:
        validator = jsonschema.Draft202012Validator(schema.schema_for(collection))
        for path in sorted((DATA / collection).glob("*.yml")):
            errors = [e.message for e in validator.iter_errors(as_json(read_yaml(path)))]
            assert not errors, f"{path}: {errors}"
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("defect", ["bad-relationship", "misspelt-key", "lower-case-country", "missing-sources"])
def test_schema_rejects_what_the_model_rejects(defect):
    raw = read_yaml(FIXTURES / "invalid" / "partnerships" / f"{defect}.yml")
    assert check_record(COLLECTIONS["partnerships"], raw, "x")[0] is None
    assert list(jsonschema.Draft202012Validator(schema.schema_for("partnerships")).iter_errors(as_json(raw)))


def test_vscode_maps_every_schema_onto_its_folder():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == schema.vscode_settings()
    assert settings["yaml.schemas"] == {f"./schemas/{c}.schema.json": [f"data/{c}/*.yml"] for c in COLLECTIONS}


def test_schema_command_writes_the_files(tmp_path: Path):
    assert schema.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{c}.schema.json" for c in COLLECTIONS)
