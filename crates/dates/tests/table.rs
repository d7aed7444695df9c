//! Table tests: `expressions.tsv` lists phrases with the values they must give.
//!
//! Each row is `anchor <TAB> phrase <TAB> expected`, where `anchor` is `YYYY-MM-DD` or `-`,
//! and `expected` lists the mentions in order, separated by ` | `, or `-` for none. A mention is
//! written as its EDTF value followed by flags: `~` approximate, `!` deadline, `r` relative;
//! `?` stands for a relative mention that could not be resolved; a time is appended as
//! `T09:00` or `T09:00/11:00`; durations are `dur:P3M`; frequencies `freq`.
//! A row may pin the matched text with `"text"=` before the value. `\n` in a phrase is a line break.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use liasse_dates::{scan, Date, Kind, Mention};

pub fn render(text: &str, m: &Mention, with_text: bool) -> String {
    let mut s = String::new();
    if with_text {
        s.push_str(&format!("\"{}\"=", &text[m.start..m.end]));
    }
    match m.kind {
        Kind::Duration => s.push_str(&format!("dur:{}", m.duration.clone().unwrap_or_default())),
        Kind::Frequency => s.push_str("freq"),
        _ => {
            match &m.value {
                Some(v) => s.push_str(&v.edtf),
                None if m.kind != Kind::Time => s.push('?'),
                None => {}
            }
            if let Some((a, b)) = m.time {
                s.push_str(&format!("T{a}"));
                if let Some(b) = b {
                    s.push_str(&format!("/{b}"));
                }
            }
            if m.approximate {
                s.push('~');
            }
            if m.deadline {
                s.push('!');
            }
            if m.relative {
                s.push('r');
            }
        }
    }
    s
}

#[test]
fn expressions_table() {
    let data = include_str!("expressions.tsv");
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut negatives = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "expressions.tsv:{}: need 3 columns", n + 1);
        let anchor = if cols[0] == "-" {
            None
        } else {
            Date::parse(cols[0])
        };
        let text = &cols[1].replace("\\n", "\n");
        let expected = cols[2].trim();
        rows += 1;
        let found = scan(text, anchor);
        let with_text = expected.contains("\"=");
        let got: Vec<String> = found.iter().map(|m| render(text, m, with_text)).collect();
        let got = if got.is_empty() {
            "-".to_owned()
        } else {
            got.join(" | ")
        };
        if expected == "-"
            || !expected
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '"' || c == '{')
        {
            negatives += usize::from(
                !got.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c == '{'),
            );
        }
        if got != expected {
            failures.push(format!(
                "line {}: {text:?}\n   expected {expected}\n   got      {got}",
                n + 1
            ));
        }
    }
    assert!(
        rows >= 400,
        "the table has {rows} rows; it should have at least 400"
    );
    assert!(
        negatives >= 60,
        "the table has {negatives} non-date rows; it should have at least 60"
    );
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
