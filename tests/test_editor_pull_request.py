"""An editor's pull request passes: a new partnership, a tenth phase with a partnership in it,
and a new event, added to a copy of the real data, pass `make check`, build, and pass every
test that reads the real data.

The records are test records (example.org sources) written into a temporary copy; they
never reach data/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sitebuild import LANGS, ROOT, build, make_project

pytestmark = pytest.mark.slow  # builds the real site and runs the data tests again: left out by make test-fast

PHASE_10 = """\
number: 10
period:
  start: "2031-01"
region:
  de: Testregion
  en: Test region
  fr: Région de test
sources:
  - url: https://example.org/phase-10
"""

PARTNERSHIP = """\
phase: {phase}
relationship: thematic
climate_partnership_since: "2031"
german:
  name: {german}
  kind: city
  country: DE
  state: DE-NW
partner:
  name: {partner}
  kind: municipality
  country: GH
sources:
  - url: https://example.org/{german_id}
"""

EVENT = """\
type: workshop
title:
  de: Testtreffen der zehnten Phase
  en: Test meeting of the tenth phase
  fr: Réunion de test de la dixième phase
start: "2031-05-14"
place:
  city: Bonn
  country: DE
status: scheduled
phase: phase-10
partnerships:
  - teststadt-testtown
sources:
  - url: https://example.org/test-meeting
"""

DATA_TESTS = ["tests/test_real_data.py", "tests/test_flyer_facts.py", "tests/test_partnership_pages.py",
              "tests/test_publications_events.py", "tests/test_open_data.py"]


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory):
    """The real data plus what an editor's pull request adds."""
    data = tmp_path_factory.mktemp("pr") / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "phases" / "phase-10.yml").write_text(PHASE_10, encoding="utf-8")
    (data / "partnerships" / "teststadt-testtown.yml").write_text(
        PARTNERSHIP.format(phase="phase-10", german="Teststadt", partner="Testtown", german_id="teststadt"), encoding="utf-8")
    (data / "partnerships" / "probedorf-trialville.yml").write_text(
        PARTNERSHIP.format(phase="phase-2", german="Probedorf", partner="Trialville", german_id="probedorf"), encoding="utf-8")
    (data / "events" / "testtreffen-2031.yml").write_text(EVENT, encoding="utf-8")
    return data


def test_make_check_accepts_the_pull_request(pull_request):
    result = subprocess.run([sys.executable, "-m", "macros.core.checking.check", str(pull_request)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_builds_with_the_new_pages_in_every_language(pull_request, tmp_path):
    site = build(make_project(tmp_path, pull_request))
    assert site.returncode == 0, site.output
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        for page in ("partnerschaften/teststadt-testtown", "partnerschaften/probedorf-trialville",
                     "phasen/phase-10", "veranstaltungen/testtreffen-2031", "verzeichnis/phase/phase-10"):
            assert (site.site / prefix / page / "index.html").is_file(), (lang, page)
        phase = site.soup(f"{prefix}phasen/phase-10/index.html").select_one("article")
        assert "Teststadt" in phase.get_text()
        assert phase.select_one("h1").get_text().startswith({"de": "Phase 10", "en": "Phase 10", "fr": "Phase 10"}[lang])


def test_every_test_of_the_real_data_passes_on_the_pull_request(pull_request):
    env = dict(os.environ, KKP_TEST_DATA=str(pull_request))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATA_TESTS],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
