//! The words the grammar knows, loaded from `data/words.tsv`, and the folding that finds them.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Month,
    MonthAbbr,
    Weekday,
    /// A weekday in the plural (`les lundis`): every such day.
    Weekdays,
    Num,
    Ord,
    Season,
    Part,
    Approx,
    Unit,
    Rel,
    Det,
    Hour,
    /// A holiday on a fixed day of the year, as `MMDD`.
    Feast,
    /// A holiday this many days after Easter Sunday.
    Easter,
    /// A holiday named only after its lead (`jour de l'an`, `fête du travail`, `Saint-Valentin`),
    /// as `MMDD`.
    FeastNamed,
    /// A holiday's name that is the holiday in lowercase too (`noël`, not `ascension`).
    FeastLower,
    /// A word that leads a holiday's name: `fête`, `nuit`, `nouvel`.
    FeastLead,
    /// A holiday of another calendar follows: `le nouvel an chinois`, `Noël orthodoxe`.
    Calendar,
    /// `siècle`: a period of this many years named by its ordinal.
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub class: Class,
    /// The number, month, weekday, EDTF season code…; for units, the unit letter as a `u8`.
    pub value: i32,
}

const DATA: &str = include_str!("../data/words.tsv");

/// FNV-1a: the keys are short ASCII words, for which SipHash's strength is wasted time.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<&'static [u8], Vec<Entry>, std::hash::BuildHasherDefault<Fnv>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(DATA).unwrap_or_default())
}

/// Parse the word table; an error names the faulty line (the table is tested, so this is for
/// whoever edits it).
pub(crate) fn parse(data: &'static str) -> Result<Table, String> {
    let mut map = Table::default();
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [word, class, value] = cols[..] else {
            return Err(format!(
                "words.tsv:{}: expected 3 tab-separated columns",
                n + 1
            ));
        };
        let class = match class {
            "month" => Class::Month,
            "month-abbr" => Class::MonthAbbr,
            "weekday" => Class::Weekday,
            "weekdays" => Class::Weekdays,
            "num" => Class::Num,
            "ord" => Class::Ord,
            "season" => Class::Season,
            "part" => Class::Part,
            "approx" => Class::Approx,
            "unit" => Class::Unit,
            "rel" => Class::Rel,
            "det" => Class::Det,
            "hour" => Class::Hour,
            "feast" => Class::Feast,
            "easter" => Class::Easter,
            "feast-named" => Class::FeastNamed,
            "feast-lower" => Class::FeastLower,
            "feast-lead" => Class::FeastLead,
            "calendar" => Class::Calendar,
            "century" => Class::Century,
            other => return Err(format!("words.tsv:{}: unknown class {other}", n + 1)),
        };
        let value = if class == Class::Unit || class == Class::Hour {
            i32::from(*value.as_bytes().first().ok_or("empty unit")?)
        } else {
            value
                .parse()
                .map_err(|_| format!("words.tsv:{}: bad value {value}", n + 1))?
        };
        if fold(word).as_str() != word {
            return Err(format!("words.tsv:{}: {word} is not folded", n + 1));
        }
        map.entry(word.as_bytes())
            .or_default()
            .push(Entry { class, value });
    }
    Ok(map)
}

/// The entries of a folded word. Most words of a text are not date words: a bit set of the
/// (first letter, length) pairs of the table rejects them before any hashing.
pub(crate) fn lookup(folded: &[u8]) -> &'static [Entry] {
    static SHAPES: OnceLock<[u16; 26]> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let mut shapes = [0u16; 26];
        for word in table().keys() {
            if let Some(slot) = shape(word) {
                shapes[slot.0] |= 1 << slot.1;
            }
        }
        shapes
    });
    match shape(folded) {
        Some((letter, len)) if shapes[letter] & (1 << len) != 0 => {
            table().get(folded).map(Vec::as_slice).unwrap_or(&[])
        }
        _ => &[],
    }
}

/// First letter index and length of a folded word (keys are at most 15 bytes long).
fn shape(word: &[u8]) -> Option<(usize, usize)> {
    let first = *word.first()?;
    first
        .is_ascii_lowercase()
        .then(|| (usize::from(first - b'a'), word.len().min(15)))
}

pub(crate) fn has(entries: &[Entry], class: Class) -> Option<i32> {
    entries.iter().find(|e| e.class == class).map(|e| e.value)
}

/// A folded word, stored inline: lowercase ASCII without accents, at most 15 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    buf: [u8; 15],
    len: u8,
}

impl Key {
    pub(crate) const EMPTY: Key = Key {
        buf: [0; 15],
        len: 0,
    };

