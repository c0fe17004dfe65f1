"""Maps and charts drawn at build time as SVG: outlines and projection, map views and locator maps,
bar and year charts.
"""
