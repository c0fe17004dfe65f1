"""Turn the programme's YAML data into pages of the trilingual website.

`macros.core` holds the logic and never imports mkdocs. `macros.main` (the mkdocs-macros
entry point) and `macros.hooks` (the MkDocs hook that adds one page per record and
language) are thin adapters over it; `macros.i18n_bridge` is the only module that touches
mkdocs-static-i18n internals.
"""
