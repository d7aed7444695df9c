//! Tokens: runs of letters and digits, and single punctuation marks, with their byte spans.

use crate::words::{fold, lookup, Entry, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// Letters only; see `Token::key` and `Token::entries`.
    Word,
    /// Digits only.
    Num { value: u32, digits: u8 },
    /// `1er`, `2e`, `3ème`, `1re`.
    Ord(u32),
    /// `9h`, `9h00`, `14H30`.
    Clock { hour: u32, minute: Option<u32> },
    /// One punctuation or symbol character; dashes are all `-`, apostrophes all `'`.
    Punct(char),
    /// Anything else (letters mixed with digits: `U20`, `D1`, `GenZ212`).
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Title,
    Upper,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub tok: Tok,
    pub key: Key,
    pub entries: &'static [Entry],
    pub case: Case,
    /// The word was written without accents ("a" the verb, not "à").
    pub plain: bool,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Line breaks in that whitespace.
    pub newlines_before: u32,
}

impl Token {
    /// Is this the word `w` (folded)?
    pub(crate) fn is(&self, w: &str) -> bool {
        self.tok == Tok::Word && self.key.bytes() == w.as_bytes()
    }

    pub(crate) fn word(&self) -> &str {
        if self.tok == Tok::Word {
            self.key.as_str()
        } else {
            ""
        }
    }
}

/// Tokenise `text[from..to]` into `out` (cleared first); spans index the whole `text`.
pub(crate) fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    tokenize_with(text, from, to, out, true);
}

fn tokenize_with(text: &str, from: usize, to: usize, out: &mut Vec<Token>, fast: bool) {
    out.clear();
    let bytes = text.as_bytes();
    let mut space = false;
    let mut newlines = 0u32;
    let mut i = from;
    while i < to {
        let b = bytes[i];
        // ASCII fast path; other characters are decoded.
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newlines += 1;
            }
            i += len;
            continue;
        }
        // Fast path: a word of ASCII letters, or a number, ending at ASCII that is neither
        // (most tokens of a French text); anything else takes the general path below.
        let fast = if fast && b.is_ascii_alphanumeric() {
            ascii_token(bytes, i, to)
        } else {
            None
        };
        let ascii = fast.is_some();
        let (end, tok, key, entries, case) = if let Some(t) = fast {
            t
        } else if c.is_alphanumeric() {
            let mut end = i + len;
            while end < to {
                let b = bytes[end];
                if b < 0x80 {
                    if b.is_ascii_alphanumeric() {
                        end += 1;
                        continue;
                    }
                    break;
                }
                match text[end..].chars().next() {
                    Some(d) if d.is_alphanumeric() => end += d.len_utf8(),
                    _ => break,
                }
            }
            classify(&text[i..end], end)
        } else {
            let p = match c {
                '–' | '—' | '‐' | '‑' | '‒' | '−' => '-',
                '’' | '‘' | '`' | 'ʼ' | '′' => '\'',
                _ => c,
            };
            (
                i + c.len_utf8(),
                Tok::Punct(p),
                Key::EMPTY,
                &[][..],
                Case::Lower,
            )
        };
        out.push(Token {
            start: i,
            end,
            tok,
            key,
            entries,
            case,
            plain: ascii || text[i..end].is_ascii(),
            space_before: space,
            newlines_before: newlines,
        });
        space = false;
        newlines = 0;
        i = out.last().map_or(i + len, |t| t.end);
    }
    // A dash a re-encoding lost (`09:00 ? 11:00` from a Latin-1 copy of `09:00 – 11:00`, or
    // U+FFFD): a question mark set apart between two numbers or times is that dash.
    for k in 1..out.len().saturating_sub(1) {
        let figure = |t: &Token| matches!(t.tok, Tok::Num { .. } | Tok::Clock { .. });
        if matches!(out[k].tok, Tok::Punct('?' | '\u{fffd}'))
            && out[k].space_before
            && out[k + 1].space_before
            && out[k].newlines_before == 0
            && out[k + 1].newlines_before == 0
            && figure(&out[k - 1])
            && figure(&out[k + 1])
        {
            out[k].tok = Tok::Punct('-');
        }
    }
}

/// The token at `i` (as [`classify`] gives it) when it is all ASCII letters or all ASCII digits
/// and ends at an ASCII byte that is neither a letter nor a digit (or at `to`); `None`
/// otherwise.
fn ascii_token(bytes: &[u8], i: usize, to: usize) -> Option<Classified> {
    let digits = bytes[i].is_ascii_digit();
    let mut end = i + 1;
    let mut upper = u32::from(bytes[i].is_ascii_uppercase());
    while end < to {
        let b = bytes[end];
        if b >= 0x80 {
            return None;
        }
        if digits {
            if b.is_ascii_digit() {
                end += 1;
                continue;
            }
        } else if b.is_ascii_alphabetic() {
            upper += u32::from(b.is_ascii_uppercase());
            end += 1;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            // Letters and digits mixed: the general path.
            return None;
        }
        break;
    }
    let word = &bytes[i..end];
    let n = end - i;
    if digits {
        let value = if n <= 9 {
            word.iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0'))
        } else {
            u32::MAX
        };
        let tok = Tok::Num {
            value,
            digits: n.min(255) as u8,
        };
        return Some((end, tok, Key::EMPTY, &[], Case::Lower));
    }
    let key = Key::ascii_lower(word);
    let first_upper = bytes[i].is_ascii_uppercase();
    let rest_upper = upper == u32::from(first_upper) + (n as u32 - 1);
    let case = case_of(first_upper, rest_upper, n);
    Some((end, Tok::Word, key, lookup(key.bytes()), case))
}

