//! What falls due: everything open at `as_of` that falls due within a horizon, and
//! everything already late that can still be done — so that nobody falls short.
//!
//! The agenda is the check itself run up to `as_of`: every obligation the check counts as
//! `open` (its period, window or deadline not over) with something still owed becomes an
//! item due at the end of that period; every finding that can still be put right late — an
//! opinion not fed back, a 五必访 visit, a commitment, a year-end evaluation — becomes a late
//! item. So an item is owed exactly when the check would find it short if nothing more were
//! done, and what it owes is the check's own requirement (prorated where the check prorates).

use super::index::Index;
use super::messages::yuan;
use super::period::{Period, Window};
use super::report::{Collector, Outcome, Pending};
use crate::dataset::Dataset;
use crate::policy::Policy;
use crate::{ErrorKind, Result};
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Where an item stands on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgendaState {
    /// Due within the horizon.
    Open,
    /// An opinion due within the policy's `due_soon_working_days` working days (临期).
    DueSoon,
    /// Past its due day and still to be done.
    Late,
}

/// One thing owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgendaItem {
    /// The rule id.
    pub rule: String,
    /// The finding it becomes if it is not done (`too_few_receptions`, `feedback_overdue`…).
    pub code: String,
    /// The unit responsible.
    pub unit: String,
    /// The person, household, event, opinion, link, pairing, unit or committee concerned.
    pub subject: String,
    /// The period of the obligation.
    pub period: Period,
    /// The last day to do it.
    pub due: NaiveDate,
    /// Days from `as_of` to `due`: negative when late.
    pub days_left: i64,
    /// Open, due soon or late.
    pub state: AgendaState,
    /// What the rule asks in the period (receptions, visits, meetings, deeds, fen, …).
    pub expected: u64,
    /// What was done by `as_of`.
    pub actual: u64,
    /// What is still owed, in English (`1 reception of at least 240 minutes`).
    pub owed: String,
    /// What is still owed, in Chinese.
    pub owed_zh: String,
    /// A24: the due day rests on a guess beyond the holiday calendar.
    pub provisional: bool,
}

/// The agenda of a district on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agenda {
    /// The day the records were taken.
    pub as_of: NaiveDate,
    /// Days ahead looked at.
    pub horizon_days: u32,
    /// The last day looked at: `as_of` + `horizon_days`.
    pub until: NaiveDate,
    /// Every item, by due day.
    pub items: Vec<AgendaItem>,
    /// The records the agenda could not judge, each named with its reason (an opinion whose
    /// deadline the holiday calendar does not cover, a vote without attendance…): nothing
    /// is left out without a word.
    pub records_not_judged: Vec<Outcome>,
}

/// S1–S5: the agenda of a district on `as_of`: every obligation open on that day that falls
/// due within `horizon_days` (the current ISO week's reception, the month's meeting, the
/// year's visits, a 五必访 window, the annual commitment due by 31 January, an opinion's
/// deadline, a pairing year's aid…), and every one already late that can still be done
/// (an opinion not fed back, a missed 五必访 visit, a commitment or evaluation not made in
/// the last year), sorted by due day. Each item says what is still owed, by the check's own
/// requirement.
///
/// # Errors
/// As [`check`](super::check) (`after_as_of` for a record dated after `as_of`).
///
/// # Example: a village secretary without a reception this week, on its last day
/// ```
/// use liaison::{agenda, dataset::Dataset, Policy};
/// let data = Dataset::from_json(r#"{
///   "units": [{"id": "V1", "level": "village"}],
///   "people": [{"id": "S", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
///   "receptions": [{"person": "S", "date": "2009-01-06", "minutes": 240}]
/// }"#)?;
/// let policy = Policy::from_json(r#"{"rules": ["S1.3"]}"#)?;
/// let a = agenda(&data, "2009-01-18".parse()?, 0, &policy)?;
/// let item = a.items.first().ok_or("no item")?;
/// assert_eq!((item.period.label.as_str(), item.days_left, item.owed.as_str()),
///            ("2009-W03", 0, "1 reception of at least 240 minutes"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn agenda(
    dataset: &Dataset,
    as_of: NaiveDate,
    horizon_days: u32,
    policy: &Policy,
) -> Result<Agenda> {
    let until = as_of
        .checked_add_days(Days::new(u64::from(horizon_days)))
        .filter(|d| d.year() <= 9999)
        .ok_or_else(|| ErrorKind::DateOutOfRange { date: as_of }.at("horizon_days"))?;
    // The range: from the start of last year (late items, last year's evaluation), or
    // earlier for an opinion still not fed back, to far enough ahead that every period open
    // on `as_of` (a term, a link's year) lies inside it.
    let last_year = NaiveDate::from_ymd_opt(as_of.year().saturating_sub(1), 1, 1).unwrap_or(as_of);
    let oldest_open = dataset
        .opinions
        .iter()
        .filter(|o| o.fed_back.is_none() && o.received <= as_of)
        .map(|o| o.received)
        .min();
    let reach = policy.max_range_years.saturating_sub(1).min(10);
    let end = NaiveDate::from_ymd_opt(as_of.year().saturating_add(reach as i32).min(9999), 12, 31)
        .unwrap_or(as_of);
    let earliest = NaiveDate::from_ymd_opt(
        end.year()
            .saturating_sub(policy.max_range_years.saturating_sub(1) as i32)
            .max(1),
        1,
        1,
    )
    .unwrap_or(as_of);
    let start = oldest_open
        .map_or(last_year, |o| o.min(last_year))
        .max(earliest);
    let window = Window { start, end, as_of };
    let mut out = Collector::default();
    out.pending = Some(Vec::new());
    out.today = Some(as_of);
    out.rules = policy.rules.clone();
    super::run_rules(&Index::new(dataset), &window, policy, &mut out)?;
    let records_not_judged = out.take_records_not_judged();
    let look_back = as_of
        .checked_sub_days(Days::new(365))
        .unwrap_or(NaiveDate::MIN);
    let calendar = policy.calendar().ok();
    let mut items: Vec<AgendaItem> = out
        .take_pending()
        .into_iter()
        .filter_map(|p| {
            let due = p.period.end;
            let late = due < as_of;
            let wanted = if late {
                p.code == "feedback_overdue" || due >= look_back
            } else {
                due <= until
            };
            wanted.then(|| item(p, as_of, late, calendar.as_deref(), policy))
        })
        .collect();
    items.sort_by(|a, b| {
        (
            a.due,
            super::report::rule_order(&a.rule),
            &a.unit,
            &a.subject,
        )
            .cmp(&(
                b.due,
                super::report::rule_order(&b.rule),
                &b.unit,
                &b.subject,
            ))
    });
    Ok(Agenda {
        as_of,
        horizon_days,
        until,
        items,
        records_not_judged,
    })
}

