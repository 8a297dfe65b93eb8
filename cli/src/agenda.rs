//! `liaison agenda`: what falls due within a horizon, and what is already late and can
//! still be done (`liaison::agenda`, docs/agenda.md), for a person (a table, an HTML page),
//! a phone's calendar (an RFC 5545 `.ics` file) or a program (JSON, CSV).
//!
//! Exit status: 0 whenever the agenda was made, empty or not — an agenda is a list of
//! things to do, not a verdict (`check` gives one); 2 bad arguments or input, or output
//! that cannot be written.

use crate::args::{AgendaArgs, AgendaFormat};
use crate::check::LONG_INPUT;
use crate::input::{self, date, record_count};
use crate::out::{self, Out};
use crate::render;
use liaison::{Error, Loc, LocItem};
use std::process::ExitCode;
use std::time::Instant;

pub fn agenda(a: &AgendaArgs) -> Result<ExitCode, Error> {
    let as_of = date("--as-of", &a.as_of)?;
    input::one_stdin(
        std::iter::once(a.path.as_path())
            .chain(a.input.policy.as_deref())
            .chain(a.input.calendar.iter().map(|p| p.as_path())),
    )?;
    let policy = input::input_policy(&a.input)?;
    let started = Instant::now();
    let data = input::dataset(&a.path, &a.input)?;
    let long = record_count(&data) > LONG_INPUT;
    let agenda = liaison::agenda(&data, as_of, a.horizon, &policy).map_err(|e| {
        // The contract's parameter is the CLI's flag.
        if e.loc().first_key() == Some("horizon_days") {
            e.with_loc(Loc(vec![LocItem::key("--horizon")]))
        } else {
            e
        }
    })?;
    if long {
        out::note(&format!(
            "read and scheduled in {:.1} s",
            started.elapsed().as_secs_f64()
        ));
    }
    let mut o = Out::open(a.output.as_deref())?;
    match a.format {
        AgendaFormat::Table => o.line(&render::agenda::table(&agenda))?,
        AgendaFormat::Json => o.json(&agenda, true)?,
        AgendaFormat::Csv => o.line(&render::agenda::csv(&agenda))?,
        AgendaFormat::Ics => o.write(render::ics::calendar(&agenda, &policy.name).as_bytes())?,
        AgendaFormat::Html => o.line(&render::agenda::html(&agenda, &policy.name))?,
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}
