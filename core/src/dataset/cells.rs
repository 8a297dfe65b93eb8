//! One cell of a CSV file or a worksheet, read into the canonical JSON value the record
//! types read: what clerks type (`2009/1/5`, `村`, `是`, yuan) becomes the one form of
//! `docs/dataset.md`, unless the reading is strict. Errors have no place: the sheet reader
//! puts them at their file, line and column.

use super::labels::{grade_forms, responsibility_forms, Choices, Kind};
use crate::error::{Detail, Shown};
use crate::{Error, ErrorKind, Grade, Responsibility, Result};
use chrono::{Datelike, NaiveDate};
use serde_json::Value;

/// A cell as a file holds it.
#[derive(Debug, Clone, PartialEq)]
// Without the `office` feature only CSV text is read: the worksheet kinds are unused.
#[cfg_attr(not(feature = "office"), allow(dead_code))]
pub(crate) enum Cell {
    /// Nothing, or only spaces.
    Empty,
    /// Text (every CSV cell).
    Text(String),
    /// A whole number of a worksheet.
    Int(i64),
    /// A number of a worksheet.
    Float(f64),
    /// A boolean of a worksheet.
    Bool(bool),
    /// A date cell of a worksheet: the day, or none when the cell is not a whole day in
    /// 0001–9999 (a time of day, a duration, Excel's 1900-02-29).
    Date(Option<NaiveDate>),
    /// A worksheet's error value (`#N/A`, `#REF!`, …).
    Error,
}

impl Cell {
    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a message may show it (see [`Shown`]).
    fn shown(&self) -> Shown {
        match self {
            Cell::Empty => Shown::json(&Value::Null),
            Cell::Text(t) => Shown::text(t.trim()),
            Cell::Int(i) => Shown::text(&i.to_string()),
            Cell::Float(f) => Shown::text(&f.to_string()),
            Cell::Bool(b) => Shown::json(&Value::Bool(*b)),
            Cell::Date(Some(d)) => Shown::text(&d.to_string()),
            Cell::Date(None) => Shown::text("date-cell"),
            Cell::Error => Shown::text("#error"),
        }
    }

    /// A whole number held by a number cell.
    fn whole(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            // Exact: every whole f64 of magnitude below 2^53 is an i64.
            Cell::Float(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => {
                Some(*f as i64)
            }
            _ => None,
        }
    }
}

fn input(en: String, zh: String) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
}

/// `value` is not `what`: write one of `expected`.
fn not_a(cell: &Cell, what: (&str, &str), expected: (String, String)) -> Error {
    let v = cell.shown();
    input(
        format!("{v} is not {}: write {}", what.0, expected.0),
        format!("{v:#} 不是有效的{}：应为{}", what.1, expected.1),
    )
}

/// Reads a cell of a column of `kind`: `None` for an empty cell, else the value of the
/// record's field.
///
/// # Errors
/// `invalid_date`, `invalid_count`, `invalid_responsibility`, `invalid_grade`, or
/// `invalid_input` saying the expected form; no place.
pub(crate) fn read(cell: &Cell, kind: Kind, strict: bool) -> Result<Option<Value>> {
    if cell.is_empty() {
        return Ok(None);
    }
    if *cell == Cell::Error {
        return Err(input(
            "an Excel error value (#N/A, #REF!, …) where a value is expected".into(),
            "单元格为 Excel 错误值（#N/A、#REF! 等），应为数据".into(),
        ));
    }
    let value = match kind {
        Kind::Text => text(cell)?,
        Kind::Date => Value::String(date(cell, strict)?.format("%Y-%m-%d").to_string()),
        Kind::Bool => Value::Bool(boolean(cell, strict)?),
        Kind::Count => Value::from(count(cell)?),
        Kind::Year => Value::from(year(cell, strict)?),
        Kind::Yuan => Value::from(yuan(cell)?),
        Kind::Choice(choices) => Value::String(choice(cell, choices, strict)?.to_string()),
        Kind::Responsibility => Value::String(responsibility(cell)?.name().to_string()),
        Kind::Grade => Value::String(grade(cell)?.name().to_string()),
    };
    Ok(Some(value))
}

/// An id or a reference: text as written, a whole number as its digits.
fn text(cell: &Cell) -> Result<Value> {
    match cell {
        Cell::Text(t) => Ok(Value::String(t.trim().to_string())),
        Cell::Int(i) => Ok(Value::String(i.to_string())),
        Cell::Float(f) => Ok(Value::String(match cell.whole() {
            Some(n) => n.to_string(),
            None => f.to_string(),
        })),
        Cell::Bool(_) | Cell::Date(_) | Cell::Empty | Cell::Error => Err(input(
            "a date or a true/false cell where a text (an id) is expected".into(),
            "应为文本（编号），实为日期或是/否单元格".into(),
        )),
    }
}

