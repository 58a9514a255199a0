"""JSON for the document tree: every node type round-trips, dates included."""

import datetime as dt

from ipdocs.doc import Metadata, serial
from ipdocs.doc.serial import from_json, to_json
from ipdocs.model import Report
from ipdocs.sections import full_brief


def test_a_whole_document_round_trips(sample: Report) -> None:
    doc = full_brief().document(sample, "zh-en", layout="parallel")
    text = to_json(doc)
    assert text.endswith("\n") and '"node": "Document"' in text
    assert from_json(text) == doc
    assert to_json(from_json(text)) == text


def test_dates_come_back_as_dates() -> None:
    meta = Metadata("T", "en-GB", "A", "S", ("Ningbo",), dt.date(2025, 4, 26))
    assert '"date": "2025-04-26"' in to_json(meta)
    assert from_json(to_json(meta)) == meta


def test_every_node_type_is_known() -> None:
    from ipdocs.doc import nodes

    made = {name for name, value in vars(nodes).items()
            if isinstance(value, type) and value.__module__ == nodes.__name__
            and hasattr(value, "__dataclass_fields__")}
    assert made and made <= set(serial._TYPES)
