"""Shared fixtures: the real site built once per test session, and once more for the
browser tests, addressed as the local server that serves it."""

from __future__ import annotations

import pytest

from sitebuild import Build, build, make_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    result = build(make_project(tmp_path_factory.mktemp("real")))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def served_real_site(tmp_path_factory) -> tuple[Build, int]:
    """The real site built for http://127.0.0.1:<port>/ (search and absolute links need the
    address it is served at); each browser test module serves it on that port in turn."""
    from browser import free_port

    port = free_port()
    result = build(make_project(tmp_path_factory.mktemp("served")), SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    return result, port