/// A date: a date cell, ISO `YYYY-MM-DD` text, or unless `strict` `2009-1-5`, `2009/1/5`,
/// `2009.1.5` and `2009年1月5日`.
fn date(cell: &Cell, strict: bool) -> Result<NaiveDate> {
    let bad = || Error::new(ErrorKind::InvalidDate);
    match cell {
        Cell::Date(day) => day.ok_or_else(bad),
        Cell::Text(t) if strict => crate::de::parse_date(t.trim()),
        Cell::Text(t) => clerk_date(t.trim()).ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// `Y-M-D`, `Y/M/D`, `Y.M.D` or `Y年M月D日`: a four-digit year, a month and a day of one
/// or two digits, a real day from 0001-01-01.
pub(crate) fn clerk_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = if let Some(rest) = text.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        vec![y, m, d]
    } else {
        let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        text.split(sep).collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = i32::try_from(digits(y, 4..=4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(m, 1..=2)?, digits(d, 1..=2)?).filter(|d| d.year() >= 1)
}

/// True or false: a boolean cell, `true`/`false`, or unless `strict` also `1`/`0`,
/// `yes`/`no`, `y`/`n` (any case) and `是`/`否`.
fn boolean(cell: &Cell, strict: bool) -> Result<bool> {
    let found = match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Text(t) if strict => match t.trim() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        Cell::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "是" => Some(true),
            "false" | "0" | "no" | "n" | "否" => Some(false),
            _ => None,
        },
        Cell::Int(_) | Cell::Float(_) if !strict => match cell.whole() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        _ => None,
    };
    found.ok_or_else(|| {
        let expected = if strict {
            ("true or false".to_string(), "true 或 false".to_string())
        } else {
            (
                "true or false, 是 or 否, 1 or 0, yes or no".to_string(),
                "true 或 false、是或否、1 或 0、yes 或 no".to_string(),
            )
        };
        not_a(cell, ("true or false", "是/否值"), expected)
    })
}

/// A non-negative whole number.
fn count(cell: &Cell) -> Result<u64> {
    let n = match cell {
        Cell::Text(t) => {
            let t = t.trim();
            t.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| t.parse::<u64>().ok())
                .flatten()
        }
        _ => cell.whole().and_then(|n| u64::try_from(n).ok()),
    };
    n.ok_or_else(|| Error::new(ErrorKind::InvalidCount))
}

/// A year: a whole number, or unless `strict` also `2009年`.
fn year(cell: &Cell, strict: bool) -> Result<i64> {
    let n = match cell {
        Cell::Text(t) => {
            let t = t.trim();
            let t = if strict {
                t
            } else {
                t.strip_suffix('年').unwrap_or(t)
            };
            t.parse::<i64>().ok()
        }
        _ => cell.whole(),
    };
    n.ok_or_else(|| {
        let expected = if strict {
            ("a whole number such as 2009", "整数，如 2009")
        } else {
            (
                "a whole number such as 2009 or 2009年",
                "整数，如 2009 或 2009年",
            )
        };
        not_a(
            cell,
            ("a year", "年度"),
            (expected.0.to_string(), expected.1.to_string()),
        )
    })
}

/// Yuan with at most two decimals, in fen: `185.67`, `¥185.67`, `185.67元`, `185`, or a
/// number cell. Exact decimal arithmetic on the digits; a number cell is read from the
/// shortest decimal that is the same number, which is what was typed.
fn yuan(cell: &Cell) -> Result<u64> {
    let fen = match cell {
        Cell::Text(t) => yuan_text(t),
        Cell::Int(_) | Cell::Float(_) => match cell.whole() {
            Some(n) => u64::try_from(n).ok().and_then(|n| n.checked_mul(100)),
            None => match cell {
                Cell::Float(f) => yuan_text(&f.to_string()),
                _ => None,
            },
        },
        _ => None,
    };
    fen.ok_or_else(|| {
        not_a(
            cell,
            ("an amount in yuan", "金额（元）"),
            (
                "yuan with at most two decimals, such as 185.67".to_string(),
                "最多两位小数的元金额，如 185.67".to_string(),
            ),
        )
    })
}

