"""Regular expressions compiled on first use (``ipdocs.base.patterns``)."""

from __future__ import annotations

import re
import typing

from hypothesis import given
from hypothesis import strategies as st

from ipdocs.base.patterns import (
    REPORTLAB_CJK,
    REPORTLAB_URI,
    YAML_NON_PRINTABLE,
    YAML_TIMESTAMP,
    Deferred,
    annotations_compiled_once,
    compiled_on_first_use,
    on_first_use,
)
from tests.conftest import fresh_python


def test_a_deferred_pattern_compiles_on_its_first_use_and_answers_as_the_pattern() -> None:
    deferred = Deferred(r"a(b+)", re.IGNORECASE)
    assert deferred._compiled is None
    match = deferred.search("xxABBy")
    assert match is not None and match.group(1) == "BB"
    assert deferred.pattern == r"a(b+)"
    assert deferred.flags == re.compile(r"a(b+)", re.IGNORECASE).flags
    assert deferred.compiled() is deferred.compiled()


def test_on_first_use_compiles_nothing_until_used() -> None:
    pattern = on_first_use(r"[\u4e00-\u9fff]+")
    assert isinstance(pattern, Deferred) and pattern._compiled is None
    assert [m.span() for m in pattern.finditer("ab汉字c")] == [(2, 4)]


def test_only_the_named_patterns_are_deferred_and_re_compile_is_restored() -> None:
    real = re.compile
    with compiled_on_first_use(("x+", 0)):
        assert isinstance(re.compile("x+"), Deferred)
        assert isinstance(re.compile("x+", re.IGNORECASE), re.Pattern)
        assert isinstance(re.compile("y+"), re.Pattern)
        with compiled_on_first_use(("y+", 0)):
            assert isinstance(re.compile("y+"), Deferred)
            assert isinstance(re.compile("x+"), re.Pattern)
        assert isinstance(re.compile("y+"), re.Pattern)
    assert re.compile is real


def test_re_compile_is_restored_when_the_import_fails() -> None:
    real = re.compile
    try:
        with compiled_on_first_use(REPORTLAB_URI):
            raise ImportError("no such module")
    except ImportError:
        pass
    assert re.compile is real


@given(st.text(alphabet=st.sampled_from("ab.-:/1年\u3000é\x07\U0001f600 wXk2T+Z")))
def test_the_dependencies_patterns_deferred_match_as_compiled(text: str) -> None:
    for source, flags in (REPORTLAB_URI, REPORTLAB_CJK, YAML_NON_PRINTABLE, YAML_TIMESTAMP):
        deferred = Deferred(source, flags)
        compiled = re.compile(source, flags)
        assert [m.span() for m in deferred.finditer(text)] == \
               [m.span() for m in compiled.finditer(text)]


def test_the_dependencies_still_compile_the_patterns_named() -> None:
    """The installed reportlab and PyYAML compile exactly the patterns named (a release
    that changes one would have it compiled at import again: slower, not wrong), and a
    fresh process importing ipdocs' PDF writer and YAML reader defers them."""
    code = (
        "import ipdocs.base.fastyaml, ipdocs.writers.pdf\n"
        "import reportlab.platypus.paragraph as p, reportlab.lib.textsplit as t\n"
        "import yaml.reader as r, yaml.constructor as c\n"
        "import re\n"
        "from ipdocs.base.patterns import Deferred\n"
        "found = [p.uri_pat, t.rx, r.Reader.NON_PRINTABLE, c.SafeConstructor.timestamp_regexp]\n"
        "print(c.SafeConstructor.timestamp_regexp.match('2024-04-26 10:00:00Z') is not None)\n"
        "print(all(type(x) is Deferred for x in found))\n"
        "print(re.compile.__module__ == 're')\n")
    out = fresh_python(code).split()
    assert out == ["True", "True", "True"]


def test_the_modules_named_have_their_top_level_patterns_deferred_and_they_still_work() -> None:
    """A fresh process importing ipdocs' PDF writer holds reportlab's rl_safe_eval,
    PyFontify and Paragraph patterns as ``Deferred``, not the HTML parser's (a pattern
    used through an attribute at import, such as ``_wsc_re_split``, compiled at once),
    and each module works as before: Python highlighted, markup parsed, a word hyphenated
    and broken by a Paragraph."""
    code = (
        "import ipdocs.writers.pdf\n"
        "from ipdocs.base.patterns import Deferred\n"
        "import html.parser, reportlab.lib.PyFontify as f, reportlab.lib.rl_safe_eval as s\n"
        "import reportlab.platypus.paragraph as p, reportlab.platypus.paraparser as pp\n"
        "print(all(type(x) is Deferred for x in (s.__rl_unsafe_re__, f.matchRE, f.idRE,\n"
        "    p._hy_letters_pat, p._scheme_re, pp._re_para)))\n"
        "print(type(html.parser.attrfind_tolerant) is Deferred)\n"
        "print(type(p._wsc_re_split).__name__)\n"
        "print(f.fontify('def f(x):  # a\\n    return 1\\n'))\n"
        "class P(html.parser.HTMLParser):\n"
        "    def handle_starttag(self, tag, attrs): print(tag, attrs)\n"
        "P().feed('<a href=\"x\" b=c>t &amp; u</a>')\n"
        "from reportlab.lib.styles import getSampleStyleSheet\n"
        "para = p.Paragraph('<b>an</b> extra\\xadordinary <a href=\"https://x.org\">link</a>',\n"
        "                   getSampleStyleSheet()['Normal'])\n"
        "print(para.wrap(40, 200), [line.words for line in para.blPara.lines])\n")
    fresh = fresh_python(code).splitlines()
    plain = fresh_python(code.replace("import ipdocs.writers.pdf\n", "")).splitlines()
    assert fresh[:3] == ["True", "False", "builtin_function_or_method"]
    assert plain[0] == "False" and fresh[3:] == plain[3:]


