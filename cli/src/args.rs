//! The command line, declared with clap: every subcommand, flag and default in one place.
//! Paths are `PathBuf`/`OsString`, so that a path that is not UTF-8 is read, never a panic.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// The default limit on a file or request read by the CLI: the core's
/// [`MAX_FILE_BYTES`](liaison::files::MAX_FILE_BYTES) (1 GiB).
pub const MAX_FILE_BYTES: u64 = liaison::files::MAX_FILE_BYTES;

/// The default limit on a request body of `liaison serve`: 512 MiB. Measured on
/// 2026-11-30: a year of 10 000 villages from `liaison generate --towns 100 --villages 100
/// --years 1 --compliant` (80 000 households, 2.5 M records) is a `check` request of
/// 227 226 187 bytes as compact JSON and 345 704 829 bytes as `generate` writes it
/// (indented); the default holds either.
pub const MAX_BODY_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Parser)]
#[command(
    name = "liaison",
    version,
    about = "Exact, executable rules of 巴南委办发〔2008〕43号: check records, answer the contract as JSON, serve it over HTTP",
    long_about = None,
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true,
    after_help = "Exit status: 0 success (check: every judged rule met; agenda: always, with items or without); 1 check found shortfalls, or call answered with an error; 2 bad arguments or unreadable input or output.\nErrors are coded: `error[code]: message` then the Chinese message, on stderr."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a district's records against S1–S5 and report every shortfall
    Check(CheckArgs),
    /// What falls due within a horizon, and what is already late and can still be done
    Agenda(AgendaArgs),
    /// Why a deadline, a feedback status, a vote or a grade is what it is, step by step
    Explain(ExplainArgs),
    /// Print the rule catalogue: every rule id with the source's words
    Rules,
    /// Write a synthetic district with planted violations (JSON, or a folder of CSV files)
    Generate(GenerateArgs),
    /// Answer one request of the contract (JSON) on stdout, or JSON Lines with --lines
    Call(CallArgs),
    /// Serve the contract over HTTP: POST /v1/{op}, GET /v1/openapi.json, GET /healthz
    Serve(ServeArgs),
    /// Print the contract's types: OpenAPI 3.1 (what `liaison serve` serves), TypeScript or Python
    Schema(SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
}

/// The format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A plain-text table for a terminal
    Table,
    /// The report as JSON (the contract's `Report`)
    Json,
    /// One line per finding
    Csv,
    /// A self-contained HTML page (no scripts; prints on A4)
    Html,
    /// An Excel workbook: findings, per-rule and per-unit sheets (needs --output, or a
    /// stdout that is not a terminal)
    Xlsx,
}

/// The format of an agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    /// A plain-text table for a terminal, headed in Chinese and English
    Table,
    /// The agenda as JSON (the contract's `Agenda`)
    Json,
    /// One line per item
    Csv,
    /// An RFC 5545 calendar: one all-day event per item on its due day
    Ics,
    /// A self-contained HTML page (no scripts; prints on A4)
    Html,
}

/// The text encoding of CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 when the file is valid UTF-8 (with or without a byte-order mark), else GB18030
    Auto,
    /// UTF-8, with or without a byte-order mark
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030, which includes GBK and GB2312 (Excel's "CSV (逗号分隔)" in China)
    #[value(name = "gb18030", alias = "gbk")]
    Gb18030,
}

impl From<EncodingArg> for liaison::dataset::Encoding {
    fn from(e: EncodingArg) -> Self {
        match e {
            EncodingArg::Auto => liaison::dataset::Encoding::Auto,
            EncodingArg::Utf8 => liaison::dataset::Encoding::Utf8,
            EncodingArg::Gb18030 => liaison::dataset::Encoding::Gb18030,
        }
    }
}

/// How a dataset and its policy are read: shared by `check` and `agenda`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// A policy JSON file (fields left out are Banan 2008's), or `-` for stdin
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// A holiday calendar file (`{"years": [...]}`, the format of core/data/cn-holidays.json),
    /// e.g. next year's State Council notice: its years are added to the policy's
    /// `calendar_years`, replacing a year of the same number
    #[arg(long, value_name = "FILE")]
    pub calendar: Vec<PathBuf>,
    /// The text encoding of CSV files
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Read CSV files and workbooks strictly: ISO dates, the names of choices, the
    /// fields' names as headers, money in fen (JSON is always strict)
    #[arg(long)]
    pub strict: bool,
    /// The largest file read, in bytes (for a workbook also what it unpacks to)
    #[arg(long, value_name = "BYTES", default_value_t = MAX_FILE_BYTES)]
    pub max_file_size: u64,
}

