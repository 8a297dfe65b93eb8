//! `liaison` — check a district's records against 巴南委办发〔2008〕43号, answer the
//! contract (`liaison::api`) as JSON on stdin/stdout, and serve it over HTTP.
//!
//! ```text
//! liaison check PATH --from DATE --to DATE --as-of DATE [--policy FILE] [--calendar FILE] [--encoding auto|utf-8|gb18030] [--strict]
//!               [--format table|json|csv|html|xlsx] [--output FILE] [--detailed] [--max-file-size BYTES]
//! liaison agenda PATH --as-of DATE [--horizon 14] [--policy FILE] [--calendar FILE] [--encoding …] [--strict]
//!               [--format table|json|csv|ics|html] [--output FILE]
//! liaison explain deadline RECEIVED RESPONSIBILITY | feedback-status RECEIVED RESPONSIBILITY [--fed-back D] [--as-of D]
//!               | vote APPROVE DISAPPROVE [ABSTAIN] | grade SATISFIED [BASICALLY] [DISSATISFIED]   [--policy FILE] [--format text|json]
//! liaison rules
//! liaison generate PATH [--seed N] [--towns N] [--villages N] [--households N] [--first-year Y] [--years N] [--csv]
//! liaison call OP [FILE|-]            liaison call --lines [FILE|-]
//! liaison serve [--listen 127.0.0.1:8080] [--max-body BYTES] [--timeout SECONDS] [--max-in-flight N]
//! liaison schema [openapi|typescript|python]     liaison completions SHELL
//! ```
//! Exit status: 0 success (`check`: every judged rule met; `agenda`: the agenda was made, with
//! items or without); 1 `check` found shortfalls or `call` answered with an error; 2 bad arguments, unreadable input or unwritable output.
//! A closed pipe on stdout ends the output quietly, with the status the command would have.

mod agenda;
mod args;
mod call;
mod check;
mod explain;
mod input;
mod out;
mod render;
mod serve;

use args::{Cli, Command};
use clap::{CommandFactory, Parser};
use liaison::Error;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            out::report(&e);
            ExitCode::from(2)
        }
    }
}

/// Help, the version, or a usage error (exit 2, with clap's suggestion for a misspelt
/// flag). Help goes to stdout through [`out::Out`], so that a full disk is a coded error.
fn usage(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    let rendered = e.render();
    if e.use_stderr() {
        let stderr = std::io::stderr();
        let text = if out::colour(stderr.is_terminal()) {
            rendered.ansi().to_string()
        } else {
            rendered.to_string()
        };
        let _ = stderr.lock().write_all(text.as_bytes());
        return ExitCode::from(code);
    }
    let text = if out::colour(std::io::stdout().is_terminal()) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let mut stdout = out::Out::stdout();
    match stdout.write(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::from(code),
        Err(e) => {
            out::report(&e);
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Check(a) => check::check(&a),
        Command::Agenda(a) => agenda::agenda(&a),
        Command::Explain(a) => explain::explain(&a),
        Command::Rules => rules(),
        Command::Generate(a) => check::generate(&a),
        Command::Call(a) => call::call(&a),
        Command::Serve(a) => serve::serve(&a),
        Command::Schema(a) => {
            let mut o = out::Out::open(a.output.as_deref())?;
            match a.kind {
                args::SchemaKind::Openapi => o.json(&liaison::api::schema::openapi(), true)?,
                args::SchemaKind::Typescript => {
                    o.line(&liaison::api::schema::typescript::typescript())?
                }
                args::SchemaKind::Python => o.line(&liaison::api::schema::python::python_stubs())?,
            }
            o.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions(a) => {
            // clap_complete panics when its writer fails: write to memory, then out.
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "liaison", &mut script);
            let mut o = out::Out::stdout();
            o.write(&script)?;
            o.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn rules() -> Result<ExitCode, Error> {
    let mut o = out::Out::stdout();
    for r in liaison::rules::RULES {
        o.line(&format!(
            "{:5} {}\n      {}\n      → {}",
            r.id, r.gloss, r.source_zh, r.implemented_by
        ))?;
    }
    o.flush()?;
    Ok(ExitCode::SUCCESS)
}
