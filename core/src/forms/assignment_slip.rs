//! F2 — 群众意见交办单 (附件2), the assignment slip with its stub (存根联): sent to the unit
//! that must act on a matter a secretary received (S1.8, S1.9), followed until answered.
//!
//! > （　）年第　号 ……（单位）：居住在＿＿的群众＿＿反映的＿＿一事，需由你单位办理（协助），
//! > 望在　年　月　日前办理完毕，并回复。联系人：＿＿，联系电话：＿＿。（单位盖章）　年　月　日
//! > 收件人签字：＿＿　签收时间：　年　月　日

use super::common::{de_flag, de_responsibility, deadline_rule, Contact, Serial, CONTACT};
use super::table::{Field, Kind, ADDRESS, NAME, TEXT, UNIT};
use super::walk::{not_before, Doc, Out};
use super::{FormKind, FormModel};
use crate::{Policy, Responsibility};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// F2, in the order of the paper slip; fields the paper does not print come last.
pub(crate) static FIELDS: &[Field] = &[
    Field::req(
        "serial",
        "编号",
        "the serial number: text like （2008）年第12号 (or with ASCII parentheses) or {\"year\": 2008, \"number\": 12}",
        Kind::Serial,
        "F2",
    ),
    Field::req("addressee", "承办单位", "the unit that must handle (or help with) the matter", UNIT, "F2"),
    Field::opt("reporter_address", "居住地", "where the reporter lives (居住在)", ADDRESS, "F2"),
    Field::req("reporter", "反映群众", "the person who reported the matter", NAME, "F2"),
    Field::req("matter", "反映事项", "the matter reported (反映的……一事)", TEXT, "F2 S1.8"),
    Field::opt("assist", "协助", "true when the unit helps another (协助) rather than handles the matter", Kind::Flag, "F2"),
    Field::req(
        "deadline",
        "办理期限",
        "finish and reply by this date (望在……前办理完毕，并回复); not before the slip's date",
        Kind::Date,
        "F2 S1.9",
    ),
    Field::req("contact", "联系方式", "the contact person and phone", Kind::Object(CONTACT), "F2 S5.6"),
    Field::req("issuer", "交办单位", "the issuing unit (its seal, 单位盖章)", UNIT, "F2"),
    Field::req("issued", "交办日期", "the date of the slip", Kind::Date, "F2"),
    Field::opt("received_by", "收件人签字", "stub: who signed for the slip", NAME, "F2"),
    Field::opt("received_on", "签收时间", "stub: the date of receipt, not before the slip's date", Kind::Date, "F2"),
    Field::opt(
        "reported",
        "反映时间",
        "the day the matter was received from the public (needed with a responsibility class)",
        Kind::Date,
        "F2 A13",
    ),
    Field::opt(
        "responsibility",
        "办理类别",
        "the \"1234\" class: within_remit, outside_remit, unresolvable, lead_unit, a digit 1-4 or 职责内/职责外/不能解决/牵头解决; the deadline must then be no later than the class's deadline from `reported` (an earlier promised day is valid)",
        Kind::Responsibility,
        "S5.1 S5.2 S5.3 S5.4",
    ),
];

/// The cross-field rules of F2, in the order they are checked.
pub(crate) fn cross(doc: &Doc<'_>, policy: &Policy, out: &mut Out) {
    not_before(FIELDS, doc, &["deadline"], &["issued"], "F2 S1.9", out);
    not_before(FIELDS, doc, &["received_on"], &["issued"], "F2", out);
    not_before(FIELDS, doc, &["issued"], &["reported"], "F2", out);
    deadline_rule(FIELDS, doc, policy, out);
}

/// F2 — an assignment slip (群众意见交办单).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentSlip {
    /// 编号（（年）年第　号）.
    pub serial: Serial,
    /// 承办单位.
    pub addressee: String,
    /// 居住地.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter_address: Option<String>,
    /// 反映群众.
    pub reporter: String,
    /// 反映事项.
    pub matter: String,
    /// 协助.
    #[serde(
        default,
        deserialize_with = "de_flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub assist: Option<bool>,
    /// 办理期限.
    pub deadline: NaiveDate,
    /// 联系人、联系电话.
    pub contact: Contact,
    /// 交办单位.
    pub issuer: String,
    /// 交办日期.
    pub issued: NaiveDate,
    /// 收件人签字.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_by: Option<String>,
    /// 签收时间.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_on: Option<NaiveDate>,
    /// 反映时间.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<NaiveDate>,
    /// 办理类别（"1234"）.
    #[serde(
        default,
        deserialize_with = "de_responsibility",
        skip_serializing_if = "Option::is_none"
    )]
    pub responsibility: Option<Responsibility>,
}

impl FormModel for AssignmentSlip {
    const KIND: FormKind = FormKind::AssignmentSlip;
}
