//! What `check`, `agenda` and `explain` read: dates from flags, a policy (with calendar
//! files added), and a dataset through the core's readers.

use crate::args::InputArgs;
use crate::out::{self, invalid, is_dash, place, read_input};
use liaison::dataset::{Dataset, ReadOptions};
use liaison::error::LocItem;
use liaison::{CalendarYear, Error, HolidayCalendar, Policy};
use std::path::{Path, PathBuf};

/// A date argument (`--from`), its errors placed at the flag.
pub fn date(flag: &'static str, text: &str) -> Result<chrono::NaiveDate, Error> {
    liaison::de::parse_date(text).map_err(|e| e.at(flag))
}

/// The place of an input: its file name, or `stdin`.
pub fn source(path: &Path) -> LocItem {
    if is_dash(path) {
        LocItem::key("stdin")
    } else {
        place(path)
    }
}

/// Refuses two inputs that both want stdin.
///
/// # Errors
/// `invalid_input` when more than one of `paths` is `-`.
pub fn one_stdin<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Result<(), Error> {
    if paths.into_iter().filter(|p| is_dash(p)).count() > 1 {
        return Err(invalid(
            "only one of PATH, --policy and --calendar can be `-` (stdin)",
            "PATH、--policy 与 --calendar 只能有一个为 `-`（标准输入）",
        ));
    }
    Ok(())
}

/// The policy of `--policy` (Banan 2008 without one), with the years of every `--calendar`
/// file added to its `calendar_years`: a year given in a file replaces the policy's own
/// year of that number (and the built-in one), and files given later win.
///
/// # Errors
/// `invalid_policy` for a bad policy file, `invalid_calendar` for a bad calendar file (at
/// its name), and the errors of reading either.
pub fn policy(path: Option<&Path>, calendars: &[PathBuf], max: u64) -> Result<Policy, Error> {
    let mut policy = match path {
        None => Policy::banan_2008(),
        Some(path) => {
            let text = read_input(path, max)?;
            Policy::from_json(&text).map_err(|e| e.at(source(path)))?
        }
    };
    if calendars.is_empty() {
        return Ok(policy);
    }
    for file in calendars {
        let text = read_input(file, max)?;
        let years: Vec<CalendarYear> = HolidayCalendar::from_json(&text)
            .map_err(|e| e.at(source(file)))?
            .years()
            .to_vec();
        policy
            .calendar_years
            .retain(|own| !years.iter().any(|y| y.year == own.year));
        policy.calendar_years.extend(years);
    }
    policy.calendar_years.sort_by_key(|y| y.year);
    policy.validate()?;
    Ok(policy)
}

/// The policy of a command's input flags.
///
/// # Errors
/// As [`policy`].
pub fn input_policy(a: &InputArgs) -> Result<Policy, Error> {
    policy(a.policy.as_deref(), &a.calendar, a.max_file_size)
}

/// The dataset at `path` (JSON on stdin for `-`), read as the flags say.
///
/// # Errors
/// The core's reading errors, at the file, line and column (`docs/dataset.md`).
pub fn dataset(path: &Path, a: &InputArgs) -> Result<Dataset, Error> {
    if is_dash(path) {
        let text = out::read_stdin(a.max_file_size)?;
        Dataset::from_json(&text).map_err(|e| e.at("stdin"))
    } else {
        Dataset::from_path_with(
            path,
            &ReadOptions {
                max_bytes: a.max_file_size,
                encoding: a.encoding.into(),
                strict: a.strict,
            },
        )
    }
}

/// Every record of a dataset, for progress notes.
pub fn record_count(d: &Dataset) -> usize {
    d.receptions.len()
        + d.visits.len()
        + d.opinions.len()
        + d.meetings.len()
        + d.aid.len()
        + d.deeds.len()
}
