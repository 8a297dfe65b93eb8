//! Paths into a form document and the collector of errors, which renders their messages
//! and puts them in form order (see [`super::validate_form`]).

use super::codes::{render, FieldCode};
use super::table::{find, Field, Kind};
use super::FieldError;
use crate::{Loc, LocItem};
use std::cmp::Ordering;

/// One step of a path.
#[derive(Debug, Clone)]
enum Seg {
    /// A key of the table, with its position and label.
    Known {
        key: &'static str,
        position: usize,
        label_zh: &'static str,
    },
    /// A key that is not in the table.
    Unknown(String),
    /// An item of a list.
    Item(usize),
}

/// A path into a form document, e.g. `members[2].age`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Path(Vec<Seg>);

impl Path {
    /// The root of the document.
    pub(crate) fn root() -> Path {
        Path(Vec::new())
    }

    fn with(&self, seg: Seg) -> Path {
        let mut segs = self.0.clone();
        segs.push(seg);
        Path(segs)
    }

    /// The field at `position` of the table.
    pub(crate) fn field(&self, field: &'static Field, position: usize) -> Path {
        self.with(Seg::Known {
            key: field.key,
            position,
            label_zh: field.label_zh,
        })
    }

    /// A key that is not on the form.
    pub(crate) fn unknown(&self, key: &str) -> Path {
        self.with(Seg::Unknown(key.to_string()))
    }

    /// An item of a list.
    pub(crate) fn item(&self, index: usize) -> Path {
        self.with(Seg::Item(index))
    }

    /// The path of a field given by its keys from the root of `fields`; `None` when the
    /// table has no such field.
    pub(crate) fn of(fields: &'static [Field], keys: &[&str]) -> Option<Path> {
        let mut path = Path::root();
        let mut table = fields;
        for (depth, key) in keys.iter().enumerate() {
            let (position, field) = find(table, key)?;
            path = path.field(field, position);
            if depth + 1 < keys.len() {
                table = match field.kind {
                    Kind::Object(inner) => inner,
                    _ => return None,
                };
            }
        }
        Some(path)
    }

    /// The place of the path: `["visitor", "phone"]`, `["members", 2, "age"]`, `[]` for
    /// the root. An unknown key that is not a short token is described, never shown.
    pub(crate) fn loc(&self) -> Loc {
        Loc(self
            .0
            .iter()
            .map(|seg| match seg {
                Seg::Known { key, .. } => LocItem::key(key),
                Seg::Unknown(key) => LocItem::key(key),
                Seg::Item(i) => LocItem::from(*i),
            })
            .collect())
    }

    /// The path as text: `visitor.phone`, `members[2].age`, `` for the root.
    pub(crate) fn text(&self) -> String {
        self.loc().to_string()
    }

    /// The Chinese labels of the path: `来访群众情况·联系电话`, `被访家庭成员基本情况·第3项·年龄`.
    /// Unknown keys are not shown (they may be personal data).
    pub(crate) fn label_zh(&self, form_label: &str) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .filter_map(|seg| match seg {
                Seg::Known { label_zh, .. } => Some((*label_zh).to_string()),
                Seg::Item(i) => Some(format!("第{}项", i.saturating_add(1))),
                Seg::Unknown(_) => None,
            })
            .collect();
        if parts.is_empty() {
            form_label.to_string()
        } else {
            parts.join("·")
        }
    }

    /// The path without its last step.
    fn parent(&self) -> Path {
        let mut segs = self.0.clone();
        segs.pop();
        Path(segs)
    }

    /// The sort key: table positions, unknown keys after known ones, items by index.
    fn cmp_key(&self, other: &Path) -> Ordering {
        for (a, b) in self.0.iter().zip(other.0.iter()) {
            let o = match (a, b) {
                (Seg::Known { position: x, .. }, Seg::Known { position: y, .. }) => x.cmp(y),
                (Seg::Known { .. }, Seg::Unknown(_)) => Ordering::Less,
                (Seg::Unknown(_), Seg::Known { .. }) => Ordering::Greater,
                (Seg::Unknown(x), Seg::Unknown(y)) => x.cmp(y),
                (Seg::Item(x), Seg::Item(y)) => x.cmp(y),
                (Seg::Item(_), _) => Ordering::Less,
                (_, Seg::Item(_)) => Ordering::Greater,
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        self.0.len().cmp(&other.0.len())
    }
}

/// Collects the errors of one validation.
pub(crate) struct Out {
    form_label: &'static str,
    form_rule: &'static str,
    rows: Vec<(Path, FieldError)>,
}

impl Out {
    pub(crate) fn new(form_label: &'static str, form_rule: &'static str) -> Out {
        Out {
            form_label,
            form_rule,
            rows: Vec::new(),
        }
    }

    /// The rule id of the form (F1–F5).
    pub(crate) fn form_rule(&self) -> &'static str {
        self.form_rule
    }

    /// Adds an error. `params` fill the templates besides `{field}` and `{label}`.
    pub(crate) fn push(
        &mut self,
        path: &Path,
        code: FieldCode,
        rule: &str,
        params: &[(&str, String)],
    ) {
        let mut all: Vec<(&str, String)> = vec![
            ("field", path.text()),
            ("label", path.label_zh(self.form_label)),
        ];
        if code == FieldCode::UnknownField {
            let parent = path.parent();
            let (within, within_zh) = if parent.0.is_empty() {
                (String::new(), "表单".to_string())
            } else {
                (
                    format!(" in `{}`", parent.text()),
                    format!("「{}」", parent.label_zh(self.form_label)),
                )
            };
            all.push(("within", within));
            all.push(("within_zh", within_zh));
        }
        all.extend(params.iter().map(|(k, v)| (*k, v.clone())));
        let mut message = render(code.template_en(), &all);
        if path.0.is_empty() {
            // The document itself: "`` must be an object" reads "the form must be an object".
            message = message.replace("``", "the form");
        }
        let error = FieldError {
            loc: path.loc(),
            code,
            message,
            message_zh: render(code.template_zh(), &all),
            rule: rule.to_string(),
        };
        self.rows.push((path.clone(), error));
    }

    /// Adds an error that compares `path` with another field, which `{other}` and
    /// `{other_zh}` name.
    pub(crate) fn push_vs(
        &mut self,
        path: &Path,
        code: FieldCode,
        rule: &str,
        other: &Path,
        params: &[(&str, String)],
    ) {
        let mut all = vec![
            ("other", other.text()),
            ("other_zh", other.label_zh(self.form_label)),
        ];
        all.extend(params.iter().map(|(k, v)| (*k, v.clone())));
        self.push(path, code, rule, &all);
    }

    /// The errors in form order (stable: same-field errors keep their order).
    pub(crate) fn finish(mut self) -> Vec<FieldError> {
        self.rows.sort_by(|(a, _), (b, _)| a.cmp_key(b));
        self.rows.into_iter().map(|(_, e)| e).collect()
    }
}
