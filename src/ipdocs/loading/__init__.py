"""Reading specs: safe YAML and JSON, exact decimals, located problems."""

from ipdocs.loading.loader import (
    Loaded,
    glossary_beside,
    load_glossary,
    load_report,
    read_spec,
    validate_data,
)

__all__ = ["Loaded", "glossary_beside", "load_glossary", "load_report", "read_spec",
           "validate_data"]
