//! Offset maps: where each byte of an edited text came from.

use std::ops::Range;

/// One edit: `out[out_start..out_end]` replaced `src[src_start..src_end]`.
/// Between edits the text was copied verbatim, so offsets shift by a constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    out_start: usize,
    out_end: usize,
    src_start: usize,
    src_end: usize,
}

/// Maps positions of an edited text back to the text it was made from, and forth.
///
/// Mapping is monotone. A span that starts inside a replacement starts at the beginning of what
/// was replaced; one that ends inside a replacement ends at its end; a span never takes in markup
/// that was deleted just outside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    fn push(&mut self, e: Edit) {
        if let Some(last) = self.edits.last_mut() {
            let both_deletions = last.out_start == last.out_end && e.out_start == e.out_end;
            if both_deletions && last.src_end == e.src_start && last.out_end == e.out_start {
                last.src_end = e.src_end;
                return;
            }
        }
        self.edits.push(e);
    }

    /// Map a start position of the edited text to the source.
    pub fn start_to_source(&self, p: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out_start <= p);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            None => p,
            Some(e) if p < e.out_end => e.src_start,
            Some(e) => e.src_end + (p - e.out_end),
        }
    }

    /// Map an end position of the edited text to the source.
    pub fn end_to_source(&self, p: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out_start < p);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            None => p,
            Some(e) if p <= e.out_end => e.src_end,
            Some(e) => e.src_end + (p - e.out_end),
        }
    }

    /// Map a start position of the source to the edited text.
    pub fn start_from_source(&self, q: usize) -> usize {
        let i = self.edits.partition_point(|e| e.src_start <= q);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            None => q,
            Some(e) if q < e.src_end => e.out_start,
            Some(e) => e.out_end + (q - e.src_end),
        }
    }

    /// Map an end position of the source to the edited text.
    pub fn end_from_source(&self, q: usize) -> usize {
        let i = self.edits.partition_point(|e| e.src_start < q);
        match i.checked_sub(1).map(|i| self.edits[i]) {
            None => q,
            Some(e) if q <= e.src_end => e.out_end,
            Some(e) => e.out_end + (q - e.src_end),
        }
    }
}

/// Builds an edited copy of a text left to right, recording an [`OffsetMap`].
pub(crate) struct Builder<'a> {
    src: &'a str,
    pub(crate) out: String,
    map: OffsetMap,
    /// Source position up to which everything has been copied or replaced.
    done: usize,
    pub(crate) edits: usize,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(src: &'a str) -> Builder<'a> {
        Builder {
            src,
            out: String::with_capacity(src.len()),
            map: OffsetMap::default(),
            done: 0,
            edits: 0,
        }
    }

    fn flush(&mut self, upto: usize) {
        if upto > self.done {
            self.out.push_str(&self.src[self.done..upto]);
            self.done = upto;
        }
    }

    /// Replace `src[range]` (which must start at or after everything handled so far) with `with`.
    pub(crate) fn replace(&mut self, range: Range<usize>, with: &str) {
        self.flush(range.start);
        let out_start = self.out.len();
        self.out.push_str(with);
        self.map.push(Edit {
            out_start,
            out_end: self.out.len(),
            src_start: range.start,
            src_end: range.end,
        });
        self.done = range.end;
        self.edits += 1;
    }

    pub(crate) fn finish(mut self) -> (String, OffsetMap) {
        self.flush(self.src.len());
        (self.out, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(src: &str, edits: &[(Range<usize>, &str)]) -> (String, OffsetMap) {
        let mut b = Builder::new(src);
        for (r, w) in edits {
            b.replace(r.clone(), w);
        }
        b.finish()
    }

    #[test]
    fn deleted_markup_stays_outside_spans() {
        // "<b>UE</b> x" -> "UE x"
        let (out, map) = build("<b>UE</b> x", &[(0..3, ""), (5..9, "")]);
        assert_eq!(out, "UE x");
        assert_eq!(map.start_to_source(0), 3);
        assert_eq!(map.end_to_source(2), 5);
        assert_eq!(map.start_to_source(3), 10);
        assert_eq!(map.end_to_source(4), 11);
        assert_eq!(map.start_from_source(3), 0);
        assert_eq!(map.end_from_source(9), 2);
    }

    #[test]
    fn replacements_map_to_their_whole_source() {
        // "caf&eacute; ok" -> "café ok"
        let (out, map) = build("caf&eacute; ok", &[(3..11, "é")]);
        assert_eq!(out, "café ok");
        assert_eq!(map.start_to_source(3), 3);
        assert_eq!(map.end_to_source(5), 11);
        assert_eq!(map.start_to_source(6), 12);
        assert_eq!(map.start_from_source(5), 3);
        assert_eq!(map.end_from_source(5), 5);
    }
}
