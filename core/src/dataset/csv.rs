//! A dataset as a folder of CSV files, one per record type (`docs/dataset.md`).
//!
//! Each file is named after its list (`people.csv`, `receptions.csv`, …) and has a header
//! row naming the fields; commitment items live in `commitment_items.csv` with a
//! `commitment` column. An empty cell is an absent value. Files that are absent are empty
//! lists; a file with another name is an error, so that a misspelt file is never skipped.

use super::{Commitment, Dataset};
use crate::convert::from_value;
use crate::{Error, Result};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;

const TABLES: &[&str] = &[
    "units",
    "people",
    "households",
    "terms",
    "receptions",
    "visits",
    "household_events",
    "meetings",
    "opinions",
    "commitments",
    "commitment_items",
    "evaluations",
    "links",
    "deeds",
    "pairings",
    "aid",
    "implementations",
];
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

pub(crate) fn csv_locator(table: &str, index: usize, field: &str) -> String {
    format!("{table}.csv:{}:{field}", index + 2)
}

/// Reads a folder of CSV files into a dataset (not yet validated).
///
/// # Errors
/// `io_error` for an unreadable folder or file; `invalid_input` for an unknown file, an
/// unknown or missing column, a row with the wrong number of cells or a bad boolean;
/// `invalid_count`, `invalid_date` for bad cells — each naming `file.csv:line:column`.
pub fn read_csv_dir(dir: &Path) -> Result<Dataset> {
    let io = |path: &Path, e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        detail: e.kind().to_string(),
    };
    let mut tables: Map<String, Value> = Map::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    entries.sort();
    let mut items: Vec<(usize, String, Value)> = Vec::new();
    for path in entries {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if !TABLES.contains(&stem.as_str()) {
            return Err(Error::InvalidInput {
                field: format!("{stem}.csv"),
                detail: "not a record type of the dataset".to_string(),
            });
        }
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let rows = rows_as_objects(&stem, &text)?;
        if stem == "commitment_items" {
            for (i, row) in rows.into_iter().enumerate() {
                let mut row = row;
                let owner = row
                    .remove("commitment")
                    .and_then(|v| v.as_str().map(str::to_string));
                let owner = owner.ok_or_else(|| Error::InvalidInput {
                    field: csv_locator(&stem, i, "commitment"),
                    detail: "missing key".to_string(),
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
                dataset.$name = typed_rows(stringify!($name), rows)?;
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
    attach_items(&mut dataset.commitments, items)?;
    Ok(dataset)
}

fn typed_rows<T: DeserializeOwned>(table: &str, rows: Vec<Value>) -> Result<Vec<T>> {
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let root = csv_locator(table, i, "");
            from_value(root.trim_end_matches(':'), row).map_err(|e| relocate(e, &root))
        })
        .collect()
}

/// `people.csv:3.from` → `people.csv:3:from`.
fn relocate(e: Error, root: &str) -> Error {
    let dotted = format!("{}.", root.trim_end_matches(':'));
    e.map_field(|f| f.replacen(&dotted, root, 1))
}

fn attach_items(commitments: &mut [Commitment], items: Vec<(usize, String, Value)>) -> Result<()> {
    super::attach_items(
        commitments,
        items,
        |i, field| csv_locator("commitment_items", i, field),
        |e, i| relocate(e, &csv_locator("commitment_items", i, "")),
    )
}

fn rows_as_objects(table: &str, text: &str) -> Result<Vec<Map<String, Value>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = parse_csv(text).into_iter();
    let Some(header) = records.next() else {
        return Ok(Vec::new());
    };
    let header: Vec<String> = header.into_iter().map(|h| h.trim().to_string()).collect();
    let mut out = Vec::new();
    for (i, cells) in records.enumerate() {
        if cells.len() == 1 && cells.first().is_some_and(|c| c.trim().is_empty()) {
            continue; // a blank line
        }
        if cells.len() != header.len() {
            return Err(Error::InvalidInput {
                field: format!("{table}.csv:{}", i + 2),
                detail: format!(
                    "{} cells where the header has {}",
                    cells.len(),
                    header.len()
                ),
            });
        }
        let mut row = Map::new();
        for (name, cell) in header.iter().zip(cells) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            row.insert(
                name.clone(),
                cell_value(&csv_locator(table, i, name), name, cell)?,
            );
        }
        out.push(row);
    }
    Ok(out)
}

fn cell_value(at: &str, name: &str, cell: &str) -> Result<Value> {
    if BOOLS.contains(&name) {
        return match cell.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "是" => Ok(Value::Bool(true)),
            "false" | "0" | "no" | "n" | "否" => Ok(Value::Bool(false)),
            _ => Err(Error::InvalidInput {
                field: at.to_string(),
                detail: "expected true or false".to_string(),
            }),
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
            return Err(Error::InvalidCount {
                field: at.to_string(),
            });
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
