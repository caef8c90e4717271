//! Helpers of the integration tests: a record copied to a scratch folder.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Copies the folder `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Copies this project's real record, `cases/`, to `to`.
pub fn copy_cases(to: &Path) -> io::Result<()> {
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cases"), to)
}

/// Every file under `dir`, by relative path, with its bytes.
#[allow(dead_code)] // each test crate uses its own part of this module
pub fn snapshot(dir: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                files.insert(rel.to_string_lossy().into_owned(), std::fs::read(&path)?);
            }
        }
    }
    Ok(files)
}
