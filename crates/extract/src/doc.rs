//! The document being extracted: source, normalised text, blocks, diagnostics, and the helpers
//! every parser uses to turn ranges into spans and clean text.

use std::ops::Range;

use liasse_records as rec;
use liasse_text::{Block, Normalized};

/// One document in the pipeline.
pub struct Doc<'a> {
    /// The decoded source text: spans index it.
    pub src: &'a str,
    /// The normalised text: scanners run on it.
    pub norm: Normalized,
    /// Blocks of the source, in order.
    pub blocks: Vec<Block>,
    /// Where each page starts in `src` (paginated input only).
    pub pages: Vec<usize>,
    diagnostics: Vec<rec::Diagnostic>,
}

impl<'a> Doc<'a> {
    pub fn new(src: &'a str) -> Doc<'a> {
        Doc {
            src,
            norm: liasse_text::normalize(src),
            blocks: liasse_text::segment(src),
            pages: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// A span of the source.
    pub fn span(&self, r: Range<usize>) -> rec::Span {
        let r = r.start.min(self.src.len())..r.end.min(self.src.len());
        let page = liasse_source::page_of(&self.pages, r.start);
        rec::Span::new(
            r.start as u32,
            r.end as u32,
            page,
            self.src.get(r).unwrap_or(""),
        )
    }

    /// The source span of a range of the normalised text.
    pub fn span_of_norm(&self, r: Range<usize>) -> rec::Span {
        self.span(self.norm.to_source(r))
    }

    /// The clean one-line text of a source range.
    pub fn clean(&self, r: Range<usize>) -> String {
        liasse_text::clean_inline(self.norm.slice_of_source(r))
    }

    /// The normalised text of a source range (markup removed, layout kept).
    pub fn norm_of(&self, r: Range<usize>) -> &str {
        self.norm.slice_of_source(r)
    }

    pub fn diagnostic(
        &mut self,
        code: &str,
        severity: rec::Severity,
        message: String,
        span: Option<rec::Span>,
    ) {
        self.diagnostics.push(rec::Diagnostic {
            code: code.to_owned(),
            severity,
            message,
            span,
        });
    }

    pub fn take_diagnostics(&mut self) -> Vec<rec::Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    /// `fr`, `en`, or `und`, from the share of common function words.
    pub fn language(&self) -> &'static str {
        const FR: &[&str] = &[
            "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "avec", "sur",
            "par", "au", "aux",
        ];
        const EN: &[&str] = &[
            "the", "and", "of", "to", "in", "is", "for", "with", "on", "by", "that", "are",
        ];
        let (mut fr, mut en) = (0usize, 0usize);
        for w in self
            .norm
            .text
            .split(|c: char| !c.is_alphabetic())
            .take(20_000)
        {
            // The function words are short and ASCII: no lowercased copy of every word (only
            // ASCII letters lowercase to ASCII letters among those in the lists).
            if w.len() > 4 {
                continue;
            }
            if FR.iter().any(|f| f.eq_ignore_ascii_case(w)) {
                fr += 1;
            } else if EN.iter().any(|e| e.eq_ignore_ascii_case(w)) {
                en += 1;
            }
        }
        if fr + en < 3 {
            "und"
        } else if fr >= en * 2 {
            "fr"
        } else if en >= fr * 2 {
            "en"
        } else {
            "und"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Doc;

    #[test]
    fn language_from_function_words() {
        let lang = |t: &str| Doc::new(t).language();
        assert_eq!(lang("LE conseil ET la Commission, dans les ports"), "fr");
        assert_eq!(lang("The council AND the Commission, in the ports"), "en");
        assert_eq!(lang("Le council and la Commission, the end"), "und");
        assert_eq!(lang("Rabat 2024"), "und");
        // Accented capitals are not their ASCII look-alikes; long words never count.
        assert_eq!(lang("ÉT ÉT ÉT LES LESS"), "und");
        assert_eq!(lang("Dans l'Union, les États et LES institutions"), "fr");
    }
}
