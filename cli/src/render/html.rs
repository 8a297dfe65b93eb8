//! A self-contained HTML report a secretary would read: summary, rates per rule and per
//! unit, a week-by-village grid of S1.3 receptions, and the overdue opinions.

use super::rate;
use liaison::{OutcomeStatus, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:2px solid #b22;padding-bottom:.2em}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right}
th{background:#f4f4f4}td.l,th.l{text-align:left}.bad{color:#b00;font-weight:bold}
.grid td{width:.7em;height:1.1em;padding:0;border:1px solid #fff}.met{background:#4a4}.not_met{background:#d33}.not_judged{background:#ccc}
.summary{font-size:1.1em}.en{color:#666;font-size:.85em}";

pub fn html(r: &Report) -> String {
    let mut s = String::new();
    let total_judged: u64 = r.by_rule.iter().map(|t| t.judged).sum();
    let total_met: u64 = r.by_rule.iter().map(|t| t.met).sum();
    let permille = (total_judged > 0)
        .then(|| (u128::from(total_met) * 1000 / u128::from(total_judged)) as u64);
    let _ = write!(
        s,
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>联系服务群众制度落实情况</title><style>{STYLE}</style></head><body>\
         <h1>联系服务群众五项制度落实情况 <span class=\"en\">Keeping in touch with the public: compliance report</span></h1>\
         <p>检查期间 {} 至 {}，记录截至 {}。依据：{}</p>\
         <p class=\"summary\">共评判 {total_judged} 项，达标 {total_met} 项，达标率 {}；发现问题 <span class=\"bad\">{}</span> 项。\
         <span class=\"en\">{total_judged} judged, {total_met} met, {} findings.</span></p>",
        r.start, r.end, r.as_of, esc(&r.policy), rate(permille), r.findings.len(), r.findings.len()
    );
    rules_table(&mut s, r);
    units_table(&mut s, r);
    week_grid(&mut s, r);
    opinions(&mut s, r);
    findings(&mut s, r);
    s.push_str("</body></html>");
    s
}

fn rules_table(s: &mut String, r: &Report) {
    s.push_str("<h2>按规则 <span class=\"en\">By rule</span></h2><table><tr><th class=\"l\">规则</th><th class=\"l\">内容</th><th>评判</th><th>达标</th><th>未达标</th><th>未评判</th><th>达标率</th></tr>");
    for t in &r.by_rule {
        let text = liaison::rules::RULES
            .iter()
            .find(|x| x.id == t.key)
            .map_or("", |x| x.source_zh);
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&t.key), esc(text), t.judged, t.met, if t.not_met > 0 { "bad" } else { "" }, t.not_met, t.not_judged, rate(t.rate_permille)
        );
    }
    s.push_str("</table>");
}

fn units_table(s: &mut String, r: &Report) {
    s.push_str("<h2>按单位 <span class=\"en\">By unit</span></h2><table><tr><th class=\"l\">单位</th><th>评判</th><th>达标</th><th>未达标</th><th>未评判</th><th>达标率</th></tr>");
    for t in &r.by_unit {
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&t.key), t.judged, t.met, if t.not_met > 0 { "bad" } else { "" }, t.not_met, t.not_judged, rate(t.rate_permille)
        );
    }
    s.push_str("</table>");
}

/// S1.3: one row per village, one cell per ISO week; a week is red when a secretary fell
/// short, green when met, grey when not judged.
fn week_grid(s: &mut String, r: &Report) {
    let mut weeks: Vec<(chrono::NaiveDate, String)> = Vec::new();
    let mut grid: BTreeMap<&str, BTreeMap<String, OutcomeStatus>> = BTreeMap::new();
    for o in r.outcomes.iter().flatten().filter(|o| o.rule == "S1.3") {
        if !weeks.iter().any(|w| w.1 == o.period.label) {
            weeks.push((o.period.start, o.period.label.clone()));
        }
        let cell = grid
            .entry(o.unit.as_str())
            .or_default()
            .entry(o.period.label.clone())
            .or_insert(o.status);
        *cell = match (*cell, o.status) {
            (OutcomeStatus::NotMet, _) | (_, OutcomeStatus::NotMet) => OutcomeStatus::NotMet,
            (OutcomeStatus::Met, _) | (_, OutcomeStatus::Met) => OutcomeStatus::Met,
            _ => OutcomeStatus::NotJudged,
        };
    }
    weeks.sort();
    s.push_str("<h2>村（社区）党组织书记每周接待（S1.3） <span class=\"en\">Weekly receptions by village secretaries: green met, red not met, grey not judged</span></h2><table class=\"grid\">");
    for (unit, cells) in &grid {
        let _ = write!(s, "<tr><th class=\"l\">{}</th>", esc(unit));
        for (_, label) in &weeks {
            let (class, word) = match cells.get(label) {
                Some(OutcomeStatus::Met) => ("met", "达标"),
                Some(OutcomeStatus::NotMet) => ("not_met", "未达标"),
                _ => ("not_judged", "未评判"),
            };
            let _ = write!(
                s,
                "<td class=\"{class}\" title=\"{} {}\"></td>",
                esc(label),
                word
            );
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
}

fn opinions(s: &mut String, r: &Report) {
    s.push_str("<h2>超期未反馈的群众意见（S5） <span class=\"en\">Overdue opinions</span></h2><table><tr><th class=\"l\">编号</th><th class=\"l\">单位</th><th class=\"l\">收到至时限</th><th>时限天数</th><th>已用天数</th><th class=\"l\">说明</th></tr>");
    for f in r.findings.iter().filter(|f| f.code == "feedback_overdue") {
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td class=\"bad\">{}</td><td class=\"l\">{}</td></tr>",
            esc(&f.subject), esc(&f.unit), esc(&f.period.label), f.expected, f.actual, esc(&f.message_zh)
        );
    }
    s.push_str("</table>");
}

fn findings(s: &mut String, r: &Report) {
    s.push_str("<h2>全部问题 <span class=\"en\">All findings</span></h2><table><tr><th class=\"l\">规则</th><th class=\"l\">单位</th><th class=\"l\">期间</th><th>应</th><th>实</th><th class=\"l\">说明</th></tr>");
    for f in &r.findings {
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td class=\"l\">{}<br><span class=\"en\">{}</span></td></tr>",
            esc(&f.rule), esc(&f.unit), esc(&f.period.label), f.expected, f.actual, esc(&f.message_zh), esc(&f.message)
        );
    }
    s.push_str("</table>");
}
