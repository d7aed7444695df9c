//! PDF → text, page by page, through pdf-extract (built on lopdf), with lopdf's own extraction
//! as a fallback when pdf-extract fails or panics on a file.

use std::collections::HashMap;

use crate::{Note, SourceError};

/// The text of a PDF: pages joined by a form feed, the byte offset where each page starts,
/// and notes about what was repaired.
pub(crate) fn extract(bytes: &[u8]) -> Result<(String, Vec<usize>, Vec<Note>), SourceError> {
    let mut notes = Vec::new();
    let doc =
        lopdf::Document::load_mem(bytes).map_err(|e| SourceError::PdfBroken(e.to_string()))?;
    let encrypted = doc.is_encrypted();
    // pdf-extract reads more fonts right but has known panics on real files: one bad file must
    // cost only itself.
    let primary = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    let pages: Vec<String> = match primary {
        Ok(Ok(pages)) if !pages.is_empty() => pages,
        other => {
            if encrypted {
                return Err(SourceError::PdfEncrypted);
            }
            let why = match other {
                Ok(Err(e)) => e.to_string(),
                Ok(Ok(_)) => "no page".to_owned(),
                Err(_) => "it stopped on an unexpected construct".to_owned(),
            };
            notes.push(Note {
                code: "pdf-fallback",
                message: format!("the main PDF text extractor failed ({why}); lopdf's simpler extraction was used, spacing may be rougher"),
            });
            let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
            numbers
                .iter()
                .map(|n| {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        doc.extract_text(&[*n])
                    }))
                    .ok()
                    .and_then(Result::ok)
                    .unwrap_or_default()
                })
                .collect()
        }
    };
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(SourceError::PdfNoText);
    }
    let pages: Vec<String> = pages.iter().map(|p| expand_ligatures(p)).collect();
    let pages = strip_running_lines(pages, &mut notes);
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\u{c}\n");
        }
        starts.push(text.len());
        text.push_str(p.trim_matches('\n'));
    }
    Ok((text, starts, notes))
}

/// Typographic ligatures (`ﬁ`, `ﬂ`, `ﬀ`, `ﬃ`, `ﬄ`, `ﬅ`, `ﬆ`) that some fonts map to one code
/// point: the letters they stand for, so "eﬃcacité" reads and matches as "efficacité".
fn expand_ligatures(s: &str) -> String {
    if !s.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

/// A line as it would repeat on every page: digits stand for any number.
fn shape(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '–', '—', ' ']);
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Drop running headers and footers (a line repeated at the top or bottom of most pages) and
/// bare page numbers, so they do not end up inside record text.
fn strip_running_lines(pages: Vec<String>, notes: &mut Vec<Note>) -> Vec<String> {
    const EDGE: usize = 3;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &pages {
        let lines: Vec<&str> = p.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut seen = std::collections::HashSet::new();
        for l in lines.iter().take(EDGE).chain(lines.iter().rev().take(EDGE)) {
            let s = shape(l);
            if seen.insert(s.clone()) {
                *counts.entry(s).or_insert(0) += 1;
            }
        }
    }
    let threshold = (pages.len() * 6).div_ceil(10).max(3);
    let running: std::collections::HashSet<String> = counts
        .into_iter()
        .filter(|(s, n)| *n >= threshold && !s.is_empty())
        .map(|(s, _)| s)
        .collect();
    let mut removed = 0;
    let out = pages
        .into_iter()
        .map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            let non_empty: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, _)| i)
                .collect();
            // On a short page every line is at an edge: only bare page numbers go there.
            let depth = if non_empty.len() > 2 * EDGE { EDGE } else { 0 };
            let mut edge: std::collections::HashSet<usize> = non_empty
                .iter()
                .take(depth)
                .chain(non_empty.iter().rev().take(depth))
                .copied()
                .collect();
            edge.extend(
                non_empty
                    .first()
                    .copied()
                    .filter(|&i| is_page_number(lines[i])),
            );
            edge.extend(
                non_empty
                    .last()
                    .copied()
                    .filter(|&i| is_page_number(lines[i])),
            );
            lines
                .iter()
                .enumerate()
                .filter(|(i, l)| {
                    let drop =
                        edge.contains(i) && (running.contains(&shape(l)) || is_page_number(l));
                    removed += usize::from(drop);
                    !drop
                })
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    if removed > 0 {
        notes.push(Note {
            code: "pdf-running-lines",
            message: format!(
                "{removed} running header, footer or page-number line(s) left out of the text"
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_headers_and_page_numbers_go() {
        let pages: Vec<String> = (1..=4)
            .map(|n| {
                let body: Vec<String> = (0..6)
                    .map(|k| format!("Ligne {} du corps, propre à la page.", n * 10 + k))
                    .collect();
                format!(
                    "Partenariat pour la mobilité – Annexe\n{}\n- {n} -",
                    body.join("\n")
                        .replace("Ligne", if n % 2 == 0 { "Ligne" } else { "Phrase" })
                )
            })
            .collect();
        let mut notes = Vec::new();
        let out = strip_running_lines(pages, &mut notes);
        assert!(
            out[1].starts_with("Ligne 20 du corps")
                && out[1].ends_with("Ligne 25 du corps, propre à la page."),
            "{}",
            out[1]
        );
        assert_eq!(notes[0].code, "pdf-running-lines");
    }

    #[test]
    fn ligatures_read_as_letters() {
        assert_eq!(
            expand_ligatures("e\u{fb03}cacité, \u{fb01}nancement"),
            "efficacité, financement"
        );
    }

    #[test]
    fn broken_pdfs_are_errors() {
        assert!(matches!(
            extract(b"%PDF-1.4\n1 0 obj\n<<"),
            Err(SourceError::PdfBroken(_))
        ));
    }
}
