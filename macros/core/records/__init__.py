"""Records: one model per collection, the value types with their limits and messages, languages and
the German fallback.
"""
