"""The batch path of S5: `evaluate_register` and `evaluate_batches` over Arrow data from
pyarrow, polars and pandas give, row for row, what `feedback_status` gives one row at a
time, and what an analyst's own pandas code gives with calendar days."""

from __future__ import annotations

import datetime
import os
import sys
import threading
import time
from typing import Any

import pytest

import liaison
from liaison import LiaisonError

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

ROWS = 1_000_000
SAMPLE = 20_000
AS_OF = datetime.date(2026, 1, 20)
FIRST = np.datetime64("2008-01-01")
LAST = np.datetime64("2025-12-31")
NO_MOVE = liaison.Policy.from_dict({"move_rest_day": False})
STATUSES = ["on_time", "late", "open", "overdue"]


def make_table(rows: int, seed: int = 2008) -> Any:
    """A register: received 2008–2025, class 1–4, fed back within 60 days or (20%) not."""
    rng = np.random.default_rng(seed)
    span = int((LAST - FIRST).astype(int)) + 1
    received = FIRST + rng.integers(0, span, rows).astype("timedelta64[D]")
    fed_back = received + rng.integers(0, 60, rows).astype("timedelta64[D]")
    return pa.table(
        {
            "received": pa.array(received, pa.date32()),
            "responsibility": pa.array(rng.integers(1, 5, rows).astype(np.int8)),
            "fed_back": pa.array(fed_back, pa.date32(), mask=rng.random(rows) < 0.2),
        }
    )


@pytest.fixture(scope="module")
def table() -> Any:
    return make_table(ROWS)


@pytest.fixture(scope="module")
def result(table: Any) -> Any:
    return liaison.evaluate_register(table, AS_OF)


def small() -> Any:
    return pa.table(
        {
            "received": pa.array([datetime.date(2008, 9, 25)] * 3 + [datetime.date(2008, 12, 1)], pa.date32()),
            "responsibility": pa.array([1, 1, 2, 4], pa.int64()),
            "fed_back": pa.array([datetime.date(2008, 10, 6), datetime.date(2008, 10, 7), None, None], pa.date32()),
        }
    )


def rows_of(out: Any) -> list[tuple[Any, ...]]:
    """The rows of an answer, whichever library it is in."""
    columns = ("deadline", "status", "days")
    if isinstance(out, pd.DataFrame):
        deadline = [None if pd.isna(d) else d.date() for d in out["deadline"]]
        status = [None if pd.isna(s) else s for s in out["status"]]
        days = [None if pd.isna(k) else int(k) for k in out["days"]]
        return list(zip(deadline, status, days))
    if type(out).__module__.startswith("polars"):
        return list(zip(*(out[c].to_list() for c in columns)))
    return list(zip(*(out.column(c).to_pylist() for c in columns)))


# --- the same answers as the core row by row --------------------------------------------


def test_output_columns(result: Any) -> None:
    assert isinstance(result, pa.Table)
    assert result.schema.names == ["deadline", "status", "days"]
    assert result.schema.field("deadline").type == pa.date32()
    assert result.schema.field("status").type == pa.dictionary(pa.int8(), pa.utf8())
    assert result.schema.field("days").type == pa.uint32()
    assert result.num_rows == ROWS and result.column("deadline").null_count == 0
    assert result.column("status").chunk(0).dictionary.to_pylist() == STATUSES
    assert set(result.column("status").to_pylist()[:10_000]) == set(STATUSES)


def test_equals_feedback_status_row_by_row(table: Any, result: Any) -> None:
    rows = np.random.default_rng(1).choice(ROWS, SAMPLE, replace=False)
    rows.sort()
    received = table.column("received").take(rows).to_pylist()
    classes = table.column("responsibility").take(rows).to_pylist()
    fed_back = table.column("fed_back").take(rows).to_pylist()
    got = rows_of(result.take(rows))
    expected = [
        tuple(liaison.feedback_status(r, c, f, AS_OF))
        for r, c, f in zip(received, classes, fed_back)
    ]
    assert got == expected


def pandas_statuses(frame: Any, as_of: datetime.date) -> Any:
    """An analyst's idiomatic pandas: calendar days, no rest-day move."""
    days = frame["responsibility"].map({1: 10, 2: 20, 3: 30, 4: 40})
    deadline = frame["received"] + pd.to_timedelta(days, unit="D")
    fed = frame["fed_back"]
    done = fed.notna()
    diff = (deadline - fed.where(done, pd.Timestamp(as_of))).dt.days
    status = np.select([done & (diff >= 0), done, diff >= 0], ["on_time", "late", "open"], "overdue")
    return pd.DataFrame({"deadline": deadline, "status": status, "days": diff.abs()})


