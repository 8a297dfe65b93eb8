//! A dataset as a folder of CSV files, one per list (`docs/dataset.md`).
//!
//! Each file is named after its list (`people.csv`) or the list's Chinese label
//! (`人员.csv`) and has a header row naming the columns by field name or, unless strict, by
//! Chinese label; commitment items live in `commitment_items.csv` with a `commitment`
//! column. The text is UTF-8 (with or without a byte-order mark) or, with the `office`
//! feature, GB18030 (which includes GBK, Excel's "CSV (逗号分隔)" in China); it is parsed
//! by the `csv` crate (RFC 4180: quotes, commas and line breaks inside quotes, CRLF or LF).
//! An empty cell is an absent value. Files that are absent are empty lists; a CSV file with
//! another name is an error, so that a misspelt file is never skipped.

use super::cells::Cell;
use super::labels::List;
use super::read::{self, checked, Encoding, ReadOptions};
use super::sheet::{read_table, Numbering, Row, Source, Table};
use super::Dataset;
use crate::error::{file_name, Detail};
use crate::files::read_bytes;
use crate::{Error, ErrorKind, Loc, LocItem, Result};
use std::path::Path;

fn input(en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en.into(), zh.into()),
    })
}

/// Reads a folder of CSV files into a dataset, not yet validated, each file regular and at
/// most `max_bytes` long, with the default [`ReadOptions`] otherwise.
///
/// # Errors
/// `io_error`, `not_a_file`, `too_large` for an unreadable folder or file;
/// `invalid_input` for a folder without any file of the dataset; for bad files, rows and
/// cells the problem at `["file.csv", line, column]` (the header is line 1): one problem
/// as itself (`invalid_input`, `invalid_count`, `invalid_date`, …), several as one
/// `invalid_records` error listing them.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("liaison-doc-csv-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("units.csv"), "编号,级别\nV1,村\n")?;
/// let d = liaison::dataset::read_csv_dir(&dir, 1 << 20)?;
/// assert_eq!(d.units[0].level, liaison::dataset::Level::Village);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_csv_dir(dir: &Path, max_bytes: u64) -> Result<Dataset> {
    let options = ReadOptions {
        max_bytes,
        ..ReadOptions::default()
    };
    let mut problems = Vec::new();
    let tables = tables(dir, &options, &mut problems)?;
    let (d, _) = read::from_tables(tables, &mut problems);
    read::finish(problems)?;
    Ok(d)
}

/// Reads and checks a folder of CSV files.
pub(crate) fn read_folder(dir: &Path, options: &ReadOptions) -> Result<Dataset> {
    let mut problems = Vec::new();
    let tables = tables(dir, options, &mut problems)?;
    let (d, origins) = read::from_tables(tables, &mut problems);
    checked(d, &origins, problems)
}

/// The tables of the CSV files of a folder; the problems of their text, rows and cells are
/// pushed onto `problems`, a file that cannot be read at all is an error.
fn tables(dir: &Path, options: &ReadOptions, problems: &mut Vec<Error>) -> Result<Vec<Table>> {
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
    let mut tables = Vec::new();
    for path in entries {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let Some(list) = List::find(&stem) else {
            problems.push(
                input(
                    "not a list of the dataset: name the files after the lists (units.csv, people.csv, …) or their Chinese labels (单位.csv, 人员.csv, …)",
                    "不是数据集的记录类型：文件应以列表命名（units.csv、people.csv 等）或以其中文名称命名（单位.csv、人员.csv 等）",
                )
                .at(file_name(&path)),
            );
            continue;
        };
        let bytes = read_bytes(&path, options.max_bytes)?;
        let place = place_of(list, &stem, &path);
        let text = match decode(bytes, options.encoding) {
            Ok(text) => text,
            Err(e) => {
                problems.push(e.with_loc(Loc(vec![place])));
                continue;
            }
        };
        tables.push(table(list, place, &text, options.strict, problems));
    }
    Ok(tables)
}

/// The file as a place: its name, shown as it is when its stem is the list's own label.
fn place_of(list: &List, stem: &str, path: &Path) -> LocItem {
    match path.extension().and_then(|x| x.to_str()) {
        Some(ext) if stem.trim() == list.label => LocItem::Key(format!("{}.{ext}", list.label)),
        _ => file_name(path),
    }
}