/// The fen of yuan text, none unless it is digits with at most two decimals.
pub(crate) fn yuan_text(text: &str) -> Option<u64> {
    let t = text.trim();
    let t = t
        .strip_prefix('¥')
        .or_else(|| t.strip_prefix('￥'))
        .unwrap_or(t);
    let t = t.strip_suffix('元').unwrap_or(t).trim();
    let (whole, cents) = match t.split_once('.') {
        Some((w, c)) => (w, c),
        None => (t, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !all_digits(whole)
        || !all_digits(cents)
        || cents.len() > 2
        || (t.contains('.') && cents.is_empty())
    {
        return None;
    }
    let cents = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().ok()?.checked_mul(10)?,
        _ => cents.parse::<u64>().ok()?,
    };
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

/// A name of `choices`, or unless `strict` one of their labels.
fn choice(cell: &Cell, choices: &'static Choices, strict: bool) -> Result<&'static str> {
    match cell {
        Cell::Text(t) => choices.find(t.trim(), strict),
        _ => None,
    }
    .ok_or_else(|| not_a(cell, choices.what, choices.expected(strict)))
}

/// A "1234" class as the core reads it (name, digit or label), in every mode.
fn responsibility(cell: &Cell) -> Result<Responsibility> {
    match cell {
        Cell::Text(t) => t.parse(),
        _ => match cell.whole().and_then(|n| u64::try_from(n).ok()) {
            Some(d) => Responsibility::from_digit(d),
            None => Err(not_a(
                cell,
                ("a responsibility class", "办理类别"),
                responsibility_forms(),
            )),
        },
    }
}

/// A grade as the core reads it (name or label), in every mode.
fn grade(cell: &Cell) -> Result<Grade> {
    match cell {
        Cell::Text(t) => t.parse(),
        _ => Err(not_a(cell, ("a grade", "等次"), grade_forms())),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::dataset::labels::LEVEL;
    use serde_json::json;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn clerk_dates() {
        let day = NaiveDate::from_ymd_opt(2009, 1, 5);
        for s in [
            "2009-01-05",
            "2009-1-5",
            "2009/1/5",
            "2009/01/05",
            "2009.1.5",
            "2009年1月5日",
            "2009年01月05日",
        ] {
            assert_eq!(clerk_date(s), day, "{s}");
        }
        for s in [
            "09-1-5",
            "2009-1-5-1",
            "2009/1-5",
            "2009年1月5",
            "2009-2-29",
            "2009-13-1",
            "2009-001-5",
            "0000-1-1",
            "2009 1 5",
            "-2009-1-5",
            "",
        ] {
            assert_eq!(clerk_date(s), None, "{s}");
        }
        assert_eq!(
            read(&t("2009/1/5"), Kind::Date, false).unwrap(),
            Some(json!("2009-01-05"))
        );
        assert_eq!(
            read(&t("2009/1/5"), Kind::Date, true).unwrap_err().code(),
            "invalid_date"
        );
        assert_eq!(
            read(&Cell::Float(39818.0), Kind::Date, false)
                .unwrap_err()
                .code(),
            "invalid_date"
        );
    }

    #[test]
    fn yuan_is_exact() {
        assert_eq!(yuan_text("185.67"), Some(18567));
        assert_eq!(yuan_text("¥185.6元"), Some(18560));
        assert_eq!(yuan_text("￥0.01"), Some(1));
        assert_eq!(yuan_text("185"), Some(18500));
        for s in [
            "185.678",
            "-1",
            "1e3",
            "185.",
            ".5",
            "1,000",
            "",
            "18446744073709551616",
        ] {
            assert_eq!(yuan_text(s), None, "{s}");
        }
        // 0.1 + 0.2 is not 0.3 in binary floating point; the cell 0.3 is 30 fen.
        assert_eq!(yuan(&Cell::Float(0.3)).unwrap(), 30);
        assert_eq!(yuan(&Cell::Float(1234.56)).unwrap(), 123_456);
        assert_eq!(yuan(&Cell::Int(7)).unwrap(), 700);
        assert_eq!(
            yuan(&Cell::Float(0.125)).unwrap_err().code(),
            "invalid_input"
        );
    }

    #[test]
    fn labels_and_strictness() {
        assert_eq!(choice(&t("村"), &LEVEL, false).unwrap(), "village");
        assert_eq!(choice(&t("Village"), &LEVEL, false).unwrap(), "village");
        let e = choice(&t("村"), &LEVEL, true).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        assert!(
            e.message().contains("a text of 1 characters"),
            "{}",
            e.message()
        );
        assert!(!e.message().contains('村'), "{}", e.message());
        let e = choice(&t("hamlet"), &LEVEL, false).unwrap_err();
        assert!(e.message().contains("`hamlet`") && e.message().contains("社区"));
        assert!(boolean(&t("是"), false).unwrap());
        assert!(!boolean(&t("FALSE"), false).unwrap());
        assert!(boolean(&t("是"), true).is_err());
        assert!(boolean(&Cell::Bool(true), true).unwrap());
        assert_eq!(
            read(&t("职责外"), Kind::Responsibility, true).unwrap(),
            Some(json!("outside_remit"))
        );
        assert_eq!(
            read(&Cell::Int(4), Kind::Responsibility, true).unwrap(),
            Some(json!("lead_unit"))
        );
        assert_eq!(
            read(&t("良好"), Kind::Grade, false).unwrap_err().code(),
            "invalid_grade"
        );
        assert_eq!(year(&t("2009年"), false).unwrap(), 2009);
        assert!(year(&t("2009年"), true).is_err());
        assert_eq!(count(&t("-30")).unwrap_err().code(), "invalid_count");
        assert_eq!(
            count(&Cell::Float(2.5)).unwrap_err().code(),
            "invalid_count"
        );
        assert_eq!(count(&Cell::Float(240.0)).unwrap(), 240);
        assert_eq!(text(&Cell::Float(1001.0)).unwrap(), json!("1001"));
        assert_eq!(read(&t("  "), Kind::Count, true).unwrap(), None);
    }
}
