//! F1 — 党组织书记接待群众登记表, the page of the secretary's reception record book
//! (重庆市巴南区基层党组织书记接待群众记录本, 附件1), with S1.8's 三明确 and S1.9's handling.
//!
//! > 对来访的群众，要耐心听取问题反映，做好记录，做到事由、原因、请求“三明确”，认真填写
//! > 《重庆市巴南区基层党组织书记接待群众记录本》（见附件1）……

use super::common::{handling_rules, Handling, Opinion, Sex, HANDLING, SEX};
use super::table::{Field, Kind, ADDRESS, AGE, NAME, SHORT, TEXT};
use super::walk::{not_before, Doc, Out};
use super::{FormKind, FormModel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 来访群众情况.
pub(crate) static VISITOR: &[Field] = &[
    Field::req("name", "姓名", "the visitor's name", NAME, "F1 S1.8"),
    Field::opt(
        "sex",
        "性别",
        "male (男) or female (女)",
        Kind::Choice(SEX),
        "F1",
    ),
    Field::opt("age", "年龄", "age in whole years, 0-150", AGE, "F1"),
    Field::opt("address", "家庭住址", "home address", ADDRESS, "F1"),
    Field::opt(
        "phone",
        "联系电话",
        "mobile or landline with area code",
        Kind::Phone,
        "F1",
    ),
];

/// 来访群众意见.
pub(crate) static OPINION: &[Field] = &[
    Field::opt(
        "text",
        "意见",
        "the visitor's opinion of the handling",
        TEXT,
        "F1",
    ),
    Field::opt("signed_by", "签字", "who signed", NAME, "F1"),
    Field::opt(
        "signed_on",
        "签字日期",
        "the date of the signature, not before the reception",
        Kind::Date,
        "F1",
    ),
];

/// F1, in the order of the paper form.
pub(crate) static FIELDS: &[Field] = &[
    Field::req(
        "date",
        "时间",
        "the date of the reception",
        Kind::Date,
        "F1",
    ),
    Field::req(
        "receiver",
        "接待人",
        "the secretary (or member) who received the visitor",
        NAME,
        "F1 S1.1",
    ),
    Field::opt("receiver_post", "职务", "the receiver's post", SHORT, "F1"),
    Field::req(
        "visitor",
        "来访群众情况",
        "the visitor",
        Kind::Object(VISITOR),
        "F1",
    ),
    Field::opt(
        "account",
        "来访情况",
        "what the visitor reported, in full",
        TEXT,
        "F1",
    ),
    Field::req(
        "matter",
        "事由",
        "三明确: the matter (事由)",
        TEXT,
        "F1 S1.8",
    ),
    Field::req("cause", "原因", "三明确: its cause (原因)", TEXT, "F1 S1.8"),
    Field::req(
        "request",
        "要求解决的主要问题",
        "三明确: the request, the main problem to solve (请求)",
        TEXT,
        "F1 S1.8",
    ),
    Field::req(
        "handling",
        "办理情况",
        "how the matter is handled (S1.9)",
        Kind::Object(HANDLING),
        "F1 S1.9",
    ),
    Field::opt(
        "opinion",
        "来访群众意见",
        "the visitor's opinion and signature",
        Kind::Object(OPINION),
        "F1",
    ),
];

/// The cross-field rules of F1, in the order they are checked.
pub(crate) fn cross(doc: &Doc<'_>, out: &mut Out) {
    handling_rules(FIELDS, doc, out);
    not_before(FIELDS, doc, &["opinion", "signed_on"], &["date"], "F1", out);
}

/// F1 — a secretary's reception record (书记接待群众登记表).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceptionRecord {
    /// 时间.
    pub date: NaiveDate,
    /// 接待人.
    pub receiver: String,
    /// 职务.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver_post: Option<String>,
    /// 来访群众情况.
    pub visitor: Visitor,
    /// 来访情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// 事由 (三明确).
    pub matter: String,
    /// 原因 (三明确).
    pub cause: String,
    /// 要求解决的主要问题 — the request (三明确).
    pub request: String,
    /// 办理情况.
    pub handling: Handling,
    /// 来访群众意见.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion: Option<Opinion>,
}

/// F1 来访群众情况.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visitor {
    /// 姓名.
    pub name: String,
    /// 性别.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// 年龄.
    #[serde(
        default,
        deserialize_with = "super::common::de_opt_whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub age: Option<u8>,
    /// 家庭住址.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 联系电话.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl FormModel for ReceptionRecord {
    const KIND: FormKind = FormKind::ReceptionRecord;
}
