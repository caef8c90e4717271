//! Writing files without ever leaving a half-written one: a temporary file in
//! the same folder, flushed to disk, then renamed over the target.

use std::io::Write;
use std::path::Path;

pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".pds-").tempfile_in(dir)?;
    // A replaced file keeps its permissions; a new one is readable like any other.
    let perms = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(tmp.as_file())?,
    };
    tmp.as_file().set_permissions(perms)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Like `atomic_write`, but fails if `path` already exists (nothing is overwritten).
pub fn atomic_create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".pds-").tempfile_in(dir)?;
    let perms = default_permissions(tmp.as_file())?;
    tmp.as_file().set_permissions(perms)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// rw-r--r-- on Unix (temporary files start as rw-------).
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    #[cfg_attr(not(unix), expect(unused_mut, reason = "only Unix sets the mode"))]
    let mut perms = file.metadata()?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        perms.set_mode(0o644);
    }
    Ok(perms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_create_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(atomic_create(&p, b"three").is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }
}
