//! The register engine against the core row by row, and every bad input a coded error at
//! its place: `["row", i, "<column>"]` for a row, the column's name for a column.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Int32Type, Int8Type, TimestampMillisecondType, TimestampNanosecondType, UInt32Type,
};
use arrow_array::{
    Array, ArrayRef, Date32Array, DictionaryArray, Int64Array, Int8Array, NullArray, RecordBatch,
    StringArray, TimestampNanosecondArray, TimestampSecondArray,
};
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;
use liaison::register::{from_days, to_days};
use liaison::{feedback_status, Policy, Responsibility};
use liaison_arrow::{OnError, Options, Register};
use serde_json::{json, Value};
use std::sync::Arc;

fn day(s: &str) -> i32 {
    to_days(s.parse::<NaiveDate>().unwrap())
}

fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(columns).unwrap()
}

fn register(request: Value) -> Register {
    Register::from_request(&request).unwrap()
}

/// A register of `n` rows: received over 2008–2025, classes 1–4, a fifth not fed back.
fn sample(n: usize) -> RecordBatch {
    let mut state: u64 = 2008;
    let mut next = |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    let first = day("2008-01-01");
    let mut received = Vec::new();
    let mut classes = Vec::new();
    let mut fed = Vec::new();
    for _ in 0..n {
        let r = first + next(6574) as i32;
        received.push(r);
        classes.push(1 + next(4) as i8);
        fed.push((next(5) != 0).then(|| r + next(60) as i32));
    }
    batch(vec![
        ("received", Arc::new(Date32Array::from(received))),
        ("responsibility", Arc::new(Int8Array::from(classes))),
        ("fed_back", Arc::new(Date32Array::from(fed))),
    ])
}

fn rows(out: &RecordBatch) -> Vec<Option<(NaiveDate, String, u32)>> {
    let deadline = out
        .column_by_name("deadline")
        .unwrap()
        .as_primitive::<Date32Type>();
    let status = out
        .column_by_name("status")
        .unwrap()
        .as_dictionary::<Int8Type>();
    let names = status.values().as_string::<i32>();
    let days = out
        .column_by_name("days")
        .unwrap()
        .as_primitive::<UInt32Type>();
    (0..out.num_rows())
        .map(|i| {
            (!deadline.is_null(i)).then(|| {
                let key = status.keys().value(i) as usize;
                (
                    from_days(deadline.value(i)).unwrap(),
                    names.value(key).to_string(),
                    days.value(i),
                )
            })
        })
        .collect()
}

fn loc(e: &liaison::Error) -> Value {
    serde_json::to_value(e.loc()).unwrap()
}

/// `received` of `input` as ISO text, `text` instead in the rows where `bad` holds.
fn received_as_text(input: &RecordBatch, bad: impl Fn(usize) -> bool, text: &str) -> ArrayRef {
    let received = input.column(0).as_primitive::<Date32Type>();
    let texts: StringArray = (0..input.num_rows())
        .map(|i| {
            Some(if bad(i) {
                text.to_string()
            } else {
                from_days(received.value(i)).unwrap().to_string()
            })
        })
        .collect();
    Arc::new(texts)
}

/// `responsibility` of `input`, `class` instead in the rows where `bad` holds.
fn classes_with(input: &RecordBatch, bad: impl Fn(usize) -> bool, class: i8) -> ArrayRef {
    let classes = input.column(1).as_primitive::<Int8Type>();
    Arc::new(Int8Array::from_iter_values(
        (0..input.num_rows()).map(|i| if bad(i) { class } else { classes.value(i) }),
    ))
}

