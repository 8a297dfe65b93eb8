//! How the reports weigh and word a finding: a severity for every finding code, the units
//! its `expected` and `actual` figures are in, and Chinese words for the reasons an
//! obligation was not judged.
//!
//! ## Severity (the HTML report and the workbook sort by it)
//! | level | 中文 | codes | why |
//! |---|---|---|---|
//! | 4 | 严重 | `resign_unqualified_two_years`, `rectify_dissatisfaction_over_half`, `rectify_combined_unqualified` | S3.8: the notice's own consequences — members resign, or the committee is criticised and rectifies |
//! | 3 | 较重 | `feedback_overdue`, `feedback_late`, `deadline_mismatch`, `closed_without_result`, `must_visit_missed`, `poor_not_paired`, `household_unassigned`, `listed_without_adoption`, `listed_without_quorum` | a person left waiting or without the contact the notice promises them (S5, S2.3, S2.4, S4.1), or a commitment listed against the vote (S3.5) |
//! | 2 | 一般 | `too_few_visits`, `household_under_visited`, `meeting_missing`, `annual_commitment_missing`, `term_commitment_missing`, `steps_out_of_order`, `evaluation_missing`, `unit_not_covered`, `too_few_deeds`, `aid_below_minimum`, `implementation_late`, `report_late`, `responsibility_unassigned` | a yearly, term or procedural duty short |
//! | 1 | 轻微 | `too_few_receptions`, `rotation_missed` | a missed reception week, month or turn (S1) |
//!
//! A code this table does not know (a newer core) is level 2; a test keeps the table in
//! step with `liaison::FINDING_CODES`.

use liaison::{Finding, Report, Tally};
use std::collections::BTreeMap;

/// How much a finding weighs: 1 (a missed week) to 4 (S3.8's consequences).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Severity(pub u8);

impl Severity {
    /// The Chinese word.
    pub fn zh(self) -> &'static str {
        match self.0 {
            4 => "严重",
            3 => "较重",
            2 => "一般",
            _ => "轻微",
        }
    }

    /// The English word.
    pub fn en(self) -> &'static str {
        match self.0 {
            4 => "critical",
            3 => "serious",
            2 => "moderate",
            _ => "minor",
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A count, with its Chinese measure word and English noun (`次`, `receptions`).
    Count(&'static str, &'static str),
    /// Money in fen, shown in yuan with two decimals (元).
    Fen,
    /// Days (天).
    Days,
    /// Per cent (%).
    Percent,
}

impl Measure {
    /// `n` with its unit in Chinese: `1 次`, `500.00 元`, `10 天`, `60%`.
    pub fn zh(self, n: u64) -> String {
        match self {
            Measure::Count(word, _) => format!("{n} {word}"),
            Measure::Fen => format!("{}.{:02} 元", n / 100, n % 100),
            Measure::Days => format!("{n} 天"),
            Measure::Percent => format!("{n}%"),
        }
    }

    /// `n` with its unit in English: `1 receptions`, `500.00 yuan`, `10 days`, `60%`.
    pub fn en(self, n: u64) -> String {
        match self {
            Measure::Count(_, noun) => format!("{n} {noun}"),
            Measure::Fen => format!("{}.{:02} yuan", n / 100, n % 100),
            Measure::Days => format!("{n} days"),
            Measure::Percent => format!("{n}%"),
        }
    }

    /// The unit alone, for a column heading: `次`, `元`, `天`, `%`.
    pub fn unit_zh(self) -> &'static str {
        match self {
            Measure::Count(word, _) => word,
            Measure::Fen => "元",
            Measure::Days => "天",
            Measure::Percent => "%",
        }
    }
}

/// A finding code: its severity, and what its `expected` and `actual` figures count.
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub expected: Measure,
    pub actual: Measure,
}

const fn info(code: &'static str, level: u8, expected: Measure, actual: Measure) -> CodeInfo {
    CodeInfo {
        code,
        severity: Severity(level),
        expected,
        actual,
    }
}

