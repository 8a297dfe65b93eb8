//! What a district recorded: units, people, households and the records of S1–S5.
//!
//! One documented format (`docs/dataset.md`, JSON Schema `docs/dataset.schema.json`), read
//! from one JSON file, from a folder of CSV files (one per record type; UTF-8, or GBK and
//! GB18030 with the `office` feature) or from an `.xlsx` workbook (one sheet per record type;
//! the `office` feature); files take what clerks type unless read strictly
//! ([`ReadOptions`]). Records carry ids only; names, addresses and phone numbers stay on the
//! paper forms (F1–F5). Reading checks every reference and id: an unknown reference, a
//! duplicate id, an impossible date or a negative count is a coded error naming the file,
//! line or record and the field, and every bad record is reported at once.

mod cells;
mod csv;
mod labels;
mod read;
mod sheet;
mod validate;
#[cfg(feature = "office")]
mod xlsx;

pub use self::csv::read_csv_dir;
pub use self::read::{Encoding, ReadOptions, MAX_LISTED};

use crate::de::from_value;
use crate::deadline::Responsibility;
use crate::error::Detail;
use crate::grade::Grade;
use crate::{Error, ErrorKind, LocItem, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// The level of a unit (区 · 镇（街） · 村（社区）), or an organisation that gives help (S4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 区 — the district.
    District,
    /// 镇（街） — a town or sub-district.
    Town,
    /// 村 — a village.
    Village,
    /// 社区 — an urban community (village level).
    Community,
    /// An organ, enterprise, institution, "two new" organisation or mass organisation whose
    /// Party organisation gives help under S4.2–S4.5.
    Organisation,
}

impl Level {
    /// Village or community: the grassroots level of S1.3, S2.3, S2.6, S3 and S4.1.
    pub fn is_grassroots(self) -> bool {
        matches!(self, Level::Village | Level::Community)
    }
}

/// A Party organisation and its area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Unique id.
    pub id: String,
    /// Level.
    pub level: Level,
    /// The unit above (none for the district and for organisations).
    #[serde(default)]
    pub parent: Option<String>,
    /// Its name (`花溪街道`, `民主村`), for reports a person reads; never judged, and never
    /// shown in a message (which names the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A committee role (S1, S2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 书记 — the Party secretary.
    Secretary,
    /// 班子成员 — another committee member.
    Member,
}

/// A committee member and their time in office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id (never a name).
    pub id: String,
    /// The unit whose committee they sit on.
    pub unit: String,
    /// Secretary or member.
    pub role: Role,
    /// District only: a member of the standing committee (区委常委), rostered under S1.4.
    #[serde(default)]
    pub standing_committee: bool,
    /// First day in office.
    #[serde(deserialize_with = "crate::de::date")]
    pub from: NaiveDate,
    /// Last day in office; none while still in office.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub to: Option<NaiveDate>,
}

/// A household of a village or community (S2.3, S2.4, S4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// Unique id.
    pub id: String,
    /// Its village or community.
    pub unit: String,
    /// The committee member it is assigned to (S2.3); none when unassigned.
    #[serde(default)]
    pub member: Option<String>,
    /// Poor (贫困群众, S4.1, S4.3).
    #[serde(default)]
    pub poor: bool,
    /// A focus household of S2.1 (困难户, 上访户, 致富能人, 老党员, 老干部).
    #[serde(default)]
    pub focus: bool,
    /// Has members working away (外出人员, S2.5).
    #[serde(default)]
    pub away: bool,
}

/// A village committee's term (换届 to 换届, A9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The village or community.
    pub unit: String,
    /// First day of the term (the election).
    #[serde(deserialize_with = "crate::de::date")]
    pub from: NaiveDate,
    /// Last day of the term.
    #[serde(deserialize_with = "crate::de::date")]
    pub to: NaiveDate,
}

/// Where a reception took place (S1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// 信访办公室 / 信访接待室 / 群众接待室 — the petition or reception office.
    ReceptionOffice,
    /// 公共服务中心办公室 — the village service centre.
    ServiceCentre,
    /// 逢集赶场 — the market on a market day.
    Market,
    /// 院坝、田间、地头 — a courtyard or field, at the public's wish.
    Field,
    /// 现场一线 — the scene of an emergency.
    Scene,
    /// Another channel.
    Other,
}

