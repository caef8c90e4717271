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
    // Most files of a record are plain files: opened without following a
    // link or waiting on a FIFO, and read at once. Anything else (a link,
    // an error) goes the careful way, which names what it is.
    match open_plain(path) {
        Some(file) => read_open(file, buffer)?,
        None => read_carefully(root, path, buffer)?,
    }
    text_of(buffer)
}

/// A folder of the record held open, so that its files are opened by name
/// in it (`openat`): the kernel then resolves one name, not every folder
/// of the record's path again for each of 100,000 files.
pub struct Folder {
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

impl Folder {
    /// The folder at `path`, when it can be opened as one.
    #[cfg(unix)]
    pub fn open(path: &Path) -> Option<Folder> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(path, flags, Mode::empty()).ok()?;
        Some(Folder { fd })
    }

    #[cfg(not(unix))]
    pub fn open(_: &Path) -> Option<Folder> {
        None
    }
}

/// `read_into` of the file `name` in `folder` (whose path is `path`): the
/// same reading, the same refusals, opened by name in the open folder.
pub fn read_in<'b>(
    folder: &Folder,
    name: &str,
    root: &Path,
    path: &Path,
    buffer: &'b mut Vec<u8>,
) -> Result<&'b str, Unreadable> {
    match open_plain_in(folder, name) {
        Some(file) => read_open(file, buffer)?,
        None => read_carefully(root, path, buffer)?,
    }
    text_of(buffer)
}

#[cfg(unix)]
fn open_plain_in(folder: &Folder, name: &str) -> Option<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    rustix::fs::openat(&folder.fd, name, flags, Mode::empty())
        .ok()
        .map(std::fs::File::from)
}

#[cfg(not(unix))]
fn open_plain_in(_: &Folder, _: &str) -> Option<std::fs::File> {
    None
}

/// The file at `path` opened for reading when it is no symbolic link,
/// without waiting if it is a FIFO; `None` if it cannot be opened so.
#[cfg(unix)]
fn open_plain(path: &Path) -> Option<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    rustix::fs::open(path, flags, Mode::empty())
        .ok()
        .map(std::fs::File::from)
}

#[cfg(not(unix))]
fn open_plain(_: &Path) -> Option<std::fs::File> {
    None
}

/// Reads an open file into `buffer` when it is a regular file within the
/// size limit: in one read when the file is as long as its size said, else
/// until its end.
fn read_open(file: std::fs::File, buffer: &mut Vec<u8>) -> Result<(), Unreadable> {
    let meta = file.metadata().map_err(Unreadable::Io)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    within_size(meta.len())?;
    let mut file = file;
    fill(&mut file, meta.len(), buffer)
}

/// Reads `reader`, whose size was said to be `size`, to its end into
/// `buffer`. A read that returns fewer bytes than asked for is the end only
/// when it brings the bytes to `size`: a file system may return less (FUSE,
/// network file systems), and the rest is read on.
fn fill(
    reader: &mut impl std::io::Read,
    size: u64,
    buffer: &mut Vec<u8>,
) -> Result<(), Unreadable> {
    // One byte more than the size: a file growing meanwhile fills it.
    let size = size as usize;
    let mut want = size + 1;
    buffer.clear();
    buffer.resize(want, 0);
    let mut filled = 0;
    loop {
        let n = match reader.read(buffer.get_mut(filled..).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Unreadable::Io(e)),
        };
        filled += n;
        if n == 0 || filled == size {
            break;
        }
        if filled < want {
            continue;
        }
        // Full: the file grew since its size was read. Read on, to the limit and a byte past it.
        if filled as u64 > MAX_FILE_SIZE {
            return Err(Unreadable::Grew);
        }
        want = (want * 2).min(MAX_FILE_SIZE as usize + 1);
        buffer.resize(want, 0);
    }
    buffer.truncate(filled);
    if buffer.len() as u64 > MAX_FILE_SIZE {
        return Err(Unreadable::Grew);
    }
    Ok(())
}

/// Reads the file at `path` after looking at what it is: a symbolic link is
/// followed only to a file inside the record, and nothing but a regular
/// file is opened.
fn read_carefully(root: &Path, path: &Path, buffer: &mut Vec<u8>) -> Result<(), Unreadable> {
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
    read_open(file, buffer)
}

/// What was read, as text: no NUL byte, UTF-8 only.
fn text_of(buffer: &[u8]) -> Result<&str, Unreadable> {
    if memchr::memchr(0, buffer).is_some() {
        return Err(Unreadable::Binary);
    }
    match simdutf8::basic::from_utf8(buffer) {
        Ok(text) => Ok(text),
        // Where it goes wrong is told by the standard library's validator.
        Err(_) => std::str::from_utf8(buffer).map_err(|e| not_utf8(buffer, e.valid_up_to())),
    }
}

/// The bytes of the file at `path` again, for a text the loader left on
/// disk (`SourceFile::left_on_disk`): a link is followed (it was found to
/// stay in the record when the file was loaded, and the bytes are used
/// only if they hash as they did then), nothing but a regular file is read.
pub fn read_again(path: &Path) -> Option<Vec<u8>> {
    let mut buffer = Vec::new();
    let file = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .and_then(|_| std::fs::File::open(path).ok())?;
    read_open(file, &mut buffer).ok()?;
    Some(buffer)
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

    /// A reader that gives at most `step` bytes a read, as some file systems do.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.step).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_short_read_is_read_on_to_the_end() {
        let text = "---\nnumber: 1/21\n---\nBody\n".repeat(100);
        for (size, step) in [
            (text.len(), 7),
            (text.len(), 1),
            (0, 5),
            (10, 3),
            (text.len() - 1, 64),
        ] {
            let mut buffer = Vec::new();
            let mut reader = Trickle {
                bytes: text.as_bytes(),
                step,
            };
            fill(&mut reader, size as u64, &mut buffer).unwrap();
            assert_eq!(buffer, text.as_bytes(), "size {size}, step {step}");
        }
        // Past the limit while it is read: refused, however it trickles.
        let big = vec![b'a'; MAX_FILE_SIZE as usize + 10];
        let mut reader = Trickle {
            bytes: &big,
            step: 100_000,
        };
        let grew = fill(&mut reader, 10, &mut Vec::new()).map_err(|e| e.to_string());
        assert_eq!(grew, Err(Unreadable::Grew.to_string()));
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
