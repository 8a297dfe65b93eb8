//! Files as offices in China keep them (issue 10, items 4–7), made in the test: UTF-8 CSV
//! with and without a byte-order mark, GBK and GB18030 CSV (encoded with `encoding_rs`),
//! `.xlsx` workbooks (written with `rust_xlsxwriter`) with Chinese sheet and column names
//! and Excel date cells; what clerks type and the strict reading that refuses it; every
//! problem of every file at once, each at its file, line and column, and no personal value
//! in any message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::dataset::{Dataset, Encoding, ReadOptions};
use liaison::Error;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A fresh folder for one test, removed when the test ends.
struct Folder(PathBuf);

impl std::ops::Deref for Folder {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn folder(name: &str) -> Folder {
    let dir = std::env::temp_dir().join(format!("liaison-office-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Folder(dir)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn strict() -> ReadOptions {
    ReadOptions {
        strict: true,
        ..ReadOptions::default()
    }
}

/// Every problem of an error: the ones it gathers, or itself; as (code, loc).
fn problems(e: &Error) -> Vec<(String, Value)> {
    let all: Vec<&Error> = if e.related().is_empty() {
        vec![e]
    } else {
        e.related().iter().collect()
    };
    all.into_iter()
        .map(|p| (p.code().to_string(), serde_json::to_value(p.loc()).unwrap()))
        .collect()
}

fn p(code: &str, loc: Value) -> (String, Value) {
    (code.to_string(), loc)
}

/// Every message of an error and its problems, English and Chinese, and its JSON.
fn all_text(e: &Error) -> String {
    let mut out = serde_json::to_string(e).unwrap();
    for p in std::iter::once(e).chain(e.related()) {
        out.push_str(&p.message());
        out.push_str(&p.message_zh());
    }
    out
}

/// The district of the clerk-typed files, in the canonical JSON form.
fn canonical() -> Dataset {
    Dataset::from_value(&json!({
        "units": [
            {"id": "D", "level": "district"},
            {"id": "T1", "level": "town", "parent": "D"},
            {"id": "V1", "level": "village", "parent": "T1"},
            {"id": "C1", "level": "community", "parent": "T1"},
            {"id": "ORG", "level": "organisation"}
        ],
        "people": [
            {"id": "S", "unit": "V1", "role": "secretary", "standing_committee": false, "from": "2009-01-05"},
            {"id": "M", "unit": "V1", "role": "member", "from": "2009-01-05", "to": "2010-06-30"},
            {"id": "DS", "unit": "D", "role": "secretary", "standing_committee": true, "from": "2008-01-01"}
        ],
        "households": [
            {"id": "H1", "unit": "V1", "member": "M", "poor": true, "focus": false, "away": true}
        ],
        "receptions": [
            {"person": "S", "date": "2009-01-10", "minutes": 240, "place": "reception_office"},
            {"person": "DS", "date": "2009-02-07", "minutes": 300, "place": "market"}
        ],
        "household_events": [
            {"id": "E1", "household": "H1", "kind": "hospital", "date": "2009-03-01"}
        ],
        "opinions": [
            {"id": "O1", "unit": "V1", "received": "2009-01-20", "responsibility": "outside_remit",
             "fed_back": "2009-02-01", "result": true, "closed": true}
        ],
        "commitments": [
            {"id": "K1", "unit": "V1", "year": 2009, "kind": "term", "published": "2009-02-01",
             "items": [{"id": "I1", "approve": 20, "disapprove": 10, "abstain": 0, "listed": true}]}
        ],
        "evaluations": [
            {"unit": "V1", "year": 2009, "satisfied": 91, "basically_satisfied": 9, "combined": "excellent"}
        ],
        "links": [
            {"id": "L1", "kind": "industry_village", "helper": "ORG", "unit": "V1", "from": "2009-01-01"}
        ],
        "pairings": [{"id": "P1", "household": "H1", "from": "2009-01-01"}],
        "aid": [
            {"pairing": "P1", "date": "2009-06-25", "amount_fen": 18567},
            {"pairing": "P1", "date": "2009-07-01", "amount_fen": 30}
        ]
    }))
    .unwrap()
}

/// The same district as a clerk types it: Chinese file names, headers and labels, dates as
/// `2009/1/5`, booleans as 是/否, money in yuan (UTF-8, CRLF like Excel).
fn clerk_files(dir: &Path) {
    let files: &[(&str, &str)] = &[
        ("单位.csv", "编号,级别,上级单位\nD,区,\nT1,街道,D\nV1,村,T1\nC1,社区,T1\nORG,组织,\n"),
        (
            "people.csv",
            "编号,单位,职务,区委常委,任职起始日期,任职终止日期\n\
             S,V1,书记,否,2009/1/5,\n\
             M,V1,委员,,2009.1.5,2010年6月30日\n\
             DS,D,书记,是,2008-1-1,\n",
        ),
        ("农户.csv", "编号,村（社区）,联系班子成员,贫困户,重点户,有外出人员\nH1,V1,M,是,否,Y\n"),
        (
            "接待记录.csv",
            " 接待人 ,日期,接待时长(分钟),接待地点\nS,2009年1月10日,240,群众接待室\nDS,2009/02/07,300,逢集赶场\n",
        ),
        ("五必访.csv", "编号,农户,事项,日期\nE1,H1,住院治疗,2009/3/1\n"),
        (
            "opinions.csv",
            "编号,单位,反映时间,办理类别,反馈本人时间,办理结果,是否销号\nO1,V1,2009-1-20,职责外,2009/2/1,是,是\n",
        ),
        ("承诺.csv", "编号,村（社区）,年度,承诺类别,公开承诺日期\nK1,V1,2009年,任期,2009/2/1\n"),
        ("承诺事项.csv", "承诺编号,编号,赞成票,反对票,弃权票,列入承诺\nK1,I1,20,10,0,是\n"),
        ("年终测评.csv", "村（社区）,年度,满意票,基本满意票,综合考评结果\nV1,2009,91,9,优秀\n"),
        ("帮扶关系.csv", "编号,帮扶形式,帮扶单位,村（社区）,起始日期\nL1,工农联姻,ORG,V1,2009/1/1\n"),
        ("结对帮扶.csv", "编号,农户,起始日期\nP1,H1,2009/1/1\n"),
        ("帮扶资金.csv", "结对编号,日期,金额(元)\nP1,2009/6/25,¥185.67\nP1,2009/7/1,0.3\n"),
    ];
    for (name, text) in files {
        write(dir, name, &text.replace('\n', "\r\n"));
    }
}

#[test]
fn the_example_folder_reads_as_the_example_json() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let csv = Dataset::from_path(&examples.join("district-csv")).unwrap();
    let json = Dataset::from_path(&examples.join("district.json")).unwrap();
    assert_eq!(csv, json);
    let strict = Dataset::from_path_with(&examples.join("district-csv"), &strict()).unwrap();
    assert_eq!(strict, json);
}

#[test]
fn what_clerks_type_reads_as_the_canonical_form() {
    let dir = folder("clerk");
    clerk_files(&dir);
    assert_eq!(Dataset::from_path(&dir).unwrap(), canonical());
}

#[test]
fn utf8_with_a_byte_order_mark() {
    let dir = folder("bom");
    write(&dir, "units.csv", "\u{feff}编号,级别\r\nV1,村\r\n");
    write(&dir, "meetings.csv", "\u{feff}unit,date\nV1,2009-01-05\n");
    for encoding in [Encoding::Auto, Encoding::Utf8] {
        let options = ReadOptions {
            encoding,
            ..ReadOptions::default()
        };
        let d = Dataset::from_path_with(&dir, &options).unwrap();
        assert_eq!((d.units[0].id.as_str(), d.meetings.len()), ("V1", 1));
    }
}

#[test]
fn strict_reading_refuses_what_clerks_type() {
    let dir = folder("strict");
    write(&dir, "单位.csv", "编号,级别\nV1,村\n");
    write(
        &dir,
        "people.csv",
        "id,unit,role,standing_committee,from\nS,V1,书记,是,2009/1/5\nM,V1,member,false,2009-01-05\n",
    );
    write(&dir, "pairings.csv", "id,household,from\n");
    write(&dir, "aid.csv", "pairing,date,amount_yuan\n");
    write(
        &dir,
        "commitments.csv",
        "id,unit,year,kind\nK1,V1,2009年,annual\n",
    );
    let e = Dataset::from_path_with(&dir, &strict()).unwrap_err();
    assert_eq!(e.code(), "invalid_records");
    assert_eq!(
        problems(&e),
        vec![
            p("invalid_input", json!(["aid.csv", 1, "amount_yuan"])),
            p("invalid_input", json!(["commitments.csv", 2, "year"])),
            p("invalid_input", json!(["people.csv", 2, "role"])),
            p(
                "invalid_input",
                json!(["people.csv", 2, "standing_committee"])
            ),
            p("invalid_date", json!(["people.csv", 2, "from"])),
            p("invalid_input", json!(["单位.csv", 1, "编号"])),
            p("invalid_input", json!(["单位.csv", 1, "级别"])),
        ]
    );
    let text = all_text(&e);
    assert!(text.contains("strict reading refuses"), "{text}");
    assert!(text.contains("write secretary, member"), "{text}");
    // The same folder, read as clerks type.
    let d = Dataset::from_path(&dir).unwrap();
    assert_eq!(
        (
            d.people[0].role,
            d.people[0].standing_committee,
            d.people[0].from.to_string()
        ),
        (
            liaison::dataset::Role::Secretary,
            true,
            "2009-01-05".to_string()
        )
    );
    assert_eq!(
        (d.units[0].level, d.commitments[0].year),
        (liaison::dataset::Level::Village, 2009)
    );
}

#[test]
fn every_problem_of_every_file_with_its_line_and_column() {
    let dir = folder("rows");
    write(
        &dir,
        "units.csv",
        "id,level,parent\nT1,town,\nV1,village,T1\n",
    );
    write(
        &dir,
        "people.csv",
        "id,unit,role,from\nM,V1,member,2009-01-01\n",
    );
    write(&dir, "households.csv", "id,unit\nH1,V1\n");
    write(
        &dir,
        "visits.csv",
        "person,household,date\r\n\
         M,H1,2009-01-05\r\n\
         M,H1,2009-02-30\r\n\
         \"M\r\nX\",,2009-01-07\r\n\
         ,,\r\n\
         M,H1,2009-1-8,extra\r\n\
         M,H,1,2009-01-09\r\n\
         M,H1,13812345678\r\n",
    );
    write(
        &dir,
        "接待记录.csv",
        "接待人,日期,接待时长（分钟）\nM,2009-01-05,-30\nM,2009-01-06,四小时\nM,2009-01-07,240\n",
    );
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(e.code(), "invalid_records");
    assert_eq!(
        e.message(),
        "7 problems in the records; the first 7 are listed"
    );
    assert_eq!(
        problems(&e),
        vec![
            p("invalid_date", json!(["visits.csv", 3, "date"])),
            p("invalid_input", json!(["visits.csv", 4, "household"])),
            p("invalid_input", json!(["visits.csv", 7])),
            p("invalid_input", json!(["visits.csv", 8])),
            p("invalid_date", json!(["visits.csv", 9, "date"])),
            p(
                "invalid_count",
                json!(["接待记录.csv", 2, "接待时长（分钟）"])
            ),
            p(
                "invalid_count",
                json!(["接待记录.csv", 3, "接待时长（分钟）"])
            ),
        ]
    );
    let row = &e.related()[2];
    assert_eq!(
        row.message(),
        "`visits.csv[7]`: 4 cells where the header has 3 (a comma inside a value must be quoted)"
    );
    assert_eq!(
        e.related()[1].message(),
        "`visits.csv[4].household`: a value is required in this column"
    );
    assert!(!all_text(&e).contains("13812345678"));
}

#[test]
fn references_are_checked_at_the_file_line_and_column() {
    let dir = folder("refs");
    write(&dir, "units.csv", "id,level\nV1,village\n");
    write(
        &dir,
        "人员.csv",
        "编号,单位,职务,任职起始日期\nS,V1,书记,2009-01-01\nM,V9,委员,2009-01-01\n",
    );
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(
        problems(&e),
        vec![p("unknown_reference", json!(["人员.csv", 3, "单位"]))]
    );
    write(
        &dir,
        "人员.csv",
        "编号,单位,职务,任职起始日期\nS,V1,书记,2009-01-01\nS,V1,委员,2009-01-01\n",
    );
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(
        (e.code(), e.message()),
        (
            "duplicate_id",
            "`人员.csv[3].编号`: repeats the id `S` used before".to_string()
        )
    );
}

#[test]
fn a_header_error_is_at_line_1_and_lists_the_columns() {
    let dir = folder("header");
    write(&dir, "units.csv", "id,level\nV1,village\n");
    write(
        &dir,
        "people.csv",
        "id,unit,role,from,姓名,from\nS,V1,secretary,2009-01-01,张三丰,2009-01-01\n",
    );
    write(&dir, "visits.csv", "person,date\nS,2009-01-05\n");
    write(&dir, "peoples.csv", "id\n");
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(
        problems(&e),
        vec![
            p(
                "invalid_input",
                json!(["people.csv", 1, "<a key of 2 characters>"])
            ),
            p("invalid_input", json!(["people.csv", 1, "from"])),
            p("invalid_input", json!(["peoples.csv"])),
            p("invalid_input", json!(["visits.csv", 1])),
        ]
    );
    let unknown = e.related()[0].message();
    assert!(
        unknown.contains("column 5 is not a column of `people`: the columns are id, unit, role, standing_committee, from, to (or 编号, 单位, 职务, 区委常委, 任职起始日期, 任职终止日期)"),
        "{unknown}"
    );
    assert!(e.related()[1]
        .message()
        .contains("column 6 gives `from` a second time"));
    assert!(e.related()[3]
        .message()
        .contains("the required column `household` (农户) is missing"));
    let text = all_text(&e);
    assert!(!text.contains("张三丰") && !text.contains("姓名"), "{text}");
}

#[test]
fn no_personal_value_reaches_a_message() {
    let dir = folder("personal");
    write(&dir, "units.csv", "id,level\nV1,王老五家\nV2,hamlet\n");
    write(
        &dir,
        "households.csv",
        "id,unit,poor\nH1,V1,张三丰\nH2,V1,重庆市巴南区鱼洞街道\n",
    );
    write(
        &dir,
        "receptions.csv",
        "person,date,minutes\n13812345678,2009-01-05,13812345678\nS,李四,240\n",
    );
    write(
        &dir,
        "commitments.csv",
        "id,unit,year,kind\nK1,V1,二〇〇九,annual\n",
    );
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(e.code(), "invalid_records");
    assert_eq!(e.related().len(), 7, "{:#?}", problems(&e));
    let text = all_text(&e);
    for personal in [
        "王老五",
        "张三丰",
        "重庆市",
        "13812345678",
        "李四",
        "二〇〇九",
    ] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    // What is not personal is shown, with the expected forms.
    assert!(
        text.contains("`hamlet` is not a level: write district, town"),
        "{text}"
    );
    assert!(
        text.contains("a text of 4 characters is not a level"),
        "{text}"
    );
    assert!(
        text.contains("a text of 3 characters is not true or false"),
        "{text}"
    );
}

#[test]
fn a_json_dataset_reports_every_bad_record() {
    let data = json!({
        "units": [{"id": "V1", "level": "village"}, {"id": "V2", "level": "hamlet"}],
        "visits": [{"person": "P", "household": "H", "date": "2009-1-5"}, {"person": "P"}],
        "peoples": []
    });
    let e = Dataset::from_value(&data).unwrap_err();
    assert_eq!(
        problems(&e),
        vec![
            p("invalid_input", json!(["peoples"])),
            p("invalid_input", json!(["units", 1, "level"])),
            p("invalid_date", json!(["visits", 0, "date"])),
            p("invalid_input", json!(["visits", 1, "household"])),
        ]
    );
    let dir = folder("json");
    write(&dir, "district.json", &data.to_string());
    let e = Dataset::from_path(&dir.join("district.json")).unwrap_err();
    assert_eq!(
        serde_json::to_value(e.loc()).unwrap(),
        json!(["district.json"])
    );
    assert_eq!(
        problems(&e)[2],
        p(
            "invalid_date",
            json!(["district.json", "visits", 0, "date"])
        )
    );
}

#[test]
fn at_most_100_problems_are_listed_and_all_are_counted() {
    let dir = folder("many");
    write(&dir, "units.csv", "id,level\nV1,village\n");
    let mut text = String::from("unit,date\n");
    for _ in 0..150 {
        text.push_str("V1,2009-02-30\n");
    }
    write(&dir, "meetings.csv", &text);
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(e.related().len(), 100);
    assert_eq!(
        e.message(),
        "150 problems in the records; the first 100 are listed"
    );
    assert_eq!(
        problems(&e)[99],
        p("invalid_date", json!(["meetings.csv", 101, "date"]))
    );
}

/// GBK as Excel's "CSV (逗号分隔)" saves it in China.
fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "{text} is not GBK");
    bytes.into_owned()
}

