//! A seeded generator of a realistic synthetic district: towns, villages, people,
//! households and a term of records that meet every rule of S1–S5, then a known sprinkling
//! of violations ([`Planted`]). The compliance check must find exactly the planted ones;
//! a test holds it to that. Ids only: the data hold no names.

mod plant;

pub use plant::Planted;

use crate::dataset::*;
use crate::deadline::{deadline, Responsibility};
use crate::grade::grade;
use crate::policy::Policy;
use crate::Result;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The size and the seed of a synthetic district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Seed of the pseudo-random choices.
    pub seed: u64,
    /// Towns.
    pub towns: u32,
    /// Villages or communities per town (every third is a community).
    pub villages_per_town: u32,
    /// Households per village.
    pub households_per_village: u32,
    /// First year of the village committees' term; the records cover the three years.
    pub first_year: i32,
    /// Years of records (1 to 3).
    pub years: i32,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            seed: 2008,
            towns: 2,
            villages_per_town: 3,
            households_per_village: 8,
            first_year: 2023,
            years: 3,
        }
    }
}

impl Shape {
    /// Largest number of households a generated district may have.
    pub const MAX_HOUSEHOLDS: u64 = 10_000_000;

    /// Checks that the shape can be generated: 1 to 3 years from 1900 to 2200, at least one
    /// town and village, and at most [`Shape::MAX_HOUSEHOLDS`] households in all.
    ///
    /// # Errors
    /// `invalid_input` naming `shape` otherwise.
    pub fn validate(&self) -> Result<()> {
        let households = u64::from(self.towns)
            .saturating_mul(u64::from(self.villages_per_town))
            .saturating_mul(u64::from(self.households_per_village));
        let ok = (1900..=2200).contains(&self.first_year)
            && (1..=3).contains(&self.years)
            && self.towns > 0
            && self.villages_per_town > 0
            && households <= Self::MAX_HOUSEHOLDS;
        if ok {
            Ok(())
        } else {
            Err(crate::Error::new(crate::ErrorKind::InvalidInput {
                detail: crate::error::Detail::new(
                    "years must be 1 to 3 from 1900 to 2200, with at least one town and village and at most 10 000 000 households",
                    "年数须为 1 至 3（1900 至 2200 年之间），至少一个镇和一个村，至多 10 000 000 户",
                ),
            }))
        }
    }

    /// The checked range: the first day of the first year to the last day of the last.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        let from = NaiveDate::from_ymd_opt(self.first_year, 1, 1).unwrap_or(NaiveDate::MIN);
        let to = NaiveDate::from_ymd_opt(self.first_year + self.years - 1, 12, 31)
            .unwrap_or(NaiveDate::MAX);
        (from, to)
    }

    /// The day the records were taken: 20 January after the last year.
    pub fn as_of(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.first_year + self.years, 1, 20).unwrap_or(NaiveDate::MAX)
    }
}

/// splitmix64: small, fast and the same on every platform.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

