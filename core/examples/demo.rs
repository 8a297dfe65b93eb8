//! `make demo`: the worked examples of the four rules at the heart, for a person to read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::NaiveDate;
use liaison::*;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date in this file")
}

fn main() -> Result<()> {
    let p = Policy::banan_2008();
    println!("liaison — 巴南委办发〔2008〕43号, policy: {}\n", p.name);

    println!("S5.1–S5.4  群众意见“1234”定期办理反馈");
    println!("  “应在收到反映问题之日起10天内办结，并反馈反映人” (A1: day of receipt not counted; A2: a rest day moves on)");
    for (received, class, why) in [
        (
            "2008-09-25",
            Responsibility::WithinRemit,
            "10-05 is in the National Day holiday (09-29 to 10-05)",
        ),
        (
            "2008-09-17",
            Responsibility::WithinRemit,
            "09-27 is a Saturday made a working day",
        ),
        (
            "2008-12-22",
            Responsibility::WithinRemit,
            "New Year 01-01 to 01-03; Sunday 01-04 is a working day",
        ),
        (
            "2008-01-28",
            Responsibility::OutsideRemit,
            "20 days from the upper level's receipt (A13)",
        ),
        (
            "2008-09-05",
            Responsibility::Unresolvable,
            "30 days to explain why",
        ),
        (
            "2020-12-01",
            Responsibility::LeadUnit,
            "40 days for the leading unit",
        ),
    ] {
        let received = d(received);
        let days = class.days(&p);
        let last = deadline(received, class, &p)?;
        println!(
            "  received {received}  {} {:<13} {days:>2} days → last day {last}   {why}",
            class.digit(),
            class.label_zh()
        );
    }
    let s = feedback_status(
        d("2008-09-25"),
        Responsibility::WithinRemit,
        None,
        Some(d("2008-10-09")),
        &p,
    )?;
    println!(
        "  not fed back by 2008-10-09: {} by {} day(s) (deadline {})",
        s.status.name(),
        s.days,
        s.deadline
    );
    match deadline(d("2026-12-22"), Responsibility::WithinRemit, &p) {
        Ok(day) => println!("  2026-12-22 → {day}"),
        Err(e) => println!(
            "  received 2026-12-22: error {} — {} / {}",
            e.code(),
            e,
            e.message_zh()
        ),
    }

    println!("\nS3.5  民主定诺：“同意票达到三分之二及以上的，列为承诺内容，不同意票超过三分之一的，不列为承诺内容”");
    for (a, dis, ab) in [
        (20, 10, 0),
        (19, 11, 0),
        (19, 10, 1),
        (u64::MAX, u64::MAX, u64::MAX),
    ] {
        let outcome = decide_vote(a, dis, ab, &p, None)?;
        println!(
            "  approve {a:>20}  disapprove {dis:>20}  abstain {ab:>20} → {}",
            outcome.name()
        );
    }

    println!("\nS3.7  满意度测评：“不满意票超过30%的为不合格，满意票达到70%的为合格，满意票超过90%的为优秀”");
    for (s, b, dis) in [
        (70, 0, 30),
        (69, 0, 31),
        (90, 10, 0),
        (91, 9, 0),
        (69, 31, 0),
    ] {
        let g = grade(s, b, dis, &p)?;
        println!(
            "  satisfied {s:>3}  basically {b:>3}  dissatisfied {dis:>3} → {} {}",
            g.name(),
            g.label_zh()
        );
    }

    println!(
        "\nS3.8  评诺结果运用：“不满意率超过50%……限期整改；连续两年综合考评仍然不合格……应主动辞职”"
    );
    let years = [
        YearEvaluation {
            year: 2009,
            satisfied: 60,
            basically_satisfied: 0,
            dissatisfied: 40,
            combined: None,
        },
        YearEvaluation {
            year: 2010,
            satisfied: 40,
            basically_satisfied: 0,
            dissatisfied: 60,
            combined: None,
        },
    ];
    for c in consequences(&years, &p)? {
        println!(
            "  {}: {} because {}",
            c.year,
            c.action.name(),
            c.reason.name()
        );
    }

    println!(
        "\nWhy: the first worked example, step by step (liaison explain deadline 2008-09-25 1)"
    );
    let why = api::call(
        "explain",
        &serde_json::json!({"op": "deadline", "request": {"received": "2008-09-25", "responsibility": 1}}),
    )?;
    for step in why["steps"].as_array().into_iter().flatten() {
        println!(
            "  {:<5} {}\n        {}",
            step["rule"].as_str().unwrap_or(""),
            step["text_zh"].as_str().unwrap_or(""),
            step["text"].as_str().unwrap_or("")
        );
    }

    let shape = synthetic::Shape::default();
    let (district, _) = synthetic::generate(&shape, &p)?;
    let as_of = shape.as_of();
    let a = agenda(&district, as_of, 14, &p)?;
    println!(
        "\nThe agenda of the example district on {as_of}, 14 days ahead (liaison agenda examples/district.json --as-of {as_of}): {} items",
        a.items.len()
    );
    let mut shown: Vec<(&str, AgendaState)> = Vec::new();
    for item in &a.items {
        // One item of each rule and state, to keep it short.
        if shown.contains(&(item.rule.as_str(), item.state)) {
            continue;
        }
        shown.push((&item.rule, item.state));
        let state = match item.state {
            AgendaState::Open => "open",
            AgendaState::DueSoon => "due soon 临期",
            AgendaState::Late => "LATE 逾期",
        };
        println!(
            "  {} ({:>+4} days) {:<13} {:<5} {:<16} {}",
            item.due, item.days_left, state, item.rule, item.subject, item.owed_zh
        );
    }
    Ok(())
}
