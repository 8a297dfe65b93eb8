//! F5 — 群众意见办理情况反馈单 (附件5), the feedback slip with its stub (存根联), delivered
//! to the reporter of every matter and naming a contact person and phone (S5.6).
//!
//! > 对群众反映的每个问题，要认真填写《群众意见办理反馈单》（见附件5），并确保送达反映人。
//! > 要在公开答复或《群众意见办理反馈单》中注明联系人和联系电话……

use super::common::{Contact, Satisfaction, CONTACT, SATISFACTION};
use super::table::{Field, Kind, NAME, TEXT, UNIT};
use super::walk::{not_before, Doc, Out};
use super::{FormKind, FormModel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// F5, in the order of the paper slip.
pub(crate) static FIELDS: &[Field] = &[
    Field::req(
        "reporter",
        "反映人",
        "the person who reported the matter (……同志)",
        NAME,
        "F5",
    ),
    Field::req(
        "reported",
        "反映时间",
        "the day the matter was reported",
        Kind::Date,
        "F5",
    ),
    Field::req(
        "matter",
        "反映事项",
        "the matter reported (反映的……一事)",
        TEXT,
        "F5",
    ),
    Field::req(
        "finished",
        "办结时间",
        "the day it was finished, not before `reported`",
        Kind::Date,
        "F5 S5.6",
    ),
    Field::req("outcome", "办理情况", "how it was handled", TEXT, "F5 S5.6"),
    Field::req(
        "issuer",
        "反馈单位",
        "the unit that handled it (its seal, 单位盖章)",
        UNIT,
        "F5",
    ),
    Field::req(
        "issued",
        "反馈日期",
        "the date of the slip, not before `finished`",
        Kind::Date,
        "F5",
    ),
    Field::opt(
        "satisfaction",
        "是否满意",
        "stub: satisfied (满意), basically_satisfied (基本满意) or dissatisfied (不满意)",
        Kind::Choice(SATISFACTION),
        "F5",
    ),
    Field::opt(
        "signed_by",
        "反映人签字",
        "stub: the reporter's signature",
        NAME,
        "F5",
    ),
    Field::opt(
        "signed_on",
        "签字日期",
        "stub: the date the reporter signed, not before the slip's date",
        Kind::Date,
        "F5",
    ),
    Field::req(
        "contact",
        "联系方式",
        "the contact person and phone",
        Kind::Object(CONTACT),
        "F5 S5.6",
    ),
];

/// The cross-field rules of F5, in the order they are checked.
pub(crate) fn cross(doc: &Doc<'_>, out: &mut Out) {
    not_before(FIELDS, doc, &["finished"], &["reported"], "F5 S5.6", out);
    not_before(FIELDS, doc, &["issued"], &["finished"], "F5", out);
    not_before(FIELDS, doc, &["signed_on"], &["issued"], "F5", out);
}

/// F5 — a feedback slip (群众意见办理情况反馈单).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackSlip {
    /// 反映人.
    pub reporter: String,
    /// 反映时间.
    pub reported: NaiveDate,
    /// 反映事项.
    pub matter: String,
    /// 办结时间.
    pub finished: NaiveDate,
    /// 办理情况.
    pub outcome: String,
    /// 反馈单位.
    pub issuer: String,
    /// 反馈日期.
    pub issued: NaiveDate,
    /// 是否满意.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Satisfaction>,
    /// 反映人签字.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// 签字日期.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<NaiveDate>,
    /// 联系人、联系电话.
    pub contact: Contact,
}

impl FormModel for FeedbackSlip {
    const KIND: FormKind = FormKind::FeedbackSlip;
}
