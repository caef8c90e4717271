//! Reading a file of the record as text, within the limits pds keeps: no
//! link out of the record, no FIFO or device, at most `MAX_FILE_SIZE` bytes,
//! no NUL byte, UTF-8 only. Each refusal is a `diag::Unreadable`, whose
//! words end a sentence that starts with the file's name.

use crate::diag::Unreadable;
use std::path::Path;

/// Files larger than this are not read (`unreadable`).
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// Refuses a text of `len` bytes when it is larger than `MAX_FILE_SIZE`.
pub fn within_size(len: u64) -> Result<(), Unreadable> {
    if len > MAX_FILE_SIZE {
        return Err(Unreadable::TooLarge(len));
    }
    Ok(())
}

/// Reads a file as text, or says why it cannot be.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Unreadable> {
    let mut buffer = Vec::new();
    read_into(root, path, &mut buffer).map(str::to_string)
}

/// `read_text` into `buffer` (cleared first, its memory reused): the loader
/// reads every file of a thread through one buffer, and copies only what it keeps.
pub fn read_into<'b>(
    root: &Path,
    path: &Path,
    buffer: &'b mut Vec<u8>,
) -> Result<&'b str, Unreadable> {
    use std::io::Read;
    let mut meta = std::fs::symlink_metadata(path).map_err(Unreadable::Io)?;
    if meta.file_type().is_symlink() {
        let target = path.canonicalize().map_err(Unreadable::BrokenLink)?;
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        if !target.starts_with(&root) {
            return Err(Unreadable::LinkOutside);
        }
        meta = std::fs::metadata(&target).map_err(Unreadable::Io)?;
    }
    // Before opening: opening a FIFO for reading waits for a writer, forever.
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    let file = std::fs::File::open(path).map_err(Unreadable::Io)?;
    let meta = file.metadata().map_err(Unreadable::Io)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    within_size(meta.len())?;
    buffer.clear();
    buffer.reserve(meta.len() as usize);
    // Read at most one byte past the limit, so a file growing meanwhile is caught too.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(buffer)
        .map_err(Unreadable::Io)?;
    if buffer.len() as u64 > MAX_FILE_SIZE {
        return Err(Unreadable::Grew);
    }
    if memchr::memchr(0, buffer).is_some() {
        return Err(Unreadable::Binary);
    }
    std::str::from_utf8(buffer).map_err(|e| not_utf8(buffer, e.valid_up_to()))
}

/// Why `bytes` is no text, naming the first bad byte by line and column as an
/// editor shows them (a byte offset means nothing to the one who must fix it).
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Unreadable {
    let before = bytes.get(..valid_up_to).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    Unreadable::NotUtf8 { byte, line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_is_named_by_line_and_column() {
        let bytes = b"---\ntitle: \xc3\xa6 \xe6\xf8\n---\n";
        let e = String::from_utf8(bytes.to_vec()).unwrap_err();
        assert_eq!(
            not_utf8(bytes, e.utf8_error().valid_up_to()).to_string(),
            "is not UTF-8 text: byte 0xE6 on line 2, column 10 (save the file as UTF-8)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_not_a_file_and_is_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("2021/meetings.yaml");
        std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("no mkfifo here: skipped");
            return;
        }
        // Opening it would block this test for ever: run it where it can be abandoned.
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        std::thread::spawn(move || tx.send(read_text(&root, &root.join("2021/meetings.yaml"))));
        let read = rx.recv_timeout(std::time::Duration::from_secs(10));
        let read = read.map(|r| r.map_err(|why| why.to_string()));
        assert_eq!(read, Ok(Err("is not a regular file".to_string())));
    }
}
