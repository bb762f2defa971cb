"""Layer 3, an edge: case files in YAML and JSON.

The cattrs converter (``_converter``), reading files and locating their errors
(``_loading``), the JSON Schema (``_schema``) and the commented template
(``_template``).
"""
