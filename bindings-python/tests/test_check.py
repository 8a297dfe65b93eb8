"""The compliance check through Python: the forms a dataset may take (dict, path, CSV
folder, pandas and polars frames), the Report object, the synthetic district, errors."""

from __future__ import annotations

import copy
import datetime
import inspect
import json
import pickle
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import liaison
from liaison import LiaisonError, Report

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
DISTRICT_JSON = EXAMPLES / "district.json"
DISTRICT_CSV = EXAMPLES / "district-csv"
RANGE = ("2023-01-01", "2025-12-31", "2026-01-20")
EXAMPLE_FINDINGS = 32

DATE_COLUMNS = {"from", "to", "date", "received", "fed_back", "proposed", "voted", "approved", "published"}
FRAME_COLUMNS = [
    "rule",
    "code",
    "unit",
    "subject",
    "period",
    "period_start",
    "period_end",
    "expected",
    "actual",
    "message",
    "message_zh",
]


def error_of(call: Any, *args: Any, **kwargs: Any) -> LiaisonError:
    with pytest.raises(LiaisonError) as info:
        call(*args, **kwargs)
    return info.value


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DISTRICT_JSON.read_text(encoding="utf-8"))
    return data


def keys(report: Report) -> list[tuple[str, str, str, str]]:
    return [(f["rule"], f["code"], f["subject"], f["period"]["label"]) for f in report.findings]


