//! Output: atomic file writes and a stdout that tolerates closed pipes.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Write `contents` to `path` atomically: a temporary file in the same directory, then a rename.
/// Readers never see a half-written file; a failed write leaves the old file in place.
pub fn atomic(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".liasse-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.flush())
        .and_then(|()| readable(tmp.as_file()))
        .with_context(|| format!("cannot write {} (disk full?)", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot move the new {} into place", path.display()))?;
    Ok(())
}

/// Print to stdout; a closed pipe ends quietly.
pub fn stdout(s: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing to stdout"),
    }
}

/// Temporary files are private (0600); an output is an ordinary file (0644).
#[cfg(unix)]
pub fn readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub fn readable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
