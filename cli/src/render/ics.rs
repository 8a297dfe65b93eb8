//! The agenda as an RFC 5545 calendar, for a secretary's phone: one all-day `VEVENT` per
//! item on its due day.
//!
//! - Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character).
//! - `UID` is a hash of what the item is — rule, finding code, unit, subject and period —
//!   so it is the same on every run and a calendar that imports the file again updates its
//!   events instead of doubling them; the state and the days left may change, the UID does
//!   not.
//! - `DTSTAMP` is the time the file was written (UTC), or `SOURCE_DATE_EPOCH` when that is
//!   set (reproducible output).
//! - `DTSTART;VALUE=DATE` is the due day and `DTEND;VALUE=DATE` the day after (an all-day
//!   event); `TRANSP:TRANSPARENT`, so the day is not shown busy.
//! - `SUMMARY` is `rule: what is owed` in Chinese; `DESCRIPTION` says it in English with the
//!   item's ids (unit, subject, period, finding code), figures and state; `CATEGORIES` the
//!   rule and the state; `X-LIAISON-*` the ids, for a program.
//! - No personal data: the records hold ids only, and nothing else of them is written.
//!
//! An empty agenda is a calendar without events.

use super::agenda::state_name;
use liaison::{Agenda, AgendaItem};
use std::fmt::Write;

/// The longest line, in octets, without its CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// `text` escaped as an iCalendar TEXT value (§3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets, with its CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0usize;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// FNV-1a, 128 bits: a stable hash (the same on every run and platform).
fn fnv128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes
        .iter()
        .fold(OFFSET, |h, b| (h ^ u128::from(*b)).wrapping_mul(PRIME))
}

/// The item's UID: a hash of its rule, code, unit, subject and period.
pub fn uid(i: &AgendaItem) -> String {
    let key = [
        i.rule.as_str(),
        i.code.as_str(),
        i.unit.as_str(),
        i.subject.as_str(),
        i.period.label.as_str(),
        &i.period.start.to_string(),
        &i.period.end.to_string(),
    ]
    .join("\u{1f}");
    format!("{:032x}@liaison-rules", fnv128(key.as_bytes()))
}

/// `DTSTAMP`: now, or `SOURCE_DATE_EPOCH`, as `YYYYMMDDTHHMMSSZ`.
fn stamp() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

fn ymd(d: chrono::NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The agenda as an iCalendar file (`text/calendar`).
pub fn calendar(a: &Agenda, policy: &str) -> String {
    let mut out = String::with_capacity(512 + a.items.len() * 700);
    let stamp = stamp();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(
        &mut out,
        &format!(
            "PRODID:-//liaison-rules//liaison agenda {}//ZH",
            env!("CARGO_PKG_VERSION")
        ),
    );
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    let name = escape(&format!("联系服务群众待办 {}", a.as_of));
    push_line(&mut out, &format!("NAME:{name}"));
    push_line(&mut out, &format!("X-WR-CALNAME:{name}"));
    push_line(
        &mut out,
        &format!(
            "DESCRIPTION:{}",
            escape(&format!(
                "liaison agenda as of {}, {} days ahead (to {}), policy {}: {} items",
                a.as_of,
                a.horizon_days,
                a.until,
                policy,
                a.items.len()
            ))
        ),
    );
    for i in &a.items {
        event(&mut out, i, &stamp);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, i: &AgendaItem, stamp: &str) {
    let state = state_name(i.state);
    let next = i.due.succ_opt().unwrap_or(i.due);
    let mut description = String::new();
    let _ = write!(
        description,
        "{}: {}\nstate: {state}, due {}, {}\nunit {}, subject {}, period {} ({} to {})\nfinding if not done: {}; expected {}, done {}",
        i.rule,
        i.owed,
        i.due,
        if i.days_left < 0 {
            format!("{} days late", i.days_left.unsigned_abs())
        } else {
            format!("{} days left", i.days_left)
        },
        i.unit,
        i.subject,
        i.period.label,
        i.period.start,
        i.period.end,
        i.code,
        i.expected,
        i.actual
    );
    if i.provisional {
        description.push_str("\nprovisional: the due day rests on rest days guessed beyond the holiday calendar (A24)");
    }
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", uid(i)));
    push_line(out, &format!("DTSTAMP:{stamp}"));
    push_line(out, &format!("DTSTART;VALUE=DATE:{}", ymd(i.due)));
    push_line(out, &format!("DTEND;VALUE=DATE:{}", ymd(next)));
    push_line(
        out,
        &format!("SUMMARY:{}", escape(&format!("{}: {}", i.rule, i.owed_zh))),
    );
    push_line(out, &format!("DESCRIPTION:{}", escape(&description)));
    push_line(
        out,
        &format!("CATEGORIES:{},{}", escape(&i.rule), escape(state)),
    );
    push_line(out, "TRANSP:TRANSPARENT");
    push_line(out, &format!("X-LIAISON-RULE:{}", escape(&i.rule)));
    push_line(out, &format!("X-LIAISON-CODE:{}", escape(&i.code)));
    push_line(out, &format!("X-LIAISON-UNIT:{}", escape(&i.unit)));
    push_line(out, &format!("X-LIAISON-SUBJECT:{}", escape(&i.subject)));
    push_line(
        out,
        &format!("X-LIAISON-PERIOD:{}", escape(&i.period.label)),
    );
    push_line(out, &format!("X-LIAISON-STATE:{state}"));
    push_line(out, "END:VEVENT");
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "还需接待群众一次".repeat(12));
        push_line(&mut out, &line);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""));
        for (n, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "{n}: {} octets", l.len());
            if n > 0 && !l.is_empty() {
                assert!(l.starts_with(' '));
            }
        }
        let unfolded: String = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(fnv128(b""), 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d);
        // The published FNV-1a 128 test value.
        assert_eq!(fnv128(b"a"), 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964);
        assert_ne!(fnv128(b"a"), fnv128(b"b"));
    }
}
