"""Turning text into HTML: the `HTML` type (the one way record text becomes markup), generated
documents, the stash that keeps HTML away from Markdown, interface texts and French typography.
"""
