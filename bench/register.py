"""`make bench` (Python): S5 deadline + status over a 10 M-row register.

Compares `liaison.evaluate_register` with what an analyst would write without it: an idiomatic
pandas version and a polars version (calendar days, no rest-day move, since neither can
vectorise A2), and a plain Python loop that does the rest-day move. All run on the same rows
in one process; the figures are rows per second. A benchmark, not a test: it checks that the
statuses agree and prints the timings.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import time

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

import liaison

ROWS = int(os.environ.get("LIAISON_BENCH_ROWS", "10000000"))
AS_OF = dt.date(2025, 6, 30)
DAYS = {1: 10, 2: 20, 3: 30, 4: 40}


def make_rows(n: int) -> pa.Table:
    rng = np.random.default_rng(42)
    start = np.datetime64("2008-01-01")
    received = start + rng.integers(0, 6000, n).astype("timedelta64[D]")
    cls = rng.integers(1, 5, n).astype(np.int8)
    fed = received + rng.integers(0, 60, n).astype("timedelta64[D]")
    fed_mask = rng.random(n) < 0.2
    return pa.table(
        {
            "received": pa.array(received, pa.date32()),
            "responsibility": pa.array(cls),
            "fed_back": pa.array(fed, pa.date32(), mask=fed_mask),
        }
    )


def pandas_version(df: pd.DataFrame) -> pd.Series:
    deadline = df["received"] + pd.to_timedelta(df["responsibility"].map(DAYS), unit="D")
    fed = df["fed_back"]
    as_of = pd.Timestamp(AS_OF)
    status = np.select(
        [fed.notna() & (fed <= deadline), fed.notna(), deadline >= as_of],
        ["on_time", "late", "open"],
        "overdue",
    )
    days = np.where(fed.notna(), (deadline - fed).dt.days.abs(), (deadline - as_of).dt.days.abs())
    return pd.DataFrame({"deadline": deadline, "status": status, "days": days})


def polars_version(df: pl.DataFrame) -> pl.DataFrame:
    deadline = pl.col("received") + pl.duration(days=pl.col("responsibility").cast(pl.Int64) * 10)
    fed = pl.col("fed_back")
    return df.select(
        deadline.alias("deadline"),
        pl.when(fed.is_not_null() & (fed <= deadline)).then(pl.lit("on_time"))
        .when(fed.is_not_null()).then(pl.lit("late"))
        .when(deadline >= pl.lit(AS_OF)).then(pl.lit("open"))
        .otherwise(pl.lit("overdue")).alias("status"),
        pl.when(fed.is_not_null()).then((deadline - fed).dt.total_days().abs())
        .otherwise((deadline - pl.lit(AS_OF)).dt.total_days().abs()).alias("days"),
    )


def rest_days() -> set[dt.date]:
    """Rest days from the same State Council data, as an analyst would load them."""
    here = os.path.dirname(os.path.abspath(__file__))
    data = json.load(open(os.path.join(here, "..", "core", "data", "cn-holidays.json"), encoding="utf-8"))
    rest, work = set(), set()
    for y in data["years"]:
        for p in y["rest_days"]:
            d, end = dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"])
            while d <= end:
                rest.add(d)
                d += dt.timedelta(1)
        work.update(dt.date.fromisoformat(w) for w in y["working_days"])
    d = dt.date(2007, 1, 1)
    while d <= dt.date(2026, 12, 31):
        if d.weekday() >= 5 and d not in work:
            rest.add(d)
        d += dt.timedelta(1)
    return rest


def python_loop(received, cls, fed, rest) -> list:
    out = []
    one = dt.timedelta(1)
    for r, c, f in zip(received, cls, fed):
        d = r + dt.timedelta(DAYS[c])
        while d in rest:
            d += one
        if f is not None:
            out.append((d, "on_time" if f <= d else "late", abs((d - f).days)))
        else:
            out.append((d, "open" if AS_OF <= d else "overdue", abs((d - AS_OF).days)))
    return out


def timed(label, fn, rows, repeat=3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<64} {rows / best / 1e6:8.2f} M rows/s  ({best:.3f} s for {rows:,} rows)", flush=True)
    return rows / best, result


def main() -> None:
    print(f"# {dt.date.today()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · Python {sys.version.split()[0]}")
    table = make_rows(ROWS)
    no_move = liaison.Policy.from_dict({"move_rest_day": False})
    ours_plain, got = timed("liaison.evaluate_register, calendar days (no move)", lambda: liaison.evaluate_register(table, AS_OF, no_move), ROWS)
    ours_move, got_move = timed("liaison.evaluate_register, with the rest-day move (A2)", lambda: liaison.evaluate_register(table, AS_OF), ROWS)
    pdf = table.to_pandas(types_mapper=None, date_as_object=False)
    pdf["received"] = pd.to_datetime(pdf["received"])
    pdf["fed_back"] = pd.to_datetime(pdf["fed_back"])
    pandas_rate, pd_result = timed("pandas, vectorised, calendar days", lambda: pandas_version(pdf), ROWS)
    pldf = pl.from_arrow(table)
    polars_rate, pl_result = timed("polars, calendar days", lambda: polars_version(pldf), ROWS)
    # The same call on the analyst's own frames (read through the Arrow PyCapsule interface).
    _, from_pandas = timed("liaison.evaluate_register on the pandas frame (calendar days)", lambda: liaison.evaluate_register(pdf, AS_OF, no_move), ROWS)
    _, from_polars = timed("liaison.evaluate_register on the polars frame (calendar days)", lambda: liaison.evaluate_register(pldf, AS_OF, no_move), ROWS)
    n_loop = min(ROWS, 1_000_000)
    rest = rest_days()
    head = table.slice(0, n_loop)
    received = head["received"].to_pylist()
    cls = head["responsibility"].to_pylist()
    fed = head["fed_back"].to_pylist()
    loop_rate, loop_result = timed(f"Python loop with the rest-day move ({n_loop:,} rows)", lambda: python_loop(received, cls, fed, rest), n_loop, repeat=1)

    # The same statuses, row for row.
    ours = got.column("status").to_pylist()
    assert from_pandas.column("status").to_pylist() == ours, "liaison on the pandas frame disagrees"
    assert from_polars.column("status").to_pylist() == ours, "liaison on the polars frame disagrees"
    assert ours == pl_result["status"].to_list(), "polars and liaison disagree"
    assert ours == list(pd_result["status"]), "pandas and liaison disagree"
    assert got_move.column("status").to_pylist()[:n_loop] == [s for _, s, _ in loop_result], "loop and liaison disagree"
    print(f"ratios: {ours_plain / polars_rate:.1f}x polars, {ours_plain / pandas_rate:.1f}x pandas (calendar days); "
          f"{ours_move / loop_rate:.0f}x the Python loop (rest-day move)")


if __name__ == "__main__":
    main()