/// A reception session (S1.1–S1.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reception {
    /// The receiving secretary or member.
    pub person: String,
    /// Day of the session.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
    /// Length in minutes (A7).
    pub minutes: u32,
    /// Where (S1.5).
    #[serde(default = "default_place")]
    pub place: Place,
}

fn default_place() -> Place {
    Place::ReceptionOffice
}

/// A household visit (S2.1–S2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The visiting committee member.
    pub person: String,
    /// The household visited.
    pub household: String,
    /// Day of the visit.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
}

/// The five events of S2.4 (五必访).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// 重病卧床.
    SeriousIllness,
    /// 住院治疗.
    Hospital,
    /// 红白喜事.
    WeddingOrFuneral,
    /// 意外事故.
    Accident,
    /// 家庭受灾.
    Disaster,
}

/// A household event the village secretary must visit (S2.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HouseholdEvent {
    /// Unique id.
    pub id: String,
    /// The household.
    pub household: String,
    /// Which of the five.
    pub kind: EventKind,
    /// Day of the event.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
}

/// A monthly public-opinion analysis meeting (S2.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The grassroots organisation.
    pub unit: String,
    /// Day of the meeting.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
}

/// An opinion of the public (S5, form F4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    /// Unique id (the register's serial number).
    pub id: String,
    /// The organisation responsible (for S5.2 the one up, A13).
    pub unit: String,
    /// Day the responsible organisation received it (A13).
    #[serde(deserialize_with = "crate::de::date")]
    pub received: NaiveDate,
    /// "1234" class.
    pub responsibility: Responsibility,
    /// Day fed back to the reporter.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub fed_back: Option<NaiveDate>,
    /// Whether a result is recorded (办理结果).
    #[serde(default)]
    pub result: bool,
    /// Closed in the register (是否销号).
    #[serde(default)]
    pub closed: bool,
    /// The "finish and reply by" day promised on the assignment slip (F2: 望在…前办理完毕),
    /// if any; it may be earlier than the limit, never later (S5.1–S5.4: "10天内" is a
    /// maximum).
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub promised: Option<NaiveDate>,
}

/// Annual or term commitment (S3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    /// 年度承诺.
    Annual,
    /// 任期承诺 (three-year term).
    Term,
}

/// Which of the two committees (两委会) a commitment is made by (S3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Committee {
    /// 党组织 — the village (community) Party organisation, represented by its secretary.
    Party,
    /// 村（居）委会 — the villagers' (residents') committee, represented by its director.
    Villagers,
}

impl Committee {
    /// Both committees, Party organisation first.
    pub const ALL: [Committee; 2] = [Committee::Party, Committee::Villagers];

    /// S3.1, A21: the snake_case name, as in the dataset and in the subject of an S3.2
    /// finding (`V1/party`, `V1/villagers`). Never fails.
    ///
    /// ```
    /// use liaison::dataset::Committee;
    /// let names: Vec<_> = Committee::ALL.iter().map(|c| c.name()).collect();
    /// assert_eq!(names, ["party", "villagers"]);
    /// let parsed: Committee = serde_json::from_str("\"villagers\"")?;
    /// assert_eq!(parsed, Committee::Villagers);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Committee::Party => "party",
            Committee::Villagers => "villagers",
        }
    }
}

/// The vote on one proposed item (S3.5) and whether it was listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitmentItem {
    /// Id of the item within the commitment.
    pub id: String,
    /// Approving ballots.
    pub approve: u64,
    /// Disapproving ballots.
    pub disapprove: u64,
    /// Abstentions.
    #[serde(default)]
    pub abstain: u64,
    /// Listed in the commitment letter.
    pub listed: bool,
    /// Persons present at the vote (A5, A15); needed when the policy sets a quorum or takes
    /// the shares of those present or entitled.
    #[serde(default)]
    pub present: Option<u64>,
    /// Persons entitled to vote (A5, A15); as `present`.
    #[serde(default)]
    pub entitled: Option<u64>,
}

