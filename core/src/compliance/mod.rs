//! The compliance check: a district's records against every schedule of S1–S5.

mod agenda;
mod assistance;
mod commitments;
mod index;
mod messages;
mod notice;
mod opinions;
mod period;
mod reason;
mod receptions;
mod report;
mod visits;

pub use agenda::{agenda, Agenda, AgendaItem, AgendaState};
pub use messages::FINDING_CODES;
pub use period::Period;
use period::Window;
pub use reason::NOT_JUDGED_REASONS;
pub use report::{Counted, Finding, Outcome, OutcomeStatus, Report, Tally, UnitGrade};

use crate::dataset::Dataset;
use crate::policy::Policy;
use crate::{ErrorKind, Result};
use chrono::{Datelike, NaiveDate};

/// N.1–N.3, S1–S5: checks what a district recorded against every schedule, from `start` to
/// `end` (both included), with the records taken on `as_of`.
///
/// Each rule is judged per period (year, month, ISO week, term, a link's or pairing's own
/// year, or the life of an opinion) and per subject (a person, household, unit, committee,
/// link, pairing, opinion or commitment item). Every obligation-period that shares a day
/// with the range and the subject's own time is counted exactly once, in
/// [`Report::by_rule`] and [`Report::by_unit`]: judged (met or not met) or not judged with a
/// reason code ([`NOT_JUDGED_REASONS`], broken down in [`Tally::not_judged_by_reason`]):
///
/// - a period cut by the range is `outside_range`, one not over by `as_of` is `open` (A8);
/// - a week or month the subject covers only in part is `partial_period` (A8); a year of a
///   yearly obligation (S1.1, the district rota of S1.4, S2.1, S2.2, S4.2–S4.5) covered in
///   part is judged with the requirement prorated by days, rounded half up, and is
///   `partial_period` only when that gives 0 or the policy judges whole years only (A16);
/// - a record that cannot be judged is not judged with its reason (`calendar_not_covered`,
///   `missing_attendance`, `invalid_attendance`, `no_ballots`, `missing_combined`,
///   `missing_evaluation`, `missing_dates`, `missing_committee`, `no_term_on_record`,
///   `date_out_of_range`) and listed in [`Report::records_not_judged`] by its id: one bad
///   record never costs the report.
///
/// The report lists every shortfall with its rule id, subject, period, expected and actual
/// figures and messages in English and Chinese. No date in it is a placeholder: a period
/// is always made of days the records or the range name.
///
/// | rule | judged per | code of a shortfall |
/// |---|---|---|
/// | N.1, N.2 | town (N.2: and department) with an `implementations` record | `implementation_late`, `report_late` |
/// | N.3 | unit with an `implementations` record | `responsibility_unassigned` |
/// | S1.1–S1.3 | secretary × year / month / ISO week (sessions at the places of S1.5) | `too_few_receptions` |
/// | S1.4 | other member × rotation period (turns of the policy's length) | `rotation_missed` |
/// | S2.1–S2.2 | district / town committee member × year | `too_few_visits` |
/// | S2.3 | household; household × term (on record, or counted from the first record, A18) | `household_unassigned`, `household_under_visited` |
/// | S2.4 | 五必访 event, once its window has closed (a visit by a secretary in office) | `must_visit_missed` |
/// | S2.6 | village or community × month | `meeting_missing` |
/// | S3.2 | village or community × committee × year (A21) | `annual_commitment_missing`, `term_commitment_missing` |
/// | S3.4, S3.5 | commitment; voted item | `steps_out_of_order`, `listed_without_adoption`, `listed_without_quorum` |
/// | S3.7, S3.8 | village or community × year | `evaluation_missing`, `rectify_*`, `resign_*` |
/// | S4.1 | village or community × year; poor household × year | `unit_not_covered`, `poor_not_paired` |
/// | S4.2–S4.5 | link × its own year; pairing × its own year (A17) | `too_few_deeds`, `aid_below_minimum` |
/// | S5.1–S5.5 | opinion received in the range | `feedback_late`, `feedback_overdue`, `deadline_mismatch`, `closed_without_result` |
///
/// # Errors
/// - `invalid_period` when `end` is before `start`;
/// - `range_too_long` when the range spans the policy's `max_range_years` (100) years or
///   more: the work of a check follows the records and the range up to `as_of`, and this
///   bounds what a caller may ask;
/// - `after_as_of` for an opinion received or fed back after `as_of` (the records cannot
///   hold a day after the day they were taken: the range or `as_of` is wrong);
/// - `invalid_calendar` when the policy's calendar years are inconsistent.
///
/// # Example
/// ```
/// use liaison::{check, dataset::Dataset, Policy};
/// let data = Dataset::from_json(r#"{
///   "units": [{"id": "V1", "level": "village"}],
///   "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
///   "receptions": [{"person": "P1", "date": "2009-01-06", "minutes": 240},
///                  {"person": "P1", "date": "2009-01-14", "minutes": 180}]
/// }"#).unwrap();
/// let d = |s: &str| s.parse().unwrap();
/// let report = check(&data, d("2009-01-05"), d("2009-01-18"), d("2009-02-01"), &Policy::banan_2008()).unwrap();
/// // Week 2009-W02 is met; in 2009-W03 the only session was shorter than half a day (A7).
/// let s13: Vec<_> = report.findings.iter().filter(|f| f.rule == "S1.3").collect();
/// assert_eq!(s13.len(), 1);
/// assert_eq!((s13[0].period.label.as_str(), s13[0].expected, s13[0].actual), ("2009-W03", 1, 0));
/// ```
///
/// # Example: a part-year prorated (A16), and one opinion the calendar cannot judge
/// ```
/// use liaison::{check, dataset::Dataset, Policy};
/// let data = Dataset::from_json(r#"{
///   "units": [{"id": "D", "level": "district"}],
///   "people": [{"id": "DS", "unit": "D", "role": "secretary", "from": "2009-01-02"}],
///   "opinions": [{"id": "O1", "unit": "D", "received": "2026-12-25", "responsibility": 1}]
/// }"#)?;
/// let policy = Policy::from_json(r#"{"rules": ["S1.1", "S5.1"]}"#)?;
/// let report = check(&data, "2009-01-01".parse()?, "2026-12-31".parse()?, "2027-01-20".parse()?, &policy)?;
/// // In office 364 of 365 days of 2009: 2 × 364 / 365 = 1.99…, rounded half up: 2 receptions.
/// let f = report.findings.iter().find(|f| f.rule == "S1.1").ok_or("no finding")?;
/// assert_eq!((f.period.label.as_str(), f.expected, f.actual), ("2009", 2, 0));
/// // The opinion's deadline needs 2027, which the calendar does not cover: not judged, named.
/// let o = report.records_not_judged.first().ok_or("not listed")?;
/// assert_eq!((o.subject.as_str(), o.reason.as_deref()), ("O1", Some("calendar_not_covered")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(
    dataset: &Dataset,
    start: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Report> {
    run(dataset, start, end, as_of, policy, false)
}

