//! The documents follow the code: every policy field is documented in `docs/policy.md`, every
//! rule of the catalogue in `docs/rules.md`, every operation in `docs/platforms.md`'s table,
//! every not-judged reason in `docs/rules.md`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::PathBuf;

fn doc(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn every_policy_field_is_documented() {
    let policy = serde_json::to_value(liaison::Policy::banan_2008()).unwrap();
    let text = doc("policy.md");
    for field in policy.as_object().unwrap().keys() {
        assert!(
            text.contains(&format!("| `{field}` |")),
            "docs/policy.md lacks `{field}`"
        );
    }
}

#[test]
fn every_rule_is_documented() {
    let text = doc("rules.md");
    for rule in liaison::rules::RULES {
        assert!(
            text.contains(&format!("### {}\n", rule.id)),
            "docs/rules.md lacks {}",
            rule.id
        );
    }
}

#[test]
fn every_not_judged_reason_is_documented() {
    let text = doc("rules.md");
    for (reason, _) in liaison::NOT_JUDGED_REASONS {
        assert!(
            text.contains(&format!("`{reason}`")),
            "docs/rules.md lacks `{reason}`"
        );
    }
}
