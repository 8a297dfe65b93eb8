//! A dataset as an `.xlsx` workbook (the `office` feature), read with `calamine`: one sheet
//! per list, named after the list (`people`) or its Chinese label (`人员`); in each, the
//! first row that is not empty is the header and the rows below it are records. Dates are
//! date cells or text; numbers are number cells or text. A sheet with another name is an
//! error unless it is empty (a blank `Sheet1`), so that a misspelt sheet is never skipped.
//!
//! The workbook is read within the size limit of files, and so is everything it unpacks
//! to (a zip archive's parts), so that a small file cannot expand without bound; cells are
//! streamed and kept sparse, so the cost follows the cells present, not the sheet's extent.

use super::cells::Cell;
use super::labels::List;
use super::read::{self, checked, ReadOptions};
use super::sheet::{read_table, Numbering, Row, Source, Table};
use super::Dataset;
use crate::error::{file_name, Detail};
use crate::{Error, ErrorKind, Loc, LocItem, Result};
use calamine::{DataRef, Reader, Xlsx, XlsxError};
use chrono::NaiveDate;
use std::io::Cursor;
use std::path::Path;

fn input(en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en.into(), zh.into()),
    })
}

/// Reads and checks a workbook.
pub(crate) fn read_workbook(path: &Path, options: &ReadOptions) -> Result<Dataset> {
    let bytes = crate::files::read_bytes(path, options.max_bytes)?;
    let file = file_name(path);
    unpacked_within(&bytes, options.max_bytes).map_err(|e| e.with_loc(Loc(vec![file.clone()])))?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        let detail = match e {
            XlsxError::Password => (
                "the workbook is protected by a password: save it without one",
                "工作簿设有密码：请取消密码后保存",
            ),
            _ => (
                "not an .xlsx workbook that can be read: save it from Excel or WPS as .xlsx",
                "不是可读取的 .xlsx 工作簿：请用 Excel 或 WPS 另存为 .xlsx",
            ),
        };
        input(detail.0, detail.1).with_loc(Loc(vec![file.clone()]))
    })?;
    let mut problems = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    for name in workbook.sheet_names() {
        let cells = match sheet_cells(&mut workbook, &name) {
            Ok(cells) => cells,
            Err(()) => {
                problems.push(
                    input("the sheet cannot be read", "无法读取该工作表")
                        .with_loc(Loc(vec![sheet_place(List::find(&name), &name)])),
                );
                continue;
            }
        };
        let Some(list) = List::find(&name) else {
            if cells.iter().any(|(_, _, c)| !c.is_empty()) {
                problems.push(
                    input(
                        "not a list of the dataset: name the sheets after the lists (units, people, …) or their Chinese labels (单位, 人员, …)",
                        "不是数据集的记录类型：工作表应以列表命名（units、people 等）或以其中文名称命名（单位、人员 等）",
                    )
                    .with_loc(Loc(vec![LocItem::key(&name)])),
                );
            }
            continue;
        };
        tables.push(sheet_table(
            list,
            sheet_place(Some(list), &name),
            cells,
            options.strict,
            &mut problems,
        ));
    }
    let (d, origins) = read::from_tables(tables, &mut problems);
    checked(d, &origins, problems)
}

/// The sheet as a place: the list's name or label as written, else described.
fn sheet_place(list: Option<&List>, name: &str) -> LocItem {
    match list {
        Some(list) if name.trim() == list.label => LocItem::Key(list.label.to_string()),
        _ => LocItem::key(name),
    }
}

/// Refuses an archive whose parts unpack to more than `max_bytes` in all. The zip reader
/// stops any part at the size it declares, so the declared sizes bound what is unpacked.
fn unpacked_within(bytes: &[u8], max_bytes: u64) -> Result<()> {
    let not_a_workbook = || {
        input(
            "not an .xlsx workbook (a zip archive of sheets): save it from Excel or WPS as .xlsx",
            "不是 .xlsx 工作簿（由工作表组成的 zip 压缩包）：请用 Excel 或 WPS 另存为 .xlsx",
        )
    };
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let size = archive
            .by_index_data(i)
            .map_err(|_| not_a_workbook())?
            .size();
        total = total.saturating_add(size);
        if total > max_bytes {
            return Err(Error::new(ErrorKind::TooLarge { limit: max_bytes }));
        }
    }
    Ok(())
}

/// The non-empty cells of a sheet: row, column and value, in reading order.
fn sheet_cells(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
) -> std::result::Result<Vec<(u32, u32, Cell)>, ()> {
    let mut reader = workbook.worksheet_cells_reader(name).map_err(drop)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(drop)? {
        let (row, col) = cell.get_position();
        let value = cell_of(cell.get_value());
        if !value.is_empty() {
            cells.push((row, col, value));
        }
    }
    Ok(cells)
}

/// A worksheet cell as the readers see it.
fn cell_of(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => Cell::Float(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => Cell::Date(excel_day(dt)),
        DataRef::DateTimeIso(s) => Cell::Date(
            s.strip_suffix("T00:00:00")
                .or(Some(s.as_str()))
                .and_then(|d| crate::de::parse_date(d).ok()),
        ),
        DataRef::DateTime(_) | DataRef::DurationIso(_) => Cell::Date(None),
        DataRef::Error(_) => Cell::Error,
        DataRef::Empty => Cell::Empty,
    }
}

/// The day of an Excel date cell: a whole day from 0001 to 9999, else none (a time of
/// day, Excel's 1900-02-29, a serial out of range).
fn excel_day(dt: &calamine::ExcelDateTime) -> Option<NaiveDate> {
    let serial = dt.as_f64();
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let (y, m, d, h, min, s, ms) = dt.to_ymd_hms_milli();
    if (h, min, s, ms) != (0, 0, 0, 0) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

/// The table of one sheet: the first non-empty row is the header.
fn sheet_table(
    list: &'static List,
    place: LocItem,
    mut cells: Vec<(u32, u32, Cell)>,
    strict: bool,
    problems: &mut Vec<Error>,
) -> Table {
    cells.sort_by_key(|(row, col, _)| (*row, *col));
    let mut rows: Vec<Row> = Vec::new();
    for (row, col, cell) in cells {
        let line = u64::from(row) + 1;
        let index = usize::try_from(col).unwrap_or(usize::MAX);
        match rows.last_mut() {
            Some((last, row_cells)) if *last == line => row_cells.push((index, cell)),
            _ => rows.push((line, vec![(index, cell)])),
        }
    }
    let mut rows = rows.into_iter();
    let Some((header_line, header)) = rows.next() else {
        return Table::empty(list, place);
    };
    let source = Source {
        list,
        place,
        strict,
        numbering: Numbering::Letters,
    };
    read_table(source, header_line, &header, rows, problems)
}
