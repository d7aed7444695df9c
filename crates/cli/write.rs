//! Output: atomic file writes and a stdout that tolerates closed pipes.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Write `contents` to `path` atomically: a temporary file in the same directory, then a rename.
/// Readers never see a half-written file; a failed write leaves the old file in place.
pub fn atomic(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    atomic_with(path, |w| w.write_all(contents))
}

/// Like [`atomic`], the contents written by `fill` through a buffer.
pub fn atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".liasse-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let mut w = std::io::BufWriter::new(tmp);
    fill(&mut w)
        .and_then(|()| w.flush())
        .with_context(|| format!("cannot write {} (disk full?)", path.display()))?;
    let tmp = w
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write {} (disk full?)", path.display()))?;
    readable(tmp.as_file())
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
