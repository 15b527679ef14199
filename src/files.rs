//! The file-system edge: finding and reading claim files, rules directories and archives.
//!
//! Everything here turns paths into texts (or located diagnostics); nothing here interprets them.

use crate::diagnostic::Diagnostic;
use crate::load::ClaimText;
use crate::rules::RulesText;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Every YAML file under `root` (a file or a directory), sorted, symlink loops and all.
fn yaml_files(root: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut visited = std::collections::BTreeSet::new();
    walk(root, &mut out, &mut visited, errors, 0);
    out.sort();
    out.dedup();
    out
}

fn walk(
    path: &Path,
    out: &mut Vec<PathBuf>,
    visited: &mut std::collections::BTreeSet<PathBuf>,
    errors: &mut Vec<Diagnostic>,
    depth: usize,
) {
    let shown = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(Diagnostic::whole_file(&shown, format!("cannot read: {e}")));
            return;
        }
    };
    if metadata.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    if !metadata.is_dir() {
        return;
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if depth > 64 || !visited.insert(canonical) {
        return; // a symlink loop, or absurd depth: every file was already seen once
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Diagnostic::whole_file(
                &shown,
                format!("cannot read the directory: {e}"),
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let is_dir = std::fs::metadata(&child)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_dir || is_yaml(&child) {
            walk(&child, out, visited, errors, depth + 1);
        }
    }
}

/// The largest claims or rules file read; a larger one is refused before it is read, so that a
/// stray dump cannot exhaust memory. Split the file to go beyond it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file as UTF-8 text, without a byte-order mark.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let shown = path.display().to_string();
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > MAX_FILE_BYTES {
            return Err(Diagnostic::whole_file(
                &shown,
                format!(
                    "the file is {} MiB, over the {} MiB limit; split it into several files",
                    meta.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
        }
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::whole_file(&shown, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::whole_file(
            &shown,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// A progress bar on standard error for reading many files on a terminal; silent otherwise.
fn progress(files: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if files < 200 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("reading claims {bar:40} {pos}/{len} files")
    {
        bar.set_style(style);
    }
    bar
}

/// Reads every claims file under the given paths.
pub fn read_claims(paths: &[PathBuf]) -> (Vec<ClaimText>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut texts = Vec::new();
    let files: Vec<PathBuf> = paths
        .iter()
        .flat_map(|root| yaml_files(root, &mut errors))
        .collect();
    let bar = progress(files.len());
    let read: Vec<Result<ClaimText, Diagnostic>> = files
        .par_iter()
        .map(|path| {
            bar.inc(1);
            read_text(path).map(|text| ClaimText {
                path: path.display().to_string(),
                text,
            })
        })
        .collect();
    for r in read {
        match r {
            Ok(t) => texts.push(t),
            Err(d) => errors.push(d),
        }
    }
    bar.finish_and_clear();
    (texts, errors)
}

/// Reads every rules file of every rules directory, directories in the order given.
pub fn read_rules(dirs: &[PathBuf]) -> (Vec<RulesText>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut texts = Vec::new();
    for dir in dirs {
        if !dir.is_dir() {
            errors.push(Diagnostic::whole_file(
                &dir.display().to_string(),
                "the rules directory does not exist (give --rules DIR, or run from the repository root)",
            ));
            continue;
        }
        for path in yaml_files(dir, &mut errors) {
            let relative = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            match read_text(&path) {
                Ok(text) => texts.push(RulesText {
                    relative,
                    display: path.display().to_string(),
                    text,
                }),
                Err(d) => errors.push(d),
            }
        }
    }
    (texts, errors)
}

/// Reads the archives the sources name, relative to the repository root (`base`).
pub fn read_archives<'a>(
    archives: impl Iterator<Item = (&'a str, &'a str)>,
    base: &Path,
) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (archive, claims_file) in archives {
        if out.contains_key(archive) {
            continue;
        }
        match read_text(&base.join(archive)) {
            Ok(text) => {
                out.insert(archive.to_string(), text);
            }
            Err(d) => errors.push(Diagnostic::whole_file(
                claims_file,
                format!(
                    "the source's archive `{archive}` cannot be used: {}",
                    d.message
                ),
            )),
        }
    }
    (out, errors)
}

/// Writes `path` atomically: the content goes to a temporary file beside it, which is synced and
/// then renamed over `path`. If anything fails, `path` is left as it was and the temporary file
/// is removed.
pub fn write_atomically(path: &Path, content: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| std::io::Write::write_all(file, content))
}

/// [`write_atomically`] with the content written by `fill` (a seam for tests that interrupt it).
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.crosscheck-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        fill(&mut file)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_write_leaves_the_original_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.yaml");
        std::fs::write(&path, "original\n").unwrap();
        let result = write_atomically_with(&path, |f| {
            std::io::Write::write_all(f, b"half of the new con")?;
            Err(std::io::Error::other("interrupted"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "original\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
    }

    #[test]
    fn a_complete_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.yaml");
        std::fs::write(&path, "original\n").unwrap();
        write_atomically(&path, b"new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    }
}