#[test]
fn every_row_is_what_feedback_status_says() {
    let input = sample(5_000);
    let as_of = "2026-01-20".parse::<NaiveDate>().unwrap();
    for policy in [
        json!({}),
        json!({"move_rest_day": false}),
        json!({"day_count": "working"}),
    ] {
        let out = register(json!({"as_of": "2026-01-20", "policy": policy}))
            .evaluate(&input, 0)
            .unwrap();
        assert!(out.errors.is_empty());
        let p = Policy::from_value(&policy).unwrap();
        let received = input.column(0).as_primitive::<Date32Type>();
        let classes = input
            .column(1)
            .as_primitive::<arrow_array::types::Int8Type>();
        let fed = input.column(2).as_primitive::<Date32Type>();
        for (i, got) in rows(&out.batch).into_iter().enumerate() {
            let class = Responsibility::from_digit(classes.value(i) as u64).unwrap();
            let fed_back = (!fed.is_null(i)).then(|| from_days(fed.value(i)).unwrap());
            let s = feedback_status(
                from_days(received.value(i)).unwrap(),
                class,
                fed_back,
                Some(as_of),
                &p,
            )
            .unwrap();
            assert_eq!(
                got,
                Some((s.deadline, s.status.name().to_string(), s.days as u32)),
                "row {i}"
            );
        }
    }
}

#[test]
fn parallel_parts_equal_one_pass() {
    let input = sample(600_000);
    let r = register(json!({"as_of": "2026-01-20"}));
    let whole = r.evaluate(&input, 0).unwrap().batch;
    let parts = r.evaluate_parallel(&input, 0, 3).unwrap();
    assert_eq!(parts.len(), 3);
    let batches: Vec<_> = parts.into_iter().map(|p| p.batch).collect();
    let joined = arrow_select_concat(&batches);
    assert_eq!(rows(&joined), rows(&whole));
}

/// The rows of several batches, in order (no arrow-select needed for a test).
fn arrow_select_concat(batches: &[RecordBatch]) -> RecordBatch {
    let mut deadline = Vec::new();
    let mut status = Vec::new();
    let mut days = Vec::new();
    for b in batches {
        deadline.extend(b.column(0).as_primitive::<Date32Type>().iter());
        status.extend(b.column(1).as_dictionary::<Int8Type>().keys().iter());
        days.extend(b.column(2).as_primitive::<UInt32Type>().iter());
    }
    let dict = batches[0]
        .column(1)
        .as_dictionary::<Int8Type>()
        .values()
        .clone();
    batch(vec![
        ("deadline", Arc::new(Date32Array::from(deadline))),
        (
            "status",
            Arc::new(DictionaryArray::new(Int8Array::from(status), dict)),
        ),
        ("days", Arc::new(arrow_array::UInt32Array::from(days))),
    ])
}

fn small(fed_back: ArrayRef) -> RecordBatch {
    batch(vec![
        (
            "received",
            Arc::new(Date32Array::from(vec![
                day("2008-09-25"),
                day("2008-12-01"),
            ])),
        ),
        ("responsibility", Arc::new(Int64Array::from(vec![1, 4]))),
        ("fed_back", fed_back),
    ])
}

#[test]
fn an_all_null_fed_back_column_of_any_type_is_not_fed_back() {
    let expected = vec![
        Some(("2008-10-06".parse().unwrap(), "overdue".to_string(), 86)),
        Some(("2009-01-12".parse().unwrap(), "open".to_string(), 12)),
    ];
    // A dictionary with no values (pyarrow's dictionary_encode of nulls, a polars
    // Categorical of nulls), a dictionary of nulls, Arrow's null type.
    let mut empty = StringDictionaryBuilder::<Int32Type>::new();
    empty.append_null();
    empty.append_null();
    let empty: DictionaryArray<Int32Type> = empty.finish();
    assert!(empty.values().is_empty());
    let of_nulls = DictionaryArray::<Int32Type>::try_new(
        arrow_array::Int32Array::from(vec![None, None]),
        Arc::new(NullArray::new(0)),
    )
    .unwrap();
    for column in [
        Arc::new(empty) as ArrayRef,
        Arc::new(of_nulls),
        Arc::new(NullArray::new(2)),
        Arc::new(Date32Array::from(vec![None, None])),
    ] {
        let out = register(json!({"as_of": "2008-12-31"}))
            .evaluate(&small(column), 0)
            .unwrap();
        assert_eq!(rows(&out.batch), expected);
    }
}

