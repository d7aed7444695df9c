//! Folding for matching: lowercase, no accents, one kind of apostrophe, hyphens as spaces,
//! runs of whitespace as one space; with the way back to the source.

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};

/// A folded text and, for each of its bytes, the source range of the character it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    source_len: usize,
}

impl Folded {
    /// Source position of a folded start position.
    pub fn source_start(&self, i: usize) -> usize {
        self.starts.get(i).map_or(self.source_len, |&s| s as usize)
    }

    /// Source position of a folded end position.
    pub fn source_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.starts.first().map_or(0, |&s| s as usize);
        }
        self.ends
            .get(i - 1)
            .map_or(self.source_len, |&e| e as usize)
    }

    /// No letter or digit on both sides of `i` in the folded text.
    pub fn is_word_boundary(&self, i: usize) -> bool {
        let before = self.text[..i].chars().next_back();
        let after = self.text[i..].chars().next();
        !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
    }
}

/// The ASCII letters, digits and punctuation that fold to themselves (lowercased): not the
/// apostrophes, hyphens and underscore, which fold to `'` or a space.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric()
            || (c.is_ascii_punctuation() && !matches!(c, b'\'' | b'`' | b'-' | b'_'));
        b += 1;
    }
    t
};

/// Fold a text for matching.
pub fn fold(s: &str) -> Folded {
    fold_with(s, true)
}

/// [`fold`], with or without the fast path for plain ASCII bytes (the same result: the
/// property test compares both).
#[inline]
fn fold_with(s: &str, fast: bool) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        starts: Vec::with_capacity(s.len()),
        ends: Vec::with_capacity(s.len()),
        source_len: s.len(),
    };
    let bytes = s.as_bytes();
    // Most bytes are ASCII letters, digits or punctuation that only lowercase: no decoding.
    let plain = |b: u8| PLAIN[usize::from(b)];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if fast && plain(b) {
            // The whole run of such bytes at once, with the single spaces between them (a
            // space after such a byte folds to itself).
            let mut run = 1;
            let mut after_plain = true;
            for &b in &bytes[i + 1..] {
                let p = plain(b);
                if !(p || (b == b' ' && after_plain)) {
                    break;
                }
                after_plain = p;
                run += 1;
            }
            let before = out.text.len();
            out.text.push_str(&s[i..i + run]);
            out.text[before..].make_ascii_lowercase();
            out.starts.extend(i as u32..(i + run) as u32);
            out.ends.extend(i as u32 + 1..(i + run) as u32 + 1);
            i += run;
            continue;
        }
        if fast && b == b' ' {
            if !out.text.ends_with(' ') {
                out.push(' ', i, i + 1);
            }
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        // Accented Latin letters: their folding, worked out once by the general path below.
        if fast {
            if let Some(Some(f)) = latin_letters().get((c as usize).wrapping_sub(LATIN.start)) {
                for f in f.chars() {
                    out.push(f, i, end);
                }
                i = end;
                continue;
            }
        }
        match c {
            '\'' | '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\'', i, end),
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '_' => {
                if !out.text.ends_with(' ') {
                    out.push(' ', i, end);
                }
            }
            c if c.is_whitespace() => {
                if !out.text.ends_with(' ') {
                    out.push(' ', i, end);
                }
            }
            c if c.is_ascii() => out.push(c.to_ascii_lowercase(), i, end),
            'œ' | 'Œ' => {
                out.push('o', i, end);
                out.push('e', i, end);
            }
            'æ' | 'Æ' => {
                out.push('a', i, end);
                out.push('e', i, end);
            }
            'ß' => {
                out.push('s', i, end);
                out.push('s', i, end);
            }
            c => {
                for l in c.to_lowercase() {
                    let mut base = Vec::new();
                    decompose_canonical(l, |d| {
                        if canonical_combining_class(d) == 0 {
                            base.push(d);
                        }
                    });
                    for b in base {
                        out.push(b, i, end);
                    }
                }
            }
        }
        i = end;
    }
    out
}

/// The code points [`latin_letters`] covers: Latin-1 Supplement, Latin Extended-A and -B.
const LATIN: std::ops::Range<usize> = 0xC0..0x250;

/// For each letter of [`LATIN`], its folding (as the general path folds it); `None` for the
/// other characters (signs, spaces), which keep the general path.
fn latin_letters() -> &'static [Option<Box<str>>] {
    static TABLE: std::sync::OnceLock<Vec<Option<Box<str>>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        LATIN
            .map(|c| {
                let c = char::from_u32(c as u32).filter(|c| c.is_alphabetic())?;
                Some(fold_with(c.encode_utf8(&mut [0; 4]), false).text.into())
            })
            .collect()
    })
}

impl Folded {
    /// Append `c`, which comes from the source range `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        let before = self.text.len();
        self.text.push(c);
        for _ in before..self.text.len() {
            self.starts.push(start as u32);
            self.ends.push(end as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The same text and the same way back with and without the fast path, on any text.
        #[test]
        fn the_fast_path_changes_nothing(
            s in "([a-zA-Z0-9 '`_\\-.,;:()|\t\n’–ÉéèàçôŒœÆßİ\u{301}\u{a0}\u{2009}]|\\PC){0,40}"
        ) {
            let (a, b) = (fold(&s), fold_with(&s, false));
            proptest::prop_assert_eq!(&a.text, &b.text);
            proptest::prop_assert_eq!(&a.starts, &b.starts);
            proptest::prop_assert_eq!(&a.ends, &b.ends);
        }
    }

    #[test]
    fn folds_and_maps_back() {
        let src = "Ministère de l’Intérieur –  Royaume-Uni Œuvre";
        let f = fold(src);
        assert_eq!(f.text, "ministere de l'interieur royaume uni oeuvre");
        let at = f.text.find("interieur").unwrap();
        let (s, e) = (f.source_start(at), f.source_end(at + "interieur".len()));
        assert_eq!(&src[s..e], "Intérieur");
        let at = f.text.find("oeuvre").unwrap();
        assert_eq!(&src[f.source_start(at)..f.source_end(at + 6)], "Œuvre");
    }
}
