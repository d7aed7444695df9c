//! The batch's entity index (`entities.json`) in memory that does not grow with the collection.
//!
//! The worker that extracts a document serialises its entities: per entity a head (the entry
//! without its mentions) and the mentions laid out as they will sit in `entities.json`. The
//! writer appends those bytes to an anonymous temporary file, and a fixed-size record per
//! entity and document (which entity, which document, where its bytes are) to a second one.
//! Memory keeps one number per distinct entity, nothing per document. At the end the records
//! are sorted on disk (sorted runs of at most [`RUN`] records, merged into a third file): each
//! entity's records then follow each other in document order, and the entity is written from
//! them, its documents and its mentions read back a document at a time and copied. The bytes
//! are those of merging everything in memory.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::fs::File;
use std::io::{BufWriter, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::Context;
use liasse_records as rec;

use crate::write;

/// Records sorted in memory at once (32 bytes each: 4 MiB).
const RUN: usize = 1 << 17;

/// One document's piece of one entity: a fixed-size record of the piece file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Piece {
    /// The entity: its number in order of first sight while pieces are added, its rank in
    /// `entities.json` once sorted.
    entity: u32,
    /// The document's id (16 hex digits) as a number: document order is its order.
    id: u64,
    /// The document's place in input order (two inputs may have the same content, hence id).
    document: u32,
    /// Where the piece is in the entity file, its length, and the length of its head.
    at: u64,
    len: u32,
    head: u32,
}

const SIZE: usize = 32;

impl Piece {
    fn encode(&self) -> [u8; SIZE] {
        let mut b = [0; SIZE];
        b[0..4].copy_from_slice(&self.entity.to_le_bytes());
        b[4..12].copy_from_slice(&self.id.to_le_bytes());
        b[12..16].copy_from_slice(&self.document.to_le_bytes());
        b[16..24].copy_from_slice(&self.at.to_le_bytes());
        b[24..28].copy_from_slice(&self.len.to_le_bytes());
        b[28..32].copy_from_slice(&self.head.to_le_bytes());
        b
    }

    fn decode(b: &[u8]) -> Piece {
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let u64_at = |i: usize| u64::from(u32_at(i)) | (u64::from(u32_at(i + 4)) << 32);
        Piece {
            entity: u32_at(0),
            id: u64_at(4),
            document: u32_at(12),
            at: u64_at(16),
            len: u32_at(24),
            head: u32_at(28),
        }
    }
}

/// A document id (16 lowercase hex digits, see `liasse_source::document_id`) as a number with
/// the same order, and back.
fn id_number(id: &str) -> std::io::Result<u64> {
    let hex = id.len() == 16 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex.then(|| u64::from_str_radix(id, 16).ok())
        .flatten()
        .ok_or_else(|| std::io::Error::other(format!("unexpected document id {id:?}")))
}

fn id_text(n: u64) -> String {
    format!("{n:016x}")
}

pub struct Spill {
    /// Entities' JSON lines.
    lines: BufWriter<File>,
    at: u64,
    /// One [`Piece`] per entity and document, in input order.
    pieces: BufWriter<File>,
    count: u64,
    /// (list: 0 partners, 1 agencies, 2 people; id) → number, in order of first sight.
    entities: HashMap<(u8, String), u32>,
    documents: u32,
    dir: std::path::PathBuf,
    /// Records sorted in memory at once ([`RUN`]; smaller in tests).
    run: usize,
}

impl Spill {
    pub fn new(dir: &Path) -> anyhow::Result<Spill> {
        let temp = || {
            tempfile::tempfile_in(dir)
                .with_context(|| format!("cannot write in the output directory {}", dir.display()))
        };
        Ok(Spill {
            lines: BufWriter::new(temp()?),
            at: 0,
            pieces: BufWriter::new(temp()?),
            count: 0,
            entities: HashMap::new(),
            documents: 0,
            dir: dir.to_path_buf(),
            run: RUN,
        })
    }

    /// Add one document's entities, serialised by [`pieces`].
    pub fn add(&mut self, pieces: Pieces) -> std::io::Result<()> {
        if pieces.index.is_empty() {
            return Ok(());
        }
        let id = id_number(&pieces.document)?;
        self.lines.write_all(&pieces.bytes)?;
        let document = self.documents;
        self.documents = document
            .checked_add(1)
            .ok_or_else(|| std::io::Error::other("more than 2^32 documents"))?;
        let mut at = self.at;
        for (list, name, len, head) in pieces.index {
            let next = u32::try_from(self.entities.len()).map_err(std::io::Error::other)?;
            let entity = *self.entities.entry((list, name)).or_insert(next);
            let piece = Piece {
                entity,
                id,
                document,
                at,
                len,
                head,
            };
            self.pieces.write_all(&piece.encode())?;
            self.count += 1;
            at += u64::from(len);
        }
        self.at = at;
        Ok(())
    }