const RECEPTIONS: Measure = Measure::Count("次", "receptions");
const TURNS: Measure = Measure::Count("次", "turns");
const VISITS: Measure = Measure::Count("次", "visits");
const MEETINGS: Measure = Measure::Count("次", "meetings");
const MEMBERS: Measure = Measure::Count("人", "members");
const PERSONS: Measure = Measure::Count("人", "persons");
const COMMITMENTS: Measure = Measure::Count("份", "commitments");
const STEPS: Measure = Measure::Count("步", "steps");
const BALLOTS: Measure = Measure::Count("票", "ballots");
const EVALUATIONS: Measure = Measure::Count("次", "evaluations");
const YEARS: Measure = Measure::Count("年", "years");
const LINKS: Measure = Measure::Count("个", "links");
const PAIRINGS: Measure = Measure::Count("个", "pairings");
const DEEDS: Measure = Measure::Count("件", "deeds");
const RECORDS: Measure = Measure::Count("项", "items");
const NAMED: Measure = Measure::Count("人", "named");

/// Every finding code of `liaison::FINDING_CODES` (see the module's table). `expected` and
/// `actual` hold what `FINDING_CODES` says they hold.
pub const CODES: &[CodeInfo] = &[
    info("resign_unqualified_two_years", 4, YEARS, YEARS),
    info(
        "rectify_dissatisfaction_over_half",
        4,
        Measure::Percent,
        Measure::Percent,
    ),
    info("rectify_combined_unqualified", 4, YEARS, YEARS),
    info("feedback_overdue", 3, Measure::Days, Measure::Days),
    info("feedback_late", 3, Measure::Days, Measure::Days),
    info("deadline_mismatch", 3, Measure::Days, Measure::Days),
    info("closed_without_result", 3, RECORDS, RECORDS),
    info("must_visit_missed", 3, Measure::Days, VISITS),
    info("poor_not_paired", 3, PAIRINGS, PAIRINGS),
    info("household_unassigned", 3, MEMBERS, MEMBERS),
    info("listed_without_adoption", 3, BALLOTS, BALLOTS),
    info("listed_without_quorum", 3, PERSONS, PERSONS),
    info("too_few_visits", 2, VISITS, VISITS),
    info("household_under_visited", 2, VISITS, VISITS),
    info("meeting_missing", 2, MEETINGS, MEETINGS),
    info("annual_commitment_missing", 2, COMMITMENTS, COMMITMENTS),
    info("term_commitment_missing", 2, COMMITMENTS, COMMITMENTS),
    info("steps_out_of_order", 2, STEPS, STEPS),
    info("evaluation_missing", 2, EVALUATIONS, EVALUATIONS),
    info("unit_not_covered", 2, LINKS, LINKS),
    info("too_few_deeds", 2, DEEDS, DEEDS),
    info("aid_below_minimum", 2, Measure::Fen, Measure::Fen),
    info("implementation_late", 2, Measure::Days, Measure::Days),
    info("report_late", 2, Measure::Days, Measure::Days),
    info("responsibility_unassigned", 2, NAMED, NAMED),
    info("too_few_receptions", 1, RECEPTIONS, RECEPTIONS),
    info("rotation_missed", 1, TURNS, TURNS),
];

const UNKNOWN: CodeInfo = info("", 2, RECORDS, RECORDS);

/// What the renderers know of `code`.
pub fn code_info(code: &str) -> &'static CodeInfo {
    CODES.iter().find(|c| c.code == code).unwrap_or(&UNKNOWN)
}

/// A finding code's severity.
pub fn severity(code: &str) -> Severity {
    code_info(code).severity
}

/// A reason an obligation was not judged (`liaison::NOT_JUDGED_REASONS`) in Chinese.
pub fn reason_zh(reason: &str) -> &'static str {
    match reason {
        "outside_range" => "期间被检查范围截断（A8）",
        "open" => "截至统计日期尚未届满",
        "partial_period" => "对象仅在期间内的部分时间在任或存续（A8、A16）",
        "no_term_on_record" => "无任期记录，也无法推算（A9、A18）",
        "calendar_not_covered" => "时限所在年度不在节假日日历内（A2、A24）",
        "date_out_of_range" => "日期计算超出可表示的范围",
        "missing_attendance" => "表决缺少应到、实到人数（A5、A15）",
        "invalid_attendance" => "到会人数与票数相互矛盾（A5、A15）",
        "no_ballots" => "没有有效票（A5）",
        "missing_combined" => "该年度无综合考评结果记录（S3.8、A23）",
        "missing_evaluation" => "该年度无测评记录（S3.8）",
        "missing_dates" => "承诺未记录任何步骤日期（S3.4）",
        "missing_committee" => "该年度承诺未注明委员会（S3.1、A21）",
        _ => "其他原因",
    }
}

/// A reason in English, from the core's catalogue.
pub fn reason_en(reason: &str) -> &'static str {
    liaison::NOT_JUDGED_REASONS
        .iter()
        .find(|(code, _)| *code == reason)
        .map_or("", |(_, meaning)| meaning)
}

