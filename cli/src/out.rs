//! Where the CLI writes, and how it fails: every write goes through [`Out`], which maps a
//! write error to a coded `io_error` (a full disk is exit 2, never a panic) and ends
//! quietly when the reader closed the pipe. Coded errors go to stderr in English and
//! Chinese, coloured only on a terminal and never when `NO_COLOR` is set.

use liaison::error::{Detail, LocItem};
use liaison::{Error, ErrorKind};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;

/// A place named by the last part of a path (described when it is not a short token).
pub fn place(path: &Path) -> LocItem {
    match path.file_name() {
        Some(name) => LocItem::key(&name.to_string_lossy()),
        None => LocItem::key(&path.to_string_lossy()),
    }
}

/// The kind of an operating-system error in English and Chinese (never the system's own
/// text, which may quote a path).
fn io_words(e: &io::Error) -> (&'static str, &'static str) {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => ("no such file or folder", "文件或文件夹不存在"),
        K::PermissionDenied => ("permission denied", "没有权限"),
        K::IsADirectory => ("a folder where a file is expected", "应为文件，实为文件夹"),
        K::NotADirectory => ("a file where a folder is expected", "应为文件夹，实为文件"),
        K::StorageFull => ("no space left on the device", "设备空间已满"),
        K::ReadOnlyFilesystem => ("a read-only file system", "只读文件系统"),
        K::AlreadyExists => ("already exists", "已存在"),
        _ => ("the operating system refused", "操作系统拒绝了该操作"),
    }
}

/// A failure to write `what` (a file's name, `stdout`): `io_error`, saying that writing
/// failed and why.
pub fn write_error(what: LocItem, e: &io::Error) -> Error {
    let (en, zh) = io_words(e);
    ErrorKind::Io {
        detail: Detail::new(format!("writing failed: {en}"), format!("写入失败：{zh}")),
    }
    .at(what)
}

/// A failure to read `what`: `io_error`.
pub fn read_error(what: LocItem, e: &io::Error) -> Error {
    let (en, zh) = io_words(e);
    ErrorKind::Io {
        detail: Detail::new(format!("reading failed: {en}"), format!("读取失败：{zh}")),
    }
    .at(what)
}

/// An `invalid_input` error with fixed words.
pub fn invalid(en: &'static str, zh: &'static str) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
}

/// Text that is not UTF-8, at `what`.
pub fn not_utf8(what: LocItem) -> Error {
    ErrorKind::Io {
        detail: Detail::new("not UTF-8 text", "不是 UTF-8 文本"),
    }
    .at(what)
}

/// Reads stdin as UTF-8 text of at most `max` bytes.
///
/// # Errors
/// `io_error` when it cannot be read or is not UTF-8, `too_large` beyond `max`; at `stdin`.
pub fn read_stdin(max: u64) -> Result<String, Error> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(LocItem::key("stdin"), &e))?;
    if bytes.len() as u64 > max {
        return Err(ErrorKind::TooLarge { limit: max }.at("stdin"));
    }
    String::from_utf8(bytes).map_err(|_| not_utf8(LocItem::key("stdin")))
}

/// Whether `path` is `-` (stdin or stdout).
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads `path` (a regular file within `max` bytes, through the core) or stdin for `-`.
pub fn read_input(path: &Path, max: u64) -> Result<String, Error> {
    if is_dash(path) {
        read_stdin(max)
    } else {
        liaison::files::read_text(path, max)
    }
}

/// A writer to stdout or to a file. A closed pipe ends the output quietly: later writes
/// are dropped and [`Out::closed`] says so; any other failure is a coded `io_error`.
pub struct Out {
    sink: BufWriter<Box<dyn Write + Send>>,
    what: LocItem,
    closed: bool,
}

impl Out {
    /// Stdout.
    pub fn stdout() -> Out {
        Out {
            sink: BufWriter::with_capacity(64 * 1024, Box::new(io::stdout())),
            what: LocItem::key("stdout"),
            closed: false,
        }
    }

    /// `path`, created or truncated; stdout for none or `-`.
    ///
    /// # Errors
    /// `io_error` when the file cannot be created.
    pub fn open(path: Option<&Path>) -> Result<Out, Error> {
        match path {
            None => Ok(Out::stdout()),
            Some(p) if is_dash(p) => Ok(Out::stdout()),
            Some(p) => {
                let file = File::create(p).map_err(|e| write_error(place(p), &e))?;
                Ok(Out {
                    sink: BufWriter::with_capacity(64 * 1024, Box::new(file)),
                    what: place(p),
                    closed: false,
                })
            }
        }
    }

    /// Whether the reader has gone (a closed pipe).
    pub fn closed(&self) -> bool {
        self.closed
    }

    fn settle(&mut self, r: io::Result<()>) -> Result<(), Error> {
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(write_error(self.what.clone(), &e)),
        }
    }

    /// Writes `bytes`.
    ///
    /// # Errors
    /// `io_error` when they cannot be written (a full disk); none for a closed pipe.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let r = self.sink.write_all(bytes);
        self.settle(r)
    }

    /// Writes `text`, then a newline unless it ends with one.
    ///
    /// # Errors
    /// As [`Out::write`].
    pub fn line(&mut self, text: &str) -> Result<(), Error> {
        self.write(text.as_bytes())?;
        if !text.ends_with('\n') {
            self.write(b"\n")?;
        }
        Ok(())
    }

    /// Writes what is buffered.
    ///
    /// # Errors
    /// As [`Out::write`].
    pub fn flush(&mut self) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let r = self.sink.flush();
        self.settle(r)
    }

    /// Writes `value` as JSON, pretty or on one line, then a newline.
    ///
    /// # Errors
    /// As [`Out::write`].
    pub fn json(&mut self, value: &impl serde::Serialize, pretty: bool) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let r = if pretty {
            serde_json::to_writer_pretty(&mut self.sink, value)
        } else {
            serde_json::to_writer(&mut self.sink, value)
        };
        match r {
            Ok(()) => self.write(b"\n"),
            Err(e) => match e.io_error_kind() {
                Some(kind) => self.settle(Err(io::Error::from(kind))),
                None => Err(Error::new(ErrorKind::Internal {
                    detail: Detail::new("an answer cannot be written as JSON", "无法写出 JSON"),
                })),
            },
        }
    }
}

/// Whether to colour text for a terminal stream: only on a terminal, never when
/// `NO_COLOR` is set to anything (<https://no-color.org>).
pub fn colour(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Writes a note (progress, a summary) to stderr; a failure to do so is ignored.
pub fn note(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.write_all(b"\n");
}

/// Writes a coded error to stderr: `error[code]: message`, then the Chinese message; then
/// each problem it gathers (`invalid_records`), indented.
pub fn report(e: &Error) {
    let stderr = io::stderr();
    let (on, off) = if colour(stderr.is_terminal()) {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut text = format!(
        "{on}error[{}]{off}: {}\n{on}错误{off}：{}\n",
        e.code(),
        e.message(),
        e.message_zh()
    );
    // The problems an `invalid_records` error gathers, one a line (each message names its
    // file, line and column, and follows the message rule).
    for problem in e.related() {
        text.push_str(&format!(
            "  - {on}error[{}]{off}: {}\n    {}\n",
            problem.code(),
            problem.message(),
            problem.message_zh()
        ));
    }
    let _ = stderr.lock().write_all(text.as_bytes());
}
