//! Exact shares: "达到/及以上" and "超过" as integer comparisons (A14).
//!
//! A share `part / whole` is compared with a fraction `numerator / denominator` by cross
//! multiplication in `u128`. Parts and wholes are sums of at most three `u64` counts
//! (< 2^66) and fractions have `u32` terms (< 2^32), so every product stays below 2^98:
//! no overflow, no rounding, no floating point.

use serde::{Deserialize, Serialize};

/// A bound on a share, as the source words it: "达到/及以上" (`at_least`, the bound
/// included) or "超过" (`more_than`, the bound excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Numerator of the bound, e.g. 2 in 2/3 or 70 in 70%.
    pub numerator: u32,
    /// Denominator of the bound, e.g. 3 in 2/3 or 100 in 70%; never 0.
    pub denominator: u32,
    /// Whether the bound itself meets the threshold: true for "达到/及以上", false for "超过".
    pub inclusive: bool,
}

impl Threshold {
    /// "达到 n/d" or "n/d 及以上": the share meets the threshold when it equals the bound.
    pub const fn at_least(numerator: u32, denominator: u32) -> Self {
        Threshold {
            numerator,
            denominator,
            inclusive: true,
        }
    }

    /// "超过 n/d": the share must be strictly above the bound.
    pub const fn more_than(numerator: u32, denominator: u32) -> Self {
        Threshold {
            numerator,
            denominator,
            inclusive: false,
        }
    }

    /// Whether `part / whole` meets this threshold, exactly. A `whole` of 0 meets nothing
    /// (callers reject zero ballots before asking).
    ///
    /// ```
    /// use liaison::Threshold;
    /// assert!(Threshold::at_least(2, 3).is_met(2, 3));
    /// assert!(!Threshold::more_than(1, 3).is_met(1, 3));
    /// assert!(Threshold::more_than(1, 3).is_met(u64::MAX as u128, 3 * u64::MAX as u128 - 1));
    /// ```
    pub fn is_met(&self, part: u128, whole: u128) -> bool {
        if whole == 0 || self.denominator == 0 {
            return false;
        }
        let lhs = part.saturating_mul(u128::from(self.denominator));
        let rhs = whole.saturating_mul(u128::from(self.numerator));
        if self.inclusive {
            lhs >= rhs
        } else {
            lhs > rhs
        }
    }

    /// The smallest `part` of `whole` that meets the threshold, exactly (e.g. 20 of 30 for
    /// "达到三分之二"; 10 of 30 + 1 = 11 for "超过三分之一"). None when no part up to `whole`
    /// meets it.
    ///
    /// ```
    /// use liaison::Threshold;
    /// assert_eq!(Threshold::at_least(2, 3).min_part(30), Some(20));
    /// assert_eq!(Threshold::more_than(1, 3).min_part(30), Some(11));
    /// assert_eq!(Threshold::more_than(1, 1).min_part(30), None);
    /// ```
    pub fn min_part(&self, whole: u128) -> Option<u128> {
        if self.denominator == 0 {
            return None;
        }
        let num = whole.checked_mul(u128::from(self.numerator))?;
        let den = u128::from(self.denominator);
        let part = if self.inclusive {
            num.div_ceil(den)
        } else {
            num / den + 1
        };
        (part <= whole && self.is_met(part, whole)).then_some(part)
    }

    /// A threshold is usable when its denominator is positive and the bound is at most 1.
    pub(crate) fn check(&self, field: &str) -> crate::Result<()> {
        if self.denominator == 0 || self.numerator > self.denominator {
            return Err(crate::ErrorKind::InvalidPolicy {
                detail: crate::error::Detail::new(
                    "must be a fraction between 0 and 1 with a positive denominator",
                    "必须是 0 到 1 之间、分母为正的分数",
                ),
            }
            .at(field));
        }
        Ok(())
    }
}
