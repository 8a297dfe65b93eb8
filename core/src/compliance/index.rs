//! Records grouped and sorted by what the checks look them up by.

use super::period::add_years;
use crate::dataset::{
    Commitment, Dataset, Evaluation, Household, Level, Link, Pairing, Person, Place, Term, Unit,
};
use crate::policy::Policy;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

pub(crate) struct Index<'a> {
    pub data: &'a Dataset,
    pub units: HashMap<&'a str, &'a Unit>,
    pub households: HashMap<&'a str, &'a Household>,
    /// People by unit.
    pub people_of: HashMap<&'a str, Vec<&'a Person>>,
    /// Households by unit.
    pub households_of: HashMap<&'a str, Vec<&'a Household>>,
    /// Reception dates, minutes and places by person, sorted.
    pub receptions_of: HashMap<&'a str, Vec<(NaiveDate, u32, Place)>>,
    /// Visit dates by person, sorted.
    pub visits_by: HashMap<&'a str, Vec<NaiveDate>>,
    /// Visits (date, person) by household, sorted.
    pub visits_to: HashMap<&'a str, Vec<(NaiveDate, &'a str)>>,
    /// Meeting dates by unit, sorted.
    pub meetings_of: HashMap<&'a str, Vec<NaiveDate>>,
    /// Deed dates by link, sorted.
    pub deeds_of: HashMap<&'a str, Vec<NaiveDate>>,
    /// Aid (date, fen) by pairing, sorted.
    pub aid_of: HashMap<&'a str, Vec<(NaiveDate, u64)>>,
    /// Commitments by unit.
    pub commitments_of: HashMap<&'a str, Vec<&'a Commitment>>,
    /// Terms by unit.
    pub terms_of: HashMap<&'a str, Vec<&'a Term>>,
    /// Evaluations by unit.
    pub evaluations_of: HashMap<&'a str, Vec<&'a Evaluation>>,
    /// Links by the unit helped.
    pub links_to: HashMap<&'a str, Vec<&'a Link>>,
    /// Pairings by household.
    pub pairings_of: HashMap<&'a str, Vec<&'a Pairing>>,
    /// The first day any record of a village or community names (A18).
    pub first_record: HashMap<&'a str, NaiveDate>,
}

fn by_key<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, Vec<&'a T>> {
    let mut map: HashMap<&str, Vec<&T>> = HashMap::new();
    for item in items {
        map.entry(key(item)).or_default().push(item);
    }
    map
}

/// The records of `key` in a map built by [`by_key`], or none.
pub(crate) fn of<'m, 'a, T>(map: &'m HashMap<&'a str, Vec<&'a T>>, key: &str) -> &'m [&'a T] {
    map.get(key).map(Vec::as_slice).unwrap_or(&[])
}

fn group<K: std::hash::Hash + Eq, V: Ord>(
    items: impl Iterator<Item = (K, V)>,
) -> HashMap<K, Vec<V>> {
    let mut map: HashMap<K, Vec<V>> = HashMap::new();
    for (k, v) in items {
        map.entry(k).or_default().push(v);
    }
    for v in map.values_mut() {
        v.sort();
    }
    map
}

/// A18: the first day each unit's records name: its people's first day in office, the
/// receptions of its people, the visits to and events of its households, its meetings,
/// opinions, commitments (their step dates, or 1 January of their year) and evaluations
/// (1 January of their year).
fn first_records<'a>(d: &'a Dataset) -> HashMap<&'a str, NaiveDate> {
    let mut first: HashMap<&'a str, NaiveDate> = HashMap::new();
    let mut note = |unit: &'a str, day: NaiveDate| {
        let f = first.entry(unit).or_insert(day);
        *f = (*f).min(day);
    };
    let unit_of_person: HashMap<&'a str, &'a str> = d
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.unit.as_str()))
        .collect();
    let unit_of_household: HashMap<&'a str, &'a str> = d
        .households
        .iter()
        .map(|h| (h.id.as_str(), h.unit.as_str()))
        .collect();
    for p in &d.people {
        note(&p.unit, p.from);
    }
    for r in &d.receptions {
        if let Some(u) = unit_of_person.get(r.person.as_str()) {
            note(u, r.date);
        }
    }
    for v in &d.visits {
        if let Some(u) = unit_of_household.get(v.household.as_str()) {
            note(u, v.date);
        }
    }
    for e in &d.household_events {
        if let Some(u) = unit_of_household.get(e.household.as_str()) {
            note(u, e.date);
        }
    }
    for m in &d.meetings {
        note(&m.unit, m.date);
    }
    for o in &d.opinions {
        note(&o.unit, o.received);
    }
    for c in &d.commitments {
        let steps = [c.proposed, c.voted, c.approved, c.published];
        match steps.iter().flatten().min() {
            Some(day) => note(&c.unit, *day),
            None => {
                if let Some(day) = NaiveDate::from_ymd_opt(c.year, 1, 1) {
                    note(&c.unit, day);
                }
            }
        }
    }
    for e in &d.evaluations {
        if let Some(day) = NaiveDate::from_ymd_opt(e.year, 1, 1) {
            note(&e.unit, day);
        }
    }
    first
}

