//! `liaison explain`: why a deadline, a feedback status, a vote or a grade is what it is —
//! the contract's `explain` operation (docs/explain.md), printed for a person in Chinese
//! and English (each step with its rule id and the source's words), or the contract's
//! answer as JSON with `--format json`.
//!
//! Exit status: 0 explained; 2 bad arguments or input (the coded error on stderr).

use crate::args::{ExplainArgs, ExplainFormat, Explained};
use crate::input;
use crate::out::Out;
use crate::render::text::{pad, width};
use liaison::api::{Op, Options};
use liaison::explain::Explanation;
use liaison::{Error, ErrorKind, Loc, LocItem};
use serde_json::{json, Map, Value};
use std::fmt::Write as _;
use std::process::ExitCode;

/// The limit on a policy or calendar file read by `explain`.
const MAX_POLICY_BYTES: u64 = 64 * 1024 * 1024;

pub fn explain(a: &ExplainArgs) -> Result<ExitCode, Error> {
    let common = &a.common;
    input::one_stdin(
        common
            .policy
            .as_deref()
            .into_iter()
            .chain(common.calendar.iter().map(|p| p.as_path())),
    )?;
    let (op, mut request) = request(&a.what);
    if common.policy.is_some() || !common.calendar.is_empty() {
        let policy = input::policy(common.policy.as_deref(), &common.calendar, MAX_POLICY_BYTES)?;
        let policy = serde_json::to_value(&policy).map_err(|_| {
            Error::new(ErrorKind::Internal {
                detail: liaison::error::Detail::new(
                    "the policy cannot be written as JSON",
                    "无法将政策参数写为 JSON",
                ),
            })
        })?;
        request.insert("policy".to_string(), policy);
    }
    let value = Op::explain(
        &json!({"op": op, "request": Value::Object(request)}),
        &Options::default(),
    )
    .map_err(at_argument)?;
    let mut o = Out::stdout();
    match common.format {
        ExplainFormat::Json => o.json(&value, true)?,
        ExplainFormat::Text => {
            let explanation: Explanation = serde_json::from_value(value).map_err(|_| {
                Error::new(ErrorKind::Internal {
                    detail: liaison::error::Detail::new(
                        "an explanation cannot be read",
                        "无法读取解释",
                    ),
                })
            })?;
            o.line(&text(&a.what, &explanation))?;
        }
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The operation and its request (without the policy).
fn request(what: &Explained) -> (&'static str, Map<String, Value>) {
    let mut r = Map::new();
    let op = match what {
        Explained::Deadline {
            received,
            responsibility,
        } => {
            r.insert("received".into(), json!(received));
            r.insert("responsibility".into(), json!(responsibility));
            "deadline"
        }
        Explained::FeedbackStatus {
            received,
            responsibility,
            fed_back,
            as_of,
        } => {
            r.insert("received".into(), json!(received));
            r.insert("responsibility".into(), json!(responsibility));
            if let Some(d) = fed_back {
                r.insert("fed_back".into(), json!(d));
            }
            if let Some(d) = as_of {
                r.insert("as_of".into(), json!(d));
            }
            "feedback_status"
        }
        Explained::Vote {
            approve,
            disapprove,
            abstain,
            present,
            entitled,
        } => {
            r.insert("approve".into(), json!(approve));
            r.insert("disapprove".into(), json!(disapprove));
            r.insert("abstain".into(), json!(abstain));
            if let Some(n) = present {
                r.insert("present".into(), json!(n));
            }
            if let Some(n) = entitled {
                r.insert("entitled".into(), json!(n));
            }
            "decide_vote"
        }
        Explained::Grade {
            satisfied,
            basically_satisfied,
            dissatisfied,
        } => {
            r.insert("satisfied".into(), json!(satisfied));
            r.insert("basically_satisfied".into(), json!(basically_satisfied));
            r.insert("dissatisfied".into(), json!(dissatisfied));
            "grade"
        }
    };
    (op, r)
}

/// The place of an error in the request, as the command line names it: `RECEIVED`,
/// `--as-of`.
fn at_argument(e: Error) -> Error {
    let items = e.loc().items();
    let rest = match items.split_first() {
        Some((LocItem::Key(first), rest)) if first == "request" => rest,
        _ => items,
    };
    let Some((LocItem::Key(key), rest)) = rest.split_first() else {
        return e;
    };
    let name = match key.as_str() {
        "received" => "RECEIVED",
        "responsibility" => "RESPONSIBILITY",
        "fed_back" => "--fed-back",
        "as_of" => "--as-of",
        "present" => "--present",
        "entitled" => "--entitled",
        "policy" => "--policy",
        _ => return e,
    };
    let loc = Loc(std::iter::once(LocItem::key(name))
        .chain(rest.iter().cloned())
        .collect());
    e.with_loc(loc)
}

/// A value of an answer in Chinese and English.
fn word(value: &str) -> String {
    let zh = match value {
        "on_time" => "按时反馈",
        "late" => "逾期反馈",
        "open" => "办理中，未到时限",
        "overdue" => "超过时限，尚未反馈",
        "adopted" => "列为承诺内容",
        "rejected" => "不列为承诺内容，重新拟定",
        "not_adopted" => "不列为承诺内容（A4）",
        "no_quorum" => "到会人数不足，表决无效（A15）",
        "excellent" => "优秀",
        "qualified" => "合格",
        "undetermined" => "无法定等（A3）",
        "unqualified" => "不合格",
        _ => "",
    };
    if zh.is_empty() {
        value.to_string()
    } else {
        format!("{zh} {value}")
    }
}

/// The answer for a person: a date, an outcome, or a feedback status.
fn answer_text(answer: &Value) -> String {
    match answer {
        Value::String(s) => word(s),
        Value::Object(m) => {
            let get = |k: &str| {
                m.get(k)
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            };
            let deadline = get("deadline").unwrap_or_default();
            let status = get("status").unwrap_or_default();
            let days = get("days").unwrap_or_default();
            let days_zh = match status.as_str() {
                "on_time" => format!("提前 {days} 天"),
                "late" => format!("逾期 {days} 天"),
                "open" => format!("剩余 {days} 天"),
                "overdue" => format!("已超期 {days} 天"),
                _ => format!("{days} 天"),
            };
            format!(
                "{}，时限 {deadline}，{days_zh}\n            status {status}, deadline {deadline}, {days} days",
                word(&status)
            )
        }
        other => other.to_string(),
    }
}

/// The request as the person typed it.
fn asked(what: &Explained) -> (String, String) {
    match what {
        Explained::Deadline {
            received,
            responsibility,
        } => (
            format!("办结时限：收到 {received}，类别 {responsibility}"),
            format!("deadline: received {received}, responsibility {responsibility}"),
        ),
        Explained::FeedbackStatus {
            received,
            responsibility,
            fed_back,
            as_of,
        } => {
            let mut zh = format!("反馈情况：收到 {received}，类别 {responsibility}");
            let mut en =
                format!("feedback status: received {received}, responsibility {responsibility}");
            if let Some(d) = fed_back {
                let _ = write!(zh, "，反馈 {d}");
                let _ = write!(en, ", fed back {d}");
            }
            if let Some(d) = as_of {
                let _ = write!(zh, "，截至 {d}");
                let _ = write!(en, ", as of {d}");
            }
            (zh, en)
        }
        Explained::Vote {
            approve,
            disapprove,
            abstain,
            present,
            entitled,
        } => {
            let mut zh = format!("承诺事项表决：同意 {approve}，不同意 {disapprove}，弃权 {abstain}");
            let mut en = format!(
                "commitment vote: approve {approve}, disapprove {disapprove}, abstain {abstain}"
            );
            if let (Some(p), Some(e)) = (present, entitled) {
                let _ = write!(zh, "，应到 {e}，实到 {p}");
                let _ = write!(en, ", {p} present of {e} entitled");
            }
            (zh, en)
        }
        Explained::Grade {
            satisfied,
            basically_satisfied,
            dissatisfied,
        } => (
            format!("满意度测评：满意 {satisfied}，基本满意 {basically_satisfied}，不满意 {dissatisfied}"),
            format!(
                "satisfaction ballot: satisfied {satisfied}, basically satisfied {basically_satisfied}, dissatisfied {dissatisfied}"
            ),
        ),
    }
}

/// The explanation for a person: what was asked, the answer, then each step with its
/// rule id, in Chinese then English, and the source's words.
pub fn text(what: &Explained, e: &Explanation) -> String {
    let mut s = String::new();
    let (zh, en) = asked(what);
    let _ = writeln!(s, "{zh}\n{en}\n");
    let _ = writeln!(s, "结论 Answer: {}\n", answer_text(&e.answer));
    let _ = writeln!(s, "依据 Steps:");
    let rule_width = e.steps.iter().map(|st| width(&st.rule)).max().unwrap_or(0) + 2;
    let number_width = e.steps.len().to_string().len();
    for (i, step) in e.steps.iter().enumerate() {
        let n = i + 1;
        let indent = " ".repeat(number_width + 2 + rule_width + 1);
        let _ = writeln!(
            s,
            "{n:>number_width$}. {} {}",
            pad(&format!("[{}]", step.rule), rule_width),
            step.text_zh
        );
        let _ = writeln!(s, "{indent}{}", step.text);
        if let Some(words) = &step.words {
            let _ = writeln!(s, "{indent}原文 source: 「{words}」");
        }
    }
    if e.steps.is_empty() {
        let _ = writeln!(s, "   （无步骤 no steps）");
    }
    s
}
