//! A mutation test of the example dataset through the command line (issue 11 item 14):
//! `examples/district.json` with values changed at random places — hostile values,
//! personal data, deleted and unknown keys, duplicated records, swapped values, and damaged
//! JSON text — checked with `liaison check` in every format. Whatever the input:
//!
//! - the exit status is 0, 1 or 2, never 101 (a panic) nor a signal;
//! - on 2, stderr holds a coded error (`error[code]: …` and `错误：…`);
//! - no personal marker (a name, a phone, an ID number, an address) reaches stderr.
//!
//! `LIAISON_MUTATIONS` sets the number of cases (200 by default, in `make test`; `make fuzz`
//! runs thousands) and `LIAISON_MUTATION_SEED` the seed (a failure prints both, and keeps
//! the file that failed).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Map, Value};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_liaison");

/// Personal data that must never reach a message (as core/tests/hostile.rs).
const MARKERS: [&str; 5] = [
    "张三丰",
    "13812345678",
    "023-66230226",
    "500113198001011234",
    "鱼洞街道新市街12号",
];

/// SplitMix64: small, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every place in a document: the path to each value below the root.
fn places(v: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                path.push(Step::Key(k.clone()));
                out.push(path.clone());
                places(child, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                path.push(Step::Index(i));
                out.push(path.clone());
                places(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut here = v;
    for step in path {
        here = match (step, here) {
            (Step::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Step::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(here)
}

/// A hostile value: edges of dates and numbers, personal data, wrong kinds, deep nesting.
fn hostile(rng: &mut Rng) -> Value {
    let marker = *rng.pick(&MARKERS);
    match rng.below(30) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1.5),
        5 => json!(1e300),
        6 => json!(u64::MAX),
        7 => json!(i64::MIN),
        8 => json!(""),
        9 => json!("2009-02-30"),
        10 => json!("2009-1-5"),
        11 => json!("0001-01-01"),
        12 => json!("9999-12-31"),
        13 => json!("2026-12-25"),
        14 => json!("2099-01-01"),
        15 => json!(marker),
        16 => json!(format!("{marker} {marker}")),
        17 => json!(13_812_345_678u64),
        18 => json!("x".repeat(10_000)),
        19 => json!([]),
        20 => json!({}),
        21 => json!({ marker: marker }),
        22 => json!([marker, 1, null]),
        23 => {
            let mut deep = json!(marker);
            for _ in 0..200 {
                deep = json!([deep]);
            }
            deep
        }
        24 => json!("within_remit"),
        25 => json!("village"),
        26 => json!("secretary"),
        27 => json!(rng.next() % 100_000),
        28 => json!("T0-V0"),
        _ => json!(format!("{}", rng.next())),
    }
}

/// One change at a random place.
fn mutate(doc: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    places(doc, &mut Vec::new(), &mut all);
    if all.is_empty() {
        *doc = hostile(rng);
        return;
    }
    let path = rng.pick(&all).clone();
    match rng.below(8) {
        // Delete the value from its object or list.
        0 => {
            let (last, parent) = path.split_last().unwrap();
            match (last, at(doc, parent)) {
                (Step::Key(k), Some(Value::Object(m))) => {
                    m.remove(k);
                }
                (Step::Index(i), Some(Value::Array(a))) if *i < a.len() => {
                    a.remove(*i);
                }
                _ => {}
            }
        }
        // Add an unknown key (a name) to an object.
        1 => {
            if let Some(Value::Object(m)) = at(doc, &path) {
                let key = (*rng.pick(&MARKERS)).to_string();
                m.insert(key, json!(1));
            } else if let Some(v) = at(doc, &path) {
                *v = hostile(rng);
            }
        }
        // Duplicate a record in its list (a duplicate id, twice the same visit).
        2 => {
            let (last, parent) = path.split_last().unwrap();
            if let (Step::Index(i), Some(Value::Array(a))) = (last, at(doc, parent)) {
                if let Some(item) = a.get(*i).cloned() {
                    a.push(item);
                }
            }
        }
        // Put another place's value here (an id of another list, a date as a count).
        3 => {
            let other = rng.pick(&all).clone();
            let value = at(doc, &other).cloned();
            if let (Some(value), Some(v)) = (value, at(doc, &path)) {
                *v = value;
            }
        }
        // Edit a text by one character.
        4 => {
            if let Some(v) = at(doc, &path) {
                if let Value::String(s) = v {
                    let mut chars: Vec<char> = s.chars().collect();
                    let c = *rng.pick(&['0', '9', '-', '张', ' ', '\u{0}', 'Z']);
                    if chars.is_empty() || rng.below(2) == 0 {
                        let i = rng.below(chars.len() + 1);
                        chars.insert(i.min(chars.len()), c);
                    } else {
                        let i = rng.below(chars.len());
                        chars[i] = c;
                    }
                    *s = chars.into_iter().collect();
                } else {
                    *v = hostile(rng);
                }
            }
        }
        // Empty a list or an object.
        5 => {
            if let Some(v) = at(doc, &path) {
                match v {
                    Value::Array(a) => a.clear(),
                    Value::Object(m) => *m = Map::new(),
                    _ => *v = hostile(rng),
                }
            }
        }
        // A hostile value.
        _ => {
            if let Some(v) = at(doc, &path) {
                *v = hostile(rng);
            }
        }
    }
}

/// Damage to the text itself: cut, a stray byte, a byte that is not UTF-8, a BOM, a key
/// given twice.
fn damage(text: &mut Vec<u8>, rng: &mut Rng) {
    let n = text.len().max(1);
    match rng.below(6) {
        0 => text.truncate(rng.below(n)),
        1 => {
            let i = rng.below(n);
            text.insert(i.min(text.len()), *rng.pick(b"{}[],:\"\\0-e"));
        }
        2 => {
            if !text.is_empty() {
                let i = rng.below(text.len());
                text[i] = 0xff;
            }
        }
        3 => {
            let mut with = vec![0xef, 0xbb, 0xbf];
            with.append(text);
            *text = with;
        }
        4 => {
            // A list given twice: the reader must refuse, not keep the last.
            let s = String::from_utf8_lossy(text).replacen('{', "{\"meetings\": [], ", 1);
            *text = s.into_bytes();
        }
        _ => {
            let i = rng.below(n).min(text.len());
            let marker = rng.pick(&MARKERS).as_bytes().to_vec();
            text.splice(i..i, marker);
        }
    }
}

/// Runs one case; `Err` says what went wrong.
fn run(file: &Path, format: &str) -> Result<(), String> {
    let mut child = Command::new(BIN)
        .args([
            "check",
            file.to_str().unwrap(),
            "--from",
            "2023-01-01",
            "--to",
            "2025-12-31",
            "--as-of",
            "2026-01-20",
            "--format",
            format,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let until = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > until {
            let _ = child.kill();
            let _ = child.wait();
            return Err("still running after 120 s".to_string());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = reader.join().unwrap();
    let code = status.code();
    if !matches!(code, Some(0..=2)) {
        return Err(format!("exit {status:?}\n{stderr}"));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Err(format!("a panic: {stderr}"));
    }
    if let Some(marker) = MARKERS.iter().find(|m| stderr.contains(*m)) {
        return Err(format!("`{marker}` reached stderr: {stderr}"));
    }
    match code {
        Some(2) => {
            if !(stderr.starts_with("error[")
                && stderr.contains("]: ")
                && stderr.contains("错误："))
            {
                return Err(format!("exit 2 without a coded error: {stderr:?}"));
            }
        }
        _ => {
            if stdout.is_empty() {
                return Err(format!("exit {code:?} with nothing written"));
            }
            if format == "json" {
                serde_json::from_slice::<Value>(&stdout)
                    .map_err(|e| format!("the report is not JSON: {e}"))?;
            }
        }
    }
    Ok(())
}

fn env_number(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

#[test]
fn mutated_example_datasets_never_crash_check() {
    let cases = env_number("LIAISON_MUTATIONS", 200);
    let seed = env_number("LIAISON_MUTATION_SEED", 2008);
    let example: Value = serde_json::from_slice(
        &std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/district.json"))
            .unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("liaison-mutation-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let formats = ["json", "table", "csv", "html", "xlsx"];
    let workers = 2u64;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (example, dir) = (&example, &dir);
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for case in (w..cases).step_by(workers as usize) {
                        let mut rng = Rng(seed ^ case.wrapping_mul(0x2545_f491_4f6c_dd1d));
                        let mut doc = example.clone();
                        for _ in 0..=rng.below(3) {
                            mutate(&mut doc, &mut rng);
                        }
                        let mut text = serde_json::to_vec_pretty(&doc).unwrap();
                        if rng.below(8) == 0 {
                            damage(&mut text, &mut rng);
                        }
                        let file = dir.join(format!("case-{case}.json"));
                        std::fs::write(&file, &text).unwrap();
                        let format = formats[case as usize % formats.len()];
                        match run(&file, format) {
                            Ok(()) => {
                                let _ = std::fs::remove_file(&file);
                            }
                            Err(why) => failures.push(format!(
                                "case {case} (LIAISON_MUTATION_SEED={seed}, --format {format}, file kept at {}): {why}",
                                file.display()
                            )),
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_mutations_reach_every_outcome() {
    // The mutations are not all refused at the door: some leave a dataset that is read and
    // checked (exit 1), some are bad input (exit 2). Twenty cases show both.
    let example: Value = serde_json::from_slice(
        &std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/district.json"))
            .unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("liaison-mutation-kinds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for case in 0..40u64 {
        let mut rng = Rng(7 ^ case.wrapping_mul(0x2545_f491_4f6c_dd1d));
        let mut doc = example.clone();
        mutate(&mut doc, &mut rng);
        let file = dir.join("case.json");
        std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
        let o = Command::new(BIN)
            .args([
                "check",
                file.to_str().unwrap(),
                "--from",
                "2023-01-01",
                "--to",
                "2025-12-31",
                "--as-of",
                "2026-01-20",
                "--format",
                "json",
            ])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        seen.insert(o.status.code());
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        seen.contains(&Some(1)) && seen.contains(&Some(2)),
        "{seen:?}"
    );
}
