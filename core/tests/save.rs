//! Saving never truncates or half-writes an existing file: a temporary file next to the
//! target is written, flushed and renamed over it; on any failure the target is untouched.
#![allow(clippy::unwrap_used)]

use pilotage::{Error, Workspace};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pilotage-save-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
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
fn a_failed_save_leaves_the_existing_file_as_it_was() {
    let dir = scratch("failed");
    let path = dir.join("ville.json");
    let before = Workspace::new("Avant").to_json().unwrap();
    std::fs::write(&path, &before).unwrap();
    // Occupy the temporary file's name with a directory: writing it must fail.
    let blocker = dir.join(format!(".ville.json.{}.tmp", std::process::id()));
    std::fs::create_dir(&blocker).unwrap();
    let err = Workspace::new("Après").save(&path).unwrap_err();
    assert!(matches!(err, Error::Io { action: "write", .. }), "{err:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
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