fn add(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// A compliant district of the given shape.
///
/// # Errors
/// `invalid_input` for a shape outside [`Shape::validate`]'s limits;
/// `calendar_not_covered` when the opinions' deadlines leave the policy's calendar.
pub fn compliant(shape: &Shape, policy: &Policy) -> Result<Dataset> {
    shape.validate()?;
    let mut g = Generator {
        rng: Rng(shape.seed),
        shape: *shape,
        d: Dataset::default(),
    };
    g.district();
    for t in 0..shape.towns {
        g.town(t);
        for v in 0..shape.villages_per_town {
            g.village(t, v, policy)?;
        }
    }
    Ok(g.d)
}

/// A district of the given shape with a known sprinkling of violations.
///
/// ```
/// use liaison::synthetic::{generate, Shape};
/// use liaison::{check, Policy};
/// let shape = Shape::default();
/// let policy = Policy::banan_2008();
/// let (data, planted) = generate(&shape, &policy).unwrap();
/// let (from, to) = shape.range();
/// let report = check(&data, from, to, shape.as_of(), &policy).unwrap();
/// assert_eq!(report.findings.len(), planted.len());
/// ```
///
/// # Errors
/// As [`compliant`]; a shape too small to plant in (fewer than 2 towns, 3 villages per
/// town, 8 households or 3 years) is `invalid_input`.
pub fn generate(shape: &Shape, policy: &Policy) -> Result<(Dataset, Vec<Planted>)> {
    let mut d = compliant(shape, policy)?;
    let planted = plant::plant(&mut d, shape, policy)?;
    open_on_as_of(&mut d, shape);
    Ok((d, planted))
}

/// Records between the checked range's end and `as_of` that leave something open on
/// `as_of` for the agenda, outside the range `check` judges (so nothing is planted): an
/// opinion due within days and one already late, a 五必访 window closing soon, a link's and a
/// pairing's own year ending short.
fn open_on_as_of(d: &mut Dataset, shape: &Shape) {
    let as_of = shape.as_of();
    let back = |n: u64| as_of.checked_sub_days(Days::new(n)).unwrap_or(as_of);
    let village = |t: u32, v: u32| format!("T{t}-V{v}");
    for (id, unit, days_ago) in [
        ("O-OPEN-1", village(0, 0), 8),
        ("O-OPEN-2", village(1, 0), 16),
    ] {
        d.opinions.push(Opinion {
            id: id.to_string(),
            unit,
            received: back(days_ago),
            responsibility: Responsibility::WithinRemit,
            fed_back: None,
            result: false,
            closed: false,
            promised: None,
        });
    }
    if let Some(h) = d.households.iter().find(|h| h.unit == village(0, 1)) {
        let household = h.id.clone();
        d.household_events.push(HouseholdEvent {
            id: "E-OPEN-1".to_string(),
            household,
            kind: EventKind::Hospital,
            date: back(25),
        });
    }
    let year_ago = |days_after: u64| {
        back(0)
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.checked_add_days(Days::new(days_after)))
            .unwrap_or(as_of)
    };
    d.links.push(Link {
        id: "L-OPEN".to_string(),
        kind: LinkKind::BranchLink,
        helper: "ORG-0-0".to_string(),
        unit: village(0, 1),
        from: year_ago(10),
        to: None,
    });
    d.deeds.push(Deed {
        link: "L-OPEN".to_string(),
        date: year_ago(40),
    });
    if let Some(h) = d
        .households
        .iter()
        .find(|h| h.poor && h.unit == village(0, 2))
    {
        let household = h.id.clone();
        d.pairings.push(Pairing {
            id: "P-OPEN".to_string(),
            household,
            from: year_ago(8),
            to: None,
        });
        d.aid.push(Aid {
            pairing: "P-OPEN".to_string(),
            date: year_ago(60),
            amount_fen: 20_000,
        });
    }
}

struct Generator {
    rng: Rng,
    shape: Shape,
    d: Dataset,
}

impl Generator {
    fn first(&self) -> NaiveDate {
        self.shape.range().0
    }

    fn last(&self) -> NaiveDate {
        self.shape.range().1
    }

    fn unit(&mut self, id: &str, level: Level, parent: Option<&str>, name: String) {
        self.d.units.push(Unit {
            id: id.to_string(),
            level,
            parent: parent.map(str::to_string),
            name: Some(name),
        });
    }

    fn person(
        &mut self,
        id: &str,
        unit: &str,
        role: Role,
        standing: bool,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) {
        self.d.people.push(Person {
            id: id.to_string(),
            unit: unit.to_string(),
            role,
            standing_committee: standing,
            from,
            to,
        });
    }

    fn reception(&mut self, person: &str, date: NaiveDate, place: Place) {
        let minutes = 240 + 30 * self.rng.below(3) as u32;
        self.d.receptions.push(Reception {
            person: person.to_string(),
            date,
            minutes,
            place,
        });
    }

