"""`make bench` (Python): S5 deadline + status over a 5 M-row register, and the columnar
S3.7 / S3.5.

Compares `liaison.evaluate_register` (with the rest-day move, A2) on a pyarrow table, a polars
frame and a pandas frame with the core's `RegisterEvaluator` alone on the same rows (1 and 2
threads) and with what an analyst would write without it: an idiomatic pandas version and a
polars version (calendar days, no rest-day move, since neither can vectorise A2), and a plain
Python loop that does the rest-day move. All run on the same rows in one process; the figures
are rows per second, best of 5 with the slowest shown. A benchmark, not a test: it checks that
the answers agree and prints the timings and their ratios side by side.
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

ROWS = int(os.environ.get("LIAISON_BENCH_ROWS", "5000000"))
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


def timed(label, fn, rows, repeat=5):
    """Runs `fn` `repeat` times; prints the best rate and the spread (slowest run)."""
    times = []
    result = None
    for _ in range(repeat):
        result = None  # the previous answer is freed before the next run, as in a loop
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    best, worst = min(times), max(times)
    print(f"{label:<70} {rows / best / 1e6:8.1f} M rows/s  (best of {repeat}; slowest {rows / worst / 1e6:.1f})", flush=True)
    return rows / best, result


def threads(n):
    """`LIAISON_THREADS` for the calls that follow (read by the Rust side on every call)."""
    os.environ["LIAISON_THREADS"] = str(n)


def status_list(out):
    if isinstance(out, pd.DataFrame):
        return list(out["status"].astype(str))
    if isinstance(out, pl.DataFrame):
        return out["status"].cast(pl.String).to_list()
    return out.column("status").to_pylist()


def register_bench(table):
    print(f"## S5 register, {ROWS:,} rows (receipt 2008-2024, classes 1-4, 20% not fed back)")
    no_move = liaison.Policy.from_dict({"move_rest_day": False})
    opts = {"as_of": AS_OF.isoformat(), "policy": None, "errors": "raise", "received": "received",
            "responsibility": "responsibility", "fed_back": "fed_back", "keep": False}
    pdf = table.to_pandas(date_as_object=False)
    pdf["received"] = pd.to_datetime(pdf["received"]).astype("datetime64[ns]")
    pdf["fed_back"] = pd.to_datetime(pdf["fed_back"]).astype("datetime64[ns]")
    pldf = pl.from_arrow(table)
    rate = {}
    for n in (1, 2):
        threads(n)
        runs = [liaison._liaison._register_core(table, opts, n)[1] for _ in range(5)]
        rate["core", n] = ROWS / min(runs)
        print(f"{f'core RegisterEvaluator alone, same rows, rest-day move, {n} thread(s)':<70} {ROWS / min(runs) / 1e6:8.1f} M rows/s  "
              f"(best of 5; slowest {ROWS / max(runs) / 1e6:.1f})", flush=True)
        rate["pyarrow", n], got_move = timed(f"evaluate_register, pyarrow table, rest-day move, {n} thread(s)",
                                             lambda: liaison.evaluate_register(table, AS_OF), ROWS)
    # From here on every core (the default).
    os.environ.pop("LIAISON_THREADS", None)
    rate["polars", 2], from_polars = timed("evaluate_register, polars frame in, polars out, rest-day move",
                                           lambda: liaison.evaluate_register(pldf, AS_OF), ROWS)
    rate["pandas", 2], from_pandas = timed("evaluate_register, pandas frame in, pandas out, rest-day move",
                                           lambda: liaison.evaluate_register(pdf, AS_OF), ROWS)
    batches = table.to_batches(max_chunksize=1 << 20)
    timed(f"evaluate_batches, {len(batches)} batches of 2^20 rows, rest-day move",
          lambda: list(liaison.evaluate_batches(batches, AS_OF)), ROWS)
    rate["plain", 2], got = timed("evaluate_register, pyarrow table, calendar days (no move)",
                                  lambda: liaison.evaluate_register(table, AS_OF, no_move), ROWS)
    pandas_rate, pd_result = timed("pandas, idiomatic and vectorised, calendar days (no move)", lambda: pandas_version(pdf), ROWS, repeat=3)
    polars_rate, pl_result = timed("polars expressions, calendar days (no move)", lambda: polars_version(pldf), ROWS)
    n_loop = min(ROWS, 1_000_000)
    rest = rest_days()
    head = table.slice(0, n_loop)
    received = head["received"].to_pylist()
    cls = head["responsibility"].to_pylist()
    fed = head["fed_back"].to_pylist()
    loop_rate, loop_result = timed(f"plain Python loop with the rest-day move ({n_loop:,} rows)",
                                   lambda: python_loop(received, cls, fed, rest), n_loop, repeat=1)

    # The same answers: ours with the move on every input; without it, pandas' and polars'.
    ours = status_list(got_move)
    assert status_list(from_polars) == ours, "liaison on the polars frame disagrees"
    assert status_list(from_pandas) == ours, "liaison on the pandas frame disagrees"
    assert status_list(got) == pl_result["status"].to_list(), "polars and liaison disagree"
    assert status_list(got) == list(pd_result["status"]), "pandas and liaison disagree"
    assert ours[:n_loop] == [s for _, s, _ in loop_result], "the Python loop and liaison disagree"
    rng = np.random.default_rng(1)
    deadline, days = got_move.column("deadline"), got_move.column("days")
    for i in (int(i) for i in rng.integers(0, ROWS, 2_000)):
        f = table["fed_back"][i].as_py()
        one = liaison.feedback_status(table["received"][i].as_py(), table["responsibility"][i].as_py(),
                                      fed_back=f, as_of=None if f else AS_OF)
        assert (deadline[i].as_py(), ours[i], days[i].as_py()) == tuple(one), i
    print("checked: every status equal across inputs and with pandas and polars (calendar days); "
          "2 000 sampled rows equal to feedback_status (rest-day move)")

    print()
    print("| input (rest-day move on our side) | liaison M rows/s | core alone, same rows | liaison / core | × polars | × pandas |")
    print("|---|---|---|---|---|---|")
    for key, label in ((("pyarrow", 1), "pyarrow table, 1 thread"), (("pyarrow", 2), "pyarrow table, 2 threads"),
                       (("polars", 2), "polars frame → polars, 2 threads"), (("pandas", 2), "pandas frame → pandas, 2 threads")):
        core = rate["core", key[1]]
        print(f"| {label} | {rate[key] / 1e6:.1f} | {core / 1e6:.1f} ({key[1]} thread{'s' if key[1] > 1 else ''}) "
              f"| {rate[key] / core:.2f} | {rate[key] / polars_rate:.1f}× | {rate[key] / pandas_rate:.0f}× |")
    print(f"threads: 1 → 2 speeds evaluate_register up {rate['pyarrow', 2] / rate['pyarrow', 1]:.2f}× "
          f"(the core alone {rate['core', 2] / rate['core', 1]:.2f}×); {rate['pyarrow', 2] / loop_rate:.0f}× the Python loop")


def ballots_bench():
    print()
    print(f"## S3.7 and S3.5 over a table, {ROWS:,} rows (uint32 counts)")
    rng = np.random.default_rng(7)
    ballots = pa.table({c: rng.integers(0, 100, ROWS).astype(np.uint32) for c in ("satisfied", "basically_satisfied", "dissatisfied")})
    votes = pa.table({c: rng.integers(0, 100, ROWS).astype(np.uint32) for c in ("approve", "disapprove", "abstain")})
    _, grades = timed("grade_table, pyarrow table, errors='column', 2 threads", lambda: liaison.grade_table(ballots, errors="column"), ROWS)
    _, outcomes = timed("decide_vote_table, pyarrow table, errors='column', 2 threads", lambda: liaison.decide_vote_table(votes, errors="column"), ROWS)
    g, o = grades.column("grade"), outcomes.column("outcome")
    for i in (int(i) for i in rng.integers(0, ROWS, 2_000)):
        s, b, d = (ballots[c][i].as_py() for c in ballots.column_names)
        assert g[i].as_py() == (liaison.grade(s, b, d) if s + b + d else None), i
        a, d, x = (votes[c][i].as_py() for c in votes.column_names)
        assert o[i].as_py() == (liaison.decide_vote(a, d, x) if a + d + x else None), i
    print("checked: 2 000 sampled rows of each equal to grade and decide_vote")


def main() -> None:
    load = os.getloadavg()
    print(f"# {dt.date.today()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
          f"Python {sys.version.split()[0]} · load average {load[0]:.2f} at the start")
    table = make_rows(ROWS)
    register_bench(table)
    ballots_bench()
    print(f"# load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
