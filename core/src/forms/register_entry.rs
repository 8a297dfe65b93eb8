//! F4 — 群众意见办理情况登记表 (附件4), one row of the register of how the public's
//! opinions were handled (S5.5), which the secretary checks and chases.
//!
//! > 党组织对群众反映的问题和提出的意见建议，要明确责任人和具体经办人，并认真填写
//! > 《群众意见办理情况登记表》（见附件4）。党组织书记要及时查看，对未办结事项及时催办、督办。

use super::codes::FieldCode;
use super::common::{de_flag, de_responsibility, de_whole, deadline_rule};
use super::table::{Field, Kind, ADDRESS, NAME, TEXT};
use super::walk::{at, not_before, Doc, Out};
use super::{FormKind, FormModel};
use crate::{Policy, Responsibility};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// F4, in the order of the paper columns; fields the paper does not print come last.
pub(crate) static FIELDS: &[Field] = &[
    Field::req("number", "序号", "the row's serial number (a whole number from 1)", Kind::Integer { min: 1, max: 999_999_999 }, "F4"),
    Field::req("reporter", "反映人姓名", "the person who reported the matter", NAME, "F4"),
    Field::opt("reporter_address", "家庭住址", "the reporter's home address", ADDRESS, "F4"),
    Field::req("reported", "反映时间", "the day the matter was received", Kind::Date, "F4 S5.1"),
    Field::req("matter", "反映问题的主要内容", "the main content of the matter", TEXT, "F4"),
    Field::opt("opinion", "处理意见", "how it is to be handled", TEXT, "F4"),
    Field::req("handler", "经办人", "the person handling it", NAME, "F4 S5.5"),
    Field::opt("result", "办理结果", "the result (needed to close the entry)", TEXT, "F4"),
    Field::opt(
        "fed_back",
        "反馈本人时间",
        "the day the result was fed back to the reporter, not before `reported` (needed to close)",
        Kind::Date,
        "F4 S5.6",
    ),
    Field::opt(
        "slip_signed_by",
        "《反馈单》签收人",
        "who signed for the feedback slip (F5) (needed to close)",
        NAME,
        "F4 S5.6",
    ),
    Field::opt(
        "closed",
        "是否销号",
        "whether the entry is closed: true/false or 是/否; closing needs result, fed_back and slip_signed_by",
        Kind::Flag,
        "F4 S5.5",
    ),
    Field::opt("remarks", "备注", "remarks", TEXT, "F4"),
    Field::opt("responsible", "责任人", "the person responsible (S5.5; not printed on the paper form)", NAME, "S5.5"),
    Field::opt(
        "responsibility",
        "办理类别",
        "the \"1234\" class: within_remit, outside_remit, unresolvable, lead_unit, a digit 1-4 or 职责内/职责外/不能解决/牵头解决; a deadline must then be no later than the class's deadline from `reported` (an earlier promised day is valid)",
        Kind::Responsibility,
        "S5.1 S5.2 S5.3 S5.4",
    ),
    Field::opt("deadline", "办理期限", "the day by which the matter must be finished and fed back", Kind::Date, "S5.1 S5.2 S5.3 S5.4"),
];

/// The cross-field rules of F4, in the order they are checked.
pub(crate) fn cross(doc: &Doc<'_>, policy: &Policy, out: &mut Out) {
    not_before(FIELDS, doc, &["fed_back"], &["reported"], "F4 S5.6", out);
    not_before(FIELDS, doc, &["deadline"], &["reported"], "F4", out);
    deadline_rule(FIELDS, doc, policy, out);
    if doc.flag(&["closed"]) == Some(true) {
        for key in ["result", "fed_back", "slip_signed_by"] {
            if !doc.present(&[key]) {
                out.push(
                    &at(FIELDS, &[key]),
                    FieldCode::ClosedIncomplete,
                    "F4 S5.5",
                    &[],
                );
            }
        }
    }
}

/// F4 — a row of the register (群众意见办理情况登记表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterEntry {
    /// 序号.
    #[serde(deserialize_with = "de_whole")]
    pub number: u32,
    /// 反映人姓名.
    pub reporter: String,
    /// 家庭住址.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter_address: Option<String>,
    /// 反映时间.
    pub reported: NaiveDate,
    /// 反映问题的主要内容.
    pub matter: String,
    /// 处理意见.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion: Option<String>,
    /// 经办人.
    pub handler: String,
    /// 办理结果.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// 反馈本人时间.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fed_back: Option<NaiveDate>,
    /// 《反馈单》签收人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip_signed_by: Option<String>,
    /// 是否销号.
    #[serde(
        default,
        deserialize_with = "de_flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub closed: Option<bool>,
    /// 备注.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// 责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    /// 办理类别（"1234"）.
    #[serde(
        default,
        deserialize_with = "de_responsibility",
        skip_serializing_if = "Option::is_none"
    )]
    pub responsibility: Option<Responsibility>,
    /// 办理期限.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
}

impl FormModel for RegisterEntry {
    const KIND: FormKind = FormKind::RegisterEntry;
}