    /// A day in `[from, to]`.
    fn day_in(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = to
            .signed_duration_since(from)
            .num_days()
            .max(0)
            .unsigned_abs();
        add(from, self.rng.below(span + 1))
    }

    fn years(&self) -> impl Iterator<Item = i32> {
        let first = self.shape.first_year;
        first..first + self.shape.years
    }

    fn district(&mut self) {
        let since = ymd(self.shape.first_year - 2, 6, 1);
        self.unit("D", Level::District, None, "示例区".to_string());
        self.person("D-S", "D", Role::Secretary, true, since, None);
        for m in 1..=3 {
            self.person(&format!("D-M{m}"), "D", Role::Member, true, since, None);
        }
        for y in self.years().collect::<Vec<_>>() {
            for half in [(1, 6), (7, 12)] {
                let day = self.day_in(ymd(y, half.0, 1), ymd(y, half.1, 28));
                self.reception("D-S", day, Place::ReceptionOffice);
            }
            for m in 1..=3 {
                let day = self.day_in(ymd(y, 2, 1), ymd(y, 11, 30));
                self.reception(&format!("D-M{m}"), day, Place::ReceptionOffice);
            }
        }
    }

    fn town(&mut self, t: u32) {
        let id = format!("T{t}");
        let since = ymd(self.shape.first_year - 1, 3, 1);
        self.unit(&id, Level::Town, Some("D"), format!("第{}镇", t + 1));
        self.person(&format!("{id}-S"), &id, Role::Secretary, false, since, None);
        for m in 1..=2 {
            self.person(&format!("{id}-M{m}"), &id, Role::Member, false, since, None);
        }
        for y in self.years().collect::<Vec<_>>() {
            for month in 1..=12 {
                let day = self.day_in(ymd(y, month, 1), ymd(y, month, 28));
                self.reception(&format!("{id}-S"), day, Place::ReceptionOffice);
                for m in 1..=2 {
                    let day = self.day_in(ymd(y, month, 1), ymd(y, month, 28));
                    self.reception(&format!("{id}-M{m}"), day, Place::ReceptionOffice);
                }
            }
        }
        // A16: in the first town a member joins on 1 July of the second year. The part-year
        // asks 4 × 184 / 365 visits, rounded half up: 2; each later year asks 4.
        if t == 0 {
            let joined = ymd(self.shape.first_year + 1, 7, 1);
            let who = format!("{id}-M3");
            self.person(&who, &id, Role::Member, false, joined, None);
            for y in self
                .years()
                .filter(|y| *y > self.shape.first_year)
                .collect::<Vec<_>>()
            {
                let first_month = if y == joined.year() { 7 } else { 1 };
                for month in first_month..=12 {
                    let day = self.day_in(ymd(y, month, 1), ymd(y, month, 28));
                    self.reception(&who, day, Place::ReceptionOffice);
                }
                let visits = if y == joined.year() { 2 } else { 4 };
                for k in 0..visits {
                    let from = ymd(y, first_month + k * 2, 1);
                    let date = self.day_in(from, add(from, 40));
                    let h = k % self.shape.households_per_village.max(1);
                    self.d.visits.push(Visit {
                        person: who.clone(),
                        household: format!("{id}-V0-H{h:03}"),
                        date,
                    });
                }
            }
        }
    }

