"""``make test-wheel``, run by the Python of a fresh venv into which the release wheel was
installed, from a folder outside the checkout: the wheel is what issue 10.2 asks (abi3,
``manylinux2014``, stripped, README and licence metadata, extras ``[pandas]`` and
``[polars]``), and the README's Python snippet runs and prints what its comments say.

Usage: ``python wheel_check.py WHEEL README`` (``wheel_check.sh`` sets it up). Exits
non-zero with the reason on the first failure.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

# The platform tags, in the order maturin writes them into the file name.
TAG = "cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64"


def fail(why: str) -> None:
    sys.exit(f"wheel_check: {why}")


def check_wheel(wheel: Path) -> None:
    """The file name, the tags, the metadata, the licences and the stripped library."""
    if not re.fullmatch(rf"liaison_rules-[0-9][0-9.]*-{re.escape(TAG)}\.whl", wheel.name):
        fail(f"{wheel.name}: not an abi3 manylinux2014 (glibc 2.17) x86_64 wheel of liaison-rules")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        info = next(n for n in names if n.endswith(".dist-info/WHEEL"))
        tags = {line.split(": ", 1)[1] for line in z.read(info).decode().splitlines() if line.startswith("Tag: ")}
        if tags != {"cp39-abi3-manylinux_2_17_x86_64", "cp39-abi3-manylinux2014_x86_64"}:
            fail(f"WHEEL tags {sorted(tags)}")
        meta = Parser().parsestr(z.read(info.replace("/WHEEL", "/METADATA")).decode())
        expected = {
            "Name": "liaison-rules",
            "License-Expression": "MIT OR Apache-2.0",
            "Description-Content-Type": "text/markdown; charset=UTF-8; variant=GFM",
            "Requires-Python": ">=3.9",
        }
        for key, value in expected.items():
            if meta.get(key) != value:
                fail(f"METADATA {key}: {meta.get(key)!r}, expected {value!r}")
        extras = set(meta.get_all("Provides-Extra") or [])
        if not {"pandas", "polars"} <= extras:
            fail(f"METADATA extras {sorted(extras)}")
        if not {"LICENSE-MIT", "LICENSE-APACHE"} <= set(meta.get_all("License-File") or []):
            fail(f"METADATA License-File {meta.get_all('License-File')}")
        licences = [n for n in names if "/licenses/LICENSE-" in n]
        if len(licences) != 2:
            fail(f"licence files in the wheel: {licences}")
        body = meta.get_payload()
        if "pip install liaison-rules" not in body or "```python" not in body:
            fail("METADATA: the README is not the long description")
        for needed in ("liaison/__init__.py", "liaison/__init__.pyi", "liaison/_types.py", "liaison/py.typed"):
            if needed not in names:
                fail(f"{needed} missing from the wheel")
        library = next((n for n in names if n.startswith("liaison/_liaison") and n.endswith(".so")), None)
        if library != "liaison/_liaison.abi3.so":
            fail(f"native library {library!r}: expected liaison/_liaison.abi3.so")
        with tempfile.TemporaryDirectory() as tmp:
            so = Path(z.extract(library, tmp))
            sections = subprocess.run(["readelf", "-S", "-W", str(so)], capture_output=True, text=True, check=True).stdout
            if ".symtab" in sections or ".debug_info" in sections:
                fail("the native library is not stripped (.symtab or .debug_info present)")
            versions = subprocess.run(["objdump", "-T", str(so)], capture_output=True, text=True, check=True).stdout
            glibc = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", versions)}
            if not glibc or max(glibc) > (2, 17):
                fail(f"the native library needs glibc {max(glibc, default=None)}, more than 2.17")
    print(f"wheel_check: {wheel.name}: tags, metadata, licences, stripped, glibc <= 2.17")


def snippet(readme: Path) -> str:
    """The first ```python block of the README's Python section."""
    text = readme.read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)
    if len(section) != 2:
        fail("README has no '## Python' section")
    block = re.search(r"```python\n(.*?)```", section[1], re.S)
    if block is None:
        fail("README's Python section has no ```python block")
    assert block is not None
    return block.group(1)


def _looks_like_a_value(comment: str) -> bool:
    """Whether a comment states a result (a repr) rather than says something about it."""
    return bool(re.match(r"""['"\[{(\-0-9]|[A-Za-z_][\w.]*\(""", comment))


def run_snippet(code: str) -> None:
    """Runs the snippet statement by statement; a statement whose comment states a value
    must give that value (its repr, or the comment starting with it before a remark), and a
    ``print`` with a comment must print it. Comment-only lines right after a statement
    state its value too."""
    lines = code.splitlines()
    comments = {}
    for number, line in enumerate(lines, 1):
        if "#" in line:
            comments[number] = line.split("#", 1)[1].strip()
    namespace: dict[str, object] = {"__name__": "__readme__"}
    checked = 0
    for statement in ast.parse(code).body:
        end = statement.end_lineno or statement.lineno
        out = io.StringIO()
        value = None
        with contextlib.redirect_stdout(out):
            if isinstance(statement, ast.Expr):
                value = eval(compile(ast.Expression(statement.value), "<README>", "eval"), namespace)
            else:
                exec(compile(ast.Module([statement], []), "<README>", "exec"), namespace)
        printed = out.getvalue().splitlines()
        stated = [comments[n] for n in range(statement.lineno, end + 1) if n in comments]
        following = end + 1
        while following <= len(lines) and lines[following - 1].lstrip().startswith("#"):
            stated.append(comments[following])
            following += 1
        if isinstance(statement, ast.Expr) and not printed:
            for comment in stated:
                if not _looks_like_a_value(comment):
                    continue
                got = repr(value)
                if not (comment == got or comment.startswith(got + " ") or comment.startswith(got + ":")):
                    fail(f"README line {statement.lineno}: {got} where the comment says {comment}")
                checked += 1
        for line_no in range(statement.lineno, end + 1):
            text = lines[line_no - 1]
            if "print(" in text and line_no in comments:
                if comments[line_no] not in printed:
                    fail(f"README line {line_no}: printed {printed}, the comment says {comments[line_no]!r}")
                checked += 1
    if checked < 5:
        fail(f"only {checked} results of the README's snippet were checked")
    print(f"wheel_check: the README's Python snippet ran; {checked} stated results are right")


def main() -> None:
    wheel, readme = Path(sys.argv[1]), Path(sys.argv[2])
    check_wheel(wheel)
    import liaison

    site = sysconfig.get_paths()["purelib"]
    if not liaison.__file__ or not liaison.__file__.startswith(site):
        fail(f"liaison imported from {liaison.__file__}, not from the venv's {site}")
    run_snippet(snippet(readme))


if __name__ == "__main__":
    main()