def test_a_deferred_pattern_pickles_and_copies_as_the_pattern_it_stands_for() -> None:
    """Pickled, copied or deep-copied, compiled or not yet, a ``Deferred`` gives the
    compiled pattern of its source and flags (as a compiled pattern pickles), where its
    attribute forwarding alone would recurse."""
    import copy
    import pickle

    for compiled_first in (False, True):
        deferred = Deferred(r"a(b+)c", re.IGNORECASE)
        if compiled_first:
            deferred.compiled()
        for again in (pickle.loads(pickle.dumps(deferred)), copy.copy(deferred),
                      copy.deepcopy(deferred)):
            assert again == re.compile(r"a(b+)c", re.IGNORECASE)
            assert again.match("ABBC").group(1) == "BB"  # type: ignore[union-attr]



def test_annotations_compiled_once_share_each_texts_code_and_evaluate_as_before() -> None:
    """While the context runs, ForwardRefs of one text share one code object (the code
    ``compile`` makes of it: equal, as the built-in's); each evaluates as without it;
    afterwards typing compiles each text again, and has no ``compile`` of its own."""
    with annotations_compiled_once():
        first, second = typing.ForwardRef("dict[str, int]"), typing.ForwardRef("dict[str, int]")
        other = typing.ForwardRef("list[int]")
        assert first.__forward_code__ is second.__forward_code__
        plain = compile("dict[str, int]", "<string>", "eval", dont_inherit=True)
        assert first.__forward_code__ == plain  # typing's: no future import inherited
        assert first.__forward_code__.co_flags == plain.co_flags
        assert other.__forward_code__ is not first.__forward_code__
    after = typing.ForwardRef("dict[str, int]")
    assert after.__forward_code__ is not first.__forward_code__
    assert "compile" not in vars(typing)
    assert typing.get_type_hints(_Annotated, localns={"Other": int}) == {
        "a": dict[str, int], "b": int}


def test_annotations_compiled_once_leave_other_compiles_and_errors_as_they_were() -> None:
    """A text that is not an expression still raises typing's SyntaxError; a compile in
    another mode or with flags is the built-in's; typing is restored after an error."""
    with annotations_compiled_once():
        try:
            typing.ForwardRef("1 +")
        except SyntaxError as exc:
            assert "Forward reference must be an expression" in str(exc)
        else:
            raise AssertionError("a text that is no expression was accepted")
        made = typing.compile  # type: ignore[attr-defined]
        assert made("x = 1", "<m>", "exec") is not made("x = 1", "<m>", "exec")
    try:
        with annotations_compiled_once():
            raise ImportError("no such module")
    except ImportError:
        pass
    assert "compile" not in vars(typing)


class _Annotated:
    """A class whose annotations are texts (this module's annotations are postponed)."""

    a: dict[str, int]
    b: Other  # type: ignore[name-defined]  # noqa: F821


def test_pydantic_finds_no_plugins_without_reading_the_installed_packages() -> None:
    code = ("import os, sys\n"
            "os.environ.pop('PYDANTIC_DISABLE_PLUGINS', None)\n"
            "from ipdocs.base.patterns import without_pydantic_plugins\n"
            "print(without_pydantic_plugins())\n"
            "import pydantic\n"
            "class Model(pydantic.BaseModel):\n"
            "    value: int\n"
            "print(Model.model_validate({'value': 3}).value, 'importlib.metadata' in sys.modules)\n"
            "from pydantic.plugin._loader import get_plugins\n"
            "print(list(get_plugins()))\n")
    assert fresh_python(code).splitlines() == ["True", "3 False", "[]"]


