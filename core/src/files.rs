//! Reading files safely: regular files only, within a size limit, as UTF-8 text.
//!
//! A FIFO, a device such as `/dev/zero` or a socket is refused before it is opened for
//! reading, so that no path can block a caller or make it read without end; a file larger
//! than the limit is refused, and a file that grows while it is read is cut at the limit
//! and refused too.

use crate::error::{file_name, Detail};
use crate::{Error, ErrorKind, Result};
use std::io::Read;
use std::path::Path;

/// The default limit on a file read by the library: 1 GiB. A year of a 10 000-village
/// district (80 000 households, 2.5 M records, from `liaison generate --towns 100
/// --villages 100 --years 1 --compliant`) is 345 704 829 bytes (about 330 MiB) as
/// `generate` writes it (indented JSON) and 227 226 187 bytes as compact JSON, measured on
/// 2026-11-30: the limit holds such a year about three times over. Reading is in memory:
/// a file near the limit needs several times its size in RAM.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads a regular file of at most `max_bytes` bytes as UTF-8 text (a leading byte-order
/// mark is kept; the JSON and CSV readers skip it).
///
/// # Errors
/// `io_error` when the file cannot be opened or is not UTF-8, `not_a_file` for a folder,
/// a pipe, a device or a socket, `too_large` beyond `max_bytes` — each at the file's name.
///
/// ```
/// use liaison::files::read_text;
/// let e = read_text("/dev/zero".as_ref(), 1024).unwrap_err();
/// assert_eq!(e.code(), "not_a_file");
/// ```
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String> {
    let bytes = read_bytes(path, max_bytes)?;
    String::from_utf8(bytes).map_err(|_| {
        ErrorKind::Io {
            detail: Detail::new("not UTF-8 text", "不是 UTF-8 文本"),
        }
        .at(file_name(path))
    })
}

/// Reads a regular file of at most `max_bytes` bytes.
///
/// # Errors
/// As [`read_text`], except the UTF-8 check.
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if !meta.is_file() {
        return Err(ErrorKind::NotAFile.at(file_name(path)));
    }
    if meta.len() > max_bytes {
        return Err(ErrorKind::TooLarge { limit: max_bytes }.at(file_name(path)));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, &e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(ErrorKind::TooLarge { limit: max_bytes }.at(file_name(path)));
    }
    Ok(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_missing_files() {
        let dir = std::env::temp_dir();
        assert_eq!(read_text(&dir, 10).unwrap_err().code(), "not_a_file");
        let missing = dir.join("liaison-no-such-file.json");
        let e = read_text(&missing, 10).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("file_not_found", Some("liaison-no-such-file.json"))
        );
    }

    #[test]
    fn too_large() {
        let path = std::env::temp_dir().join(format!("liaison-large-{}.txt", std::process::id()));
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_text(&path, 4).unwrap_err().code(), "too_large");
        assert_eq!(read_text(&path, 5).unwrap(), "12345");
        std::fs::remove_file(&path).unwrap();
    }
}
