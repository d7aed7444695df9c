//! Throughput of each stage of the pipeline, on the seeds and the fixtures.
//!
//! `cargo bench -p liasse-extract --bench stages` measures, each in bytes of input per second:
//! - `decode`: bytes → text (encoding detection; the seeds in Windows-1252 and UTF-16 too);
//! - `normalize`, `segment`: the text crate's two passes;
//! - `dates`: the date scanner over the normalised text;
//! - `lexicon`: the authority-file matcher;
//! - `process/<genre>`: the whole per-document pipeline on the documents of one genre (each
//!   genre's parser runs inside it, after the shared stages measured above);
//! - `json`: writing a document's JSON and its JSON Lines records.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every text document under `dir` (not PDFs, not the broken files), in name order.
fn documents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("broken") && !p.ends_with("pdf") {
                    stack.push(p);
                }
            } else if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("txt" | "html" | "md")
            ) {
                if let Ok(b) = std::fs::read(&p) {
                    out.push((p.display().to_string(), b));
                }
            }
        }
    }
    out.sort();
    out
}

fn total(docs: &[(String, Vec<u8>)]) -> u64 {
    docs.iter().map(|d| d.1.len() as u64).sum()
}

fn bench(c: &mut Criterion) {
    let seeds = documents(&root().join("seeds"));
    let mut all = seeds.clone();
    all.extend(documents(&root().join("fixtures")));
    let options = liasse_source::Options::default();
    let texts: Vec<String> = all
        .iter()
        .filter_map(|(_, b)| liasse_source::decode(b, &options).ok().map(|d| d.text))
        .collect();
    let normalized: Vec<String> = texts
        .iter()
        .map(|t| liasse_text::normalize(t).text)
        .collect();
    let bytes = total(&all);

    let mut g = c.benchmark_group("stages");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode", |b| {
        b.iter(|| {
            for (_, d) in &all {
                let _ = liasse_source::decode(d, &options);
            }
        })
    });
    // Legacy encodings go through detection.
    let legacy: Vec<Vec<u8>> = texts
        .iter()
        .map(|t| encoding_rs::WINDOWS_1252.encode(t).0.into_owned())
        .collect();
    g.throughput(Throughput::Bytes(
        legacy.iter().map(|d| d.len() as u64).sum(),
    ));
    g.bench_function("decode-windows-1252", |b| {
        b.iter(|| {
            for d in &legacy {
                let _ = liasse_source::decode(d, &options);
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = liasse_text::normalize(t);
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = liasse_text::segment(t);
            }
        })
    });
    let anchor = liasse_dates::Date::new(2024, 11, 30);
    g.bench_function("dates", |b| {
        b.iter(|| {
            for t in &normalized {
                let _ = liasse_dates::scan(t, anchor);
            }
        })
    });
    let lexicon = liasse_lexicon::lexicon();
    g.bench_function("lexicon", |b| {
        b.iter(|| {
            for t in &normalized {
                let _ = lexicon.find(t);
            }
        })
    });
    let outputs: Vec<_> = all
        .iter()
        .filter_map(|(p, d)| {
            liasse_extract::process(p, d, &liasse_extract::Options::default()).ok()
        })
        .collect();
    g.bench_function("json", |b| {
        b.iter(|| {
            for o in &outputs {
                let _ = o.to_json_and_jsonl(true, true);
            }
        })
    });
    g.finish();

    // The whole pipeline per genre: the documents whose folder names the genre.
    let mut g = c.benchmark_group("process");
    g.sample_size(10);
    for genre in [
        "agenda",
        "declaration",
        "annex",
        "minutes",
        "announcement",
        "article",
    ] {
        let mut docs: Vec<(String, Vec<u8>)> = documents(&root().join("fixtures").join(genre));
        // The seeds of that genre, recognised by the pipeline itself.
        for (p, d) in &seeds {
            let kind = liasse_extract::process(p, d, &liasse_extract::Options::default())
                .ok()
                .and_then(|o| serde_json::to_value(o.document.kind).ok())
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            if kind == genre {
                docs.push((p.clone(), d.clone()));
            }
        }
        if docs.is_empty() {
            continue;
        }
        g.throughput(Throughput::Bytes(total(&docs)));
        g.bench_function(genre, |b| {
            b.iter(|| {
                for (p, d) in &docs {
                    let _ = liasse_extract::process(p, d, &liasse_extract::Options::default());
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
