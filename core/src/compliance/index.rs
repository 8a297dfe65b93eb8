//! Records grouped and sorted by what the checks look them up by.

use crate::dataset::{
    Commitment, Dataset, Evaluation, Household, Level, Link, Pairing, Person, Term, Unit,
};
use chrono::NaiveDate;
use std::collections::HashMap;

pub(crate) struct Index<'a> {
    pub data: &'a Dataset,
    pub units: HashMap<&'a str, &'a Unit>,
    pub households: HashMap<&'a str, &'a Household>,
    /// People by unit.
    pub people_of: HashMap<&'a str, Vec<&'a Person>>,
    /// Households by unit.
    pub households_of: HashMap<&'a str, Vec<&'a Household>>,
    /// Reception dates and minutes by person, sorted.
    pub receptions_of: HashMap<&'a str, Vec<(NaiveDate, u32)>>,
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
            data: d,
            units: d.units.iter().map(|u| (u.id.as_str(), u)).collect(),
            households: d.households.iter().map(|h| (h.id.as_str(), h)).collect(),
            receptions_of: group(
                d.receptions
                    .iter()
                    .map(|r| (r.person.as_str(), (r.date, r.minutes))),
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
