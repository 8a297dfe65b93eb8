//! The messages of the findings, in English and Chinese. They name ids, periods and
//! numbers only, never a person's name, address or phone.

use super::report::Shortfall;
use crate::error::is_token;
use chrono::NaiveDate;

/// Every finding code, its rule ids and what `expected` and `actual` hold.
pub const FINDING_CODES: &[(&str, &str, &str)] = &[
    (
        "too_few_receptions",
        "S1.1 S1.2 S1.3",
        "receptions of at least half a day (A7) in the period: asked, held",
    ),
    (
        "rotation_missed",
        "S1.4",
        "reception turns of a member in the rotation period (A11): asked, taken",
    ),
    (
        "too_few_visits",
        "S2.1 S2.2",
        "household visits in the year: asked, made",
    ),
    (
        "household_unassigned",
        "S2.3",
        "1 committee member in office assigned, 0",
    ),
    (
        "household_under_visited",
        "S2.3",
        "visits to the household in the term (A9): asked, made",
    ),
    (
        "must_visit_missed",
        "S2.4",
        "days of the window (A10), 0 visits by the village secretary",
    ),
    (
        "meeting_missing",
        "S2.6",
        "analysis meetings in the month: asked, held",
    ),
    (
        "annual_commitment_missing",
        "S3.2",
        "1 annual commitment made public by the policy day (A12), 0",
    ),
    (
        "term_commitment_missing",
        "S3.2",
        "1 term commitment made public in the first year of the term, 0",
    ),
    (
        "steps_out_of_order",
        "S3.4",
        "steps dated in order (4), steps in order before the first break",
    ),
    (
        "listed_without_adoption",
        "S3.5",
        "approving ballots needed, approving ballots cast",
    ),
    ("evaluation_missing", "S3.7", "1 year-end evaluation, 0"),
    (
        "rectify_dissatisfaction_over_half",
        "S3.8",
        "the dissatisfied share's bound in per cent (50), dissatisfied per cent rounded down",
    ),
    (
        "rectify_combined_unqualified",
        "S3.8",
        "0 unqualified years, 1",
    ),
    (
        "resign_unqualified_two_years",
        "S3.8",
        "the policy's years in a row, unqualified years in a row counted up to that number",
    ),
    (
        "unit_not_covered",
        "S4.1",
        "1 assistance link in the year, 0",
    ),
    ("poor_not_paired", "S4.1 S4.3", "1 pairing in the year, 0"),
    (
        "too_few_deeds",
        "S4.2 S4.4 S4.5",
        "practical deeds in the year: asked, done",
    ),
    (
        "aid_below_minimum",
        "S4.3",
        "fen of help in the year: asked, given",
    ),
    (
        "feedback_late",
        "S5.1 S5.2 S5.3 S5.4",
        "days from receipt to the deadline, days from receipt to feedback",
    ),
    (
        "feedback_overdue",
        "S5.1 S5.2 S5.3 S5.4",
        "days from receipt to the deadline, days from receipt to as_of, not fed back",
    ),
    (
        "closed_without_result",
        "S5.5",
        "a result and a feedback date (2), those recorded",
    ),
    (
        "listed_without_quorum",
        "S3.5",
        "persons present needed for the quorum (A15), persons present",
    ),
    (
        "deadline_mismatch",
        "S5.1 S5.2 S5.3 S5.4",
        "days from receipt to the deadline, days from receipt to the promised day",
    ),
    (
        "implementation_late",
        "N.1",
        "0 days after the deadline, days after it (to as_of when not implemented)",
    ),
    (
        "report_late",
        "N.2",
        "0 days after the deadline, days after it of the later of the written report and its electronic copy (to as_of for one not sent)",
    ),
    (
        "responsibility_unassigned",
        "N.3",
        "3 (the secretary first responsible, a leader directly responsible, a clerk), those named",
    ),
];

