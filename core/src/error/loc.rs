//! Where an error is: a list of keys and indexes into the input, as pydantic-core's `loc`.

use super::shown::is_token;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One step of a [`Loc`]: a key (a parameter, a field, a file name) or an index (a list
/// position, or a line number in a CSV file, the header being line 1).
///
/// A key that is not a short ASCII token (see [`is_token`]) is replaced by a description
/// of it, so that an unknown key that happens to be a name never reaches a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum LocItem {
    /// A list position or a line number.
    Index(u64),
    /// A key, a parameter, a field or a file name.
    Key(String),
}

impl LocItem {
    /// A key, described rather than shown when it is not a token.
    pub fn key(key: &str) -> LocItem {
        if is_token(key) {
            LocItem::Key(key.to_string())
        } else {
            LocItem::Key(format!("<a key of {} characters>", key.chars().count()))
        }
    }
}

impl From<&str> for LocItem {
    fn from(key: &str) -> Self {
        LocItem::key(key)
    }
}

impl From<&String> for LocItem {
    fn from(key: &String) -> Self {
        LocItem::key(key)
    }
}

impl From<usize> for LocItem {
    fn from(index: usize) -> Self {
        LocItem::Index(index as u64)
    }
}

impl From<u64> for LocItem {
    fn from(index: u64) -> Self {
        LocItem::Index(index)
    }
}

/// The place an error concerns, outermost first: `["visits", 3, "household"]`,
/// `["visits.csv", 5, "household"]`, `["row", 17, "responsibility"]`; empty for the
/// input as a whole. Written as `visits[3].household` in messages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Loc(pub Vec<LocItem>);

impl Loc {
    /// The items, outermost first.
    pub fn items(&self) -> &[LocItem] {
        &self.0
    }

    /// Whether the error concerns the input as a whole.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first item, when it is a key.
    pub fn first_key(&self) -> Option<&str> {
        match self.0.first() {
            Some(LocItem::Key(k)) => Some(k),
            _ => None,
        }
    }
}

impl<T: Into<LocItem>, const N: usize> From<[T; N]> for Loc {
    fn from(items: [T; N]) -> Self {
        Loc(items.into_iter().map(Into::into).collect())
    }
}

impl fmt::Display for Loc {
    /// `visits[3].household`; `visits.csv[5].household` for a CSV line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.0.iter().enumerate() {
            match item {
                LocItem::Index(n) => write!(f, "[{n}]")?,
                LocItem::Key(k) if i == 0 => f.write_str(k)?,
                LocItem::Key(k) => write!(f, ".{k}")?,
            }
        }
        Ok(())
    }
}
