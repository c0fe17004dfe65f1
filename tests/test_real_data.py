"""The real data holds what the research supports, with its counts and conflicts."""

from __future__ import annotations

from collections import Counter

import pytest

from macros.core.langs import pick
from macros.core.models import Kind
from macros.core.site import load_or_raise
from sitebuild import ROOT


@pytest.fixture(scope="module")
def data():
    return load_or_raise(ROOT / "data")


def pairs(data, phase: str) -> set[tuple[str, str]]:
    return {
        (pick(p.german.name, "de").value, pick(p.partner.name, "de").value)
        for p in data.collection("partnerships").values()
        if p.phase == phase
    }


def test_nine_pilot_partnerships_eight_municipalities_and_one_district(data):
    pilots = [p for p in data.collection("partnerships").values() if p.phase == "phase-1"]
    assert len(pilots) == 9
    assert Counter(p.german.kind == Kind.DISTRICT for p in pilots) == {False: 8, True: 1}
    assert {p.partner.country for p in pilots} == {"GH", "TZ", "ZA"}


def test_phase_seven_pairs(data):
    assert pairs(data, "phase-7") == {
        ("Bad Berleburg", "Morogoro District"), ("Erfurt", "San Miguel de Tucumán"), ("Gersthofen", "Baringo County"),
        ("Hansestadt Rostock", "Panajachel"), ("Karlsdorf-Neuthard", "Guabiruba"), ("Landkreis Reutlingen", "Ulundi"),
        ("Landkreis Teltow-Fläming", "Katima Mulilo Town"), ("Münster", "Monastir"),
        ("Neu-Isenburg", "Kwadaso Municipal Assembly"), ("Osterode am Harz", "Département de Kaolack"),
        ("Verbandsgemeinde Leiningerland", "Rubavu District"),
    }


def test_phase_nine_pairs(data):
    assert pairs(data, "phase-9") == {
        ("Dresden", "Brazzaville"), ("Eltville am Rhein", "Tunuyán"), ("Eschweiler", "Keta Municipal Assembly"),
        ("Essen", "Cochabamba"), ("Kalletal", "Ketu South Municipal Assembly"), ("Nohfelden", "Balingore"),
        ("Sankt Augustin", "Jarabacoa"), ("Schweinfurt", "Tarija"), ("Stuttgart", "Menzel Bourguiba"),
        ("Westerwaldkreis / Verbandsgemeinde Wallmerod", "Agotime-Ziope Municipal Assembly"), ("Wolfsburg", "Puebla"),
    }


def test_phase_eight_has_the_seven_pairs_of_the_results_workshop(data):
    assert len(pairs(data, "phase-8")) == 7


def test_every_named_pair_is_a_record(data):
    per_phase = Counter(p.phase for p in data.collection("partnerships").values())
    assert per_phase == {
        "phase-1": 9, "phase-2": 5, "phase-3": 7, "phase-4": 1, "phase-5": 6,
        "phase-6": 8, "phase-7": 11, "phase-8": 7, "phase-9": 11, "unknown": 3,
    }


def test_phases_one_to_nine(data):
    phases = data.collection("phases")
    assert sorted(phases) == [f"phase-{n}" for n in range(1, 10)]
    assert all(phase.number == int(key.split("-")[1]) for key, phase in phases.items())


def test_events_include_the_flyers_events(data):
    events = data.collection("events")
    assert len(events) >= 20
    assert events["workshop-2010-06-bonn"].start.iso() == "2010-06-22"
    assert events["regionalkonferenzen-2010-11"].status.value == "announced"
    assert events["workshop-2011-10-bonn"].start.iso() == "2011-10-04"
    assert events["kickoff-phase-1"].place.country == "TZ"


def test_publications_of_the_flyer_and_later(data):
    publications = data.collection("publications")
    for key in ("erklaerung-bundeskonferenz-2009", "material-42", "material-47", "material-54",
                "dialog-global-28", "dialog-global-40", "dialog-global-46", "dialog-global-61",
                "material-70", "material-86", "material-89", "material-105"):
        assert key in publications, key
    assert publications["material-54"].documents_event == "kickoff-phase-1"
    assert {e.language.value for e in publications["dialog-global-61"].editions} == {"de", "en", "fr"}


def test_flyer_contacts(data):
    contacts = data.collection("contacts")
    assert {c.name for c in contacts.values()} == {"Jessica Baier", "Dr. Klaus Reuter"}
    assert contacts["jessica-baier"].organisation == "skew"


@pytest.mark.parametrize("collection, key, about", [
    ("phases", "phase-1", "partnerships_reported"),        # nine or ten pilot municipalities (§6.1)
    ("partnerships", "hamburg-dar-es-salaam", "climate_partnership_since"),  # §6.2
    ("partnerships", "potsdam-sansibar", "climate_partnership_since"),       # §6.3
    ("partnerships", "tuebingen-moshi", "climate_partnership_since"),        # §6.4
    ("partnerships", "dortmund-kumasi", "relationship"),                     # §6.5
    ("partnerships", "bonn-cape-coast", "partner.population"),               # §6.6
    ("publications", "material-47", None),                                   # §6.8: 47 or 43
    ("publications", "material-42", None),                                   # §6.8: May or June 2010
    ("publications", "dialog-global-61", None),                              # §6.15
    ("partnerships", "muenchen-harare", "phase"),                            # §6.20
])
def test_conflicts_from_the_research_are_recorded(data, collection, key, about):
    conflicts = data.collection(collection)[key].conflicts
    assert conflicts
    if about:
        assert about in {c.about for c in conflicts}
