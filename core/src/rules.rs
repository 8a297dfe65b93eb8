//! The rule catalogue: every rule id with the Chinese source text it comes from
//! and what implements it. `liaison rules` prints it; `docs/rules.md` follows it.

/// One rule of 巴南委办发〔2008〕43号.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The id (`S5.1`).
    pub id: &'static str,
    /// An English gloss.
    pub gloss: &'static str,
    /// The source's words.
    pub source_zh: &'static str,
    /// The function or check that implements it, or why none does.
    pub implemented_by: &'static str,
}

macro_rules! rule {
    ($id:literal, $gloss:literal, $zh:literal, $by:literal) => {
        Rule {
            id: $id,
            gloss: $gloss,
            source_zh: $zh,
            implemented_by: $by,
        }
    };
}

/// Every rule, in the order of the source.
pub const RULES: &[Rule] = &[
    rule!("N.1", "each town/street implements the five systems by 2008-12-20", "各镇街党委（党工委）要在今年12月20日前全面贯彻落实五项制度。", "check (implementation_late), where `implementations` records it"),
    rule!("N.2", "a written report, with an electronic copy, reaches the Organisation Department by 2009-01-10", "2009年1月10日前，将本地区、本系统党组织落实五项制度的情况形成书面报告送区委组织部，同时通过党政网向区委组织部组织科报送电子文档。", "check (report_late), where `implementations` records it"),
    rule!("N.3", "the secretary first responsible, the leader in charge directly responsible, a named clerk", "明确党组织书记为第一责任人，分管领导为直接责任人，同时落实具体经办人", "check (responsibility_unassigned), where `implementations` records it"),
    rule!("S1.1", "district Party secretary: at least 2 receptions a year, each at least half a day", "区委书记每年集中接待群众不少于2次，每次不少于半天。", "check (too_few_receptions; prorated for a part-year, A16)"),
    rule!("S1.2", "town/street secretary: at least 1 reception a month, each at least half a day", "镇街党委（党工委）书记每月集中接待群众不少于1次，每次不少于半天。", "check (too_few_receptions)"),
    rule!("S1.3", "village/community secretary: at least 1 reception a week, each at least half a day", "村（社区）党组织书记每周集中接待群众不少于1次，每次不少于半天。", "check (too_few_receptions)"),
    rule!("S1.4", "other committee members rostered in rotation within a year / month / week", "区委常委班子成员在1年内轮流接待；镇街党委（党工委）班子成员在1月内轮流接待；村（社区）党组织班子成员在1周内轮流接待。", "check (rotation_missed; a turn lasts the policy's turn length, A20)"),
    rule!("S1.5", "where receptions take place", "区委书记和其他区级领导在区信访办公室集中接待来访群众……可在逢集赶场的当天在场镇集市……设点接待", "check: only sessions at the places the notice names count for S1.1–S1.4 (A19)"),
    rule!("S1.6", "other channels: mailbox, talk-it-over, suggestion box, e-mail, hotline", "设立“书记信箱”，建立群众“说事制度”，公开设置意见箱、电子邮箱，开通热线电话、举报电话", "not checkable from records: documented only"),
    rule!("S1.7", "time, place and phone announced in advance", "对接待群众的时间、地点、联系电话实行“三公开”。", "not checkable from records: documented only"),
    rule!("S1.8", "record matter, cause and request on forms F1 and F2", "做到事由、原因、请求“三明确”，认真填写《……书记接待群众记录本》和《群众意见交办单》", "validate_form (reception_record, assignment_slip)"),
    rule!("S1.9", "handle each matter in one of the listed ways; follow every slip", "能当场答复、解决的，要立即进行答复、解决；不能立即答复、解决的，要作出承诺，并明确具体经办人，限时予以答复、解决……", "validate_form (handling)"),
    rule!("S2.1", "district leaders: at least 2 household visits a year", "区级领导每年入户走访时间不少于2次", "check (too_few_visits; prorated for a part-year, A16)"),
    rule!("S2.2", "town/street committee members: at least 4 household visits a year", "镇街党委（党工委）班子成员每年入户走访时间不少于4次", "check (too_few_visits; prorated for a part-year, A16)"),
    rule!("S2.3", "village members cover 100% of households, each at least 6 times a term", "根据群众户数确定每名班子成员联系的户数，做到100%覆盖……每届入户走访辖区每户群众家庭不少于6次", "check (household_unassigned, household_under_visited; terms on record or counted, A9, A18)"),
    rule!("S2.4", "the village secretary must visit five kinds of household event", "村（社区）党组织书记对重病卧床、住院治疗、红白喜事、意外事故、家庭受灾的群众须做到“五必访”。", "check (must_visit_missed; by a secretary in office on the visit day)"),
    rule!("S2.5", "each visit written in the visit diary: the eight things clear", "做到家庭人员、居住地点、住房面积、收入状况、专长技能、存在问题、建议要求、联系电话“八清楚”", "validate_form (visit_diary)"),
    rule!("S2.6", "a monthly public-opinion analysis meeting", "基层党组织每月召开一次民情分析会", "check (meeting_missing)"),
    rule!("S2.7", "widespread or major issues reported upward at once", "对苗头性、普遍性问题和影响全局的重大问题要及时上报。", "not checkable from records: documented only"),
    rule!("S2.8", "pairing with households; heart-link cards", "建立健全基层党组织班子成员和党员结对联系、帮扶群众制度，推行“党群连心卡”", "not checkable from records: documented only"),
    rule!("S3.1", "who commits: the Party organisation and the villagers' committee", "由村（社区）党组织书记代表党委会……村（居）委会主任代表村（居）委会……双向作出任期和年度工作承诺", "check: each committee's commitments judged on their own (Commitment.committee, A21)"),
    rule!("S3.2", "a term commitment in the first year after an election; an annual one each year", "换届后第一年提出三年任期承诺，同时提出本年度承诺事项，以后每年初承诺一次。", "check (annual_commitment_missing, term_commitment_missing)"),
    rule!("S3.3", "the two committees' contents do not overlap", "村（社区）“两委会”的承诺事项不交叉", "not checkable from records: documented only"),
    rule!("S3.4", "six steps in order: propose, decide, commit publicly, fulfil, supervise, evaluate", "分六步进行。（一）提出初诺。（二）民主定诺。（三）公开承诺。（四）履职践诺。（五）跟踪督诺。（六）考核评诺。", "check (steps_out_of_order)"),
    rule!("S3.5", "approve ≥ 2/3 → listed; disapprove > 1/3 → redraft", "同意票达到三分之二及以上的，列为承诺内容，不同意票超过三分之一的，不列为承诺内容，重新拟定承诺事项", "decide_vote; check (listed_without_adoption, listed_without_quorum)"),
    rule!("S3.6", "the commitment made public and written up", "在党务公开栏、村（居）务公开栏公布，形成承诺书", "dataset: Commitment.published"),
    rule!("S3.7", "dissatisfied > 30% unqualified; satisfied ≥ 70% qualified; > 90% excellent", "“不满意”票超过30％的为不合格，满意票达到70％的为合格，满意票超过90％的为优秀。", "grade; check (evaluation_missing)"),
    rule!("S3.8", "consequences: rectify; resign after two unqualified years", "党员群众民主测评不满意率超过50％，或在综合考评中认定不合格……限期整改。若连续两年综合考评仍然不合格……其成员应主动辞职", "consequences; check (rectify_*, resign_*; the same term, A22; the combined result on record, A23)"),
    rule!("S3.9", "members may volunteer commitments", "党员可根据自身实际……自愿提出1项至多项……的承诺", "not checkable from records: documented only"),
    rule!("S4.1", "100% of village/community Party organisations and of poor people covered", "全区200个村、77个社区党组织和辖区群众，重点是贫困群众，做到党组织100%覆盖、贫困群众100%覆盖。", "check (unit_not_covered, poor_not_paired)"),
    rule!("S4.2", "branch links: at least 2 practical deeds a year", "开展支部“联线”活动……每年为村（社区）党组织办实事、好事不少于2件。", "check (too_few_deeds; years of the link, A17)"),
    rule!("S4.3", "member pairing: at least 500 yuan of help a year", "由1名或多名党员与1名村（社区）贫困群众结成对子开展帮扶活动，每年提供不少于500元帮扶资金。", "check (aid_below_minimum; years of the pairing, A17)"),
    rule!("S4.4", "industry–village ties: at least 2 practical deeds a year", "区内规模以上的“两新”组织党组织……每年为村党组织或党员办实事、好事不少于2件。", "check (too_few_deeds; years of the link, A17)"),
    rule!("S4.5", "mass organisations hand in hand: at least 2 practical deeds a year", "工、青、妇、科协、工商联等群团组织……每年办实事、好事不少于2件。", "check (too_few_deeds; years of the link, A17)"),
    rule!("S5.1", "within remit: finished and fed back within 10 days of receipt", "对属本级党组织工作职责范围内的事项，应在收到反映问题之日起10天内办结，并反馈反映人", "deadline, feedback_status; check (feedback_late, feedback_overdue, deadline_mismatch)"),
    rule!("S5.2", "one level up: within 20 days of its receipt", "属上一级党组织工作职责范围解决的问题，上一级党组织应在收到反映问题之日起20天内办结，并反馈反映人", "deadline, feedback_status; check"),
    rule!("S5.3", "cannot be solved: the reporter told why within 30 days", "对确实解决不了的问题，应在30天内向反映人说明情况", "deadline, feedback_status; check"),
    rule!("S5.4", "several units: the leading unit finishes within 40 days", "对需要多个单位共同协调解决的问题，由牵头解决的单位党组织在40天内办结，并反馈反映人", "deadline, feedback_status; check"),
    rule!("S5.5", "a responsible person and handler; the register; closed only when finished", "要明确责任人和具体经办人，并认真填写《群众意见办理情况登记表》。党组织书记要及时查看，对未办结事项及时催办、督办。", "check (closed_without_result); validate_form (register_entry)"),
    rule!("S5.6", "a feedback slip to every reporter, with a contact person and phone", "对群众反映的每个问题，要认真填写《群众意见办理反馈单》，并确保送达反映人。……注明联系人和联系电话", "validate_form (feedback_slip)"),
    rule!("S5.7", "agency service network", "建立区、镇（街道）和村（社区）三级为民办事代理网络", "not checkable from records: documented only"),
];

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn ids_are_unique_and_in_order() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.dedup();
        assert_eq!(ids, sorted);
        assert_eq!(ids.len(), 41);
        assert_eq!(ids.first(), Some(&"N.1"));
    }
}
