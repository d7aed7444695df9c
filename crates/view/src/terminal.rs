//! One document in the terminal: its source text with every record's evidence marked, then a
//! table of the records.
//!
//! With colour, evidence is coloured by record type (the innermost record wins where spans
//! nest). Without colour (a pipe, `NO_COLOR`), the text is left untouched and a line of letters
//! under each source line marks the evidence: `d` date, `e` event, `o` objective, `i`
//! initiative, `p` partner, `a` agency, `n` person, `t` item, `!` diagnostic, `D` the
//! document's own title, date and place.

use std::fmt::Write;

use serde_json::Value;

use crate::model::{one_line, pieces, records, text, Lines, RecordType};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// ANSI colours (for a terminal).
    pub color: bool,
    /// Show only these record types (all when empty).
    pub only: Vec<RecordType>,
}

const RESET: &str = "\x1b[0m";

fn style(t: RecordType) -> &'static str {
    match t {
        RecordType::Document => "\x1b[1;4m",
        RecordType::Date => "\x1b[1;34m",
        RecordType::Event => "\x1b[1;35m",
        RecordType::Objective => "\x1b[32m",
        RecordType::Initiative => "\x1b[36m",
        RecordType::Partner => "\x1b[1;33m",
        RecordType::Agency => "\x1b[1;31m",
        RecordType::Person => "\x1b[1;32m",
        RecordType::Item => "\x1b[4m",
        RecordType::Diagnostic => "\x1b[41;97m",
    }
}

