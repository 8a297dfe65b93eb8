"""The columnar S3.7 and S3.5 (`grade_table`, `decide_vote_table`) give, row for row, what
`grade` and `decide_vote` give one row at a time: the same grade or outcome, the same error
code at the same field (under `["row", i]`), in the caller's library."""

from __future__ import annotations

from typing import Any, Callable, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liaison
from liaison import LiaisonError

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

MAX = 2**64 - 1
BOUNDS = [0, 1, 2, 9, 10, 11, 19, 20, 21, 29, 30, 31, 69, 70, 71, 90, 91, 100, MAX // 3, MAX - 1, MAX]
QUORUM = {"vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}}
POLICIES: list[Any] = [
    None,
    {"basically_satisfied_as": "satisfied"},
    {"basically_satisfied_as": "dissatisfied", "undetermined_as": "qualified"},
    {"vote_base": "present"},
    {**QUORUM, "vote_base": "entitled"},
]


def scalar(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, Any]:
    """The single-row answer, or its error's code and loc."""
    try:
        return fn(*args, **kwargs), None
    except LiaisonError as e:
        return None, (e.code, e.loc)


def column_of(out: Any, name: str) -> list[Any]:
    if isinstance(out, pd.DataFrame):
        return [None if pd.isna(v) else v for v in out[name]]
    if type(out).__module__.startswith("polars"):
        return list(out[name].to_list())
    return list(out.column(name).to_pylist())


def counts(values: list[Optional[int]]) -> Any:
    return pa.array(values, pa.uint64())


def grades_of(rows: list[tuple[int, int, int]], policy: Any = None) -> None:
    """`grade_table` on `rows` equals `grade` on each, in both error modes."""
    table = pa.table({
        "satisfied": counts([r[0] for r in rows]),
        "basically_satisfied": counts([r[1] for r in rows]),
        "dissatisfied": counts([r[2] for r in rows]),
    })
    expected = [scalar(liaison.grade, *r, policy) for r in rows]
    out = liaison.grade_table(table, policy, errors="column")
    assert column_of(out, "grade") == [g for g, _ in expected]
    assert column_of(out, "error") == [e[0] if e else None for _, e in expected]
    first_bad = next((i for i, (_, e) in enumerate(expected) if e), None)
    if first_bad is None:
        assert column_of(liaison.grade_table(table, policy), "grade") == [g for g, _ in expected]
    else:
        with pytest.raises(LiaisonError) as raised:
            liaison.grade_table(table, policy)
        code, loc = expected[first_bad][1]  # type: ignore[misc]
        assert (raised.value.code, raised.value.loc) == (code, ["row", first_bad, *loc])


def votes_of(rows: list[tuple[int, int, int, Optional[int], Optional[int]]], policy: Any = None) -> None:
    """`decide_vote_table` on `rows` equals `decide_vote` on each."""
    table = pa.table({
        "approve": counts([r[0] for r in rows]),
        "disapprove": counts([r[1] for r in rows]),
        "abstain": counts([r[2] for r in rows]),
        "present": counts([r[3] for r in rows]),
        "entitled": counts([r[4] for r in rows]),
    })
    expected = [scalar(liaison.decide_vote, a, d, x, policy, present=p, entitled=e) for a, d, x, p, e in rows]
    out = liaison.decide_vote_table(table, policy, errors="column", present="present", entitled="entitled")
    assert column_of(out, "outcome") == [o for o, _ in expected]
    assert column_of(out, "error") == [e[0] if e else None for _, e in expected]
    first_bad = next((i for i, (_, e) in enumerate(expected) if e), None)
    if first_bad is not None:
        with pytest.raises(LiaisonError) as raised:
            liaison.decide_vote_table(table, policy, present="present", entitled="entitled")
        code, loc = expected[first_bad][1]  # type: ignore[misc]
        assert (raised.value.code, raised.value.loc) == (code, ["row", first_bad, *loc])


# --- the same answers as the single-row functions ---------------------------------------


@pytest.mark.parametrize("policy", POLICIES)
def test_grade_table_equals_grade_on_every_bound(policy: Any) -> None:
    grades_of([(s, b, d) for s in BOUNDS for b in BOUNDS[::3] for d in BOUNDS], policy)


@pytest.mark.parametrize("policy", POLICIES)
def test_decide_vote_table_equals_decide_vote_on_every_bound(policy: Any) -> None:
    small = [0, 1, 10, 11, 19, 20, 21, 30, MAX]
    attendance = [(None, None), (30, 30), (31, 60), (30, 60), (60, 40), (40, None), (0, 0), (MAX, MAX)]
    votes_of([(a, d, x, p, e) for a in small for d in small for x in small[:4] for p, e in attendance], policy)


@given(st.lists(st.tuples(*[st.integers(0, MAX)] * 3), min_size=1, max_size=30), st.sampled_from(POLICIES))
def test_grade_table_equals_grade_on_random_counts(rows: list[tuple[int, int, int]], policy: Any) -> None:
    grades_of(rows, policy)


@given(st.lists(st.tuples(*[st.integers(0, 40)] * 3), min_size=1, max_size=30), st.sampled_from(POLICIES))
def test_grade_table_equals_grade_on_small_counts(rows: list[tuple[int, int, int]], policy: Any) -> None:
    grades_of(rows, policy)


votes = st.tuples(
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(0, 40),
    st.none() | st.integers(0, 120),
    st.none() | st.integers(0, 120),
)


@given(st.lists(votes, min_size=1, max_size=30), st.sampled_from(POLICIES))
def test_decide_vote_table_equals_decide_vote_on_random_counts(rows: list[Any], policy: Any) -> None:
    votes_of(rows, policy)


@given(st.lists(st.tuples(*[st.integers(0, MAX)] * 3, st.none(), st.none()), min_size=1, max_size=20))
def test_decide_vote_table_on_large_counts(rows: list[Any]) -> None:
    votes_of(rows)


def test_a_large_table_on_several_threads_equals_the_single_row_functions() -> None:
    rng = np.random.default_rng(13)
    n = 600_000
    table = pa.table({
        "satisfied": rng.integers(0, 100, n).astype(np.uint32),
        "basically_satisfied": rng.integers(0, 20, n).astype(np.uint32),
        "dissatisfied": rng.integers(0, 50, n).astype(np.uint32),
    })
    got = column_of(liaison.grade_table(table, errors="column"), "grade")
    for i in rng.integers(0, n, 3_000):
        s, b, d = (int(table.column(c)[int(i)].as_py()) for c in table.column_names)
        assert got[i] == scalar(liaison.grade, s, b, d)[0], i
    votes = table.rename_columns(["approve", "disapprove", "abstain"])
    got = column_of(liaison.decide_vote_table(votes, errors="column"), "outcome")
    for i in rng.integers(0, n, 3_000):
        a, d, x = (int(votes.column(c)[int(i)].as_py()) for c in votes.column_names)
        assert got[i] == scalar(liaison.decide_vote, a, d, x)[0], i


# --- columns, types and errors -----------------------------------------------------------


def test_integer_widths_and_optional_columns() -> None:
    expected = ["qualified", "unqualified", "excellent"]
    for t in (pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32(), pa.uint64()):
        table = pa.table({"s": pa.array([70, 69, 91], t), "d": pa.array([30, 31, 9], t)})
        out = liaison.grade_table(table, satisfied="s", dissatisfied="d", basically_satisfied=None)
        assert column_of(out, "grade") == expected, t
    out = liaison.decide_vote_table(pa.table({"approve": [20], "disapprove": [10]}), abstain=None)
    assert column_of(out, "outcome") == ["adopted"]


def test_null_and_negative_counts_are_invalid_count_at_their_row_and_column() -> None:
    table = pa.table({"satisfied": [1, None, 1, 1], "basically_satisfied": [0, 0, -1, 0], "dissatisfied": [0, 0, 0, 0]})
    with pytest.raises(LiaisonError) as e:
        liaison.grade_table(table)
    assert (e.value.code, e.value.loc) == ("invalid_count", ["row", 1, "satisfied"])
    out = liaison.grade_table(table, errors="column")
    assert column_of(out, "error") == [None, "invalid_count", "invalid_count", None]
    assert column_of(out, "grade") == ["excellent", None, None, "excellent"]
    with pytest.raises(LiaisonError) as e:
        liaison.grade_table(table.slice(2))
    assert e.value.loc == ["row", 0, "basically_satisfied"]
    votes = pa.table({"for": [20, 20], "against": [10, 10], "p": [30, 40], "e": [60, None]})
    with pytest.raises(LiaisonError) as e:
        liaison.decide_vote_table(votes, QUORUM, approve="for", disapprove="against", abstain=None, present="p", entitled="e")
    assert (e.value.code, e.value.loc) == ("attendance_required", ["row", 1, "e"])
    with pytest.raises(LiaisonError) as e:
        liaison.decide_vote_table(votes, QUORUM, approve="for", disapprove="against", abstain=None)
    assert (e.value.code, e.value.loc) == ("attendance_required", ["row", 0])


def test_bad_columns_and_arguments() -> None:
    table = pa.table({"satisfied": [1.0], "basically_satisfied": [0], "dissatisfied": [0]})
    with pytest.raises(LiaisonError) as e:
        liaison.grade_table(table)
    assert (e.value.code, e.value.loc) == ("invalid_input", ["satisfied"])
    with pytest.raises(LiaisonError) as e:
        liaison.grade_table(table.set_column(0, "satisfied", pa.array([1])).drop_columns(["dissatisfied"]))
    assert (e.value.code, e.value.loc) == ("invalid_input", ["dissatisfied"])
    with pytest.raises(LiaisonError) as e:
        liaison.grade_table(table, errors="ignore")
    assert e.value.code == "invalid_input"
    with pytest.raises(LiaisonError) as e:
        liaison.decide_vote_table(pa.table({"approve": [1], "disapprove": [1]}), {"vote_adopt": 3})
    assert e.value.code == "invalid_policy"
    with pytest.raises(TypeError):
        liaison.grade_table([{"satisfied": 1}])  # type: ignore[arg-type]
    with pytest.raises(LiaisonError) as e:
        liaison.grade_table(pa.table({"satisfied": [1], "grade": ["x"]}), basically_satisfied=None, dissatisfied=None, keep=True)
    assert (e.value.code, e.value.loc) == ("invalid_input", ["grade"])


def test_keep_and_an_empty_table() -> None:
    table = pa.table({"id": ["a", "b"], "approve": [20, 1], "disapprove": [10, 2], "abstain": [0, 0]})
    out = liaison.decide_vote_table(table, keep=True)
    assert out.column_names == ["id", "approve", "disapprove", "abstain", "outcome"]
    assert out.column("outcome").to_pylist() == ["adopted", "rejected"]
    assert out.schema.field("outcome").type == pa.dictionary(pa.int8(), pa.string())
    empty = liaison.grade_table(pa.table({"satisfied": pa.array([], pa.uint64())}), basically_satisfied=None, dissatisfied=None)
    assert empty.num_rows == 0 and empty.column_names == ["grade"]


def test_pandas_in_pandas_out_and_polars_in_polars_out() -> None:
    pl = pytest.importorskip("polars")
    frame = pd.DataFrame({"satisfied": [70, 69, 91], "basically_satisfied": [0, 0, 9], "dissatisfied": [30, 31, 0]}, index=[5, 6, 7])
    out = liaison.grade_table(frame, keep=True)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == [5, 6, 7]
    assert str(out["grade"].dtype) == "category"
    assert list(out["grade"]) == ["qualified", "unqualified", "excellent"]
    polars = liaison.grade_table(pl.from_pandas(frame))
    assert isinstance(polars, pl.DataFrame)
    assert polars["grade"].to_list() == ["qualified", "unqualified", "excellent"]
    votes = pl.DataFrame({"approve": [20], "disapprove": [10], "abstain": [0]})
    assert liaison.decide_vote_table(votes)["outcome"].to_list() == ["adopted"]
    nullable = pd.DataFrame({"approve": pd.array([20, None], "Int64"), "disapprove": [10, 10], "abstain": [0, 0]})
    out = liaison.decide_vote_table(nullable, errors="column")
    assert column_of(out, "error") == [None, "invalid_count"]
