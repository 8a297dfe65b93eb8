//! S3.5 — the vote on each proposed commitment item (民主定诺).
//!
//! > 由党员群众对承诺事项进行表决。同意票达到三分之二及以上的，列为承诺内容，不同意票超过
//! > 三分之一的，不列为承诺内容，重新拟定承诺事项，直到党员群众认可为止。

use crate::error::Detail;
use crate::explain::{compare, Step, Trace};
use crate::policy::{Policy, VoteBase};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// The outcome of a vote on one commitment item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteOutcome {
    /// Approve ≥ 2/3: listed as a commitment (列为承诺内容).
    Adopted,
    /// Disapprove > 1/3: not listed; redraft until accepted (重新拟定).
    Rejected,
    /// Neither (many abstentions, A4): not listed, but not the redraft case.
    NotAdopted,
    /// A15: the meeting lacked the quorum the policy asks for; the vote decides nothing.
    NoQuorum,
}

impl VoteOutcome {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            VoteOutcome::Adopted => "adopted",
            VoteOutcome::Rejected => "rejected",
            VoteOutcome::NotAdopted => "not_adopted",
            VoteOutcome::NoQuorum => "no_quorum",
        }
    }
}

/// Who could vote and who came: needed by a quorum (A15) or a base other than ballots (A5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attendance {
    /// Persons present at the meeting.
    pub present: u64,
    /// Persons entitled to attend (members, representatives or adult villagers).
    pub entitled: u64,
}

impl Attendance {
    /// Attendance from two optional figures as bindings receive them: both or neither.
    ///
    /// # Errors
    /// `attendance_required` when only one of the two is given.
    ///
    /// ```
    /// use liaison::Attendance;
    /// assert_eq!(Attendance::from_parts(None, None).unwrap(), None);
    /// assert_eq!(Attendance::from_parts(Some(30), None).unwrap_err().code(), "attendance_required");
    /// ```
    pub fn from_parts(present: Option<u64>, entitled: Option<u64>) -> Result<Option<Attendance>> {
        match (present, entitled) {
            (None, None) => Ok(None),
            (Some(present), Some(entitled)) => Ok(Some(Attendance { present, entitled })),
            (None, Some(_)) => Err(ErrorKind::AttendanceRequired.at("present")),
            (Some(_), None) => Err(ErrorKind::AttendanceRequired.at("entitled")),
        }
    }
}

/// S3.5 (A4, A5, A14, A15): decides a vote on one proposed commitment item.
///
/// In order: `no_quorum` when the policy sets a quorum and `present / entitled` falls
/// short of it; `adopted` when approve ≥ 2/3 of the base ("达到三分之二及以上"); `rejected`
/// when disapprove > 1/3 of the base ("超过三分之一"); otherwise `not_adopted` (A4). The base
/// is all valid ballots (approve + disapprove + abstain) unless the policy says present or
/// entitled (A5). The comparison is exact for any `u64` counts.
///
/// # Errors
/// - `no_ballots` when the base is zero (a share of nothing is undefined);
/// - `attendance_required` when the quorum or the base needs `attendance` and it is absent;
/// - `invalid_attendance` when nobody is entitled, more are present than entitled, or more ballots were cast
///   than persons present (or entitled).
///
/// # Example: two thirds exactly, and one ballot either side
/// ```
/// use liaison::{decide_vote, Policy, VoteOutcome::*};
/// let p = Policy::banan_2008();
/// assert_eq!(decide_vote(20, 10, 0, &p, None).unwrap(), Adopted);    // 20/30 = 2/3
/// assert_eq!(decide_vote(19, 11, 0, &p, None).unwrap(), Rejected);   // 11/30 > 1/3
/// assert_eq!(decide_vote(19, 10, 1, &p, None).unwrap(), NotAdopted); // neither (A4)
/// assert_eq!(decide_vote(0, 0, 0, &p, None).unwrap_err().code(), "no_ballots");
/// ```
///
/// # Example: counts at the limit of `u64`
/// ```
/// use liaison::{decide_vote, Policy, VoteOutcome::*};
/// let m = u64::MAX;
/// assert_eq!(decide_vote(m, m, m, &Policy::banan_2008(), None).unwrap(), NotAdopted);
/// ```
pub fn decide_vote(
    approve: u64,
    disapprove: u64,
    abstain: u64,
    policy: &Policy,
    attendance: Option<Attendance>,
) -> Result<VoteOutcome> {
    decide_vote_traced(
        approve,
        disapprove,
        abstain,
        policy,
        attendance,
        &mut Trace::off(),
    )
}