#[test]
fn an_all_null_dictionary_of_classes_is_missing_classes() {
    let mut empty = StringDictionaryBuilder::<Int32Type>::new();
    empty.append_null();
    empty.append_null();
    let input = batch(vec![
        (
            "received",
            Arc::new(Date32Array::from(vec![
                day("2008-09-25"),
                day("2008-12-01"),
            ])),
        ),
        ("responsibility", Arc::new(empty.finish())),
    ]);
    let r = register(json!({"as_of": "2008-12-31", "fed_back": null}));
    let e = r.evaluate(&input, 5).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e)),
        ("invalid_input", json!(["row", 5, "responsibility"]))
    );
}

fn bad_rows() -> RecordBatch {
    batch(vec![
        (
            "received",
            Arc::new(StringArray::from(vec![
                Some("2008-09-25"),
                None,
                Some("2008-9-25"),
                Some("2008-09-25"),
                Some("2008-09-25"),
                Some("2031-03-01"),
                Some("2009-01-05"),
            ])),
        ),
        (
            "responsibility",
            Arc::new(Int64Array::from(vec![
                Some(1),
                Some(1),
                Some(1),
                Some(-1),
                Some(1),
                Some(1),
                None,
            ])),
        ),
        (
            "fed_back",
            Arc::new(Date32Array::from(vec![
                None,
                None,
                None,
                None,
                Some(day("2008-09-24")),
                Some(day("2031-03-02")),
                None,
            ])),
        ),
    ])
}

#[test]
fn a_bad_row_is_an_error_at_its_row_and_column() {
    let expected = [
        (1, "invalid_input", "received"),
        (2, "invalid_date", "received"),
        (3, "invalid_responsibility", "responsibility"),
        (4, "feedback_before_receipt", "fed_back"),
        (5, "calendar_not_covered", "received"),
        (6, "invalid_input", "responsibility"),
    ];
    let r = register(json!({"as_of": "2026-01-20"}));
    let all = bad_rows();
    let e = r.evaluate(&all, 100).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e)),
        ("invalid_input", json!(["row", 101, "received"]))
    );
    assert_eq!(e.message(), "`row[101].received`: a missing value (null)");
    for (row, code, column) in expected {
        let one = all.slice(row, 1);
        let e = r.evaluate(&one, row).unwrap_err();
        assert_eq!(
            (e.code(), loc(&e)),
            (code, json!(["row", row, column])),
            "row {row}"
        );
    }
    let e = r.evaluate(&all.slice(3, 1), 0).unwrap_err();
    assert!(e.message().contains("`-1`"), "{}", e.message());
}

#[test]
fn errors_in_a_column() {
    let r = register(json!({"as_of": "2026-01-20", "errors": "column"}));
    let out = r.evaluate(&bad_rows(), 10).unwrap();
    let codes: Vec<_> = out
        .batch
        .column_by_name("error")
        .unwrap()
        .as_string::<i32>()
        .iter()
        .collect();
    assert_eq!(
        codes,
        [
            None,
            Some("invalid_input"),
            Some("invalid_date"),
            Some("invalid_responsibility"),
            Some("feedback_before_receipt"),
            Some("calendar_not_covered"),
            Some("invalid_input")
        ]
    );
    let got = rows(&out.batch);
    assert!(got[0].is_some() && got[1..].iter().all(Option::is_none));
    let locs: Vec<_> = out.errors.iter().map(loc).collect();
    assert_eq!(locs[0], json!(["row", 11, "received"]));
    assert_eq!(locs[5], json!(["row", 16, "responsibility"]));
}

