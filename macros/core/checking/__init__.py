"""Reading and checking: YAML with line numbers, a record against its model, the rules across
files, loading the data folder, the checks of data/ui.yml and docs/, messages in German and
English, and `make check` (`python -m macros.core.checking.check`).
"""
