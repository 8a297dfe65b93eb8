//! Every number of the rules and every default of the ambiguities, as data.
//!
//! [`Policy::banan_2008`] holds the values of 巴南委办发〔2008〕43号 and the defaults of
//! `docs/ambiguities.md` (A1–A25). A policy loads from and saves to JSON; a JSON that names only some
//! fields takes the rest from Banan 2008; unknown or duplicate keys are errors.

use crate::calendar::{CalendarYear, HolidayCalendar};
use crate::dataset::Place;
use crate::error::Detail;
use crate::grade::Grade;
use crate::share::Threshold;
use crate::{Error, ErrorKind, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the shares of a commitment vote are taken of (A5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteBase {
    /// All valid ballots cast: approve + disapprove + abstain (the default).
    Ballots,
    /// Everyone present at the meeting (needs the attendance figures).
    Present,
    /// Everyone entitled to attend (needs the attendance figures).
    Entitled,
}

/// Where "basically satisfied" ballots count in the satisfaction shares (A6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BasicallySatisfiedAs {
    /// Neither satisfied nor dissatisfied (the default).
    Neither,
    /// Counted with the satisfied ballots.
    Satisfied,
    /// Counted with the dissatisfied ballots.
    Dissatisfied,
}

/// How the "1234" time limits count days (A2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Calendar days (the default: the law says 工作日 where it means working days).
    Calendar,
    /// Working days of the holiday calendar.
    Working,
}

/// How a yearly obligation is judged for a year its subject covers only in part (A16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartialYears {
    /// The required count is prorated by the days covered, rounded half up; a prorated
    /// requirement of 0 is not judged (`partial_period`). The default.
    Prorate,
    /// Only whole years are judged; a part-year is not judged (`partial_period`).
    WholeOnly,
}

/// Which years the S4.2–S4.5 yearly obligations of a link or pairing run in (A17).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssistanceYears {
    /// Years of the link or pairing itself, from its first day (the default).
    Anniversary,
    /// Calendar years.
    Calendar,
}

/// Who must make the S3.2 commitments (A21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommitmentBy {
    /// The Party organisation and the villagers' committee each commit; each duty is judged
    /// on its own (the default).
    EachCommittee,
    /// One commitment of the two committees together meets the duty of the village.
    Joint,
}

/// What a deadline that needs a day beyond the calendar's last covered year gets (A24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BeyondCalendar {
    /// Nothing: `deadline` is the error `calendar_not_covered`, and `check` counts the
    /// opinion as not judged with that reason (the default).
    NotCovered,
    /// Saturdays and Sundays only are rest days beyond the last covered year; `check` flags
    /// every judgement that needed such a day as `provisional`.
    Weekends,
}

