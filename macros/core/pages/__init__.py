"""Pages: every generated page (profiles, phases, events, publications, directory, progress,
contact, search, the serve error page) and the macros of the hand-written pages.
"""