def test_equals_idiomatic_pandas_with_calendar_days_on_every_row(table: Any) -> None:
    frame = table.to_pandas()
    frame["received"] = pd.to_datetime(frame["received"])
    frame["fed_back"] = pd.to_datetime(frame["fed_back"])
    expected = pandas_statuses(frame, AS_OF)
    got = liaison.evaluate_register(table, AS_OF, NO_MOVE)
    got_deadline = got.column("deadline").to_numpy().astype("datetime64[D]")
    assert (got_deadline == expected["deadline"].to_numpy().astype("datetime64[D]")).all()
    got_status = np.asarray(got.column("status").combine_chunks().dictionary_decode().to_numpy(zero_copy_only=False))
    assert (got_status == expected["status"]).all()
    assert (got.column("days").to_numpy() == expected["days"].to_numpy()).all()
    # With the rest-day move (A2) some deadlines move, never earlier.
    moved = liaison.evaluate_register(table, AS_OF).column("deadline").to_numpy()
    assert (moved >= got.column("deadline").to_numpy()).all()
    assert (moved > got.column("deadline").to_numpy()).mean() > 0.2


# --- inputs: polars, pandas, chunks, types ----------------------------------------------


def test_polars_and_pandas_inputs_give_identical_output(table: Any, result: Any) -> None:
    pl = pytest.importorskip("polars")
    head = table.slice(0, 200_000)
    expected = result.slice(0, 200_000)
    inputs = {
        "polars": pl.from_arrow(head),
        "pandas with pyarrow dtypes": head.to_pandas(types_mapper=pd.ArrowDtype),
        "pandas datetime64 and Int64": pd.DataFrame(
            {
                "received": pd.to_datetime(head.column("received").to_pandas()),
                "responsibility": head.column("responsibility").to_pandas().astype("Int64"),
                "fed_back": pd.to_datetime(head.column("fed_back").to_pandas()),
            }
        ),
        "record batches": pa.RecordBatchReader.from_batches(head.schema, head.to_batches(max_chunksize=7_777)),
        "one record batch": head.combine_chunks().to_batches()[0],
    }
    assert inputs["pandas datetime64 and Int64"]["fed_back"].isna().any()
    rows = rows_of(expected)
    for name, data in inputs.items():
        got = liaison.evaluate_register(data, AS_OF)
        if name.startswith("pandas"):  # pandas in, pandas out
            assert isinstance(got, pd.DataFrame), name
            assert got.index.equals(data.index), name
            assert rows_of(got) == rows, name
        elif name == "polars":  # polars in, polars out
            assert isinstance(got, pl.DataFrame), name
            assert rows_of(got) == rows, name
        else:
            assert got.schema == expected.schema, name
            assert got.combine_chunks().equals(expected.combine_chunks()), name


def test_answers_come_back_in_the_callers_library() -> None:
    pl = pytest.importorskip("polars")
    base = small()
    frame = base.to_pandas(date_as_object=False)
    frame.index = [10, 11, 12, 13]
    got = liaison.evaluate_register(frame, AS_OF, keep=True)
    assert isinstance(got, pd.DataFrame)
    assert list(got.index) == [10, 11, 12, 13]
    assert list(got.columns) == ["received", "responsibility", "fed_back", "deadline", "status", "days"]
    assert str(got["status"].dtype) == "category" and str(got["days"].dtype) == "uint32"
    assert got["deadline"].dtype.kind == "M"
    assert rows_of(got) == rows_of(liaison.evaluate_register(base, AS_OF))
    polars = liaison.evaluate_register(pl.from_arrow(base), AS_OF, errors="column")
    assert isinstance(polars, pl.DataFrame)
    assert polars.columns == ["deadline", "status", "days", "error"]
    assert polars["deadline"].dtype == pl.Date
    assert isinstance(liaison.evaluate_register(base, AS_OF), pa.Table)
    assert isinstance(liaison.evaluate_register(base.to_batches()[0], AS_OF), pa.Table)