/// The parameters of every rule. Field docs name the rule id each comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Free text naming the policy and its source.
    pub name: String,
    /// The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule.
    /// A district that has not adopted a system leaves it out.
    pub rules: Vec<String>,

    // S1 — receptions
    /// S1.1: receptions a year by the district Party secretary (2).
    pub district_secretary_receptions_per_year: u32,
    /// S1.2: receptions a calendar month by a town/street secretary (1).
    pub town_secretary_receptions_per_month: u32,
    /// S1.3: receptions an ISO week by a village/community secretary (1; A8).
    pub village_secretary_receptions_per_week: u32,
    /// S1.1–S1.3, A7: minutes a reception must last to count as "不少于半天" (240).
    pub reception_min_minutes: u32,
    /// S1.4, A11: turns each other committee member takes in each rotation period (1).
    pub rotation_turns_per_member: u32,
    /// S1.4, A20: minutes a rotation turn must last to count as a turn (240, the half day
    /// of A7: "每次不少于半天" is the measure of a 集中接待 session).
    pub rotation_min_minutes: u32,
    /// S1.5, A19: the places where a session counts for S1.1–S1.4 (the five the notice names:
    /// `reception_office`, `service_centre`, `market`, `field`, `scene`; not `other`, a
    /// channel of S1.6).
    pub reception_places: Vec<Place>,
    /// S1.1, S1.4, S2.1, S2.2, S4.2–S4.5, A16: how a year covered only in part is judged
    /// (`prorate`).
    pub partial_years: PartialYears,

    // S2 — household visits
    /// S2.1: household visits a year by a district leader (2).
    pub district_leader_visits_per_year: u32,
    /// S2.2: household visits a year by a town/street committee member (4).
    pub town_member_visits_per_year: u32,
    /// S2.3: visits to each household by its village committee member per term (6).
    pub village_visits_per_household_per_term: u32,
    /// S2.4, A10: days after a 五必访 event within which the village secretary visits (30).
    pub must_visit_window_days: u32,
    /// S2.6: public-opinion analysis meetings a month in each grassroots organisation (1).
    pub analysis_meetings_per_month: u32,

    // S3 — commitments
    /// S3.2, A9: years of a village committee's term when its dates are not on record (3).
    pub term_years: u32,
    /// S2.3, S3.2, S3.8, A18: whether a village with no term on record has terms of
    /// `term_years` counted from its first record (true); false leaves them not judged
    /// (`no_term_on_record`).
    pub infer_terms: bool,
    /// S3.1, S3.2, A21: whether each committee commits (`each_committee`) or one joint
    /// commitment suffices (`joint`).
    pub commitment_by: CommitmentBy,
    /// S3.2, A12: month of the day by which the annual commitment is made (1).
    pub annual_commitment_by_month: u32,
    /// S3.2, A12: day of the month by which the annual commitment is made (31).
    pub annual_commitment_by_day: u32,
    /// S3.5: approving share that lists an item, "达到三分之二及以上" (≥ 2/3).
    pub vote_adopt: Threshold,
    /// S3.5: disapproving share that sends an item back for redrafting, "超过三分之一" (> 1/3).
    pub vote_reject: Threshold,
    /// A5: what the vote shares are taken of (all valid ballots).
    pub vote_base: VoteBase,
    /// A15: attendance share (present / entitled) a vote needs; none by default, as the
    /// source sets none (the Villagers' Committee Organisation Law asks more than 1/2 of adult
    /// villagers for a villagers' meeting, at least 2/3 for a representatives' meeting).
    pub vote_quorum: Option<Threshold>,
    /// S3.7: dissatisfied share that makes a committee unqualified, "超过30%" (> 30%).
    pub grade_unqualified: Threshold,
    /// S3.7: satisfied share that makes it qualified, "达到70%" (≥ 70%).
    pub grade_qualified: Threshold,
    /// S3.7: satisfied share that makes it excellent, "超过90%" (> 90%).
    pub grade_excellent: Threshold,
    /// A6: where "basically satisfied" ballots count (neither).
    pub basically_satisfied_as: BasicallySatisfiedAs,
    /// A3: the grade an undetermined ballot is mapped to; none keeps `undetermined`.
    pub undetermined_as: Option<Grade>,
    /// S3.8: dissatisfied share that calls for rectification, "超过50%" (> 50%).
    pub rectify_dissatisfied: Threshold,
    /// S3.8: consecutive unqualified years after which members should resign (2).
    pub resign_after_unqualified_years: u32,
    /// S3.8, A22: whether the unqualified years must be consecutive years of the same term
    /// of the committee (true) or any consecutive calendar years (false).
    pub resign_within_term: bool,
    /// S3.8, A23: whether a year with no combined result (综合考评结果) on record takes the
    /// ballot's grade instead (false: that part of S3.8 is not judged, `missing_combined`).
    pub missing_combined_as_ballot: bool,

    // S4 — assistance
    /// S4.2: practical deeds a year by a linked branch (2).
    pub branch_link_deeds_per_year: u32,
    /// S4.3: help a year for a paired poor person, in fen (50 000 = 500 yuan).
    pub pairing_min_fen_per_year: u64,
    /// S4.4: practical deeds a year in an industry–village tie (2).
    pub industry_village_deeds_per_year: u32,
    /// S4.5: practical deeds a year by a mass organisation (2).
    pub mass_organisation_deeds_per_year: u32,
    /// S4.2–S4.5, A17: the years a link's or pairing's yearly obligation runs in
    /// (`anniversary`: its own years from its first day).
    pub assistance_years: AssistanceYears,

    // S5 — the "1234" time limits
    /// S5.1: days to finish a matter within the organisation's remit (10).
    pub within_remit_days: u32,
    /// S5.2: days for the organisation one level up, from its own receipt (20; A13).
    pub outside_remit_days: u32,
    /// S5.3: days to explain a matter that cannot be solved (30).
    pub unresolvable_days: u32,
    /// S5.4: days for the leading unit of a matter needing several units (40).
    pub lead_unit_days: u32,
    /// A1: whether the day of receipt is day 1 (false: counting starts the next day).
    pub count_receipt_day: bool,
    /// A2: calendar days or working days.
    pub day_count: DayCount,
    /// A2: whether a last day that is a rest day moves to the next working day (true).
    pub move_rest_day: bool,
    /// A2: whether the built-in calendar (State Council notices 2007–2026) is used (true).
    pub calendar_builtin: bool,
    /// A2: calendar years that extend the built-in calendar or replace its years.
    pub calendar_years: Vec<CalendarYear>,
    /// A24: what a day after the calendar's last covered year is (`not_covered`).
    pub beyond_calendar: BeyondCalendar,

    // The agenda
    /// S5: an open opinion due within this many working days is due soon (临期) on the
    /// agenda (3).
    pub due_soon_working_days: u32,

    // Limits (not rules: they bound what a caller may ask)
    /// The longest range a `check` may cover, in years (100): its work follows the records
    /// and the range up to `as_of`; this bounds the range a caller may ask.
    pub max_range_years: u32,

    // N — the notice itself
    /// N.1, A25: the last day by which each town/street implements the five systems
    /// ("今年12月20日前": 2008-12-20, the day included).
    #[serde(deserialize_with = "crate::de::date")]
    pub implement_by: NaiveDate,
    /// N.2, A25: the last day by which the written report reaches the Organisation
    /// Department, with its electronic copy ("2009年1月10日前": 2009-01-10, included).
    #[serde(deserialize_with = "crate::de::date")]
    pub report_by: NaiveDate,
}

