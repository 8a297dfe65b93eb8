//! The arguments of a register evaluation, and the policies compiled for it lately.

use crate::OnError;
use liaison::api::PolicyDoc;
use liaison::register::RegisterEvaluator;
use serde::Deserialize;
use serde_json::Value;
use std::sync::{Arc, Mutex};

/// The names of the input columns and what to do with bad rows and the input's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The column of the day of receipt.
    pub received: String,
    /// The column of the "1234" class.
    pub responsibility: String,
    /// The column of the day of feedback; none when the register has no such column (no
    /// matter was fed back).
    pub fed_back: Option<String>,
    /// What a bad row does.
    pub errors: OnError,
    /// Whether the input's columns come first in the output.
    pub keep: bool,
    /// Whether the host holds its columns as NumPy arrays (pandas): an `i64::MIN` in a
    /// `timestamp` input column is a missing cell (`NaT`, which pandas hands over as it
    /// is); the answers come as one batch however many threads evaluate it, `deadline` as
    /// `timestamp[ms]` (NumPy's `datetime64[ms]`) and `status` as the `int8` keys of its
    /// categories (the field's metadata `categories` lists them, for
    /// `pandas.Categorical.from_codes`).
    pub numpy: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            received: "received".to_string(),
            responsibility: "responsibility".to_string(),
            fed_back: Some("fed_back".to_string()),
            errors: OnError::Raise,
            keep: false,
            numpy: false,
        }
    }
}

fn default_received() -> String {
    Options::default().received
}

fn default_responsibility() -> String {
    Options::default().responsibility
}

fn default_fed_back() -> Option<String> {
    Options::default().fed_back
}

/// The arguments of a register evaluation as a host sends them (Python's keywords):
/// snake_case keys, unknown keys refused, read with the core's coded reader.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// The day the register was taken, ISO `YYYY-MM-DD`.
    pub as_of: Value,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
    /// `raise` or `column`.
    #[serde(default)]
    pub errors: OnError,
    /// The column of the day of receipt.
    #[serde(default = "default_received")]
    pub received: String,
    /// The column of the class.
    #[serde(default = "default_responsibility")]
    pub responsibility: String,
    /// The column of the day of feedback, or null for none.
    #[serde(default = "default_fed_back")]
    pub fed_back: Option<String>,
    /// Whether the input's columns come first.
    #[serde(default)]
    pub keep: bool,
    /// Whether the host holds its columns as NumPy arrays (see [`Options::numpy`]).
    #[serde(default)]
    pub numpy: bool,
}

/// The policies last compiled by [`Register::from_request`], by their document (null for
/// Banan 2008), newest last: compiling a policy's deadlines takes milliseconds, as long as
/// evaluating a million rows, and a host usually asks again with the same policy.
static COMPILED: Mutex<Vec<(Value, Arc<RegisterEvaluator>)>> = Mutex::new(Vec::new());

/// How many compiled policies [`COMPILED`] keeps (each about 120 KB).
const KEEP_COMPILED: usize = 4;

pub(super) fn cached(key: &Value) -> Option<Arc<RegisterEvaluator>> {
    let compiled = COMPILED.lock().ok()?;
    compiled
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, e)| Arc::clone(e))
}

pub(super) fn remember(key: Value, evaluator: Arc<RegisterEvaluator>) {
    if let Ok(mut compiled) = COMPILED.lock() {
        compiled.retain(|(k, _)| k != &key);
        if compiled.len() >= KEEP_COMPILED {
            compiled.remove(0);
        }
        compiled.push((key, evaluator));
    }
}
