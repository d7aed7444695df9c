//! `liasse ingest`: walk the inputs, process them in parallel, write the outputs.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use liasse_records as rec;
use rayon::prelude::*;

use crate::args::IngestArgs;
use crate::write;

/// File names the output directory reserves for itself.
const RESERVED: &[&str] = &["records", "manifest", "entities"];

/// One input: where it is, what it is called in the output, or why it could not be listed.
pub(crate) struct Input {
    pub(crate) path: PathBuf,
    /// As the user will recognise it: the given path, or the given directory joined with the
    /// file's path below it.
    pub(crate) shown: String,
    /// Stem of the output file (`<name>.json`).
    pub(crate) name: String,
    pub(crate) walk_error: Option<String>,
    /// The document itself, when it came on stdin rather than from a file.
    pub(crate) content: Option<Vec<u8>>,
}

pub(crate) struct Outcome {
    pub(crate) entry: rec::ManifestEntry,
    pub(crate) jsonl: Vec<u8>,
    pub(crate) entities: crate::entities::Pieces,
    /// Another shard's input: not processed, not listed.
    pub(crate) skipped: bool,
    /// Taken from the previous run (`--incremental`), not processed again.
    reused: bool,
}

/// What every job needs.
pub(crate) struct Ctx<'a> {
    options: liasse_extract::Options,
    max_bytes: u64,
    shard: Option<(u64, u64)>,
    /// Where outputs go; `None` when records are streamed to stdout.
    out_dir: Option<&'a Path>,
    /// The previous run's entries by input path, when they may be reused (`--incremental`
    /// with the same tool and schema version).
    reuse: Option<HashMap<&'a str, &'a rec::ManifestEntry>>,
}