#[cfg(feature = "office")]
#[test]
fn gbk_and_gb18030_csv() {
    let dir = folder("gbk");
    let units = "编号,级别,上级单位\r\nD,区,\r\nT1,镇,D\r\nV1,村,T1\r\n";
    std::fs::write(dir.join("units.csv"), gbk(units)).unwrap();
    std::fs::write(
        dir.join("people.csv"),
        gbk("编号,单位,职务,任职起始日期\r\nS,V1,书记,2009年1月5日\r\n"),
    )
    .unwrap();
    let expected = Dataset::from_value(&json!({
        "units": [{"id": "D", "level": "district"}, {"id": "T1", "level": "town", "parent": "D"},
                  {"id": "V1", "level": "village", "parent": "T1"}],
        "people": [{"id": "S", "unit": "V1", "role": "secretary", "from": "2009-01-05"}]
    }))
    .unwrap();
    for encoding in [Encoding::Auto, Encoding::Gb18030] {
        let options = ReadOptions {
            encoding,
            ..ReadOptions::default()
        };
        assert_eq!(Dataset::from_path_with(&dir, &options).unwrap(), expected);
    }
    let utf8 = ReadOptions {
        encoding: Encoding::Utf8,
        ..ReadOptions::default()
    };
    let e = Dataset::from_path_with(&dir, &utf8).unwrap_err();
    assert_eq!(
        problems(&e),
        vec![
            p("invalid_input", json!(["people.csv"])),
            p("invalid_input", json!(["units.csv"])),
        ]
    );
    assert!(e.related()[0].message().contains("not UTF-8 text"));

    // 𠀀 (U+20000) is in GB18030 but not in GBK; a UTF-8 reading of it fails.
    let name = "编号,级别\r\n𠀀1,村\r\n";
    assert!(encoding_rs::GBK.encode(name).2, "GBK cannot hold it");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(name);
    assert!(!unmappable);
    let dir = folder("gb18030");
    std::fs::write(dir.join("units.csv"), &bytes).unwrap();
    let d = Dataset::from_path(&dir).unwrap();
    assert_eq!(d.units[0].id, "𠀀1");

    // Neither UTF-8 nor GB18030: a coded error naming the file.
    std::fs::write(
        dir.join("units.csv"),
        [b'i', b'd', b'\n', 0x81, 0x20, b'\n'],
    )
    .unwrap();
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(
        (e.code(), e.field().as_deref()),
        ("invalid_input", Some("units.csv"))
    );
    assert!(
        e.message().contains("neither UTF-8 nor GB18030"),
        "{}",
        e.message()
    );
}