/// Fen as yuan with two decimals, exactly.
pub(crate) fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The first and last day a period's label names, for a calendar year (`2009`) or a span
/// (`2009-03-01..2010-02-28`).
fn named_days(label: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = label.split_once("..") {
        return Some((a.parse().ok()?, b.parse().ok()?));
    }
    let y: i32 = label.parse().ok()?;
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// A dataset id as a message shows it (the message rule): the id when it is a short ASCII
/// token, else its length, since a platform may use a person's name as an id.
fn shown_id(id: &str) -> (String, String) {
    if is_token(id) {
        (id.to_string(), id.to_string())
    } else {
        let n = id.chars().count();
        (
            format!("(an id of {n} characters)"),
            format!("（{n} 个字符的编号）"),
        )
    }
}

pub(crate) fn describe(s: &Shortfall<'_>) -> (String, String) {
    let (en, zh) = describe_whole(s);
    // A16: a part-year judged with a prorated requirement says so.
    let yearly = matches!(
        s.code,
        "too_few_receptions"
            | "rotation_missed"
            | "too_few_visits"
            | "too_few_deeds"
            | "aid_below_minimum"
    );
    match named_days(&s.period.label) {
        Some((from, to)) if yearly && (from, to) != (s.period.start, s.period.end) => {
            let (a, b) = (s.period.start, s.period.end);
            (
                format!("{en} (prorated for {a}..{b})"),
                format!("{zh}（按 {a} 至 {b} 折算）"),
            )
        }
        _ => (en, zh),
    }
}

fn describe_whole(s: &Shortfall<'_>) -> (String, String) {
    let (id, idz) = shown_id(s.subject);
    let (p, e, a) = (&s.period.label, s.expected, s.actual);
    let over = a.saturating_sub(e);
    match s.code {
        "too_few_receptions" => (
            format!("{id} held {a} reception(s) of at least half a day in {p}; the rule asks {e}"),
            format!("{idz} 在 {p} 集中接待群众 {a} 次（每次不少于半天），少于规定的 {e} 次"),
        ),
        "rotation_missed" => (
            format!("member {id} took {a} reception turn(s) in {p}; each member takes {e}"),
            format!("班子成员 {idz} 在 {p} 轮流接待 {a} 次，应不少于 {e} 次"),
        ),
        "too_few_visits" => (
            format!("{id} made {a} household visit(s) in {p}; the rule asks {e}"),
            format!("{idz} 在 {p} 入户走访 {a} 次，少于规定的 {e} 次"),
        ),
        "household_unassigned" => (
            format!("household {id} is assigned to no committee member of its village in office on {}", s.period.end),
            format!("农户 {idz} 在 {} 未落实本村（社区）在任班子成员联系", s.period.end),
        ),
        "household_under_visited" => (
            format!("household {id} was visited {a} time(s) in the term {p}; the rule asks {e}"),
            format!("农户 {idz} 在本届（{p}）被入户走访 {a} 次，少于规定的 {e} 次"),
        ),
        "must_visit_missed" => (
            format!("event {id}: no visit by the village secretary within {e} days ({p})"),
            format!("事件 {idz}：村（社区）党组织书记未在 {e} 天内走访（{p}），未做到“五必访”"),
        ),
        "meeting_missing" => (
            format!("{id} held {a} public-opinion analysis meeting(s) in {p}; the rule asks {e}"),
            format!("{idz} 在 {p} 召开民情分析会 {a} 次，少于规定的 {e} 次"),
        ),
        "annual_commitment_missing" => (
            format!("{id} made no annual commitment public by {}", s.period.end),
            format!("{idz} 未在 {} 前公开作出年度承诺", s.period.end),
        ),
        "term_commitment_missing" => (
            format!("{id} made no term commitment public in the first year of its term ({p})"),
            format!("{idz} 换届后第一年（{p}）未公开作出任期承诺"),
        ),
        "steps_out_of_order" => (
            format!("commitment {id}: the steps propose, vote, approve, publish are not all dated in order"),
            format!("承诺 {idz}：提出初诺、民主定诺、审批、公开承诺的日期缺失或顺序不符"),
        ),
        "listed_without_adoption" => (
            format!("commitment item {id} was listed with {a} approving ballot(s) where {e} were needed"),
            format!("承诺事项 {idz} 同意票 {a} 张，未达到所需的 {e} 张，却列为承诺内容"),
        ),
        "evaluation_missing" => (
            format!("{id} has no year-end satisfaction evaluation for {p}"),
            format!("{idz} 缺少 {p} 年度满意度测评"),
        ),
        "rectify_dissatisfaction_over_half" => (
            format!("{id}: dissatisfied ballots over {e}% in {p}: serious criticism and rectification within a deadline"),
            format!("{idz}：{p} 年民主测评不满意率超过 {e}%，应严肃批评，限期整改"),
        ),
        "rectify_combined_unqualified" => (
            format!("{id}: unqualified in the combined evaluation of {p}: serious criticism and rectification within a deadline"),
            format!("{idz}：{p} 年综合考评不合格，应严肃批评，限期整改"),
        ),
        "resign_unqualified_two_years" => (
            format!("{id}: unqualified {a} years in a row up to {p}: the members should resign"),
            format!("{idz}：截至 {p} 年连续 {a} 年综合考评不合格，其成员应主动辞职"),
        ),
        "unit_not_covered" => (
            format!("{id} has no assistance link in {p}"),
            format!("{idz} 在 {p} 没有联系帮扶的党组织"),
        ),
        "poor_not_paired" => (
            format!("poor household {id} has no pairing in {p}"),
            format!("贫困户 {idz} 在 {p} 没有党员结对帮扶"),
        ),
        "too_few_deeds" => (
            format!("link {id} did {a} practical deed(s) in {p}; the rule asks {e}"),
            format!("帮扶关系 {idz} 在 {p} 办实事、好事 {a} 件，少于规定的 {e} 件"),
        ),
        "aid_below_minimum" => (
            format!("pairing {id} gave {} yuan in {p}; the rule asks at least {} yuan", yuan(a), yuan(e)),
            format!("结对 {idz} 在 {p} 提供帮扶资金 {} 元，少于规定的 {} 元", yuan(a), yuan(e)),
        ),
        "feedback_late" => (
            format!("opinion {id} was fed back {over} day(s) after its deadline {}", s.period.end),
            format!("群众意见 {idz} 超过办结时限 {} {over} 天才反馈", s.period.end),
        ),
        "feedback_overdue" => (
            format!("opinion {id} is {over} day(s) past its deadline {} and not fed back", s.period.end),
            format!("群众意见 {idz} 已超过办结时限 {} {over} 天，尚未反馈", s.period.end),
        ),
        "closed_without_result" => (
            format!("opinion {id} is closed (销号) without both a recorded result and a feedback date"),
            format!("群众意见 {idz} 未同时记录办理结果和反馈时间即销号"),
        ),
        "listed_without_quorum" => (
            format!("commitment item {id} was listed from a vote with {a} present where {e} were needed for the quorum"),
            format!("承诺事项 {idz} 表决时到会 {a} 人，未达到法定人数 {e} 人，却列为承诺内容"),
        ),
        "deadline_mismatch" => (
            format!("opinion {id} was promised for {a} day(s) after receipt, later than the {e}-day limit ending {}", s.period.end),
            format!("群众意见 {idz} 承诺在收到后 {a} 天办结，超过了 {e} 天的时限（{}）", s.period.end),
        ),
        "implementation_late" => (
            format!("{id} had not implemented the five systems by {}: {a} day(s) later", s.period.end),
            format!("{idz} 未在 {} 前全面贯彻落实五项制度，晚 {a} 天", s.period.end),
        ),
        "report_late" => (
            format!("{id}: the written report and its electronic copy did not both reach the Organisation Department by {}: {a} day(s) later", s.period.end),
            format!("{idz} 未在 {} 前将书面报告送区委组织部并报送电子文档，晚 {a} 天", s.period.end),
        ),
        "responsibility_unassigned" => (
            format!("{id} named {a} of the {e} responsible: the secretary first responsible, a leader directly responsible, a clerk"),
            format!("{idz} 仅明确了 {a} 项（应明确党组织书记为第一责任人、分管领导为直接责任人、具体经办人，共 {e} 项）"),
        ),
        other => (format!("{id}: {other} in {p}"), format!("{idz}：{other}（{p}）")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{describe, Shortfall, FINDING_CODES};
    use crate::compliance::Period;

    fn shortfall(code: &'static str, label: &str, start: &str, end: &str) -> (String, String) {
        shortfall_of("DS", code, label, start, end)
    }

    fn shortfall_of(
        subject: &str,
        code: &'static str,
        label: &str,
        start: &str,
        end: &str,
    ) -> (String, String) {
        describe(&Shortfall {
            rule: "S1.1",
            code,
            unit: "D",
            subject,
            period: Period {
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
                label: label.to_string(),
            },
            expected: 2,
            actual: 0,
        })
    }

    #[test]
    fn a_prorated_part_year_says_so_and_nothing_else_does() {
        let (en, zh) = shortfall("too_few_receptions", "2009", "2009-01-02", "2009-12-31");
        assert!(
            en.ends_with("(prorated for 2009-01-02..2009-12-31)"),
            "{en}"
        );
        assert!(zh.ends_with("（按 2009-01-02 至 2009-12-31 折算）"), "{zh}");
        let (en, _) = shortfall("too_few_receptions", "2009", "2009-01-01", "2009-12-31");
        assert!(!en.contains("prorated"), "{en}");
        // S3.2's period ends on the policy day: not a part-year.
        let (en, _) = shortfall(
            "annual_commitment_missing",
            "2009",
            "2009-01-01",
            "2009-01-31",
        );
        assert!(!en.contains("prorated"), "{en}");
    }

    /// The message rule: an id that is not a short ASCII token (a name, a phone number) is
    /// described by its length, in every finding's message.
    #[test]
    fn an_id_is_shown_only_when_it_is_a_token() {
        for (code, _, _) in FINDING_CODES {
            for (id, shown) in [("V-12", true), ("张三 13812345678", false)] {
                let (en, zh) = shortfall_of(id, code, "2009", "2009-01-01", "2009-12-31");
                assert_eq!(en.contains(id), shown, "{code}: {en}");
                assert_eq!(zh.contains(id), shown, "{code}: {zh}");
                assert!(!en.contains("1381234") && !zh.contains("张三"), "{code}");
                if !shown {
                    assert!(en.contains("(an id of 14 characters)"), "{en}");
                    assert!(zh.contains("（14 个字符的编号）"), "{zh}");
                }
            }
        }
    }

    #[test]
    fn every_code_is_described() {
        let source = include_str!("messages.rs");
        for (code, _, _) in FINDING_CODES {
            assert!(source.contains(&format!("\"{code}\" => (")), "{code}");
        }
    }
}
