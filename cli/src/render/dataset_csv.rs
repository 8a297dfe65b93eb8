//! Writes a dataset as a folder of CSV files in the layout `Dataset::from_path` reads.

use super::csv_cell as cell;
use liaison::dataset::Dataset;
use serde_json::Value;
use std::path::Path;

fn write_table(dir: &Path, name: &str, rows: &[Value]) -> std::io::Result<()> {
    let mut header: Vec<String> = Vec::new();
    for row in rows {
        if let Value::Object(map) = row {
            for k in map.keys() {
                if !header.contains(k) && k != "items" {
                    header.push(k.clone());
                }
            }
        }
    }
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = header
            .iter()
            .map(|k| match row.get(k) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => cell(s),
                Some(other) => other.to_string(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    std::fs::write(dir.join(format!("{name}.csv")), out)
}

pub fn write_csv_dir(d: &Dataset, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let value = serde_json::to_value(d).map_err(std::io::Error::other)?;
    let Value::Object(tables) = value else {
        return Ok(());
    };
    let mut items = Vec::new();
    for (name, rows) in &tables {
        let Value::Array(rows) = rows else { continue };
        if rows.is_empty() {
            continue;
        }
        if name == "commitments" {
            for c in rows {
                for item in c
                    .get("items")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let mut item = item.clone();
                    if let (Value::Object(m), Some(id)) = (&mut item, c.get("id")) {
                        m.insert("commitment".to_string(), id.clone());
                    }
                    items.push(item);
                }
            }
        }
        write_table(dir, name, rows)?;
    }
    if !items.is_empty() {
        write_table(dir, "commitment_items", &items)?;
    }
    Ok(())
}
