//! Writing a built site: every file into a new folder beside the target,
//! then that folder renamed into place, so a reader sees the old site or the
//! new one, never half of each. The files are written as new files in a
//! folder no one else uses yet, so each needs no temporary file and rename
//! of its own (`write_document`'s), nor a flush to disk each: the rename of
//! the folder is what makes the site appear, and a site lost in a crash is
//! built again. (Flushing each of 10,000 pages took minutes.) A folder
//! already there is replaced only when it is a site pds built (it holds
//! the marker file) or is empty.

use crate::diag::Error;
use crate::report::printable;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path};

/// Writes `files` (by `/`-separated path relative to the site) as the
/// folder `out`; `marker` is the file that tells a pds site.
pub fn write_site(
    files: &BTreeMap<String, Vec<u8>>,
    out: &Path,
    marker: &str,
) -> Result<(), Error> {
    let shown = printable(&out.display().to_string(), &[]).into_owned();
    let refuse = |why: String| Error::Usage(format!("cannot write the site to {shown}: {why}"));
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if out.file_name().is_none() {
        return Err(refuse("it does not name a folder".into()));
    }
    if !parent.is_dir() {
        return Err(refuse(format!(
            "folder {} does not exist",
            printable(&parent.display().to_string(), &[])
        )));
    }
    let exists = match std::fs::symlink_metadata(out) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = std::fs::read_dir(out).map_err(|e| Error::io("read", out, e))?;
            if entries.next().is_some() && !out.join(marker).is_file() {
                return Err(refuse(format!(
                    "it is a folder that is not empty and not a site pds built (it has no {marker}); \
                     give a new folder, an empty one, or a site pds built before"
                )));
            }
            true
        }
        Ok(_) => return Err(refuse("it is not a folder".into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::io("read", out, e)),
    };
    let new = tempfile::Builder::new()
        .prefix(".pds-site-")
        .tempdir_in(parent)
        .map_err(|e| Error::io("make a folder in", parent, e))?;
    for (rel, bytes) in files {
        let safe = Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(Error::Write(format!(
                "a page's path {} leaves the site's folder",
                printable(rel, &[])
            )));
        }
        let path = new.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("make", dir, e))?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| Error::io("write", &path, e))?;
    }
    readable(new.path())?;
    // The old site moves into a folder of its own beside it, the new one
    // takes its name, and the old one is removed.
    let old = tempfile::Builder::new()
        .prefix(".pds-site-old-")
        .tempdir_in(parent)
        .map_err(|e| Error::io("make a folder in", parent, e))?;
    if exists {
        std::fs::rename(out, old.path().join("site"))
            .map_err(|e| Error::io("move the old site out of", out, e))?;
    }
    let new = new.keep();
    if let Err(e) = std::fs::rename(&new, out) {
        // Put the old one back; the new one is removed.
        if exists {
            let _ = std::fs::rename(old.path().join("site"), out);
        }
        let _ = std::fs::remove_dir_all(&new);
        return Err(Error::io("move the new site into", out, e));
    }
    drop(old);
    Ok(())
}

/// The new folders readable by all (a temporary folder starts rwx------).
fn readable(dir: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if entry.file_type().is_dir() {
                std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o755))
                    .map_err(|e| Error::io("set the mode of", entry.path(), e))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