    fn village(&mut self, t: u32, v: u32, policy: &Policy) -> Result<()> {
        let id = format!("T{t}-V{v}");
        let level = if v % 3 == 2 {
            Level::Community
        } else {
            Level::Village
        };
        let (first, last) = (self.first(), self.last());
        let kind = if level == Level::Community {
            "社区"
        } else {
            "村"
        };
        self.unit(
            &id,
            level,
            Some(&format!("T{t}")),
            format!("第{}镇第{}{kind}", t + 1, v + 1),
        );
        self.d.terms.push(Term {
            unit: id.clone(),
            from: first,
            to: last,
        });
        // The secretary of the first village of each town hands over in mid-term (on a
        // Wednesday, so that the week of the change is judged for neither).
        let handover = (v == 0).then(|| {
            let mid = ymd(self.shape.first_year + 1, 6, 1);
            let back = u64::from(mid.weekday().num_days_from_monday());
            add(mid, 2).checked_sub_days(Days::new(back)).unwrap_or(mid)
        });
        let secretaries: Vec<(String, NaiveDate, Option<NaiveDate>)> = match handover {
            Some(h) => vec![
                (
                    format!("{id}-S"),
                    ymd(self.shape.first_year - 1, 1, 1),
                    h.pred_opt(),
                ),
                (format!("{id}-S2"), h, None),
            ],
            None => vec![(
                format!("{id}-S"),
                ymd(self.shape.first_year - 1, 1, 1),
                None,
            )],
        };
        for (sid, from, to) in &secretaries {
            self.person(sid, &id, Role::Secretary, false, *from, *to);
        }
        let members: Vec<String> = (1..=2).map(|m| format!("{id}-M{m}")).collect();
        for m in &members {
            self.person(
                m,
                &id,
                Role::Member,
                false,
                ymd(self.shape.first_year - 1, 1, 1),
                None,
            );
        }
        // S1.3, S1.4: every ISO week, the secretary in office and each member receive.
        let mut monday = first
            .checked_sub_days(Days::new(u64::from(first.weekday().num_days_from_monday())))
            .unwrap_or(first);
        while monday <= last {
            let sunday = add(monday, 6);
            let day = self.day_in(monday, add(monday, 4));
            let on_duty = secretaries
                .iter()
                .find(|(_, from, to)| *from <= monday && to.is_none_or(|to| sunday <= to));
            if let Some((sid, _, _)) = on_duty {
                let place = if day.weekday() == Weekday::Tue {
                    Place::Market
                } else {
                    Place::ServiceCentre
                };
                self.reception(&sid.clone(), day, place);
            }
            for m in &members {
                let day = self.day_in(monday, add(monday, 4));
                self.reception(m, day, Place::ServiceCentre);
            }
            monday = add(monday, 7);
        }
        self.households(&id, &members, &secretaries)?;
        for y in self.years().collect::<Vec<_>>() {
            for month in 1..=12 {
                let day = self.day_in(ymd(y, month, 3), ymd(y, month, 25));
                self.d.meetings.push(Meeting {
                    unit: id.clone(),
                    date: day,
                });
            }
            self.commitments(&id, y);
            let (s, b, dis) = (
                70 + self.rng.below(25),
                self.rng.below(5),
                self.rng.below(5),
            );
            // S3.8, A23: the combined result (综合考评结果) is on record, as the ballot's.
            self.d.evaluations.push(Evaluation {
                unit: id.clone(),
                year: y,
                satisfied: s,
                basically_satisfied: b,
                dissatisfied: dis,
                combined: grade(s, b, dis, policy).ok(),
            });
        }
        self.links(&id, t, v);
        self.opinions(&id, policy)
    }

