//! `liasse ingest`: walk the inputs, process them in parallel, write the outputs.

use std::collections::{BTreeMap, HashMap};
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
struct Input {
    path: PathBuf,
    /// As the user will recognise it: the given path, or the given directory joined with the
    /// file's path below it.
    shown: String,
    /// Stem of the output file (`<name>.json`).
    name: String,
    walk_error: Option<String>,
}

struct Outcome {
    entry: rec::ManifestEntry,
    jsonl: String,
    entities: rec::EntityIndex,
    /// Another shard's input: not processed, not listed.
    skipped: bool,
}

pub fn run(a: &IngestArgs) -> anyhow::Result<ExitCode> {
    let encoding = forced_encoding(a.encoding.as_deref())?;
    let inputs = collect(&a.paths);
    if inputs.is_empty() {
        bail!("no input files found in {}", list(&a.paths));
    }
    std::fs::create_dir_all(&a.out)
        .with_context(|| format!("cannot create the output directory {}", a.out.display()))?;
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
    // Inputs go through in chunks, each processed in parallel and written in input order, so
    // memory holds one chunk of outputs, not the collection.
    let chunk = 32 * pool.current_num_threads().max(1);
    let mut jsonl = tempfile::Builder::new()
        .prefix(".liasse-")
        .tempfile_in(&a.out)
        .with_context(|| format!("cannot write in the output directory {}", a.out.display()))?;
    let mut entries = Vec::with_capacity(inputs.len());
    let mut entities: BTreeMap<(u8, String), rec::EntityEntry> = BTreeMap::new();
    let mut failed = 0;
    let mut batch_error: Option<anyhow::Error> = None;
    for part in inputs.chunks(chunk) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            part.par_iter()
                .map(|i| process_one(i, &a.out, &options, a.max_bytes, a.shard))
                .collect()
        });
        for o in outcomes.into_iter().filter(|o| !o.skipped) {
            if let Err(e) = jsonl.write_all(o.jsonl.as_bytes()) {
                batch_error.get_or_insert(anyhow!("cannot write records.jsonl (disk full?): {e}"));
            }
            for (rank, list) in [
                (0u8, o.entities.partners),
                (1, o.entities.agencies),
                (2, o.entities.people),
            ] {
                for e in list {
                    match entities.entry((rank, e.id.clone())) {
                        std::collections::btree_map::Entry::Occupied(mut x) => {
                            x.get_mut().documents.extend(e.documents);
                            x.get_mut().mentions.extend(e.mentions);
                        }
                        std::collections::btree_map::Entry::Vacant(v) => {
                            v.insert(e);
                        }
                    }
                }
            }
            if let Some(e) = &o.entry.error {
                failed += 1;
                eprintln!("liasse: {}: {e}", o.entry.path);
            }
            entries.push(o.entry);
        }
    }
    let mut index = rec::EntityIndex {
        schema_version: rec::SCHEMA_VERSION,
        ..Default::default()
    };
    for ((rank, _), e) in entities {
        match rank {
            0 => index.partners.push(e),
            1 => index.agencies.push(e),
            _ => index.people.push(e),
        }
    }
    index.finish();
    if batch_error.is_none() {
        if let Err(e) = jsonl
            .flush()
            .and_then(|()| write::readable(jsonl.as_file()))
            .map_err(anyhow::Error::from)
            .and_then(|()| {
                jsonl
                    .persist(a.out.join("records.jsonl"))
                    .map(|_| ())
                    .map_err(|e| anyhow!("cannot move records.jsonl into place: {}", e.error))
            })
        {
            batch_error = Some(e);
        }
    }
    if let Err(e) = write::atomic(&a.out.join("entities.json"), index.to_json().as_bytes()) {
        batch_error.get_or_insert(e);
    }
    let manifest = rec::Manifest {
        tool: "liasse".into(),
        tool_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: rec::SCHEMA_VERSION,
        inputs: entries,
    };
    if let Err(e) = write::atomic(&a.out.join("manifest.json"), manifest.to_json().as_bytes()) {
        batch_error.get_or_insert(e);
    }
    if let Some(e) = batch_error {
        eprintln!("liasse: error: {e:#}");
        return Ok(ExitCode::from(1));
    }
    if !a.quiet {
        eprintln!(
            "liasse: {} input(s), {} written, {failed} failed; output in {}",
            manifest.inputs.len(),
            manifest.inputs.len() - failed,
            a.out.display()
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
/// file-name order, hidden entries skipped, symbolic links to directories not followed.
fn collect(paths: &[PathBuf]) -> Vec<Input> {
    let mut found: Vec<(PathBuf, String, Option<String>)> = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => found.push((
                root.clone(),
                root.display().to_string(),
                Some(format!("cannot read: {e}")),
            )),
            Ok(m) if m.is_dir() => {
                let walker = walkdir::WalkDir::new(root)
                    .follow_links(false)
                    .sort_by_file_name();
                for entry in walker
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
                {
                    match entry {
                        Err(e) => {
                            let p = e
                                .path()
                                .map(Path::to_path_buf)
                                .unwrap_or_else(|| root.clone());
                            found.push((
                                p.clone(),
                                p.display().to_string(),
                                Some(format!("cannot read: {e}")),
                            ));
                        }
                        Ok(e)
                            if e.file_type().is_file()
                                || (e.path_is_symlink() && e.path().is_file()) =>
                        {
                            found.push((
                                e.path().to_path_buf(),
                                e.path().display().to_string(),
                                None,
                            ));
                        }
                        Ok(_) => {}
                    }
                }
            }
            Ok(_) => found.push((root.clone(), root.display().to_string(), None)),
        }
    }
    // Output names: the file stem, made unique by a counter in input order.
    let mut seen: HashMap<String, usize> = HashMap::new();
    found
        .into_iter()
        .map(|(path, shown, walk_error)| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "document".into());
            let stem = if stem.is_empty() {
                "document".to_owned()
            } else {
                stem
            };
            let n = seen.entry(stem.to_lowercase()).or_insert(0);
            *n += 1;
            let name = if *n > 1 {
                format!("{stem}-{n}")
            } else if RESERVED.contains(&stem.to_lowercase().as_str()) {
                format!("{stem}-document")
            } else {
                stem
            };
            Input {
                path,
                shown,
                name,
                walk_error,
            }
        })
        .collect()
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
        jsonl: String::new(),
        entities: rec::EntityIndex::default(),
        skipped: false,
    }
}

