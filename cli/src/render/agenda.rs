//! The agenda for a person: a table for a terminal (Chinese and English headings, one line
//! per item), CSV, and a self-contained HTML page (no script; prints on A4).

use super::csv_cell;
use super::text::{esc, pad, pad_left, width};
use liaison::{Agenda, AgendaItem, AgendaState};
use std::fmt::Write;

/// A state in Chinese and English.
pub fn state_words(state: AgendaState) -> (&'static str, &'static str) {
    match state {
        AgendaState::Late => ("逾期", "late"),
        AgendaState::DueSoon => ("临期", "due soon"),
        AgendaState::Open => ("待办", "open"),
    }
}

/// The state's snake_case name, as in JSON.
pub fn state_name(state: AgendaState) -> &'static str {
    match state {
        AgendaState::Late => "late",
        AgendaState::DueSoon => "due_soon",
        AgendaState::Open => "open",
    }
}

fn counts(a: &Agenda) -> (usize, usize, usize) {
    let n = |s: AgendaState| a.items.iter().filter(|i| i.state == s).count();
    (
        n(AgendaState::Late),
        n(AgendaState::DueSoon),
        n(AgendaState::Open),
    )
}

/// One line per item: due day, days left, state, rule, unit, subject, what is owed (in
/// Chinese, then English).
pub fn table(a: &Agenda) -> String {
    let mut s = String::new();
    let (late, soon, open) = counts(a);
    let _ = writeln!(
        s,
        "待办事项 liaison agenda — 截至 {} 未来 {} 天（至 {}）as of {}, {} days ahead (to {})",
        a.as_of, a.horizon_days, a.until, a.as_of, a.horizon_days, a.until
    );
    let _ = writeln!(
        s,
        "共 {} 项：逾期 {late}，临期 {soon}，待办 {open}  {} items: {late} late, {soon} due soon, {open} open\n",
        a.items.len(),
        a.items.len()
    );
    if a.items.is_empty() {
        let _ = writeln!(s, "没有待办事项。Nothing is due.");
        return s;
    }
    let headings = [
        ("到期日", "due"),
        ("剩余天数", "days left"),
        ("状态", "state"),
        ("规则", "rule"),
        ("单位", "unit"),
        ("对象", "subject"),
        ("待办内容", "owed"),
    ];
    let cells: Vec<[String; 6]> = a
        .items
        .iter()
        .map(|i| {
            let (zh, en) = state_words(i.state);
            [
                i.due.to_string(),
                i.days_left.to_string(),
                format!("{zh} {en}"),
                i.rule.clone(),
                i.unit.clone(),
                i.subject.clone(),
            ]
        })
        .collect();
    let mut widths = [0usize; 6];
    for (k, w) in widths.iter_mut().enumerate() {
        let (zh, en) = headings.get(k).copied().unwrap_or_default();
        *w = width(zh).max(width(en));
        for row in &cells {
            *w = (*w).max(row.get(k).map_or(0, |c| width(c)));
        }
    }
    let line = |s: &mut String, row: &[String], last: &str| {
        for (k, cell) in row.iter().enumerate() {
            let w = widths.get(k).copied().unwrap_or(0);
            let text = if k == 1 {
                pad_left(cell, w)
            } else {
                pad(cell, w)
            };
            s.push_str(&text);
            s.push_str("  ");
        }
        s.push_str(last);
        s.push('\n');
    };
    let zh: Vec<String> = headings.iter().take(6).map(|h| h.0.to_string()).collect();
    let en: Vec<String> = headings.iter().take(6).map(|h| h.1.to_string()).collect();
    line(&mut s, &zh, "待办内容");
    line(&mut s, &en, "owed");
    for (row, item) in cells.iter().zip(&a.items) {
        let provisional = if item.provisional {
            " （暂定 provisional, A24）"
        } else {
            ""
        };
        line(
            &mut s,
            row,
            &format!("{} — {}{provisional}", item.owed_zh, item.owed),
        );
    }
    s
}

