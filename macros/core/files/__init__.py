"""Files and addresses: downloads (CSV, JSON, GeoJSON, BibTeX, RIS, CSL-JSON, Atom, iCalendar),
every address of the site, dates, numbers, country and state names, and the build date.
"""
