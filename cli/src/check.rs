//! `liaison check` and `liaison generate`.

use crate::args::{CheckArgs, Format, GenerateArgs};
use crate::input::{self, date, record_count};
use crate::out::{self, invalid, is_dash, place, write_error, Out};
use crate::render;
use liaison::dataset::Dataset;
use liaison::synthetic::{compliant, generate as generate_district, Shape};
use liaison::{CheckOptions, Error, Policy};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Records above which progress is reported on stderr.
pub const LONG_INPUT: usize = 100_000;

/// `check`: 0 when every judged rule is met, 1 when there are findings.
pub fn check(a: &CheckArgs) -> Result<ExitCode, Error> {
    let (from, to, as_of) = (
        date("--from", &a.from)?,
        date("--to", &a.to)?,
        date("--as-of", &a.as_of)?,
    );
    input::one_stdin(
        std::iter::once(a.path.as_path())
            .chain(a.input.policy.as_deref())
            .chain(a.input.calendar.iter().map(|p| p.as_path())),
    )?;
    if a.format == Format::Xlsx && writes_to_terminal(a.output.as_deref()) {
        return Err(invalid(
            "an .xlsx workbook is not text: give --output FILE, or redirect stdout",
            "xlsx 工作簿不是文本：请给出 --output FILE，或重定向标准输出",
        ));
    }
    let policy = input::input_policy(&a.input)?;
    let started = Instant::now();
    let data = input::dataset(&a.path, &a.input)?;
    let records = record_count(&data);
    let long = records > LONG_INPUT;
    if long {
        out::note(&format!(
            "read {records} records in {:.1} s; checking…",
            started.elapsed().as_secs_f64()
        ));
    }
    let for_people = matches!(a.format, Format::Html | Format::Xlsx);
    let options = CheckOptions {
        detailed: for_people || a.detailed,
        explain: for_people || a.explain,
    };
    let report = liaison::check_with(&data, from, to, as_of, &policy, options)?;
    if long {
        out::note(&format!(
            "checked in {:.1} s",
            started.elapsed().as_secs_f64()
        ));
    }
    // The workbook is made before the output is opened, so that a failure leaves no file.
    let names = render::findings::unit_names(&data);
    let workbook = match a.format {
        Format::Xlsx => Some(render::xlsx(&report, &names)?),
        _ => None,
    };
    let mut o = Out::open(a.output.as_deref())?;
    match a.format {
        Format::Table => o.line(&render::table(&report))?,
        Format::Json => o.json(&report, true)?,
        Format::Csv => o.line(&render::csv(&report))?,
        Format::Html => o.line(&render::html(&report, &names))?,
        Format::Xlsx => o.write(workbook.as_deref().unwrap_or_default())?,
    }
    o.flush()?;
    Ok(if report.all_met() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Whether a binary output would go to a terminal.
fn writes_to_terminal(output: Option<&Path>) -> bool {
    match output {
        None => std::io::stdout().is_terminal(),
        Some(p) => is_dash(p) && std::io::stdout().is_terminal(),
    }
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
