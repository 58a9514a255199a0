"""Mistakes a type checker catches with no plugin: one per line marked BAD."""

import ipdocs
from ipdocs.model import Figure, Text

label = Text(zh="专利", en="Patents")
Figure(label=label, value=[1], unit="件")  # BAD: a list is no number
Figure(label=label, value=1)  # BAD: no unit
Figure(label=label, value=1, unit="件", kind="fluw")  # BAD: no such kind
text: str = Figure(label=label, value=1, unit="件").value  # BAD: a value is a Decimal
report = ipdocs.Report(region=label, year=2024, title=label)
ipdocs.render(report, lang="fr")  # BAD: no such language
ipdocs.render(report, "odt")  # BAD: no such format
