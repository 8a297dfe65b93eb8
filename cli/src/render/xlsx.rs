//! The report of `check` as an Excel workbook (rust_xlsxwriter), for offices that work in
//! Excel or WPS: the findings (most severe first, figures with their units), the rules, the
//! units (ranked as in the HTML report), the records not judged, and what the sheets mean.
//! Headings are Chinese with English beside; dates are Excel dates; money is in yuan.

use super::findings::{by_severity, code_info, ranked_units, reason_en, reason_zh, Measure};
use super::rate;
use liaison::error::Detail;
use liaison::{Error, ErrorKind, Report};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// The sheets' names, in order.
pub const SHEETS: [&str; 5] = [
    "问题 findings",
    "按规则 by rule",
    "按单位 by unit",
    "未评判记录 not judged",
    "说明 about",
];

fn failed(e: &XlsxError) -> Error {
    let (en, zh) = match e {
        XlsxError::RowColumnLimitError => (
            "the report has more rows than a worksheet holds (1 048 576): use --format csv",
            "报告行数超过工作表上限（1 048 576 行）：请用 --format csv",
        ),
        _ => ("the workbook cannot be made", "无法生成工作簿"),
    };
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
    .at("--format")
}

struct Formats {
    heading: Format,
    date: Format,
    yuan: Format,
    percent: Format,
}

fn headings(sheet: &mut Worksheet, f: &Formats, names: &[&str]) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        let col = u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(0, col, *name, &f.heading)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: chrono::NaiveDate,
    f: &Formats,
) -> Result<(), XlsxError> {
    use chrono::Datelike;
    match (
        u16::try_from(d.year()),
        u8::try_from(d.month()),
        u8::try_from(d.day()),
    ) {
        (Ok(y), Ok(m), Ok(day)) if y >= 1900 => {
            let value = ExcelDateTime::from_ymd(y, m, day)?;
            sheet.write_datetime_with_format(row, col, &value, &f.date)?;
        }
        // Excel has no date before 1900: the ISO text.
        _ => {
            sheet.write_string(row, col, d.to_string())?;
        }
    }
    Ok(())
}

/// A figure as a number, in yuan for money.
fn figure(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    m: Measure,
    n: u64,
    f: &Formats,
) -> Result<(), XlsxError> {
    match m {
        Measure::Fen => {
            sheet.write_number_with_format(row, col, n as f64 / 100.0, &f.yuan)?;
        }
        _ => {
            sheet.write_number(row, col, n as f64)?;
        }
    }
    Ok(())
}

/// Text cut to what a cell holds (32 767 characters).
fn cell_text(text: &str) -> String {
    const MAX: usize = 32_000;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(MAX).collect();
        cut.push_str(" …");
        cut
    }
}

