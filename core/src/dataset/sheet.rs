//! One list as a table — a CSV file or a worksheet — read into records of canonical JSON
//! values: the header row matched against the table of `labels`, every cell read by
//! `cells`, every problem placed at its file (or sheet), line (or row) and column as the
//! user sees them.

use super::cells::{self, Cell};
use super::labels::{header_text, Column, List};
use crate::error::Detail;
use crate::{Error, ErrorKind, Loc, LocItem};
use serde_json::{Map, Value};

/// A list read from one file or sheet.
#[derive(Debug)]
pub(crate) struct Table {
    /// The list.
    pub list: &'static List,
    /// The file or the sheet, as the user named it.
    pub place: LocItem,
    /// Each field with a column, and that column as its header names it.
    pub columns: Vec<(&'static str, LocItem)>,
    /// The rows read without a problem: their line (or row) number and record.
    pub rows: Vec<(u64, Value)>,
}

impl Table {
    /// A table of no rows, for a file without a header.
    pub fn empty(list: &'static List, place: LocItem) -> Table {
        Table {
            list,
            place,
            columns: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// The column of a field as the header names it, else the field's name.
    pub fn column_of(&self, field: &str) -> LocItem {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map_or_else(|| LocItem::key(field), |(_, c)| c.clone())
    }

    /// An error about a record (its place starting at a field, `["date"]`) placed at the
    /// file, the line and the column: `["visits.csv", 5, "date"]`, `["走访记录", 5, "日期"]`.
    pub fn place(&self, line: u64, e: Error) -> Error {
        let mut items = vec![self.place.clone(), LocItem::Index(line)];
        let mut inner = e.loc().items().iter();
        match inner.next() {
            Some(LocItem::Key(field)) => items.push(self.column_of(field)),
            Some(other) => items.push(other.clone()),
            None => {}
        }
        items.extend(inner.cloned());
        e.with_loc(Loc(items))
    }
}

fn input(en: String, zh: String) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
}

/// What a header cell is.
#[derive(Debug, Clone)]
enum Col {
    /// A column of the list, and its name as the user sees it.
    Field(&'static Column, LocItem),
    /// A column without a header: its cells must be empty.
    Blank,
    /// An unknown or repeated column, already reported: its cells are not read.
    Refused,
}

/// How columns are numbered in messages: `3` in a CSV file, `C` in a worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// Without the `office` feature there are no worksheets to number by letters.
#[cfg_attr(not(feature = "office"), allow(dead_code))]
pub(crate) enum Numbering {
    /// 1, 2, 3, …
    Numbers,
    /// A, B, …, Z, AA, …
    Letters,
}

impl Numbering {
    fn name(self, index: usize) -> String {
        match self {
            Numbering::Numbers => index.saturating_add(1).to_string(),
            Numbering::Letters => {
                let mut n = index.saturating_add(1);
                let mut out = Vec::new();
                while n > 0 {
                    let rem = (n - 1) % 26;
                    out.push(char::from(
                        b'A'.saturating_add(u8::try_from(rem).unwrap_or(0)),
                    ));
                    n = (n - 1) / 26;
                }
                out.iter().rev().collect()
            }
        }
    }
}

/// The text of a header cell.
fn header_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => header_text(t),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => f.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(Some(d)) => d.to_string(),
        Cell::Date(None) | Cell::Empty | Cell::Error => String::new(),
    }
}

/// Where a list is read from and how.
pub(crate) struct Source {
    /// The list.
    pub list: &'static List,
    /// The file or sheet as the user named it.
    pub place: LocItem,
    /// Only the canonical forms (`docs/dataset.md`).
    pub strict: bool,
    /// How columns are numbered in messages.
    pub numbering: Numbering,
}

/// A row: its line (or row) number and its non-empty cells by column index, in order.
pub(crate) type Row = (u64, Vec<(usize, Cell)>);

/// Reads a table: the header at `header_line`, then `rows`. Every problem is pushed onto
/// `problems`; the rows without one are kept.
pub(crate) fn read_table(
    source: Source,
    header_line: u64,
    header: &[(usize, Cell)],
    rows: impl IntoIterator<Item = Row>,
    problems: &mut Vec<Error>,
) -> Table {
    let Source {
        list,
        place,
        strict,
        numbering,
    } = source;
    let at_header =
        |column: LocItem| Loc::from([place.clone(), LocItem::Index(header_line), column]);
    let (expected_en, expected_zh) = list.expected(strict);
    let width = header
        .iter()
        .map(|(i, _)| i.saturating_add(1))
        .max()
        .unwrap_or(0);
    let mut cols = vec![Col::Blank; width];
    let mut columns: Vec<(&'static str, LocItem)> = Vec::new();
    let mut refused: Vec<&'static str> = Vec::new();
    for (index, cell) in header {
        let text = header_of(cell);
        if text.is_empty() {
            continue;
        }
        let number = numbering.name(*index);
        let col = match list.column(&text, strict) {
            None if strict && list.column(&text, false).is_some() => {
                // A Chinese label or a clerk's column, refused by a strict reading.
                let shown = match list.column(&text, false) {
                    Some(c) => {
                        refused.push(c.field);
                        shown_column(c, &text)
                    }
                    None => LocItem::key(&text),
                };
                problems.push(
                    input(
                        format!(
                            "column {number} is named as clerks write it (a Chinese label, another letter case or amount_yuan), which a strict reading refuses: the columns are {expected_en}"
                        ),
                        format!(
                            "第 {number} 列使用中文名称、其他大小写或 amount_yuan，严格读取时不接受：可用的列为 {expected_zh}"
                        ),
                    )
                    .with_loc(at_header(shown)),
                );
                Col::Refused
            }
            None => {
                problems.push(
                    input(
                        format!(
                            "column {number} is not a column of `{}`: the columns are {expected_en}",
                            list.name
                        ),
                        format!(
                            "第 {number} 列不是“{}”的列：可用的列为 {expected_zh}",
                            list.label
                        ),
                    )
                    .with_loc(at_header(LocItem::key(&text))),
                );
                Col::Refused
            }
            Some(c) if columns.iter().any(|(f, _)| *f == c.field) => {
                problems.push(
                    input(
                        format!("column {number} gives `{}` a second time", c.field),
                        format!("第 {number} 列重复给出“{}”", c.label),
                    )
                    .with_loc(at_header(shown_column(c, &text))),
                );
                Col::Refused
            }
            Some(c) => {
                let shown = shown_column(c, &text);
                columns.push((c.field, shown.clone()));
                Col::Field(c, shown)
            }
        };
        if let Some(slot) = cols.get_mut(*index) {
            *slot = col;
        }
    }
    let mut absent: Vec<&'static str> = Vec::new();
    for c in list
        .columns
        .iter()
        .filter(|c| c.required && !c.clerk_only())
    {
        if !columns.iter().any(|(f, _)| *f == c.field) {
            absent.push(c.field);
            if refused.contains(&c.field) {
                continue;
            }
            problems.push(
                input(
                    format!(
                        "the required column `{}` ({}) is missing: the columns are {expected_en}",
                        c.name, c.label
                    ),
                    format!(
                        "缺少必填的列“{}”（{}）：可用的列为 {expected_zh}",
                        c.label, c.name
                    ),
                )
                .with_loc(Loc::from([place.clone(), LocItem::Index(header_line)])),
            );
        }
    }
    let required: Vec<(&'static str, LocItem)> = columns
        .iter()
        .filter(|(f, _)| {
            list.columns.iter().any(|c| c.field == *f && c.required) && !absent.contains(f)
        })
        .cloned()
        .collect();

    let mut out = Vec::new();
    for (line, cells) in rows {
        if cells.iter().all(|(_, c)| c.is_empty()) {
            continue;
        }
        let before = problems.len();
        let mut record = Map::new();
        let mut bad: Vec<&'static str> = Vec::new();
        let mut any_field = false;
        for (index, cell) in &cells {
            if cell.is_empty() {
                continue;
            }
            let at_row = Loc::from([place.clone(), LocItem::Index(line)]);
            match cols.get(*index) {
                Some(Col::Field(c, shown)) => {
                    match cells::read(cell, c.kind, strict).inspect(|_| any_field = true) {
                        Ok(Some(v)) => {
                            record.insert(c.field.to_string(), v);
                        }
                        Ok(None) => {}
                        Err(e) => {
                            bad.push(c.field);
                            problems.push(e.with_loc(Loc::from([
                                place.clone(),
                                LocItem::Index(line),
                                shown.clone(),
                            ])));
                        }
                    }
                }
                Some(Col::Refused) => {}
                Some(Col::Blank) => {
                    let number = numbering.name(*index);
                    problems.push(
                        input(
                            format!("a value in column {number}, which has no header"),
                            format!("第 {number} 列没有表头，却填写了内容"),
                        )
                        .with_loc(at_row),
                    );
                }
                None => {
                    let number = numbering.name(*index);
                    problems.push(
                        input(
                            format!(
                                "a value in column {number}, beyond the {width} columns of the header"
                            ),
                            format!("第 {number} 列超出表头的 {width} 列，却填写了内容"),
                        )
                        .with_loc(at_row),
                    );
                }
            }
        }
        // A row of stray cells only (beside the header's columns) is reported as such.
        let stray_only = !any_field && bad.is_empty();
        for (field, shown) in required.iter().filter(|_| !stray_only) {
            if !record.contains_key(*field) && !bad.contains(field) {
                problems.push(
                    input(
                        "a value is required in this column".to_string(),
                        "该列必须填写".to_string(),
                    )
                    .with_loc(Loc::from([
                        place.clone(),
                        LocItem::Index(line),
                        shown.clone(),
                    ])),
                );
            }
        }
        // Without a required column no row can be a record: its cells are still checked.
        if problems.len() == before && absent.is_empty() {
            out.push((line, Value::Object(record)));
        }
    }
    Table {
        list,
        place,
        columns,
        rows: out,
    }
}

/// A column as its header names it: the field's name, or its Chinese label (one of the
/// library's own words, so shown as it is).
fn shown_column(c: &Column, header: &str) -> LocItem {
    if c.label == header {
        LocItem::Key(c.label.to_string())
    } else {
        LocItem::key(c.name)
    }
}

#[cfg(test)]
mod tests {
    use super::Numbering;

    #[test]
    fn column_letters() {
        let l = |i| Numbering::Letters.name(i);
        assert_eq!(
            (l(0), l(25), l(26), l(701), l(702)),
            (
                "A".into(),
                "Z".into(),
                "AA".into(),
                "ZZ".into(),
                "AAA".into()
            )
        );
        assert_eq!(Numbering::Numbers.name(2), "3");
    }
}