    /// Write `entities.json` atomically.
    pub fn write(self, path: &Path) -> anyhow::Result<()> {
        let Spill {
            lines,
            pieces,
            count,
            entities,
            dir,
            run,
            ..
        } = self;
        let lines = lines
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the entity index's temporary file (disk full?)")?;
        let pieces = pieces
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the entity index's temporary file (disk full?)")?;
        // Entities in the order of entities.json: by list, then id.
        let mut keys: Vec<((u8, String), u32)> = entities.into_iter().collect();
        keys.sort_unstable();
        let mut rank = vec![0u32; keys.len()];
        let mut lists = [0usize; 3];
        for (r, ((list, _), n)) in keys.iter().enumerate() {
            rank[*n as usize] = u32::try_from(r).unwrap_or(u32::MAX);
            lists[usize::from(*list).min(2)] += 1;
        }
        drop(keys);
        let sorted = tempfile::tempfile_in(&dir)
            .with_context(|| format!("cannot write in the output directory {}", dir.display()))?;
        let groups = sort(&pieces, count, &rank, &sorted, &dir, run)
            .context("cannot sort the entity index's temporary file (disk full?)")?;
        drop(pieces);
        let (lines, sorted, groups) = (&lines, &sorted, &groups[..]);
        write::atomic_with(path, |w| {
            let mut start = 0;
            let [p, a, n] = lists.map(|len| {
                let list = &groups[start..start + len];
                start += len;
                list.iter().map(move |g| entity(lines, sorted, g))
            });
            let (mut p, mut a, mut n) = (p, a, n);
            rec::EntityIndex::write_json(w, [&mut p, &mut a, &mut n])
        })
    }
}

/// Where one entity's records are in the sorted file, and its first piece in input order
/// (which gives its name, kind and authority).
struct Group {
    start: u64,
    end: u64,
    first: Piece,
}

/// Sort the `count` records of `pieces` by (entity rank, document id, input order) into
/// `sorted`; the group of each entity, by rank.
fn sort(
    pieces: &File,
    count: u64,
    rank: &[u32],
    sorted: &File,
    dir: &Path,
    run_size: usize,
) -> std::io::Result<Vec<Group>> {
    // Sorted runs, one after the other in a temporary file (or the sorted file itself when
    // there is only one).
    let runs_file;
    let run_size = run_size.max(1);
    let one_run = count <= run_size as u64;
    let runs_into = if one_run {
        sorted
    } else {
        runs_file = tempfile::tempfile_in(dir)?;
        &runs_file
    };
    let mut runs = Vec::new();
    let mut reader = Records::new(pieces, 0, count);
    let mut out = BufWriter::with_capacity(1 << 16, runs_into);
    let mut at = 0u64;
    loop {
        let mut run: Vec<Piece> =
            Vec::with_capacity(run_size.min(usize::try_from(count).unwrap_or(usize::MAX)));
        while run.len() < run_size {
            match reader.next() {
                Some(p) => {
                    let mut p = p?;
                    p.entity = *rank
                        .get(p.entity as usize)
                        .ok_or_else(|| std::io::Error::other("a piece of an unknown entity"))?;
                    run.push(p);
                }
                None => break,
            }
        }
        if run.is_empty() {
            break;
        }
        run.sort_unstable();
        for p in &run {
            out.write_all(&p.encode())?;
        }
        runs.push((at, at + run.len() as u64));
        at += run.len() as u64;
    }
    out.flush()?;
    drop(out);
    let mut groups: Vec<Group> = Vec::with_capacity(rank.len());
    let mut note = |i: u64, p: Piece| match groups.last_mut() {
        Some(g) if g.first.entity == p.entity => {
            g.end = i + 1;
            if p.document < g.first.document {
                g.first = p;
            }
        }
        _ => groups.push(Group {
            start: i,
            end: i + 1,
            first: p,
        }),
    };
    if one_run {
        for (i, p) in Records::new(sorted, 0, count).enumerate() {
            note(i as u64, p?);
        }
    } else {
        // Merge the runs.
        let mut readers: Vec<Records> = runs
            .iter()
            .map(|&(s, e)| Records::new(runs_into, s, e))
            .collect();
        let mut heap = BinaryHeap::new();
        for (r, reader) in readers.iter_mut().enumerate() {
            if let Some(p) = reader.next() {
                heap.push(Reverse((p?, r)));
            }
        }
        let mut out = BufWriter::with_capacity(1 << 16, sorted);
        let mut i = 0u64;
        while let Some(Reverse((p, r))) = heap.pop() {
            out.write_all(&p.encode())?;
            note(i, p);
            i += 1;
            if let Some(next) = readers[r].next() {
                heap.push(Reverse((next?, r)));
            }
        }
        out.flush()?;
    }
    Ok(groups)
}

