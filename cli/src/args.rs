//! A small argument parser: `COMMAND [POSITIONAL…] [--name VALUE…] [--flag…]`.

use liaison::convert::parse_date;
use liaison::Error;
use std::collections::HashMap;

const FLAGS: &[&str] = &["csv"];

pub struct Args {
    pub command: String,
    positional: Vec<String>,
    options: HashMap<String, String>,
}

fn bad(field: &str, detail: &str) -> Error {
    Error::InvalidInput {
        field: field.to_string(),
        detail: detail.to_string(),
    }
}

impl Args {
    pub fn parse(argv: &[String]) -> Result<Args, Error> {
        let mut it = argv.iter();
        let command = it.next().cloned().unwrap_or_else(|| "help".to_string());
        let (mut positional, mut options) = (Vec::new(), HashMap::new());
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                let (name, value) = match name.split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    None if FLAGS.contains(&name) => (name.to_string(), "true".to_string()),
                    None => {
                        let v = it.next().ok_or_else(|| bad(a, "needs a value"))?;
                        (name.to_string(), v.clone())
                    }
                };
                options.insert(name, value);
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Args {
            command,
            positional,
            options,
        })
    }

    pub fn positional(&self, i: usize, name: &str) -> Result<&str, Error> {
        self.positional
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| bad(name, "is required"))
    }

    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.options.contains_key(name)
    }

    pub fn date(&self, name: &str) -> Result<chrono::NaiveDate, Error> {
        let field = format!("--{name}");
        let text = self
            .option(name)
            .ok_or_else(|| bad(&field, "is required"))?;
        parse_date(&field, text)
    }

    pub fn number(&self, name: &str, default: u64) -> Result<u64, Error> {
        match self.option(name) {
            None => Ok(default),
            Some(t) => t.parse().map_err(|_| Error::InvalidCount {
                field: format!("--{name}"),
            }),
        }
    }

    /// A number that fits in `u32` (counts of towns, years…).
    pub fn small(&self, name: &str, default: u32) -> Result<u32, Error> {
        let n = self.number(name, u64::from(default))?;
        u32::try_from(n).map_err(|_| Error::InvalidCount {
            field: format!("--{name}"),
        })
    }
}