#[test]
fn bad_columns_and_arguments() {
    let r = register(json!({"as_of": "2026-01-20"}));
    let input = sample(3);
    let e = r
        .evaluate(&batch(vec![("received", input.column(0).clone())]), 0)
        .unwrap_err();
    assert_eq!(
        (e.code(), loc(&e)),
        ("invalid_input", json!(["responsibility"]))
    );
    let floats = batch(vec![
        ("received", input.column(0).clone()),
        (
            "responsibility",
            Arc::new(arrow_array::Float64Array::from(vec![1.0, 2.0, 3.0])),
        ),
        ("fed_back", input.column(2).clone()),
    ]);
    let e = r.evaluate(&floats, 0).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e)),
        ("invalid_input", json!(["responsibility"]))
    );
    let zoned = batch(vec![
        (
            "received",
            Arc::new(TimestampSecondArray::from(vec![0, 0, 0]).with_timezone("Asia/Shanghai")),
        ),
        ("responsibility", input.column(1).clone()),
        ("fed_back", input.column(2).clone()),
    ]);
    let e = r.evaluate(&zoned, 0).unwrap_err();
    assert_eq!((e.code(), loc(&e)), ("invalid_input", json!(["received"])));
    let keep = register(json!({"as_of": "2026-01-20", "keep": true}));
    let clash = batch(vec![
        ("received", input.column(0).clone()),
        ("responsibility", input.column(1).clone()),
        ("fed_back", input.column(2).clone()),
        ("days", input.column(1).clone()),
    ]);
    let e = keep.evaluate(&clash, 0).unwrap_err();
    assert_eq!((e.code(), loc(&e)), ("invalid_input", json!(["days"])));
    for (request, code, at) in [
        (
            json!({"as_of": "2026-02-30"}),
            "invalid_date",
            json!(["as_of"]),
        ),
        (json!({"as_of": 20260120}), "invalid_date", json!(["as_of"])),
        (json!({}), "invalid_input", json!(["as_of"])),
        (
            json!({"as_of": "2026-01-20", "errors": "ignore"}),
            "invalid_input",
            json!(["errors"]),
        ),
        (
            json!({"as_of": "2026-01-20", "nope": 1}),
            "invalid_input",
            json!(["nope"]),
        ),
        (
            json!({"as_of": "2026-01-20", "policy": {"nope": 1}}),
            "invalid_policy",
            json!(["policy", "nope"]),
        ),
    ] {
        let e = Register::from_request(&request).unwrap_err();
        assert_eq!((e.code(), loc(&e)), (code, at), "{request}");
    }
}

#[test]
fn keep_and_no_fed_back_column() {
    let input = sample(4);
    let r = Register::new(
        &Policy::banan_2008(),
        "2026-01-20".parse().unwrap(),
        Options {
            fed_back: None,
            keep: true,
            errors: OnError::Raise,
            ..Options::default()
        },
    )
    .unwrap();
    let out = r.evaluate(&input, 0).unwrap().batch;
    let names: Vec<_> = out
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names,
        [
            "received",
            "responsibility",
            "fed_back",
            "deadline",
            "status",
            "days"
        ]
    );
    assert!(rows(&out)
        .iter()
        .all(|r| r.as_ref().is_some_and(|r| r.1 == "overdue")));
}

/// Output memory is reused across calls (the pool): a failed row must not show what an
/// earlier call wrote there. Its values are 0 under the null, the others are fresh answers.
#[test]
fn reused_output_memory_holds_no_earlier_answer() {
    let n = 300_000; // over the pool's 1 MiB: the second call writes into the first's memory
    let input = sample(n);
    let r = register(json!({"as_of": "2026-01-20", "errors": "column"}));
    let first = r.evaluate(&input, 0).unwrap();
    let expected = rows(&first.batch);
    drop(first);
    let received = input.column(0).as_primitive::<Date32Type>();
    let fed = input.column(2).as_primitive::<Date32Type>();
    let bad_class = |i: usize| i % 1000 == 0;
    let bad_fed = |i: usize| i % 777 == 1;
    let bad = batch(vec![
        ("received", input.column(0).clone()),
        ("responsibility", classes_with(&input, bad_class, 9)),
        (
            "fed_back",
            Arc::new(Date32Array::from_iter((0..n).map(|i| {
                if bad_fed(i) {
                    Some(received.value(i) - 1)
                } else {
                    fed.is_valid(i).then(|| fed.value(i))
                }
            }))),
        ),
    ]);
    let out = r.evaluate(&bad, 0).unwrap();
    assert_eq!(
        out.errors.len(),
        (0..n).filter(|&i| bad_class(i) || bad_fed(i)).count()
    );
    let got = rows(&out.batch);
    let deadline = out.batch.column(0).as_primitive::<Date32Type>().values();
    let keys = out
        .batch
        .column(1)
        .as_dictionary::<Int8Type>()
        .keys()
        .values();
    let days = out.batch.column(2).as_primitive::<UInt32Type>().values();
    for i in 0..n {
        if bad_class(i) || bad_fed(i) {
            assert_eq!(
                (got[i].clone(), deadline[i], keys[i], days[i]),
                (None, 0, 0, 0),
                "row {i}"
            );
        } else {
            assert_eq!(got[i], expected[i], "row {i}");
        }
    }
}

