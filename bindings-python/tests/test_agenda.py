"""``agenda`` through Python, and datasets read from the files offices keep (issue 10.4,
10.5): GBK / GB18030 CSV folders, ``.xlsx`` workbooks made here, ``encoding=`` and
``strict=`` on ``check``, ``check_detailed`` and ``agenda``."""

from __future__ import annotations

import datetime
import inspect
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

import liaison
from liaison import LiaisonError

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
DISTRICT_JSON = EXAMPLES / "district.json"
DISTRICT_CSV = EXAMPLES / "district-csv"
RANGE = ("2023-01-01", "2025-12-31", "2026-01-20")
AS_OF = RANGE[2]
STATES = ("open", "due_soon", "late")


def error_of(call: Any, *args: Any, **kwargs: Any) -> LiaisonError:
    with pytest.raises(LiaisonError) as info:
        call(*args, **kwargs)
    return info.value


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DISTRICT_JSON.read_text(encoding="utf-8"))
    return data


# --- agenda ---------------------------------------------------------------------------


def test_agenda_of_the_example_district() -> None:
    as_of = datetime.date.fromisoformat(AS_OF)
    agenda = liaison.agenda(example(), as_of)
    assert list(agenda) == ["as_of", "horizon_days", "until", "items", "records_not_judged"]
    for outcome in agenda["records_not_judged"]:  # named, with a reason, dated as Python's
        assert outcome["status"] == "not_judged" and outcome["reason"]
        assert type(outcome["period"]["start"]) is datetime.date
    assert (agenda["as_of"], agenda["horizon_days"]) == (as_of, 14)
    assert agenda["until"] == as_of + datetime.timedelta(days=14)
    items = agenda["items"]
    assert items, "a district of 15 units owes something within two weeks"
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)  # by due day
    codes = {code for code, _, _ in liaison.FINDING_CODES}
    for item in items:
        assert type(item["due"]) is datetime.date and type(item["period"]["start"]) is datetime.date
        assert item["days_left"] == (item["due"] - as_of).days
        assert item["state"] in STATES
        assert (item["state"] == "late") == (item["days_left"] < 0)
        assert item["due"] <= agenda["until"]
        assert item["code"] in codes and item["owed"] and item["owed_zh"]
        assert isinstance(item["expected"], int) and isinstance(item["actual"], int)
    assert {i["state"] for i in items} == set(STATES)
    # an opinion not fed back by its deadline is late and still to be done
    assert any(i["code"] == "feedback_overdue" and i["state"] == "late" for i in items)


def test_a_record_the_agenda_cannot_judge_is_named() -> None:
    data = {
        "units": [{"id": "V1", "level": "village"}],
        "opinions": [{"id": "O9", "unit": "V1", "received": "2026-12-25", "responsibility": 1}],
    }
    agenda = liaison.agenda(data, "2026-12-28", policy={"rules": ["S5"]})
    assert agenda["items"] == []
    [outcome] = agenda["records_not_judged"]
    assert (outcome["subject"], outcome["status"], outcome["reason"]) == ("O9", "not_judged", "calendar_not_covered")
    assert type(outcome["period"]["start"]) is datetime.date


def test_agenda_takes_every_form_of_a_dataset() -> None:
    pd = pytest.importorskip("pandas")
    expected = liaison.agenda(example(), AS_OF, 30)
    assert liaison.agenda(DISTRICT_JSON, AS_OF, 30) == expected
    assert liaison.agenda(str(DISTRICT_CSV), AS_OF, 30) == expected
    frames = {name: pd.DataFrame(rows) for name, rows in example().items()}
    assert liaison.agenda(frames, datetime.date.fromisoformat(AS_OF), horizon_days=30) == expected