/// A commitment of a village committee and the dates of its six steps (S3.2–S3.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Unique id.
    pub id: String,
    /// The village or community.
    pub unit: String,
    /// The year it is for (the first year for a term commitment).
    pub year: i32,
    /// Annual or term.
    pub kind: CommitmentKind,
    /// The committee that commits (S3.1): `party` or `villagers`. A commitment naming none
    /// is credited to neither committee (`missing_committee`) unless the policy takes one
    /// joint commitment (A21).
    #[serde(default)]
    pub committee: Option<Committee>,
    /// 提出初诺.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub proposed: Option<NaiveDate>,
    /// 民主定诺: the vote.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub voted: Option<NaiveDate>,
    /// Approval by the town Party committee and government.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub approved: Option<NaiveDate>,
    /// 公开承诺: made public.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub published: Option<NaiveDate>,
    /// The items voted on.
    #[serde(default)]
    pub items: Vec<CommitmentItem>,
}

/// A year-end evaluation (S3.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The village or community.
    pub unit: String,
    /// The year evaluated.
    pub year: i32,
    /// Satisfied ballots.
    pub satisfied: u64,
    /// Basically satisfied ballots.
    #[serde(default)]
    pub basically_satisfied: u64,
    /// Dissatisfied ballots.
    #[serde(default)]
    pub dissatisfied: u64,
    /// The combined evaluation (综合考评结果). When absent, the parts of S3.8 that rest on it
    /// are not judged (`missing_combined`), never read from the ballot, unless the policy
    /// says so (A23).
    #[serde(default)]
    pub combined: Option<Grade>,
}

/// How a town, street or department implemented the notice itself (N.1–N.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Implementation {
    /// The town, street or department (organisation); one record each.
    pub unit: String,
    /// N.1: the day the five systems were fully in force (全面贯彻落实); none when not yet.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub implemented: Option<NaiveDate>,
    /// N.2: the day the written report reached the Organisation Department; none when not yet.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub report_written: Option<NaiveDate>,
    /// N.2: the day the electronic copy was sent over the Party/government network.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub report_electronic: Option<NaiveDate>,
    /// N.3: the person first responsible (第一责任人): the unit's Party secretary.
    #[serde(default)]
    pub first_responsible: Option<String>,
    /// N.3: the leader in charge, directly responsible (直接责任人): a person of the unit.
    #[serde(default)]
    pub directly_responsible: Option<String>,
    /// N.3: the named clerk (具体经办人): an id, as for any person.
    #[serde(default)]
    pub clerk: Option<String>,
}

/// The kinds of assistance link (S4.2, S4.4, S4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// 支部联线 (S4.2).
    BranchLink,
    /// 工农联姻 (S4.4).
    IndustryVillage,
    /// 社团牵手 (S4.5).
    MassOrganisation,
}

/// A helping organisation linked with a grassroots Party organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Unique id.
    pub id: String,
    /// Which kind.
    pub kind: LinkKind,
    /// The helping organisation (a unit).
    pub helper: String,
    /// The village or community helped.
    pub unit: String,
    /// First day of the link.
    #[serde(deserialize_with = "crate::de::date")]
    pub from: NaiveDate,
    /// Last day; none while it lasts.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub to: Option<NaiveDate>,
}

/// A practical deed (办实事、好事) done under a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deed {
    /// The link.
    pub link: String,
    /// Day it was done.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
}

/// One or more Party members paired with a poor household (S4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pairing {
    /// Unique id.
    pub id: String,
    /// The poor household.
    pub household: String,
    /// First day of the pairing.
    #[serde(deserialize_with = "crate::de::date")]
    pub from: NaiveDate,
    /// Last day; none while it lasts.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub to: Option<NaiveDate>,
}

/// Help given under a pairing, in fen (S4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Aid {
    /// The pairing.
    pub pairing: String,
    /// Day given.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
    /// Amount in fen (1 yuan = 100 fen).
    pub amount_fen: u64,
}