/// The validity of `fed_back` is read 64 rows at a time from the row where a stretch of
/// readable rows starts: a batch sliced at an odd row, and stretches cut short by
/// unreadable dates, give every other row the answer of the whole batch.
#[test]
fn odd_offsets_and_short_stretches_read_the_right_validity_bits() {
    let whole = sample(10_000);
    let r = register(json!({"as_of": "2026-01-20", "errors": "column"}));
    let expected = rows(&r.evaluate(&whole, 0).unwrap().batch);
    for (at, len) in [(37, 9_000), (1, 63), (64, 65), (129, 9_871)] {
        let part = rows(&r.evaluate(&whole.slice(at, len), 0).unwrap().batch);
        assert_eq!(part, expected[at..at + len], "slice {at}+{len}");
    }
    let unreadable = |i: usize| i % 101 == 7 || i % 67 == 3;
    let cut = batch(vec![
        (
            "received",
            received_as_text(&whole, unreadable, "not a date"),
        ),
        ("responsibility", whole.column(1).clone()),
        ("fed_back", whole.column(2).clone()),
    ]);
    let got = rows(&r.evaluate(&cut.slice(5, 9_990), 0).unwrap().batch);
    for (k, row) in got.iter().enumerate() {
        let i = k + 5;
        let want = if unreadable(i) {
            None
        } else {
            expected[i].clone()
        };
        assert_eq!(*row, want, "row {i}");
    }
}

/// One batch shared between threads: the same batch, the same errors in the same order,
/// and the same first bad row raised, as from one thread.
#[test]
fn threads_writing_one_batch_answer_as_one_thread() {
    let n = 600_000; // three parts of 200 000 rows on three threads
    let input = sample(n);
    // Unreadable dates (found before the loop) and bad classes (found in it), in every part.
    let unreadable = |i: usize| i % 99_991 == 5;
    let bad_class = |i: usize| i % 70_001 == 11;
    let bad = batch(vec![
        (
            "received",
            received_as_text(&input, unreadable, "2009-02-30"),
        ),
        ("responsibility", classes_with(&input, bad_class, 0)),
        ("fed_back", input.column(2).clone()),
    ]);
    let column = register(json!({"as_of": "2026-01-20", "errors": "column"}));
    let one = column.evaluate(&bad, 7).unwrap();
    for threads in [3, 8] {
        let shared = column.evaluate_threads(&bad, 7, threads).unwrap();
        assert_eq!(shared.batch, one.batch, "{threads} threads");
        assert_eq!(shared.errors, one.errors, "{threads} threads");
    }
    let failed = (0..n).filter(|&i| unreadable(i) || bad_class(i)).count();
    assert_eq!(one.errors.len(), failed);
    let raise = register(json!({"as_of": "2026-01-20"}));
    for threads in [1, 3] {
        let e = raise.evaluate_threads(&bad, 7, threads).unwrap_err();
        assert_eq!(
            (e.code(), loc(&e)),
            ("invalid_date", json!(["row", 12, "received"])),
            "{threads} threads"
        );
        let later = bad.slice(300_000, 300_000);
        let e = raise
            .evaluate_threads(&later, 300_000, threads)
            .unwrap_err();
        let first = (300_000..n)
            .find(|&i| unreadable(i) || bad_class(i))
            .unwrap();
        assert_eq!(loc(&e)[1], json!(first), "{threads} threads");
    }
}

/// `sample` as a NumPy host hands it over: `timestamp[ns]` without a validity bitmap, a
/// missing feedback day as `i64::MIN` (`NaT`).
fn as_numpy(input: &RecordBatch) -> RecordBatch {
    let ns = |days: &Date32Array| -> ArrayRef {
        let values = (0..days.len()).map(|i| {
            if days.is_null(i) {
                i64::MIN
            } else {
                i64::from(days.value(i)) * 86_400_000_000_000
            }
        });
        Arc::new(TimestampNanosecondArray::from_iter_values(values))
    };
    batch(vec![
        ("received", ns(input.column(0).as_primitive::<Date32Type>())),
        ("responsibility", Arc::clone(input.column(1))),
        ("fed_back", ns(input.column(2).as_primitive::<Date32Type>())),
    ])
}