def test_pydantic_asking_its_plugin_loader_for_more_gets_the_real_one() -> None:
    code = ("import sys\n"
            "from ipdocs.base.patterns import PYDANTIC_PLUGIN_LOADER, without_pydantic_plugins\n"
            "without_pydantic_plugins()\n"
            "stand_in = sys.modules[PYDANTIC_PLUGIN_LOADER]\n"
            "print(stand_in.PYDANTIC_ENTRY_POINT_GROUP)\n"
            "real = sys.modules[PYDANTIC_PLUGIN_LOADER]\n"
            "print(real is not stand_in, real.get_plugins is not stand_in.get_plugins)\n"
            "print(without_pydantic_plugins())\n")
    assert fresh_python(code).splitlines() == ["pydantic", "True True", "False"]


def test_a_user_who_set_pydantics_plugins_keeps_what_they_set() -> None:
    code = ("import os, sys\n"
            "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'logfire'\n"
            "from ipdocs.base.patterns import PYDANTIC_PLUGIN_LOADER, without_pydantic_plugins\n"
            "print(without_pydantic_plugins(), PYDANTIC_PLUGIN_LOADER in sys.modules)\n")
    assert fresh_python(code) == "False False\n"


def test_pillow_s_image_module_is_imported_at_its_first_use() -> None:
    """reportlab imports Pillow's image module with its first module; behind the
    stand-in (``pillow_on_first_use``) it is imported only when a picture is read, and
    is then the real module everywhere (the package's attribute and ``sys.modules``)."""
    code = ("import io, sys\n"
            "from ipdocs.base.patterns import PILLOW_IMAGE, pillow_on_first_use\n"
            "print(pillow_on_first_use(), pillow_on_first_use())\n"
            "import reportlab.platypus\n"
            "from reportlab.lib.utils import ImageReader\n"
            "print('PIL.ExifTags' in sys.modules, type(sys.modules[PILLOW_IMAGE]).__name__)\n"
            "import PIL, PIL.Image\n"
            "picture = io.BytesIO()\n"
            "PIL.Image.new('RGB', (3, 2), 'red').save(picture, 'PNG')\n"
            "print(ImageReader(picture).getSize(), 'PIL.ExifTags' in sys.modules)\n"
            "real = sys.modules[PILLOW_IMAGE]\n"
            "print(hasattr(real, '__file__'), PIL.Image is real)\n"
            "print(getattr(PIL.Image, 'VERSION', 'none'))\n")
    assert fresh_python(code).splitlines() == ["True False", "False _StandIn",
                                               "(3, 2) True", "True True", "none"]


def test_the_stand_in_is_the_real_module_to_whatever_uses_it() -> None:
    """A program that took the stand-in before its first use (``from PIL import Image``)
    and sets one of its names sets the real module's (a limit on a picture's pixels);
    ``import *`` takes the real module's names; its spec is found without running it."""
    code = ("import importlib.util, sys\n"
            "from ipdocs.base.patterns import PILLOW_IMAGE, pillow_on_first_use\n"
            "pillow_on_first_use()\n"
            "from PIL import Image\n"
            "spec = importlib.util.find_spec(PILLOW_IMAGE)\n"
            "print(spec.name, spec.origin.endswith('Image.py'), 'PIL.ExifTags' in sys.modules)\n"
            "Image.MAX_IMAGE_PIXELS = None\n"
            "real = sys.modules[PILLOW_IMAGE]\n"
            "print(real is not Image, real.MAX_IMAGE_PIXELS, Image.MAX_IMAGE_PIXELS)\n"
            "del Image.MAX_IMAGE_PIXELS\n"
            "print(hasattr(real, 'MAX_IMAGE_PIXELS'))\n"
            "namespace = {}\n"
            "exec('from PIL.Image import *', namespace)\n"
            "print('open' in namespace, 'new' in namespace, hasattr(Image, '__path__'))\n")
    assert fresh_python(code).splitlines() == ["PIL.Image True False", "True None None",
                                               "False", "True True False"]


def test_pillow_already_imported_is_left_as_it_is() -> None:
    code = ("import sys, PIL.Image\n"
            "from ipdocs.base.patterns import PILLOW_IMAGE, pillow_on_first_use\n"
            "print(pillow_on_first_use(), sys.modules[PILLOW_IMAGE] is PIL.Image)\n")
    assert fresh_python(code) == "False True\n"


def test_threads_reading_the_stand_in_at_once_import_pillow_once() -> None:
    """Two threads reading the stand-in's first name at once: the module is imported
    once, under the lock, and both get its names."""
    code = ("import sys, threading\n"
            "from ipdocs.base.patterns import PILLOW_IMAGE, pillow_on_first_use\n"
            "pillow_on_first_use()\n"
            "stand_in = sys.modules[PILLOW_IMAGE]\n"
            "got = []\n"
            "start = threading.Barrier(4)\n"
            "def read():\n"
            "    start.wait()\n"
            "    got.append(stand_in.Image)\n"
            "threads = [threading.Thread(target=read) for _ in range(4)]\n"
            "[t.start() for t in threads]; [t.join() for t in threads]\n"
            "print(len(got), len(set(got)), got[0] is sys.modules[PILLOW_IMAGE].Image)\n")
    assert fresh_python(code) == "4 1 True\n"
