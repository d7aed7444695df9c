//! The batch's entity index (`entities.json`) without every mention in memory.
//!
//! Each document's entities are appended to an anonymous temporary file as they are written;
//! memory keeps, per entity, only where its pieces are in that file. At the end the entities
//! are read back one at a time, in id order, merged and streamed to `entities.json`. The bytes
//! are those of merging everything in memory: pieces come back in input order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::Context;
use liasse_records as rec;
use rayon::prelude::*;

use crate::write;

pub struct Spill {
    file: BufWriter<File>,
    at: u64,
    /// (list: 0 partners, 1 agencies, 2 people; id) → (offset, length) of each piece.
    pieces: BTreeMap<(u8, String), Vec<(u64, u32)>>,
}

impl Spill {
    pub fn new(dir: &Path) -> anyhow::Result<Spill> {
        let file = tempfile::tempfile_in(dir)
            .with_context(|| format!("cannot write in the output directory {}", dir.display()))?;
        Ok(Spill {
            file: BufWriter::new(file),
            at: 0,
            pieces: BTreeMap::new(),
        })
    }

    /// Add one document's entities, serialised by [`pieces`].
    pub fn add(&mut self, pieces: Pieces) -> std::io::Result<()> {
        self.file.write_all(&pieces.bytes)?;
        let mut at = self.at;
        for (list, id, len) in pieces.index {
            self.pieces.entry((list, id)).or_default().push((at, len));
            at += u64::from(len);
        }
        self.at = at;
        Ok(())
    }

    /// Merge and write `entities.json` atomically; entities are merged on the pool's threads,
    /// a few dozen at a time, and written in order.
    pub fn write(self, path: &Path, pool: &rayon::ThreadPool) -> anyhow::Result<()> {
        let file = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the entity index's temporary file (disk full?)")?;
        let mut lists: [Vec<Vec<(u64, u32)>>; 3] = Default::default();
        for ((list, _), pieces) in self.pieces {
            lists[usize::from(list)].push(pieces);
        }
        let file = &file;
        write::atomic_with(path, |w| {
            let [p, a, n] = &lists;
            let (mut p, mut a, mut n) = (
                merged(p, file, pool),
                merged(a, file, pool),
                merged(n, file, pool),
            );
            rec::EntityIndex::write_json(w, [&mut p, &mut a, &mut n])
        })
    }
}

/// The entities of one list, merged a chunk at a time on the pool, in order.
fn merged<'a>(
    list: &'a [Vec<(u64, u32)>],
    file: &'a File,
    pool: &'a rayon::ThreadPool,
) -> impl Iterator<Item = std::io::Result<rec::EntityEntry>> + 'a {
    list.chunks(64).flat_map(move |chunk| {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|pieces| merge(file, pieces))
                .collect::<Vec<_>>()
        })
    })
}

/// One document's entities, serialised (by the worker that extracted it, so the writer only
/// copies bytes): one JSON line per entity, and (list, id, length) of each line.
#[derive(Default)]
pub struct Pieces {
    bytes: Vec<u8>,
    index: Vec<(u8, String, u32)>,
}

pub fn pieces(doc: rec::EntityIndex) -> std::io::Result<Pieces> {
    let mut out = Pieces::default();
    for (list, entries) in [(0u8, doc.partners), (1, doc.agencies), (2, doc.people)] {
        for e in entries {
            let before = out.bytes.len();
            serde_json::to_writer(&mut out.bytes, &e).map_err(std::io::Error::other)?;
            out.bytes.push(b'\n');
            let len = u32::try_from(out.bytes.len() - before).map_err(std::io::Error::other)?;
            out.index.push((list, e.id, len));
        }
    }
    Ok(out)
}

/// One entity from its pieces: the first gives its name, kind and authority; documents and
/// mentions are gathered, then put in order.
fn merge(file: &File, pieces: &[(u64, u32)]) -> std::io::Result<rec::EntityEntry> {
    let mut merged: Option<rec::EntityEntry> = None;
    let mut buf = Vec::new();
    for &(at, len) in pieces {
        buf.resize(len as usize, 0);
        read_at(file, &mut buf, at)?;
        let e: rec::EntityEntry = serde_json::from_slice(&buf).map_err(std::io::Error::other)?;
        match &mut merged {
            None => merged = Some(e),
            Some(m) => {
                m.documents.extend(e.documents);
                m.mentions.extend(e.mentions);
            }
        }
    }
    let mut e = merged.ok_or_else(|| std::io::Error::other("an entity without pieces"))?;
    e.finish();
    Ok(e)
}

/// Read `buf.len()` bytes at `at`, without moving a shared cursor (so threads can read at once).
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(not(unix))]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    let mut f = file.try_clone()?;
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(buf)
}
