//! The value checks the forms share: phone numbers, serial numbers, whole numbers and
//! amounts of money. Dates go through [`crate::de::parse_date`].
//!
//! Phone numbers are checked by hand-written code, not a phone library: a library with
//! full numbering metadata (libphonenumber and its ports) adds hundreds of kilobytes to
//! the web build, for two simple mainland formats.

use serde_json::Number;

/// The JSON Schema `pattern` equivalent to [`is_phone`] (ECMA-262 syntax).
pub const PHONE_PATTERN: &str = concat!(
    r"^(?:(?:\+?86[ -]?)?1[ -]?[3-9](?:[ -]?[0-9]){9}",
    r"|(?:0(?:[12][0-9]|[3-9][0-9]{2})|\(0(?:[12][0-9]|[3-9][0-9]{2})\)|（0(?:[12][0-9]|[3-9][0-9]{2})）)",
    r"[ -]?[0-9](?:[ -]?[0-9]){6,7})$"
);

/// The JSON Schema `pattern` of a serial number in text.
pub const SERIAL_PATTERN: &str = r"^(?:（[1-9][0-9]{3}）|\([1-9][0-9]{3}\))年第[1-9][0-9]{0,5}号$";

/// A separator allowed between groups of digits.
fn is_sep(c: char) -> bool {
    c == ' ' || c == '-'
}

/// The digits of `s` when it is digits in groups separated by single spaces or hyphens,
/// starting and ending with a digit.
fn grouped_digits(s: &str) -> Option<String> {
    let mut digits = String::with_capacity(s.len());
    let mut prev_sep = true; // no separator at the start
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            prev_sep = false;
        } else if is_sep(c) && !prev_sep {
            prev_sep = true;
        } else {
            return None;
        }
    }
    if prev_sep {
        None // empty, or a separator at the end
    } else {
        Some(digits)
    }
}

/// Drops one leading separator.
fn skip_sep(s: &str) -> &str {
    s.strip_prefix([' ', '-']).unwrap_or(s)
}

/// A mainland mobile number: `1[3-9]` and 9 more digits, optionally after `+86` or `86`
/// (and one separator), with single spaces or hyphens allowed between digits.
///
/// ```
/// use liaison::forms::is_mobile;
/// for ok in ["13812341234", "138 1234 1234", "138-1234-1234", "+86 138 1234 1234", "8613812341234"] {
///     assert!(is_mobile(ok), "{ok}");
/// }
/// for bad in ["12812341234", "1381234123", "138  1234 1234", "138-1234-1234-", "+8713812341234"] {
///     assert!(!is_mobile(bad), "{bad}");
/// }
/// ```
pub fn is_mobile(s: &str) -> bool {
    let national = |t: &str| {
        grouped_digits(t).is_some_and(|d| {
            let b = d.as_bytes();
            b.len() == 11
                && b.first() == Some(&b'1')
                && b.get(1).is_some_and(|c| (b'3'..=b'9').contains(c))
        })
    };
    if national(s) {
        return true;
    }
    s.strip_prefix("+86")
        .or_else(|| s.strip_prefix("86"))
        .is_some_and(|rest| national(skip_sep(rest)))
}

/// The length of the area code (with its 0) that starts `s`: 3 for `010` and `02x`, 4 for
/// `03xx`–`09xx`; `None` when `s` does not start with an area code.
fn area_code_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'0') {
        return None;
    }
    let len = match b.get(1) {
        Some(b'1' | b'2') => 3,
        Some(b'3'..=b'9') => 4,
        _ => return None,
    };
    b.get(..len)
        .filter(|code| code.iter().all(u8::is_ascii_digit))
        .map(|_| len)
}