pub fn run(a: &IngestArgs) -> anyhow::Result<ExitCode> {
    let encoding = forced_encoding(a.encoding.as_deref())?;
    let options = liasse_extract::Options {
        source: liasse_source::Options {
            encoding,
            file_name: None,
        },
        time_limit: Some(std::time::Duration::from_secs(a.max_seconds)),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    if a.stdin || a.stdin_json {
        let ctx = Ctx {
            options,
            max_bytes: a.max_bytes,
            shard: a.shard,
            out_dir: None,
            reuse: None,
        };
        return crate::stream::run(a.stdin_json, &ctx, &pool);
    }
    let Some(out) = a.out.as_deref() else {
        bail!("--out DIR is required (or --stdin to stream records to stdout)");
    };
    let mut inputs = walk(&a.paths).peekable();
    if inputs.peek().is_none() {
        bail!("no input files found in {}", list(&a.paths));
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create the output directory {}", out.display()))?;
    let previous = if a.incremental {
        previous_run(out)
    } else {
        None
    };
    let mut ctx = Ctx {
        options,
        max_bytes: a.max_bytes,
        shard: a.shard,
        out_dir: Some(out),
        reuse: None,
    };
    // Inputs are found as the workers need them, except in an incremental run, which first
    // compares the whole list with the previous manifest (held in memory anyway).
    let mut listed: Option<Vec<Input>> = None;
    if let Some(p) = &previous {
        if p.reusable {
            ctx.reuse = Some(
                p.manifest
                    .inputs
                    .iter()
                    .map(|e| (e.path.as_str(), e))
                    .collect(),
            );
            let all: Vec<Input> = inputs.by_ref().collect();
            if let Some(code) = unchanged(&all, &ctx, &pool, p, a.quiet) {
                return Ok(code);
            }
            listed = Some(all);
        } else if !a.quiet {
            eprintln!(
                "liasse: {} was written by liasse {} (schema {}); this is {} (schema {}): processing everything",
                out.join("manifest.json").display(),
                p.manifest.tool_version,
                p.manifest.schema_version,
                env!("CARGO_PKG_VERSION"),
                rec::SCHEMA_VERSION
            );
        }
    }
    let mut jsonl = tempfile::Builder::new()
        .prefix(".liasse-")
        .tempfile_in(out)
        .with_context(|| format!("cannot write in the output directory {}", out.display()))?;
    let mut entries = Entries::new(out)?;
    // The outputs this run keeps, to delete those of removed inputs (`--incremental` only).
    let mut keep: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut entities = crate::entities::Spill::new(out)?;
    let mut failed = 0;
    let mut reused = 0;
    let mut batch_error: Option<anyhow::Error> = None;
    let source: Box<dyn Iterator<Item = Input> + Send> = match listed {
        Some(all) => Box::new(all.into_iter()),
        None => Box::new(inputs),
    };
    crate::batch::run(
        &pool,
        source,
        |i| process_one(&i, &ctx),
        |o| {
            if o.skipped {
                return;
            }
            if let Err(e) = jsonl.write_all(&o.jsonl) {
                batch_error.get_or_insert(anyhow!("cannot write records.jsonl (disk full?): {e}"));
            }
            if let Err(e) = entities.add(o.entities) {
                batch_error.get_or_insert(anyhow!(
                    "cannot write the entity index's temporary file (disk full?): {e}"
                ));
            }
            if let Some(e) = &o.entry.error {
                failed += 1;
                eprintln!("liasse: {}: {e}", o.entry.path);
            }
            reused += usize::from(o.reused);
            if previous.is_some() {
                keep.extend(o.entry.output.iter().chain(&o.entry.text_output).cloned());
            }
            if let Err(e) = entries.push(&o.entry) {
                batch_error.get_or_insert(anyhow!(
                    "cannot write the manifest's temporary file (disk full?): {e}"
                ));
            }
        },
    );
    if batch_error.is_none() {
        if let Err(e) = jsonl
            .flush()
            .and_then(|()| write::readable(jsonl.as_file()))
            .map_err(anyhow::Error::from)
            .and_then(|()| {
                jsonl
                    .persist(out.join("records.jsonl"))
                    .map(|_| ())
                    .map_err(|e| anyhow!("cannot move records.jsonl into place: {}", e.error))
            })
        {
            batch_error = Some(e);
        }
    }
    if batch_error.is_none() {
        if let Err(e) = entities.write(&out.join("entities.json")) {
            batch_error.get_or_insert(e);
        }
    }
    let n = entries.count;
    if let Err(e) = entries.write(&out.join("manifest.json")) {
        batch_error.get_or_insert(e);
    }
    let removed = match &previous {
        Some(p) if batch_error.is_none() => remove_stale(out, &p.manifest, &keep),
        _ => 0,
    };
    if let Some(e) = batch_error {
        eprintln!("liasse: error: {e:#}");
        return Ok(ExitCode::from(1));
    }
    if !a.quiet {
        let incremental = if previous.is_some() {
            format!(", {reused} unchanged, {removed} output(s) of removed inputs deleted")
        } else {
            String::new()
        };
        eprintln!(
            "liasse: {n} input(s), {} written, {failed} failed{incremental}; output in {}",
            n - failed,
            out.display()
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The manifest's entries, in input order, kept in an anonymous temporary file until the
/// manifest is written, so memory does not grow with the collection.
struct Entries {
    file: std::io::BufWriter<std::fs::File>,
    count: usize,
}

impl Entries {
    fn new(dir: &Path) -> anyhow::Result<Entries> {
        let file = tempfile::tempfile_in(dir)
            .with_context(|| format!("cannot write in the output directory {}", dir.display()))?;
        Ok(Entries {
            file: std::io::BufWriter::new(file),
            count: 0,
        })
    }

    fn push(&mut self, entry: &rec::ManifestEntry) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.file, entry).map_err(std::io::Error::other)?;
        self.file.write_all(b"\n")?;
        self.count += 1;
        Ok(())
    }

    /// Write `manifest.json` atomically from the entries.
    fn write(self, path: &Path) -> anyhow::Result<()> {
        use std::io::{BufRead, Seek};
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the manifest's temporary file (disk full?)")?;
        file.rewind()
            .context("cannot read the manifest's temporary file")?;
        let mut entries = std::io::BufReader::new(file)
            .lines()
            .map(|line| line.and_then(|l| serde_json::from_str(&l).map_err(std::io::Error::other)));
        write::atomic_with(path, |w| {
            rec::Manifest::write_json(w, "liasse", env!("CARGO_PKG_VERSION"), &mut entries)
        })
    }
}

/// The manifest of the previous run in the output directory.
struct Previous {
    manifest: rec::Manifest,
    /// Same tool and schema version: its outputs may be reused.
    reusable: bool,
}

fn previous_run(out: &Path) -> Option<Previous> {
    let bytes = std::fs::read(out.join("manifest.json")).ok()?;
    let manifest: rec::Manifest = serde_json::from_slice(&bytes).ok()?;
    let reusable = manifest.tool == "liasse"
        && manifest.tool_version == env!("CARGO_PKG_VERSION")
        && manifest.schema_version == rec::SCHEMA_VERSION;
    Some(Previous { manifest, reusable })
}

/// With `--encoding`, an output decoded with another encoding is not reused (a failure, which
/// records no encoding, is retried).
fn same_encoding(prev: &rec::ManifestEntry, ctx: &Ctx) -> bool {
    ctx.options
        .source
        .encoding
        .is_none_or(|forced| prev.encoding.as_deref() == Some(forced.name()))
}

/// A failure that depends on the options (size or time limits), not only on the content: it
/// is retried rather than reused.
fn depends_on_options(error: &str) -> bool {
    error.contains("--max-bytes") || error.contains("--max-seconds")
}

/// When every input is the one the previous run processed (same path, same content, same output
/// name, its output still there) and none was removed, the outputs are already what this run
/// would write: say so and write nothing. Costs reading and hashing the inputs.
fn unchanged(
    inputs: &[Input],
    ctx: &Ctx,
    pool: &rayon::ThreadPool,
    previous: &Previous,
    quiet: bool,
) -> Option<ExitCode> {
    let reuse = ctx.reuse.as_ref()?;
    let out = ctx.out_dir?;
    if ctx.shard.is_some() || reuse.len() != inputs.len() {
        return None;
    }
    for f in ["records.jsonl", "entities.json"] {
        if !out.join(f).is_file() {
            return None;
        }
    }
    let same = pool.install(|| {
        inputs.par_iter().all(|input| {
            let Some(prev) = reuse.get(input.shown.as_str()) else {
                return false;
            };
            if input.walk_error.is_some() {
                return false;
            }
            let Ok(bytes) = std::fs::read(&input.path) else {
                return false;
            };
            let outputs_there = [&prev.output, &prev.text_output]
                .into_iter()
                .flatten()
                .all(|f| out.join(f).is_file());
            prev.sha256.as_deref() == Some(liasse_source::sha256_hex(&bytes).as_str())
                && same_encoding(prev, ctx)
                && match &prev.error {
                    Some(e) => !depends_on_options(e),
                    None => prev.output.as_deref() == Some(&format!("{}.json", input.name)),
                }
                && outputs_there
        })
    });
    if !same {
        return None;
    }
    let failed: Vec<&rec::ManifestEntry> = previous
        .manifest
        .inputs
        .iter()
        .filter(|e| e.error.is_some())
        .collect();
    for e in &failed {
        eprintln!("liasse: {}: {}", e.path, e.error.as_deref().unwrap_or(""));
    }
    if !quiet {
        eprintln!(
            "liasse: {} input(s), all unchanged since the last run ({} failed); nothing to do in {}",
            inputs.len(),
            failed.len(),
            out.display()
        );
    }
    Some(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Delete the outputs the previous run wrote for inputs this run no longer has (or now names
/// differently). Returns how many files went.
fn remove_stale(
    out: &Path,
    previous: &rec::Manifest,
    keep: &std::collections::HashSet<String>,
) -> usize {
    let mut removed = 0;
    for e in &previous.inputs {
        for f in [e.output.as_deref(), e.text_output.as_deref()]
            .into_iter()
            .flatten()
        {
            // Only plain names the tool writes itself: never a path that leaves the directory.
            let plain = !f.contains(['/', '\\']) && !f.starts_with('.');
            if plain && !keep.contains(f) && std::fs::remove_file(out.join(f)).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

/// The encoding `--encoding` names, if given; a usage error when it names none.
pub fn forced_encoding(
    label: Option<&str>,
) -> anyhow::Result<Option<&'static liasse_source::Encoding>> {
    label
        .map(|label| {
            liasse_source::encoding_for_label(label).ok_or_else(|| {
                anyhow!("unknown encoding {label:?}; use a WHATWG label such as utf-8, windows-1252, iso-8859-15, utf-16le")
            })
        })
        .transpose()
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The inputs, in a deterministic order: the paths as given, directories walked recursively in
/// file-name order, hidden entries skipped, symbolic links to directories not followed (a link
/// to nothing is an input that fails). Found
/// as they are needed: memory holds the directories being walked, not the collection.
pub(crate) struct Walk<'a> {
    roots: std::slice::Iter<'a, PathBuf>,
    /// The directory being walked, and its walk.
    current: Option<(&'a PathBuf, Found)>,
    names: Names,
}

type Found = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

pub(crate) fn walk(paths: &[PathBuf]) -> Walk<'_> {
    Walk {
        roots: paths.iter(),
        current: None,
        names: Names::default(),
    }
}

impl Iterator for Walk<'_> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some((root, entries)) = &mut self.current {
                match entries.next() {
                    Some(Err(e)) => {
                        let p = e
                            .path()
                            .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                        let error = format!("cannot read: {e}");
                        return Some(self.names.input(p, Some(error)));
                    }
                    Some(Ok(e))
                        if e.file_type().is_file()
                            || (e.path_is_symlink() && e.path().is_file()) =>
                    {
                        return Some(self.names.input(e.into_path(), None));
                    }
                    // A link to nothing was meant to be an input: say so.
                    Some(Ok(e)) if e.path_is_symlink() && !e.path().exists() => {
                        let error =
                            "cannot read: a symbolic link to a file that does not exist".to_owned();
                        return Some(self.names.input(e.into_path(), Some(error)));
                    }
                    Some(Ok(_)) => continue,
                    None => self.current = None,
                }
            }
            let root = self.roots.next()?;
            match std::fs::metadata(root) {
                Err(e) => {
                    let error = format!("cannot read: {e}");
                    return Some(self.names.input(root.clone(), Some(error)));
                }
                Ok(m) if m.is_dir() => {
                    let visible: fn(&walkdir::DirEntry) -> bool =
                        |e| e.depth() == 0 || !is_hidden(e.file_name());
                    self.current = Some((
                        root,
                        walkdir::WalkDir::new(root)
                            .follow_links(false)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(visible),
                    ));
                }
                Ok(_) => return Some(self.names.input(root.clone(), None)),
            }
        }
    }
}

/// Output names: the file stem, made unique in input order by a counter (`-2`, `-3`), and
/// never a name given before, case aside (a second `a` after a file named `a-2` is `a-3`).
/// Memory keeps a 64-bit hash per name, not the name: two different names with the same hash
/// (odds n²/2^65: about one in 10^9 for 200,000 inputs, one in 4·10^7 for a million) only
/// give the second a needless counter.
#[derive(Default)]
struct Names {
    given: HashMap<u64, u32>,
}

impl Names {
    fn key(name: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        // `DefaultHasher::new` has fixed keys: the same hash on every run.
        let mut h = std::hash::DefaultHasher::new();
        name.to_lowercase().hash(&mut h);
        h.finish()
    }

    fn name(&mut self, path: &Path) -> String {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "document".into());
        let seen = self.given.entry(Names::key(&stem)).or_insert(0);
        *seen += 1;
        let mut n = *seen;
        if n == 1 && !RESERVED.contains(&stem.to_lowercase().as_str()) {
            return stem;
        }
        let mut name = if n == 1 {
            format!("{stem}-document")
        } else {
            format!("{stem}-{n}")
        };
        while self.given.contains_key(&Names::key(&name)) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        self.given.insert(Names::key(&name), 1);
        name
    }

    fn input(&mut self, path: PathBuf, walk_error: Option<String>) -> Input {
        Input {
            shown: path.display().to_string(),
            name: self.name(&path),
            path,
            walk_error,
            content: None,
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn failure(input: &Input, error: String) -> Outcome {
    Outcome {
        entry: rec::ManifestEntry {
            path: input.shown.clone(),
            id: None,
            sha256: None,
            bytes: None,
            format: None,
            encoding: None,
            kind: None,
            output: None,
            text_output: None,
            records: None,
            error: Some(error),
        },
        jsonl: Vec::new(),
        entities: crate::entities::Pieces::default(),
        skipped: false,
        reused: false,
    }
}

pub(crate) fn process_one(input: &Input, ctx: &Ctx) -> Outcome {
    // An input that fails before its content can be read is reported by the first shard only.
    let early = |error: String| {
        let mut o = failure(input, error);
        o.skipped = ctx.shard.is_some_and(|(k, _)| k != 1);
        o
    };
    if let Some(e) = &input.walk_error {
        return early(e.clone());
    }
    let max_bytes = ctx.max_bytes;
    let read;
    let bytes: &[u8] = match &input.content {
        Some(b) if b.len() as u64 > max_bytes => {
            return early(format!("the document is {} bytes, over the {max_bytes}-byte limit; split it, or raise --max-bytes", b.len()));
        }
        Some(b) => b,
        None => {
            // Too large: said before reading it, so one huge file cannot exhaust memory.
            if let Ok(m) = std::fs::metadata(&input.path) {
                if m.len() > max_bytes {
                    return early(format!("the file is {} bytes, over the {max_bytes}-byte limit; split it, or raise --max-bytes", m.len()));
                }
            }
            read = match std::fs::read(&input.path) {
                Ok(b) => b,
                Err(e) => return early(format!("cannot read: {e}")),
            };
            &read
        }
    };
    let sha = liasse_source::sha256_hex(bytes);
    // The shard of a document is a function of its content alone.
    if let Some((k, n)) = ctx.shard {
        let h = u64::from_str_radix(&sha[..15], 16).unwrap_or(0);
        if h % n != k - 1 {
            let mut o = failure(input, String::new());
            o.skipped = true;
            return o;
        }
    }
    if let Some(o) = reuse(input, ctx, &sha) {
        return o;
    }
    // A panic in a parser is a bug; it must cost one document, not the batch.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        liasse_extract::process_hashed(&input.shown, bytes, sha.clone(), &ctx.options)
    }));
    let (output, text) = match result {
        Ok(Ok(o)) => o,
        Ok(Err(e)) => {
            let mut o = failure(input, e.to_string());
            o.entry.id = Some(liasse_source::document_id(&sha));
            o.entry.sha256 = Some(sha);
            o.entry.bytes = Some(bytes.len() as u64);
            return o;
        }
        Err(_) => {
            return failure(
                input,
                "internal error while extracting (a bug: please report it with this file)".into(),
            )
        }
    };
    let mut file = None;
    let mut text_output = None;
    // Each record serialised once for both the document's file and its lines.
    let (json, jsonl) = output.to_json_and_jsonl(ctx.out_dir.is_some(), true);
    if let Some(out_dir) = ctx.out_dir {
        let name = format!("{}.json", input.name);
        // Spans index the decoded text: when it is not the file's bytes, it is written beside.
        if text.as_bytes() != bytes {
            let t = format!("{}.txt", input.name);
            if let Err(e) = write::atomic(&out_dir.join(&t), text.as_bytes()) {
                return failure(input, format!("{e:#}"));
            }
            text_output = Some(t);
        }
        if let Err(e) = write::atomic(&out_dir.join(&name), &json) {
            return failure(input, format!("{e:#}"));
        }
        file = Some(name);
    }
    finished(input, &output, jsonl, file, text_output, false)
}

/// The outcome of a document whose output is at hand.
fn finished(
    input: &Input,
    output: &rec::DocumentOutput,
    jsonl: Vec<u8>,
    file: Option<String>,
    text_output: Option<String>,
    reused: bool,
) -> Outcome {
    let d = &output.document;
    // The entity index is only written beside the files of a batch, not in a stream.
    let entities = if file.is_some() {
        let mut index = rec::EntityIndex::default();
        index.add(output);
        match crate::entities::pieces(index) {
            Ok(p) => p,
            Err(e) => return failure(input, format!("cannot serialise its entities (a bug): {e}")),
        }
    } else {
        crate::entities::Pieces::default()
    };
    Outcome {
        entities,
        skipped: false,
        reused,
        entry: rec::ManifestEntry {
            path: input.shown.clone(),
            id: Some(d.id.clone()),
            sha256: Some(d.sha256.clone()),
            bytes: Some(d.bytes),
            format: Some(d.format),
            encoding: Some(d.encoding.clone()),
            kind: Some(d.kind),
            output: file,
            text_output,
            records: Some(output.counts()),
            error: None,
        },
        jsonl,
    }
}

/// The previous run's outcome for this input, when its content and output name are the same
/// and its outputs are still there (`--incremental`).
fn reuse(input: &Input, ctx: &Ctx, sha: &str) -> Option<Outcome> {
    let prev = *ctx.reuse.as_ref()?.get(input.shown.as_str())?;
    let out_dir = ctx.out_dir?;
    if prev.sha256.as_deref() != Some(sha) || !same_encoding(prev, ctx) {
        return None;
    }
    if let Some(e) = &prev.error {
        if depends_on_options(e) {
            return None;
        }
        let mut o = failure(input, e.clone());
        o.entry = prev.clone();
        o.reused = true;
        return Some(o);
    }
    let file = prev.output.as_ref()?;
    if *file != format!("{}.json", input.name) {
        return None;
    }
    if let Some(t) = &prev.text_output {
        if !out_dir.join(t).is_file() {
            return None;
        }
    }
    let json = std::fs::read(out_dir.join(file)).ok()?;
    let output: rec::DocumentOutput = serde_json::from_slice(&json).ok()?;
    if output.document.sha256 != sha {
        return None;
    }
    Some(finished(
        input,
        &output,
        output.to_json_and_jsonl(false, true).1,
        Some(file.clone()),
        prev.text_output.clone(),
        true,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_are_unique_whatever_the_stems() {
        let mut names = Names::default();
        let got: Vec<String> = [
            "a/foo.txt",
            "b/foo.html",
            "c/foo-2.txt",
            "d/FOO.md",
            "e/records.txt",
            "f/records-document.txt",
            "h/document.pdf",
            "i/bar.txt",
        ]
        .iter()
        .map(|p| names.name(Path::new(p)))
        .collect();
        assert_eq!(
            got,
            [
                "foo",
                "foo-2",
                // A file named like a counter given before gets a counter of its own.
                "foo-2-2",
                "FOO-3",
                "records-document",
                "records-document-2",
                "document",
                "bar",
            ]
        );
    }

    #[test]
    fn the_walk_is_in_file_name_order_and_skips_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "b/2.txt",
            "b/1.txt",
            "a.txt",
            ".hidden/x.txt",
            "c/.y.txt",
            "c/z.txt",
        ] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "x").unwrap();
        }
        let missing = dir.path().join("missing.txt");
        let roots = [dir.path().to_path_buf(), missing.clone()];
        let found: Vec<(String, String, bool)> = walk(&roots)
            .map(|i| {
                let rel = i
                    .path
                    .strip_prefix(dir.path())
                    .unwrap()
                    .display()
                    .to_string();
                (rel, i.name, i.walk_error.is_some())
            })
            .collect();
        let want = |p: &str, n: &str, e: bool| (p.to_owned(), n.to_owned(), e);
        assert_eq!(
            found,
            [
                want("a.txt", "a", false),
                want("b/1.txt", "1", false),
                want("b/2.txt", "2", false),
                want("c/z.txt", "z", false),
                want("missing.txt", "missing", true),
            ]
        );
    }
}
