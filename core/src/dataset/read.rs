//! Reading options, and records to a dataset with every problem gathered: the lists of a
//! JSON value read record by record, the tables of CSV files or worksheets read row by row,
//! then all problems reported at once (`invalid_records`) or the dataset checked.

use super::sheet::Table;
use super::{attach_items, Dataset};
use crate::de::from_value;
use crate::error::{Detail, Shown};
use crate::{Error, ErrorKind, Loc, LocItem, Result};
use serde::de::{DeserializeOwned, Error as _, IgnoredAny};
use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

/// The most problems an `invalid_records` error lists; the rest are counted.
pub const MAX_LISTED: usize = 100;

/// The text encoding of CSV files (`docs/dataset.md`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 when the file is valid UTF-8 (with or without a byte-order mark), else
    /// GB18030, which includes GBK and GB2312 (Excel's "CSV (逗号分隔)" in China). Without
    /// the `office` feature, UTF-8 only.
    #[default]
    Auto,
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030, which includes GBK and GB2312 (needs the `office` feature).
    Gb18030,
}

impl Encoding {
    /// The name of the encoding, as [`Encoding::from_str`] reads it.
    ///
    /// ```
    /// use liaison::dataset::Encoding;
    /// assert_eq!(Encoding::Gb18030.name(), "gb18030");
    /// assert_eq!("GBK".parse::<Encoding>()?, Encoding::Gb18030);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

impl FromStr for Encoding {
    type Err = Error;

    /// `auto`, `utf-8` (or `utf8`), `gb18030` (or `gbk`, `gb2312`, which it includes), in
    /// any case.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Encoding::Auto),
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "gb18030" | "gbk" | "gb2312" => Ok(Encoding::Gb18030),
            _ => {
                let v = Shown::text(s.trim());
                Err(Error::new(ErrorKind::InvalidInput {
                    detail: Detail::new(
                        format!("{v} is not an encoding: write auto, utf-8 or gb18030 (gbk)"),
                        format!("{v:#} 不是可用的编码：应为 auto、utf-8 或 gb18030（gbk）"),
                    ),
                }))
            }
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How [`Dataset::from_path_with`] reads files.
///
/// ```
/// use liaison::dataset::{Encoding, ReadOptions};
/// let options = ReadOptions { encoding: Encoding::Utf8, strict: true, ..ReadOptions::default() };
/// assert_eq!(options.max_bytes, liaison::files::MAX_FILE_BYTES);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest file read, in bytes; for a workbook also the largest total of the parts
    /// it unpacks to. Default [`MAX_FILE_BYTES`](crate::files::MAX_FILE_BYTES).
    pub max_bytes: u64,
    /// The text encoding of CSV files. Default [`Encoding::Auto`].
    pub encoding: Encoding,
    /// Only the forms a JSON dataset holds: ISO dates, the names of choices, `true` and
    /// `false`, the fields' names as headers, money in fen. Default `false`: what clerks
    /// type is read too (`docs/dataset.md`, "Accepted forms").
    pub strict: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: crate::files::MAX_FILE_BYTES,
            encoding: Encoding::Auto,
            strict: false,
        }
    }
}

/// No problem: `Ok`; one: that error; more: one `invalid_records` error listing the first
/// [`MAX_LISTED`].
pub(crate) fn finish(mut problems: Vec<Error>) -> Result<()> {
    match problems.len() {
        0 => Ok(()),
        1 => Err(problems
            .pop()
            .unwrap_or_else(|| Error::gathered(Vec::new(), 0))),
        _ => Err(Error::gathered(problems, MAX_LISTED)),
    }
}

// ---------------------------------------------------------------------------------------
// JSON: each record on its own.

/// The records of one list of a JSON dataset, each read on its own: the problems of the
/// bad ones are pushed at `[list, index, …]`.
fn json_list<T: DeserializeOwned>(
    tables: &Map<String, Value>,
    list: &str,
    problems: &mut Vec<Error>,
) -> Vec<T> {
    match tables.get(list) {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                from_value(item)
                    .map_err(|e| problems.push(e.at(i).at(list)))
                    .ok()
            })
            .collect(),
        Some(other) => {
            if let Err(e) = from_value::<Vec<IgnoredAny>>(other) {
                problems.push(e.at(list));
            }
            Vec::new()
        }
    }
}

/// Runs `$read!` on every list of a dataset, in the order of `Dataset::LISTS`, with `$items`
/// (the flat commitment items, put into their commitments) between the commitments and the
/// evaluations: one list of the lists for every reader, so that none forgets one.
macro_rules! each_list {
    ($read:ident, $items:block) => {
        $read!(
            units,
            people,
            households,
            terms,
            receptions,
            visits,
            household_events,
            meetings,
            opinions,
            commitments
        );
        $items
        $read!(evaluations, links, deeds, pairings, aid, implementations);
    };
}

/// The lists of a JSON dataset by name (see [`Dataset::from_tables`]), every record read
/// on its own; the problems in the order of [`Dataset::LISTS`], unknown keys first.
pub(crate) fn json_tables(tables: &Map<String, Value>) -> (Dataset, Vec<Error>) {
    let mut problems = Vec::new();
    let mut unknown: Vec<&String> = tables
        .keys()
        .filter(|k| !Dataset::LISTS.contains(&k.as_str()))
        .collect();
    unknown.sort();
    for key in unknown {
        problems.push(Error::unknown_field(key, Dataset::LISTS));
    }
    let mut d = Dataset::default();
    macro_rules! read {
        ($($name:ident),*) => {$(
            d.$name = json_list(tables, stringify!($name), &mut problems);
        )*};
    }
    each_list!(read, {
        let items = json_items(tables, &mut problems);
        attach_items(
            &mut d.commitments,
            items,
            |i, e| {
                e.within(&Loc::from([
                    LocItem::key("commitment_items"),
                    LocItem::from(i),
                ]))
            },
            &mut problems,
        );
    });
    (d, problems)
}