    fn households(
        &mut self,
        unit: &str,
        members: &[String],
        secretaries: &[(String, NaiveDate, Option<NaiveDate>)],
    ) -> Result<()> {
        let (first, last) = (self.first(), self.last());
        let n = self.shape.households_per_village;
        for h in 0..n {
            let hid = format!("{unit}-H{h:03}");
            let member = members.get(h as usize % members.len().max(1)).cloned();
            let poor = h % 4 == 1;
            self.d.households.push(Household {
                id: hid.clone(),
                unit: unit.to_string(),
                member: member.clone(),
                poor,
                focus: h % 5 == 0,
                away: h % 3 == 0,
            });
            // S2.3: the assigned member visits at least six times in the term.
            for k in 0..6 + self.rng.below(3) {
                let span = last.signed_duration_since(first).num_days().unsigned_abs();
                let from = add(first, span * k / 8);
                let day = self.day_in(from, add(from, span / 8 - 1));
                if let Some(m) = &member {
                    self.d.visits.push(Visit {
                        person: m.clone(),
                        household: hid.clone(),
                        date: day,
                    });
                }
            }
            // S2.4: some households have an event, visited by the secretary in office.
            if h % 4 == 2 {
                let date = self.day_in(
                    ymd(self.shape.first_year, 3, 1),
                    ymd(self.shape.first_year + self.shape.years - 1, 10, 31),
                );
                let kind = [
                    EventKind::SeriousIllness,
                    EventKind::Hospital,
                    EventKind::WeddingOrFuneral,
                    EventKind::Accident,
                    EventKind::Disaster,
                ]
                .get(self.rng.below(5) as usize)
                .copied()
                .unwrap_or(EventKind::Hospital);
                self.d.household_events.push(HouseholdEvent {
                    id: format!("{hid}-E"),
                    household: hid.clone(),
                    kind,
                    date,
                });
                let visit = add(date, 1 + self.rng.below(10));
                let sid = secretaries
                    .iter()
                    .find(|(_, from, to)| *from <= visit && to.is_none_or(|to| visit <= to))
                    .map(|s| s.0.clone());
                if let Some(sid) = sid {
                    self.d.visits.push(Visit {
                        person: sid,
                        household: hid.clone(),
                        date: visit,
                    });
                }
            }
            // S4.3: a poor household is paired and helped with at least 500 yuan a year.
            if poor {
                let pid = format!("{hid}-P");
                self.d.pairings.push(Pairing {
                    id: pid.clone(),
                    household: hid.clone(),
                    from: ymd(self.shape.first_year - 1, 1, 1),
                    to: None,
                });
                for y in self.years().collect::<Vec<_>>() {
                    let parts = 1 + self.rng.below(3);
                    let each = 50_000u64.div_ceil(parts) + 100 * self.rng.below(50);
                    for _ in 0..parts {
                        let date = self.day_in(ymd(y, 1, 1), ymd(y, 12, 31));
                        self.d.aid.push(Aid {
                            pairing: pid.clone(),
                            date,
                            amount_fen: each,
                        });
                    }
                }
            }
        }
        // S2.1, S2.2: district and town people visit households of this village.
        let town = unit.split('-').next().unwrap_or("").to_string();
        for y in self.years().collect::<Vec<_>>() {
            for who in [
                format!("{town}-S"),
                format!("{town}-M1"),
                format!("{town}-M2"),
            ] {
                for _ in 0..2 {
                    self.visit_random(&who, unit, n, y);
                }
            }
            if unit.ends_with("-V0") {
                for who in ["D-S", "D-M1", "D-M2", "D-M3"] {
                    self.visit_random(who, unit, n, y);
                }
            }
        }
        Ok(())
    }

    fn visit_random(&mut self, who: &str, unit: &str, n: u32, y: i32) {
        let h = self.rng.below(u64::from(n));
        let date = self.day_in(ymd(y, 1, 10), ymd(y, 12, 20));
        self.d.visits.push(Visit {
            person: who.to_string(),
            household: format!("{unit}-H{h:03}"),
            date,
        });
    }

