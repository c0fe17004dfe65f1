"""Core of the site generator: records, loading, validation, language fallback, rendering.

Nothing in this package imports mkdocs, so it can be tested and run on its own
(`python -m macros.core.checking.check`). Its modules are grouped in subpackages: records,
checking, markup, pages, maps, files, tools (the README lists each module).
"""