def split_items(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Commitments without their items, and the items with a `commitment` column (the
    layout of commitment_items.csv)."""
    commitments, items = [], []
    for c in data["commitments"]:
        c = dict(c)
        for item in c.pop("items", []):
            items.append({"commitment": c["id"], **item})
        commitments.append(c)
    return commitments, items


@pytest.fixture(scope="module")
def expected() -> Report:
    return liaison.check(example(), *RANGE)


# --- the forms of a dataset -----------------------------------------------------------


def test_dict_json_file_and_csv_folder_give_the_same_report(expected: Report) -> None:
    assert len(expected) == EXAMPLE_FINDINGS
    for dataset in (DISTRICT_JSON, str(DISTRICT_JSON), DISTRICT_CSV, str(DISTRICT_CSV)):
        report = liaison.check(dataset, *RANGE)
        assert report == expected, dataset
        assert report.to_dict() == expected.to_dict()


def test_dates_as_date_objects(expected: Report) -> None:
    start, end, as_of = (datetime.date.fromisoformat(d) for d in RANGE)
    assert liaison.check(example(), start, end, as_of) == expected


def test_tables_as_lists_with_commitment_items_apart(expected: Report) -> None:
    data = example()
    data["commitments"], data["commitment_items"] = split_items(data)
    assert liaison.check(data, *RANGE) == expected


def test_pandas_frames_per_record_type(expected: Report) -> None:
    pd = pytest.importorskip("pandas")
    data = example()
    commitments, items = split_items(data)
    data["commitments"] = commitments
    frames = {}
    for name, rows in data.items():
        frame = pd.DataFrame(rows)
        for column in DATE_COLUMNS & set(frame.columns):
            frame[column] = pd.to_datetime(frame[column])  # Timestamps at midnight, NaT
        frames[name] = frame
    frames["commitment_items"] = pd.DataFrame(items)
    assert frames["people"]["to"].isna().any()  # NaT is an absent value
    assert liaison.check(frames, *RANGE).findings == expected.findings
    assert liaison.check(frames, *RANGE) == expected


def test_polars_frames_per_record_type(expected: Report) -> None:
    pl = pytest.importorskip("polars")
    data = example()
    frames = {}
    for name, rows in data.items():
        frame = pl.DataFrame(rows, infer_schema_length=None)
        dates = [c for c in frame.columns if c in DATE_COLUMNS and frame[c].dtype == pl.String]
        frames[name] = frame.with_columns(pl.col(c).str.to_date() for c in dates)
    assert frames["commitments"]["items"].dtype != pl.String  # items stay nested
    assert liaison.check(frames, *RANGE).findings == expected.findings


def test_frames_mixed_with_lists(expected: Report) -> None:
    pd = pytest.importorskip("pandas")
    data: dict[str, Any] = example()
    data["receptions"] = pd.DataFrame(data["receptions"])
    assert liaison.check(data, *RANGE) == expected


SMALL: dict[str, Any] = {
    "units": [{"id": "V1", "level": "village", "parent": "T1"}, {"id": "T1", "level": "town"}],
    "people": [{"id": "S", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
    "households": [{"id": "H1", "unit": "V1", "member": "S"}],
}


def small_frames(pd: Any, **tables: Any) -> dict[str, Any]:
    frames = {name: pd.DataFrame(rows) for name, rows in SMALL.items()}
    frames.update(tables)
    return frames


def test_missing_cells_of_a_frame_are_absent_fields() -> None:
    pd = pytest.importorskip("pandas")
    evaluations = pd.DataFrame(
        {
            "unit": ["V1", "V1"],
            "year": [2009, 2010],
            "satisfied": [60, 95],
            "dissatisfied": pd.array([40, None], dtype="Int64"),  # pd.NA: absent, 0
            "combined": [None, float("nan")],
        }
    )
    frames = small_frames(pd, evaluations=evaluations)
    report = liaison.check(frames, "2009-01-01", "2010-12-31", "2011-01-10", {"rules": ["S3"]})
    as_dicts = liaison.check(
        {**SMALL, "evaluations": [
            {"unit": "V1", "year": 2009, "satisfied": 60, "dissatisfied": 40},
            {"unit": "V1", "year": 2010, "satisfied": 95},
        ]},
        "2009-01-01", "2010-12-31", "2011-01-10", {"rules": ["S3"]},
    )
    assert report == as_dicts
    assert [g["ballot"] for g in report.grades] == ["unqualified", "excellent"]


def test_a_float_count_column_is_refused() -> None:
    pd = pytest.importorskip("pandas")
    receptions = pd.DataFrame({"person": ["S", "S"], "date": ["2009-01-05", "2009-01-12"], "minutes": [240, None]})
    assert receptions["minutes"].dtype == "float64"
    e = error_of(liaison.check, small_frames(pd, receptions=receptions), "2009-01-01", "2009-12-31", "2010-01-10")
    # The NaN cell is a missing key too: the core lists every problem of the records.
    if e.code == "invalid_records":
        assert e.loc == ["dataset"] and len(e.errors) == 2
        first = e.errors[0]
        assert (first["code"], first["loc"][-3:]) == ("invalid_count", ["receptions", 0, "minutes"])
        assert pickle.loads(pickle.dumps(e)).errors == e.errors
    else:
        assert (e.code, e.loc) == ("invalid_count", ["dataset", "receptions", 0, "minutes"])


def test_a_timestamp_with_a_time_of_day_is_not_a_date() -> None:
    pd = pytest.importorskip("pandas")
    receptions = pd.DataFrame(
        {"person": ["S"], "date": [pd.Timestamp("2009-01-05 09:30")], "minutes": [240]}
    )
    e = error_of(liaison.check, small_frames(pd, receptions=receptions), "2009-01-01", "2009-12-31", "2010-01-10")
    assert (e.code, e.loc) == ("invalid_date", ["dataset", "receptions", 0, "date"])


def test_a_datetime_in_a_dict_is_a_date_at_midnight_only() -> None:
    args = ("2009-01-01", "2009-12-31", "2010-01-10")
    as_text = {**SMALL, "receptions": [{"person": "S", "date": "2009-01-05", "minutes": 240}]}
    midnight = {**SMALL, "receptions": [{"person": "S", "date": datetime.datetime(2009, 1, 5), "minutes": 240}]}
    assert liaison.check(midnight, *args) == liaison.check(as_text, *args)
    data = {**SMALL, "receptions": [{"person": "S", "date": datetime.datetime(2009, 1, 5, 9), "minutes": 240}]}
    e = error_of(liaison.check, data, *args)
    assert (e.code, e.loc) == ("invalid_date", ["dataset", "receptions", 0, "date"])


def test_numpy_integers_in_records() -> None:
    np = pytest.importorskip("numpy")
    plain = {**SMALL, "receptions": [{"person": "S", "date": "2009-01-05", "minutes": 240}]}
    numpy = {**SMALL, "receptions": [{"person": "S", "date": "2009-01-05", "minutes": np.int64(240)}]}
    args = ("2009-01-01", "2009-12-31", "2010-01-10")
    assert liaison.check(numpy, *args) == liaison.check(plain, *args)


# --- errors ---------------------------------------------------------------------------


def test_unknown_reference_in_a_frame() -> None:
    pd = pytest.importorskip("pandas")
    visits = pd.DataFrame(
        {"person": ["S", "S"], "household": ["H1", "NOPE"], "date": ["2009-01-05", "2009-01-06"]},
        index=[10, 20],  # errors count rows from 0, whatever the index
    )
    e = error_of(liaison.check, small_frames(pd, visits=visits), "2009-01-01", "2009-12-31", "2010-01-10")
    assert (e.code, e.loc) == ("unknown_reference", ["dataset", "visits", 1, "household"])
    assert isinstance(e, ValueError)


def test_commitment_items_naming_no_commitment() -> None:
    items = [{"commitment": "C9", "id": "I1", "approve": 9, "disapprove": 1, "listed": True}]
    e = error_of(liaison.check, {**SMALL, "commitment_items": items}, "2009-01-01", "2009-12-31", "2010-01-10")
    assert (e.code, e.loc) == ("unknown_reference", ["dataset", "commitment_items", 0, "commitment"])


def test_commitment_items_without_their_commitment_column() -> None:
    items = [{"id": "I1", "approve": 9, "disapprove": 1, "listed": True}]
    e = error_of(liaison.check, {**SMALL, "commitment_items": items}, "2009-01-01", "2009-12-31", "2010-01-10")
    assert (e.code, e.loc) == ("invalid_input", ["dataset", "commitment_items", 0, "commitment"])


def test_a_bad_commitment_item_names_its_row() -> None:
    data = example()
    data["commitments"], items = split_items(data)
    items[4]["approve"] = -1
    data["commitment_items"] = items
    e = error_of(liaison.check, data, *RANGE)
    assert (e.code, e.loc) == ("invalid_count", ["dataset", "commitment_items", 4, "approve"])


def test_path_errors(tmp_path: Path) -> None:
    e = error_of(liaison.check, tmp_path / "missing.json", *RANGE)
    assert (e.code, e.loc) == ("file_not_found", ["dataset", "missing.json"])
    assert isinstance(e, FileNotFoundError) and isinstance(e, liaison.LiaisonFileNotFoundError)
    assert e.field is not None and e.field.endswith("missing.json")
    (tmp_path / "people.csv").write_text("id,unit,role,from\nS,V9,secretary,2009-01-01\n", encoding="utf-8")
    e = error_of(liaison.check, tmp_path, *RANGE)
    assert (e.code, e.loc) == ("unknown_reference", ["dataset", "people.csv", 2, "unit"])
    (tmp_path / "peoples.csv").write_text("id\n", encoding="utf-8")
    assert error_of(liaison.check, tmp_path, *RANGE).code == "invalid_input"


@pytest.mark.parametrize(
    ("dataset", "code", "field"),
    [
        ([{"units": []}], "invalid_input", "dataset"),
        ([], "invalid_input", "dataset"),
        (5, "invalid_input", "dataset"),
        (None, "invalid_input", "dataset"),
        ({"peoples": []}, "invalid_input", None),
        ({1: []}, "invalid_input", "dataset"),
        ({"units": [{"id": "V1", "level": "village"}, {"id": "V1", "level": "village"}]}, "duplicate_id", "dataset.units[1].id"),
        ({"units": object()}, "invalid_input", "dataset.units"),
    ],
    ids=repr,
)
def test_bad_datasets(dataset: Any, code: str, field: str | None) -> None:
    e = error_of(liaison.check, dataset, "2009-01-01", "2009-12-31", "2010-01-10")
    assert e.code == code, str(e)
    if field is not None:
        assert e.field == field, str(e)


def test_an_empty_list_is_not_a_dataset() -> None:
    e = error_of(liaison.check, [], "2009-01-01", "2009-12-31", "2010-01-10")
    assert (e.code, e.field) == ("invalid_input", "dataset")


@pytest.mark.parametrize("param", ["start", "end", "as_of"])
def test_bad_dates_name_the_parameter(param: str) -> None:
    args = dict(zip(("start", "end", "as_of"), ("2009-01-01", "2009-12-31", "2010-01-10")))
    args[param] = "2009-02-30"
    e = error_of(liaison.check, {}, **args)
    assert (e.code, e.field) == ("invalid_date", param)


def test_end_before_start() -> None:
    e = error_of(liaison.check, {}, "2009-12-31", "2009-01-01", "2010-01-10")
    assert (e.code, e.field) == ("invalid_period", "end")


def test_policy_forms(expected: Report) -> None:
    as_dict = {"rules": ["S4"]}
    by_dict = liaison.check(example(), *RANGE, as_dict)
    by_object = liaison.check(example(), *RANGE, policy=liaison.Policy.from_dict(as_dict))
    assert by_dict == by_object
    assert {f["rule"] for f in by_dict.findings} == {"S4.1", "S4.2", "S4.3"}
    assert by_dict.findings == [f for f in expected.findings if f["rule"].startswith("S4.")]
    assert error_of(liaison.check, {}, *RANGE, {"rules": ["S9"]}).code == "invalid_policy"
    with pytest.raises(TypeError):
        liaison.check({}, *RANGE, "S4")  # type: ignore[arg-type]


# --- the Report -----------------------------------------------------------------------


def test_report_attributes(expected: Report) -> None:
    r = expected
    assert (r.start, r.end, r.as_of) == tuple(datetime.date.fromisoformat(d) for d in RANGE)
    assert type(r.start) is datetime.date
    assert "2008" in r.policy
    assert r.all_met is False and len(r) == EXAMPLE_FINDINGS and r.outcomes is None
    assert r.provisional is False
    f = r.findings[0]
    assert list(f) == [
        "rule", "code", "unit", "subject", "period", "expected", "actual", "message", "message_zh", "provisional",
    ]
    assert list(f["period"]) == ["start", "end", "label"]
    assert type(f["period"]["start"]) is datetime.date
    t = r.by_rule[0]
    assert list(t) == [
        "key", "judged", "met", "not_met", "not_judged", "not_judged_by_reason", "provisional", "rate_permille",
    ]
    for tally in r.by_rule + r.by_unit:
        assert sum(tally["not_judged_by_reason"].values()) == tally["not_judged"], tally
        assert 0 <= tally["provisional"] <= tally["judged"]
    assert sum(t["not_met"] for t in r.by_rule) >= len(r.findings) - 5  # several per period
    assert sum(t["judged"] for t in r.by_rule) == sum(t["judged"] for t in r.by_unit)
    assert all(list(g) == ["unit", "year", "ballot", "combined", "recorded_combined"] for g in r.grades)
    # the example plants one record that cannot be judged; it names its record
    assert [(o["status"], type(o["period"]["start"])) for o in r.records_not_judged] == [
        ("not_judged", datetime.date)
    ]
    assert r.records_not_judged[0]["reason"] in {t for tally in r.by_rule for t in tally["not_judged_by_reason"]}
    assert repr(r) == "<liaison.Report 2023-01-01..2025-12-31 as of 2026-01-20: 32 findings>"


def test_report_is_frozen_final_and_unhashable(expected: Report) -> None:
    with pytest.raises(AttributeError):
        expected.findings = []  # type: ignore[misc]
    expected.findings.clear()  # a new list each time: the report is unchanged
    assert len(expected.findings) == EXAMPLE_FINDINGS
    with pytest.raises(TypeError):
        type("Sub", (Report,), {})
    with pytest.raises(TypeError):
        hash(expected)
    with pytest.raises(TypeError):
        Report()  # only check and check_detailed make reports


def test_empty_report_is_falsy_and_all_met() -> None:
    r = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")
    assert r.all_met is True and len(r) == 0 and not r
    assert r.findings == [] and r.by_rule == [] and r.grades == []


def test_to_dict_and_to_json(expected: Report) -> None:
    d = expected.to_dict()
    assert list(d) == [
        "start", "end", "as_of", "policy", "findings", "by_rule", "by_unit", "grades",
        "records_not_judged", "provisional", "outcomes",
    ]
    assert d["outcomes"] is None and d["provisional"] is False
    assert d["start"] == "2023-01-01"
    assert d["findings"][0]["period"]["start"] == expected.findings[0]["period"]["start"].isoformat()
    assert json.loads(expected.to_json()) == d
    assert json.loads(expected.to_json(indent=2)) == d
    assert "\n  " in expected.to_json(indent=2) and "\n" not in expected.to_json()


@pytest.mark.parametrize("indent", [-1, 17, 2**40, 2**63, 2**70, 1.5, "  "], ids=repr)
def test_to_json_indent_is_bounded(expected: Report, indent: Any) -> None:
    """Issue 11.2: an absurd indent is a coded error, never a panic or a 1 TB allocation."""
    e = error_of(expected.to_json, indent=indent)
    assert (e.code, e.loc) == ("invalid_input", ["indent"])
    assert expected.to_json(indent=0).count("\n") > 10 and json.loads(expected.to_json(indent=16))


def test_arrow_data_that_is_not_a_table_is_a_coded_error() -> None:
    """Issue 11.10: an array or a chunked array where a table belongs."""
    pa = pytest.importorskip("pyarrow")
    for bad in (pa.array([1]), pa.chunked_array([[1, 2]])):
        e = error_of(liaison.check, {"units": bad}, "2009-01-01", "2009-12-31", "2010-01-10")
        assert (e.code, e.loc) == ("invalid_input", ["dataset", "units"])


def test_from_json(expected: Report) -> None:
    assert Report.from_json(expected.to_json()) == expected
    assert Report.from_json(expected.to_json(indent=4)) == expected
    assert error_of(Report.from_json, "{").code == "invalid_json"
    assert error_of(Report.from_json, "{}").code == "invalid_input"
    bad = expected.to_dict()
    bad["start"] = "2023-02-30"
    # The report's dates are read by chrono's own reader: not a date is the core's invalid_input.
    assert error_of(Report.from_json, json.dumps(bad)).loc == ["start"]


@pytest.mark.parametrize("copier", [lambda r: pickle.loads(pickle.dumps(r)), copy.deepcopy, copy.copy])
def test_report_pickles(expected: Report, copier: Any) -> None:
    again = copier(expected)
    assert type(again) is Report
    assert again == expected
    assert again.findings == expected.findings and again.outcomes is None


def test_detailed_report_pickles_with_its_outcomes() -> None:
    detailed = liaison.check_detailed(example(), *RANGE, {"rules": ["S2.6"]})
    assert detailed.outcomes
    assert pickle.loads(pickle.dumps(detailed)) == detailed
    empty = liaison.check_detailed({}, "2009-01-01", "2009-12-31", "2010-01-10")
    assert empty.outcomes == [] and empty.to_dict()["outcomes"] == []
    again = pickle.loads(pickle.dumps(empty))
    assert again.outcomes == [] and again == empty
    assert again != liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")


def test_findings_frame(expected: Report) -> None:
    pytest.importorskip("pandas")
    frame = expected.findings_frame()
    assert list(frame.columns) == FRAME_COLUMNS
    assert len(frame) == len(expected) == EXAMPLE_FINDINGS
    first = frame.iloc[0].to_dict()
    f = expected.findings[0]
    assert first["period"] == f["period"]["label"]
    assert first["period_start"] == f["period"]["start"]
    assert type(first["period_start"]) is datetime.date
    assert (first["expected"], first["actual"], first["message_zh"]) == (f["expected"], f["actual"], f["message_zh"])
    assert list(frame["rule"]) == [f["rule"] for f in expected.findings]
    empty = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10").findings_frame()
    assert list(empty.columns) == FRAME_COLUMNS and len(empty) == 0


def test_findings_frame_in_the_callers_library(expected: Report) -> None:
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    frames = {name: pl.DataFrame(rows, infer_schema_length=None) for name, rows in example().items()}
    from_polars = liaison.check(frames, *RANGE)
    assert isinstance(from_polars.findings_frame(), pl.DataFrame)
    assert from_polars.findings_frame().columns == FRAME_COLUMNS
    assert from_polars.findings_frame()["period_start"].dtype == pl.Date
    assert isinstance(from_polars.findings_frame("pandas"), pd.DataFrame)
    assert isinstance(expected.findings_frame(), pd.DataFrame)  # dicts in: pandas
    assert isinstance(expected.findings_frame(library="polars"), pl.DataFrame)
    assert from_polars.findings_frame().to_dicts() == expected.findings_frame().to_dict("records")
    for bad in ("excel", "张三丰", 3):
        e = error_of(expected.findings_frame, bad)
        assert (e.code, e.loc) == ("invalid_input", ["library"]) and "张三丰" not in str(e)


def test_findings_frame_without_pandas(expected: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` raises ImportError
    with pytest.raises(ImportError, match="pandas"):
        expected.findings_frame()


def test_explained_findings_list_what_they_counted(expected: Report) -> None:
    explained = liaison.check(example(), *RANGE, None, True)
    assert liaison.check(example(), *RANGE, explain=True) == explained
    assert len(explained) == len(expected)
    assert all("counted" not in f for f in expected.findings)  # only when asked
    counted = [c for f in explained.findings for c in f.get("counted") or []]
    assert counted and all(type(c["date"]) is datetime.date and c["ids"] for c in counted)
    assert {c["record"] for c in counted} <= {"reception", "visit", "meeting", "deed", "aid"}
    aid = next(f for f in explained.findings if f["code"] == "aid_below_minimum")
    assert sum(c["amount_fen"] for c in aid["counted"]) == aid["actual"]
    as_json = explained.to_dict()["findings"]
    assert all(isinstance(c["date"], str) for f in as_json for c in f.get("counted") or [])
    assert Report.from_json(explained.to_json()) == explained
    e = error_of(liaison.check, {}, *RANGE, None, "yes")
    assert (e.code, e.loc) == ("invalid_input", ["explain"])


# --- check_detailed -------------------------------------------------------------------


def test_check_detailed_outcomes_agree_with_the_tallies(expected: Report) -> None:
    detailed = liaison.check_detailed(example(), *RANGE)
    assert detailed.findings == expected.findings and detailed.by_rule == expected.by_rule
    assert detailed.outcomes is not None
    counts: dict[str, list[int]] = {}
    for o in detailed.outcomes:
        assert o["status"] in ("met", "not_met", "not_judged")
        assert type(o["period"]["end"]) is datetime.date
        c = counts.setdefault(o["rule"], [0, 0, 0])
        c[("met", "not_met", "not_judged").index(o["status"])] += 1
    assert counts == {t["key"]: [t["met"], t["not_met"], t["not_judged"]] for t in detailed.by_rule}
    assert "detailed" in repr(detailed)


# --- the synthetic district -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "span"),
    [
        ({}, RANGE),
        ({"seed": 7, "first_year": 2020}, ("2020-01-01", "2022-12-31", "2023-01-20")),
        ({"seed": 2**64 - 1, "towns": 3, "villages_per_town": 4, "households_per_village": 9}, RANGE),
    ],
    ids=repr,
)
def test_generated_violations_are_exactly_the_findings(kwargs: dict[str, Any], span: tuple[str, str, str]) -> None:
    data, planted = liaison.generate_district(**kwargs)
    report = liaison.check(data, *span)
    assert sorted(keys(report)) == sorted((p["rule"], p["code"], p["subject"], p["period"]) for p in planted)
    assert all(list(p) == ["rule", "code", "subject", "period"] for p in planted)


def test_generated_district_is_the_example() -> None:
    data, _ = liaison.generate_district()
    assert data == example()


def test_generate_district_defaults_are_the_signature() -> None:
    defaults = {
        name: p.default
        for name, p in inspect.signature(liaison.generate_district).parameters.items()
    }
    assert defaults == {
        "seed": 2008,
        "towns": 2,
        "villages_per_town": 3,
        "households_per_village": 8,
        "first_year": 2023,
        "years": 3,
        "policy": None,
    }
    assert liaison.generate_district(**defaults) == liaison.generate_district()
    assert liaison.generate_district(seed=None) == liaison.generate_district()
    assert liaison.generate_district(seed=1) != liaison.generate_district()


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"seed": -1}, "invalid_count", "seed"),
        ({"towns": 2**32}, "invalid_count", "towns"),
        ({"towns": 2.0}, "invalid_count", "towns"),
        ({"years": True}, "invalid_input", "years"),  # a signed field: the core's wrong type
        ({"first_year": 2**31}, "invalid_input", "first_year"),
        ({"towns": 1}, "invalid_input", None),
        ({"years": 2}, "invalid_input", None),
        ({"first_year": 1990}, "calendar_not_covered", None),
        ({"policy": {"nope": 1}}, "invalid_policy", "policy.nope"),
    ],
    ids=repr,
)
def test_generate_district_errors(kwargs: dict[str, Any], code: str, field: str | None) -> None:
    e = error_of(liaison.generate_district, **kwargs)
    assert (e.code, e.field) == (code, field), str(e)


# --- catalogues -----------------------------------------------------------------------


def test_rules_catalogue() -> None:
    assert isinstance(liaison.RULES, tuple) and len(liaison.RULES) == 41
    ids = [r["id"] for r in liaison.RULES]
    assert len(set(ids)) == len(ids) and ids[:4] == ["N.1", "N.2", "N.3", "S1.1"] and ids[-1] == "S5.7"
    assert all(list(r) == ["id", "gloss", "source_zh", "implemented_by"] for r in liaison.RULES)


def test_finding_codes_cover_every_finding(expected: Report) -> None:
    codes = {code: rules for code, rules, _ in liaison.FINDING_CODES}
    assert len(codes) == len(liaison.FINDING_CODES)
    rule_ids = {r["id"] for r in liaison.RULES}
    assert all(set(rules) <= rule_ids for rules in codes.values())
    for f in expected.findings:
        assert f["rule"] in codes[f["code"]], f


# --- threads --------------------------------------------------------------------------


def test_checks_in_threads_agree(expected: Report) -> None:
    data = example()
    with ThreadPoolExecutor(max_workers=4) as pool:
        reports = list(pool.map(lambda _: liaison.check(data, *RANGE), range(8)))
    assert all(r == expected for r in reports)