fn item(
    p: Pending,
    as_of: NaiveDate,
    late: bool,
    calendar: Option<&crate::HolidayCalendar>,
    policy: &Policy,
) -> AgendaItem {
    let due = p.period.end;
    let days_left = due.signed_duration_since(as_of).num_days();
    let state = if late {
        AgendaState::Late
    } else if p.rule.starts_with("S5.")
        && working_days(as_of, due, calendar) <= u64::from(policy.due_soon_working_days)
    {
        AgendaState::DueSoon
    } else {
        AgendaState::Open
    };
    let (owed, owed_zh) = owed(&p, policy);
    AgendaItem {
        rule: p.rule.to_string(),
        code: p.code.to_string(),
        unit: p.unit,
        subject: p.subject,
        period: p.period,
        due,
        days_left,
        state,
        expected: p.expected,
        actual: p.actual,
        owed,
        owed_zh,
        provisional: p.provisional,
    }
}

/// Working days after `from` up to `to` (both by the calendar; calendar days where it does
/// not cover a day).
fn working_days(from: NaiveDate, to: NaiveDate, calendar: Option<&crate::HolidayCalendar>) -> u64 {
    let mut n = 0u64;
    let mut d = from;
    while d < to {
        let Some(next) = d.succ_opt() else { break };
        d = next;
        let rest = calendar
            .and_then(|c| c.is_rest_day(d).ok())
            .unwrap_or(false);
        n += u64::from(!rest);
        if n > 366 {
            break;
        }
    }
    n
}

/// What is still owed, in English and Chinese.
fn owed(p: &Pending, policy: &Policy) -> (String, String) {
    let n = p.expected.saturating_sub(p.actual);
    let s = if n == 1 { "" } else { "s" };
    match p.code {
        "too_few_receptions" => (
            format!(
                "{n} reception{s} of at least {} minutes",
                policy.reception_min_minutes
            ),
            format!(
                "{n} 次集中接待（每次不少于 {} 分钟）",
                policy.reception_min_minutes
            ),
        ),
        "rotation_missed" => (
            format!(
                "{n} reception turn{s} of at least {} minutes",
                policy.rotation_min_minutes
            ),
            format!(
                "{n} 次轮流接待（每次不少于 {} 分钟）",
                policy.rotation_min_minutes
            ),
        ),
        "too_few_visits" => (format!("{n} household visit{s}"), format!("{n} 次入户走访")),
        "household_under_visited" => (
            format!("{n} visit{s} to the household in the term"),
            format!("本届内对该户 {n} 次入户走访"),
        ),
        "must_visit_missed" => (
            "a visit by the village secretary (五必访)".to_string(),
            "村（社区）党组织书记走访（五必访）".to_string(),
        ),
        "meeting_missing" => (
            format!("{n} public-opinion analysis meeting{s}"),
            format!("{n} 次民情分析会"),
        ),
        "annual_commitment_missing" => (
            "the annual commitment, made public".to_string(),
            "年度承诺（并公开）".to_string(),
        ),
        "term_commitment_missing" => (
            "the term commitment, made public".to_string(),
            "任期承诺（并公开）".to_string(),
        ),
        "evaluation_missing" => (
            "the year-end satisfaction evaluation".to_string(),
            "年终满意度测评".to_string(),
        ),
        "too_few_deeds" => (
            format!("{n} practical deed{s}"),
            format!("{n} 件实事、好事"),
        ),
        "aid_below_minimum" => (
            format!("{} yuan of aid", yuan(n)),
            format!("{} 元帮扶资金", yuan(n)),
        ),
        "household_unassigned" => (
            "assigning the household to a committee member in office".to_string(),
            "落实一名在任班子成员联系该户".to_string(),
        ),
        "unit_not_covered" => (
            "a link with a helping organisation".to_string(),
            "落实联系帮扶单位".to_string(),
        ),
        "poor_not_paired" => (
            "pairing the poor household with Party members".to_string(),
            "落实党员与该贫困户结对".to_string(),
        ),
        "feedback_overdue" | "feedback_late" => (
            "finishing the matter and feeding back to the reporter".to_string(),
            "办结并反馈反映人".to_string(),
        ),
        other => (other.to_string(), other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::yuan;

    #[test]
    fn yuan_exactly() {
        assert_eq!(yuan(50_000), "500.00");
        assert_eq!(yuan(1), "0.01");
        assert_eq!(yuan(u64::MAX), "184467440737095516.15");
    }
}