/// A file's bytes as text in `encoding` (see [`Encoding`]); a leading byte-order mark is
/// dropped.
///
/// # Errors
/// `invalid_input` (without a place) for bytes that are not text in the encoding.
pub(crate) fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String> {
    let utf8 = || {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        std::str::from_utf8(body).ok().map(str::to_string)
    };
    let text = match encoding {
        Encoding::Utf8 => utf8().ok_or_else(|| {
            input(
                "not UTF-8 text: read it as GB18030 (GBK), or save it as \"CSV UTF-8\"",
                "不是 UTF-8 文本：请按 GB18030（GBK）读取，或另存为“CSV UTF-8”",
            )
        })?,
        Encoding::Auto => match utf8() {
            Some(text) => text,
            None => gb18030(&bytes)?,
        },
        Encoding::Gb18030 => gb18030(&bytes)?,
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

#[cfg(feature = "office")]
fn gb18030(bytes: &[u8]) -> Result<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
        .ok_or_else(|| {
            input(
                "neither UTF-8 nor GB18030 (GBK) text: save it as \"CSV UTF-8\" or \"CSV (逗号分隔)\"",
                "既不是 UTF-8 也不是 GB18030（GBK）文本：请另存为“CSV UTF-8”或“CSV（逗号分隔）”",
            )
        })
}

#[cfg(not(feature = "office"))]
fn gb18030(_bytes: &[u8]) -> Result<String> {
    Err(input(
        "not UTF-8 text: GBK and GB18030 files are read with the `office` feature of liaison-rules; or save it as \"CSV UTF-8\"",
        "不是 UTF-8 文本：GBK 与 GB18030 文件需 liaison-rules 的 `office` 功能读取；或另存为“CSV UTF-8”",
    ))
}

/// The table of one CSV file's text.
fn table(
    list: &'static List,
    place: LocItem,
    text: &str,
    strict: bool,
    problems: &mut Vec<Error>,
) -> Table {
    let start = problems.len();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Lines {
        text: text.as_bytes(),
        at: 0,
        line: 1,
    };
    let mut records = reader.records();
    let (header_line, header) = loop {
        match records.next() {
            None => return Table::empty(list, place),
            Some(Ok(record)) if record.iter().all(|c| c.trim().is_empty()) => {}
            Some(Ok(record)) => break (lines.of(record.position()), cells(&record)),
            Some(Err(e)) => problems.push(not_csv(&place, lines.of(e.position()))),
        }
    };
    let width = header.len();
    let mut rows: Vec<Row> = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(not_csv(&place, lines.of(e.position())));
                continue;
            }
        };
        let line = lines.of(record.position());
        let mut row = cells(&record);
        // Excel pads rows after a column that once held data: empty extra cells are fine.
        if row.len() > width && row.iter().skip(width).all(|(_, c)| c.is_empty()) {
            row.truncate(width);
        }
        if row.len() != width && !row.iter().all(|(_, c)| c.is_empty()) {
            problems.push(
                Error::new(ErrorKind::InvalidInput {
                    detail: Detail::new(
                        format!(
                            "{} cells where the header has {width} (a comma inside a value must be quoted)",
                            row.len()
                        ),
                        format!(
                            "有 {} 个单元格，而表头有 {width} 列（值中的逗号须加引号）",
                            row.len()
                        ),
                    ),
                })
                .with_loc(Loc::from([place.clone(), LocItem::Index(line)])),
            );
            continue;
        }
        rows.push((line, row));
    }
    let source = Source {
        list,
        place,
        strict,
        numbering: Numbering::Numbers,
    };
    let table = read_table(source, header_line, &header, rows, problems);
    // The rows of the wrong length were reported first: every problem in line order.
    if let Some(found) = problems.get_mut(start..) {
        found.sort_by_key(|e| match e.loc().items().get(1) {
            Some(LocItem::Index(line)) => *line,
            _ => 0,
        });
    }
    table
}

/// The line numbers of a text's records, counted once from the start (the `csv` crate's
/// own line lags a record behind after a CRLF).
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    /// The line on which the record at byte `start` begins (the first line is 1): line
    /// breaks just before it belong to the record before.
    fn of(&mut self, start: Option<&csv::Position>) -> u64 {
        let start = start
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(self.at)
            .max(self.at);
        let first = self
            .text
            .get(start..)
            .and_then(|rest| rest.iter().position(|b| !matches!(b, b'\r' | b'\n')))
            .map_or(self.text.len(), |skip| start.saturating_add(skip));
        let breaks = self
            .text
            .get(self.at..first)
            .map_or(0, |between| between.iter().filter(|b| **b == b'\n').count());
        self.line = self.line.saturating_add(breaks as u64);
        self.at = first;
        self.line
    }
}

fn cells(record: &csv::StringRecord) -> Vec<(usize, Cell)> {
    record
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cell = if c.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(c.to_string())
            };
            (i, cell)
        })
        .collect()
}

fn not_csv(place: &LocItem, line: u64) -> Error {
    input("not a CSV row", "不是有效的 CSV 行")
        .with_loc(Loc::from([place.clone(), LocItem::Index(line)]))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_crlf() {
        let mut problems = Vec::new();
        let list = List::find("units").unwrap();
        let t = table(
            list,
            LocItem::key("units.csv"),
            "id,level,parent\r\n\"V,1\",\"village\",\"say \"\"hi\"\"\"\r\n\r\n\"V\n2\",town,\n",
            false,
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let rows: Vec<_> = t.rows.iter().map(|(l, r)| (*l, r.clone())).collect();
        assert_eq!(
            rows,
            vec![
                (
                    2,
                    serde_json::json!({"id": "V,1", "level": "village", "parent": "say \"hi\""})
                ),
                (4, serde_json::json!({"id": "V\n2", "level": "town"})),
            ]
        );
    }

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFid\n".to_vec(), Encoding::Auto).unwrap(),
            "id\n"
        );
        assert_eq!(
            decode("编号\n".as_bytes().to_vec(), Encoding::Utf8).unwrap(),
            "编号\n"
        );
        assert_eq!(
            decode(vec![0xB1, 0xE0, 0xBA, 0xC5], Encoding::Utf8)
                .unwrap_err()
                .code(),
            "invalid_input"
        );
    }
}
