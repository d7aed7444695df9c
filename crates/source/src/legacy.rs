//! Single-byte encodings that the detector does not know: Mac Roman (`macintosh`) and the DOS
//! code page 850, in which old French files still turn up. Each is tried against the
//! detector's answer, and the one that reads more of the bytes above ASCII as French
//! lowercase accented letters inside words wins.

use std::sync::OnceLock;

use encoding_rs::{Encoding, MACINTOSH};

/// A single-byte encoding: its name and the character of each byte from 0x80.
struct Table {
    name: &'static str,
    high: [char; 128],
}

impl Table {
    fn of(enc: &'static Encoding) -> Table {
        let mut high = ['\u{fffd}'; 128];
        for (i, c) in high.iter_mut().enumerate() {
            let byte = [0x80 + i as u8];
            let (s, _) = enc.decode_without_bom_handling(&byte);
            *c = s.chars().next().unwrap_or('\u{fffd}');
        }
        Table {
            name: enc.name(),
            high,
        }
    }

    fn decode(&self, bytes: &[u8]) -> String {
        bytes
            .iter()
            .map(|&b| {
                if b < 0x80 {
                    char::from(b)
                } else {
                    self.high[usize::from(b - 0x80)]
                }
            })
            .collect()
    }

    /// How many bytes above ASCII read as a French lowercase accented letter next to a
    /// lowercase letter (`é` in `dé`, `è` in `règle`).
    fn score(&self, bytes: &[u8]) -> usize {
        let letter = |b: u8| {
            b.is_ascii_lowercase() || (b >= 0x80 && self.high[usize::from(b - 0x80)].is_lowercase())
        };
        bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| {
                b >= 0x80
                    && FRENCH.contains(self.high[usize::from(b - 0x80)])
                    && (i > 0 && letter(bytes[i - 1])
                        || bytes.get(i + 1).is_some_and(|&n| letter(n)))
            })
            .count()
    }
}

/// French lowercase letters outside ASCII.
const FRENCH: &str = "éèêëàâäçîïôöùûüÿœæ";

fn ibm850() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut high = ['\u{fffd}'; 128];
        for line in include_str!("../data/ibm850.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let byte = cols.next().and_then(|b| u8::from_str_radix(b, 16).ok());
            let code = cols
                .next()
                .and_then(|c| c.strip_prefix("U+"))
                .and_then(|c| u32::from_str_radix(c, 16).ok())
                .and_then(char::from_u32);
            if let (Some(b @ 0x80..), Some(c)) = (byte, code) {
                high[usize::from(b - 0x80)] = c;
            }
        }
        Table {
            name: "IBM850",
            high,
        }
    })
}

fn macintosh() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::of(MACINTOSH))
}

/// The text and encoding name, when Mac Roman or DOS 850 reads `bytes` as French better than
/// the single-byte `guess` does (more accented letters inside words); `None` keeps the guess.
pub(crate) fn better_than(
    bytes: &[u8],
    guess: &'static Encoding,
) -> Option<(String, &'static str)> {
    // A multi-byte guess (a CJK text) is another language altogether.
    if !guess.is_single_byte() {
        return None;
    }
    let base = Table::of(guess).score(bytes);
    let (best, score) = [macintosh(), ibm850()]
        .into_iter()
        .map(|t| (t, t.score(bytes)))
        .max_by_key(|&(_, s)| s)?;
    (score > base).then(|| (best.decode(bytes), best.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    #[test]
    fn the_table_has_every_byte() {
        assert!(!ibm850().high.contains(&'\u{fffd}'));
        assert_eq!(ibm850().decode(b"\x82t\x82"), "été");
        assert_eq!(macintosh().decode(b"\x8Et\x8E"), "été");
    }

    #[test]
    fn the_encoding_that_reads_french_wins() {
        let text = "Réunion du comité à Genève : la délégation française s'est félicitée.";
        let (mac, _, _) = MACINTOSH.encode(text);
        assert_eq!(
            better_than(&mac, WINDOWS_1252),
            Some((text.to_owned(), "macintosh"))
        );
        let dos: Vec<u8> = text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c as u8
                } else {
                    0x80 + ibm850().high.iter().position(|&h| h == c).unwrap() as u8
                }
            })
            .collect();
        assert_eq!(
            better_than(&dos, WINDOWS_1252),
            Some((text.to_owned(), "IBM850"))
        );
        let (latin, _, _) = WINDOWS_1252.encode(text);
        assert_eq!(better_than(&latin, WINDOWS_1252), None);
    }
}
