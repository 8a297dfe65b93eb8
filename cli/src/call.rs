//! `liaison call`: the contract on stdin and stdout, for PHP, shell scripts and batch jobs.
//!
//! - `liaison call OP [FILE|-]` reads one request (a JSON object) and writes its answer,
//!   one line of JSON, exit 0; a coded error is written as `{"error": {…}}`, exit 1.
//! - `liaison call --lines [FILE|-]` reads JSON Lines, one `{"op": …, "request": …}` a line
//!   (`request` may be left out for `{}`), and writes one line per line read, in order:
//!   `{"answer": …}` or `{"error": {…}}`. A malformed line gives an error line, never an
//!   abort. An error's `loc` is its place in the line: `["request", "received"]`, `["op"]`.
//!   Exit 0 when every line was answered, 1 when some answers are errors.
//!
//! Exit 2 when the input itself cannot be read: no such file, not a regular file, a
//! request (or, with `--lines`, a line) over `--max-file-size`, text that is not UTF-8 (a
//! line that is not UTF-8 is an error line), or output that cannot be written. A request's
//! `dataset` may name a JSON file or a folder of CSV files (`Options { files: true }`).

use crate::args::CallArgs;
use crate::out::{invalid, is_dash, place, read_error, read_input, Out};
use clap::CommandFactory;
use liaison::api::{call_json, call_with, Options};
use liaison::error::{Detail, LocItem};
use liaison::{Error, ErrorKind};
use serde_json::{json, Value};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A usage error of `call`, as clap reports its own (exit 2).
fn usage_error(message: &str) -> clap::Error {
    let mut cli = crate::args::Cli::command();
    cli.build();
    match cli.find_subcommand_mut("call") {
        Some(call) => call.error(clap::error::ErrorKind::WrongNumberOfValues, message),
        None => cli.error(clap::error::ErrorKind::WrongNumberOfValues, message),
    }
}

pub fn call(a: &CallArgs) -> Result<ExitCode, Error> {
    let options = Options {
        files: true,
        max_file_bytes: a.max_file_size,
        ..Options::default()
    };
    let (op, input): (Option<&OsString>, Option<&OsString>) = match (a.lines, a.args.as_slice()) {
        (true, []) => (None, None),
        (true, [file]) => (None, Some(file)),
        (false, [op]) => (Some(op), None),
        (false, [op, file]) => (Some(op), Some(file)),
        (true, _) => {
            return Ok(clap_exit(&usage_error(
                "call --lines takes at most one FILE",
            )))
        }
        (false, _) => {
            return Ok(clap_exit(&usage_error(
                "call needs an operation: liaison call OP [FILE|-]",
            )))
        }
    };
    let input = input.map_or_else(|| PathBuf::from("-"), PathBuf::from);
    match op {
        None => lines(&input, a, &options),
        Some(op) => {
            let Some(op) = op.to_str() else {
                return Ok(clap_exit(&usage_error(
                    "OP must be the name of an operation",
                )));
            };
            let text = read_input(&input, a.max_file_size)?;
            let mut o = Out::open(a.output.as_deref())?;
            let status = match call_json(op, &text, &options) {
                Ok(answer) => {
                    o.line(&answer)?;
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    o.line(&error_line(&e))?;
                    ExitCode::from(1)
                }
            };
            o.flush()?;
            Ok(status)
        }
    }
}

fn clap_exit(e: &clap::Error) -> ExitCode {
    let _ = e.print();
    ExitCode::from(2)
}

/// How one line was read.
enum Line {
    /// The whole line (without its end).
    Text(Vec<u8>),
    /// A line longer than the limit, skipped to its end.
    TooLong,
}

/// Reads one line of at most `max` bytes; `None` at the end of the input.
fn read_line(r: &mut impl BufRead, max: u64) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, used, end) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (buf.get(..i).unwrap_or_default(), i + 1, true),
            None => (buf, buf.len(), false),
        };
        if !too_long {
            if (line.len() + chunk.len()) as u64 > max {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        r.consume(used);
        if end {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(Line::Text(line)))
}

fn lines(input: &Path, a: &CallArgs, options: &Options) -> Result<ExitCode, Error> {
    let source: Box<dyn Read> = if is_dash(input) {
        Box::new(io::stdin())
    } else {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, &e))?;
        if !meta.is_file() {
            return Err(ErrorKind::NotAFile.at(place(input)));
        }
        Box::new(File::open(input).map_err(|e| Error::io(input, &e))?)
    };
    let what = if is_dash(input) {
        LocItem::key("stdin")
    } else {
        place(input)
    };
    let mut reader = BufReader::with_capacity(1 << 16, source);
    let mut o = Out::open(a.output.as_deref())?;
    let mut errors = false;
    while let Some(line) =
        read_line(&mut reader, a.max_file_size).map_err(|e| read_error(what.clone(), &e))?
    {
        let reply = match line {
            Line::TooLong => Err(Error::new(ErrorKind::TooLarge {
                limit: a.max_file_size,
            })),
            Line::Text(bytes) => match String::from_utf8(bytes) {
                Ok(text) => answer_line(&text, options),
                Err(_) => Err(not_utf8_line()),
            },
        };
        match reply {
            Ok(answer) => o.json(&json!({ "answer": answer }), false)?,
            Err(e) => {
                errors = true;
                o.line(&error_line(&e))?;
            }
        }
        // Flush when no more input is waiting, so that a caller talking line by line
        // (a PHP `proc_open`, a coprocess) gets each answer at once.
        if reader.buffer().is_empty() {
            o.flush()?;
        }
        if o.closed() {
            break;
        }
    }
    o.flush()?;
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `{"error": {"code", "message", "message_zh", "loc", "rule"?}}`, the error's keys in the
/// order every host writes them.
fn error_line(e: &Error) -> String {
    format!(
        "{{\"error\":{}}}",
        serde_json::to_string(e).unwrap_or_default()
    )
}

