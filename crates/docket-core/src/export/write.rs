//! Putting an export on disk: a safe file name, and a write that is all or nothing.

use std::fs;
use std::io::{ErrorKind as IoKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{Error, Result};

/// The longest file name suggested, before the extension (well under every system's limit).
const MAX_NAME_CHARS: usize = 100;

/// A file name made from a document's title, safe on Windows, macOS and Linux (see
/// [`safe_name`]), with `extension`; "Docket export" when nothing of the title is left.
pub fn file_name(title: &str, extension: &str) -> String {
    let name = safe_name(title);
    let name = if name.is_empty() {
        "Docket export".to_owned()
    } else {
        name
    };
    format!("{name}.{extension}")
}

/// `text` made safe as (part of) a file name: no folder separators, no `..`, none of the
/// characters Windows forbids, no control characters, no leading or trailing dots or spaces, not
/// one of Windows' reserved device names, at most 100 characters. May be empty.
pub fn safe_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    // Words of dots only ("..", ".") were path steps.
    let mut name = cleaned
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c == '.'))
        .collect::<Vec<_>>()
        .join(" ");
    while name.contains("..") {
        name = name.replace("..", ".");
    }
    let name: String = name
        .trim_matches(|c: char| c == '.' || c == ' ')
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    let name = name.trim_end_matches(['.', ' ']).to_owned();
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        format!("Docket {name}")
    } else {
        name
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place
/// once complete: a failure (disk full, folder read-only, file open in Word) leaves no partial
/// file and the old file, if any, untouched. Errors say what to do.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display().to_string();
    let Some(name) = path.file_name().filter(|n| !n.is_empty()) else {
        return Err(Error::CannotWrite(format!(
            "“{shown}” is not a file name. Choose a file to save to."
        )));
    };
    if path.is_dir() {
        return Err(Error::CannotWrite(format!(
            "“{shown}” is a folder. Choose a file name inside it."
        )));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(Error::CannotWrite(format!(
            "The folder {} does not exist. Choose another folder.",
            folder.display()
        )));
    }
    let temp = folder.join(format!(
        ".{}.{}-{}.part",
        name.to_string_lossy(),
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_new(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if let Err(e) = written {
        // The temporary file may or may not exist; either way it must not stay behind.
        let _ = fs::remove_file(&temp);
        return Err(explain(e, path, &folder));
    }
    Ok(())
}

fn write_new(temp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The reason in words people can act on.
fn explain(e: std::io::Error, path: &Path, folder: &Path) -> Error {
    let shown = path.display();
    let message = match e.kind() {
        IoKind::PermissionDenied if path.exists() => format!(
            "Docket could not replace {shown}: the file is open in another program (such as Word) \
             or is read-only. Close it, or choose another name, and export again. Nothing was \
             written."
        ),
        IoKind::PermissionDenied | IoKind::ReadOnlyFilesystem => format!(
            "Docket is not allowed to write in the folder {}. Choose another folder, such as \
             Documents, and export again. Nothing was written.",
            folder.display()
        ),
        IoKind::StorageFull => format!(
            "The disk is full: {shown} could not be written. Free some space or choose another \
             drive, and export again. Nothing was written."
        ),
        // Windows reports a file locked by Word as a sharing violation (os error 32/33).
        _ if matches!(e.raw_os_error(), Some(32 | 33)) => format!(
            "Docket could not replace {shown}: the file is open in another program (such as Word). \
             Close it, or choose another name, and export again. Nothing was written."
        ),
        _ => format!("Docket could not write {shown} ({e}). Choose another place and export again. Nothing was written."),
    };
    Error::CannotWrite(message)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_file_names_that_stay_in_the_folder_chosen() {
        let f = "docx";
        assert_eq!(
            file_name("Briefing: USA / 3rd cycle", f),
            "Briefing USA 3rd cycle.docx"
        );
        assert_eq!(file_name("../../etc/passwd", f), "etc passwd.docx");
        assert_eq!(file_name("..", f), "Docket export.docx");
        assert_eq!(file_name("  . ", "pdf"), "Docket export.pdf");
        assert_eq!(file_name("a..b", f), "a.b.docx");
        assert_eq!(file_name("CON", f), "Docket CON.docx");
        assert_eq!(file_name("COM1.txt", f), "Docket COM1.txt.docx");
        assert_eq!(safe_name(" / .. "), "");
        assert_eq!(
            file_name("Déclaration orale\tلبنان", f),
            "Déclaration orale لبنان.docx"
        );
        let long = file_name(&"x".repeat(300), f);
        assert_eq!(long.chars().count(), MAX_NAME_CHARS + ".docx".len());
    }

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.docx");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_a_missing_folder_or_no_name_is_refused_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(err.contains("is a folder"), "{err}");
        let err = write_atomic(&dir.path().join("missing/brief.docx"), b"x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist"), "{err}");
        let err = write_atomic(Path::new(""), b"x").unwrap_err().to_string();
        assert!(err.contains("not a file name"), "{err}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// The kernel's `/sys` refuses new files even to root, so this holds wherever tests run.
    #[cfg(target_os = "linux")]
    #[test]
    fn an_unwritable_folder_is_explained() {
        let err = write_atomic(Path::new("/sys/brief.pdf"), b"x").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Io);
        let err = err.to_string();
        assert!(
            err.contains("not allowed to write in the folder /sys"),
            "{err}"
        );
        assert!(err.contains("Nothing was written"), "{err}");
        assert!(!Path::new("/sys/brief.pdf").exists());
    }
}
