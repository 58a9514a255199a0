"""The page's style sheet, made from the theme: its fonts as a stack suited to Simplified
Chinese, its sizes relative to the body's, its colours; the typography of paper where CSS
can carry it; a layout that stacks on a narrow screen; a print style sheet."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ipdocs.themes import Font, Style, Theme
from ipdocs.writers.looks import header_fill

SYSTEM_STACKS = {
    "sans": ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
             "Source Han Sans SC", "sans-serif"),
    "serif": ("Songti SC", "STSong", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC",
              "serif"),
    "kai": ("Kaiti SC", "STKaiti", "KaiTi", "AR PL UKai CN", "serif"),
    "fang": ("STFangsong", "FangSong", "Noto Serif CJK SC", "serif"),
}
"""What follows a theme font's own names: the faces Simplified Chinese readers' systems
have (macOS, Windows, Linux), by the kind of face a role bundles, then a generic family."""

LATIN_STACKS = {
    "sans": ("Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans"),
    "serif": ("Georgia", "Times New Roman", "Liberation Serif", "DejaVu Serif"),
}
"""Latin faces readers' systems have, named before the Chinese ones in text that is not
Han (a Chinese face sets quotation marks and apostrophes full width)."""

HEX = re.compile(r"[0-9A-Fa-f]{6}")
STYLES = ("body", "lead", "note", "title", "subtitle", "cover-line", "heading-1",
          "heading-2", "heading-3", "heading-4", "caption", "table-header", "table-cell",
          "key-value", "key-label", "key-change", "toc-title", "toc-entry")
"""The theme styles the page sets (classes of the same names, ``s-`` before them)."""


def css_string(name: str) -> str:
    """``name`` as a quoted CSS string: characters other than letters, digits, spaces and
    hyphens escaped (a theme file's font name cannot close the style sheet)."""
    return '"' + "".join(c if c.isalnum() or c in " -_" else f"\\{ord(c):x} "
                         for c in name) + '"'


def colour(theme: Theme, value: str | None, default: str = "1A1A1A") -> str:
    """A theme colour (or role) as ``#rrggbb``; ``default`` for none or a malformed one."""
    resolved = theme.color(value) if value else None
    return "#" + (resolved if resolved and HEX.fullmatch(resolved) else default)


def _kind(font: Font) -> str:
    """The kind of face a font role bundles (sans, serif, kai, fang)."""
    for kind in ("sans", "kai", "fang"):
        if kind in font.bundled:
            return kind
    return "serif"


def stack(font: Font, embedded: tuple[str, str] | None = None, latin: bool = False) -> str:
    """The font-family list of a role. Han text: the embedded Chinese face where there is
    one, the theme's East Asian names and alternates, the systems' Chinese faces (whose
    quotation marks are full width, as the PDF and Word set them beside Han), then the
    theme's Latin name. ``latin`` text: the embedded Latin companion, the theme's Latin
    name and the systems' Latin faces first, then the Chinese ones."""
    kind = "sans" if _kind(font) == "sans" else "serif"
    chinese = [font.east_asian, *font.alternates, *SYSTEM_STACKS[_kind(font)][:-1]]
    if latin:
        own = list(embedded[::-1]) if embedded else []
        names = [*own, font.latin, *LATIN_STACKS[kind], *chinese]
    else:
        names = [*([embedded[0]] if embedded else []), *chinese, font.latin]
    generic = SYSTEM_STACKS[_kind(font)][-1]
    return ", ".join([*(css_string(n) for n in dict.fromkeys(names)), generic])


def _size(style: Style, body: Style) -> str:
    """A style's size relative to the body's, in rem (the reader's own size is the body's)."""
    return f"{style.size / body.size:.3f}rem"


def _line(style: Style) -> str:
    """A style's line height, unitless."""
    if style.exact:
        return f"{style.exact / style.size:.3f}"
    return f"{style.line or 1.3:.3f}"


def _latin_rules(theme: Theme, latin: Sequence[str],
                 embedded: dict[str, tuple[str, str]]) -> str:
    """Text of the ``latin`` languages (primary subtags): hyphenated, ragged where its
    column is narrow (a narrow screen, a side of a pair) as on paper, and each style's
    font with the Latin faces first."""
    if not latin:
        return ""
    langs = ",".join(f":lang({code})" for code in latin)
    text = [f":lang({code}).s-{name}" for code in latin for name in ("body", "lead")]
    paired = ",".join(f".pair {selector}" for selector in text)
    rules = [f"{langs}{{hyphens:auto;-webkit-hyphens:auto}}", f"{paired}{{text-align:start}}",
             f"@media (max-width:40rem){{{','.join(text)}{{text-align:start}}}}"]
    for selector, name in (("body", "body"), *((f".s-{n}", n) for n in STYLES)):
        style = theme.style(name)
        chosen = ",".join(f"{selector}:lang({code})" for code in latin)
        family = stack(theme.font(style), embedded.get(style.font), latin=True)
        rules.append(f"{chosen}{{font-family:{family}}}")
    return "".join(rules)


def _rule(theme: Theme, name: str, families: dict[str, str], print_: bool) -> str:
    """The rule of one theme style."""
    style, body = theme.style(name), theme.style("body")
    size = f"{style.size:g}pt" if print_ else _size(style, body)
    parts = [f"font-family:{families[style.font]}", f"font-size:{size}",
             f"line-height:{_line(style)}", f"font-weight:{700 if style.bold else 400}"]
    if style.color:
        parts.append(f"color:{colour(theme, style.color)}")
    if style.align in ("center", "right", "justify"):
        parts.append(f"text-align:{style.align}")
    if style.indent_zh:
        parts.append(f"--indent:{style.indent_zh:g}em")
    if style.indent_latin:
        parts.append(f"--indent-latin:{style.indent_latin:g}em")
    if not print_:
        parts += [f"margin:{style.before / body.size:.3f}rem 0 {style.after / body.size:.3f}rem"]
    return f".s-{name}{{{';'.join(parts)}}}"


BASE = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1a1a1a;overflow-wrap:break-word}
.skip{position:absolute;left:.5rem;top:-4rem;background:#fff;color:#1a1a1a;padding:.5rem;
 border:2px solid currentColor;z-index:2}