def numpy_frame(head: Any, unit: str, index: Any = None) -> Any:
    """``head`` as pandas holds it in NumPy: ``datetime64[unit]`` with ``NaT``."""
    return pd.DataFrame(
        {
            "received": head.column("received").to_numpy().astype(f"datetime64[{unit}]"),
            "responsibility": head.column("responsibility").to_numpy(),
            "fed_back": head.column("fed_back").to_pandas().to_numpy().astype(f"datetime64[{unit}]"),
        },
        index=index,
    )


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_a_numpy_pandas_frame_is_read_as_it_is_and_answered_in_numpy(table: Any, result: Any, unit: str) -> None:
    head, expected = table.slice(0, 300_000), rows_of(result.slice(0, 300_000))
    index = pd.RangeIndex(300_000, 0, -1)
    frame = numpy_frame(head, unit, index)
    assert frame["fed_back"].isna().sum() == head.column("fed_back").null_count > 0
    got = liaison.evaluate_register(frame, AS_OF)
    assert got.index.equals(index)
    assert [str(t) for t in got.dtypes] == ["datetime64[ms]", "category", "uint32"]
    assert list(got["status"].cat.categories) == STATUSES
    assert rows_of(got) == expected
    # Any width of integers, text and categories for the class; the same rows.
    classes = head.column("responsibility").to_numpy()
    for variant in (classes.astype(np.int64), classes.astype(np.uint8), classes.astype(str).astype(object),
                    pd.Categorical(classes.astype(str))):
        frame["responsibility"] = variant
        assert rows_of(liaison.evaluate_register(frame, AS_OF)) == expected, type(variant)


def test_a_numpy_answer_is_the_callers_to_change_and_keeps_its_values() -> None:
    frame = numpy_frame(make_table(400_000, seed=1), "ns")
    first = liaison.evaluate_register(frame, AS_OF)
    kept = first.copy(deep=True)
    # The next answers reuse the memory of dropped ones, never of one still held.
    for seed in (2, 3):
        liaison.evaluate_register(numpy_frame(make_table(400_000, seed=seed), "ns"), AS_OF)
    pd.testing.assert_frame_equal(first, kept)
    first.loc[first.index[0], "days"] = 7
    first["deadline"] += pd.Timedelta(days=1)
    assert first["days"].iloc[0] == 7
    assert (first["deadline"] == kept["deadline"] + pd.Timedelta(days=1)).all()


def test_a_numpy_frame_gives_the_errors_of_any_other_frame() -> None:
    base = small().to_pandas(date_as_object=False)
    for column in ("received", "fed_back"):
        base[column] = pd.to_datetime(base[column]).astype("datetime64[ns]")
    cases = {
        "NaT received": ("received", pd.NaT),
        "a time of day": ("received", pd.Timestamp("2008-09-25 12:00")),
        "feedback before receipt": ("fed_back", pd.Timestamp("2008-09-01")),
    }
    for name, (column, value) in cases.items():
        frame = base.copy()
        frame.loc[2, column] = value
        numpy_error = error_of(liaison.evaluate_register, frame, AS_OF)
        arrow_error = error_of(liaison.evaluate_register, pa.table(frame), AS_OF)
        assert (numpy_error.code, numpy_error.loc) == (arrow_error.code, arrow_error.loc), name
        assert numpy_error.loc == ["row", 2, column], name
    renamed = base.rename(columns={"received": "receipt"})
    e = error_of(liaison.evaluate_register, renamed, AS_OF)
    assert (e.code, e.field) == ("invalid_input", "received")
    # A name twice in the frame: pyarrow cannot convert the frame, as before.
    twice = pd.concat([base, base[["received"]]], axis=1)
    e = error_of(liaison.evaluate_register, twice, AS_OF)
    assert (e.code, e.loc) == ("invalid_input", ["table"])


def test_duckdb_input_if_installed(table: Any, result: Any) -> None:
    duckdb = pytest.importorskip("duckdb")
    head = table.slice(0, 10_000)  # noqa: F841 (duckdb reads it by name)
    relation = duckdb.sql("select * from head")
    got = liaison.evaluate_register(relation, AS_OF)
    assert got.combine_chunks().equals(result.slice(0, 10_000).combine_chunks())