/// Render a document's JSON over its source text (`None` when the text is not at hand: the
/// records are listed with their quoted evidence only).
pub fn render(doc: &Value, source: Option<&str>, options: &Options) -> String {
    let all = records(doc);
    let shown: Vec<_> = all
        .iter()
        .filter(|r| options.only.is_empty() || options.only.contains(&r.rtype))
        .collect();
    let mut out = String::new();
    let d = doc.get("document").unwrap_or(&Value::Null);
    let field = |k: &str| d.get(k).map(text).unwrap_or_default();
    let date = d.pointer("/date/edtf").map(text).unwrap_or_default();
    let _ = writeln!(out, "{}", heading(&field("path"), options.color));
    for (label, value) in [
        ("kind", field("kind")),
        ("title", field("title")),
        ("date", date),
        ("place", field("place")),
        ("reference", field("reference")),
    ] {
        if !value.is_empty() {
            let _ = writeln!(out, "  {label:<10}{}", one_line(&value, 100));
        }
    }
    if options.color {
        let legend: Vec<String> = RecordType::ALL
            .iter()
            .map(|t| format!("{}{}{RESET}", style(*t), t.name()))
            .collect();
        let _ = writeln!(out, "  {:<10}{}", "legend", legend.join(" "));
    } else {
        let legend: Vec<String> = RecordType::ALL
            .iter()
            .map(|t| format!("{} {}", t.letter(), t.name()))
            .collect();
        let _ = writeln!(out, "  {:<10}{}", "marks", legend.join(", "));
    }
    out.push('\n');

    let lines = source.map(Lines::new);
    if let Some(src) = source {
        let mut spans = Vec::new();
        let mut types = Vec::new();
        for r in &shown {
            for s in &r.spans {
                spans.push((s.start, s.end));
                types.push(r.rtype);
            }
        }
        let cut = pieces(src, &spans);
        source_view(&mut out, src, &cut, &types, options.color);
        out.push('\n');
    }

    // The table.
    let rows: Vec<[String; 4]> = shown
        .iter()
        .map(|r| {
            let at = match (r.spans.first(), &lines, source) {
                (Some(s), Some(l), Some(src)) => {
                    let (line, col) = l.locate(src, s.start);
                    format!("{line}:{col}")
                }
                (Some(s), _, _) => format!("@{}", s.start),
                _ => String::new(),
            };
            [
                r.rtype.name().to_owned(),
                one_line(&r.value, 48),
                at,
                one_line(&r.detail, 72),
            ]
        })
        .collect();
    let header = ["TYPE", "VALUE", "AT", "DETAIL"].map(str::to_owned);
    let mut widths = [0usize; 3];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let _ = writeln!(
        out,
        "{} record(s){}",
        rows.len(),
        if options.only.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                options
                    .only
                    .iter()
                    .map(|t| t.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    for (i, row) in std::iter::once(&header).chain(&rows).enumerate() {
        let mut line = String::new();
        for (k, cell) in row.iter().enumerate() {
            if k < 3 {
                let pad = widths[k] - cell.chars().count();
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad + 2));
            } else {
                line.push_str(cell);
            }
        }
        let line = line.trim_end();
        if options.color && i > 0 {
            let t = shown[i - 1].rtype;
            let _ = writeln!(
                out,
                "{}{}{RESET}{}",
                style(t),
                &row[0],
                &line[row[0].len()..]
            );
        } else {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

fn heading(s: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{s}{RESET}")
    } else {
        s.to_owned()
    }
}

/// The source text with line numbers, evidence coloured or marked underneath.
fn source_view(
    out: &mut String,
    src: &str,
    cut: &[crate::model::Piece],
    types: &[RecordType],
    color: bool,
) {
    let total_lines = src.lines().count().max(1);
    let width = total_lines.to_string().len();
    let mut line_no = 1;
    let mut text_line = String::new();
    let mut marks = String::new();
    let mut flush = |text_line: &mut String, marks: &mut String, line_no: &mut usize| {
        let _ = writeln!(out, "{:>width$} │ {}", line_no, text_line.trim_end());
        let m = marks.trim_end();
        if !m.is_empty() {
            let _ = writeln!(out, "{:>width$} │ {m}", "");
        }
        text_line.clear();
        marks.clear();
        *line_no += 1;
    };
    for piece in cut {
        let t = piece.innermost.map(|i| types[i]);
        let body = &src[piece.start..piece.end];
        let mut parts = body.split('\n').peekable();
        while let Some(part) = parts.next() {
            let part = part.strip_suffix('\r').unwrap_or(part);
            let clean: String = part
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect();
            match (t, color) {
                (Some(t), true) if !clean.is_empty() => {
                    let _ = write!(text_line, "{}{clean}{RESET}", style(t));
                }
                _ => text_line.push_str(&clean),
            }
            let mark = t.map_or(' ', RecordType::letter);
            marks.extend(std::iter::repeat_n(mark, clean.chars().count()));
            if parts.peek().is_some() {
                flush(&mut text_line, &mut marks, &mut line_no);
            }
        }
    }
    if !text_line.is_empty() || !marks.is_empty() {
        flush(&mut text_line, &mut marks, &mut line_no);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        serde_json::json!({
            "document": {"path": "note.txt", "kind": "minutes", "title": "Réunion",
                         "evidence": {"title": {"start": 0, "end": 8, "text": "Réunion"}}},
            "dates": [{"text": "5 mars 2022", "kind": "date",
                       "span": {"start": 12, "end": 23, "text": "5 mars 2022"},
                       "when": {"edtf": "2022-03-05"}}],
            "partners": [{"id": "MA", "name": "Maroc", "roles": ["host"],
                          "mentions": [{"start": 27, "end": 32, "text": "Maroc"}]}]
        })
    }

    const SOURCE: &str = "Réunion\ndu 5 mars 2022 au Maroc.\n";

    #[test]
    fn plain_rendering_marks_evidence_under_the_text() {
        let out = render(&doc(), Some(SOURCE), &Options::default());
        assert!(!out.contains('\x1b'));
        let lines: Vec<&str> = out.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.ends_with("du 5 mars 2022 au Maroc."))
            .unwrap();
        assert_eq!(lines[i + 1], "  │    ddddddddddd    ppppp");
        assert!(lines[i - 1].ends_with("DDDDDDD"), "{out}");
        assert!(
            out.contains("date      2022-03-05  2:4   date · 5 mars 2022"),
            "{out}"
        );
    }

    #[test]
    fn colour_and_filters() {
        let options = Options {
            color: true,
            only: vec![RecordType::Partner],
        };
        let out = render(&doc(), Some(SOURCE), &options);
        assert!(out.contains("\x1b[1;33mMaroc\x1b[0m"), "{out}");
        assert!(!out.contains("2022-03-05"));
        assert!(out.contains("1 record(s) (partners)"));
    }

    #[test]
    fn without_source_the_records_are_still_listed() {
        let out = render(&doc(), None, &Options::default());
        assert!(out.contains("@12"), "{out}");
        assert!(!out.contains('│'));
    }
}