#[derive(Debug, Args)]
#[command(
    after_help = "A dataset is a JSON file, a folder of CSV files (UTF-8, GBK or GB18030), an .xlsx workbook\n(one sheet per list), or `-` for JSON on stdin (docs/dataset.md).\nExit status: 0 every judged rule is met; 1 there are findings; 2 bad arguments or input, or\noutput that cannot be written (the coded error on stderr)."
)]
pub struct CheckArgs {
    /// A dataset: a JSON file, a folder of CSV files, an .xlsx workbook, or `-` for JSON on
    /// stdin
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// First day of the judged range
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    /// Last day of the judged range (included)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: String,
    /// The day the records were taken
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    pub as_of: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// The report's format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep every judgement (`outcomes`) in the JSON report; the HTML report and the
    /// workbook always do
    #[arg(long)]
    pub detailed: bool,
    /// List with each finding the records it counted (ids, dates and amounts only); the
    /// HTML report and the workbook always do
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Every obligation open on --as-of that falls due within the horizon, and every one already late that\ncan still be done, by due day (docs/agenda.md). --format ics writes an RFC 5545 calendar to import\ninto a phone's calendar: one all-day event per item on its due day.\nExit status: 0 whenever the agenda was made, with items or without (an agenda is a list of\nthings to do, not a failure: use `check` for a verdict); 2 bad arguments or input, or output\nthat cannot be written."
)]
pub struct AgendaArgs {
    /// A dataset: a JSON file, a folder of CSV files, an .xlsx workbook, or `-` for JSON on
    /// stdin
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// The day the records were taken: today
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    pub as_of: String,
    /// Days ahead to look at
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub horizon: u32,
    #[command(flatten)]
    pub input: InputArgs,
    /// The agenda's format
    #[arg(long, value_enum, default_value_t = AgendaFormat::Table)]
    pub format: AgendaFormat,
    /// Write the agenda to FILE instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The format of an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// The steps for a person, in Chinese and English
    Text,
    /// The contract's answer: `{answer, steps}`
    Json,
}

/// What `explain` shares across its operations.
#[derive(Debug, Args)]
pub struct ExplainCommon {
    /// A policy JSON file (fields left out are Banan 2008's), or `-` for stdin
    #[arg(long, value_name = "FILE", global = true)]
    pub policy: Option<PathBuf>,
    /// A holiday calendar file (`{"years": [...]}`) added to the policy's `calendar_years`
    #[arg(long, value_name = "FILE", global = true)]
    pub calendar: Vec<PathBuf>,
    /// The format
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text, global = true)]
    pub format: ExplainFormat,
}

#[derive(Debug, Args)]
#[command(
    subcommand_required = true,
    arg_required_else_help = true,
    after_help = "Examples:\n  liaison explain deadline 2008-09-25 1\n  liaison explain feedback-status 2008-09-25 职责内 --as-of 2008-10-09\n  liaison explain vote 19 10 1\n  liaison explain grade 70 0 30\nExit status: 0 explained; 2 bad arguments or input (the coded error on stderr)."
)]
pub struct ExplainArgs {
    #[command(subcommand)]
    pub what: Explained,
    #[command(flatten)]
    pub common: ExplainCommon,
}

