//! Saving never truncates, mixes or exposes a file: an exclusive temporary file next to the
//! target is written, flushed, given the target's permissions and renamed over it; on any
//! failure (or a kill -9) the target is the old file or the new one, whole. Concurrent saves
//! from threads and processes each leave a complete file; symlinks, devices and other
//! non-regular targets are refused; stale temporaries of a crashed save are removed by the
//! next save. The whole file runs in a few seconds (it is part of `cargo test`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use pilotage::{Error, Workspace};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pilotage-save-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Temporary files left in `dir`: any name other than the targets the test made.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn random_below(n: u64) -> u64 {
    std::collections::hash_map::RandomState::new().build_hasher().finish() % n
}

/// A workspace whose file is about `len` bytes, all of it the letter `letter` (so that a
/// file mixing two saves, or cut short, is told apart from a whole one).
fn big(letter: char, len: usize) -> Workspace {
    Workspace::new(std::iter::repeat_n(letter, len).collect::<String>())
}

/// The target holds one whole save: it loads, and its name is one letter `len` times.
fn assert_whole(path: &Path, len: usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let ws =
        Workspace::from_json(&text).unwrap_or_else(|e| panic!("a torn file ({} bytes): {e}", text.len()));
    let first = ws.organisation.chars().next().unwrap();
    assert_eq!(ws.organisation.len(), len);
    assert!(ws.organisation.chars().all(|c| c == first), "a file mixing two saves");
}

#[test]
fn a_save_replaces_the_whole_file_and_leaves_no_temporary_file() {
    let dir = scratch("replace");
    let path = dir.join("ville.json");
    std::fs::write(&path, "x".repeat(100_000)).unwrap();
    let ws = Workspace::new("Ville");
    ws.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(Workspace::from_json(&text).unwrap(), ws);
    assert!(leftovers(&dir).is_empty());
}

#[test]
fn saving_over_a_directory_or_into_a_missing_folder_is_an_io_error() {
    let dir = scratch("dir");
    let target = dir.join("a-folder");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "keep").unwrap();
    assert!(matches!(Workspace::new("V").save(&target), Err(Error::Io { .. })));
    assert_eq!(std::fs::read_to_string(target.join("keep.txt")).unwrap(), "keep");
    assert!(leftovers(&dir).is_empty());
    let missing = dir.join("no-such-folder").join("ville.json");
    assert!(matches!(Workspace::new("V").save(&missing), Err(Error::Io { .. })));
    assert!(!missing.exists());
}

