//! The field tables: one static table per form, in the order of the paper form.
//!
//! The validator ([`super::walk`]), the JSON Schema ([`super::schema`]), the redaction
//! ([`super::redact`]), [`super::form_fields`] and the Chinese messages are all read from
//! these tables, so they cannot drift apart.

/// Personal data a text field holds, which decides how [`super::redact`] masks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pii {
    /// Not personal data (free text is still scanned for ID numbers).
    None,
    /// A person's name: first character kept.
    Name,
    /// An address or place: the first characters kept.
    Address,
}

/// One accepted value of a choice field: the snake_case name and the Chinese label
/// printed on the form (both are accepted as input).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Choice {
    pub name: &'static str,
    pub label_zh: &'static str,
}

/// What a field holds.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// A string of at most `max` characters (Unicode scalar values).
    Text { max: usize, pii: Pii },
    /// A mainland mobile number or a landline number with its area code.
    Phone,
    /// An ISO `YYYY-MM-DD` date.
    Date,
    /// A whole number in `min..=max`.
    Integer { min: i64, max: i64 },
    /// Yuan: a number ≥ 0 with at most 2 decimal places, at most [`MONEY_MAX`].
    Money,
    /// Square metres: a number > 0 and at most [`AREA_MAX`].
    Area,
    /// `true`/`false`, or the Chinese 是/否.
    Flag,
    /// One of the choices, by name or Chinese label.
    Choice(&'static [Choice]),
    /// An F2 serial number: `{year, number}` or `（2008）年第12号`.
    Serial,
    /// A "1234" class of S5: name, digit 1–4 (number or string) or Chinese label.
    Responsibility,
    /// A nested object (a group of the paper form).
    Object(&'static [Field]),
    /// A list of objects (rows of the paper form), at most `max` items.
    List { item: &'static [Field], max: usize },
}

impl Kind {
    /// The short name of the kind, as listed by [`super::form_fields`].
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Text { pii: Pii::Name, .. } => "name",
            Kind::Text {
                pii: Pii::Address, ..
            } => "address",
            Kind::Text { pii: Pii::None, .. } => "text",
            Kind::Phone => "phone",
            Kind::Date => "date",
            Kind::Integer { .. } => "integer",
            Kind::Money => "money",
            Kind::Area => "area",
            Kind::Flag => "flag",
            Kind::Choice(_) => "choice",
            Kind::Serial => "serial",
            Kind::Responsibility => "responsibility",
            Kind::Object(_) => "object",
            Kind::List { .. } => "list",
        }
    }
}

/// One field of a form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// The snake_case JSON key.
    pub key: &'static str,
    /// The Chinese label as printed on the paper form (or, for a field the paper does not
    /// print, the source's own word for it).
    pub label_zh: &'static str,
    /// What the field holds, in English.
    pub en: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it must be present (not missing, not null, not blank).
    pub required: bool,
    /// The rule ids the field comes from.
    pub rule: &'static str,
}

impl Field {
    /// An optional field.
    pub(crate) const fn opt(
        key: &'static str,
        label_zh: &'static str,
        en: &'static str,
        kind: Kind,
        rule: &'static str,
    ) -> Field {
        Field {
            key,
            label_zh,
            en,
            kind,
            required: false,
            rule,
        }
    }

    /// A required field.
    pub(crate) const fn req(
        key: &'static str,
        label_zh: &'static str,
        en: &'static str,
        kind: Kind,
        rule: &'static str,
    ) -> Field {
        Field {
            key,
            label_zh,
            en,
            kind,
            required: true,
            rule,
        }
    }
}

/// Largest amount of money a field takes, in yuan (10 000 000 000 = 100 亿): a sanity
/// bound that keeps every amount exact in whole fen in every language.
pub(crate) const MONEY_MAX: f64 = 10_000_000_000.0;
/// Largest housing area, in square metres.
pub(crate) const AREA_MAX: f64 = 10_000.0;

/// A person's name (at most 50 characters).
pub(crate) const NAME: Kind = Kind::Text {
    max: 50,
    pii: Pii::Name,
};
/// An address or place (at most 200 characters).
pub(crate) const ADDRESS: Kind = Kind::Text {
    max: 200,
    pii: Pii::Address,
};
/// A post or occupation (at most 50 characters).
pub(crate) const SHORT: Kind = Kind::Text {
    max: 50,
    pii: Pii::None,
};
/// A unit or department (at most 100 characters).
pub(crate) const UNIT: Kind = Kind::Text {
    max: 100,
    pii: Pii::None,
};
/// Free text (at most 2000 characters).
pub(crate) const TEXT: Kind = Kind::Text {
    max: 2000,
    pii: Pii::None,
};
/// An age in whole years.
pub(crate) const AGE: Kind = Kind::Integer { min: 0, max: 150 };

/// Finds a field by key.
pub(crate) fn find(fields: &'static [Field], key: &str) -> Option<(usize, &'static Field)> {
    fields.iter().enumerate().find(|(_, f)| f.key == key)
}