/// One line per item, with a header.
pub fn csv(a: &Agenda) -> String {
    let mut s = String::from(
        "due,days_left,state,rule,code,unit,subject,period,period_start,period_end,expected,actual,owed,owed_zh,provisional\n",
    );
    for i in &a.items {
        let cells = [
            i.due.to_string(),
            i.days_left.to_string(),
            state_name(i.state).to_string(),
            i.rule.clone(),
            i.code.clone(),
            i.unit.clone(),
            i.subject.clone(),
            i.period.label.clone(),
            i.period.start.to_string(),
            i.period.end.to_string(),
            i.expected.to_string(),
            i.actual.to_string(),
            i.owed.clone(),
            i.owed_zh.clone(),
            i.provisional.to_string(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        s.push_str(&line.join(","));
        s.push('\n');
    }
    s
}

const STYLE: &str = "
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.45em;margin-bottom:.2em}h2{font-size:1.1em;margin-top:1.4em;border-bottom:2px solid #b3261e;padding-bottom:.15em}
.en{color:#666;font-size:.82em;font-weight:normal}
table{border-collapse:collapse;font-size:.9em;width:100%}td,th{border:1px solid #d0d0d0;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;white-space:nowrap}td.d{white-space:nowrap}
.st{display:inline-block;border-radius:3px;padding:0 .4em;color:#fff;font-size:.85em;white-space:nowrap}
.late{background:#c62828}.due_soon{background:#ef6c00}.open{background:#1565c0}
tr.row-late td:first-child{border-left:4px solid #c62828}tr.row-due_soon td:first-child{border-left:4px solid #ef6c00}tr.row-late td.n{color:#c62828;font-weight:bold}
@page{size:A4;margin:14mm 12mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:9.5pt}tr{break-inside:avoid}h2{break-after:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// The agenda as a self-contained HTML page, by due day.
pub fn html(a: &Agenda, policy: &str) -> String {
    let mut s = String::with_capacity(16 * 1024);
    let (late, soon, open) = counts(a);
    let _ = write!(
        s,
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>待办事项 {}</title><style>{STYLE}</style></head><body>\
         <h1>联系服务群众待办事项 <span class=\"en\">Agenda: what falls due, and what is late</span></h1>\
         <p>截至 {}，未来 {} 天（至 {}）。依据：{}<br><span class=\"en\">As of {}, {} days ahead (to {}); policy {}.</span></p>\
         <p>共 <b>{}</b> 项：<span class=\"st late\">逾期 {late}</span> <span class=\"st due_soon\">临期 {soon}</span> <span class=\"st open\">待办 {open}</span>\
         <span class=\"en\"> {} items: {late} late, {soon} due soon, {open} open.</span></p>",
        a.as_of,
        a.as_of,
        a.horizon_days,
        a.until,
        esc(policy),
        a.as_of,
        a.horizon_days,
        a.until,
        esc(policy),
        a.items.len(),
        a.items.len()
    );
    if a.items.is_empty() {
        s.push_str("<p>没有待办事项。<span class=\"en\">Nothing is due.</span></p></body></html>");
        return s;
    }
    s.push_str("<table><tr><th>到期日 <span class=\"en\">due</span></th><th>剩余天数 <span class=\"en\">days left</span></th><th>状态 <span class=\"en\">state</span></th><th>规则 <span class=\"en\">rule</span></th><th>单位 <span class=\"en\">unit</span></th><th>对象 <span class=\"en\">subject</span></th><th>期间 <span class=\"en\">period</span></th><th>待办内容 <span class=\"en\">what is owed</span></th></tr>");
    for i in &a.items {
        row(&mut s, i);
    }
    s.push_str("</table><p class=\"en\">单位、对象以编号显示 Units and subjects are shown by their ids.</p></body></html>");
    s
}

fn row(s: &mut String, i: &AgendaItem) {
    let (zh, en) = state_words(i.state);
    let _ = write!(
        s,
        "<tr class=\"row-{}\"><td class=\"d\">{}</td><td class=\"n\">{}</td><td><span class=\"st {}\">{zh}</span> <span class=\"en\">{en}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}<br><span class=\"en\">{}</span></td></tr>",
        state_name(i.state),
        i.due,
        i.days_left,
        state_name(i.state),
        esc(&i.rule),
        esc(&i.unit),
        esc(&i.subject),
        esc(&i.period.label),
        esc(&i.owed_zh),
        if i.provisional { "（暂定，A24）" } else { "" },
        esc(&i.owed)
    );
}
