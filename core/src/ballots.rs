//! S3.5 and S3.7 over many rows: the vote on commitment items and the satisfaction grade,
//! compiled once per policy.
//!
//! [`GradeEvaluator`] (S3.7, A3, A6, A14) and [`VoteEvaluator`] (S3.5, A4, A5, A14, A15)
//! answer exactly what [`grade`](crate::grade) and [`decide_vote`](crate::decide_vote)
//! answer — the same outcome for every count and the same error for every bad row (tests
//! compare them on boundaries, `u64::MAX` counts and random counts) — without building the
//! text of an explanation: a row is a few exact `u128` cross multiplications
//! ([`Threshold::is_met`]). A row the fast path cannot answer (no ballots, attendance
//! that is missing or inconsistent) is asked of the single-row rule, which gives the error.

use crate::policy::{Policy, VoteBase};
use crate::share::Threshold;
use crate::{Attendance, Grade, Result, VoteOutcome};

/// S3.7 (A3, A6, A14) compiled for many ballots: the policy's three grade thresholds, the
/// side "basically satisfied" ballots count on and the grade of the undetermined case.
///
/// ```
/// use liaison::ballots::GradeEvaluator;
/// use liaison::{Grade, Policy};
/// let ev = GradeEvaluator::new(&Policy::banan_2008());
/// assert_eq!(ev.grade(70, 0, 30).unwrap(), Grade::Qualified); // 30% is not "超过30%"
/// assert_eq!(ev.grade(0, 0, 0).unwrap_err().code(), "no_ballots");
/// ```
#[derive(Debug, Clone)]
pub struct GradeEvaluator {
    policy: Policy,
    unqualified: Threshold,
    excellent: Threshold,
    qualified: Threshold,
    undetermined: Grade,
}

impl GradeEvaluator {
    /// Compiles the policy's S3.7 thresholds.
    pub fn new(policy: &Policy) -> Self {
        GradeEvaluator {
            policy: policy.clone(),
            unqualified: policy.grade_unqualified,
            excellent: policy.grade_excellent,
            qualified: policy.grade_qualified,
            undetermined: policy.undetermined_as.unwrap_or(Grade::Undetermined),
        }
    }

    /// S3.7 for one ballot, exactly as [`grade`](crate::grade).
    ///
    /// # Errors
    /// As [`grade`](crate::grade): `no_ballots` when all three counts are zero.
    #[inline]
    pub fn grade(
        &self,
        satisfied: u64,
        basically_satisfied: u64,
        dissatisfied: u64,
    ) -> Result<Grade> {
        // A6 and the base, as `grade` takes them (`no_ballots` when there is none).
        let shares =
            crate::grade::shares(satisfied, basically_satisfied, dissatisfied, &self.policy)?;
        let (s, d, valid) = (shares.satisfied, shares.dissatisfied, shares.valid);
        Ok(if self.unqualified.is_met(d, valid) {
            Grade::Unqualified
        } else if self.excellent.is_met(s, valid) {
            Grade::Excellent
        } else if self.qualified.is_met(s, valid) {
            Grade::Qualified
        } else {
            self.undetermined
        })
    }
}

/// S3.5 (A4, A5, A14, A15) compiled for many votes: the policy's adoption and rejection
/// thresholds, its base and its quorum.
///
/// ```
/// use liaison::ballots::VoteEvaluator;
/// use liaison::{Policy, VoteOutcome};
/// let ev = VoteEvaluator::new(&Policy::banan_2008());
/// assert_eq!(ev.decide(20, 10, 0, None).unwrap(), VoteOutcome::Adopted); // 20/30 = 2/3
/// assert_eq!(ev.decide(19, 11, 0, None).unwrap(), VoteOutcome::Rejected); // 11/30 > 1/3
/// ```
#[derive(Debug, Clone)]
pub struct VoteEvaluator {
    policy: Policy,
    adopt: Threshold,
    reject: Threshold,
    base: VoteBase,
    quorum: Option<Threshold>,
    needs_attendance: bool,
}

impl VoteEvaluator {
    /// Compiles the policy's S3.5 thresholds, base (A5) and quorum (A15).
    pub fn new(policy: &Policy) -> Self {
        VoteEvaluator {
            policy: policy.clone(),
            adopt: policy.vote_adopt,
            reject: policy.vote_reject,
            base: policy.vote_base,
            quorum: policy.vote_quorum,
            needs_attendance: policy.vote_quorum.is_some() || policy.vote_base != VoteBase::Ballots,
        }
    }