.skip:focus{top:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
 clip-path:inset(50%);white-space:nowrap}
main{display:block;max-width:44rem;margin:0 auto;padding:1rem 1rem 3rem}
main.parallel{max-width:80rem}
:lang(zh){line-break:strict;word-break:normal;text-spacing-trim:normal;text-autospace:normal}
.n,.short{white-space:nowrap;hyphens:none;-webkit-hyphens:none}
.as{display:none}
@supports not (text-autospace:normal){.as:lang(zh){display:inline;margin-left:.25em}}
p{margin:0}
h1,h2,h3,h4,h5,h6{margin:0}
.indent{text-indent:var(--indent,2em)}
.indent-latin{text-indent:var(--indent-latin,0)}
.cover{margin:2rem 0 1.5rem}
.page-break{height:0;margin:0}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:2rem}
.pair>div{min-width:0}
@media (max-width:48rem){.pair{grid-template-columns:minmax(0,1fr)}
 .pair>div+div{border-top:1px solid var(--rule);padding-top:.5rem;margin-top:.5rem}}
.table-wrap{overflow-x:auto;margin:.25rem 0 1rem}
@media (max-width:30rem){main{padding:.75rem .75rem 2rem}
 .table-wrap table{font-size:.875em}th,td{padding:.2rem .25rem}}
table{border-collapse:collapse;margin:0 auto;max-width:100%}
caption{text-align:left;caption-side:top;padding-bottom:.25rem}
th,td{padding:.2rem .35rem;border-bottom:1px solid var(--rule);vertical-align:middle}
thead th{background:var(--head-ground);border-top:2px solid var(--rule)}
tbody tr:last-child>*{border-bottom:2px solid var(--rule)}
tbody th{font-weight:400;text-align:left}
th.al-left,td.al-left{text-align:left}th.al-center,td.al-center{text-align:center}
th.al-right,td.al-right{text-align:right}
.num{font-variant-numeric:tabular-nums}
.dec{display:inline-grid;text-align:left}
.dec>span{grid-area:1/1}
.ghost{visibility:hidden}
.up{color:var(--rise)}.down{color:var(--fall)}
.kf{display:grid;gap:2px;
 grid-template-columns:repeat(auto-fit,minmax(max(9.5rem,calc((100% - 4px) / 3)),1fr));
 margin:0 0 1.25rem}
