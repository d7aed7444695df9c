//! The batch's entity index (`entities.json`) without every mention in memory.
//!
//! Each document's entities are appended to an anonymous temporary file as they are written;
//! memory keeps, per entity, only where its pieces are in that file. At the end the entities
//! are read back one at a time, in id order, merged and streamed to `entities.json`. The bytes
//! are those of merging everything in memory: pieces come back in input order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::Context;
use liasse_records as rec;

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

    /// Add one document's entities.
    pub fn add(&mut self, doc: rec::EntityIndex) -> std::io::Result<()> {
        for (list, entries) in [(0u8, doc.partners), (1, doc.agencies), (2, doc.people)] {
            for e in entries {
                let mut line = serde_json::to_vec(&e).map_err(std::io::Error::other)?;
                line.push(b'\n');
                self.file.write_all(&line)?;
                let len = u32::try_from(line.len()).map_err(std::io::Error::other)?;
                self.pieces
                    .entry((list, e.id))
                    .or_default()
                    .push((self.at, len));
                self.at += u64::from(len);
            }
        }
        Ok(())
    }

    /// Merge and write `entities.json` atomically.
    pub fn write(self, path: &Path) -> anyhow::Result<()> {
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the entity index's temporary file (disk full?)")?;
        let mut lists: [Vec<Vec<(u64, u32)>>; 3] = Default::default();
        for ((list, _), pieces) in self.pieces {
            lists[usize::from(list)].push(pieces);
        }
        write::atomic_with(path, |w| {
            let [p, a, n] = lists.map(|l| l.into_iter());
            let file = std::cell::RefCell::new(&mut file);
            let read = |pieces: Vec<(u64, u32)>| merge(&mut file.borrow_mut(), &pieces);
            let (mut p, mut a, mut n) = (p.map(read), a.map(read), n.map(read));
            rec::EntityIndex::write_json(w, [&mut p, &mut a, &mut n])
        })
    }
}

/// One entity from its pieces: the first gives its name, kind and authority; documents and
/// mentions are gathered, then put in order.
fn merge(file: &mut File, pieces: &[(u64, u32)]) -> std::io::Result<rec::EntityEntry> {
    let mut merged: Option<rec::EntityEntry> = None;
    let mut buf = Vec::new();
    for &(at, len) in pieces {
        buf.resize(len as usize, 0);
        file.seek(SeekFrom::Start(at))?;
        file.read_exact(&mut buf)?;
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