fn process_one(
    input: &Input,
    out_dir: &Path,
    options: &liasse_extract::Options,
    max_bytes: u64,
    shard: Option<(u64, u64)>,
) -> Outcome {
    // An input that fails before its content can be read is reported by the first shard only.
    let early = |error: String| {
        let mut o = failure(input, error);
        o.skipped = shard.is_some_and(|(k, _)| k != 1);
        o
    };
    if let Some(e) = &input.walk_error {
        return early(e.clone());
    }
    // Too large: said before reading it, so one huge file cannot exhaust memory.
    if let Ok(m) = std::fs::metadata(&input.path) {
        if m.len() > max_bytes {
            return early(format!("the file is {} bytes, over the {max_bytes}-byte limit; split it, or raise --max-bytes", m.len()));
        }
    }
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => return early(format!("cannot read: {e}")),
    };
    // The shard of a document is a function of its content alone.
    if let Some((k, n)) = shard {
        let sha = liasse_source::sha256_hex(&bytes);
        let h = u64::from_str_radix(&sha[..15], 16).unwrap_or(0);
        if h % n != k - 1 {
            let mut o = failure(input, String::new());
            o.skipped = true;
            return o;
        }
    }
    // A panic in a parser is a bug; it must cost one document, not the batch.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        liasse_extract::process_with_text(&input.shown, &bytes, options)
    }));
    let (output, text) = match result {
        Ok(Ok(o)) => o,
        Ok(Err(e)) => {
            let mut o = failure(input, e.to_string());
            let sha = liasse_source::sha256_hex(&bytes);
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
    let file = format!("{}.json", input.name);
    // Spans index the decoded text: when it is not the file's bytes, it is written beside.
    let text_output = (text.as_bytes() != bytes.as_slice()).then(|| format!("{}.txt", input.name));
    if let Some(t) = &text_output {
        if let Err(e) = write::atomic(&out_dir.join(t), text.as_bytes()) {
            return failure(input, format!("{e:#}"));
        }
    }
    if let Err(e) = write::atomic(&out_dir.join(&file), output.to_json().as_bytes()) {
        return failure(input, format!("{e:#}"));
    }
    let d = &output.document;
    let mut entities = rec::EntityIndex::default();
    entities.add(&output);
    Outcome {
        entities,
        skipped: false,
        entry: rec::ManifestEntry {
            path: input.shown.clone(),
            id: Some(d.id.clone()),
            sha256: Some(d.sha256.clone()),
            bytes: Some(d.bytes),
            format: Some(d.format),
            encoding: Some(d.encoding.clone()),
            kind: Some(d.kind),
            output: Some(file),
            text_output,
            records: Some(output.counts()),
            error: None,
        },
        jsonl: output.to_jsonl(),
    }
}
