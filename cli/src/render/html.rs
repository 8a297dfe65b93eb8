//! The HTML report of `check`, for an inspector: one self-contained page (no script, no
//! external file: it opens offline and prints on A4), headed in Chinese with English beside.
//!
//! - a summary, with the findings counted by severity (see [`super::findings`]);
//! - the units, worst first: by their most severe finding, then by the share of their
//!   judged obligations not met, then by the number not met, then by id. Units are shown by
//!   their ids: the dataset has no unit names yet;
//! - each unit's compliance by year as small multiples of inline SVG bar charts;
//! - the rules, with what was not judged and why;
//! - every finding as a `<details>`: its summary says who fell short of which rule, and it
//!   opens on the period, what was expected (the requirement after prorating, A16) and what
//!   was done, each with its unit (次, 元, 天, %), and the records counted (ids, dates,
//!   amounts); printing opens every one;
//! - the records that could not be judged, and the reasons;
//! - the weekly receptions of village secretaries (S1.3) as a grid, and the overdue
//!   opinions (S5).

use super::findings::{
    by_severity, code_info, ranked_units, reason_en, reason_zh, severity, severity_counts,
    Severity, UnitRow,
};
use super::rate;
use super::text::esc;
use liaison::{Finding, OutcomeStatus, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = "
:root{--bad:#b3261e;--ok:#2e7d32;--warn:#b26a00;--muted:#666;--line:#d0d0d0}
*{box-sizing:border-box}
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:1120px;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.5em;margin-bottom:.2em}
h2{font-size:1.2em;margin-top:1.8em;border-bottom:2px solid var(--bad);padding-bottom:.2em}
h3{font-size:1.02em;margin:1.2em 0 .4em}
.en{color:var(--muted);font-size:.82em;font-weight:normal}
.meta{color:#444}
.note{color:var(--muted);font-size:.88em}
table{border-collapse:collapse;font-size:.88em;margin:.4em 0}
td,th{border:1px solid var(--line);padding:.25em .5em;text-align:right;vertical-align:top}
th{background:#f3f3f3;font-weight:600}
td.l,th.l{text-align:left}
td.id,th.nw{white-space:nowrap}
span.id{color:#666;font-size:.85em;white-space:nowrap}
.bad{color:var(--bad);font-weight:bold}
.cards{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0}
.card{border:1px solid var(--line);border-radius:4px;padding:.4em .8em;min-width:8.5em}
.card b{display:block;font-size:1.35em}
.sev{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.8em;color:#fff;white-space:nowrap}
.s4{background:#7f0000}.s3{background:#c62828}.s2{background:#ef6c00}.s1{background:#9e9d24}.s0{background:#2e7d32}
.minis{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:.5em}
figure.mini{margin:0;border:1px solid var(--line);border-radius:4px;padding:.3em .4em}
figure.mini figcaption{font-size:.82em;display:flex;justify-content:space-between;gap:.3em}
figure.mini svg{display:block;width:100%;height:auto}
details.finding{border:1px solid var(--line);border-left-width:5px;border-radius:3px;margin:.3em 0;padding:.2em .5em}
details.finding.lv4{border-left-color:#7f0000}details.finding.lv3{border-left-color:#c62828}
details.finding.lv2{border-left-color:#ef6c00}details.finding.lv1{border-left-color:#9e9d24}
details.finding summary{cursor:pointer}
details.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.4em 0 .2em;font-size:.9em}
details.finding dt{color:var(--muted)}
details.finding dd{margin:0}
.scroll{overflow-x:auto}
.grid td{width:.7em;min-width:.7em;height:1.1em;padding:0;border:1px solid #fff}
.met{background:#4a4}.not_met{background:#d33}.not_judged{background:#ccc}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{margin:0;max-width:none;padding:0;font-size:9.5pt}
 h2{break-after:avoid}
 tr,figure,details,.card{break-inside:avoid}
 details::details-content{content-visibility:visible;display:block}
 details.finding summary{list-style:none}
 .scroll{overflow:visible}
 .grid td{width:1mm;min-width:1mm;height:3mm}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}";

/// The report as one HTML page. `r` should come from `check_with` with `detailed` (the
/// trends' rates and the week grid read `outcomes`; without them the rates are left out)
/// and `explain` (each finding then lists the records it counted).
pub fn html(r: &Report, names: &BTreeMap<String, String>) -> String {
    let mut s = String::with_capacity(64 * 1024);
    let total_judged: u64 = r.by_rule.iter().map(|t| t.judged).sum();
    let total_met: u64 = r.by_rule.iter().map(|t| t.met).sum();
    let total_not_judged: u64 = r.by_rule.iter().map(|t| t.not_judged).sum();
    let permille = (total_judged > 0)
        .then(|| (u128::from(total_met) * 1000 / u128::from(total_judged)) as u64);
    let _ = write!(
        s,
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>联系服务群众制度落实情况 {} 至 {}</title><style>{STYLE}</style></head><body>\
         <h1>联系服务群众五项制度落实情况 <span class=\"en\">Keeping in touch with the public: compliance report</span></h1>\
         <p class=\"meta\">检查期间 {} 至 {}，记录截至 {}。依据：{}<br>\
         <span class=\"en\">Range {} to {}, records as of {}; policy {}.</span></p>",
        r.start,
        r.end,
        r.start,
        r.end,
        r.as_of,
        esc(&r.policy),
        r.start,
        r.end,
        r.as_of,
        esc(&r.policy)
    );
    section(&mut s, "summary", |s| {
        summary(s, r, total_judged, total_met, total_not_judged, permille)
    });
    let units = ranked_units(r, names);
    section(&mut s, "units", |s| units_table(s, &units));
    section(&mut s, "trends", |s| trends(s, r, &units));
    section(&mut s, "rules", |s| rules_table(s, r));
    section(&mut s, "findings", |s| findings(s, r));
    section(&mut s, "not-judged", |s| records_not_judged(s, r));
    section(&mut s, "weeks", |s| week_grid(s, r));
    section(&mut s, "overdue", |s| opinions(s, r));
    section(&mut s, "legend", legend);
    s.push_str("</body></html>");
    s
}

fn section(s: &mut String, id: &str, body: impl FnOnce(&mut String)) {
    let _ = write!(s, "<section id=\"{id}\">");
    body(s);
    s.push_str("</section>");
}

fn summary(
    s: &mut String,
    r: &Report,
    judged: u64,
    met: u64,
    not_judged: u64,
    permille: Option<u64>,
) {
    let by_level = severity_counts(r.findings.iter());
    s.push_str("<div class=\"cards\">");
    let card = |s: &mut String, zh: &str, en: &str, value: String, class: &str| {
        let _ = write!(
            s,
            "<div class=\"card\"><b class=\"{class}\">{value}</b>{zh} <span class=\"en\">{en}</span></div>"
        );
    };
    card(s, "评判", "judged", judged.to_string(), "");
    card(s, "达标", "met", met.to_string(), "");
    card(s, "达标率", "rate", rate(permille), "");
    card(
        s,
        "问题",
        "findings",
        r.findings.len().to_string(),
        if r.findings.is_empty() { "" } else { "bad" },
    );
    card(s, "未评判", "not judged", not_judged.to_string(), "");
    card(
        s,
        "无法评判的记录",
        "records not judged",
        r.records_not_judged.len().to_string(),
        "",
    );
    s.push_str("</div><p>");
    for level in (1..=4u8).rev() {
        let sev = Severity(level);
        let _ = write!(
            s,
            "<span class=\"sev s{level}\">{} {}</span> {} 项 &nbsp; ",
            sev.zh(),
            sev.en(),
            by_level.get(usize::from(level)).copied().unwrap_or(0)
        );
    }
    s.push_str("</p>");
    if r.provisional {
        s.push_str("<p class=\"bad\">部分评判为暂定：所涉年度的国务院节假日安排尚未收入日历（A24），待通知发布后补充。<span class=\"en\">Some judgements are provisional: rest days were guessed beyond the holiday calendar (A24).</span></p>");
    }
    if r.all_met() {
        s.push_str(
            "<p>所有已评判事项均达标。<span class=\"en\">Every judged rule is met.</span></p>",
        );
    }
}

fn badge(sev: Severity) -> String {
    if sev.0 == 0 {
        "<span class=\"sev s0\">无问题</span>".to_string()
    } else {
        format!(
            "<span class=\"sev s{}\" title=\"{}\">{}</span>",
            sev.0,
            sev.en(),
            sev.zh()
        )
    }
}

/// A unit as a person reads it: its name and id, or its id when the dataset names it not.
fn unit_label(u: &UnitRow<'_>) -> String {
    match u.name {
        Some(name) => format!(
            "{} <span class=\"id\">{}</span>",
            esc(name),
            esc(&u.tally.key)
        ),
        None => esc(&u.tally.key),
    }
}

fn units_table(s: &mut String, units: &[UnitRow<'_>]) {
    s.push_str("<h2>各单位落实情况（按问题严重程度排序） <span class=\"en\">Units, worst first: by the most severe finding, then the share not met</span></h2>");
    if units.iter().any(|u| u.name.is_none()) {
        s.push_str("<p class=\"note\">数据集未给出名称的单位以编号显示。<span class=\"en\">Units the dataset gives no name are shown by their ids.</span></p>");
    }
    s.push_str("<table><tr><th class=\"l\">单位 <span class=\"en\">unit</span></th><th class=\"l\">最重问题 <span class=\"en\">worst</span></th>\
        <th class=\"nw\">严重</th><th class=\"nw\">较重</th><th class=\"nw\">一般</th><th class=\"nw\">轻微</th>\
        <th>评判 <span class=\"en\">judged</span></th><th>未达标 <span class=\"en\">not met</span></th><th>未达标占比 <span class=\"en\">share not met</span></th><th>未评判 <span class=\"en\">not judged</span></th><th>达标率 <span class=\"en\">rate</span></th></tr>");
    for u in units {
        let counts = severity_counts(u.findings.iter().copied());
        let cell = |n: usize| {
            if n == 0 {
                "<td></td>".to_string()
            } else {
                format!("<td class=\"bad\">{n}</td>")
            }
        };
        let share = u.shortfall();
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td>{}{}{}{}<td>{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            unit_label(u),
            badge(u.worst),
            cell(counts.get(4).copied().unwrap_or(0)),
            cell(counts.get(3).copied().unwrap_or(0)),
            cell(counts.get(2).copied().unwrap_or(0)),
            cell(counts.get(1).copied().unwrap_or(0)),
            u.tally.judged,
            if u.tally.not_met > 0 { "bad" } else { "" },
            u.tally.not_met,
            if u.tally.judged > 0 {
                format!("{}.{}%", share / 10, share % 10)
            } else {
                "—".to_string()
            },
            u.tally.not_judged,
            rate(u.tally.rate_permille)
        );
    }
    s.push_str("</table>");
}

/// The most years a trend shows (the last ones of the range).
const MAX_TREND_YEARS: i32 = 12;

/// A unit's year in the trends.
#[derive(Default, Clone, Copy)]
struct YearCell {
    judged: u64,
    met: u64,
    findings: u64,
    worst: u8,
}

/// One small SVG bar chart per unit, in the order of the units table: the findings of each
/// year (the year a period ends in) as bars on one scale shared by every unit, coloured by
/// the year's most severe finding, with the share of the year's judged obligations met
/// beneath.
fn trends(s: &mut String, r: &Report, units: &[UnitRow<'_>]) {
    s.push_str("<h2>各单位逐年问题数与达标率 <span class=\"en\">Each unit by year: findings and the rate met</span></h2>");
    let mut by: BTreeMap<&str, BTreeMap<i32, YearCell>> = BTreeMap::new();
    for o in r.outcomes.iter().flatten() {
        let met = match o.status {
            OutcomeStatus::Met => 1,
            OutcomeStatus::NotMet => 0,
            OutcomeStatus::NotJudged => continue,
        };
        let cell = by
            .entry(o.unit.as_str())
            .or_default()
            .entry(chrono::Datelike::year(&o.period.end))
            .or_default();
        cell.judged += 1;
        cell.met += met;
    }
    for f in &r.findings {
        let cell = by
            .entry(f.unit.as_str())
            .or_default()
            .entry(chrono::Datelike::year(&f.period.end))
            .or_default();
        cell.findings += 1;
        cell.worst = cell.worst.max(severity(&f.code).0);
    }
    let last = chrono::Datelike::year(&r.end);
    let first = chrono::Datelike::year(&r.start).max(last - (MAX_TREND_YEARS - 1));
    let years: Vec<i32> = (first..=last).collect();
    let most = by
        .values()
        .flat_map(|y| {
            y.iter()
                .filter(|(year, _)| years.contains(year))
                .map(|(_, c)| c.findings)
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let _ = write!(
        s,
        "<p class=\"note\">每格一个单位，每条一年：条高为当年问题数（各单位同一刻度，满格 {most} 项），颜色为当年最重问题的严重程度；条下为当年已评判事项的达标率（—：当年无评判）。\
         <span class=\"en\">One chart per unit, one bar per year: the year's findings (one scale for every unit, full height {most}), coloured by the year's most severe finding; beneath, the share of the year's judged obligations met (—: nothing judged).</span></p><div class=\"minis\">"
    );
    if r.outcomes.is_none() {
        s.push_str("<p class=\"note\">本报告未保留逐项评判，达标率从略。<span class=\"en\">No judgements kept: rates left out.</span></p>");
    }
    let empty = BTreeMap::new();
    for u in units {
        let cells = by.get(u.tally.key.as_str()).unwrap_or(&empty);
        let _ = write!(
            s,
            "<figure class=\"mini\"><figcaption><span>{}</span>{}</figcaption>{}</figure>",
            unit_label(u),
            badge(u.worst),
            spark(&u.tally.key, &years, cells, most)
        );
    }
    s.push_str("</div>");
}

/// The colour of a severity level's bars.
fn colour(level: u8) -> &'static str {
    match level {
        4 => "#7f0000",
        3 => "#c62828",
        2 => "#ef6c00",
        _ => "#9e9d24",
    }
}

/// An SVG bar chart of a unit's findings by year, on a scale whose full height is `most`.
fn spark(unit: &str, years: &[i32], cells: &BTreeMap<i32, YearCell>, most: u64) -> String {
    const W: usize = 180;
    const H: usize = 76;
    const TOP: usize = 12;
    const BASE: usize = 48;
    let n = years.len().max(1);
    let slot = (W - 8) / n;
    let bar = (slot * 3 / 5).max(2);
    let small = n > 6;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{} 逐年问题数与达标率\">\
         <line x1=\"4\" y1=\"{BASE}\" x2=\"{}\" y2=\"{BASE}\" stroke=\"#888\"/>",
        esc(unit),
        W - 4
    );
    for (i, year) in years.iter().enumerate() {
        let x = 4 + i * slot + (slot - bar) / 2;
        let mid = 4 + i * slot + slot / 2;
        let cell = cells.get(year).copied().unwrap_or_default();
        let rate = if cell.judged > 0 {
            let permille = (u128::from(cell.met) * 1000 / u128::from(cell.judged)) as u64;
            if small {
                format!("{}%", permille / 10)
            } else {
                format!("{}.{}%", permille / 10, permille % 10)
            }
        } else {
            "—".to_string()
        };
        let label = if small {
            format!("{:02}", year.rem_euclid(100))
        } else {
            year.to_string()
        };
        let title = format!(
            "{year}：问题 {} 项，达标 {}/{}（{rate}）",
            cell.findings, cell.met, cell.judged
        );
        if cell.findings > 0 {
            let height = ((BASE - TOP) as u64 * cell.findings / most).max(2) as usize;
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{height}\" fill=\"{}\"><title>{title}</title></rect>\
                 <text x=\"{mid}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#222\">{}</text>",
                BASE - height,
                colour(cell.worst),
                (BASE - height).saturating_sub(2).max(9),
                cell.findings
            );
        } else {
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"2\" fill=\"#2e7d32\"><title>{title}</title></rect>",
                BASE - 2
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{mid}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#444\">{label}</text>\
             <text x=\"{mid}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"#666\">{rate}</text>",
            BASE + 11,
            BASE + 22,
            if small { 7 } else { 8 }
        );
    }
    svg.push_str("</svg>");
    svg
}

fn rules_table(s: &mut String, r: &Report) {
    s.push_str("<h2>按规则 <span class=\"en\">By rule</span></h2><table><tr><th class=\"l\">规则 <span class=\"en\">rule</span></th><th class=\"l\">内容 <span class=\"en\">the notice's words</span></th><th>评判</th><th>达标</th><th>未达标</th><th>未评判</th><th class=\"l\">未评判原因 <span class=\"en\">why not judged</span></th><th>达标率</th></tr>");
    for t in &r.by_rule {
        let text = liaison::rules::RULES
            .iter()
            .find(|x| x.id == t.key)
            .map_or("", |x| x.source_zh);
        let reasons: Vec<String> = t
            .not_judged_by_reason
            .iter()
            .map(|(reason, n)| {
                format!(
                    "<span title=\"{}\">{} {n}</span>",
                    esc(reason_en(reason)),
                    esc(reason_zh(reason))
                )
            })
            .collect();
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td class=\"l\">{}</td><td>{}</td></tr>",
            esc(&t.key),
            esc(text),
            t.judged,
            t.met,
            if t.not_met > 0 { "bad" } else { "" },
            t.not_met,
            t.not_judged,
            reasons.join("<br>"),
            rate(t.rate_permille)
        );
    }
    s.push_str("</table>");
}

fn findings(s: &mut String, r: &Report) {
    let _ = write!(
        s,
        "<h2>全部问题（{} 项，按严重程度） <span class=\"en\">Every finding, most severe first; open one for its period and figures</span></h2>",
        r.findings.len()
    );
    if r.findings.is_empty() {
        s.push_str("<p>无。<span class=\"en\">None.</span></p>");
        return;
    }
    let mut level = None;
    for f in by_severity(r) {
        let sev = severity(&f.code);
        if level != Some(sev) {
            level = Some(sev);
            let _ = write!(
                s,
                "<h3>{} <span class=\"en\">{}</span></h3>",
                badge(sev),
                sev.en()
            );
        }
        finding(s, f, sev);
    }
}

fn finding(s: &mut String, f: &Finding, sev: Severity) {
    let info = code_info(&f.code);
    let _ = write!(
        s,
        "<details class=\"finding lv{}\"><summary>{} <b>{}</b> {} · {} — {}</summary><dl>\
         <dt>期间 <span class=\"en\">period</span></dt><dd>{}（{} 至 {}）</dd>\
         <dt>应达 <span class=\"en\">expected</span></dt><dd>{} <span class=\"en\">{}; the requirement after prorating</span></dd>\
         <dt>实际 <span class=\"en\">actual</span></dt><dd class=\"bad\">{} <span class=\"en\">{}</span></dd>\
         <dt>对象 <span class=\"en\">subject</span></dt><dd>{}</dd>\
         <dt>单位 <span class=\"en\">unit</span></dt><dd>{}</dd>\
         <dt>问题代码 <span class=\"en\">code</span></dt><dd>{}</dd>\
         <dt>说明 <span class=\"en\">in English</span></dt><dd>{}</dd>{}{}</dl></details>",
        sev.0,
        badge(sev),
        esc(&f.rule),
        esc(&f.unit),
        esc(&f.period.label),
        esc(&f.message_zh),
        esc(&f.period.label),
        f.period.start,
        f.period.end,
        esc(&info.expected.zh(f.expected)),
        esc(&info.expected.en(f.expected)),
        esc(&info.actual.zh(f.actual)),
        esc(&info.actual.en(f.actual)),
        esc(&f.subject),
        esc(&f.unit),
        esc(&f.code),
        esc(&f.message),
        if f.provisional {
            "<dt>暂定 <span class=\"en\">provisional</span></dt><dd>节假日按周末推定（A24）</dd>"
        } else {
            ""
        },
        counted(f)
    );
}

/// The most counted records listed under one finding.
const MAX_COUNTED: usize = 60;

/// The records a finding counted for its `actual` (when the check explained it).
fn counted(f: &Finding) -> String {
    let Some(records) = f.counted.as_ref() else {
        return String::new();
    };
    let mut s = String::from("<dt>计入的记录 <span class=\"en\">records counted</span></dt><dd>");
    if records.is_empty() {
        s.push_str("无 <span class=\"en\">none</span>");
    }
    for (i, c) in records.iter().take(MAX_COUNTED).enumerate() {
        if i > 0 {
            s.push('；');
        }
        let kind = match c.record.as_str() {
            "reception" => "接待",
            "visit" => "走访",
            "meeting" => "民情分析会",
            "deed" => "办实事",
            "aid" => "帮扶资金",
            _ => "",
        };
        let _ = write!(
            s,
            "{} {kind} <span class=\"en\">{}</span> {}",
            c.date,
            esc(&c.record),
            esc(&c.ids.join(" "))
        );
        if let Some(fen) = c.amount_fen {
            let _ = write!(s, " {}.{:02} 元", fen / 100, fen % 100);
        }
    }
    if records.len() > MAX_COUNTED {
        let _ = write!(
            s,
            "；…… 另 {} 条 <span class=\"en\">and {} more</span>",
            records.len() - MAX_COUNTED,
            records.len() - MAX_COUNTED
        );
    }
    s.push_str("</dd>");
    s
}

fn records_not_judged(s: &mut String, r: &Report) {
    let _ = write!(
        s,
        "<h2>无法评判的记录（{} 条） <span class=\"en\">Records that could not be judged, and why</span></h2>",
        r.records_not_judged.len()
    );
    if r.records_not_judged.is_empty() {
        s.push_str("<p>无。<span class=\"en\">None.</span></p>");
        return;
    }
    s.push_str("<table><tr><th class=\"l\">规则</th><th class=\"l\">单位</th><th class=\"l\">记录 <span class=\"en\">record</span></th><th class=\"l\">期间</th><th class=\"l\">原因 <span class=\"en\">reason</span></th></tr>");
    for o in &r.records_not_judged {
        let reason = o.reason.as_deref().unwrap_or("");
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}<br><span class=\"en\">{}: {}</span></td></tr>",
            esc(&o.rule),
            esc(&o.unit),
            esc(&o.subject),
            esc(&o.period.label),
            esc(reason_zh(reason)),
            esc(reason),
            esc(reason_en(reason))
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
    s.push_str("<h2>村（社区）党组织书记每周接待（S1.3） <span class=\"en\">Weekly receptions by village secretaries: green met, red not met, grey not judged</span></h2><div class=\"scroll\"><table class=\"grid\">");
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
    s.push_str("</table></div>");
}

fn opinions(s: &mut String, r: &Report) {
    s.push_str("<h2>超期未反馈的群众意见（S5） <span class=\"en\">Opinions not fed back after their deadline</span></h2><table><tr><th class=\"l\">编号</th><th class=\"l\">单位</th><th class=\"l\">收到至时限</th><th>时限</th><th>已用</th><th class=\"l\">说明</th></tr>");
    for f in r.findings.iter().filter(|f| f.code == "feedback_overdue") {
        let _ = write!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{} 天</td><td class=\"bad\">{} 天</td><td class=\"l\">{}</td></tr>",
            esc(&f.subject),
            esc(&f.unit),
            esc(&f.period.label),
            f.expected,
            f.actual,
            esc(&f.message_zh)
        );
    }
    s.push_str("</table>");
}

fn legend(s: &mut String) {
    s.push_str("<h2>严重程度的含义 <span class=\"en\">What the severities mean</span></h2><table>\
        <tr><td class=\"l\"><span class=\"sev s4\">严重</span></td><td class=\"l\">S3.8 的处理：连续不合格应辞职，或严肃批评、限期整改 <span class=\"en\">S3.8's consequences: resign, or rectify</span></td></tr>\
        <tr><td class=\"l\"><span class=\"sev s3\">较重</span></td><td class=\"l\">群众意见超期、“五必访”未访、困难户无人结对、农户无人联系、承诺未经表决通过而列入 <span class=\"en\">a person left waiting or without contact (S5, S2.3, S2.4, S4.1), a commitment listed against the vote (S3.5)</span></td></tr>\
        <tr><td class=\"l\"><span class=\"sev s2\">一般</span></td><td class=\"l\">年度、任期或程序性要求未达到（走访、民情分析会、承诺、测评、帮扶） <span class=\"en\">a yearly, term or procedural duty short</span></td></tr>\
        <tr><td class=\"l\"><span class=\"sev s1\">轻微</span></td><td class=\"l\">某一周、月或轮次未接待 <span class=\"en\">a missed reception week, month or turn (S1)</span></td></tr></table>");
}