/// A landline number with its area code: `0` and a 2-digit (`10`, `2x`) or 3-digit area
/// code, optionally in ASCII or full-width parentheses, then one optional separator and a
/// local number of 7 or 8 digits (single spaces or hyphens allowed between its digits).
/// Extensions are not accepted.
///
/// ```
/// use liaison::forms::is_landline;
/// for ok in ["023-66230226", "010-12345678", "0755-1234567", "02366230226", "(023)66230226", "（023）6623 0226"] {
///     assert!(is_landline(ok), "{ok}");
/// }
/// for bad in ["66230226", "023-662302", "0-23-66230226", "023-66230226-12", "(023-66230226", "0023-66230226"] {
///     assert!(!is_landline(bad), "{bad}");
/// }
/// ```
pub fn is_landline(s: &str) -> bool {
    let (area_ok, rest) = if let Some(inner) = s.strip_prefix('(') {
        match inner.split_once(')') {
            Some((code, rest)) => (area_code_len(code) == Some(code.len()), rest),
            None => (false, ""),
        }
    } else if let Some(inner) = s.strip_prefix('（') {
        match inner.split_once('）') {
            Some((code, rest)) => (area_code_len(code) == Some(code.len()), rest),
            None => (false, ""),
        }
    } else {
        match area_code_len(s).and_then(|n| s.get(n..)) {
            Some(rest) => (true, rest),
            None => (false, ""),
        }
    };
    area_ok && grouped_digits(skip_sep(rest)).is_some_and(|d| (7..=8).contains(&d.len()))
}

/// A mainland mobile ([`is_mobile`]) or landline ([`is_landline`]) number.
pub fn is_phone(s: &str) -> bool {
    is_mobile(s) || is_landline(s)
}

/// A serial number in text, `（2008）年第12号` (full-width or ASCII parentheses, in pairs):
/// the year (1000–9999) and the number (1–999 999, no leading zero).
///
/// ```
/// use liaison::forms::parse_serial;
/// assert_eq!(parse_serial("（2008）年第12号"), Some((2008, 12)));
/// assert_eq!(parse_serial("(2008)年第1号"), Some((2008, 1)));
/// assert_eq!(parse_serial("（2008)年第12号"), None);
/// assert_eq!(parse_serial("（2008）年第012号"), None);
/// assert_eq!(parse_serial("2008年第12号"), None);
/// assert_eq!(parse_serial("（0999）年第12号"), None);
/// ```
pub fn parse_serial(s: &str) -> Option<(u16, u32)> {
    let inner = s
        .strip_prefix('（')
        .and_then(|r| r.split_once('）'))
        .or_else(|| s.strip_prefix('(').and_then(|r| r.split_once(')')))?;
    let (year, rest) = inner;
    let number = rest.strip_prefix("年第")?.strip_suffix('号')?;
    let year_ok =
        year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !year.starts_with('0');
    let number_ok = (1..=6).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !number.starts_with('0');
    if !(year_ok && number_ok) {
        return None;
    }
    Some((year.parse().ok()?, number.parse().ok()?))
}

/// The value of a JSON number when it is a whole number (`30` or `30.0`), as `f64`.
pub(crate) fn integral(n: &Number) -> Option<f64> {
    if let Some(i) = n.as_i64() {
        // Exact for every age and serial bound; only compared with small bounds.
        #[allow(clippy::cast_precision_loss)]
        return Some(i as f64);
    }
    if let Some(u) = n.as_u64() {
        #[allow(clippy::cast_precision_loss)]
        return Some(u as f64);
    }
    n.as_f64().filter(|f| f.is_finite() && f.fract() == 0.0)
}

/// The number of decimal places a JSON number is written with, ignoring trailing zeros
/// (`12.50` → 1, `1e-3` → 3, `1.5e3` → 0).
pub(crate) fn decimal_places(n: &Number) -> u64 {
    let text = n.to_string();
    let text = text.trim_start_matches('-');
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let fraction = mantissa
        .split_once('.')
        .map_or("", |(_, f)| f)
        .trim_end_matches('0');
    let places = i64::try_from(fraction.len())
        .unwrap_or(i64::MAX)
        .saturating_sub(exponent);
    u64::try_from(places).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Number {
        serde_json::from_str(text).unwrap_or_else(|_| Number::from(0))
    }

    #[test]
    fn decimals() {
        for (text, places) in [
            ("12", 0),
            ("12.5", 1),
            ("12.50", 1),
            ("0.07", 2),
            ("0.001", 3),
            ("1e-3", 3),
            ("1.5e3", 0),
            ("-3.25", 2),
        ] {
            assert_eq!(decimal_places(&num(text)), places, "{text}");
        }
    }

    #[test]
    fn integers() {
        assert_eq!(integral(&num("30")), Some(30.0));
        assert_eq!(integral(&num("30.0")), Some(30.0));
        assert_eq!(integral(&num("30.5")), None);
        assert_eq!(integral(&num("-1")), Some(-1.0));
    }
}