/// N.1–N.3, S1–S5, as [`check`], with every judgement kept in [`Report::outcomes`] (met,
/// not met and not judged, each not-judged one with its reason), for grids such as the HTML
/// report's week-by-village view and for audits.
///
/// # Errors
/// As [`check`].
///
/// # Example: every outcome carries its reason
/// ```
/// use liaison::{check_detailed, dataset::Dataset, Policy};
/// let data = Dataset::from_json(r#"{
///   "units": [{"id": "V1", "level": "village"}],
///   "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2009-01-07"}],
///   "receptions": [{"person": "P1", "date": "2009-01-13", "minutes": 240}]
/// }"#)?;
/// let policy = Policy::from_json(r#"{"rules": ["S1.3"]}"#)?;
/// let report = check_detailed(&data, "2009-01-05".parse()?, "2009-01-25".parse()?, "2009-01-20".parse()?, &policy)?;
/// let got: Vec<_> = report.outcomes.iter().flatten().map(|o| (o.period.label.as_str(), o.reason.as_deref())).collect();
/// // Joined on a Wednesday; W03 ends after the records were taken; the range cuts nothing.
/// assert_eq!(got, [("2009-W02", Some("partial_period")), ("2009-W03", None), ("2009-W04", Some("open"))]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Example: a week cut by the range is not judged (A8)
/// ```
/// use liaison::{check_detailed, dataset::Dataset, OutcomeStatus, Policy};
/// let data = Dataset::from_json(r#"{
///   "units": [{"id": "V1", "level": "village"}],
///   "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
///   "receptions": [{"person": "P1", "date": "2009-01-06", "minutes": 240}]
/// }"#).unwrap();
/// let d = |s: &str| s.parse().unwrap();
/// let policy = Policy::from_json(r#"{"rules": ["S1.3"]}"#).unwrap();
/// let report = check_detailed(&data, d("2009-01-01"), d("2009-01-11"), d("2009-02-01"), &policy).unwrap();
/// let weeks: Vec<_> = report.outcomes.iter().flatten().map(|o| (o.period.label.as_str(), o.status)).collect();
/// assert_eq!(weeks, [("2009-W01", OutcomeStatus::NotJudged), ("2009-W02", OutcomeStatus::Met)]);
/// ```
pub fn check_detailed(
    dataset: &Dataset,
    start: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Report> {
    run(dataset, start, end, as_of, policy, true)
}

/// What a check keeps beside its findings and tallies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Every judgement in [`Report::outcomes`], as [`check_detailed`].
    pub detailed: bool,
    /// Each finding's counted records in [`Finding::counted`] (ids, dates and amounts only):
    /// the receptions, visits, meetings, deeds and aid that made its `actual`, so that an
    /// inspector can follow the number back to the records.
    pub explain: bool,
}

