//! The words the grammar knows, loaded from `data/words.tsv`, and the folding that finds them.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Month,
    MonthAbbr,
    Weekday,
    Num,
    Ord,
    Season,
    Part,
    Approx,
    Unit,
    Rel,
    Det,
    Hour,
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

type Table = HashMap<&'static str, Vec<Entry>, std::hash::BuildHasherDefault<Fnv>>;

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
            "num" => Class::Num,
            "ord" => Class::Ord,
            "season" => Class::Season,
            "part" => Class::Part,
            "approx" => Class::Approx,
            "unit" => Class::Unit,
            "rel" => Class::Rel,
            "det" => Class::Det,
            "hour" => Class::Hour,
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
        map.entry(word).or_default().push(Entry { class, value });
    }
    Ok(map)
}

pub(crate) fn lookup(folded: &str) -> &'static [Entry] {
    table().get(folded).map(Vec::as_slice).unwrap_or(&[])
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
pub(crate) fn fold(word: &str) -> Key {
    let mut key = Key::EMPTY;
    let mut n = 0usize;
    let mut push = |b: u8| -> bool {
        if n >= key.buf.len() {
            return false;
        }
        key.buf[n] = b;
        n += 1;
        true
    };
    for c in word.chars() {
        let ok = if c.is_ascii() {
            push(c.to_ascii_lowercase() as u8)
        } else {
            match c {
                'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' | 'á' | 'Á' => push(b'a'),
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => push(b'e'),
                'î' | 'ï' | 'Î' | 'Ï' | 'í' => push(b'i'),
                'ô' | 'ö' | 'Ô' | 'Ö' | 'ó' => push(b'o'),
                'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' | 'ú' => push(b'u'),
                'ç' | 'Ç' => push(b'c'),
                'ÿ' | 'Ÿ' => push(b'y'),
                'œ' | 'Œ' => push(b'o') && push(b'e'),
                'æ' | 'Æ' => push(b'a') && push(b'e'),
                _ => false,
            }
        };
        if !ok {
            return Key::EMPTY;
        }
    }
    key.len = n as u8;
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_word_is_folded() {
        let t = parse(DATA).unwrap();
        assert!(t.len() > 100);
        assert_eq!(has(lookup("decembre"), Class::Month), Some(12));
        assert_eq!(has(lookup("sept"), Class::Num), Some(7));
        assert_eq!(has(lookup("sept"), Class::MonthAbbr), Some(9));
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Février").as_str(), "fevrier");
        assert_eq!(fold("AOÛT").as_str(), "aout");
        assert_eq!(fold("Œuvre").as_str(), "oeuvre");
        assert_eq!(fold("anticonstitutionnellement").as_str(), "");
        assert_eq!(fold("مارس").as_str(), "");
    }
}
