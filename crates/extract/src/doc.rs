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
            let w = w.to_lowercase();
            if FR.contains(&w.as_str()) {
                fr += 1;
            } else if EN.contains(&w.as_str()) {
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
