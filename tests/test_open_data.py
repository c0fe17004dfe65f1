"""Open data downloads: the same records as the pages, stable names, described by a data package."""

from __future__ import annotations

import csv
import io
import json

from macros.core.checking.site import load_or_raise
from macros.core.files.opendata import breakable
from sitebuild import DATA, LANGS, ROOT, SITE_URL

TYPES = {"integer": int, "number": float, "boolean": lambda v: {"true": True, "false": False}[v], "string": str}


def read_csv(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_datapackage_describes_every_table_and_the_csvs_follow_it(real_site):
    folder = real_site.site / "daten"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["publisher"]
    tables = [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
    assert {t["path"] for t in tables} == {"partnerschaften.csv", "massnahmen.csv", "veranstaltungen.csv", "publikationen.csv"}
    for resource in package["resources"]:
        assert (folder / resource["path"]).is_file(), resource["path"]
    for table in tables:
        fields = table["schema"]["fields"]
        text = (folder / table["path"]).read_text(encoding="utf-8")
        assert text.splitlines()[0].split(",") == [f["name"] for f in fields]
        for row in read_csv(folder / table["path"]):
            for field in fields:
                value = row[field["name"]]
                if value != "":
                    TYPES[field["type"]](value)  # raises if the value does not fit the declared type


def test_downloads_hold_every_record(real_site):
    data = load_or_raise(DATA)
    folder = real_site.site / "daten"
    rows = read_csv(folder / "partnerschaften.csv")
    assert [r["id"] for r in rows] == [key for key, _ in data.partnerships]
    as_json = json.loads((folder / "partnerschaften.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in as_json] == [r["id"] for r in rows]
    assert {k: str(v) for k, v in as_json[0].items()} == rows[0]  # the same values as the CSV
    assert len(read_csv(folder / "massnahmen.csv")) == sum(len(p.measures) for _, p in data.partnerships)
    assert {r["id"] for r in read_csv(folder / "veranstaltungen.csv")} == set(data.collection("events"))
    assert {r["id"] for r in read_csv(folder / "publikationen.csv")} == set(data.collection("publications"))
    bonn = next(r for r in rows if r["id"] == "bonn-cape-coast")
    assert bonn["german_state"] == "DE-NW" and bonn["partner_country"] == "GH" and bonn["phase"] == "1"
    assert bonn["page"] == SITE_URL + "partnerschaften/bonn-cape-coast/"


def test_geojson_puts_longitude_first(real_site):
    collection = json.loads((real_site.site / "daten" / "partnerschaften.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    bonn = next(f for f in collection["features"] if f["id"] == "bonn-cape-coast")
    (lon1, lat1), (lon2, lat2) = bonn["geometry"]["coordinates"]
    assert bonn["geometry"]["type"] == "LineString"
    assert (round(lon1), round(lat1)) == (7, 51) and (round(lon2), round(lat2)) == (-1, 5)
    assert all(f["geometry"] is None or f["geometry"]["type"] in {"LineString", "Point"} for f in collection["features"])


def test_data_page_links_every_download_in_each_language(real_site):
    for lang in LANGS:
        prefix = "" if lang == "de" else f"{lang}/"
        soup = real_site.soup(f"{prefix}daten/index.html")
        links = [a["href"] for a in soup.select("table.kkp-downloads a")]
        up = "../" if lang == "de" else "../../"
        assert links and all(href.startswith(up + "daten/") for href in links)
        assert all((real_site.site / href[len(up):]).is_file() for href in links)
        assert len(soup.select("table.kkp-columns")) == 4


def test_frictionless_validates_the_package_and_its_tables(real_site):
    from frictionless import validate

    report = validate(str(real_site.site / "daten" / "datapackage.json"))
    assert report.valid, report.flatten(["resource/name", "type", "note"])[:20]
    assert report.stats["tasks"] >= 4


def test_column_names_wrap_at_their_underscores_only():
    assert str(breakable("climate_partnership_since")) == "climate_<wbr>partnership_<wbr>since"
    assert str(breakable("id")) == "id"
    assert str(breakable("a<b_c")) == "a&lt;b_<wbr>c"  # escaped, the break is the only markup