/// Before: every thread of a process used `.NAME.PID.tmp`; in about 5 % of runs the file was
/// corrupt (NUL bytes) and most saves failed with "No such file or directory".
#[test]
fn threads_saving_to_one_path_all_succeed_and_leave_a_whole_file() {
    let dir = scratch("threads");
    let path = dir.join("ville.json");
    let len = 200_000;
    std::thread::scope(|s| {
        for t in 0..8u8 {
            let path = &path;
            s.spawn(move || {
                let ws = big(char::from(b'A' + t), len);
                for _ in 0..15 {
                    ws.save(path).unwrap();
                }
            });
        }
    });
    assert_whole(&path, len);
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

/// The child side of the process tests: the test binary re-runs itself with
/// `PILOTAGE_SAVE_CHILD` set to `PATH,LETTER,LEN,COUNT` (COUNT 0: until killed). Without the
/// variable this test does nothing.
#[test]
fn child_process_saver() {
    let Ok(spec) = std::env::var("PILOTAGE_SAVE_CHILD") else { return };
    let parts: Vec<&str> = spec.split(',').collect();
    let (path, letter, len, count) = (
        parts[0],
        parts[1].chars().next().unwrap(),
        parts[2].parse().unwrap(),
        parts[3].parse::<u64>().unwrap(),
    );
    // The text is made once, so that the loop spends its time in the save itself.
    let text = big(letter, len).to_json().unwrap();
    println!("ready");
    let mut i = 0;
    while count == 0 || i < count {
        pilotage::model::workspace::write_atomically(Path::new(path), text.as_bytes()).unwrap();
        i += 1;
    }
}

fn spawn_saver(path: &Path, letter: char, len: usize, count: u64) -> std::process::Child {
    std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_process_saver", "--test-threads=1", "--quiet", "--nocapture"])
        .env("PILOTAGE_SAVE_CHILD", format!("{},{letter},{len},{count}", path.display()))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn processes_saving_to_one_path_all_succeed_and_leave_a_whole_file() {
    let dir = scratch("processes");
    let path = dir.join("ville.json");
    let len = 300_000;
    let children: Vec<_> = (0..4u8).map(|i| spawn_saver(&path, char::from(b'K' + i), len, 10)).collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a save failed in a child process");
    }
    assert_whole(&path, len);
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

/// kill -9 at random moments of a loop of saves: the target is always a whole file, old or
/// new; the temporaries the killed processes left are removed by the next save.
#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file_and_the_next_save_cleans_up() {
    let dir = scratch("kill");
    let path = dir.join("ville.json");
    let len = 2_000_000;
    big('Z', len).save(&path).unwrap();
    let mut seen = std::collections::HashSet::new();
    for round in 0..12u32 {
        let letter = char::from(b'A' + (round % 26) as u8);
        let mut child = spawn_saver(&path, letter, len, 0);
        // Wait for the child's "ready", then kill it at a random moment of its saves.
        let out = std::io::BufReader::new(child.stdout.take().unwrap());
        let ready = std::io::BufRead::lines(out).any(|l| l.is_ok_and(|l| l == "ready"));
        assert!(ready, "the child process never got ready");
        std::thread::sleep(Duration::from_millis(random_below(60)));
        child.kill().unwrap();
        child.wait().unwrap();
        assert_whole(&path, len);
        seen.extend(leftovers(&dir));
    }
    // Killed saves may have left temporaries; once their processes are gone for a moment
    // (here: their files dated back 5 s), the next save removes them.
    let five_seconds_ago = SystemTime::now() - Duration::from_secs(5);
    // Most kills land inside a save (its temporary file is left): the test is not vacuous.
    assert!(!seen.is_empty(), "no kill landed during a save");
    for name in leftovers(&dir) {
        let f = std::fs::OpenOptions::new().write(true).open(dir.join(&name)).unwrap();
        f.set_modified(five_seconds_ago).unwrap();
    }
    Workspace::new("Après").save(&path).unwrap();
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn stale_temporaries_of_our_naming_are_removed_and_others_kept() {
    let dir = scratch("stale");
    let path = dir.join("ville.json");
    let me = std::process::id();
    let old = SystemTime::now() - Duration::from_secs(2 * 3600);
    let plant = |name: &str, when: SystemTime| {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        f.set_modified(when).unwrap();
    };
    // Ours, an hour old: removed, whatever the process (the earlier naming counts too).
    plant(&format!(".ville.json.{me}.0123456789abcdef.pilotage-tmp"), old);
    plant(&format!(".ville.json.{me}.tmp"), old);
    // Ours, fresh, of a live process (this one): a save in progress, kept.
    let live = format!(".ville.json.{me}.fedcba9876543210.pilotage-tmp");
    plant(&live, SystemTime::now());
    // Not ours: kept however old.
    plant(".ville.json.bak", old);
    plant(".autre.json.1.tmp", old);
    Workspace::new("V").save(&path).unwrap();
    let mut left = leftovers(&dir);
    left.sort();
    let mut want = vec![".autre.json.1.tmp".to_string(), ".ville.json.bak".to_string(), live];
    want.sort();
    assert_eq!(left, want);
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    fn is_refused(result: pilotage::Result<()>) -> bool {
        matches!(result, Err(Error::Io { kind: std::io::ErrorKind::InvalidInput, .. }))
    }

    /// Before: a 0600 file (staff survey data) became 0644 after a save.
    #[test]
    fn a_save_keeps_the_existing_files_permissions() {
        let dir = scratch("mode");
        for m in [0o600, 0o640, 0o444, 0o660] {
            let path = dir.join(format!("ville-{m:o}.json"));
            std::fs::write(&path, "{}").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(m)).unwrap();
            Workspace::new("V").save(&path).unwrap();
            assert_eq!(mode(&path), m, "mode {m:o} changed");
            assert_eq!(Workspace::open(&path).unwrap().organisation, "V");
        }
        assert!(leftovers(&dir).is_empty());
    }

    /// Before: a symlink given as the target was replaced by a regular file. Rule chosen:
    /// refuse (never follow, never replace) a symlink, dangling or not.
    #[test]
    fn a_symlink_target_is_refused_and_left_as_it_was() {
        let dir = scratch("symlink");
        let real = dir.join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.join("ville.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = Workspace::new("V").save(&link).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(is_refused(Err(err)));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "old");
        let dangling = dir.join("dangling.json");
        std::os::unix::fs::symlink(dir.join("nowhere.json"), &dangling).unwrap();
        assert!(is_refused(Workspace::new("V").save(&dangling)));
        assert!(!dir.join("nowhere.json").exists());
        assert!(leftovers(&dir).is_empty());
    }

    /// Before: the temporary name was `.NAME.PID.tmp` and was opened following symlinks: a
    /// link planted there redirected the write to any file.
    #[test]
    fn a_symlink_planted_at_a_temporary_name_is_never_followed() {
        let dir = scratch("planted");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.join("ville.json");
        std::os::unix::fs::symlink(&victim, dir.join(format!(".ville.json.{}.tmp", std::process::id())))
            .unwrap();
        Workspace::new("V").save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(Workspace::open(&path).unwrap().organisation, "V");
    }

    /// Before: a device or socket given as the target was replaced by a regular file.
    #[test]
    fn a_device_or_socket_target_is_refused_and_never_replaced() {
        let dir = scratch("device");
        let socket = dir.join("ville.sock");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert!(is_refused(Workspace::new("V").save(&socket)));
        assert!(std::fs::symlink_metadata(&socket).unwrap().file_type().is_socket());
        // A character device like /dev/null (made here, as /dev/null itself must never be at
        // risk; skipped when mknod is not allowed).
        let device = dir.join("null");
        let made = std::process::Command::new("mknod")
            .arg(&device)
            .args(["c", "1", "3"])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if made {
            let err = Workspace::new("V").save(&device).unwrap_err();
            assert!(err.to_string().contains("a device"), "{err}");
            assert!(std::fs::symlink_metadata(&device).unwrap().file_type().is_char_device());
        }
        assert!(leftovers(&dir).is_empty());
    }
}
