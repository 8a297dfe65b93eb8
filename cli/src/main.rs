//! `liaison` — check a district's records against 巴南委办发〔2008〕43号.
//!
//! ```text
//! liaison check PATH --from DATE --to DATE --as-of DATE [--policy FILE] [--format table|json|csv|html]
//! liaison rules
//! liaison generate OUT [--seed N] [--towns N] [--villages N] [--households N] [--first-year Y] [--years N] [--csv]
//! ```
//! Exit status of `check`: 0 when every judged rule is met, 1 when there are findings,
//! 2 on bad input.

mod args;
mod render;

use args::Args;
use liaison::dataset::Dataset;
use liaison::synthetic::{generate, Shape};
use liaison::{check, check_detailed, Error, Policy};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage:
  liaison check PATH --from YYYY-MM-DD --to YYYY-MM-DD --as-of YYYY-MM-DD [--policy FILE] [--format table|json|csv|html]
  liaison rules
  liaison generate OUT.json|OUT_DIR [--seed N] [--towns N] [--villages N] [--households N] [--first-year YYYY] [--years N] [--csv]";

/// Records above which progress is reported on stderr.
const LONG_INPUT: usize = 100_000;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error [{}]: {e}\n错误：{}", e.code(), e.message_zh());
            ExitCode::from(2)
        }
    }
}

fn run(argv: &[String]) -> Result<ExitCode, Error> {
    let args = Args::parse(argv)?;
    match args.command.as_str() {
        "check" => check_command(&args),
        "rules" => {
            for r in liaison::rules::RULES {
                println!(
                    "{:5} {}\n      {}\n      → {}",
                    r.id, r.gloss, r.source_zh, r.implemented_by
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        "generate" => generate_command(&args),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Error::InvalidInput {
            field: "command".to_string(),
            detail: format!("unknown command `{other}`\n{USAGE}"),
        }),
    }
}

fn policy(args: &Args) -> Result<Policy, Error> {
    match args.option("policy") {
        None => Ok(Policy::banan_2008()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
                path: path.to_string(),
                detail: e.kind().to_string(),
            })?;
            Policy::from_json(&text)
        }
    }
}

fn check_command(args: &Args) -> Result<ExitCode, Error> {
    let path = args.positional(0, "PATH")?;
    let (from, to, as_of) = (args.date("from")?, args.date("to")?, args.date("as-of")?);
    let policy = policy(args)?;
    let format = args.option("format").unwrap_or("table");
    let started = Instant::now();
    let data = Dataset::from_path(Path::new(path))?;
    let records = record_count(&data);
    if records > LONG_INPUT {
        eprintln!(
            "read {records} records in {:.1} s; checking…",
            started.elapsed().as_secs_f64()
        );
    }
    let report = if format == "html" {
        check_detailed(&data, from, to, as_of, &policy)?
    } else {
        check(&data, from, to, as_of, &policy)?
    };
    if records > LONG_INPUT {
        eprintln!("checked in {:.1} s", started.elapsed().as_secs_f64());
    }
    let text = match format {
        "table" => render::table(&report),
        "json" => serde_json::to_string_pretty(&report).unwrap_or_default(),
        "csv" => render::csv(&report),
        "html" => render::html(&report),
        other => {
            return Err(Error::InvalidInput {
                field: "--format".to_string(),
                detail: format!("`{other}` is not one of table, json, csv, html"),
            })
        }
    };
    if text.ends_with('\n') {
        print!("{text}");
    } else {
        println!("{text}");
    }
    Ok(if report.all_met() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn record_count(d: &Dataset) -> usize {
    d.receptions.len()
        + d.visits.len()
        + d.opinions.len()
        + d.meetings.len()
        + d.aid.len()
        + d.deeds.len()
}

fn generate_command(args: &Args) -> Result<ExitCode, Error> {
    let out = args.positional(0, "OUT")?;
    let d = Shape::default();
    let shape = Shape {
        seed: args.number("seed", d.seed)?,
        towns: args.small("towns", d.towns)?,
        villages_per_town: args.small("villages", d.villages_per_town)?,
        households_per_village: args.small("households", d.households_per_village)?,
        first_year: i32::try_from(args.small("first-year", 2023)?).unwrap_or(d.first_year),
        years: i32::try_from(args.small("years", 3)?).unwrap_or(d.years),
    };
    let (data, planted) = generate(&shape, &Policy::banan_2008())?;
    let io = |e: std::io::Error| Error::Io {
        path: out.to_string(),
        detail: e.kind().to_string(),
    };
    if args.flag("csv") {
        render::write_csv_dir(&data, Path::new(out)).map_err(io)?;
    } else {
        std::fs::write(out, serde_json::to_string_pretty(&data).unwrap_or_default()).map_err(io)?;
    }
    let (from, to) = shape.range();
    eprintln!(
        "wrote {out}: {} units, {} people, {} households, {} records; {} planted violations; check it with --from {from} --to {to} --as-of {}",
        data.units.len(),
        data.people.len(),
        data.households.len(),
        record_count(&data),
        planted.len(),
        shape.as_of()
    );
    Ok(ExitCode::SUCCESS)
}
