//! Text for a terminal and for markup: display widths of Chinese text, padding, escaping.

/// Whether `c` takes two columns in a terminal (East Asian wide or fullwidth).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// The columns `s` takes in a terminal: 2 for a Chinese character, 1 otherwise.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// `s` padded with spaces on the right to `columns` columns.
pub fn pad(s: &str, columns: usize) -> String {
    let w = width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

/// `s` padded with spaces on the left to `columns` columns.
pub fn pad_left(s: &str, columns: usize) -> String {
    let w = width(s);
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(w)).collect();
    out.push_str(s);
    out
}

/// `s` escaped for HTML text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_takes_two_columns() {
        assert_eq!(width("S1.3"), 4);
        assert_eq!(width("临期"), 4);
        assert_eq!(width("临期 due"), 8);
        assert_eq!(pad("逾期", 6), "逾期  ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(pad("toolong", 3), "toolong");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
