//! The report as a table, CSV, HTML or a workbook; the agenda as a table, CSV, HTML or a
//! calendar; a dataset as a folder of CSV files.

pub mod agenda;
mod dataset_csv;
pub mod findings;
mod html;
pub mod ics;
pub mod text;
mod xlsx;

pub use dataset_csv::write_csv_dir;
pub use html::html;
pub use xlsx::xlsx;

use liaison::Report;
use std::fmt::Write;

/// `met / judged` as a percentage with one decimal, from the per-mille figure.
pub fn rate(permille: Option<u64>) -> String {
    permille.map_or_else(|| "—".to_string(), |p| format!("{}.{}%", p / 10, p % 10))
}

pub fn table(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "liaison check — {}", r.policy);
    let _ = writeln!(
        s,
        "range {}..{}, records as of {}\n",
        r.start, r.end, r.as_of
    );
    let _ = writeln!(
        s,
        "{:<6} {:>8} {:>8} {:>8} {:>11} {:>7}",
        "rule", "judged", "met", "not met", "not judged", "rate"
    );
    for t in &r.by_rule {
        let _ = writeln!(
            s,
            "{:<6} {:>8} {:>8} {:>8} {:>11} {:>7}",
            t.key,
            t.judged,
            t.met,
            t.not_met,
            t.not_judged,
            rate(t.rate_permille)
        );
    }
    let _ = writeln!(s, "\nfindings: {}", r.findings.len());
    for f in &r.findings {
        let _ = writeln!(
            s,
            "{:<5} {:<12} {:<24} {}\n      {}",
            f.rule, f.unit, f.period.label, f.message_zh, f.message
        );
    }
    if r.all_met() {
        let _ = writeln!(s, "every judged rule is met");
    }
    s
}

pub fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

pub fn csv(r: &Report) -> String {
    let mut s = String::from("rule,code,unit,subject,period,period_start,period_end,expected,actual,message,message_zh\n");
    for f in &r.findings {
        let cells = [
            f.rule.clone(),
            f.code.clone(),
            f.unit.clone(),
            f.subject.clone(),
            f.period.label.clone(),
            f.period.start.to_string(),
            f.period.end.to_string(),
            f.expected.to_string(),
            f.actual.to_string(),
            f.message.clone(),
            f.message_zh.clone(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        s.push_str(&line.join(","));
        s.push('\n');
    }
    s
}
