//! An output folder written whole (`pds archive -o DIR`): every file goes
//! into a temporary folder beside DIR, is flushed and read back, and the
//! folder is renamed into place only when all are there. DIR is new, or an
//! empty folder, or (asked for with `force`) a folder that is replaced
//! whole; a failed write leaves DIR as it was and nothing behind.

use crate::diag::Error;
use crate::report::printable;
use std::io::Write;
use std::path::Path;

/// Whether `dir` may be written: new, or an empty folder; a non-empty one
/// only with `force`. Anything else (a file, a link) is refused.
pub fn check_target(dir: &Path, force: bool) -> Result<(), Error> {
    let shown = printable(&dir.display().to_string(), &[]).into_owned();
    let refuse = |why: String| Error::Usage(format!("cannot write {shown}: {why}"));
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(refuse(format!(
            "folder {} does not exist",
            printable(&parent.display().to_string(), &[])
        )));
    }
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(refuse(e.to_string())),
        Ok(m) if !m.is_dir() => Err(refuse(
            "it is not a folder; give a new or empty folder".into(),
        )),
        Ok(_) => {
            let empty = std::fs::read_dir(dir)
                .map_err(|e| refuse(e.to_string()))?
                .next()
                .is_none();
            match empty || force {
                true => Ok(()),
                false => Err(refuse(
                    "the folder is not empty; give a new or empty folder, or --force to replace it whole".into(),
                )),
            }
        }
    }
}

/// Writes `files` (path relative to `dir`, bytes) as the folder `dir`.
pub fn write_folder(dir: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result<(), Error> {
    check_target(dir, force)?;
    let shown = printable(&dir.display().to_string(), &[]).into_owned();
    let failed = |doing: &str, e: std::io::Error| {
        Error::Write(format!("cannot write {shown}: cannot {doing}: {e}"))
    };
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".pds-folder-")
        .tempdir_in(parent)
        .map_err(|e| failed("make a temporary folder beside it", e))?;
    for (rel, bytes) in files {
        let path = tmp.path().join(rel);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| failed("make a folder", e))?;
        }
        let mut file = std::fs::File::create(&path).map_err(|e| failed("write a file", e))?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| failed("write a file", e))?;
        let back = std::fs::read(&path).map_err(|e| failed("read a file back", e))?;
        if &back != bytes {
            return Err(Error::Write(format!(
                "cannot write {shown}: {} read back differs from what was written",
                printable(rel, &[])
            )));
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| failed("set the folder's mode", e))?;
    }
    // The old folder, when there is one, moves aside first and goes last.
    let old = match std::fs::symlink_metadata(dir) {
        Ok(_) => {
            let aside = tempfile::Builder::new()
                .prefix(".pds-old-")
                .tempdir_in(parent)
                .map_err(|e| failed("make a temporary folder beside it", e))?;
            let aside_path = aside.path().join("old");
            std::fs::rename(dir, &aside_path)
                .map_err(|e| failed("move the old folder aside", e))?;
            Some((aside, aside_path))
        }
        Err(_) => None,
    };
    let kept = tmp.keep();
    if let Err(e) = std::fs::rename(&kept, dir) {
        if let Some((_, aside_path)) = &old {
            let _ = std::fs::rename(aside_path, dir);
        }
        let _ = std::fs::remove_dir_all(&kept);
        return Err(failed("rename the new folder into place", e));
    }
    if let Ok(folder) = std::fs::File::open(parent) {
        let _ = folder.sync_all();
    }
    // The old folder is removed with its temporary folder (`aside` dropped).
    drop(old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_folder_and_refuses_a_full_one_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let files = vec![("a/b.txt".to_string(), b"one".to_vec())];
        write_folder(&out, &files, false).unwrap();
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"one");
        let err = write_folder(&out, &files, false).unwrap_err();
        assert!(err.to_string().contains("not empty"), "{err}");
        let files = vec![("c.txt".to_string(), b"two".to_vec())];
        write_folder(&out, &files, true).unwrap();
        assert!(!out.join("a").exists(), "replaced whole");
        assert_eq!(std::fs::read(out.join("c.txt")).unwrap(), b"two");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary folder left behind");
    }
}