    /// The lowercase copy of an ASCII word; the empty key when it is longer than 15 bytes
    /// (as [`fold`] gives).
    pub(crate) fn ascii_lower(word: &[u8]) -> Key {
        let mut key = Key::EMPTY;
        if word.len() <= key.buf.len() {
            for (k, b) in key.buf.iter_mut().zip(word) {
                *k = b.to_ascii_lowercase();
            }
            key.len = word.len() as u8;
        }
        key
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Fold a word: lowercase, accents removed, `œ` → `oe`. Words that do not fold to short ASCII
/// give the empty key (no date word is long or non-Latin).
///
/// Every word of a text is folded, so this works on bytes: ASCII is lowercased and the two-byte
/// UTF-8 forms of the accented Latin letters are mapped through [`fold_char`].
pub(crate) fn fold(word: &str) -> Key {
    let bytes = word.as_bytes();
    let mut key = Key::EMPTY;
    let mut n = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        let (folded, width): (&[u8], usize) = if b < 0x80 {
            if n >= key.buf.len() {
                return Key::EMPTY;
            }
            key.buf[n] = b.to_ascii_lowercase();
            n += 1;
            i += 1;
            continue;
        } else if (0xC3..=0xC5).contains(&b) && i + 1 < bytes.len() {
            let scalar = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            (char::from_u32(scalar).map_or(&[][..], fold_char), 2)
        } else {
            (&[][..], 0)
        };
        if folded.is_empty() || n + folded.len() > key.buf.len() {
            return Key::EMPTY;
        }
        key.buf[n..n + folded.len()].copy_from_slice(folded);
        n += folded.len();
        i += width;
    }
    key.len = n as u8;
    key
}

/// The ASCII letters an accented Latin letter folds to; empty for any other character.
fn fold_char(c: char) -> &'static [u8] {
    match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' | 'á' | 'Á' => b"a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b"e",
        'î' | 'ï' | 'Î' | 'Ï' | 'í' => b"i",
        'ô' | 'ö' | 'Ô' | 'Ö' | 'ó' => b"o",
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' | 'ú' => b"u",
        'ç' | 'Ç' => b"c",
        'ÿ' | 'Ÿ' => b"y",
        'œ' | 'Œ' => b"oe",
        'æ' | 'Æ' => b"ae",
        _ => b"",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_word_is_folded() {
        let t = parse(DATA).unwrap();
        assert!(t.len() > 100);
        assert_eq!(has(lookup(b"decembre"), Class::Month), Some(12));
        assert_eq!(has(lookup(b"sept"), Class::Num), Some(7));
        assert_eq!(has(lookup(b"sept"), Class::MonthAbbr), Some(9));
        // Every word of the table is found by the fast lookup.
        for word in t.keys() {
            assert!(!lookup(word).is_empty(), "{:?}", std::str::from_utf8(word));
        }
        assert!(lookup(b"").is_empty() && lookup(b"zzzzzzzzzzzzzzz").is_empty());
        assert!(lookup(b"zzzzzzzzzzzzzzzz").is_empty() && lookup(b"septe").is_empty());
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Février").as_str(), "fevrier");
        assert_eq!(fold("AOÛT").as_str(), "aout");
        assert_eq!(fold("Œuvre").as_str(), "oeuvre");
        assert_eq!(fold("anticonstitutionnellement").as_str(), "");
        assert_eq!(fold("مارس").as_str(), "");
        assert_eq!(fold("ŒÆÿŸ").as_str(), "oeaeyy");
        assert_eq!(fold("ñ").as_str(), "");
        assert_eq!(fold("ab\u{0301}").as_str(), "");
        assert_eq!(fold("abcdefghijklmnoé").as_str(), "");
        assert_eq!(fold("abcdefghijklmné").as_str(), "abcdefghijklmne");
    }

    /// The byte-level fold agrees with folding character by character, for every character up
    /// to U+2FFF alone and between letters.
    #[test]
    fn folding_agrees_with_characters() {
        for scalar in 0..0x3000u32 {
            let Some(c) = char::from_u32(scalar) else {
                continue;
            };
            let want = if c.is_ascii() {
                vec![c.to_ascii_lowercase() as u8]
            } else {
                fold_char(c).to_vec()
            };
            for word in [c.to_string(), format!("a{c}b")] {
                let got = fold(&word);
                let expect: Vec<u8> = if want.is_empty() {
                    Vec::new()
                } else if word.len() == c.len_utf8() {
                    want.clone()
                } else {
                    [&b"a"[..], &want, b"b"].concat()
                };
                assert_eq!(got.bytes(), &expect[..], "{word:?}");
            }
        }
    }
}