/// The units' names of a dataset (those that have one), by id.
pub fn unit_names(d: &liaison::dataset::Dataset) -> BTreeMap<String, String> {
    d.units
        .iter()
        .filter_map(|u| Some((u.id.clone(), u.name.clone()?)))
        .collect()
}

/// A unit with what the report holds of it, ranked.
pub struct UnitRow<'a> {
    pub tally: &'a Tally,
    /// Its name, when the dataset gives one.
    pub name: Option<&'a str>,
    pub worst: Severity,
    pub findings: Vec<&'a Finding>,
}

impl UnitRow<'_> {
    /// Not met per mille of judged (0 when nothing was judged).
    pub fn shortfall(&self) -> u64 {
        if self.tally.judged == 0 {
            0
        } else {
            (u128::from(self.tally.not_met) * 1000 / u128::from(self.tally.judged)) as u64
        }
    }
}

/// The units, worst first: the most severe finding, then the share not met, then the
/// number not met, then the id.
pub fn ranked_units<'a>(r: &'a Report, names: &'a BTreeMap<String, String>) -> Vec<UnitRow<'a>> {
    let mut by_unit: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &r.findings {
        by_unit.entry(f.unit.as_str()).or_default().push(f);
    }
    let mut rows: Vec<UnitRow<'_>> = r
        .by_unit
        .iter()
        .map(|t| {
            let findings = by_unit.remove(t.key.as_str()).unwrap_or_default();
            let worst = findings
                .iter()
                .map(|f| severity(&f.code))
                .max()
                .unwrap_or(Severity(0));
            UnitRow {
                tally: t,
                name: names.get(&t.key).map(String::as_str),
                worst,
                findings,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.worst
            .cmp(&a.worst)
            .then(b.shortfall().cmp(&a.shortfall()))
            .then(b.tally.not_met.cmp(&a.tally.not_met))
            .then(a.tally.key.cmp(&b.tally.key))
    });
    rows
}

/// The findings, most severe first, then by unit, rule, period and subject.
pub fn by_severity(r: &Report) -> Vec<&Finding> {
    let mut sorted: Vec<&Finding> = r.findings.iter().collect();
    sorted.sort_by(|a, b| {
        severity(&b.code)
            .cmp(&severity(&a.code))
            .then(a.unit.cmp(&b.unit))
            .then(a.rule.cmp(&b.rule))
            .then(a.period.start.cmp(&b.period.start))
            .then(a.subject.cmp(&b.subject))
    });
    sorted
}

/// Findings counted by severity level (index 1 to 4).
pub fn severity_counts<'a>(findings: impl Iterator<Item = &'a Finding>) -> [usize; 5] {
    let mut counts = [0usize; 5];
    for f in findings {
        if let Some(n) = counts.get_mut(usize::from(severity(&f.code).0.min(4))) {
            *n += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_code_has_a_severity_and_units() {
        for (code, _, _) in liaison::FINDING_CODES {
            assert!(
                CODES.iter().any(|c| c.code == *code),
                "no severity for {code}"
            );
        }
        for c in CODES {
            assert!(
                liaison::FINDING_CODES
                    .iter()
                    .any(|(code, _, _)| *code == c.code),
                "{} is not a finding code",
                c.code
            );
        }
        assert!(severity("resign_unqualified_two_years") > severity("too_few_receptions"));
        assert!(severity("rectify_combined_unqualified") > severity("rotation_missed"));
    }

    #[test]
    fn every_reason_has_chinese_words() {
        for (reason, _) in liaison::NOT_JUDGED_REASONS {
            assert_ne!(reason_zh(reason), "其他原因", "{reason}");
            assert!(!reason_en(reason).is_empty());
        }
    }

    #[test]
    fn figures_carry_their_units() {
        assert_eq!(
            code_info("aid_below_minimum").expected.zh(50_000),
            "500.00 元"
        );
        assert_eq!(
            code_info("aid_below_minimum").actual.en(49_999),
            "499.99 yuan"
        );
        assert_eq!(code_info("feedback_overdue").actual.zh(455), "455 天");
        assert_eq!(code_info("too_few_receptions").expected.zh(1), "1 次");
        assert_eq!(
            code_info("rectify_dissatisfaction_over_half").actual.zh(60),
            "60%"
        );
        assert_eq!(code_info("must_visit_missed").actual.unit_zh(), "次");
    }
}