/// Everything a district recorded. Every list may be empty or left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Dataset {
    /// Party organisations.
    pub units: Vec<Unit>,
    /// Committee members.
    pub people: Vec<Person>,
    /// Village households.
    pub households: Vec<Household>,
    /// Village committee terms.
    pub terms: Vec<Term>,
    /// Receptions (S1).
    pub receptions: Vec<Reception>,
    /// Household visits (S2).
    pub visits: Vec<Visit>,
    /// Events of S2.4.
    pub household_events: Vec<HouseholdEvent>,
    /// Analysis meetings (S2.6).
    pub meetings: Vec<Meeting>,
    /// Opinions (S5).
    pub opinions: Vec<Opinion>,
    /// Commitments (S3.2–S3.5).
    pub commitments: Vec<Commitment>,
    /// Year-end evaluations (S3.7).
    pub evaluations: Vec<Evaluation>,
    /// Assistance links (S4.2, S4.4, S4.5).
    pub links: Vec<Link>,
    /// Deeds under links.
    pub deeds: Vec<Deed>,
    /// Pairings (S4.3).
    pub pairings: Vec<Pairing>,
    /// Aid under pairings.
    pub aid: Vec<Aid>,
    /// How towns and departments implemented the notice (N.1–N.3).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implementations: Vec<Implementation>,
}

/// Puts flat commitment items (index, commitment id, item row) into their commitments;
/// `at(i, e)` places an error about item `i` (its place starting at the item's field). Every
/// problem is pushed onto `problems`.
fn attach_items(
    commitments: &mut [Commitment],
    items: Vec<(usize, String, Value)>,
    at: impl Fn(usize, Error) -> Error,
    problems: &mut Vec<Error>,
) {
    let by_id: HashMap<String, usize> = commitments
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for (i, owner, row) in items {
        let item: CommitmentItem = match from_value(&row) {
            Ok(item) => item,
            Err(e) => {
                problems.push(at(i, e));
                continue;
            }
        };
        match by_id.get(&owner).and_then(|&c| commitments.get_mut(c)) {
            Some(commitment) => commitment.items.push(item),
            None => problems.push(at(
                i,
                Error::new(ErrorKind::UnknownReference {
                    target: Detail::new("commitment", "承诺"),
                })
                .at("commitment"),
            )),
        }
    }
}

