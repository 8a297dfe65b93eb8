//! The compliance check: a district's records against every schedule of S1–S5.

mod assistance;
mod commitments;
mod index;
mod messages;
mod opinions;
mod period;
mod receptions;
mod report;
mod visits;

pub use messages::FINDING_CODES;
pub use period::Period;
use period::Window;
pub use report::{Finding, Outcome, OutcomeStatus, Report, Tally, UnitGrade};

use crate::dataset::Dataset;
use crate::policy::Policy;
use crate::{ErrorKind, Result};
use chrono::NaiveDate;

/// S1–S5: checks what a district recorded against every schedule, from `start` to `end`
/// (both included), with the records taken on `as_of`.
///
/// Each rule is judged per period (year, month, ISO week, term, or the life of an opinion)
/// and per subject (a person, household, unit, link, pairing or opinion). A period is
/// judged only when it lies wholly inside both the range — up to `as_of` — and the
/// subject's own time (in office, linked, paired); one that only shares days with them is
/// counted as not judged, never as met (A8). The report lists every shortfall with its rule
/// id, subject, period, expected and actual figures and messages in English and Chinese,
/// and tallies judged, met, not met and not judged per rule and per unit.
///
/// | rule | judged per | code of a shortfall |
/// |---|---|---|
/// | S1.1–S1.3 | secretary × year / month / ISO week | `too_few_receptions` |
/// | S1.4 | other member × rotation period | `rotation_missed` |
/// | S2.1–S2.2 | district / town committee member × year | `too_few_visits` |
/// | S2.3 | household; household × term | `household_unassigned`, `household_under_visited` |
/// | S2.4 | 五必访 event, once its window has closed | `must_visit_missed` |
/// | S2.6 | village or community × month | `meeting_missing` |
/// | S3.2 | village or community × year | `annual_commitment_missing`, `term_commitment_missing` |
/// | S3.4, S3.5 | commitment; voted item | `steps_out_of_order`, `listed_without_adoption` |
/// | S3.7, S3.8 | village or community × year | `evaluation_missing`, `rectify_*`, `resign_*` |
/// | S4.1 | village or community × year; poor household × year | `unit_not_covered`, `poor_not_paired` |
/// | S4.2–S4.5 | link × year; pairing × year | `too_few_deeds`, `aid_below_minimum` |
/// | S5.1–S5.5 | opinion received in the range | `feedback_late`, `feedback_overdue`, `closed_without_result` |
///
/// # Errors
/// - `invalid_period` when `end` is before `start`;
/// - `after_as_of` for an opinion received or fed back after `as_of`;
/// - the errors of the rules it applies (`calendar_not_covered`, `no_ballots`,
///   `attendance_required`, `invalid_policy`).
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
pub fn check(
    dataset: &Dataset,
    start: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Report> {
    run(dataset, start, end, as_of, policy, false)
}

/// S1–S5, as [`check`], with every judgement kept in [`Report::outcomes`] (met, not met and
/// not judged), for grids such as the HTML report's week-by-village view and for audits.
///
/// # Errors
/// As [`check`].
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
/// let weeks: Vec<_> = report.outcomes.iter().map(|o| (o.period.label.as_str(), o.status)).collect();
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

fn run(
    dataset: &Dataset,
    start: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
    detailed: bool,
) -> Result<Report> {
    if end < start {
        return Err(ErrorKind::InvalidPeriod.at("end"));
    }
    let window = Window { start, end, as_of };
    let index = index::Index::new(dataset);
    let mut out = report::Collector::default();
    out.detailed = detailed;
    out.rules = policy.rules.clone();
    receptions::check(&index, &window, policy, &mut out);
    visits::check(&index, &window, policy, &mut out);
    commitments::check(&index, &window, policy, &mut out)?;
    assistance::check(&index, &window, policy, &mut out);
    opinions::check(&index, &window, policy, &mut out)?;
    Ok(out.finish(start, end, as_of, policy.name.clone()))
}
