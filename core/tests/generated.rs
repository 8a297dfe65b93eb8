//! Files generated from the contract's Rust types and checked in: each test fails when the
//! checked-in file differs from what the generator writes now, so they cannot drift. Run
//! with `LIAISON_UPDATE_GENERATED=1` to write them instead.
#![cfg(feature = "schema")]

use std::path::PathBuf;

/// Compares a checked-in file with its generated text, or writes it when asked to.
fn check_generated(relative: &str, generated: &str) -> Result<(), String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    if std::env::var_os("LIAISON_UPDATE_GENERATED").is_some() {
        return std::fs::write(&path, generated).map_err(|e| format!("{relative}: {e}"));
    }
    let current = std::fs::read_to_string(&path).map_err(|e| format!("{relative}: {e}"))?;
    if current == generated {
        return Ok(());
    }
    let line = current
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| current.lines().count().min(generated.lines().count()));
    Err(format!(
        "{relative} differs from the generator's output from line {}; regenerate it with \
         `LIAISON_UPDATE_GENERATED=1 cargo test -p liaison-rules --features schema --test generated`",
        line + 1
    ))
}

/// `bindings-wasm/types.d.ts`: the TypeScript declarations of the npm package.
#[test]
fn typescript_declarations_are_up_to_date() -> Result<(), String> {
    check_generated(
        "bindings-wasm/types.d.ts",
        &liaison::api::schema::typescript::typescript(),
    )
}

/// `bindings-python/python/liaison/_types.py`: the Python shapes (TypedDicts, literals, the
/// operations' defaults) that the package imports and its stubs re-export.
#[test]
fn python_types_are_up_to_date() -> Result<(), String> {
    check_generated(
        "bindings-python/python/liaison/_types.py",
        &liaison::api::schema::python::python_stubs(),
    )
}
