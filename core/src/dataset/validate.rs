//! Referential checks of a dataset: ids unique, references known, periods in order.

use super::Dataset;
use crate::error::{Detail, Shown};
use crate::{Error, ErrorKind, Loc, LocItem, Result};
use chrono::NaiveDate;
use std::collections::HashSet;

/// The place of a field of a record: `["visits", 3, "household"]` for JSON,
/// `["visits.csv", 5, "household"]` for CSV (set by the CSV reader).
pub(crate) type Locator = fn(&str, usize, &str) -> Loc;

pub(crate) fn json_locator(table: &str, index: usize, field: &str) -> Loc {
    Loc::from([
        LocItem::key(table),
        LocItem::from(index),
        LocItem::key(field),
    ])
}

fn ids<'a>(
    table: &str,
    items: impl Iterator<Item = &'a str>,
    at: Locator,
) -> Result<HashSet<&'a str>> {
    keys(table, "id", items, at)
}

/// The values of a key that must be unique in its list (`id`, or `unit` for one record per
/// unit).
fn keys<'a>(
    table: &str,
    field: &str,
    items: impl Iterator<Item = &'a str>,
    at: Locator,
) -> Result<HashSet<&'a str>> {
    let mut seen = HashSet::new();
    for (i, id) in items.enumerate() {
        if !seen.insert(id) {
            return Err(Error::new(ErrorKind::DuplicateId {
                id: Shown::text(id),
            })
            .with_loc(at(table, i, field)));
        }
    }
    Ok(seen)
}

fn known(set: &HashSet<&str>, id: &str, field: Loc, target: &str) -> Result<()> {
    if set.contains(id) {
        return Ok(());
    }
    let target = match target {
        "unit" => Detail::new("unit", "单位"),
        "person" => Detail::new("person", "人员"),
        "household" => Detail::new("household", "农户"),
        "link" => Detail::new("link", "帮扶关系"),
        "pairing" => Detail::new("pairing", "结对"),
        "grassroots unit" => Detail::new("village or community", "村（社区）"),
        _ => Detail::new("record", "记录"),
    };
    Err(Error::new(ErrorKind::UnknownReference { target }).with_loc(field))
}

fn ordered(from: NaiveDate, to: Option<NaiveDate>, field: Loc) -> Result<()> {
    match to {
        Some(to) if to < from => Err(Error::new(ErrorKind::InvalidPeriod).with_loc(field)),
        _ => Ok(()),
    }
}