/// A NumPy host's answer (`deadline` in milliseconds, `status` as keys) as `rows` reads
/// the usual one.
fn numpy_rows(out: &RecordBatch) -> Vec<Option<(NaiveDate, String, u32)>> {
    let field = out.schema().field_with_name("status").unwrap().clone();
    let names: Vec<String> = serde_json::from_str(&field.metadata()["categories"]).unwrap();
    let deadline = out.column(0).as_primitive::<TimestampMillisecondType>();
    let keys = out.column(1).as_primitive::<Int8Type>();
    let days = out.column(2).as_primitive::<UInt32Type>();
    (0..out.num_rows())
        .map(|i| {
            (!deadline.is_null(i)).then(|| {
                let ms = deadline.value(i);
                assert_eq!(ms % 86_400_000, 0, "row {i}: a deadline at midnight");
                let day = from_days(i32::try_from(ms / 86_400_000).unwrap()).unwrap();
                (day, names[keys.value(i) as usize].clone(), days.value(i))
            })
        })
        .collect()
}

#[test]
fn a_numpy_host_gets_the_same_rows_with_nat_as_missing_in_one_batch() {
    let input = sample(700_000);
    let usual = register(json!({"as_of": "2026-01-20"}));
    let expected = rows(&usual.evaluate(&input, 0).unwrap().batch);
    let numpy = register(json!({"as_of": "2026-01-20", "numpy": true}));
    let stamps = as_numpy(&input);
    for threads in [1, 3] {
        let out = numpy.evaluate_parallel(&stamps, 0, threads).unwrap();
        assert_eq!(out.len(), 1, "one batch on {threads} threads");
        let schema = out[0].batch.schema();
        let ms = DataType::Timestamp(TimeUnit::Millisecond, None);
        assert_eq!(schema.field(0).data_type(), &ms);
        assert_eq!(schema.field(1).data_type(), &DataType::Int8);
        assert_eq!(numpy_rows(&out[0].batch), expected, "{threads} threads");
    }
    // Without the option a NaT is a value, and not a day.
    let e = usual.evaluate(&stamps, 0).unwrap_err();
    assert_eq!(e.code(), "invalid_date");
    let first_nat = input
        .column(2)
        .logical_nulls()
        .unwrap()
        .iter()
        .position(|v| !v);
    assert_eq!(loc(&e), json!(["row", first_nat.unwrap(), "fed_back"]));
}

#[test]
fn a_numpy_host_gets_nat_received_and_a_time_of_day_as_errors_at_their_rows() {
    let input = as_numpy(&sample(300_000));
    let mut received: Vec<i64> = input
        .column(0)
        .as_primitive::<TimestampNanosecondType>()
        .values()
        .to_vec();
    received[270_001] = i64::MIN;
    received[280_002] += 3_600_000_000_000;
    let bad = batch(vec![
        (
            "received",
            Arc::new(TimestampNanosecondArray::from(received)),
        ),
        ("responsibility", Arc::clone(input.column(1))),
        ("fed_back", Arc::clone(input.column(2))),
    ]);
    let raise = register(json!({"as_of": "2026-01-20", "numpy": true}));
    let e = raise.evaluate_threads(&bad, 10, 2).unwrap_err();
    assert_eq!(
        (e.code(), loc(&e)),
        ("invalid_input", json!(["row", 270_011, "received"]))
    );
    let column = register(json!({"as_of": "2026-01-20", "numpy": true, "errors": "column"}));
    let out = column.evaluate_threads(&bad, 0, 2).unwrap();
    let codes: Vec<_> = out.errors.iter().map(|e| (e.code(), loc(e))).collect();
    assert_eq!(
        codes,
        [
            ("invalid_input", json!(["row", 270_001, "received"])),
            ("invalid_date", json!(["row", 280_002, "received"])),
        ]
    );
    let keys = out.batch.column(1).as_primitive::<Int8Type>();
    assert_eq!(keys.null_count(), 2);
    assert!(keys.is_null(270_001) && keys.is_null(280_002));
}