.kf>div{background:var(--fill);padding:.5rem .6rem;display:flex;flex-direction:column;
 container-type:inline-size}
.kf dd{margin:0}
.kf .s-key-value{order:-1;white-space:nowrap;
 font-size:min(var(--kv-size),calc(100cqi / var(--ems,1)))}
.chart{margin:.5rem 0 1.25rem}
.chart svg{display:block;width:100%;max-width:36rem;height:auto;margin:0 auto}
.chart svg text{font-family:inherit;fill:#1a1a1a}
details{margin:.25rem 0}
summary{cursor:pointer}
nav ol{list-style:none;padding-left:0;margin:0 0 1.5rem}
nav ol ol{padding-left:2em;margin:0}
nav a{color:inherit}
a{color:var(--link)}
sup{line-height:0}
mark.review{background:var(--review);color:#1a1a1a;text-decoration:underline dotted;
 text-underline-offset:.2em}
mark.stale{background:var(--stale);color:#1a1a1a}
del{color:#1a1a1a}
.draft{border:3px solid var(--draft);color:var(--draft-text);font-weight:700;
 padding:.5rem 1rem;margin:0 0 1rem;text-align:center;letter-spacing:.2em}
body.is-draft main{border-left:6px solid var(--draft)}
.masthead{text-align:center;font-weight:700;padding-bottom:.5rem;border-bottom:2px solid}
@media print{
 .skip,details{display:none}
 main,main.parallel{max-width:none;padding:0}
 body.is-draft main{border-left:0}
 a{color:inherit;text-decoration:none}
 h1,h2,h3,h4,h5,h6,caption{break-after:avoid;page-break-after:avoid}
 table,figure,.kf,.pair,tr{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}
 .page-break{break-after:page;page-break-after:always}
 p{orphans:2;widows:2}
 .pair{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
 .table-wrap{overflow:visible}
 .chart svg{max-width:120mm}
}
"""
"""What every theme shares (custom properties carry the theme's colours)."""


def variables(theme: Theme) -> str:
    """The theme's colours and the key value's size as custom properties."""
    body, key = theme.style("body"), theme.style("key-value")
    head = header_fill(theme)
    pairs = {"rule": colour(theme, "rule"), "rise": colour(theme, "rise"),
             "fall": colour(theme, "fall"), "fill": colour(theme, "fill", "FFFFFF"),
             "review": colour(theme, "review"), "stale": colour(theme, "stale"),
             "draft": colour(theme, "draft"), "draft-text": colour(theme, "draft"),
             "link": colour(theme, "accent"), "head-ground": "#" + head,
             "kv-size": _size(key, body)}
    return ":root{" + ";".join(f"--{k}:{v}" for k, v in pairs.items()) + "}"


def stylesheet(theme: Theme, latin: Sequence[str] = (),
               embedded: dict[str, tuple[str, str]] | None = None, font_faces: str = "") -> str:
    """The whole style sheet of a page in ``theme``; ``latin`` lists the primary subtags of
    the document's languages that are not Han; ``embedded`` names the embedded family of
    each font role (their @font-face rules in ``font_faces``)."""
    embedded = embedded or {}
    families = {role: stack(font, embedded.get(role)) for role, font in theme.fonts.items()}
    body = theme.style("body")
    screen = [_rule(theme, name, families, False) for name in STYLES]
    paper = [_rule(theme, name, families, True) for name in STYLES]
    page = theme.page
    margins = f"{page.top:g}mm {page.outside:g}mm {page.bottom:g}mm {page.inside:g}mm"
    return "".join([
        font_faces, variables(theme), BASE,
        f"body{{font-family:{families[body.font]};line-height:{_line(body)}}}",
        *screen, _latin_rules(theme, latin, embedded),
        f"@media print{{@page{{size:{page.width:g}mm {page.height:g}mm;margin:{margins}}}",
        *paper, "}",
    ])
