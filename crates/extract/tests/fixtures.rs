//! Every seed and every fixture: spans slice the source exactly, and a readable rendering of the
//! records is pinned by an insta snapshot.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::fmt::Write;
use std::path::{Path, PathBuf};

use liasse_records as rec;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every document under seeds/ and fixtures/ except the deliberately broken ones.
fn documents() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["seeds", "fixtures"] {
        collect(&root().join(dir), &mut out);
    }
    out.sort();
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "broken") {
                continue;
            }
            collect(&p, out);
        } else if !p.file_name().is_some_and(|n| {
            let n = n.to_string_lossy();
            n.starts_with('.') || n == "README.md" || n.ends_with(".py") || n.ends_with(".sh")
        }) {
            out.push(p);
        }
    }
}

fn span(s: &rec::Span) -> String {
    format!("[{}..{}] {:?}", s.start, s.end, s.text)
}

fn when(w: &Option<rec::When>) -> String {
    match w {
        None => "-".into(),
        Some(w) => {
            let mut s = format!("{} ({:?}, {}..{})", w.edtf, w.precision, w.start, w.end);
            if let Some(t) = &w.time_start {
                let _ = write!(s, " {t}");
            }
            if let Some(t) = &w.time_end {
                let _ = write!(s, "-{t}");
            }
            s
        }
    }
}

/// A rendering made for review: one line per record, with its span and quoted source.
fn render(out: &rec::DocumentOutput) -> String {
    let d = &out.document;
    let mut s = String::new();
    let _ = writeln!(s, "kind: {:?}", d.kind);
    let _ = writeln!(
        s,
        "format: {:?}, encoding: {}, language: {}",
        d.format, d.encoding, d.language
    );
    let _ = writeln!(s, "title: {:?}", d.title);
    let _ = writeln!(
        s,
        "reference: {:?} date {}",
        d.reference,
        when(&d.reference_date)
    );
    let _ = writeln!(s, "date: {}", when(&d.date));
    let _ = writeln!(s, "place: {:?}", d.place);
    for p in &d.parts {
        let _ = writeln!(
            s,
            "part: {:?} {:?} [{}..{}]",
            p.kind, p.title, p.span.start, p.span.end
        );
    }
    let _ = writeln!(s, "\ndates:");
    for m in &out.dates {
        let flags = [
            (m.relative, "relative"),
            (m.approximate, "approximate"),
            (m.deadline, "deadline"),
        ]
        .iter()
        .filter(|f| f.0)
        .map(|f| f.1)
        .collect::<Vec<_>>()
        .join(",");
        let _ = writeln!(
            s,
            "  {} -> {:?} {} {} {}",
            span(&m.span),
            m.kind,
            when(&m.when),
            m.duration.clone().unwrap_or_default(),
            flags
        );
    }
    for e in &out.events {
        let _ = writeln!(
            s,
            "event {} {:?} {:?} {} at {:?} with {:?}\n  {}",
            e.id,
            e.kind,
            e.label,
            when(&e.when),
            e.place,
            e.partners,
            span(&e.evidence)
        );
    }
    for o in &out.objectives {
        let _ = writeln!(
            s,
            "objective {} [{:?}] {:?}\n  {}",
            o.number,
            o.section,
            o.text,
            span(&o.evidence)
        );
    }
    for i in &out.initiatives {
        let _ = writeln!(
            s,
            "initiative {} obj {:?} {:?} {:?} bodies {:?}\n  {:?}\n  {}",
            i.id,
            i.objective,
            i.partners,
            i.status,
            i.implementing_bodies,
            i.text,
            span(&i.evidence)
        );
        if let Some(d) = &i.deadline {
            let _ = writeln!(s, "  due {}", d.edtf);
        }
        if let Some(r) = &i.reference {
            let _ = writeln!(s, "  ref {r}");
        }
    }
    for p in &out.partners {
        let _ = writeln!(
            s,
            "partner {} {:?} {:?} x{}",
            p.id,
            p.name,
            p.roles,
            p.mentions.len()
        );
    }
    for a in &out.agencies {
        let _ = writeln!(
            s,
            "agency {} {:?} {:?} authority {:?} x{}",
            a.id,
            a.name,
            a.acronym,
            a.authority,
            a.mentions.len()
        );
    }
    for p in &out.people {
        let _ = writeln!(
            s,
            "person {} {:?} {:?} {:?} org {:?}",
            p.id, p.honorific, p.name, p.role, p.organization
        );
    }
    for t in &out.items {
        let _ = writeln!(
            s,
            "item {} {:?} {:?} {:?} parent {:?} partners {:?} agencies {:?} people {:?}\n  {:?}",
            t.id, t.kind, t.number, t.label, t.parent, t.partners, t.agencies, t.people, t.text
        );
    }
    for x in &out.diagnostics {
        let _ = writeln!(s, "diagnostic {} {:?}: {}", x.code, x.severity, x.message);
    }
    s
}

#[test]
fn every_document_has_exact_spans_and_a_snapshot() {
    let docs = documents();
    assert!(
        docs.len() >= 5,
        "expected the seeds at least, found {}",
        docs.len()
    );
    let mut problems = Vec::new();
    for path in &docs {
        let bytes = std::fs::read(path).unwrap();
        let rel = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let out = liasse_extract::process(&rel, &bytes, &liasse_extract::Options::default())
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        let decoded = liasse_source::decode(&bytes, &liasse_source::Options::default()).unwrap();
        for p in rec::check_spans(&decoded.text, &out) {
            problems.push(format!("{rel}: {p}"));
        }
        let name = rel.replace(['/', '.'], "__");
        insta::with_settings!({ snapshot_path => root().join("crates/extract/tests/snapshots"), prepend_module_to_snapshot => false, description => rel.clone() }, {
            insta::assert_snapshot!(name, render(&out));
        });
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