def test_date_types() -> None:
    base = small()
    expected = rows_of(liaison.evaluate_register(base, AS_OF))
    received = base.column("received")
    variants = {
        "date64": received.cast(pa.date64()),
        "timestamp[s]": received.cast(pa.timestamp("s")),
        "timestamp[ms]": received.cast(pa.timestamp("ms")),
        "timestamp[us]": received.cast(pa.timestamp("us")),
        "timestamp[ns]": received.cast(pa.timestamp("ns")),
        "string": received.cast(pa.string()),
        "large_string": received.cast(pa.large_string()),
        "string_view": received.cast(pa.string()).cast(pa.string_view()),
        "dictionary": received.cast(pa.string()).dictionary_encode(),
    }
    for name, column in variants.items():
        for position, field in ((0, "received"), (2, "fed_back")):
            source = column if field == "received" else base.column("fed_back").cast(column.type) if name != "dictionary" else base.column("fed_back").cast(pa.string()).dictionary_encode()
            got = liaison.evaluate_register(base.set_column(position, field, source), AS_OF)
            assert rows_of(got) == expected, (name, field)


def test_a_timestamp_with_a_time_of_day_is_not_a_date() -> None:
    base = small()
    stamps = pa.array([datetime.datetime(2008, 9, 25), datetime.datetime(2008, 9, 25, 9, 30)] * 2, pa.timestamp("us"))
    e = error_of(liaison.evaluate_register, base.set_column(0, "received", stamps), AS_OF)
    assert (e.code, e.loc) == ("invalid_date", ["row", 1, "received"])


def test_a_time_zone_is_not_a_day() -> None:
    base = small()
    column = base.column("received").cast(pa.timestamp("s")).cast(pa.timestamp("s", tz="Asia/Shanghai"))
    e = error_of(liaison.evaluate_register, base.set_column(0, "received", column), AS_OF)
    assert (e.code, e.field) == ("invalid_input", "received")


def test_responsibility_as_text_labels_and_dictionary() -> None:
    base = small()
    expected = rows_of(liaison.evaluate_register(base, AS_OF))
    texts = ["within_remit", "1", "职责外", " lead_unit "]
    variants = {
        "string": pa.array(texts, pa.string()),
        "large_string": pa.array(texts, pa.large_string()),
        "string_view": pa.array(texts, pa.string_view()),
        "dictionary": pa.array(texts).dictionary_encode(),
        "dictionary int32 keys": pa.DictionaryArray.from_arrays(pa.array([0, 0, 1, 2], pa.int32()), ["1", "2", "牵头解决"]),
        "uint8": pa.array([1, 1, 2, 4], pa.uint8()),
        "int16": pa.array([1, 1, 2, 4], pa.int16()),
        "uint64": pa.array([1, 1, 2, 4], pa.uint64()),
    }
    for name, column in variants.items():
        got = liaison.evaluate_register(base.set_column(1, "responsibility", column), AS_OF)
        assert rows_of(got) == expected, name


def test_responsibility_from_pandas_and_polars_categories() -> None:
    pl = pytest.importorskip("polars")
    base = small()
    expected = rows_of(liaison.evaluate_register(base, AS_OF))
    labels = ["职责内", "职责内", "职责外", "牵头解决"]
    frame = base.to_pandas(types_mapper=pd.ArrowDtype)
    frame["responsibility"] = pd.Categorical(labels)
    assert rows_of(liaison.evaluate_register(frame, AS_OF)) == expected
    polars = pl.from_arrow(base).with_columns(pl.Series("responsibility", labels, dtype=pl.Categorical))
    assert rows_of(liaison.evaluate_register(polars, AS_OF)) == expected
    polars = polars.with_columns(pl.col("responsibility").cast(pl.String))
    assert rows_of(liaison.evaluate_register(polars, AS_OF)) == expected


def test_column_names_and_no_fed_back_column() -> None:
    base = small().rename_columns(["收到日期", "类别", "反馈日期"])
    got = liaison.evaluate_register(base, AS_OF, received="收到日期", responsibility="类别", fed_back="反馈日期")
    assert rows_of(got) == rows_of(liaison.evaluate_register(small(), AS_OF))
    open_only = liaison.evaluate_register(base.drop_columns(["反馈日期"]), AS_OF, received="收到日期", responsibility="类别", fed_back=None)
    assert open_only.column("status").to_pylist() == ["overdue", "overdue", "overdue", "overdue"]