    /// S3.1, S3.2: each committee's commitments of the year (a term one too in the first
    /// year of the term), ids `{unit}-{year}{A|T}{P|V}`.
    fn commitments(&mut self, unit: &str, y: i32) {
        let mut kinds = vec![CommitmentKind::Annual];
        if y == self.shape.first_year {
            kinds.push(CommitmentKind::Term);
        }
        let each = Committee::ALL
            .iter()
            .flat_map(|c| kinds.iter().map(move |k| (*c, *k)))
            .collect::<Vec<_>>();
        for (committee, kind) in each {
            let proposed = ymd(y, 1, 3 + self.rng.below(5) as u32);
            let voted = add(proposed, 3 + self.rng.below(5));
            let approved = add(voted, 2 + self.rng.below(5));
            let published = add(approved, 1 + self.rng.below(5));
            let tag = if kind == CommitmentKind::Term {
                "T"
            } else {
                "A"
            };
            let items = (1..=3)
                .map(|i| {
                    let total = 40 + self.rng.below(40);
                    let approve = total * 3 / 4 + self.rng.below(total / 4);
                    CommitmentItem {
                        id: format!("I{i}"),
                        approve,
                        disapprove: total - approve,
                        abstain: 0,
                        listed: true,
                        present: None,
                        entitled: None,
                    }
                })
                .collect();
            let by = match committee {
                Committee::Party => "P",
                Committee::Villagers => "V",
            };
            self.d.commitments.push(Commitment {
                id: format!("{unit}-{y}{tag}{by}"),
                unit: unit.to_string(),
                year: y,
                kind,
                committee: Some(committee),
                proposed: Some(proposed),
                voted: Some(voted),
                approved: Some(approved),
                published: Some(published),
                items,
            });
        }
    }

    fn links(&mut self, unit: &str, t: u32, v: u32) {
        let org = format!("ORG-{t}-{v}");
        self.unit(
            &org,
            Level::Organisation,
            None,
            format!("帮扶单位{}-{}", t + 1, v + 1),
        );
        let kind = [
            LinkKind::BranchLink,
            LinkKind::IndustryVillage,
            LinkKind::MassOrganisation,
        ]
        .get(v as usize % 3)
        .copied()
        .unwrap_or(LinkKind::BranchLink);
        let id = format!("L-{unit}");
        self.d.links.push(Link {
            id: id.clone(),
            kind,
            helper: org,
            unit: unit.to_string(),
            from: ymd(self.shape.first_year - 1, 1, 1),
            to: None,
        });
        for y in self.years().collect::<Vec<_>>() {
            for _ in 0..2 + self.rng.below(2) {
                let date = self.day_in(ymd(y, 1, 1), ymd(y, 12, 31));
                self.d.deeds.push(Deed {
                    link: id.clone(),
                    date,
                });
            }
        }
        // A17: a second link of the second village of the second town starts on 1 March of
        // the first year; its years run from 1 March to the end of February.
        if (t, v) == (1, 1) {
            let id = format!("L2-{unit}");
            let from = ymd(self.shape.first_year, 3, 1);
            self.d.links.push(Link {
                id: id.clone(),
                kind: LinkKind::BranchLink,
                helper: format!("ORG-{t}-{v}"),
                unit: unit.to_string(),
                from,
                to: None,
            });
            for k in 0..self.shape.years.unsigned_abs() {
                let year_start = from.checked_add_months(Months::new(12 * k)).unwrap_or(from);
                for _ in 0..2 {
                    // Nothing is dated after the last day of the records.
                    let until = add(year_start, 350).min(self.last());
                    let date = self.day_in(add(year_start, 10).min(until), until);
                    self.d.deeds.push(Deed {
                        link: id.clone(),
                        date,
                    });
                }
            }
        }
    }

    fn opinions(&mut self, unit: &str, policy: &Policy) -> Result<()> {
        let (first, last) = (self.first(), self.last());
        for k in 0..12 {
            let received = self.day_in(
                first,
                add(last, 0).checked_sub_days(Days::new(45)).unwrap_or(last),
            );
            let class = Responsibility::ALL
                .get(k % 4)
                .copied()
                .unwrap_or(Responsibility::WithinRemit);
            let due = deadline(received, class, policy)?;
            let spare = due
                .signed_duration_since(received)
                .num_days()
                .unsigned_abs();
            let fed_back = add(received, self.rng.below(spare + 1));
            self.d.opinions.push(Opinion {
                id: format!("{unit}-O{k:02}"),
                unit: unit.to_string(),
                received,
                responsibility: class,
                fed_back: Some(fed_back),
                result: true,
                closed: true,
                promised: None,
            });
        }
        Ok(())
    }
}
