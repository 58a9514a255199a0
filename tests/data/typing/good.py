"""A report made by keyword, as a user types it: no pydantic plugin, no casts."""

from decimal import Decimal

import ipdocs
from ipdocs.model import Change, Figure, Paragraph, Rank, Section, Text

label = Text(zh="专利授权量", en="Patents granted")
grants = Figure(label=label, value=Decimal("71425"), unit="件",
                change=Change(percent=11.4, previous="64000"))
share = Figure(label=Text(zh="占比", en="Share"), value=5.5, unit="%", kind="stock",
               history={2023: "5.1", 2022: 4})
rank = Figure(label=Text(zh="排名", en="Rank"), value=2, unit="位", kind="rank",
              rank=Rank(scope=Text(zh="全国", en="in China")))
section = Section(id="creation", title=Text(zh="创造", en="Creation"),
                  figures=["patents.grants"], paragraphs=[Paragraph(zh="甲", en="A")])
report = ipdocs.Report(region=Text(zh="宁波市", en="Ningbo"), year=2024,
                       title=Text(zh="标题", en="Title"), sections=[section],
                       figures={"patents.grants": grants, "share": share, "rank": rank})
value: Decimal = report.figure("patents.grants").value
percent: Decimal | None = grants.change.percent if grants.change else None
history: dict[int, Decimal] = share.history
pdf: bytes = ipdocs.render(report, "pdf", lang="zh-en")
other = ipdocs.render(report, lang=ipdocs.language_code("zh"))