def test_keep_puts_the_input_columns_first() -> None:
    base = small().append_column("id", pa.array([10, 11, 12, 13]))
    got = liaison.evaluate_register(base, AS_OF, keep=True)
    assert got.column_names == ["received", "responsibility", "fed_back", "id", "deadline", "status", "days"]
    assert got.column("id").to_pylist() == [10, 11, 12, 13]
    clash = base.append_column("status", pa.array(["x"] * 4))
    e = error_of(liaison.evaluate_register, clash, AS_OF, keep=True)
    assert (e.code, e.field) == ("invalid_input", "status")


def test_policy_forms() -> None:
    base = small()
    a = liaison.evaluate_register(base, AS_OF, {"within_remit_days": 15})
    b = liaison.evaluate_register(base, AS_OF, policy=liaison.Policy.from_dict({"within_remit_days": 15}))
    assert a.equals(b)
    assert a.column("deadline").to_pylist()[0] == liaison.deadline("2008-09-25", 1, {"within_remit_days": 15})
    assert error_of(liaison.evaluate_register, base, AS_OF, {"nope": 1}).code == "invalid_policy"


# --- bad rows ---------------------------------------------------------------------------


def error_of(call: Any, *args: Any, **kwargs: Any) -> LiaisonError:
    with pytest.raises(LiaisonError) as info:
        call(*args, **kwargs)
    return info.value


BAD = {
    3: ("invalid_input", "received"),
    9: ("invalid_responsibility", "responsibility"),
    17: ("invalid_responsibility", "responsibility"),
    21: ("feedback_before_receipt", "fed_back"),
    26: ("as_of_before_receipt", "received"),
    30: ("calendar_not_covered", "received"),
    35: ("invalid_input", "responsibility"),
}


def with_bad_rows(*only: int) -> Any:
    """A 40-row register in 3 chunks with a bad value at the rows of BAD (or only at
    `only`)."""
    table = make_table(40, seed=5)
    received = table.column("received").to_pylist()
    classes = table.column("responsibility").to_pylist()
    fed = table.column("fed_back").to_pylist()
    rows = set(only or BAD)
    if 3 in rows:
        received[3] = None
    if 9 in rows:
        classes[9] = 5
    if 17 in rows:
        classes[17] = -1
    if 21 in rows:
        fed[21] = received[21] - datetime.timedelta(1)
    if 26 in rows:
        received[26], fed[26] = AS_OF + datetime.timedelta(1), None
    if 30 in rows:
        received[30], fed[30] = datetime.date(2031, 3, 1), datetime.date(2031, 3, 2)
    if 35 in rows:
        classes[35] = None
    table = pa.table(
        {
            "received": pa.array(received, pa.date32()),
            "responsibility": pa.array(classes, pa.int8()),
            "fed_back": pa.array(fed, pa.date32()),
        }
    )
    return pa.Table.from_batches(table.to_batches(max_chunksize=15))


def test_a_bad_row_raises_naming_row_and_column() -> None:
    assert with_bad_rows().column("received").num_chunks == 3  # rows count over the whole input
    for row, (code, column) in sorted(BAD.items()):
        e = error_of(liaison.evaluate_register, with_bad_rows(row), AS_OF)
        assert (e.code, e.loc) == (code, ["row", row, column]), str(e)
        assert e.field == f"row[{row}].{column}"
        assert isinstance(e, ValueError) and e.message_zh
    e = error_of(liaison.evaluate_register, with_bad_rows(17), AS_OF)
    assert "row[17].responsibility" in str(e) and "`-1`" in str(e)
    # the first bad row is the one raised
    e = error_of(liaison.evaluate_register, with_bad_rows(), AS_OF)
    assert e.loc == ["row", 3, "received"]


def test_errors_column() -> None:
    table, bad = with_bad_rows(), BAD
    got = liaison.evaluate_register(table, AS_OF, errors="column")
    assert got.column_names == ["deadline", "status", "days", "error"]
    assert got.schema.field("error").type == pa.utf8()
    codes = got.column("error").to_pylist()
    assert {i: c for i, c in enumerate(codes) if c is not None} == {row: code for row, (code, _) in bad.items()}
    good = [i for i in range(40) if i not in bad]
    for column in ("deadline", "status", "days"):
        values = got.column(column).to_pylist()
        assert all(values[i] is None for i in bad), column
    clean = liaison.evaluate_register(table.take(good), AS_OF)
    assert rows_of(got.take(good)) == rows_of(clean)
    fine = liaison.evaluate_register(small(), AS_OF, errors="column")
    assert fine.column("error").null_count == 4


