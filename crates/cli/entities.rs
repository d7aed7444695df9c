//! The batch's entity index (`entities.json`) without every mention in memory.
//!
//! Each document's entities are appended to an anonymous temporary file as they are written;
//! memory keeps, per entity, only where its pieces are and which document each comes from. At
//! the end the entities are written one at a time, in id order, each one's mentions read back
//! a document at a time in document order, so even an entity named in every document of a
//! large collection is never held whole. The bytes are those of merging everything in memory.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::Context;
use liasse_records as rec;

use crate::write;

/// Where one document's piece of an entity is in the temporary file, and which document it
/// comes from (an index into `Spill::documents`: a piece costs 16 bytes of memory).
struct Piece {
    at: u64,
    len: u32,
    document: u32,
}

pub struct Spill {
    file: BufWriter<File>,
    at: u64,
    /// (list: 0 partners, 1 agencies, 2 people; id) → its pieces, in input order.
    pieces: BTreeMap<(u8, String), Vec<Piece>>,
    /// The id of each document that had entities, in input order.
    documents: Vec<String>,
}

impl Spill {
    pub fn new(dir: &Path) -> anyhow::Result<Spill> {
        let file = tempfile::tempfile_in(dir)
            .with_context(|| format!("cannot write in the output directory {}", dir.display()))?;
        Ok(Spill {
            file: BufWriter::new(file),
            at: 0,
            pieces: BTreeMap::new(),
            documents: Vec::new(),
        })
    }

    /// Add one document's entities, serialised by [`pieces`].
    pub fn add(&mut self, pieces: Pieces) -> std::io::Result<()> {
        if pieces.index.is_empty() {
            return Ok(());
        }
        self.file.write_all(&pieces.bytes)?;
        let document = u32::try_from(self.documents.len()).map_err(std::io::Error::other)?;
        self.documents.push(pieces.document);
        let mut at = self.at;
        for (list, id, len) in pieces.index {
            self.pieces
                .entry((list, id))
                .or_default()
                .push(Piece { at, len, document });
            at += u64::from(len);
        }
        self.at = at;
        Ok(())
    }

    /// Write `entities.json` atomically.
    pub fn write(self, path: &Path) -> anyhow::Result<()> {
        let Spill {
            file,
            pieces,
            documents,
            ..
        } = self;
        let file = file
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the entity index's temporary file (disk full?)")?;
        let mut lists: [Vec<Vec<Piece>>; 3] = Default::default();
        for ((list, _), pieces) in pieces {
            lists[usize::from(list)].push(pieces);
        }
        let (file, documents) = (&file, &documents[..]);
        write::atomic_with(path, |w| {
            let [p, a, n] = lists.map(|l| {
                l.into_iter()
                    .map(move |pieces| entity(file, documents, pieces))
            });
            let (mut p, mut a, mut n) = (p, a, n);
            rec::EntityIndex::write_json(w, [&mut p, &mut a, &mut n])
        })
    }
}

/// One document's entities, serialised (by the worker that extracted it, so the writer only
/// copies bytes): one JSON line per entity, and (list, id, length) of each line.
#[derive(Default)]
pub struct Pieces {
    document: String,
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
            if let Some(d) = e.documents.first() {
                out.document.clone_from(d);
            }
            out.index.push((list, e.id, len));
        }
    }
    Ok(out)
}

/// One entity: its first piece gives its name, kind and authority; its documents are those of
/// its pieces, in order; its mentions are read back a document at a time.
fn entity<'a>(
    file: &'a File,
    documents: &'a [String],
    mut pieces: Vec<Piece>,
) -> std::io::Result<rec::EntityStream<'a>> {
    let first = pieces
        .first()
        .ok_or_else(|| std::io::Error::other("an entity without pieces"))?;
    let mut head = read(file, first)?;
    // Document order (stable: a document's pieces stay in input order).
    let doc = |p: &Piece| documents[p.document as usize].as_str();
    pieces.sort_by(|a, b| doc(a).cmp(doc(b)));
    head.documents = pieces.iter().map(|p| doc(p).to_owned()).collect();
    head.documents.dedup();
    head.mentions.clear();
    let mut pieces = pieces.into_iter().peekable();
    let mut pending = std::collections::VecDeque::new();
    let mentions = std::iter::from_fn(move || loop {
        if let Some(m) = pending.pop_front() {
            return Some(Ok(m));
        }
        let first = pieces.next()?;
        let mut group = vec![first];
        while let Some(next) = pieces.next_if(|p| doc(p) == doc(&group[0])) {
            group.push(next);
        }
        let mut mentions = Vec::new();
        for p in &group {
            match read(file, p) {
                Ok(e) => mentions.extend(e.mentions),
                Err(e) => return Some(Err(e)),
            }
        }
        mentions.sort();
        pending.extend(mentions);
    });
    Ok(rec::EntityStream {
        head,
        mentions: Box::new(mentions),
    })
}

fn read(file: &File, piece: &Piece) -> std::io::Result<rec::EntityEntry> {
    let mut buf = vec![0; piece.len as usize];
    read_at(file, &mut buf, piece.at)?;
    serde_json::from_slice(&buf).map_err(std::io::Error::other)
}

/// Read `buf.len()` bytes at `at`, without moving a shared cursor.
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
