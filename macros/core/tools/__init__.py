"""Tools for maintainers: the JSON Schemas (`make schemas`) and the translation report (`make
translations`).
"""