def test_bad_columns_and_arguments() -> None:
    base = small()
    e = error_of(liaison.evaluate_register, base.drop_columns(["fed_back"]), AS_OF)
    assert (e.code, e.field) == ("invalid_input", "fed_back")
    e = error_of(liaison.evaluate_register, base, AS_OF, received="date")
    assert (e.code, e.field) == ("invalid_input", "date")
    e = error_of(liaison.evaluate_register, base.set_column(1, "responsibility", pa.array([1.0, 1.0, 2.0, 4.0])), AS_OF)
    assert (e.code, e.field) == ("invalid_input", "responsibility")
    e = error_of(liaison.evaluate_register, base.set_column(0, "received", pa.array([1, 2, 3, 4])), AS_OF)
    assert (e.code, e.field) == ("invalid_input", "received")
    e = error_of(liaison.evaluate_register, base.set_column(0, "received", pa.array(["2008-09-25", "2008-9-25", "", "x"])), AS_OF)
    assert (e.code, e.loc) == ("invalid_date", ["row", 1, "received"])
    assert error_of(liaison.evaluate_register, base, AS_OF, errors="ignore").loc == ["errors"]
    assert error_of(liaison.evaluate_register, base, "2026-02-30").loc == ["as_of"]
    assert error_of(liaison.evaluate_register, base, AS_OF, {"nope": 1}).loc == ["policy", "nope"]
    with pytest.raises(TypeError, match="Arrow PyCapsule"):
        liaison.evaluate_register({"received": []}, AS_OF)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        liaison.evaluate_register(base, AS_OF, "raise")  # type: ignore[arg-type]


def test_an_empty_table() -> None:
    empty = small().slice(0, 0)
    got = liaison.evaluate_register(empty, AS_OF)
    assert got.num_rows == 0 and got.column_names == ["deadline", "status", "days"]


# --- streaming --------------------------------------------------------------------------


def test_evaluate_batches_equals_evaluate_register_on_the_concatenation(table: Any, result: Any) -> None:
    head = table.slice(0, 100_000)
    batches = head.to_batches(max_chunksize=10_000)
    assert len(batches) == 10
    outs = list(liaison.evaluate_batches(iter(batches), AS_OF))
    assert len(outs) == 10 and all(isinstance(b, pa.RecordBatch) for b in outs)
    assert [b.num_rows for b in outs] == [b.num_rows for b in batches]
    together = pa.Table.from_batches(outs)
    assert together.equals(liaison.evaluate_register(pa.Table.from_batches(batches), AS_OF))
    assert together.combine_chunks().equals(result.slice(0, 100_000).combine_chunks())
    # A RecordBatchReader (an Arrow stream) is read a batch at a time.
    reader = pa.RecordBatchReader.from_batches(head.schema, batches)
    assert pa.Table.from_batches(list(liaison.evaluate_batches(reader, AS_OF))).equals(together)


def test_a_large_batch_is_shared_between_threads_and_comes_back_whole(table: Any, result: Any) -> None:
    n = 600_000  # over 2 x 2^18 rows: parts on several threads, one batch out
    big = table.slice(0, n).combine_chunks().to_batches()
    assert len(big) == 1
    for threads in ("1", "3"):
        os.environ["LIAISON_THREADS"] = threads
        try:
            outs = list(liaison.evaluate_batches(big, AS_OF))
        finally:
            os.environ.pop("LIAISON_THREADS", None)
        assert [b.num_rows for b in outs] == [n]
        assert pa.Table.from_batches(outs).equals(result.slice(0, n).combine_chunks())


def test_evaluate_batches_keep_and_options() -> None:
    base = small().append_column("id", pa.array([1, 2, 3, 4], pa.int64()))
    outs = list(liaison.evaluate_batches(base.to_batches(max_chunksize=2), AS_OF, keep=True, errors="column"))
    assert [b.num_rows for b in outs] == [2, 2]
    assert outs[0].schema.names == ["received", "responsibility", "fed_back", "id", "deadline", "status", "days", "error"]
    assert sum((b.column("id").to_pylist() for b in outs), []) == [1, 2, 3, 4]
    single = list(liaison.evaluate_batches(base.to_batches()[0], AS_OF))
    assert len(single) == 1 and single[0].num_rows == 4
    # items that are streams (tables) are read through batch by batch
    assert len(list(liaison.evaluate_batches([base, base], AS_OF))) == 2


