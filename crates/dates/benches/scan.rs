//! Throughput of the date scanner.
//!
//! `cargo bench -p liasse-dates --bench scan` measures:
//! - `seeds`: the five seed documents, concatenated;
//! - `synthetic-10MB`: the seeds repeated with their numbers varied, to 10 MB;
//! - `digits-and-months-10MB`: one 10 MB line of numbers and month names with no newline, the
//!   worst case for a grammar that looks ahead (it must stay linear).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use liasse_dates::{scan, Date};

fn seeds() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn synthetic(base: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + base.len());
    let mut n = 0u32;
    while out.len() < size {
        // Vary every number so the text is not one block repeated.
        for c in base.chars() {
            if let Some(d) = c.to_digit(10) {
                out.push(char::from_digit((d + n) % 10, 10).unwrap_or('0'));
            } else {
                out.push(c);
            }
        }
        n += 1;
    }
    out
}

fn pathological(size: usize) -> String {
    let unit = "12 mars 2013 14 15 16 / 17.18.2019 mars juin 2020-2021 et le 1er du 3 au ";
    unit.repeat(size / unit.len() + 1)
}

fn bench(c: &mut Criterion) {
    let anchor = Date::new(2024, 11, 30);
    let mut g = c.benchmark_group("scan");
    g.sample_size(10);
    for (name, text) in [
        ("seeds", seeds()),
        ("synthetic-10MB", synthetic(&seeds(), 10 << 20)),
        ("digits-and-months-10MB", pathological(10 << 20)),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| scan(&text, anchor)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