/// The flat `commitment_items` of a JSON dataset: index, owner and the item's other keys.
fn json_items(
    tables: &Map<String, Value>,
    problems: &mut Vec<Error>,
) -> Vec<(usize, String, Value)> {
    let rows: Vec<Value> = match tables.get("commitment_items") {
        None => return Vec::new(),
        Some(flat) => match from_value(flat) {
            Ok(rows) => rows,
            Err(e) => {
                problems.push(e.at("commitment_items"));
                return Vec::new();
            }
        },
    };
    let mut items = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        let at = |e: Error| e.at(i).at("commitment_items");
        let mut row: Map<String, Value> = match from_value(&row) {
            Ok(row) => row,
            Err(e) => {
                problems.push(at(e));
                continue;
            }
        };
        match row.remove("commitment") {
            Some(Value::String(owner)) => items.push((i, owner, Value::Object(row))),
            _ => problems.push(at(Error::missing_field("commitment"))),
        }
    }
    items
}

// ---------------------------------------------------------------------------------------
// Tables: CSV files and worksheets.

/// Where each list of a dataset read from tables came from, to place the errors of
/// [`Dataset::validate`] at the file, line and column.
#[derive(Debug, Default)]
pub(crate) struct Origins(Vec<Origin>);

#[derive(Debug)]
struct Origin {
    list: &'static str,
    place: LocItem,
    lines: Vec<u64>,
    columns: Vec<(&'static str, LocItem)>,
}

impl Origins {
    /// An error at `[list, index, field, …]` (as [`Dataset::validate`] places it) moved to
    /// `[file, line, column, …]`.
    pub fn place(&self, e: Error) -> Error {
        let items = e.loc().items();
        let (Some(LocItem::Key(list)), Some(LocItem::Index(i))) = (items.first(), items.get(1))
        else {
            return e;
        };
        let Some(origin) = self.0.iter().find(|o| o.list == list.as_str()) else {
            return e;
        };
        let Some(line) = usize::try_from(*i).ok().and_then(|i| origin.lines.get(i)) else {
            return e;
        };
        let mut loc = vec![origin.place.clone(), LocItem::Index(*line)];
        let mut rest = items.iter().skip(2);
        if let Some(LocItem::Key(field)) = rest.next() {
            loc.push(
                origin
                    .columns
                    .iter()
                    .find(|(f, _)| f == field)
                    .map_or_else(|| LocItem::key(field), |(_, c)| c.clone()),
            );
        }
        loc.extend(rest.cloned());
        e.with_loc(Loc(loc))
    }
}

/// The records of one table, each read on its own.
fn table_list<T: DeserializeOwned>(
    table: Option<&Table>,
    origins: &mut Origins,
    problems: &mut Vec<Error>,
) -> Vec<T> {
    let Some(table) = table else {
        return Vec::new();
    };
    let mut lines = Vec::with_capacity(table.rows.len());
    let records = table
        .rows
        .iter()
        .filter_map(|(line, row)| match from_value(row) {
            Ok(record) => {
                lines.push(*line);
                Some(record)
            }
            Err(e) => {
                problems.push(table.place(*line, e));
                None
            }
        })
        .collect();
    origins.0.push(Origin {
        list: table.list.name,
        place: table.place.clone(),
        lines,
        columns: table.columns.clone(),
    });
    records
}

/// A dataset from the tables of CSV files or worksheets, each list at most once. The
/// problems are pushed onto `problems`.
pub(crate) fn from_tables(tables: Vec<Table>, problems: &mut Vec<Error>) -> (Dataset, Origins) {
    let mut by_list: Vec<Table> = Vec::new();
    for table in tables {
        if by_list.iter().any(|t| t.list.name == table.list.name) {
            problems.push(
                Error::new(ErrorKind::InvalidInput {
                    detail: Detail::new(
                        format!(
                            "the list `{}` is given a second time (as {} and {})",
                            table.list.name, table.list.name, table.list.label
                        ),
                        format!(
                            "“{}”重复给出（{} 与 {}）",
                            table.list.label, table.list.name, table.list.label
                        ),
                    ),
                })
                .with_loc(Loc(vec![table.place.clone()])),
            );
        } else {
            by_list.push(table);
        }
    }
    let get = |name: &str| by_list.iter().find(|t| t.list.name == name);
    let mut origins = Origins::default();
    let mut d = Dataset::default();
    macro_rules! read {
        ($($name:ident),*) => {$(
            d.$name = table_list(get(stringify!($name)), &mut origins, problems);
        )*};
    }
    each_list!(read, {
        if let Some(table) = get("commitment_items") {
            let mut items = Vec::new();
            let mut lines = Vec::new();
            for (line, row) in &table.rows {
                let mut row = row.clone();
                // The reader requires the column: a row without it was already reported.
                if let Some(Value::String(owner)) =
                    row.as_object_mut().and_then(|r| r.remove("commitment"))
                {
                    items.push((lines.len(), owner, row));
                    lines.push(*line);
                }
            }
            attach_items(
                &mut d.commitments,
                items,
                |i, e| table.place(lines.get(i).copied().unwrap_or(0), e),
                problems,
            );
        }
    });
    (d, origins)
}

/// The dataset of tables checked: the problems reported, else [`Dataset::validate`] with
/// its error placed at the file, line and column.
pub(crate) fn checked(d: Dataset, origins: &Origins, problems: Vec<Error>) -> Result<Dataset> {
    finish(problems)?;
    d.validate().map_err(|e| origins.place(e))?;
    Ok(d)
}