/// The records `start..end` of a piece file, read through a buffer, by position (the file's
/// cursor is never moved, so several readers share one file).
struct Records<'a> {
    file: &'a File,
    next: u64,
    end: u64,
    buf: Vec<u8>,
    pos: usize,
}

impl<'a> Records<'a> {
    fn new(file: &'a File, start: u64, end: u64) -> Records<'a> {
        Records {
            file,
            next: start,
            end,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

impl Iterator for Records<'_> {
    type Item = std::io::Result<Piece>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos == self.buf.len() {
            if self.next == self.end {
                return None;
            }
            // 64 KiB at a time.
            let n = (self.end - self.next).min(2048);
            self.buf.resize(n as usize * SIZE, 0);
            if let Err(e) = read_at(self.file, &mut self.buf, self.next * SIZE as u64) {
                self.next = self.end;
                self.buf.clear();
                self.pos = 0;
                return Some(Err(e));
            }
            self.next += n;
            self.pos = 0;
        }
        let p = Piece::decode(&self.buf[self.pos..self.pos + SIZE]);
        self.pos += SIZE;
        Some(Ok(p))
    }
}

/// One document's entities, serialised by the worker that extracted it, so the writer and
/// the final merge only copy bytes: per entity, its head (the entry without its mentions, one
/// JSON line) then its mentions laid out as in `entities.json`; and (list, id, length, length
/// of the head) of each.
#[derive(Default)]
pub struct Pieces {
    document: String,
    bytes: Vec<u8>,
    index: Vec<(u8, String, u32, u32)>,
}

pub fn pieces(doc: rec::EntityIndex) -> std::io::Result<Pieces> {
    let mut out = Pieces::default();
    let length = |n: usize| u32::try_from(n).map_err(std::io::Error::other);
    for (list, entries) in [(0u8, doc.partners), (1, doc.agencies), (2, doc.people)] {
        for mut e in entries {
            let before = out.bytes.len();
            let mut mentions = std::mem::take(&mut e.mentions);
            mentions.sort();
            serde_json::to_writer(&mut out.bytes, &e).map_err(std::io::Error::other)?;
            out.bytes.push(b'\n');
            let head = length(out.bytes.len() - before)?;
            out.bytes
                .extend_from_slice(&rec::EntityMention::layout(&mentions)?);
            let len = length(out.bytes.len() - before)?;
            if let Some(d) = e.documents.first() {
                out.document.clone_from(d);
            }
            out.index.push((list, e.id, len, head));
        }
    }
    Ok(out)
}

/// One entity, from its group of the sorted file: its first piece gives its name, kind and
/// authority; its documents are those of its records, in order, once each; its mentions are
/// read back a document at a time.
fn entity<'a>(
    lines: &'a File,
    sorted: &'a File,
    group: &Group,
) -> std::io::Result<rec::EntityStream<'a>> {
    let mut head = read(lines, &group.first)?;
    head.documents.clear();
    head.mentions.clear();
    let mut last = None;
    let documents = Records::new(sorted, group.start, group.end).filter_map(move |p| match p {
        Ok(p) if last == Some(p.id) => None,
        Ok(p) => {
            last = Some(p.id);
            Some(Ok(id_text(p.id)))
        }
        Err(e) => Some(Err(e)),
    });
    let mut pieces = Records::new(sorted, group.start, group.end).peekable();
    // A run of laid-out mentions per document id: copied as it is, unless several inputs
    // share the id (the same content twice), whose mentions are merged and laid out again.
    let runs = std::iter::from_fn(move || {
        let first = match pieces.next()? {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        };
        let mut same = Vec::new();
        while let Some(next) = pieces.next_if(|p| matches!(p, Ok(p) if p.id == first.id)) {
            match next {
                Ok(p) => same.push(p),
                Err(e) => return Some(Err(e)),
            }
        }
        if same.is_empty() {
            return Some(laid(lines, &first));
        }
        let mut mentions = Vec::new();
        for p in std::iter::once(&first).chain(&same) {
            let run = match laid(lines, p) {
                Ok(run) => run,
                Err(e) => return Some(Err(e)),
            };
            let mut list = b"[".to_vec();
            list.extend_from_slice(&run);
            list.push(b']');
            match serde_json::from_slice::<Vec<rec::EntityMention>>(&list) {
                Ok(m) => mentions.extend(m),
                Err(e) => return Some(Err(std::io::Error::other(e))),
            }
        }
        mentions.sort();
        Some(rec::EntityMention::layout(&mentions))
    });
    Ok(rec::EntityStream {
        head,
        documents: Some(Box::new(documents)),
        mentions: rec::Mentions::Laid(Box::new(runs)),
    })
}