impl Dataset {
    /// The names of the lists of a dataset, as keys of its JSON, names of its CSV files and
    /// of the sheets of a workbook (`docs/dataset.md` gives each its Chinese label too).
    pub const LISTS: &'static [&'static str] = &[
        "units",
        "people",
        "households",
        "terms",
        "receptions",
        "visits",
        "household_events",
        "meetings",
        "opinions",
        "commitments",
        "commitment_items",
        "evaluations",
        "links",
        "deeds",
        "pairings",
        "aid",
        "implementations",
    ];

    /// Reads a dataset from a JSON value and checks it. Each record is read on its own, so
    /// that every bad record is reported at once.
    ///
    /// # Errors
    /// For bad records: one problem as itself — `invalid_input`, `invalid_date`,
    /// `invalid_count`, … with the place of the bad field (`["visits", 3, "date"]`) — and
    /// several as one `invalid_records` error listing the first [`MAX_LISTED`] in
    /// [`Error::related`], each with its place. Then `unknown_reference`, `duplicate_id`,
    /// `invalid_period` from [`Dataset::validate`].
    ///
    /// ```
    /// use liaison::dataset::Dataset;
    /// let data = serde_json::json!({"units": [{"id": "V1", "level": "village"}]});
    /// assert_eq!(Dataset::from_value(&data)?.units.len(), 1);
    /// let bad = serde_json::json!({"visits": [{"person": "P"}, {"date": "2009-13-01"}]});
    /// let e = Dataset::from_value(&bad).unwrap_err();
    /// assert_eq!((e.code(), e.related().len()), ("invalid_records", 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_value(value: &Value) -> Result<Self> {
        match value {
            Value::Object(tables) => Dataset::read_tables(tables, None),
            _ => Err(Error::new(ErrorKind::InvalidInput {
                detail: Detail::new(
                    "a dataset is a JSON object of lists",
                    "数据集应为由列表组成的 JSON 对象",
                ),
            })),
        }
    }

    /// Reads a dataset from its lists by name, as bindings receive them from data frames:
    /// the lists of [`Dataset`], plus optionally `commitment_items`, a flat list of items each
    /// naming its `commitment` (the layout of `commitment_items.csv`), which are put into their
    /// commitments' `items`. Then checks it.
    ///
    /// # Errors
    /// As [`Dataset::from_value`]; an item naming no known commitment is `unknown_reference`
    /// at `["commitment_items", i, "commitment"]`.
    ///
    /// ```
    /// use liaison::dataset::Dataset;
    /// let serde_json::Value::Object(tables) = serde_json::json!({
    ///     "units": [{"id": "V1", "level": "village"}],
    ///     "commitments": [{"id": "C1", "unit": "V1", "year": 2009, "kind": "annual"}],
    ///     "commitment_items": [{"commitment": "C1", "id": "I1", "approve": 20, "disapprove": 10, "listed": true}],
    /// }) else { unreachable!() };
    /// assert_eq!(Dataset::from_tables(tables)?.commitments[0].items.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_tables(tables: Map<String, Value>) -> Result<Self> {
        Dataset::read_tables(&tables, None)
    }

    /// [`Dataset::from_tables`], every problem's place starting with `file` when given.
    fn read_tables(tables: &Map<String, Value>, file: Option<&LocItem>) -> Result<Self> {
        let within = |e: Error| match file {
            Some(file) => e.at(file.clone()),
            None => e,
        };
        let (d, problems) = self::read::json_tables(tables);
        // A gathered error and the problems it lists are placed together (`Error::at`).
        self::read::finish(problems).map_err(within)?;
        d.validate().map_err(within)?;
        Ok(d)
    }

    /// Reads a dataset from JSON text and checks it. A UTF-8 byte order mark before the text
    /// is accepted (as the CSV reader accepts one); an object naming the same key twice is
    /// refused, since JSON readers silently keep only one of the two (`"meetings": [...]`
    /// then `"meetings": []` would drop the first list).
    ///
    /// # Errors
    /// As [`Dataset::from_value`]; malformed JSON or a key given twice is `invalid_json`
    /// with its line and column.
    ///
    /// # Example
    /// ```
    /// use liaison::dataset::Dataset;
    /// let d = Dataset::from_json("\u{feff}{\"units\": [{\"id\": \"V1\", \"level\": \"village\"}]}")?;
    /// assert_eq!(d.units.len(), 1);
    /// let twice = Dataset::from_json(r#"{"meetings": [{"unit": "V1", "date": "2009-01-05"}], "meetings": []}"#);
    /// assert_eq!(twice.map_err(|e| e.code()).err(), Some("invalid_json"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        Dataset::from_value(&crate::de::parse(json)?)
    }

    /// Reads a dataset from a folder of CSV files, a `.json` file or an `.xlsx` workbook
    /// (see `docs/dataset.md`), each file regular and at most
    /// [`MAX_FILE_BYTES`](crate::files::MAX_FILE_BYTES), with the default [`ReadOptions`].
    ///
    /// # Errors
    /// As [`Dataset::from_path_with`].
    ///
    /// ```
    /// use liaison::dataset::Dataset;
    /// let d = Dataset::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/district-csv").as_ref())?;
    /// assert!(!d.units.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: &Path) -> Result<Self> {
        Dataset::from_path_with(path, &ReadOptions::default())
    }

    /// Reads a dataset from a folder of CSV files, a `.json` file or an `.xlsx` workbook,
    /// each file regular and at most `max_bytes` long, with the default [`ReadOptions`]
    /// otherwise.
    ///
    /// # Errors
    /// As [`Dataset::from_path_with`].
    ///
    /// ```
    /// use liaison::dataset::Dataset;
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/district.json");
    /// assert_eq!(Dataset::from_path_limited(path.as_ref(), 1024).unwrap_err().code(), "too_large");
    /// assert!(!Dataset::from_path_limited(path.as_ref(), 1 << 30)?.units.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path_limited(path: &Path, max_bytes: u64) -> Result<Self> {
        Dataset::from_path_with(
            path,
            &ReadOptions {
                max_bytes,
                ..ReadOptions::default()
            },
        )
    }

    /// Reads a dataset from a folder of CSV files, a `.json` file or an `.xlsx` workbook
    /// (`.xlsx` needs the `office` feature, as do GBK and GB18030 CSV files), as `options`
    /// say, and checks it. A path that is not a folder and does not end in `.xlsx` is read
    /// as JSON, which is always strict and UTF-8.
    ///
    /// # Errors
    /// `io_error`, `not_a_file`, `too_large` for a path that cannot be read (`too_large` also
    /// for a workbook that unpacks to more than `max_bytes`). For bad records, every problem
    /// of every file at once: one as itself, several as one `invalid_records` error listing
    /// the first [`MAX_LISTED`] in [`Error::related`]. Each problem is at its place — a CSV
    /// file, its line (the header is line 1) and the column as its header names it
    /// (`["people.csv", 5, "from"]`, `["人员.csv", 5, "任职起始日期"]`); a sheet, its row and
    /// column (`["人员", 5, "任职起始日期"]`); a JSON file, the list, the index and the key
    /// (`["district.json", "visits", 3, "date"]`). A header error is at line (row) 1 and
    /// lists the expected columns. Then `unknown_reference`, `duplicate_id`,
    /// `invalid_period` from [`Dataset::validate`], at the same kind of place.
    ///
    /// ```
    /// use liaison::dataset::{Dataset, ReadOptions};
    /// let dir = std::env::temp_dir().join(format!("liaison-doc-with-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("单位.csv"), "编号,级别\nV1,村\n")?;
    /// std::fs::write(dir.join("meetings.csv"), "unit,date\nV1,2009/1/5\n")?;
    /// let d = Dataset::from_path_with(&dir, &ReadOptions::default())?;
    /// assert_eq!(d.meetings[0].date.to_string(), "2009-01-05");
    /// let strict = ReadOptions { strict: true, ..ReadOptions::default() };
    /// let e = Dataset::from_path_with(&dir, &strict).unwrap_err();
    /// assert_eq!(e.code(), "invalid_records"); // Chinese headers, 村 and 2009/1/5
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path_with(path: &Path, options: &ReadOptions) -> Result<Self> {
        if path.is_dir() {
            return self::csv::read_folder(path, options);
        }
        let extension = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let file = crate::error::file_name(path);
        match extension.as_str() {
            "xlsx" => Dataset::read_workbook(path, options),
            "xls" | "xlsm" | "xlsb" | "ods" | "et" => Err(Error::new(ErrorKind::InvalidInput {
                detail: Detail::new(
                    "only .xlsx workbooks are read: save it from Excel or WPS as .xlsx",
                    "只读取 .xlsx 工作簿：请用 Excel 或 WPS 另存为 .xlsx",
                ),
            })
            .at(file)),
            "csv" => Err(Error::new(ErrorKind::InvalidInput {
                detail: Detail::new(
                    "CSV files are read as a folder, one file per list: give the folder",
                    "CSV 文件按文件夹读取（每个列表一个文件）：请给出文件夹",
                ),
            })
            .at(file)),
            _ => {
                let text = crate::files::read_text(path, options.max_bytes)?;
                let value = crate::de::parse(&text).map_err(|e| e.at(file.clone()))?;
                match &value {
                    Value::Object(tables) => Dataset::read_tables(tables, Some(&file)),
                    other => Dataset::from_value(other).map_err(|e| e.at(file)),
                }
            }
        }
    }

    #[cfg(feature = "office")]
    fn read_workbook(path: &Path, options: &ReadOptions) -> Result<Self> {
        self::xlsx::read_workbook(path, options)
    }

    #[cfg(not(feature = "office"))]
    fn read_workbook(path: &Path, _options: &ReadOptions) -> Result<Self> {
        Err(Error::new(ErrorKind::InvalidInput {
            detail: Detail::new(
                ".xlsx workbooks are read with the `office` feature of liaison-rules",
                ".xlsx 工作簿需 liaison-rules 的 `office` 功能读取",
            ),
        })
        .at(crate::error::file_name(path)))
    }
}