    /// S3.5 for one vote, exactly as [`decide_vote`](crate::decide_vote).
    ///
    /// # Errors
    /// As [`decide_vote`](crate::decide_vote): `no_ballots`, `attendance_required`,
    /// `invalid_attendance`.
    #[inline]
    pub fn decide(
        &self,
        approve: u64,
        disapprove: u64,
        abstain: u64,
        attendance: Option<Attendance>,
    ) -> Result<VoteOutcome> {
        let slow = || crate::decide_vote(approve, disapprove, abstain, &self.policy, attendance);
        let ballots = u128::from(approve) + u128::from(disapprove) + u128::from(abstain);
        let base = match attendance {
            Some(a) => {
                let (present, entitled) = (u128::from(a.present), u128::from(a.entitled));
                if entitled == 0 || present > entitled || ballots > present {
                    return slow();
                }
                if let Some(quorum) = self.quorum {
                    if !quorum.is_met(present, entitled) {
                        return Ok(VoteOutcome::NoQuorum);
                    }
                }
                match self.base {
                    VoteBase::Present => present,
                    VoteBase::Entitled => entitled,
                    VoteBase::Ballots => ballots,
                }
            }
            None if self.needs_attendance => return slow(),
            None => ballots,
        };
        if base == 0 {
            return slow();
        }
        Ok(if self.adopt.is_met(u128::from(approve), base) {
            VoteOutcome::Adopted
        } else if self.reject.is_met(u128::from(disapprove), base) {
            VoteOutcome::Rejected
        } else {
            VoteOutcome::NotAdopted
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn policies() -> Vec<Policy> {
        [
            "{}",
            r#"{"basically_satisfied_as": "satisfied"}"#,
            r#"{"basically_satisfied_as": "dissatisfied", "undetermined_as": "qualified"}"#,
            r#"{"vote_base": "present"}"#,
            r#"{"vote_base": "entitled", "vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": false}}"#,
            r#"{"vote_quorum": {"numerator": 2, "denominator": 3, "inclusive": true}}"#,
            r#"{"vote_adopt": {"numerator": 1, "denominator": 2, "inclusive": false}, "grade_excellent": {"numerator": 1, "denominator": 1, "inclusive": true}}"#,
        ]
        .iter()
        .map(|j| Policy::from_json(j).unwrap())
        .collect()
    }

    /// Counts at and around every bound the policies use, and at the ends of `u64`.
    fn counts() -> Vec<u64> {
        let m = u64::MAX;
        let mut v = vec![
            0, 1, 2, 3, 7, 9, 10, 11, 20, 29, 30, 31, 69, 70, 71, 89, 90, 91, 100,
        ];
        v.extend([
            m,
            m - 1,
            m - 2,
            m / 2,
            m / 3,
            m / 3 + 1,
            m / 10 * 7,
            m / 10 * 9,
        ]);
        v
    }

    fn same_grade(p: &Policy, ev: &GradeEvaluator, s: u64, b: u64, d: u64) {
        assert_eq!(ev.grade(s, b, d), crate::grade(s, b, d, p), "{s} {b} {d}");
    }

    fn same_vote(p: &Policy, ev: &VoteEvaluator, a: u64, d: u64, x: u64, att: Option<Attendance>) {
        assert_eq!(
            ev.decide(a, d, x, att),
            crate::decide_vote(a, d, x, p, att),
            "{a} {d} {x} {att:?}"
        );
    }

    #[test]
    fn grade_equals_the_single_row_rule_on_every_bound() {
        for p in policies() {
            let ev = GradeEvaluator::new(&p);
            for &s in &counts() {
                for &b in &counts() {
                    for &d in &counts() {
                        same_grade(&p, &ev, s, b, d);
                    }
                }
            }
        }
    }

    #[test]
    fn vote_equals_the_single_row_rule_on_every_bound() {
        let m = u64::MAX;
        let small = [0, 1, 2, 10, 11, 19, 20, 21, 30, 40, m - 1, m];
        for p in policies() {
            let ev = VoteEvaluator::new(&p);
            for &a in &small {
                for &d in &small {
                    for &x in &small {
                        same_vote(&p, &ev, a, d, x, None);
                        for (present, entitled) in [
                            (0, 0),
                            (30, 30),
                            (30, 60),
                            (31, 60),
                            (40, 60),
                            (41, 60),
                            (60, 40),
                            (m, m),
                            (m - 1, m),
                        ] {
                            same_vote(&p, &ev, a, d, x, Some(Attendance { present, entitled }));
                        }
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn grade_equals_the_single_row_rule(s in any::<u64>(), b in any::<u64>(), d in any::<u64>(), small in 0u64..200, i in 0usize..7) {
            let p = &policies()[i];
            let ev = GradeEvaluator::new(p);
            same_grade(p, &ev, s, b, d);
            same_grade(p, &ev, small, s % 200, d % 200);
        }

        #[test]
        fn vote_equals_the_single_row_rule(a in 0u64..100, d in 0u64..100, x in 0u64..100, present in 0u64..300, entitled in 0u64..300, big in any::<u64>(), i in 0usize..7) {
            let p = &policies()[i];
            let ev = VoteEvaluator::new(p);
            same_vote(p, &ev, a, d, x, None);
            same_vote(p, &ev, a, d, x, Some(Attendance { present, entitled }));
            same_vote(p, &ev, big, a, d, Some(Attendance { present: big, entitled: big }));
            same_vote(p, &ev, big, big, big, None);
        }
    }
}