/// N.1–N.3, S1–S5: [`check`] with options.
///
/// # Errors
/// As [`check`].
///
/// # Example: a finding with the records it counted
/// ```
/// use liaison::{check_with, dataset::Dataset, CheckOptions, Policy};
/// let data = Dataset::from_json(r#"{
///   "units": [{"id": "D", "level": "district"}],
///   "people": [{"id": "DS", "unit": "D", "role": "secretary", "from": "2008-01-01"}],
///   "receptions": [{"person": "DS", "date": "2009-03-02", "minutes": 240},
///                  {"person": "DS", "date": "2009-06-01", "minutes": 120}]
/// }"#)?;
/// let policy = Policy::from_json(r#"{"rules": ["S1.1"]}"#)?;
/// let options = CheckOptions { explain: true, ..CheckOptions::default() };
/// let d = |s: &str| s.parse::<chrono::NaiveDate>();
/// let report = check_with(&data, d("2009-01-01")?, d("2009-12-31")?, d("2010-01-10")?, &policy, options)?;
/// let f = report.findings.first().ok_or("no finding")?;
/// assert_eq!((f.expected, f.actual), (2, 1));
/// let counted = f.counted.as_ref().ok_or("not explained")?;
/// assert_eq!(counted.iter().map(|c| c.date.to_string()).collect::<Vec<_>>(), ["2009-03-02"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_with(
    dataset: &Dataset,
    start: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
    options: CheckOptions,
) -> Result<Report> {
    run_with(dataset, Window { start, end, as_of }, policy, options)
}

fn run(
    dataset: &Dataset,
    start: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
    detailed: bool,
) -> Result<Report> {
    let options = CheckOptions {
        detailed,
        explain: false,
    };
    run_with(dataset, Window { start, end, as_of }, policy, options)
}

fn run_with(
    dataset: &Dataset,
    window: Window,
    policy: &Policy,
    options: CheckOptions,
) -> Result<Report> {
    let Window { start, end, as_of } = window;
    if end < start {
        return Err(ErrorKind::InvalidPeriod.at("end"));
    }
    let years = i64::from(end.year()) - i64::from(start.year());
    if years >= i64::from(policy.max_range_years) {
        return Err(ErrorKind::RangeTooLong {
            limit: policy.max_range_years,
        }
        .at("end"));
    }
    let mut out = report::Collector::default();
    out.detailed = options.detailed;
    out.explain = options.explain;
    out.rules = policy.rules.clone();
    run_rules(&index::Index::new(dataset), &window, policy, &mut out)?;
    Ok(out.finish(start, end, as_of, policy.name.clone()))
}

/// Every rule of the check, in catalogue order, into one collector.
fn run_rules(
    index: &index::Index<'_>,
    window: &Window,
    policy: &Policy,
    out: &mut report::Collector,
) -> Result<()> {
    receptions::check(index, window, policy, out);
    visits::check(index, window, policy, out);
    commitments::check(index, window, policy, out)?;
    assistance::check(index, window, policy, out);
    opinions::check(index, window, policy, out)?;
    notice::check(index, window, policy, out);
    Ok(())
}
