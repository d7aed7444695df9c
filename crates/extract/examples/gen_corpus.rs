//! A reproducible synthetic collection of French documents, for throughput measurements.
//!
//! ```text
//! cargo run --release -p liasse-extract --example gen_corpus -- --size-mb 100 --out /tmp/corpus
//! ```
//!
//! It recombines the seeds and the text fixtures of every genre and varies their days, years
//! and numbers with a fixed pseudo-random sequence, so no two files are the same and the same
//! command always writes the same collection. Files go 1,000 to a folder.

use std::path::{Path, PathBuf};

/// A small linear congruential generator: reproducible without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn texts(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("seeds"), root.join("fixtures")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with("broken") {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(&f) {
            out.push(t);
        }
    }
    out
}

/// Vary every number: days stay days (1–28), years stay years (2000–2024), others shift.
fn vary(text: &str, rng: &mut Lcg) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Lcg| {
        if digits.is_empty() {
            return;
        }
        let n: u64 = digits.parse().unwrap_or(0);
        let v = match digits.len() {
            4 if (1900..2100).contains(&n) => 2000 + rng.below(25),
            1 | 2 if (1..=31).contains(&n) => 1 + rng.below(28),
            _ => n,
        };
        out.push_str(&format!("{v:0width$}", width = digits.len()));
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

fn main() {
    let mut size_mb = 100u64;
    let mut out = PathBuf::from("corpus");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--size-mb" => size_mb = args.next().and_then(|s| s.parse().ok()).unwrap_or(size_mb),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            _ => {
                eprintln!("usage: gen_corpus [--size-mb N] [--out DIR]");
                std::process::exit(2);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sources = texts(&root);
    if sources.is_empty() {
        eprintln!(
            "gen_corpus: no seed or fixture found under {}",
            root.display()
        );
        std::process::exit(1);
    }
    let mut rng = Lcg(20_240_601);
    let target = size_mb * 1024 * 1024;
    let (mut written, mut n) = (0u64, 0u64);
    while written < target {
        let text = vary(&sources[rng.below(sources.len() as u64) as usize], &mut rng);
        let dir = out.join(format!("{:04}", n / 1000));
        if std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(dir.join(format!("doc{n:07}.txt")), &text))
            .is_err()
        {
            eprintln!("gen_corpus: cannot write in {}", dir.display());
            std::process::exit(1);
        }
        written += text.len() as u64;
        n += 1;
    }
    eprintln!(
        "gen_corpus: {n} documents, {written} bytes in {}",
        out.display()
    );
}
