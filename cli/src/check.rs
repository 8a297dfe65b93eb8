//! `liaison check` and `liaison generate`.

use crate::args::{CheckArgs, Format, GenerateArgs};
use crate::out::{self, invalid, is_dash, place, read_input, write_error, Out};
use crate::render;
use liaison::dataset::Dataset;
use liaison::error::LocItem;
use liaison::synthetic::{compliant, generate as generate_district, Shape};
use liaison::{Error, Policy};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Records above which progress is reported on stderr.
const LONG_INPUT: usize = 100_000;

/// A date argument (`--from`), its errors placed at the flag.
fn date(flag: &'static str, text: &str) -> Result<chrono::NaiveDate, Error> {
    liaison::de::parse_date(text).map_err(|e| e.at(flag))
}

/// The place of an input: its file name, or `stdin`.
fn source(path: &Path) -> LocItem {
    if is_dash(path) {
        LocItem::key("stdin")
    } else {
        place(path)
    }
}

fn policy(path: Option<&Path>, max: u64) -> Result<Policy, Error> {
    match path {
        None => Ok(Policy::banan_2008()),
        Some(path) => {
            let text = read_input(path, max)?;
            Policy::from_json(&text).map_err(|e| e.at(source(path)))
        }
    }
}

fn dataset(path: &Path, max: u64) -> Result<Dataset, Error> {
    if is_dash(path) {
        let text = out::read_stdin(max)?;
        Dataset::from_json(&text).map_err(|e| e.at("stdin"))
    } else {
        Dataset::from_path_limited(path, max)
    }
}

/// `check`: 0 when every judged rule is met, 1 when there are findings.
pub fn check(a: &CheckArgs) -> Result<ExitCode, Error> {
    let (from, to, as_of) = (
        date("--from", &a.from)?,
        date("--to", &a.to)?,
        date("--as-of", &a.as_of)?,
    );
    if is_dash(&a.path) && a.policy.as_deref().is_some_and(is_dash) {
        return Err(invalid(
            "only one of PATH and --policy can be `-` (stdin)",
            "PATH 与 --policy 只能有一个为 `-`（标准输入）",
        ));
    }
    let policy = policy(a.policy.as_deref(), a.max_file_size)?;
    let started = Instant::now();
    let data = dataset(&a.path, a.max_file_size)?;
    let records = record_count(&data);
    let long = records > LONG_INPUT;
    if long {
        out::note(&format!(
            "read {records} records in {:.1} s; checking…",
            started.elapsed().as_secs_f64()
        ));
    }
    let report = if a.format == Format::Html || a.detailed {
        liaison::check_detailed(&data, from, to, as_of, &policy)?
    } else {
        liaison::check(&data, from, to, as_of, &policy)?
    };
    if long {
        out::note(&format!(
            "checked in {:.1} s",
            started.elapsed().as_secs_f64()
        ));
    }
    let mut o = Out::open(a.output.as_deref())?;
    match a.format {
        Format::Table => o.line(&render::table(&report))?,
        Format::Json => o.json(&report, true)?,
        Format::Csv => o.line(&render::csv(&report))?,
        Format::Html => o.line(&render::html(&report))?,
    }
    o.flush()?;
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

/// `generate`: a synthetic district as a JSON file, a folder of CSV files or JSON on
/// stdout.
pub fn generate(a: &GenerateArgs) -> Result<ExitCode, Error> {
    let shape = Shape {
        seed: a.seed,
        towns: a.towns,
        villages_per_town: a.villages,
        households_per_village: a.households,
        first_year: a.first_year,
        years: a.years,
    };
    if a.csv && is_dash(&a.path) {
        return Err(invalid(
            "--csv writes a folder: give its path, not `-`",
            "--csv 写入文件夹：请给出其路径，而不是 `-`",
        ));
    }
    let policy = Policy::banan_2008();
    let (data, planted) = if a.compliant {
        (compliant(&shape, &policy)?, Vec::new())
    } else {
        generate_district(&shape, &policy)?
    };
    if is_dash(&a.path) {
        let mut o = Out::stdout();
        o.json(&data, true)?;
        o.flush()?;
    } else if a.csv {
        render::write_csv_dir(&data, &a.path).map_err(|e| write_error(place(&a.path), &e))?;
    } else {
        write_json_file(&a.path, &data)?;
    }
    let (from, to) = shape.range();
    let written = if is_dash(&a.path) {
        "stdout".to_string()
    } else {
        a.path.display().to_string()
    };
    out::note(&format!(
        "wrote {written}: {} units, {} people, {} households, {} records; {} planted violations; check it with --from {from} --to {to} --as-of {}",
        data.units.len(),
        data.people.len(),
        data.households.len(),
        record_count(&data),
        planted.len(),
        shape.as_of()
    ));
    Ok(ExitCode::SUCCESS)
}

fn write_json_file(path: &Path, data: &Dataset) -> Result<(), Error> {
    let fail = |e: &std::io::Error| write_error(place(path), e);
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    serde_json::to_writer_pretty(&mut w, data).map_err(|e| {
        fail(&std::io::Error::from(
            e.io_error_kind().unwrap_or(std::io::ErrorKind::Other),
        ))
    })?;
    w.write_all(b"\n").map_err(|e| fail(&e))?;
    w.flush().map_err(|e| fail(&e))
}
