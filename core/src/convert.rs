//! Conversions the bindings share, so that every language rejects the same inputs with
//! the same codes. They decide no rule.

use crate::{Error, Result};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

/// The largest integer a JS number holds exactly (2^53 − 1).
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Parses an ISO `YYYY-MM-DD` date (exactly ten characters, a real day).
///
/// # Errors
/// `invalid_date` naming `field`.
///
/// ```
/// use liaison::convert::parse_date;
/// assert!(parse_date("received", "2008-02-29").is_ok());
/// assert_eq!(parse_date("received", "2009-02-29").unwrap_err().code(), "invalid_date");
/// assert_eq!(parse_date("received", "2009-2-1").unwrap_err().code(), "invalid_date");
/// ```
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let bad = || Error::InvalidDate {
        field: field.to_string(),
    };
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(bad());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())
}

/// A JS number as a count: a non-negative safe integer.
///
/// # Errors
/// `invalid_count` naming `field` for a negative, fractional, NaN, infinite or unsafe number.
///
/// ```
/// use liaison::convert::count_from_f64;
/// assert_eq!(count_from_f64("approve", 3.0).unwrap(), 3);
/// for bad in [-1.0, 0.5, f64::NAN, f64::INFINITY, 9_007_199_254_740_992.0] {
///     assert_eq!(count_from_f64("approve", bad).unwrap_err().code(), "invalid_count");
/// }
/// ```
pub fn count_from_f64(field: &str, value: f64) -> Result<u64> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= MAX_SAFE_INTEGER {
        // Exact: a safe integer converts to u64 without loss.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(value as u64)
    } else {
        Err(Error::InvalidCount {
            field: field.to_string(),
        })
    }
}

/// Reads a structured input (a list of years, later records and forms) from a JSON value,
/// with the path of the first bad key in the error.
///
/// # Errors
/// `invalid_count` for a count that is negative, fractional or too large; `invalid_date`
/// for a date that is not a real `YYYY-MM-DD` day; `invalid_grade` or
/// `invalid_responsibility` for an unknown enum value; `invalid_input` for a missing or
/// unknown key or a value of the wrong type. `root` names the input, e.g. `years`; an
/// empty root gives bare paths (`visits[3].date`).
///
/// ```
/// use liaison::{convert::from_value, YearEvaluation};
/// let v = serde_json::json!([{"year": 2009, "satisfied": -1}]);
/// let e = from_value::<Vec<YearEvaluation>>("years", v).unwrap_err();
/// assert_eq!((e.code(), e.field()), ("invalid_count", Some("years[0].satisfied")));
/// ```
pub fn from_value<T: DeserializeOwned>(root: &str, value: serde_json::Value) -> Result<T> {
    no_positional_records(root, &value)?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            root.to_string()
        } else if path.starts_with('[') || root.is_empty() {
            format!("{root}{path}")
        } else {
            format!("{root}.{path}")
        };
        classify(field, &e.into_inner().to_string())
    })
}

/// Maps a serde message onto the library's codes, keeping no input value in the message.
fn classify(field: String, message: &str) -> Error {
    if message.contains("expected u64") || message.contains("expected u32") {
        Error::InvalidCount { field }
    } else if message.contains("premature end of input")
        || message.contains("input contains invalid characters")
        || message.contains("input is out of range")
        || message.contains("input is not enough")
        || message.contains("trailing input")
        || message.contains("no possible date")
    {
        Error::InvalidDate { field }
    } else if message.contains("is not a grade") {
        Error::InvalidGrade {
            field,
            value: String::new(),
        }
    } else if message.contains("is not a responsibility class") {
        Error::InvalidResponsibility {
            field,
            value: String::new(),
        }
    } else {
        let detail = if message.starts_with("missing field") {
            "missing key".to_string()
        } else if message.starts_with("unknown field") {
            "unknown key".to_string()
        } else {
            "value of the wrong type".to_string()
        };
        Error::InvalidInput { field, detail }
    }
}

/// serde reads a struct from a JSON array, field by position; the library's formats never
/// hold arrays of numbers, booleans, nulls or arrays, so such an array is refused before it
/// can be read as a record.
pub(crate) fn no_positional_records(path: &str, value: &serde_json::Value) -> Result<()> {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if matches!(
                    item,
                    Value::Array(_) | Value::Number(_) | Value::Bool(_) | Value::Null
                ) {
                    return Err(Error::InvalidInput {
                        field: at,
                        detail: "a list where a record (an object) or a date is expected"
                            .to_string(),
                    });
                }
                no_positional_records(&at, item)?;
            }
            Ok(())
        }
        Value::Object(map) => map
            .iter()
            .try_for_each(|(k, v)| no_positional_records(&format!("{path}.{k}"), v)),
        _ => Ok(()),
    }
}