/// Tokenise a whole text.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// A token's end, kind, folded word, word-table entries and case.
type Classified = (usize, Tok, Key, &'static [Entry], Case);

fn classify(s: &str, end: usize) -> Classified {
    let bytes = s.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == bytes.len() {
        let value = if digits <= 9 {
            s.parse().unwrap_or(u32::MAX)
        } else {
            u32::MAX
        };
        return (
            end,
            Tok::Num {
                value,
                digits: digits.min(255) as u8,
            },
            Key::EMPTY,
            &[],
            Case::Lower,
        );
    }
    if digits > 0 {
        let n: u32 = if digits <= 9 {
            s[..digits].parse().unwrap_or(u32::MAX)
        } else {
            u32::MAX
        };
        let rest = &s[digits..];
        let suffix = fold(rest);
        match suffix.as_str() {
            "er" | "re" | "ere" | "e" | "eme" | "ieme" | "nd" | "nde" | "d" => {
                return (end, Tok::Ord(n), Key::EMPTY, &[], Case::Lower)
            }
            "h" => {
                return (
                    end,
                    Tok::Clock {
                        hour: n,
                        minute: None,
                    },
                    Key::EMPTY,
                    &[],
                    Case::Lower,
                )
            }
            _ => {}
        }
        // 9h00, 14H30
        let rb = rest.as_bytes();
        if (rb[0] == b'h' || rb[0] == b'H')
            && rb.len() == 3
            && rb[1..].iter().all(u8::is_ascii_digit)
        {
            let minute = rest[1..].parse().ok();
            return (
                end,
                Tok::Clock { hour: n, minute },
                Key::EMPTY,
                &[],
                Case::Lower,
            );
        }
        return (end, Tok::Other, Key::EMPTY, &[], Case::Lower);
    }
    let ascii = s.is_ascii();
    let numeric = if ascii {
        bytes.iter().any(u8::is_ascii_digit)
    } else {
        s.chars().any(char::is_numeric)
    };
    // A letter and a digit (`T1`, `S2`: a table's quarter, semester) is a word; other mixes
    // of letters and digits are codes.
    let letter_digit =
        bytes.len() == 2 && bytes[0].is_ascii_alphabetic() && bytes[1].is_ascii_digit();
    if numeric && !letter_digit {
        return (end, Tok::Other, Key::EMPTY, &[], Case::Lower);
    }
    let key = fold(s);
    let entries = lookup(key.bytes());
    let case = if ascii {
        let first_upper = bytes[0].is_ascii_uppercase();
        let rest_upper = !bytes[1..].iter().any(u8::is_ascii_lowercase);
        case_of(first_upper, rest_upper, bytes.len())
    } else {
        let mut chars = s.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let rest_upper = chars.clone().all(|c| !c.is_lowercase());
        case_of(first_upper, rest_upper, 1 + chars.count())
    };
    (end, Tok::Word, key, entries, case)
}

fn case_of(first_upper: bool, rest_upper: bool, chars: usize) -> Case {
    match (first_upper, rest_upper) {
        (true, true) if chars > 1 => Case::Upper,
        (true, _) => Case::Title,
        _ => Case::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII fast path gives exactly the tokens of the general path.
    #[test]
    fn the_fast_path_changes_nothing() {
        let mut texts: Vec<String> = [
            "le 1er janv. 2020 à 9h00–11h, l’an 2000 U20 GenZ212 MARS Mars mars",
            "ABCDEFGHIJKLMNOPQ abcdefghijklmnop 1234567890123 007 x9 9x É2 2É",
            "Réunion DU 5 AU 7 MAI 2023\n\n(2013-2017) 25/03/2013 18.12.2012 a à A",
        ]
        .map(str::to_owned)
        .to_vec();
        // Pseudo-random mixes of letters, digits, accents, punctuation and spaces.
        let alphabet: Vec<char> = "aZ9 é.É-1\n'’ hH0".chars().collect();
        let mut x = 7u64;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..40 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push(alphabet[(x >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        for t in &texts {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize_with(t, 0, t.len(), &mut fast, true);
            tokenize_with(t, 0, t.len(), &mut slow, false);
            let show = |v: &[Token]| {
                v.iter()
                    .map(|k| {
                        format!(
                            "{}..{} {:?} {:?} {:?} {} {} {} {}",
                            k.start,
                            k.end,
                            k.tok,
                            k.key,
                            k.case,
                            k.entries.len(),
                            k.plain,
                            k.space_before,
                            k.newlines_before
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(show(&fast), show(&slow), "{t:?}");
        }
    }

    #[test]
    fn tokens() {
        let t = tokenize("le 1er janv. 2020 à 9h00–11h, l’an 2000 U20");
        let kinds: Vec<String> = t
            .iter()
            .map(|t| match t.tok {
                Tok::Word => format!("w:{}", t.key.as_str()),
                Tok::Num { value, .. } => format!("n:{value}"),
                Tok::Ord(n) => format!("o:{n}"),
                Tok::Clock { hour, minute } => format!("c:{hour}:{minute:?}"),
                Tok::Punct(c) => format!("p:{c}"),
                Tok::Other => "x".into(),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "w:le",
                "o:1",
                "w:janv",
                "p:.",
                "n:2020",
                "w:a",
                "c:9:Some(0)",
                "p:-",
                "c:11:None",
                "p:,",
                "w:l",
                "p:'",
                "w:an",
                "n:2000",
                "x"
            ]
        );
        assert!(!t[3].space_before && t[4].space_before);
    }
}