fn not_utf8_line() -> Error {
    Error::new(ErrorKind::InvalidJson {
        detail: Detail::new("the line is not UTF-8 text", "该行不是 UTF-8 文本"),
        line: 1,
        column: 1,
    })
}

/// The answer to one line `{"op": …, "request": …}`; an error's place is in the line.
fn answer_line(text: &str, options: &Options) -> Result<Value, Error> {
    let Value::Object(mut envelope) = liaison::de::parse(text)? else {
        return Err(invalid(
            "a line is a JSON object {\"op\": ..., \"request\": ...}",
            "每行应为 JSON 对象 {\"op\": ..., \"request\": ...}",
        ));
    };
    let op = match envelope.remove("op") {
        Some(Value::String(op)) => op,
        Some(_) => {
            return Err(invalid(
                "must be the name of an operation, as text",
                "应为操作名称（文本）",
            )
            .at("op"))
        }
        None => return Err(invalid("missing key", "缺少该键").at("op")),
    };
    let request = envelope.remove("request").unwrap_or_else(|| json!({}));
    if let Some(key) = envelope.keys().next() {
        return Err(invalid(
            "unknown key: a line has only `op` and `request`",
            "未知的键：每行只有 `op` 和 `request`",
        )
        .at(key));
    }
    call_with(&op, &request, options).map_err(|e| {
        if e.code() == "unknown_operation" {
            e.at("op")
        } else {
            e.at("request")
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn all_lines(text: &[u8], max: u64) -> Vec<Option<Vec<u8>>> {
        let mut r = io::Cursor::new(text.to_vec());
        let mut out = Vec::new();
        while let Some(l) = read_line(&mut r, max).unwrap() {
            out.push(match l {
                Line::Text(t) => Some(t),
                Line::TooLong => None,
            });
        }
        out
    }

    #[test]
    fn lines_are_cut_at_their_end_and_limited() {
        assert_eq!(
            all_lines(b"a\r\nbb\n\nccc", 10),
            [
                Some(b"a".to_vec()),
                Some(b"bb".to_vec()),
                Some(vec![]),
                Some(b"ccc".to_vec())
            ]
        );
        assert_eq!(all_lines(b"12345\n12\n", 3), [None, Some(b"12".to_vec())]);
        assert!(all_lines(b"", 3).is_empty());
    }

    #[test]
    fn envelope_errors_are_placed_in_the_line() {
        let o = Options::default();
        let loc = |text: &str| {
            let e = answer_line(text, &o).unwrap_err();
            (e.code(), serde_json::to_value(e.loc()).unwrap())
        };
        assert_eq!(loc(r#"{"request": {}}"#), ("invalid_input", json!(["op"])));
        assert_eq!(loc(r#"{"op": 1}"#), ("invalid_input", json!(["op"])));
        assert_eq!(
            loc(r#"{"op": "nope"}"#),
            ("unknown_operation", json!(["op"]))
        );
        assert_eq!(
            loc(r#"{"op": "rules", "x": 1}"#),
            ("invalid_input", json!(["x"]))
        );
        assert_eq!(
            loc(r#"{"op": "deadline", "request": {"received": "2008-9-25", "responsibility": 1}}"#),
            ("invalid_date", json!(["request", "received"]))
        );
        assert_eq!(loc("[1]"), ("invalid_input", json!([])));
        assert_eq!(
            loc(r#"{"op": "a", "op": "b"}"#),
            ("invalid_json", json!([]))
        );
        assert_eq!(
            answer_line(
                r#"{"op": "grade", "request": {"satisfied": 91, "basically_satisfied": 9}}"#,
                &o
            )
            .unwrap(),
            json!("excellent")
        );
    }
}