def test_evaluate_batches_counts_rows_over_batches_and_stops_at_an_error() -> None:
    table = with_bad_rows()
    it = liaison.evaluate_batches(table.to_batches(), AS_OF)
    with pytest.raises(LiaisonError) as info:
        list(it)
    assert (info.value.code, info.value.loc) == ("invalid_input", ["row", 3, "received"])
    assert list(it) == []
    later = table.slice(15)  # rows 15.. of the table
    it = liaison.evaluate_batches(later.to_batches(max_chunksize=2), AS_OF)
    assert next(it).num_rows == 2  # rows 0-1 of the slice are fine
    with pytest.raises(LiaisonError) as info:
        list(it)
    assert info.value.loc == ["row", 2, "responsibility"]  # table row 17, slice row 2


def test_evaluate_batches_is_lazy_and_bounded() -> None:
    pulled = []

    def source() -> Any:
        for i in range(5):
            pulled.append(i)
            yield small().to_batches()[0]

    it = liaison.evaluate_batches(source(), AS_OF)
    assert pulled == []
    next(it)
    assert pulled == [0]
    assert len(list(it)) == 4


def test_evaluate_batches_bad_input() -> None:
    with pytest.raises(TypeError):
        liaison.evaluate_batches(5, AS_OF)  # type: ignore[arg-type]
    it = liaison.evaluate_batches([small().to_batches()[0], "text"], AS_OF)  # type: ignore[list-item]
    next(it)
    with pytest.raises(TypeError, match="Arrow PyCapsule"):
        next(it)


# --- check reads Arrow tables by the same path ------------------------------------------


def test_check_reads_arrow_tables_per_record_type() -> None:
    data, planted = liaison.generate_district()
    args = ("2023-01-01", "2025-12-31", "2026-01-20")
    expected = liaison.check(data, *args)
    tables = {}
    for name, rows in data.items():
        table = pa.Table.from_pylist(rows)
        for i, field in enumerate(table.schema):
            if field.name in ("from", "to", "date", "received", "fed_back", "proposed", "voted", "approved", "published") and pa.types.is_string(field.type):
                table = table.set_column(i, field.name, table.column(i).cast(pa.date32()))
        tables[name] = table
    assert liaison.check(tables, *args) == expected
    # a record batch, and a stream
    tables["receptions"] = tables["receptions"].combine_chunks().to_batches()[0]
    tables["visits"] = pa.RecordBatchReader.from_batches(tables["visits"].schema, tables["visits"].to_batches())
    assert liaison.check(tables, *args) == expected


def test_check_names_the_row_of_an_arrow_table() -> None:
    data, _ = liaison.generate_district()
    data["receptions"][2]["minutes"] = -5
    tables = {name: pa.Table.from_pylist(rows) for name, rows in data.items()}
    with pytest.raises(LiaisonError) as info:
        liaison.check(tables, "2023-01-01", "2025-12-31", "2026-01-20")
    assert (info.value.code, info.value.loc) == ("invalid_count", ["dataset", "receptions", 2, "minutes"])


# --- the GIL ----------------------------------------------------------------------------


def test_the_gil_is_released_while_rows_are_evaluated(table: Any) -> None:
    """With a switch interval of 100 s no other thread runs while this one holds the GIL;
    the counter moves during the call only if the call lets go of it."""
    counter = [0]
    done = threading.Event()

    def spin() -> None:
        while not done.is_set():
            counter[0] += 1
            time.sleep(0.0001)  # lets go of the GIL

    old = sys.getswitchinterval()
    worker = threading.Thread(target=spin)
    try:
        sys.setswitchinterval(100)
        worker.start()
        time.sleep(0.01)
        before = counter[0]
        liaison.evaluate_register(table, AS_OF)
        during = counter[0] - before
    finally:
        done.set()
        sys.setswitchinterval(old)
        worker.join()
    assert during > 0