impl Default for Policy {
    fn default() -> Self {
        Policy::banan_2008()
    }
}

impl Policy {
    /// The values of 巴南委办发〔2008〕43号 and the defaults of
    /// `docs/ambiguities.md` A1–A25 (N.1, N.2's dates; prorated part-years; each committee's
    /// commitments; not judged beyond the calendar). Never fails.
    ///
    /// ```
    /// use liaison::{Policy, PartialYears, CommitmentBy, BeyondCalendar};
    /// let p = Policy::banan_2008();
    /// assert_eq!(p.within_remit_days, 10);
    /// assert_eq!(p.reception_min_minutes, 240);
    /// assert_eq!((p.partial_years, p.commitment_by), (PartialYears::Prorate, CommitmentBy::EachCommittee));
    /// assert_eq!(p.beyond_calendar, BeyondCalendar::NotCovered);
    /// assert_eq!(p.implement_by, "2008-12-20".parse::<chrono::NaiveDate>()?);
    /// assert_eq!(p.report_by, "2009-01-10".parse::<chrono::NaiveDate>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn banan_2008() -> Self {
        Policy {
            name: "巴南委办发〔2008〕43号 (Banan District, 2008-11-21)".to_string(),
            rules: Vec::new(),
            district_secretary_receptions_per_year: 2,
            town_secretary_receptions_per_month: 1,
            village_secretary_receptions_per_week: 1,
            reception_min_minutes: 240,
            rotation_turns_per_member: 1,
            rotation_min_minutes: 240,
            reception_places: vec![
                Place::ReceptionOffice,
                Place::ServiceCentre,
                Place::Market,
                Place::Field,
                Place::Scene,
            ],
            partial_years: PartialYears::Prorate,
            district_leader_visits_per_year: 2,
            town_member_visits_per_year: 4,
            village_visits_per_household_per_term: 6,
            must_visit_window_days: 30,
            analysis_meetings_per_month: 1,
            term_years: 3,
            infer_terms: true,
            commitment_by: CommitmentBy::EachCommittee,
            annual_commitment_by_month: 1,
            annual_commitment_by_day: 31,
            vote_adopt: Threshold::at_least(2, 3),
            vote_reject: Threshold::more_than(1, 3),
            vote_base: VoteBase::Ballots,
            vote_quorum: None,
            grade_unqualified: Threshold::more_than(30, 100),
            grade_qualified: Threshold::at_least(70, 100),
            grade_excellent: Threshold::more_than(90, 100),
            basically_satisfied_as: BasicallySatisfiedAs::Neither,
            undetermined_as: None,
            rectify_dissatisfied: Threshold::more_than(50, 100),
            resign_after_unqualified_years: 2,
            resign_within_term: true,
            missing_combined_as_ballot: false,
            branch_link_deeds_per_year: 2,
            pairing_min_fen_per_year: 50_000,
            industry_village_deeds_per_year: 2,
            mass_organisation_deeds_per_year: 2,
            assistance_years: AssistanceYears::Anniversary,
            within_remit_days: 10,
            outside_remit_days: 20,
            unresolvable_days: 30,
            lead_unit_days: 40,
            count_receipt_day: false,
            day_count: DayCount::Calendar,
            move_rest_day: true,
            calendar_builtin: true,
            calendar_years: Vec::new(),
            beyond_calendar: BeyondCalendar::NotCovered,
            due_soon_working_days: 3,
            max_range_years: 100,
            implement_by: NaiveDate::from_ymd_opt(2008, 12, 20).unwrap_or_default(),
            report_by: NaiveDate::from_ymd_opt(2009, 1, 10).unwrap_or_default(),
        }
    }

    /// Reads a policy from JSON. Fields left out take their Banan 2008 value.
    ///
    /// # Errors
    /// `invalid_policy` for malformed JSON, an unknown or duplicate key, a value of the
    /// wrong type, a threshold that is not a fraction in [0, 1], a day of the year that does
    /// not exist, or a term of 0 years, with the place (`["within_remit_days"]`);
    /// `invalid_calendar` for a bad calendar year.
    ///
    /// ```
    /// let p = liaison::Policy::from_json(r#"{"within_remit_days": 7}"#)?;
    /// assert_eq!((p.within_remit_days, p.outside_remit_days), (7, 20));
    /// let e = liaison::Policy::from_json(r#"{"within_remit": 7}"#).unwrap_err();
    /// assert_eq!((e.code(), e.field().as_deref()), ("invalid_policy", Some("within_remit")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let value = crate::de::parse(json).map_err(as_policy_error)?;
        Policy::from_value(&value)
    }

    /// Reads a policy from a JSON value (a binding's dict or object). As [`Policy::from_json`].
    ///
    /// # Errors
    /// As [`Policy::from_json`], except duplicate keys, which a value cannot hold.
    pub fn from_value(value: &serde_json::Value) -> Result<Self> {
        if !value.is_object() {
            return Err(Error::new(ErrorKind::InvalidPolicy {
                detail: Detail::new("a policy is a JSON object", "政策参数应为 JSON 对象"),
            }));
        }
        let policy: Policy = crate::de::from_value(value).map_err(as_policy_error)?;
        policy.validate()?;
        Ok(policy)
    }

    /// Writes the policy as pretty JSON, every field named.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks that every field can be used.
    ///
    /// # Errors
    /// As [`Policy::from_json`].
    pub fn validate(&self) -> Result<()> {
        for (field, t) in [
            ("vote_adopt", &self.vote_adopt),
            ("vote_reject", &self.vote_reject),
            ("grade_unqualified", &self.grade_unqualified),
            ("grade_qualified", &self.grade_qualified),
            ("grade_excellent", &self.grade_excellent),
            ("rectify_dissatisfied", &self.rectify_dissatisfied),
        ] {
            t.check(field)?;
        }
        if let Some(q) = &self.vote_quorum {
            q.check("vote_quorum")?;
        }
        if let Some(i) = self.rules.iter().position(|r| {
            !crate::rules::RULES
                .iter()
                .any(|k| k.id == r.as_str() || k.id.split('.').next() == Some(r.as_str()))
        }) {
            return Err(invalid(
                "not a rule id or system of the catalogue",
                "不是规则目录中的规则编号或制度",
            )
            .at(i)
            .at("rules"));
        }
        if self.resign_after_unqualified_years == 0 {
            return Err(
                invalid("must be at least 1", "至少为 1").at("resign_after_unqualified_years")
            );
        }
        if self.max_range_years == 0 {
            return Err(invalid("must be at least 1", "至少为 1").at("max_range_years"));
        }
        if self.term_years == 0 {
            return Err(invalid("must be at least 1", "至少为 1").at("term_years"));
        }
        // 2008 is a leap year, so 02-29 is accepted as a day that exists in some years.
        if chrono::NaiveDate::from_ymd_opt(
            2008,
            self.annual_commitment_by_month,
            self.annual_commitment_by_day,
        )
        .is_none()
        {
            return Err(invalid(
                "`annual_commitment_by_month` and `annual_commitment_by_day` do not name a day of the year",
                "`annual_commitment_by_month` 与 `annual_commitment_by_day` 不构成一年中的某一天",
            )
            .at("annual_commitment_by_day"));
        }
        self.calendar().map(|_| ())
    }

    /// A2: the holiday calendar this policy uses: the built-in one, extended or replaced
    /// year by year by `calendar_years`. It is compiled once per distinct set of years and
    /// kept, so that calling a rule many times with one policy costs one compilation.
    ///
    /// # Errors
    /// `invalid_calendar` when the built-in data or a policy year is inconsistent.
    pub fn calendar(&self) -> Result<Arc<HolidayCalendar>> {
        HolidayCalendar::with_years(self.calendar_builtin, &self.calendar_years)
            .map_err(|e| e.at("calendar_years"))
    }
}

fn invalid(en: &'static str, zh: &'static str) -> Error {
    Error::new(ErrorKind::InvalidPolicy {
        detail: Detail::new(en, zh),
    })
}

/// An error reading a policy, as `invalid_policy` at the same place.
fn as_policy_error(e: Error) -> Error {
    match e.kind() {
        ErrorKind::InvalidPolicy { .. } | ErrorKind::InvalidCalendar { .. } => e,
        kind => {
            let detail = Detail::new(kind.message(), kind.message_zh());
            Error::new(ErrorKind::InvalidPolicy { detail }).with_loc(e.loc().clone())
        }
    }
}