impl Dataset {
    /// Checks ids and references.
    ///
    /// # Errors
    /// `duplicate_id` for an id (or an evaluation's unit and year, or an implementation's
    /// unit) given twice;
    /// `unknown_reference` for a reference to a missing record, or to a unit of the wrong
    /// level (a household outside a village or community), or an implementation record
    /// (N.1–N.3) naming an unknown unit or person; `invalid_period` for a `to` before its
    /// `from`. Only references are checked: a record the rules cannot judge (no ballots, no
    /// attendance, no step dated) is read and left to `check` to report as not judged.
    ///
    /// ```
    /// use liaison::dataset::Dataset;
    /// let twice = Dataset::from_json(r#"{"units": [{"id": "T1", "level": "town"}],
    ///   "implementations": [{"unit": "T1"}, {"unit": "T1"}]}"#);
    /// let e = twice.err().ok_or("accepted")?;
    /// assert_eq!((e.code(), e.field().as_deref()), ("duplicate_id", Some("implementations[1].unit")));
    /// let unknown = Dataset::from_json(r#"{"units": [{"id": "T1", "level": "town"}],
    ///   "implementations": [{"unit": "T1", "first_responsible": "P9"}]}"#);
    /// assert_eq!(unknown.err().ok_or("accepted")?.code(), "unknown_reference");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<()> {
        self.validate_with(json_locator)
    }

    pub(crate) fn validate_with(&self, at: Locator) -> Result<()> {
        let units = ids("units", self.units.iter().map(|u| u.id.as_str()), at)?;
        let grassroots: HashSet<&str> = self
            .units
            .iter()
            .filter(|u| u.level.is_grassroots())
            .map(|u| u.id.as_str())
            .collect();
        for (i, u) in self.units.iter().enumerate() {
            if let Some(p) = &u.parent {
                known(&units, p, at("units", i, "parent"), "unit")?;
            }
        }
        let people = ids("people", self.people.iter().map(|p| p.id.as_str()), at)?;
        for (i, p) in self.people.iter().enumerate() {
            known(&units, &p.unit, at("people", i, "unit"), "unit")?;
            ordered(p.from, p.to, at("people", i, "to"))?;
        }
        let households = ids(
            "households",
            self.households.iter().map(|h| h.id.as_str()),
            at,
        )?;
        for (i, h) in self.households.iter().enumerate() {
            known(
                &grassroots,
                &h.unit,
                at("households", i, "unit"),
                "grassroots unit",
            )?;
            if let Some(m) = &h.member {
                known(&people, m, at("households", i, "member"), "person")?;
            }
        }
        for (i, t) in self.terms.iter().enumerate() {
            known(
                &grassroots,
                &t.unit,
                at("terms", i, "unit"),
                "grassroots unit",
            )?;
            ordered(t.from, Some(t.to), at("terms", i, "to"))?;
        }
        for (i, r) in self.receptions.iter().enumerate() {
            known(&people, &r.person, at("receptions", i, "person"), "person")?;
        }
        for (i, v) in self.visits.iter().enumerate() {
            known(&people, &v.person, at("visits", i, "person"), "person")?;
            known(
                &households,
                &v.household,
                at("visits", i, "household"),
                "household",
            )?;
        }
        ids(
            "household_events",
            self.household_events.iter().map(|e| e.id.as_str()),
            at,
        )?;
        for (i, e) in self.household_events.iter().enumerate() {
            known(
                &households,
                &e.household,
                at("household_events", i, "household"),
                "household",
            )?;
        }
        for (i, m) in self.meetings.iter().enumerate() {
            known(&units, &m.unit, at("meetings", i, "unit"), "unit")?;
        }
        ids("opinions", self.opinions.iter().map(|o| o.id.as_str()), at)?;
        for (i, o) in self.opinions.iter().enumerate() {
            known(&units, &o.unit, at("opinions", i, "unit"), "unit")?;
            ordered(o.received, o.fed_back, at("opinions", i, "fed_back"))?;
        }
        ids(
            "commitments",
            self.commitments.iter().map(|c| c.id.as_str()),
            at,
        )?;
        for (i, c) in self.commitments.iter().enumerate() {
            known(
                &grassroots,
                &c.unit,
                at("commitments", i, "unit"),
                "grassroots unit",
            )?;
        }
        let mut unit_years = HashSet::new();
        for (i, e) in self.evaluations.iter().enumerate() {
            known(
                &grassroots,
                &e.unit,
                at("evaluations", i, "unit"),
                "grassroots unit",
            )?;
            if !unit_years.insert((e.unit.as_str(), e.year)) {
                return Err(Error::new(ErrorKind::DuplicateId {
                    id: Shown::text(&format!("{}/{}", e.unit, e.year)),
                })
                .with_loc(at("evaluations", i, "year")));
            }
        }
        let links = ids("links", self.links.iter().map(|l| l.id.as_str()), at)?;
        for (i, l) in self.links.iter().enumerate() {
            known(&units, &l.helper, at("links", i, "helper"), "unit")?;
            known(
                &grassroots,
                &l.unit,
                at("links", i, "unit"),
                "grassroots unit",
            )?;
            ordered(l.from, l.to, at("links", i, "to"))?;
        }
        for (i, d) in self.deeds.iter().enumerate() {
            known(&links, &d.link, at("deeds", i, "link"), "link")?;
        }
        let pairings = ids("pairings", self.pairings.iter().map(|p| p.id.as_str()), at)?;
        for (i, p) in self.pairings.iter().enumerate() {
            known(
                &households,
                &p.household,
                at("pairings", i, "household"),
                "household",
            )?;
            ordered(p.from, p.to, at("pairings", i, "to"))?;
        }
        for (i, a) in self.aid.iter().enumerate() {
            known(&pairings, &a.pairing, at("aid", i, "pairing"), "pairing")?;
        }
        keys(
            "implementations",
            "unit",
            self.implementations.iter().map(|r| r.unit.as_str()),
            at,
        )?;
        for (i, r) in self.implementations.iter().enumerate() {
            known(&units, &r.unit, at("implementations", i, "unit"), "unit")?;
            for (field, who) in [
                ("first_responsible", &r.first_responsible),
                ("directly_responsible", &r.directly_responsible),
            ] {
                if let Some(who) = who {
                    known(&people, who, at("implementations", i, field), "person")?;
                }
            }
        }
        Ok(())
    }
}