fn row_of(i: usize) -> Result<u32, XlsxError> {
    u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The workbook's bytes.
///
/// # Errors
/// `invalid_input` when the report does not fit in a worksheet.
pub fn xlsx(r: &Report, names: &BTreeMap<String, String>) -> Result<Vec<u8>, Error> {
    build(r, names).map_err(|e| failed(&e))
}

fn build(r: &Report, names: &BTreeMap<String, String>) -> Result<Vec<u8>, XlsxError> {
    let f = Formats {
        heading: Format::new().set_bold().set_background_color("F3F3F3"),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        yuan: Format::new().set_num_format("0.00"),
        percent: Format::new().set_num_format("0.0%"),
    };
    let mut book = Workbook::new();
    let [findings_name, rules_name, units_name, not_judged_name, about_name] = SHEETS;

    let sheet = book.add_worksheet();
    sheet.set_name(findings_name)?;
    headings(
        sheet,
        &f,
        &[
            "严重程度 severity",
            "等级 level",
            "规则 rule",
            "问题代码 code",
            "单位 unit",
            "对象 subject",
            "期间 period",
            "起 start",
            "止 end",
            "应达 expected",
            "实际 actual",
            "计量 unit of measure",
            "说明 message_zh",
            "message",
            "暂定 provisional",
            "计入的记录 records counted",
        ],
    )?;
    let sorted = by_severity(r);
    for (i, x) in sorted.iter().enumerate() {
        let row = row_of(i)?;
        let info = code_info(&x.code);
        sheet.write_string(
            row,
            0,
            format!("{} {}", info.severity.zh(), info.severity.en()),
        )?;
        sheet.write_number(row, 1, f64::from(info.severity.0))?;
        sheet.write_string(row, 2, &x.rule)?;
        sheet.write_string(row, 3, &x.code)?;
        sheet.write_string(row, 4, &x.unit)?;
        sheet.write_string(row, 5, &x.subject)?;
        sheet.write_string(row, 6, &x.period.label)?;
        date(sheet, row, 7, x.period.start, &f)?;
        date(sheet, row, 8, x.period.end, &f)?;
        figure(sheet, row, 9, info.expected, x.expected, &f)?;
        figure(sheet, row, 10, info.actual, x.actual, &f)?;
        let unit = if info.expected == info.actual {
            info.expected.unit_zh().to_string()
        } else {
            format!("{} / {}", info.expected.unit_zh(), info.actual.unit_zh())
        };
        sheet.write_string(row, 11, unit)?;
        sheet.write_string(row, 12, &x.message_zh)?;
        sheet.write_string(row, 13, &x.message)?;
        sheet.write_boolean(row, 14, x.provisional)?;
        if let Some(records) = &x.counted {
            let listed: Vec<String> = records
                .iter()
                .map(|c| {
                    let mut one = format!("{} {} {}", c.date, c.record, c.ids.join(" "));
                    if let Some(fen) = c.amount_fen {
                        one.push_str(&format!(" {}.{:02} yuan", fen / 100, fen % 100));
                    }
                    one
                })
                .collect();
            sheet.write_string(row, 15, cell_text(&listed.join("; ")))?;
        }
    }
    sheet.autofilter(0, 0, u32::try_from(sorted.len()).unwrap_or(u32::MAX), 15)?;
    sheet.set_column_width(12, 60)?;
    sheet.set_column_width(13, 60)?;
    for col in [0u16, 3, 4, 5, 6] {
        sheet.set_column_width(col, 18)?;
    }
    for col in [7u16, 8] {
        sheet.set_column_width(col, 11)?;
    }

    let sheet = book.add_worksheet();
    sheet.set_name(rules_name)?;
    headings(
        sheet,
        &f,
        &[
            "规则 rule",
            "内容 the notice's words",
            "评判 judged",
            "达标 met",
            "未达标 not met",
            "未评判 not judged",
            "达标率 rate",
            "未评判原因 why not judged",
        ],
    )?;
    for (i, t) in r.by_rule.iter().enumerate() {
        let row = row_of(i)?;
        let text = liaison::rules::RULES
            .iter()
            .find(|x| x.id == t.key)
            .map_or("", |x| x.source_zh);
        sheet.write_string(row, 0, &t.key)?;
        sheet.write_string(row, 1, text)?;
        sheet.write_number(row, 2, t.judged as f64)?;
        sheet.write_number(row, 3, t.met as f64)?;
        sheet.write_number(row, 4, t.not_met as f64)?;
        sheet.write_number(row, 5, t.not_judged as f64)?;
        if let Some(p) = t.rate_permille {
            sheet.write_number_with_format(row, 6, p as f64 / 1000.0, &f.percent)?;
        }
        let reasons: Vec<String> = t
            .not_judged_by_reason
            .iter()
            .map(|(reason, n)| format!("{} {reason} {n}", reason_zh(reason)))
            .collect();
        sheet.write_string(row, 7, reasons.join("；"))?;
    }
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(7, 60)?;

    let sheet = book.add_worksheet();
    sheet.set_name(units_name)?;
    headings(
        sheet,
        &f,
        &[
            "单位 unit",
            "名称 name",
            "最重问题 worst",
            "问题 findings",
            "评判 judged",
            "达标 met",
            "未达标 not met",
            "未评判 not judged",
            "未达标占比 share not met",
            "达标率 rate",
        ],
    )?;
    for (i, u) in ranked_units(r, names).iter().enumerate() {
        let row = row_of(i)?;
        sheet.write_string(row, 0, &u.tally.key)?;
        if let Some(name) = u.name {
            sheet.write_string(row, 1, name)?;
        }
        if u.worst.0 > 0 {
            sheet.write_string(row, 2, format!("{} {}", u.worst.zh(), u.worst.en()))?;
        }
        sheet.write_number(row, 3, u.findings.len() as f64)?;
        sheet.write_number(row, 4, u.tally.judged as f64)?;
        sheet.write_number(row, 5, u.tally.met as f64)?;
        sheet.write_number(row, 6, u.tally.not_met as f64)?;
        sheet.write_number(row, 7, u.tally.not_judged as f64)?;
        if u.tally.judged > 0 {
            sheet.write_number_with_format(row, 8, u.shortfall() as f64 / 1000.0, &f.percent)?;
        }
        if let Some(p) = u.tally.rate_permille {
            sheet.write_number_with_format(row, 9, p as f64 / 1000.0, &f.percent)?;
        }
    }
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(2, 16)?;

    let sheet = book.add_worksheet();
    sheet.set_name(not_judged_name)?;
    headings(
        sheet,
        &f,
        &[
            "规则 rule",
            "单位 unit",
            "记录 record",
            "期间 period",
            "原因 reason",
            "原因代码 code",
            "reason",
        ],
    )?;
    for (i, o) in r.records_not_judged.iter().enumerate() {
        let row = row_of(i)?;
        let reason = o.reason.as_deref().unwrap_or("");
        sheet.write_string(row, 0, &o.rule)?;
        sheet.write_string(row, 1, &o.unit)?;
        sheet.write_string(row, 2, &o.subject)?;
        sheet.write_string(row, 3, &o.period.label)?;
        sheet.write_string(row, 4, reason_zh(reason))?;
        sheet.write_string(row, 5, reason)?;
        sheet.write_string(row, 6, reason_en(reason))?;
    }

    let sheet = book.add_worksheet();
    sheet.set_name(about_name)?;
    let total_judged: u64 = r.by_rule.iter().map(|t| t.judged).sum();
    let total_met: u64 = r.by_rule.iter().map(|t| t.met).sum();
    let permille = (total_judged > 0)
        .then(|| (u128::from(total_met) * 1000 / u128::from(total_judged)) as u64);
    let about: [(&str, String); 11] = [
        ("检查期间起 start", r.start.to_string()),
        ("检查期间止 end", r.end.to_string()),
        ("记录截至 as of", r.as_of.to_string()),
        ("依据 policy", r.policy.clone()),
        ("评判 judged", total_judged.to_string()),
        ("达标率 rate", rate(permille)),
        ("问题 findings", r.findings.len().to_string()),
        ("暂定 provisional", r.provisional.to_string()),
        ("单位 units", "单位以编号显示：数据集尚无单位名称 (units are shown by their ids: the dataset has no unit names yet)".to_string()),
        ("严重程度 severity", "4 严重 critical: S3.8 resign or rectify; 3 较重 serious: a person left waiting or without contact (S5, S2.3, S2.4, S4.1), a commitment listed against the vote (S3.5); 2 一般 moderate: a yearly, term or procedural duty short; 1 轻微 minor: a missed reception week, month or turn (S1)".to_string()),
        ("应达 expected", "the requirement after prorating (A16); money in yuan".to_string()),
    ];
    for (i, (k, v)) in about.iter().enumerate() {
        let row = u32::try_from(i).unwrap_or(u32::MAX);
        sheet.write_string_with_format(row, 0, *k, &f.heading)?;
        sheet.write_string(row, 1, v)?;
    }
    sheet.set_column_width(0, 20)?;
    sheet.set_column_width(1, 100)?;

    book.save_to_buffer()
}
