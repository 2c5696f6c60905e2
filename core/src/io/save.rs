//! Saving a file safely: an exclusive temporary file next to the target, written, flushed,
//! given the target's permissions, then renamed over it.
//!
//! The rules, each for a fault found in the second hardening pass (issue #14):
//!
//! - **Unique, exclusive, unpredictable temporaries.** The temporary file is created with
//!   `O_CREAT | O_EXCL` (`create_new`) in the target's own folder, under a name that holds the
//!   process id and 64 random bits (`.ville.json.1234.9f86d081884c7d65.pilotage-tmp`). Two
//!   threads or two processes saving to the same path never share a temporary file, and a
//!   symlink planted at a guessed name is never followed (`O_EXCL` refuses an existing name,
//!   symlinks included). Each concurrent save leaves a complete file: the last rename wins.
//! - **Permissions kept.** When the target exists, the temporary file is created with mode
//!   0600 and, before any byte is written, given the target's mode (and, where the system
//!   allows it, its owner and group): a 0600 file stays 0600 and its content is never
//!   readable by others, not even for the time of the write. A new file gets the usual
//!   `0666 & !umask`.
//! - **Only regular files are replaced.** A target that is a symbolic link, a device, a FIFO,
//!   a socket or a folder is refused with [`Error::Io`] (kind `InvalidInput`) before
//!   anything is written: saving never follows a symlink to write somewhere else, never
//!   replaces a symlink by a regular file, and never replaces a device. To save through a
//!   link, resolve it first (`std::fs::canonicalize`) and save to the file it names.
//! - **Stale temporaries cleaned.** A save removes the temporaries of our own naming for the
//!   same target left by a crashed save: those whose process is gone (Linux, read from
//!   `/proc`) and, on every system, those not modified for an hour. A temporary file of a
//!   save still running in another live process is never removed. Files named like the
//!   temporaries of earlier versions (`.ville.json.1234.tmp`) count as ours too.
//!
//! The remaining window: a folder that a hostile user can write to lets them swap the target
//! between the check and the rename; the rename then replaces whatever they put there (it
//! never writes through it). Keep workspaces in folders only their owners can write.

use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// The suffix of our temporary files.
const SUFFIX: &str = ".pilotage-tmp";
/// A temporary file untouched for this long belongs to a save that is no longer running.
const STALE_AFTER: Duration = Duration::from_secs(3600);
/// A temporary file of a process that is gone is removed once it is this old (a margin for
/// process ids seen from another PID namespace).
const DEAD_PROCESS_GRACE: Duration = Duration::from_secs(2);

/// Write `bytes` and a final newline to `path` through an exclusive temporary file and a
/// rename, so that a failure, a crash or a concurrent save never leaves a truncated,
/// mixed or wrongly-permissioned file. See the [module](self) for the rules (symlinks and
/// devices are refused).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let existing = check_target(path)?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    remove_stale_temporaries(dir, &name);
    let (tmp, file) =
        create_temporary(dir, &name, existing.as_ref()).map_err(|e| Error::io("write", path, &e))?;
    let tmp_path = tmp.as_path();
    let result = (move || {
        {
            // Closed at the end of this block, before the rename (Windows needs it).
            let mut file = file;
            file.write_all(bytes)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
        }
        std::fs::rename(tmp_path, path)
    })();
    match result {
        Ok(()) => {
            sync_dir(dir);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(Error::io("write", path, &e))
        }
    }
}

/// The target's metadata when it is an existing regular file, `None` when it does not exist,
/// an error for anything else (symlink, device, FIFO, socket, folder).
fn check_target(path: &Path) -> Result<Option<std::fs::Metadata>> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(Some(m)),
        Ok(m) => {
            let what = describe(&m.file_type());
            let e = std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("the target is {what}, not a regular file; saving replaces regular files only"),
            );
            Err(Error::io("write", path, &e))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("write", path, &e)),
    }
}

fn describe(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link (resolve it and save to the file it names)"
    } else if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// 64 bits no other process can guess: std's `RandomState` is keyed from the system's random
/// source once per thread; a counter and the time make every call differ.
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    h.write_u128(now.as_nanos());
    h.finish()
}

fn create_temporary(
    dir: &Path,
    name: &str,
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..16 {
        let tmp = dir.join(format!(".{name}.{pid}.{:016x}{SUFFIX}", random_u64()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if existing.is_some() {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&tmp) {
            Ok(file) => {
                if let Err(e) = existing.map_or(Ok(()), |m| copy_permissions(&file, m)) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
                return Ok((tmp, file));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

/// The target's mode (exactly), and its owner and group where the system lets us (only the
/// superuser may give a file away; a group the user belongs to is allowed): never an error
/// for the owner, an error if the mode cannot be set.
fn copy_permissions(file: &File, existing: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid()));
    }
    file.set_permissions(existing.permissions())
}

/// Durability of the rename itself (best effort: not every system can sync a folder).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The process id in a name of our temporary files for `name`, or `None` when `file` is not
/// one (`.NAME.PID.RANDOM.pilotage-tmp`, or the earlier `.NAME.PID.tmp`).
fn temporary_pid(file: &str, name: &str) -> Option<u32> {
    let rest = file.strip_prefix('.')?.strip_prefix(name)?.strip_prefix('.')?;
    let (pid, tail) = rest.split_once('.')?;
    let ours = match tail.strip_suffix(SUFFIX) {
        Some(random) => random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit()),
        None => tail == "tmp",
    };
    if !ours || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` is known to be gone (Linux only: `/proc/PID` is absent while
/// `/proc/self` is present); `false` when it cannot be told.
fn process_gone(pid: u32) -> bool {
    cfg!(target_os = "linux")
        && Path::new("/proc/self").exists()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

/// Remove the temporaries of a crashed save of `name` in `dir` (best effort, never an error).
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file.to_str().and_then(|f| temporary_pid(f, name)) else { continue };
        // Never follow anything: only regular files of our naming are removed.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else { continue };
        if !meta.file_type().is_file() {
            continue;
        }
        let age = meta.modified().ok().and_then(|m| now.duration_since(m).ok()).unwrap_or_default();
        let stale = age >= STALE_AFTER || (age >= DEAD_PROCESS_GRACE && process_gone(pid));
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_temporary_names_are_recognised() {
        assert_eq!(temporary_pid(".v.json.12.0123456789abcdef.pilotage-tmp", "v.json"), Some(12));
        assert_eq!(temporary_pid(".v.json.12.tmp", "v.json"), Some(12));
        assert_eq!(temporary_pid(".v.json.12.0123.pilotage-tmp", "v.json"), None);
        assert_eq!(temporary_pid(".w.json.12.tmp", "v.json"), None);
        assert_eq!(temporary_pid(".v.json.x.tmp", "v.json"), None);
        assert_eq!(temporary_pid("v.json", "v.json"), None);
        assert_ne!(random_u64(), random_u64());
    }
}
