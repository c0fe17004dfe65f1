"""Figures of the partnership stories in a data folder (a report for editors, never a test):
`python scripts/story_stats.py [data]`.

Prints the German words per partnership (median, how many below THIN_STORY), measures per
partnership, the share filed as 'other' and with an unknown status, partnerships that the map
cannot draw, sources on copy sites, and publications that link the publisher's own copy.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from macros.core.checking.rules import addresses
from macros.core.checking.site import load
from macros.core.records.models import Area, Status
from macros.core.records.story import THIN_STORY, story_words
from macros.core.records.types import copy_site_host


def main(data: Path) -> None:
    site, problems = load(data)
    if site is None:
        sys.exit("the data has problems: run make check")
    partnerships = [p for _, p in site.partnerships]
    words = sorted(story_words(p) for p in partnerships)
    measures = [m for p in partnerships for m in p.measures]
    unplaced = [k for k, p in site.partnerships if not (p.german.position and p.partner.position)]
    copies = [(name, key, address) for name, records in site.records.items() for key, record in records.items()
              for _, address in addresses(record) if copy_site_host(address)]
    publications = site.collection("publications")
    own = [k for k, pub in publications.items() if any(e.url for e in pub.editions) or pub.publisher_page]
    print(f"partnerships: {len(partnerships)}")
    print(f"German story words: median {statistics.median(words):.0f}, below {THIN_STORY}: {sum(w < THIN_STORY for w in words)}")
    print(f"measures: {len(measures)} ({len(measures) / len(partnerships):.2f} per partnership), "
          f"other: {sum(m.area == Area.OTHER for m in measures)}, unknown status: {sum(m.status == Status.UNKNOWN for m in measures)}")
    print(f"partnerships the map cannot draw: {len(unplaced)} {' '.join(unplaced)}")
    print(f"addresses on copy sites: {len(copies)}")
    for name, key, address in copies:
        print(f"  {name}/{key}: {address}")
    print(f"publications linking a copy of their own publisher (edition url or publisher page): {len(own)} of {len(publications)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "data"))