impl<'a> Index<'a> {
    pub fn new(d: &'a Dataset) -> Self {
        Index {
            people_of: by_key(&d.people, |p| p.unit.as_str()),
            households_of: by_key(&d.households, |h| h.unit.as_str()),
            commitments_of: by_key(&d.commitments, |c| c.unit.as_str()),
            terms_of: by_key(&d.terms, |t| t.unit.as_str()),
            evaluations_of: by_key(&d.evaluations, |e| e.unit.as_str()),
            links_to: by_key(&d.links, |l| l.unit.as_str()),
            pairings_of: by_key(&d.pairings, |p| p.household.as_str()),
            first_record: first_records(d),
            data: d,
            units: d.units.iter().map(|u| (u.id.as_str(), u)).collect(),
            households: d.households.iter().map(|h| (h.id.as_str(), h)).collect(),
            receptions_of: group(
                d.receptions
                    .iter()
                    .map(|r| (r.person.as_str(), (r.date, r.minutes, r.place))),
            ),
            visits_by: group(d.visits.iter().map(|v| (v.person.as_str(), v.date))),
            visits_to: group(
                d.visits
                    .iter()
                    .map(|v| (v.household.as_str(), (v.date, v.person.as_str()))),
            ),
            meetings_of: group(d.meetings.iter().map(|m| (m.unit.as_str(), m.date))),
            deeds_of: group(d.deeds.iter().map(|x| (x.link.as_str(), x.date))),
            aid_of: group(
                d.aid
                    .iter()
                    .map(|a| (a.pairing.as_str(), (a.date, a.amount_fen))),
            ),
        }
    }

    pub fn level(&self, unit: &str) -> Option<Level> {
        self.units.get(unit).map(|u| u.level)
    }

    pub fn grassroots(&self) -> impl Iterator<Item = &'a Unit> + '_ {
        self.data.units.iter().filter(|u| u.level.is_grassroots())
    }

    /// A9, A18: the terms of a village that share a day with `[from, to]`, in order: those
    /// on record, or — when none is on record and the policy counts them — terms of
    /// `term_years` years counted from the village's first record. None when no term is on
    /// record and none can be counted (`no_term_on_record`).
    pub fn terms(
        &self,
        unit: &str,
        from: NaiveDate,
        to: NaiveDate,
        policy: &Policy,
    ) -> Option<Vec<(NaiveDate, NaiveDate)>> {
        let recorded = of(&self.terms_of, unit);
        if !recorded.is_empty() {
            let mut terms: Vec<(NaiveDate, NaiveDate)> = recorded
                .iter()
                .filter(|t| t.from <= to && from <= t.to)
                .map(|t| (t.from, t.to))
                .collect();
            terms.sort();
            return Some(terms);
        }
        if !policy.infer_terms {
            return None;
        }
        let anchor = *self.first_record.get(unit)?;
        let nth = |k: u32| {
            k.checked_mul(policy.term_years)
                .and_then(|n| add_years(anchor, n))
        };
        let mut out = Vec::new();
        // Skip the terms wholly before `from` without stepping through them.
        let mut k = u32::try_from(from.year().saturating_sub(anchor.year()))
            .unwrap_or(0)
            .checked_div(policy.term_years)
            .unwrap_or(0)
            .saturating_sub(1);
        while let Some(start) = nth(k) {
            if start > to {
                break;
            }
            let Some(end) = k.checked_add(1).and_then(nth).and_then(|d| d.pred_opt()) else {
                break;
            };
            if end >= from {
                out.push((start, end));
            }
            k = k.saturating_add(1);
        }
        Some(out)
    }
}

/// The items of a date-sorted list whose date lies in `[from, to]`.
pub(crate) fn between<T>(
    sorted: &[T],
    from: NaiveDate,
    to: NaiveDate,
    date: impl Fn(&T) -> NaiveDate,
) -> &[T] {
    let lo = sorted.partition_point(|x| date(x) < from);
    let hi = sorted.partition_point(|x| date(x) <= to);
    sorted.get(lo..hi.max(lo)).unwrap_or(&[])
}