/// The head of a piece: its entity without mentions.
fn read(file: &File, piece: &Piece) -> std::io::Result<rec::EntityEntry> {
    let mut buf = vec![0; piece.head as usize];
    read_at(file, &mut buf, piece.at)?;
    serde_json::from_slice(&buf).map_err(std::io::Error::other)
}

/// The mentions of a piece, laid out.
fn laid(file: &File, piece: &Piece) -> std::io::Result<Vec<u8>> {
    let len = piece
        .len
        .checked_sub(piece.head)
        .ok_or_else(|| std::io::Error::other("a piece shorter than its head"))?;
    let mut buf = vec![0; len as usize];
    read_at(file, &mut buf, piece.at + u64::from(piece.head))?;
    Ok(buf)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(document: &str, start: usize) -> rec::EntityMention {
        let start = u32::try_from(start).unwrap();
        rec::EntityMention {
            document: document.into(),
            span: rec::Span::new(start, start + 2, None, "xx"),
        }
    }

    /// Documents (some sharing an id, as inputs with the same content do) naming entities of
    /// every list; the index written through the spill, with runs of every size, equals the
    /// one merged in memory.
    #[test]
    fn sorted_on_disk_equals_merged_in_memory() {
        let ids: Vec<String> = (0..40u64)
            .map(|i| format!("{:016x}", (i * 7919) % 23 + 0xa0))
            .collect();
        let mut docs = Vec::new();
        for (d, doc_id) in ids.iter().enumerate() {
            let mut index = rec::EntityIndex::default();
            for (list, n) in [(0usize, 5), (1, 3), (2, 7)] {
                for k in 0..n {
                    if (d + k * 3 + list) % 4 == 0 {
                        continue;
                    }
                    let entry = rec::EntityEntry {
                        id: format!("e{list}-{k}"),
                        name: format!("Name {k} in {d}"),
                        kind: "partner".into(),
                        authority: (k % 2 == 0).then(|| format!("A{k}")),
                        documents: vec![doc_id.clone()],
                        mentions: vec![mention(doc_id, 100 - d), mention(doc_id, d * 3)],
                    };
                    [&mut index.partners, &mut index.agencies, &mut index.people][list].push(entry);
                }
            }
            docs.push(index);
        }
        // In memory: the first document's entry gives the head.
        let mut expected = rec::EntityIndex {
            schema_version: rec::SCHEMA_VERSION,
            ..Default::default()
        };
        for doc in &docs {
            for (from, into) in [
                (&doc.partners, &mut expected.partners),
                (&doc.agencies, &mut expected.agencies),
                (&doc.people, &mut expected.people),
            ] {
                for e in from {
                    match into.iter_mut().find(|x| x.id == e.id) {
                        Some(x) => {
                            x.documents.extend(e.documents.iter().cloned());
                            x.mentions.extend(e.mentions.iter().cloned());
                        }
                        None => into.push(e.clone()),
                    }
                }
            }
        }
        expected.finish();
        let expected = expected.to_json();
        for run in [1, 2, 3, 7, 64, RUN] {
            let dir = tempfile::tempdir().unwrap();
            let mut spill = Spill::new(dir.path()).unwrap();
            spill.run = run;
            for doc in &docs {
                spill.add(pieces(doc.clone()).unwrap()).unwrap();
            }
            let path = dir.path().join("entities.json");
            spill.write(&path).unwrap();
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                expected,
                "runs of {run}"
            );
        }
    }

    #[test]
    fn an_empty_spill_writes_empty_lists() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Spill::new(dir.path()).unwrap();
        let path = dir.path().join("entities.json");
        spill.write(&path).unwrap();
        let expected = rec::EntityIndex {
            schema_version: rec::SCHEMA_VERSION,
            ..Default::default()
        };
        assert_eq!(std::fs::read_to_string(&path).unwrap(), expected.to_json());
    }

    #[test]
    fn records_round_trip() {
        let p = Piece {
            entity: 7,
            id: u64::MAX - 3,
            document: 123_456,
            at: (1 << 40) + 5,
            len: 99,
            head: 42,
        };
        assert_eq!(Piece::decode(&p.encode()), p);
        assert_eq!(
            id_text(id_number("00ff00ff00ff00ff").unwrap()),
            "00ff00ff00ff00ff"
        );
        assert!(id_number("00FF00ff00ff00ff").is_err());
        assert!(id_number("abc").is_err());
    }
}