def test_agenda_defaults_are_the_contracts() -> None:
    params = inspect.signature(liaison.agenda).parameters
    assert list(params)[:4] == ["dataset", "as_of", "horizon_days", "policy"]
    assert params["horizon_days"].default == 14 == liaison.REQUEST_DEFAULTS["agenda"]["horizon_days"]
    assert params["encoding"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["strict"].kind is inspect.Parameter.KEYWORD_ONLY


def test_a_longer_horizon_sees_more() -> None:
    data = example()
    short = liaison.agenda(data, AS_OF, 0)["items"]
    long = liaison.agenda(data, AS_OF, 60)["items"]
    key = [(i["rule"], i["subject"], i["period"]["label"]) for i in short]
    assert set(key) <= {(i["rule"], i["subject"], i["period"]["label"]) for i in long}
    assert len(long) > len(short)


@pytest.mark.parametrize(
    ("kwargs", "code", "loc"),
    [
        ({"horizon_days": -1}, "invalid_count", ["horizon_days"]),
        ({"horizon_days": 2**32}, "invalid_count", ["horizon_days"]),
        ({"horizon_days": 1.5}, "invalid_count", ["horizon_days"]),
        ({"horizon_days": True}, "invalid_count", ["horizon_days"]),
        ({"as_of": "2009-02-30"}, "invalid_date", ["as_of"]),
        ({"as_of": "9999-12-30"}, "date_out_of_range", ["horizon_days"]),
        ({"dataset": {"units": [{"id": "V1", "level": "hamlet"}]}}, "invalid_input", ["dataset", "units", 0, "level"]),
        ({"policy": {"nope": 1}}, "invalid_policy", ["policy", "nope"]),
        ({"encoding": "latin-1"}, "invalid_input", ["encoding"]),
        ({"strict": "yes"}, "invalid_input", ["strict"]),
    ],
    ids=repr,
)
def test_agenda_errors(kwargs: dict[str, Any], code: str, loc: list[Any]) -> None:
    args: dict[str, Any] = {"dataset": {}, "as_of": "2009-01-18", **kwargs}
    e = error_of(liaison.agenda, **args)
    assert (e.code, e.loc) == (code, loc), str(e)


def test_agenda_of_a_missing_path_is_file_not_found(tmp_path: Path) -> None:
    e = error_of(liaison.agenda, tmp_path / "nowhere", "2009-01-18")
    assert isinstance(e, FileNotFoundError)
    assert (e.code, e.loc) == ("file_not_found", ["dataset", "nowhere"])


# --- CSV as Excel saves it in China ---------------------------------------------------

UNIT_LABELS = {"district": "区", "town": "镇", "village": "村", "community": "社区", "organisation": "组织"}


def gbk_folder(folder: Path, encoding: str = "gbk", extra: tuple[str, ...] = ()) -> Path:
    """The example CSV folder with its units as an office keeps them: ``单位.csv``, Chinese
    headers and levels, CRLF, in GBK; ``extra`` rows ``id,level,parent,name`` added."""
    shutil.copytree(DISTRICT_CSV, folder)
    rows = (folder / "units.csv").read_text(encoding="utf-8").splitlines()
    (folder / "units.csv").unlink()
    lines = ["编号,级别,上级单位,名称"]
    for row in rows[1:] + list(extra):
        unit, level, parent, name = row.split(",")
        lines.append(f"{unit},{UNIT_LABELS[level]},{parent},{name}")
    (folder / "单位.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return folder


@pytest.mark.parametrize("encoding", [None, "auto", "gbk", "GB18030", "gb2312"])
def test_a_gbk_csv_folder_reads_as_the_utf8_one(tmp_path: Path, encoding: str | None) -> None:
    folder = gbk_folder(tmp_path / "district")
    expected = liaison.check(DISTRICT_CSV, *RANGE)
    assert liaison.check(folder, *RANGE, encoding=encoding) == expected
    assert liaison.check_detailed(folder, *RANGE, encoding=encoding).outcomes == liaison.check_detailed(
        DISTRICT_CSV, *RANGE
    ).outcomes
    assert liaison.agenda(folder, AS_OF, encoding=encoding) == liaison.agenda(DISTRICT_CSV, AS_OF)


def test_gb18030_text_beyond_gbk(tmp_path: Path) -> None:
    """A unit id with 𠀀, which GBK cannot hold: read from GB18030 as from UTF-8."""
    extra = "V𠀀,village,T0,𠀀村"
    with pytest.raises(UnicodeEncodeError):
        extra.encode("gbk")
    folder = gbk_folder(tmp_path / "gb18030", "gb18030", (extra,))
    plain = tmp_path / "utf8"
    shutil.copytree(DISTRICT_CSV, plain)
    with (plain / "units.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(extra + "\n")
    expected = liaison.check(plain, *RANGE)
    assert "V𠀀" in {t["key"] for t in expected.by_unit}
    assert liaison.check(folder, *RANGE) == liaison.check(folder, *RANGE, encoding="gb18030") == expected


def test_gbk_read_as_utf8_is_a_coded_error_at_the_file(tmp_path: Path) -> None:
    folder = gbk_folder(tmp_path / "district")
    e = error_of(liaison.check, folder, *RANGE, encoding="utf-8")
    places = [p["loc"] for p in e.errors] if e.code == "invalid_records" else [e.loc]
    assert ["dataset", "单位.csv"] in [loc[:2] for loc in places], e


def test_strict_refuses_what_clerks_type(tmp_path: Path) -> None:
    folder = gbk_folder(tmp_path / "district")
    e = error_of(liaison.check, folder, *RANGE, strict=True)
    assert e.code == "invalid_records" and e.loc == ["dataset"]
    assert all(p["loc"][:3] == ["dataset", "单位.csv", 1] for p in e.errors), e.errors
    assert {p["loc"][3] for p in e.errors} == {"编号", "级别", "上级单位", "名称"}
    # the same folder with the fields' names and choices is read strictly too
    assert liaison.check(DISTRICT_CSV, *RANGE, strict=True) == liaison.check(DISTRICT_CSV, *RANGE)
    e = error_of(liaison.agenda, folder, AS_OF, strict=True)
    assert e.code == "invalid_records"


def test_strict_and_encoding_reach_call() -> None:
    request = {"dataset": str(DISTRICT_CSV), "start": RANGE[0], "end": RANGE[1], "as_of": RANGE[2]}
    assert liaison.call("check", request, encoding="utf-8", strict=True) == liaison.call("check", request)
    e = error_of(liaison.call, "check", request, encoding="ebcdic")
    assert (e.code, e.loc) == ("invalid_input", ["encoding"])


# --- .xlsx workbooks ------------------------------------------------------------------

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _column(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def _cell(ref: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def write_xlsx(path: Path, sheets: dict[str, list[dict[str, Any]]]) -> Path:
    """A workbook as Excel writes one (inline strings, number and boolean cells), one sheet
    per list, its first row the header."""
    names = list(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(names))
        )
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        sheet_list = "".join(
            f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names)
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} xmlns:r="{_REL}"><sheets>'
            f"{sheet_list}</sheets></workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{_REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(names))
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for i, name in enumerate(names):
            rows = sheets[name]
            header: list[str] = []
            for row in rows:
                header += [k for k in row if k not in header]
            lines = [header] + [[row.get(k) for k in header] for row in rows]
            xml_rows = "".join(
                f'<row r="{r + 1}">'
                + "".join(_cell(f"{_column(c)}{r + 1}", v) for c, v in enumerate(line))
                + "</row>"
                for r, line in enumerate(lines)
            )
            z.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>{xml_rows}'
                "</sheetData></worksheet>",
            )
    return path


def workbook_sheets() -> dict[str, list[dict[str, Any]]]:
    """The example district as sheets: commitment items on their own sheet."""
    data = example()
    commitments, items = [], []
    for c in data["commitments"]:
        c = dict(c)
        for item in c.pop("items", []):
            items.append({"commitment": c["id"], **item})
        commitments.append(c)
    data["commitments"] = commitments
    data["commitment_items"] = items
    return data


def test_an_xlsx_workbook_reads_as_the_json_file(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "district.xlsx", workbook_sheets())
    expected = liaison.check(DISTRICT_JSON, *RANGE)
    assert liaison.check(path, *RANGE) == expected
    assert liaison.check(str(path), *RANGE, strict=True) == expected
    assert liaison.agenda(path, AS_OF) == liaison.agenda(DISTRICT_JSON, AS_OF)


def test_a_workbook_as_clerks_fill_it(tmp_path: Path) -> None:
    sheets = {
        "单位": [{"编号": "V1", "级别": "村"}],
        "人员": [{"编号": "S", "单位": "V1", "职务": "书记", "任职起始日期": "2008年1月1日"}],
        "Sheet1": [],  # the blank sheet a new workbook has
    }
    path = write_xlsx(tmp_path / "村.xlsx", sheets)
    try:
        report = liaison.check(path, "2009-01-05", "2009-01-11", "2009-02-01", {"rules": ["S1.3"]})
    except LiaisonError as e:  # a header this test guessed wrong names itself
        pytest.fail(f"{e.code} {e.loc} {e.errors}")
    assert [(f["subject"], f["period"]["label"]) for f in report.findings] == [("S", "2009-W02")]
    e = error_of(liaison.check, path, "2009-01-05", "2009-01-11", "2009-02-01", strict=True)
    assert e.code == "invalid_records" and all(p["loc"][1] in ("单位", "人员") for p in e.errors)


def test_a_bad_cell_of_a_workbook_names_its_sheet_row_and_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", {"units": [{"id": "V1", "level": "village"}, {"id": "V2", "level": 7}]})
    e = error_of(liaison.check, path, "2009-01-01", "2009-12-31", "2010-01-10")
    assert (e.code, e.loc) == ("invalid_input", ["dataset", "units", 3, "level"])


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".xlsb"])
def test_other_workbooks_are_refused_with_a_request_to_save_as_xlsx(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"district{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    e = error_of(liaison.check, path, *RANGE)
    assert (e.code, e.loc) == ("invalid_input", ["dataset", path.name])
    assert ".xlsx" in str(e)
