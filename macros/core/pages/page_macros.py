"""The macros that hand-written pages in docs/ may call, by name.

Each is a function of the site's data and the page language that returns finished HTML.
`macros/main.py` registers them with mkdocs-macros; `make check` uses the names to find
unknown macro calls in docs/ before a build does.
"""

from __future__ import annotations

from . import contacts, directory, events, figures, phase_page, progress, publications, search
from ..files import links, opendata
from ..maps import worldmap

MACROS = {
    "partnership_directory": directory.directory,   # filters and table of all partnerships
    "pilot_phase_summary": phase_page.pilot_phase_summary,  # the flyer's pilot-phase sentence, computed
    "headline_figures": figures.headline,           # latest reported total, the 2015 goal, this site's count
    "contact_list": contacts.contact_list,          # contacts and organisations from data/, with dates
    "progress_by_phase": progress.by_phase,
    "progress_chart": progress.chart,
    "progress_phase_chart": progress.phase_chart,   # bar charts, each with its table in <details>
    "progress_region_chart": progress.region_chart,
    "progress_state_chart": progress.state_chart,
    "progress_by_year": progress.by_year_table,
    "progress_by_country": progress.by_country,
    "progress_totals": progress.reported_totals,    # running totals as sources reported them
    "progress_conflicts": progress.count_conflicts,  # where sources disagree on phase sizes
    "event_list": events.event_list,                # upcoming and past, as of the build date
    "publication_catalogue": publications.catalogue,
    "search_results": lambda site, lang: search.search_page(site, lang, lang == "de"),
    "open_data": lambda site, lang: opendata.page(site, lang, lang == "de"),
    "partnership_map": lambda site, lang: worldmap.figure(site, lang, links.href(links.MAP, links.DIRECTORY)),
    "map_undrawn": worldmap.undrawn_list,          # partnerships not on the map, by name, with the reason
}