/// [`decide_vote`], recording its steps.
pub(crate) fn decide_vote_traced<const RECORDS: bool>(
    approve: u64,
    disapprove: u64,
    abstain: u64,
    policy: &Policy,
    attendance: Option<Attendance>,
    trace: &mut Trace<RECORDS>,
) -> Result<VoteOutcome> {
    let ballots = u128::from(approve) + u128::from(disapprove) + u128::from(abstain);
    let needs_attendance = policy.vote_quorum.is_some() || policy.vote_base != VoteBase::Ballots;
    if let Some(a) = attendance {
        if a.entitled == 0 {
            return Err(attendance_error(
                "`entitled` must be at least 1",
                "应到人数 `entitled` 至少为 1",
                "entitled",
            ));
        }
        if a.present > a.entitled {
            return Err(attendance_error(
                "`present` is larger than `entitled`",
                "出席人数 `present` 大于应到人数 `entitled`",
                "present",
            ));
        }
        if ballots > u128::from(a.present) {
            return Err(attendance_error(
                "more ballots were cast than persons were present",
                "投票数多于出席人数",
                "present",
            ));
        }
    }
    let attendance = match (attendance, needs_attendance) {
        (None, true) => return Err(Error::new(ErrorKind::AttendanceRequired).with_rule("A15")),
        (a, _) => a,
    };
    if let (Some(quorum), Some(a)) = (policy.vote_quorum, attendance) {
        let (present, entitled) = (u128::from(a.present), u128::from(a.entitled));
        let met = quorum.is_met(present, entitled);
        trace.step(|| {
            let (text, text_zh) = compare(present, entitled, &quorum);
            Step::new(
                "A15",
                format!("present of entitled: {text}"),
                format!("出席人数占应到人数：{text_zh}"),
            )
        });
        if !met {
            trace.step(|| Step::new("A15", "no quorum".to_string(), "不足法定人数".to_string()));
            return Ok(VoteOutcome::NoQuorum);
        }
    }
    let (base, of, of_zh) = match (policy.vote_base, attendance) {
        (VoteBase::Present, Some(a)) => (u128::from(a.present), "persons present", "出席人数"),
        (VoteBase::Entitled, Some(a)) => (u128::from(a.entitled), "persons entitled", "应到人数"),
        _ => (ballots, "valid ballots cast", "有效票"),
    };
    trace.step(|| {
        Step::new(
            "A5",
            format!("the shares are of the {base} {of}"),
            format!("比例以{of_zh} {base} 为基数"),
        )
    });
    if base == 0 {
        return Err(Error::new(ErrorKind::NoBallots).with_rule("S3.5"));
    }
    let adopted = policy.vote_adopt.is_met(u128::from(approve), base);
    trace.step(|| {
        let (text, text_zh) = compare(u128::from(approve), base, &policy.vote_adopt);
        let verdict = if adopted {
            ("listed: adopted", "列为承诺内容")
        } else {
            ("not listed on this ground", "不据此列入")
        };
        Step::new(
            "S3.5",
            format!("approving {text}: {}", verdict.0),
            format!("同意票 {text_zh}：{}", verdict.1),
        )
        .words("同意票达到三分之二及以上的，列为承诺内容")
    });
    if adopted {
        return Ok(VoteOutcome::Adopted);
    }
    let rejected = policy.vote_reject.is_met(u128::from(disapprove), base);
    trace.step(|| {
        let (text, text_zh) = compare(u128::from(disapprove), base, &policy.vote_reject);
        let verdict = if rejected {
            ("redraft: rejected", "重新拟定承诺事项")
        } else {
            ("not rejected", "不据此退回")
        };
        Step::new(
            "S3.5",
            format!("disapproving {text}: {}", verdict.0),
            format!("不同意票 {text_zh}：{}", verdict.1),
        )
        .words("不同意票超过三分之一的，不列为承诺内容，重新拟定承诺事项")
    });
    if rejected {
        return Ok(VoteOutcome::Rejected);
    }
    trace.step(|| {
        Step::new(
            "A4",
            "neither sentence applies: not adopted, and not the redraft case".to_string(),
            "两种情形均不适用：不列入，但不属于重新拟定的情形".to_string(),
        )
    });
    Ok(VoteOutcome::NotAdopted)
}

fn attendance_error(en: &'static str, zh: &'static str, field: &'static str) -> Error {
    ErrorKind::InvalidAttendance {
        detail: Detail::new(en, zh),
    }
    .at(field)
    .with_rule("A15")
}