/// The operations `explain` explains.
#[derive(Debug, Subcommand)]
pub enum Explained {
    /// S5.1–S5.4: the last day to finish a matter and feed it back
    Deadline {
        /// The day the opinion was received
        #[arg(value_name = "RECEIVED")]
        received: String,
        /// 1–4, a name (within_remit, outside_remit, unresolvable, lead_unit) or a label (职责内…)
        #[arg(value_name = "RESPONSIBILITY")]
        responsibility: String,
    },
    /// S5.1–S5.6: the deadline and whether it was, or is being, met
    FeedbackStatus {
        /// The day the opinion was received
        #[arg(value_name = "RECEIVED")]
        received: String,
        /// 1–4, a name or a label
        #[arg(value_name = "RESPONSIBILITY")]
        responsibility: String,
        /// The day it was fed back
        #[arg(long = "fed-back", value_name = "YYYY-MM-DD")]
        fed_back: Option<String>,
        /// The day the records were taken (required without --fed-back)
        #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
    /// S3.5: the outcome of a commitment vote
    #[command(alias = "decide-vote")]
    Vote {
        /// Approving ballots
        approve: u64,
        /// Disapproving ballots
        disapprove: u64,
        /// Abstentions
        #[arg(default_value_t = 0)]
        abstain: u64,
        /// Persons present (a policy with a quorum, A15)
        #[arg(long, value_name = "N")]
        present: Option<u64>,
        /// Persons entitled to attend (a policy with a quorum, A15)
        #[arg(long, value_name = "N")]
        entitled: Option<u64>,
    },
    /// S3.7: the grade of a year-end satisfaction ballot
    Grade {
        /// Satisfied ballots
        satisfied: u64,
        /// Basically satisfied ballots
        #[arg(default_value_t = 0)]
        basically_satisfied: u64,
        /// Dissatisfied ballots
        #[arg(default_value_t = 0)]
        dissatisfied: u64,
    },
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Where to write: a JSON file, a folder with --csv, or `-` for JSON on stdout
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Seed of the pseudo-random choices
    #[arg(long, value_name = "N", default_value_t = 2008)]
    pub seed: u64,
    /// Towns
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub towns: u32,
    /// Villages or communities per town
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub villages: u32,
    /// Households per village
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub households: u32,
    /// First year of the records
    #[arg(long, value_name = "YYYY", default_value_t = 2023)]
    pub first_year: i32,
    /// Years of records (1 to 3)
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub years: i32,
    /// Write a folder of CSV files instead of one JSON file
    #[arg(long)]
    pub csv: bool,
    /// Plant no violations: every rule is met (any number of years, towns and villages)
    #[arg(long)]
    pub compliant: bool,
}

#[derive(Debug, Args)]
#[command(
    override_usage = "liaison call [OPTIONS] OP [FILE|-]\n       liaison call [OPTIONS] --lines [FILE|-]"
)]
#[command(
    after_help = "liaison call OP [FILE|-]: one request (a JSON object) → its answer on stdout, exit 0;\n  a coded error → {\"error\": {code, message, message_zh, loc, rule?}} on stdout, exit 1.\nliaison call --lines [FILE|-]: one {\"op\": ..., \"request\": ...} per line → one {\"answer\": ...}\n  or {\"error\": ...} per line, in order; exit 0 all answered, 1 some errors.\nExit 2: the input cannot be read (no such file, not a regular file, too large, not UTF-8).\nA request's `dataset` may be the path of a JSON file or a folder of CSV files."
)]
pub struct CallArgs {
    /// OP [FILE|-] (without --lines), or [FILE|-] (with --lines); no FILE or `-` reads stdin
    #[arg(value_name = "ARGS", num_args = 0..=2)]
    pub args: Vec<OsString>,
    /// Read JSON Lines: one {"op": ..., "request": ...} a line, one answer a line
    #[arg(long)]
    pub lines: bool,
    /// Write the answers to FILE instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The largest request (with --lines: the longest line) and the largest dataset file
    /// read, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = MAX_FILE_BYTES)]
    pub max_file_size: u64,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0 picks a free port); the first line on stdout says
    /// which
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// The largest request body, in bytes (413 beyond it); the default holds a
    /// 10 000-village year
    #[arg(long, value_name = "BYTES", default_value_t = MAX_BODY_BYTES)]
    pub max_body: u64,
    /// The longest a request may take, in seconds (408 beyond it)
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// The most requests answered at once (503 beyond it)
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub max_in_flight: u64,
}

/// What `schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The OpenAPI 3.1 document of `liaison serve` (also GET /v1/openapi.json)
    Openapi,
    /// TypeScript declarations of every request and answer (the npm package's types)
    Typescript,
    /// Python type stubs of every request and answer (TypedDicts)
    Python,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema
    #[arg(value_enum, default_value_t = SchemaKind::Openapi)]
    pub kind: SchemaKind,
    /// Write it to FILE instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
