//! F3 — 民情日志 (附件3), the visit diary of a committee member's household visit, with
//! the 八清楚 of S2.5 for the household and for each member working away.
//!
//! > 认真填写《……进家入户走访群众民情日志》……做到家庭人员、居住地点、住房面积、收入状况、
//! > 专长技能、存在问题、建议要求、联系电话“八清楚”。对于有外出人员的家庭，要做到流出地点、
//! > 联系电话、从事职业、收入状况、建议要求、党员组织生活情况（非党参加党派情况）、
//! > 遵纪守法情况、返家情况“八清楚”……

use super::codes::FieldCode;
use super::common::{de_flag, de_opt_whole, handling_rules, Handling, Opinion, Sex, HANDLING, SEX};
use super::table::{Field, Kind, ADDRESS, AGE, NAME, SHORT, TEXT};
use super::walk::{at, not_before, Doc, Out};
use super::{FormKind, FormModel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Largest number of household members or members working away on one diary page.
pub(crate) const MAX_MEMBERS: usize = 30;

/// 被访家庭成员基本情况: one row of the paper form (it prints 5).
pub(crate) static MEMBER: &[Field] = &[
    Field::req("name", "姓名", "the member's name", NAME, "F3 S2.5"),
    Field::opt(
        "sex",
        "性别",
        "male (男) or female (女)",
        Kind::Choice(SEX),
        "F3",
    ),
    Field::opt("age", "年龄", "age in whole years, 0-150", AGE, "F3"),
    Field::opt("occupation", "职业", "occupation", SHORT, "F3"),
];

/// S2.5: the eight things to know of each member working away (外出人员), with a name.
pub(crate) static AWAY_MEMBER: &[Field] = &[
    Field::req(
        "name",
        "姓名",
        "the name of the member working away",
        NAME,
        "S2.5",
    ),
    Field::req(
        "destination",
        "流出地点",
        "where they went",
        ADDRESS,
        "S2.5",
    ),
    Field::req("phone", "联系电话", "their phone", Kind::Phone, "S2.5"),
    Field::req("occupation", "从事职业", "their occupation", SHORT, "S2.5"),
    Field::req(
        "income",
        "收入状况",
        "their income, yuan a year (at most 2 decimals)",
        Kind::Money,
        "S2.5",
    ),
    Field::req(
        "requests",
        "建议要求",
        "their suggestions and requests",
        TEXT,
        "S2.5",
    ),
    Field::req(
        "party_life",
        "党员组织生活情况（非党员参加党派情况）",
        "Party organisational life, or for a non-member other party affiliation",
        TEXT,
        "S2.5",
    ),
    Field::req(
        "law_abidance",
        "遵纪守法情况",
        "whether they abide by discipline and the law",
        TEXT,
        "S2.5",
    ),
    Field::req(
        "return_home",
        "返家情况",
        "when and how often they return home",
        TEXT,
        "S2.5",
    ),
];

/// 被访群众意见.
pub(crate) static OPINION: &[Field] = &[
    Field::opt("text", "意见", "the household's opinion", TEXT, "F3"),
    Field::opt("signed_by", "签字", "who signed", NAME, "F3"),
    Field::opt(
        "signed_on",
        "签字日期",
        "the date of the signature, not before the visit",
        Kind::Date,
        "F3",
    ),
];

/// F3, in the order of the paper form; fields the paper does not print come last.
pub(crate) static FIELDS: &[Field] = &[
    Field::req("date", "时间", "the date of the visit", Kind::Date, "F3"),
    Field::req(
        "home_visitor",
        "家访人",
        "the committee member who visited",
        NAME,
        "F3 S2.3",
    ),
    Field::opt(
        "home_visitor_post",
        "职务",
        "the visitor's post",
        SHORT,
        "F3",
    ),
    Field::req(
        "members",
        "被访家庭成员基本情况",
        "八清楚: the household members (at least one; the paper prints 5 rows)",
        Kind::List {
            item: MEMBER,
            max: MAX_MEMBERS,
        },
        "F3 S2.5",
    ),
    Field::req(
        "residence",
        "居住地点",
        "八清楚: where the household lives",
        ADDRESS,
        "F3 S2.5",
    ),
    Field::req(
        "income",
        "家庭年收入",
        "八清楚: household income, yuan a year (at most 2 decimals)",
        Kind::Money,
        "F3 S2.5",
    ),
    Field::req("skills", "专长技能", "八清楚: skills", TEXT, "F3 S2.5"),
    Field::req(
        "housing_area",
        "住房面积",
        "八清楚: housing area in square metres (more than 0, at most 10000)",
        Kind::Area,
        "F3 S2.5",
    ),
    Field::req("phone", "联系电话", "八清楚: phone", Kind::Phone, "F3 S2.5"),
    Field::opt(
        "party_members",
        "家庭党员情况",
        "Party members in the household",
        TEXT,
        "F3",
    ),
    Field::opt("findings", "家访情况", "what the visit found", TEXT, "F3"),
    Field::req(
        "problems",
        "要求解决的问题",
        "八清楚: the problems (存在问题) to solve",
        TEXT,
        "F3 S2.5",
    ),
    Field::req(
        "requests",
        "建议要求",
        "八清楚: suggestions and requests",
        TEXT,
        "F3 S2.5",
    ),
    Field::opt(
        "handling",
        "办理情况",
        "how the problems are handled (S1.9's four ways)",
        Kind::Object(HANDLING),
        "F3 S1.9",
    ),
    Field::opt(
        "opinion",
        "被访群众意见",
        "the household's opinion and signature",
        Kind::Object(OPINION),
        "F3",
    ),
    Field::opt(
        "has_away_members",
        "有外出人员",
        "true when members of the household work away; then away_members must list them",
        Kind::Flag,
        "S2.5",
    ),
    Field::opt(
        "away_members",
        "外出人员情况",
        "the members working away, each with the eight things of S2.5",
        Kind::List {
            item: AWAY_MEMBER,
            max: MAX_MEMBERS,
        },
        "S2.5",
    ),
];

/// The cross-field rules of F3, in the order they are checked.
pub(crate) fn cross(doc: &Doc<'_>, out: &mut Out) {
    handling_rules(FIELDS, doc, out);
    not_before(FIELDS, doc, &["opinion", "signed_on"], &["date"], "F3", out);
    let listed = doc.present(&["away_members"]);
    match doc.flag(&["has_away_members"]) {
        Some(true) if !listed && doc.get(&["away_members"]).is_none_or(|v| v.is_array()) => {
            out.push(
                &at(FIELDS, &["away_members"]),
                FieldCode::Required,
                "S2.5",
                &[],
            );
        }
        Some(false) if listed => out.push_vs(
            &at(FIELDS, &["has_away_members"]),
            FieldCode::Inconsistent,
            "S2.5",
            &at(FIELDS, &["away_members"]),
            &[],
        ),
        _ => {}
    }
}

/// F3 — a visit diary page (民情日志).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitDiary {
    /// 时间.
    pub date: NaiveDate,
    /// 家访人.
    pub home_visitor: String,
    /// 职务.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_visitor_post: Option<String>,
    /// 被访家庭成员基本情况.
    pub members: Vec<Member>,
    /// 居住地点.
    pub residence: String,
    /// 家庭年收入, yuan.
    pub income: f64,
    /// 专长技能.
    pub skills: String,
    /// 住房面积, m².
    pub housing_area: f64,
    /// 联系电话.
    pub phone: String,
    /// 家庭党员情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_members: Option<String>,
    /// 家访情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<String>,
    /// 要求解决的问题.
    pub problems: String,
    /// 建议要求.
    pub requests: String,
    /// 办理情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling: Option<Handling>,
    /// 被访群众意见.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion: Option<Opinion>,
    /// 有外出人员.
    #[serde(
        default,
        deserialize_with = "de_flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub has_away_members: Option<bool>,
    /// 外出人员情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away_members: Option<Vec<AwayMember>>,
}

/// F3: one row of 被访家庭成员基本情况.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// 姓名.
    pub name: String,
    /// 性别.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// 年龄.
    #[serde(
        default,
        deserialize_with = "de_opt_whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub age: Option<u8>,
    /// 职业.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<String>,
}

/// S2.5: a member of the household working away, with the eight things to know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwayMember {
    /// 姓名.
    pub name: String,
    /// 流出地点.
    pub destination: String,
    /// 联系电话.
    pub phone: String,
    /// 从事职业.
    pub occupation: String,
    /// 收入状况, yuan a year.
    pub income: f64,
    /// 建议要求.
    pub requests: String,
    /// 党员组织生活情况（非党员参加党派情况）.
    pub party_life: String,
    /// 遵纪守法情况.
    pub law_abidance: String,
    /// 返家情况.
    pub return_home: String,
}

impl FormModel for VisitDiary {
    const KIND: FormKind = FormKind::VisitDiary;
}
