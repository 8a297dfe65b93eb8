"""`evaluate_batches` inside PySpark's `mapInArrow`, in local mode (issue 5).

Not collected by a plain `pytest bindings-python/tests` (the name does not match
`test_*.py`): it starts a JVM, which takes seconds. Run it with

    pip install -r bindings-python/requirements-spark.txt    # pyspark, pinned; Java 17
    python -m pytest bindings-python/tests/spark_demo.py -q   # as a test
    python bindings-python/tests/spark_demo.py                # as a demo, with timings

It starts a `local[2]` SparkSession (no UI, small memory, Arrow on), builds a DataFrame of
100 000 opinions, runs `df.mapInArrow(...)` with `liaison.evaluate_batches(it, as_of,
keep=True)` on each partition's stream of record batches, and checks that every row's
deadline, status and days equal `liaison.evaluate_register` on the same rows.

Spark reads neither Arrow dictionaries nor unsigned integers, so each output batch is cast
to the types of the Spark schema (`status` plain text, `days` a long) before Spark gets it.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import time
import warnings
from typing import Any, Iterator

import pytest

import liaison

ROWS = 100_000
AS_OF = datetime.date(2026, 1, 20)
SPARK_SCHEMA = (
    "id long, received date, responsibility int, fed_back date, "
    "deadline date, status string, days long"
)


def arrow_schema() -> Any:
    """The Arrow types of SPARK_SCHEMA, to cast liaison's output to."""
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.int64()),
            ("received", pa.date32()),
            ("responsibility", pa.int32()),
            ("fed_back", pa.date32()),
            ("deadline", pa.date32()),
            ("status", pa.string()),
            ("days", pa.int64()),
        ]
    )


def register(rows: int = ROWS, seed: int = 5) -> Any:
    """A register of `rows` opinions with an id: received 2008–2025, class 1–4, 20% not
    fed back."""
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    received = np.datetime64("2008-01-01") + rng.integers(0, 6575, rows).astype("timedelta64[D]")
    fed_back = received + rng.integers(0, 60, rows).astype("timedelta64[D]")
    return pa.table(
        {
            "id": pa.array(np.arange(rows, dtype=np.int64)),
            "received": pa.array(received, pa.date32()),
            "responsibility": pa.array(rng.integers(1, 5, rows).astype(np.int32)),
            "fed_back": pa.array(fed_back, pa.date32(), mask=rng.random(rows) < 0.2),
        }
    )


def start_spark() -> Any:
    # The Python workers must be this interpreter, which has liaison installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("liaison-mapInArrow")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "10000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(spark: Any, table: Any) -> Any:
    """`mapInArrow` over the table's rows; the output as a pyarrow Table sorted by id."""
    target = arrow_schema()

    def evaluate(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in liaison.evaluate_batches(batches, AS_OF, keep=True):
            yield batch.cast(target)

    frame = spark.createDataFrame(table).repartition(2)
    out = frame.mapInArrow(evaluate, SPARK_SCHEMA).toArrow()
    return out.sort_by("id")


def check(table: Any, out: Any) -> None:
    expected = liaison.evaluate_register(table, AS_OF)
    assert out.num_rows == table.num_rows
    assert out.column("id").to_pylist() == table.column("id").to_pylist()
    assert out.column("received").equals(table.column("received"))
    assert out.column("deadline").to_pylist() == expected.column("deadline").to_pylist()
    assert out.column("status").to_pylist() == expected.column("status").to_pylist()
    assert out.column("days").to_pylist() == expected.column("days").to_pylist()


def java_missing() -> bool:
    return shutil.which("java") is None and not os.environ.get("JAVA_HOME")


def test_spark_map_in_arrow_equals_evaluate_register() -> None:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if java_missing():
        pytest.skip("Spark needs Java (17)")
    spark = start_spark()
    try:
        table = register()
        check(table, run(spark, table))
    finally:
        spark.stop()


def main() -> None:
    t0 = time.perf_counter()
    spark = start_spark()
    t1 = time.perf_counter()
    try:
        table = register()
        out = run(spark, table)
        t2 = time.perf_counter()
        check(table, out)
    finally:
        spark.stop()
    t3 = time.perf_counter()
    print(f"SparkSession start-up      {t1 - t0:6.1f} s")
    print(f"mapInArrow on {ROWS:,} rows {t2 - t1:6.1f} s (DataFrame, evaluate, collect)")
    print(f"checked, session stopped   {t3 - t2:6.1f} s")
    print(f"total                      {t3 - t0:6.1f} s: statuses equal evaluate_register")


if __name__ == "__main__":
    main()
