//! A dataset as a folder of CSV files, one per record type (`docs/dataset.md`).
//!
//! Each file is named after its list (`people.csv`, `receptions.csv`, …) and has a header
//! row naming the fields; commitment items live in `commitment_items.csv` with a
//! `commitment` column. An empty cell is an absent value. Files that are absent are empty
//! lists; a file with another name is an error, so that a misspelt file is never skipped.

use super::{attach_items, Dataset};
use crate::de::from_value;
use crate::error::{file_name, Detail};
use crate::files::read_text;
use crate::{Error, ErrorKind, Loc, LocItem, Result};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;

const TABLES: &[&str] = Dataset::LISTS;
const BOOLS: &[&str] = &[
    "standing_committee",
    "poor",
    "focus",
    "away",
    "result",
    "closed",
    "listed",
];
const INTEGERS: &[&str] = &[
    "minutes",
    "approve",
    "disapprove",
    "abstain",
    "satisfied",
    "basically_satisfied",
    "dissatisfied",
    "amount_fen",
    "year",
    "present",
    "entitled",
];

pub(crate) fn csv_locator(table: &str, index: usize, field: &str) -> Loc {
    Loc::from([
        LocItem::key(&format!("{table}.csv")),
        LocItem::from(index + 2),
        LocItem::key(field),
    ])
}

fn input(en: &'static str, zh: &'static str) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
}

/// Reads a folder of CSV files into a dataset (not yet validated), each file regular and
/// at most `max_bytes` long.
///
/// # Errors
/// `io_error`, `not_a_file`, `too_large` for an unreadable folder or file;
/// `invalid_input` for a folder without any file of the dataset, an unknown file, an
/// unknown, missing or repeated column, a row with the wrong number of cells or a bad
/// boolean; `invalid_count`, `invalid_date` for bad cells — each at
/// `["file.csv", line, column]` (the header is line 1).
pub fn read_csv_dir(dir: &Path, max_bytes: u64) -> Result<Dataset> {
    let mut tables: Map<String, Value> = Map::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    entries.sort();
    if entries.is_empty() {
        return Err(input(
            "the folder holds no file of the dataset (units.csv, people.csv, …)",
            "文件夹中没有数据集文件（units.csv、people.csv 等）",
        )
        .at(file_name(dir)));
    }
    let mut items: Vec<(usize, String, Value)> = Vec::new();
    for path in entries {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if !TABLES.contains(&stem.as_str()) {
            return Err(
                input("not a record type of the dataset", "不是数据集的记录类型")
                    .at(file_name(&path)),
            );
        }
        let text = read_text(&path, max_bytes)?;
        let rows = rows_as_objects(&stem, &text)?;
        if stem == "commitment_items" {
            for (i, mut row) in rows.into_iter().enumerate() {
                let owner = row
                    .remove("commitment")
                    .and_then(|v| v.as_str().map(str::to_string));
                let owner = owner.ok_or_else(|| {
                    input("missing key", "缺少该键").with_loc(csv_locator(&stem, i, "commitment"))
                })?;
                items.push((i, owner, Value::Object(row)));
            }
        } else {
            tables.insert(
                stem,
                Value::Array(rows.into_iter().map(Value::Object).collect()),
            );
        }
    }
    let mut dataset = Dataset::default();
    macro_rules! read {
        ($($name:ident),*) => {$(
            if let Some(Value::Array(rows)) = tables.remove(stringify!($name)) {
                dataset.$name = typed_rows(stringify!($name), &rows)?;
            }
        )*};
    }
    read!(
        units,
        people,
        households,
        terms,
        receptions,
        visits,
        household_events,
        meetings,
        opinions,
        commitments,
        evaluations,
        links,
        deeds,
        pairings,
        aid,
        implementations
    );
    attach_items(&mut dataset.commitments, items, |i| {
        Loc::from([LocItem::key("commitment_items.csv"), LocItem::from(i + 2)])
    })?;
    Ok(dataset)
}

fn typed_rows<T: DeserializeOwned>(table: &str, rows: &[Value]) -> Result<Vec<T>> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            from_value(row).map_err(|e| {
                e.within(&Loc::from([
                    LocItem::key(&format!("{table}.csv")),
                    LocItem::from(i + 2),
                ]))
            })
        })
        .collect()
}

fn rows_as_objects(table: &str, text: &str) -> Result<Vec<Map<String, Value>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = parse_csv(text).into_iter();
    let Some(header) = records.next() else {
        return Ok(Vec::new());
    };
    let header: Vec<String> = header.into_iter().map(|h| h.trim().to_string()).collect();
    let file = format!("{table}.csv");
    for (i, name) in header.iter().enumerate() {
        if header.iter().take(i).any(|h| h == name) {
            return Err(
                input("a column given twice", "列重复出现").with_loc(Loc::from([
                    LocItem::key(&file),
                    LocItem::from(1usize),
                    LocItem::key(name),
                ])),
            );
        }
    }
    let mut out = Vec::new();
    for (i, cells) in records.enumerate() {
        if cells.len() == 1 && cells.first().is_some_and(|c| c.trim().is_empty()) {
            continue; // a blank line
        }
        if cells.len() != header.len() {
            return Err(Error::new(ErrorKind::InvalidInput {
                detail: Detail::new(
                    format!(
                        "{} cells where the header has {}",
                        cells.len(),
                        header.len()
                    ),
                    format!("有 {} 个单元格，而表头有 {} 列", cells.len(), header.len()),
                ),
            })
            .with_loc(Loc::from([LocItem::key(&file), LocItem::from(i + 2)])));
        }
        let mut row = Map::new();
        for (name, cell) in header.iter().zip(cells) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let value =
                cell_value(name, cell).map_err(|e| e.with_loc(csv_locator(table, i, name)))?;
            row.insert(name.clone(), value);
        }
        out.push(row);
    }
    Ok(out)
}

fn cell_value(name: &str, cell: &str) -> Result<Value> {
    if BOOLS.contains(&name) {
        return match cell.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "是" => Ok(Value::Bool(true)),
            "false" | "0" | "no" | "n" | "否" => Ok(Value::Bool(false)),
            _ => Err(input(
                "expected true or false (是 or 否)",
                "应为 true 或 false（是或否）",
            )),
        };
    }
    if INTEGERS.contains(&name) {
        if let Ok(n) = cell.parse::<u64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = cell.parse::<i64>() {
            return Ok(Value::from(n));
        }
        if name != "year" {
            return Err(Error::new(ErrorKind::InvalidCount));
        }
    }
    Ok(Value::String(cell.to_string()))
}

/// RFC 4180: fields separated by commas, quoted with `"`, `""` inside quotes, CRLF or LF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::parse_csv;

    #[test]
    fn quotes_commas_and_crlf() {
        let rows = parse_csv("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n3,\n");
        assert_eq!(
            rows,
            vec![vec!["a", "b"], vec!["x,1", "say \"hi\""], vec!["3", ""]]
        );
    }
}
