"""Shared fixtures: the real site built once per test session."""

from __future__ import annotations

import pytest

from sitebuild import Build, build, make_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    result = build(make_project(tmp_path_factory.mktemp("real")))
    assert result.returncode == 0, result.output
    return result