#[cfg(not(feature = "office"))]
#[test]
fn without_the_office_feature_gbk_and_xlsx_are_refused_by_name() {
    let dir = folder("no-office");
    std::fs::write(dir.join("units.csv"), gbk("编号,级别\r\nV1,村\r\n")).unwrap();
    let e = Dataset::from_path(&dir).unwrap_err();
    assert_eq!(
        (e.code(), e.field().as_deref()),
        ("invalid_input", Some("units.csv"))
    );
    assert!(e.message().contains("`office` feature"), "{}", e.message());
    write(&dir, "book.xlsx", "PK");
    let e = Dataset::from_path(&dir.join("book.xlsx")).unwrap_err();
    assert_eq!(
        (e.code(), e.field().as_deref()),
        ("invalid_input", Some("book.xlsx"))
    );
    assert!(e.message().contains("`office` feature"), "{}", e.message());
}

#[cfg(feature = "office")]
mod xlsx {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    fn day(y: u16, m: u8, d: u8) -> ExcelDateTime {
        ExcelDateTime::from_ymd(y, m, d).unwrap()
    }

    /// A workbook as an office keeps it: Chinese sheet and column names, Excel date cells
    /// (two number formats), number cells, text typed by clerks, a blank `Sheet1`.
    fn workbook(path: &Path) {
        let iso = Format::new().set_num_format("yyyy-mm-dd");
        let zh = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
        let mut book = Workbook::new();
        let s = book.add_worksheet();
        s.set_name("单位").unwrap();
        for (c, h) in ["编号", "级别", "上级单位"].iter().enumerate() {
            s.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in [["D", "区", ""], ["T1", "街道", "D"], ["V1", "村", "T1"]]
            .iter()
            .enumerate()
        {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    s.write_string(r as u32 + 1, c as u16, *v).unwrap();
                }
            }
        }
        let s = book.add_worksheet();
        s.set_name("人员").unwrap();
        for (c, h) in ["编号", "单位", "职务", "任职起始日期", "任职终止日期"]
            .iter()
            .enumerate()
        {
            s.write_string(0, c as u16, *h).unwrap();
        }
        s.write_string(1, 0, "S").unwrap();
        s.write_string(1, 1, "V1").unwrap();
        s.write_string(1, 2, "书记").unwrap();
        s.write_date_with_format(1, 3, day(2009, 1, 5), &iso)
            .unwrap();
        s.write_number(2, 0, 1001).unwrap(); // an id typed as a number
        s.write_string(2, 1, "V1").unwrap();
        s.write_string(2, 2, "委员").unwrap();
        s.write_string(2, 3, "2009/1/5").unwrap();
        s.write_date_with_format(2, 4, day(2010, 6, 30), &zh)
            .unwrap();
        let s = book.add_worksheet();
        s.set_name("households").unwrap();
        for (c, h) in ["id", "unit", "member", "poor"].iter().enumerate() {
            s.write_string(0, c as u16, *h).unwrap();
        }
        s.write_string(1, 0, "H1").unwrap();
        s.write_string(1, 1, "V1").unwrap();
        s.write_number(1, 2, 1001).unwrap();
        s.write_boolean(1, 3, true).unwrap();
        let s = book.add_worksheet();
        s.set_name("接待记录").unwrap();
        for (c, h) in ["接待人", "日期", "接待时长（分钟）", "接待地点"]
            .iter()
            .enumerate()
        {
            s.write_string(0, c as u16, *h).unwrap();
        }
        s.write_string(1, 0, "S").unwrap();
        s.write_date_with_format(1, 1, day(2009, 1, 10), &zh)
            .unwrap();
        s.write_number(1, 2, 240).unwrap();
        s.write_string(1, 3, "院坝").unwrap();
        let s = book.add_worksheet();
        s.set_name("opinions").unwrap();
        for (c, h) in ["id", "unit", "received", "responsibility", "fed_back"]
            .iter()
            .enumerate()
        {
            s.write_string(0, c as u16, *h).unwrap();
        }
        s.write_string(1, 0, "O1").unwrap();
        s.write_string(1, 1, "V1").unwrap();
        s.write_string(1, 2, "2009年1月20日").unwrap();
        s.write_number(1, 3, 4).unwrap();
        s.write_date_with_format(1, 4, day(2009, 2, 27), &iso)
            .unwrap();
        let s = book.add_worksheet();
        s.set_name("结对帮扶").unwrap();
        for (c, h) in ["编号", "农户", "起始日期"].iter().enumerate() {
            s.write_string(0, c as u16, *h).unwrap();
        }
        s.write_string(1, 0, "P1").unwrap();
        s.write_string(1, 1, "H1").unwrap();
        s.write_date_with_format(1, 2, day(2009, 1, 1), &iso)
            .unwrap();
        let s = book.add_worksheet();
        s.set_name("帮扶资金").unwrap();
        for (c, h) in ["结对编号", "日期", "金额（元）"].iter().enumerate() {
            // The header starts on row 3 under a blank row or two, as offices leave them.
            s.write_string(2, c as u16, *h).unwrap();
        }
        s.write_string(3, 0, "P1").unwrap();
        s.write_date_with_format(3, 1, day(2009, 6, 25), &iso)
            .unwrap();
        s.write_number(3, 2, 185.67).unwrap();
        s.write_string(4, 0, "P1").unwrap();
        s.write_string(4, 1, "2009.7.1").unwrap();
        s.write_string(4, 2, "0.3").unwrap();
        book.add_worksheet(); // Sheet1, left blank
        book.save(path).unwrap();
    }

    fn expected() -> Dataset {
        Dataset::from_value(&json!({
            "units": [{"id": "D", "level": "district"}, {"id": "T1", "level": "town", "parent": "D"},
                      {"id": "V1", "level": "village", "parent": "T1"}],
            "people": [
                {"id": "S", "unit": "V1", "role": "secretary", "from": "2009-01-05"},
                {"id": "1001", "unit": "V1", "role": "member", "from": "2009-01-05", "to": "2010-06-30"}
            ],
            "households": [{"id": "H1", "unit": "V1", "member": "1001", "poor": true}],
            "receptions": [{"person": "S", "date": "2009-01-10", "minutes": 240, "place": "field"}],
            "opinions": [{"id": "O1", "unit": "V1", "received": "2009-01-20",
                          "responsibility": "lead_unit", "fed_back": "2009-02-27"}],
            "pairings": [{"id": "P1", "household": "H1", "from": "2009-01-01"}],
            "aid": [{"pairing": "P1", "date": "2009-06-25", "amount_fen": 18567},
                    {"pairing": "P1", "date": "2009-07-01", "amount_fen": 30}]
        }))
        .unwrap()
    }

    #[test]
    fn a_workbook_with_chinese_names_and_date_cells() {
        let dir = folder("xlsx");
        let path = dir.join("巴南区.xlsx");
        workbook(&path);
        assert_eq!(Dataset::from_path(&path).unwrap(), expected());
        // Strict: the Chinese column names and the clerks' values are refused; the sheet
        // names, date cells and number cells are the workbook's own and stay readable.
        let e = Dataset::from_path_with(&path, &strict()).unwrap_err();
        let found = problems(&e);
        for want in [
            p("invalid_input", json!(["单位", 1, "编号"])),
            p("invalid_input", json!(["人员", 1, "任职起始日期"])),
            p("invalid_input", json!(["帮扶资金", 3, "金额（元）"])),
            p("invalid_date", json!(["opinions", 2, "received"])),
        ] {
            assert!(found.contains(&want), "{want:?} not in {found:#?}");
        }
        assert!(
            !found.iter().any(|(_, loc)| loc[0] == json!("households")),
            "{found:#?}"
        );
    }

    #[test]
    fn every_problem_of_a_workbook_at_its_sheet_row_and_column() {
        let dir = folder("xlsx-bad");
        let path = dir.join("bad.xlsx");
        let iso = Format::new().set_num_format("yyyy-mm-dd");
        let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        let mut book = Workbook::new();
        let s = book.add_worksheet();
        s.set_name("单位").unwrap();
        s.write_string(0, 0, "编号").unwrap();
        s.write_string(0, 1, "级别").unwrap();
        s.write_string(1, 0, "V1").unwrap();
        s.write_string(1, 1, "村").unwrap();
        let s = book.add_worksheet();
        s.set_name("人员").unwrap();
        for (c, h) in ["编号", "单位", "职务", "任职起始日期", "姓名"]
            .iter()
            .enumerate()
        {
            s.write_string(0, c as u16, *h).unwrap();
        }
        for r in 1..=3u32 {
            s.write_string(r, 0, format!("P{r}")).unwrap();
            s.write_string(r, 1, "V1").unwrap();
            s.write_string(r, 2, "委员").unwrap();
            s.write_string(r, 4, "张三丰").unwrap();
        }
        s.write_date_with_format(1, 3, day(2009, 1, 5), &iso)
            .unwrap();
        s.write_string(2, 3, "2009-02-30").unwrap();
        s.write_datetime_with_format(3, 3, day(2009, 1, 5).and_hms(14, 30, 0).unwrap(), &when)
            .unwrap();
        s.write_string(3, 2, "王老五").unwrap();
        s.write_number(5, 7, 13812345678.0).unwrap(); // beyond the header
        let s = book.add_worksheet();
        s.set_name("说明").unwrap();
        s.write_string(0, 0, "请按表头填写").unwrap();
        book.save(&path).unwrap();
        let e = Dataset::from_path(&path).unwrap_err();
        assert_eq!(
            problems(&e),
            vec![
                p(
                    "invalid_input",
                    json!(["人员", 1, "<a key of 2 characters>"])
                ),
                p("invalid_date", json!(["人员", 3, "任职起始日期"])),
                p("invalid_input", json!(["人员", 4, "职务"])),
                p("invalid_date", json!(["人员", 4, "任职起始日期"])),
                p("invalid_input", json!(["人员", 6])),
                p("invalid_input", json!(["<a key of 2 characters>"])),
            ]
        );
        assert!(e.related()[0]
            .message()
            .contains("column E is not a column of `people`"));
        assert!(e.related()[4]
            .message()
            .contains("a value in column H, beyond the 5 columns"));
        let text = all_text(&e);
        for personal in ["张三丰", "王老五", "13812345678", "说明", "姓名"] {
            assert!(!text.contains(personal), "{personal} in {text}");
        }
    }

    #[test]
    fn a_workbook_is_read_within_the_size_limit() {
        let dir = folder("xlsx-limit");
        let path = dir.join("book.xlsx");
        workbook(&path);
        let size = std::fs::metadata(&path).unwrap().len();
        let limited = |max_bytes| ReadOptions {
            max_bytes,
            ..ReadOptions::default()
        };
        let e = Dataset::from_path_with(&path, &limited(size - 1)).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("too_large", Some("book.xlsx"))
        );
        // The file fits, but what it unpacks to does not.
        let e = Dataset::from_path_with(&path, &limited(size)).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("too_large", Some("book.xlsx"))
        );
        assert!(Dataset::from_path_with(&path, &limited(size * 20)).is_ok());
        write(&dir, "fake.xlsx", "id,level\nV1,village\n");
        let e = Dataset::from_path(&dir.join("fake.xlsx")).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("invalid_input", Some("fake.xlsx"))
        );
        write(&dir, "old.xls", "");
        let e = Dataset::from_path(&dir.join("old.xls")).unwrap_err();
        assert!(e.message().contains("save it from Excel or WPS as .xlsx"));
    }
}