def test_without_pyarrow_the_result_still_speaks_arrow(monkeypatch: pytest.MonkeyPatch) -> None:
    base = small()
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` raises ImportError
    out = liaison.evaluate_register(base, AS_OF)
    batches = list(liaison.evaluate_batches(base, AS_OF))
    monkeypatch.undo()
    assert not isinstance(out, pa.Table) and hasattr(out, "__arrow_c_stream__")
    assert pa.table(out).equals(liaison.evaluate_register(base, AS_OF))
    assert len(batches) == 1 and not isinstance(batches[0], pa.RecordBatch)
    assert pa.record_batch(batches[0]).equals(liaison.evaluate_register(base, AS_OF).to_batches()[0])


# --- hostile inputs (issue 11) -----------------------------------------------------------


def test_an_all_null_dictionary_encoded_fed_back_column_is_not_fed_back() -> None:
    """Issue 11.1: a dictionary with no values used to panic in arrow-array's lookup."""
    pl = pytest.importorskip("polars")
    base = small()
    expected = rows_of(liaison.evaluate_register(base.drop_columns(["fed_back"]), AS_OF, fed_back=None))
    columns = {
        "pyarrow dictionary_encode of nulls": pa.array([None] * 4).dictionary_encode(),
        "pyarrow dictionary of strings, all null": pa.array([None] * 4, pa.string()).dictionary_encode(),
        "pyarrow null type": pa.nulls(4),
    }
    for name, column in columns.items():
        got = liaison.evaluate_register(base.set_column(2, "fed_back", column), AS_OF)
        assert rows_of(got) == expected, name
    frame = pl.from_arrow(base).with_columns(pl.Series("fed_back", [None] * 4, dtype=pl.Categorical))
    assert rows_of(liaison.evaluate_register(frame, AS_OF)) == expected
    classes = pl.from_arrow(base).with_columns(pl.Series("responsibility", [None] * 4, dtype=pl.Categorical))
    e = error_of(liaison.evaluate_register, classes, AS_OF)
    assert (e.code, e.loc) == ("invalid_input", ["row", 0, "responsibility"])


def test_an_input_that_reads_its_own_output_is_an_error_not_a_deadlock() -> None:
    """Issue 11.8: the input iterator pulls from the output iterator."""
    outcome: list[Any] = []

    def run() -> None:
        box: list[Any] = []

        def source() -> Any:
            yield small().to_batches()[0]
            yield next(box[0])  # asks the output while the output reads this

        out = liaison.evaluate_batches(source(), AS_OF)
        box.append(out)
        try:
            outcome.append(len(list(out)))
        except LiaisonError as e:
            outcome.append(e)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "evaluate_batches waited for itself"
    assert isinstance(outcome[0], LiaisonError), outcome
    assert (outcome[0].code, outcome[0].loc) == ("invalid_input", ["batches"])


def test_evaluate_batches_from_several_threads_waits_rather_than_fails() -> None:
    batches = [small().to_batches()[0]] * 40
    out = liaison.evaluate_batches(iter(batches), AS_OF)
    got: list[int] = []

    def drain() -> None:
        for b in out:
            got.append(b.num_rows)

    threads = [threading.Thread(target=drain) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sum(got) == 160


def test_arrow_data_that_is_not_a_table_is_a_coded_error() -> None:
    """Issue 11.10: arrays and chunked arrays are not registers."""
    for bad in (pa.array([1, 2]), pa.chunked_array([[1, 2], [3]]), pa.array([{"a": 1}, None])):
        e = error_of(liaison.evaluate_register, bad, AS_OF)
        assert (e.code, e.loc) == ("invalid_input", ["table"]), bad
        e = error_of(lambda: list(liaison.evaluate_batches(bad, AS_OF)))
        assert (e.code, e.loc) == ("invalid_input", ["batches"]), bad
    it = liaison.evaluate_batches([small().to_batches()[0], pa.array([1])], AS_OF)
    next(it)
    e = error_of(next, it)
    assert (e.code, e.loc) == ("invalid_input", ["batches"])


def test_lone_surrogates_in_options_are_coded_errors() -> None:
    base = small()
    for kwargs, loc in [
        ({"errors": "\ud800"}, ["errors"]),
        ({"received": "\ud800"}, ["received"]),
        ({"fed_back": "a\udcff"}, ["fed_back"]),
    ]:
        e = error_of(liaison.evaluate_register, base, AS_OF, **kwargs)
        assert (e.code, e.loc) == ("invalid_input", loc), kwargs
    e = error_of(liaison.evaluate_register, base, "\ud800")
    assert (e.code, e.loc) == ("invalid_input", ["as_of"])
