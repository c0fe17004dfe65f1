"""Invariants of the real data: what the research supports is there, and the records agree.

Editors add partnerships, phases and events every month, so nothing here pins a count or a
complete list: the named pairs of the sources must be present (more may come), counts must
reach what the sources state as a minimum, and a phase and its partnerships must agree.
`KKP_TEST_DATA` points these tests at another data folder (the editor's pull request test).
"""

from __future__ import annotations

from collections import Counter

import pytest

from macros.core.records.langs import pick
from macros.core.records.models import Kind
from macros.core.checking.site import load_or_raise
from sitebuild import DATA


@pytest.fixture(scope="module")
def data():
    return load_or_raise(DATA)


def pairs(data, phase: str) -> set[tuple[str, str]]:
    return {
        (pick(p.german.name, "de").value, pick(p.partner.name, "de").value)
        for p in data.collection("partnerships").values()
        if p.phase == phase
    }


def phase_id(data, number: int) -> str:
    return next(key for key, phase in data.collection("phases").items() if phase.number == number)


def test_the_nine_pilot_partnerships_of_the_flyer(data):
    """Flyer: eight municipalities and one district with partners in Ghana, Tanzania and South Africa."""
    pilot = phase_id(data, 1)
    assert pairs(data, pilot) >= {
        ("Bonn", "Cape Coast"), ("Bremen", "Durban (eThekwini)"), ("Dortmund", "Kumasi"),
        ("Enzkreis", "Masasi District und Masasi Town"), ("Hamburg", "Dar es Salaam"), ("Kiel", "Moshi Rural"),
        ("Potsdam", "Sansibar-Stadt"), ("Tübingen", "Moshi"), ("Würzburg", "Mwanza"),
    }
    pilots = [p for p in data.collection("partnerships").values() if p.phase == pilot]
    assert sum(p.german.kind == Kind.DISTRICT for p in pilots) >= 1
    assert {"GH", "TZ", "ZA"} <= {p.partner.country for p in pilots}


def test_phase_seven_pairs(data):
    assert pairs(data, phase_id(data, 7)) >= {
        ("Bad Berleburg", "Morogoro District"), ("Erfurt", "San Miguel de Tucumán"), ("Gersthofen", "Baringo County"),
        ("Hansestadt Rostock", "Panajachel"), ("Karlsdorf-Neuthard", "Guabiruba"), ("Landkreis Reutlingen", "Ulundi"),
        ("Landkreis Teltow-Fläming", "Katima Mulilo Town"), ("Münster", "Monastir"),
        ("Neu-Isenburg", "Kwadaso Municipal Assembly"), ("Osterode am Harz", "Département de Kaolack"),
        ("Verbandsgemeinde Leiningerland", "Rubavu District"),
    }


def test_phase_nine_pairs(data):
    assert pairs(data, phase_id(data, 9)) >= {
        ("Dresden", "Brazzaville"), ("Eltville am Rhein", "Tunuyán"), ("Eschweiler", "Keta Municipal Assembly"),
        ("Essen", "Cochabamba"), ("Kalletal", "Ketu South Municipal Assembly"), ("Nohfelden", "Balingore"),
        ("Sankt Augustin", "Jarabacoa"), ("Schweinfurt", "Tarija"), ("Stuttgart", "Menzel Bourguiba"),
        ("Westerwaldkreis / Verbandsgemeinde Wallmerod", "Agotime-Ziope Municipal Assembly"), ("Wolfsburg", "Puebla"),
    }


def test_phase_eight_has_at_least_the_seven_pairs_of_the_results_workshop(data):
    assert len(pairs(data, phase_id(data, 8))) >= 7


def test_no_phase_holds_more_partnerships_than_any_source_reports(data):
    """The records may be incomplete, never more than the largest count a source gives."""
    per_phase = Counter(p.phase for p in data.collection("partnerships").values())
    for key, phase in data.collection("phases").items():
        if phase.partnerships_reported:
            assert per_phase[key] <= max(c.value for c in phase.partnerships_reported), key


def test_phases_are_numbered_one_after_another_and_named_by_their_number(data):
    phases = data.collection("phases")
    assert sorted(phase.number for phase in phases.values()) == list(range(1, len(phases) + 1))
    assert all(key == f"phase-{phase.number}" for key, phase in phases.items())


def test_phase_events_belong_to_their_phase(data):
    events = data.collection("events")
    for key, phase in data.collection("phases").items():
        for event_id in filter(None, (phase.kickoff, phase.results)):
            assert events[event_id].phase in (None, key), (key, event_id)


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


def test_every_contact_belongs_to_an_organisation(data):
    organisations = data.collection("organisations")
    assert data.collection("contacts")
    assert all(contact.organisation in organisations for contact in data.collection("contacts").values())


@pytest.mark.parametrize("collection, key, about", [
    ("phases", "phase-1", "partnerships_reported"),        # nine or ten pilot municipalities (§6.1)
    ("partnerships", "hamburg-dar-es-salaam", "climate_partnership_since"),  # §6.2
    ("partnerships", "potsdam-sansibar", "climate_partnership_since"),       # §6.3
    ("partnerships", "tuebingen-moshi", "climate_partnership_since"),        # §6.4
    ("partnerships", "dortmund-kumasi", "relationship_since"),               # §6.5: the year of the twinning
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


def addresses(value):
    """Every web address anywhere inside a record (sources, editions, pages, websites)."""
    if isinstance(value, str):
        if value.startswith(("http://", "https://")):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from addresses(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from addresses(item)


@pytest.mark.parametrize("collection", ["publications", "events", "phases", "series", "organisations", "contacts", "totals"])
def test_no_record_links_a_copy_site(data, collection):
    """A copy of the programme's publication on another website is cited as the publication of
    this site (publication: <id>), never linked."""
    from macros.core.records.types import copy_site_host
    found = [(key, url) for key, record in data.collection(collection).items()
             for url in addresses(record.model_dump(mode="json")) if copy_site_host(url)]
    assert found == []



def test_every_drawn_place_is_inside_the_world_view(data):
    """The world view is framed to where the partnerships are (macros/core/maps/worldmap.py
    WORLD): a new partner region beyond it needs a wider frame, or its lines leave the map."""
    from macros.core.maps import worldmap
    outside = [(pair.key, place) for pair in worldmap.drawn(data) for place in (pair.german, pair.partner)
               if not worldmap.WORLD.inside(place.lon, place.lat)]
    assert worldmap.drawn(data) and outside == []
