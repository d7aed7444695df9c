//! Bytes → text. The only crate that knows file formats and character encodings.
//!
//! [`decode`] takes the raw bytes of one input and returns its text, the encoding it was read
//! from, the container format, and diagnostics about anything repaired on the way. Offsets in
//! every later stage index [`Decoded::text`].
//!
//! Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE); then strict UTF-8; then, for text
//! that is not valid UTF-8, either UTF-8 with a few stray legacy bytes (decoded run by run, each
//! stray byte through windows-1252, with a diagnostic) or a legacy single-byte French encoding
//! guessed by `chardetng`. Binary input is an error, never mojibake.
//!
//! ```
//! use liasse_source::{decode, Options};
//! let d = decode(b"\xEF\xBB\xBFR\xC3\xA9union", &Options::default()).unwrap();
//! assert_eq!(d.text, "Réunion");
//! assert_eq!(d.encoding, "UTF-8");
//! let latin = decode(b"R\xE9union du comit\xE9 \xE0 Rabat", &Options::default()).unwrap();
//! assert_eq!(latin.text, "Réunion du comité à Rabat");
//! assert_eq!(latin.encoding, "windows-1252");
//! ```

mod html;
mod legacy;
mod pdf;

/// The encodings `Options::encoding` takes (from `encoding_rs`).
pub use encoding_rs::Encoding;
use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use sha2::{Digest, Sha256};

/// The container format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Options for [`decode`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force this encoding (a WHATWG label such as `windows-1252`, `iso-8859-15`, `utf-16le`)
    /// instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    /// A file name, used only to recognise `.html` / `.htm` / `.pdf` when the content is
    /// ambiguous.
    pub file_name: Option<String>,
}

/// Resolve a user-given encoding label (`--encoding`).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Something noticed while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
}

/// The text of one input.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text every span indexes: the file's text, or the text extracted from a PDF or an
    /// HTML page.
    pub text: String,
    /// WHATWG name of the encoding (`UTF-8`, `UTF-16LE`, `windows-1252`, …); `binary` for PDF.
    pub encoding: &'static str,
    pub format: Format,
    /// Byte offset in `text` where each page starts (PDF); empty for unpaginated input.
    pub pages: Vec<usize>,
    pub notes: Vec<Note>,
    /// True when the lines the page's margin wrapped are already joined (a PDF read with its
    /// geometry): the text's line breaks are the author's.
    pub lines_joined: bool,
}

impl Decoded {
    /// 1-based page of a byte offset of the text, for paginated input.
    pub fn page_of(&self, offset: usize) -> Option<u32> {
        page_of(&self.pages, offset)
    }
}
/// Whether this thread is extracting a PDF with an extractor that may panic on a malformed
/// file: such a panic is caught, the file read by the fallback extractor and the failure noted
/// in the output (`pdf-fallback`), so a panic hook may stay quiet about it.
pub fn in_guarded_extraction() -> bool {
    pdf::in_guarded()
}

/// 1-based page of a byte offset, given where each page starts (none for unpaginated text).
pub fn page_of(page_starts: &[usize], offset: usize) -> Option<u32> {
    (!page_starts.is_empty()).then(|| page_starts.partition_point(|&s| s <= offset).max(1) as u32)
}

/// Why an input could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("the file is empty; nothing to extract")]
    Empty,
    #[error("the file holds only whitespace; nothing to extract")]
    Blank,
    #[error("the file is binary ({0}), not a text, HTML or PDF document; check that it was not misnamed")]
    Binary(&'static str),
    #[error("the PDF is damaged or truncated ({0}); re-export or re-download it")]
    PdfBroken(String),
    #[error(
        "the PDF is encrypted; remove the password first (e.g. `qpdf --decrypt in.pdf out.pdf`)"
    )]
    PdfEncrypted,
    #[error(
        "the PDF has no text layer (a scan?); run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`)"
    )]
    PdfNoText,
}

/// The SHA-256 of the raw bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The stable document id: the first 16 hex digits of the content's SHA-256.
pub fn document_id(sha256_hex: &str) -> String {
    sha256_hex.chars().take(16).collect()
}

/// Decode the raw bytes of one input.
pub fn decode(bytes: &[u8], options: &Options) -> Result<Decoded, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty);
    }
    if bytes.starts_with(b"%PDF-")
        || (bytes.len() > 1024 && bytes[..1024].windows(5).any(|w| w == b"%PDF-"))
    {
        let (text, pages, notes, lines_joined) = pdf::extract(bytes)?;
        return Ok(Decoded {
            text,
            encoding: "binary",
            format: Format::Pdf,
            pages,
            notes,
            lines_joined,
        });
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(SourceError::Binary(kind));
    }
    let mut notes = Vec::new();
    let (text, encoding) = match options.encoding {
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                notes.push(Note {
                    code: "decode-replacement",
                    message: format!(
                        "some bytes are not valid {}; they were replaced with U+FFFD",
                        enc.name()
                    ),
                });
            }
            (strip_bom(text.into_owned()), enc.name())
        }
        // A page's declared charset, when it has no byte-order mark.
        None => match html::declared_charset(bytes)
            .filter(|_| Encoding::for_bom(bytes).is_none() && looks_like_page(bytes))
        {
            Some(enc) if enc != UTF_8 || std::str::from_utf8(bytes).is_ok() => {
                let (text, _, had_errors) = enc.decode(bytes);
                if had_errors {
                    notes.push(Note {
                        code: "decode-replacement",
                        message: format!("some bytes are not valid {} as the page declares; they were replaced with U+FFFD", enc.name()),
                    });
                }
                (strip_bom(text.into_owned()), enc.name())
            }
            _ => detect_and_decode(bytes, &mut notes)?,
        },
    };
    if text.chars().all(char::is_whitespace) {
        return Err(SourceError::Blank);
    }
    let format = sniff_format(&text, options.file_name.as_deref());
    let text = if format == Format::Html {
        let t = html::to_text(&text);
        if t.trim().is_empty() {
            return Err(SourceError::Blank);
        }
        t
    } else {
        text
    };
    Ok(Decoded {
        text,
        encoding,
        format,
        pages: Vec::new(),
        notes,
        lines_joined: false,
    })
}

fn strip_bom(mut s: String) -> String {
    if s.starts_with('\u{feff}') {
        s.drain(..3);
    }
    s
}

fn detect_and_decode(
    bytes: &[u8],
    notes: &mut Vec<Note>,
) -> Result<(String, &'static str), SourceError> {
    // Byte-order marks first: they are unambiguous.
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            notes.push(Note {
                code: "decode-replacement",
                message: format!(
                    "some bytes are not valid {}; they were replaced with U+FFFD",
                    enc.name()
                ),
            });
        }
        return Ok((text.into_owned(), enc.name()));
    }
    // UTF-16 without BOM shows as every other byte NUL in Latin text.
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        notes.push(Note {
            code: "utf16-no-bom",
            message: format!(
                "no byte-order mark; decoded as {} from its NUL pattern",
                enc.name()
            ),
        });
        return Ok((text.into_owned(), enc.name()));
    }
    if looks_binary(bytes) {
        return Err(SourceError::Binary("control bytes"));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), UTF_8.name()));
    }
    // Not valid UTF-8. Mostly-UTF-8 text with a few stray legacy bytes is decoded run by run,
    // so one bad byte does not turn a whole UTF-8 file into mojibake.
    let (valid, invalid, multibyte) = utf8_profile(bytes);
    if multibyte > 0 && invalid <= multibyte {
        let mut text = String::with_capacity(bytes.len());
        let mut stray = 0usize;
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                stray += chunk.invalid().len();
                let (legacy, _, _) = WINDOWS_1252.decode(chunk.invalid());
                text.push_str(&legacy);
            }
        }
        notes.push(Note {
            code: "mixed-encoding",
            message: format!(
                "UTF-8 text with {stray} byte(s) that are not UTF-8 ({valid} valid); those were decoded as windows-1252"
            ),
        });
        return Ok((text, UTF_8.name()));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"fr"), chardetng::Utf8Detection::Allow);
    // French legacy text is windows-1252 / ISO-8859-1/15 in practice; chardetng may answer
    // another single-byte Latin encoding on short inputs, which we accept as it says.
    let enc = if guess == UTF_8 { WINDOWS_1252 } else { guess };
    // A Mac or DOS text reads as symbols where French has its accented letters.
    if let Some((text, name)) = legacy::better_than(bytes, enc) {
        notes.push(Note {
            code: "legacy-encoding",
            message: format!("decoded as {name}: it reads the accented letters of the text"),
        });
        return Ok((strip_bom(text), name));
    }
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        notes.push(Note {
            code: "decode-replacement",
            message: format!(
                "some bytes are not valid {}; they were replaced with U+FFFD",
                enc.name()
            ),
        });
    }
    Ok((strip_bom(text.into_owned()), enc.name()))
}

fn looks_like_page(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<meta")
}

/// Counts of valid bytes, invalid bytes, and multibyte UTF-8 sequences.
fn utf8_profile(bytes: &[u8]) -> (usize, usize, usize) {
    let mut valid = 0;
    let mut invalid = 0;
    let mut multibyte = 0;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().len();
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (valid, invalid, multibyte)
}

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Magic numbers of common binary formats that are sometimes misnamed `.txt`.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"\x1F\x8B", "gzip archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "legacy Office document",
        ),
        (b"\x7FELF", "executable"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"RIFF", "RIFF media file"),
        (b"OggS", "Ogg media file"),
        (b"ID3", "MP3 audio"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// NUL bytes or a high share of C0 control bytes mean binary, not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if memchr_nul(sample) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 100 > sample.len() * 5
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Decide text vs HTML from the content, with the file name as a tie-breaker.
/// Text with inline tags (`<b>`, `<p>` in table cells) stays text: HTML means a whole page.
fn sniff_format(text: &str, file_name: Option<&str>) -> Format {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
    {
        return Format::Html;
    }
    let by_name = file_name
        .map(|n| {
            let n = n.to_ascii_lowercase();
            n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".xhtml")
        })
        .unwrap_or(false);
    if by_name && head.starts_with('<') {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], text: &str, encoding: &str) {
        let d = decode(bytes, &Options::default()).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, encoding);
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        check("Fait à Luxembourg".as_bytes(), "Fait à Luxembourg", "UTF-8");
        check(b"\xEF\xBB\xBFFait \xC3\xA0", "Fait à", "UTF-8");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let s = "Déclaration conjointe – œuvre";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        check(&le, s, "UTF-16LE");
        check(&be, s, "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nuls() {
        let s = "Compte rendu de réunion du 24 décembre 2008";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        check(&le, s, "UTF-16LE");
    }

    #[test]
    fn windows_1252_french_is_detected() {
        let s = "Ministère de l'Intérieur – « coopération » œuvre été";
        let (bytes, _, _) = WINDOWS_1252.encode(s);
        check(&bytes, s, "windows-1252");
    }

    #[test]
    fn stray_legacy_byte_in_utf8_is_decoded_in_place_with_a_note() {
        let mut bytes = "Réunion à Rabat, caf".as_bytes().to_vec();
        bytes.push(0xE9); // 'é' in windows-1252
        bytes.extend_from_slice(" et thé".as_bytes());
        let d = decode(&bytes, &Options::default()).unwrap();
        assert_eq!(d.text, "Réunion à Rabat, café et thé");
        assert_eq!(d.notes[0].code, "mixed-encoding");
    }

    #[test]
    fn forced_encoding_wins() {
        let opts = Options {
            encoding: encoding_for_label("iso-8859-15"),
            file_name: None,
        };
        let d = decode(b"\xA4 \xBD", &opts).unwrap();
        assert_eq!(d.text, "€ œ");
    }

    #[test]
    fn bad_inputs_are_errors_not_panics() {
        let o = Options::default();
        assert_eq!(decode(b"", &o).unwrap_err(), SourceError::Empty);
        assert_eq!(decode(b" \n\t \r\n", &o).unwrap_err(), SourceError::Blank);
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\nxxxx", &o),
            Err(SourceError::Binary(_))
        ));
        assert!(matches!(
            decode(b"abc\x00def", &o),
            Err(SourceError::Binary(_))
        ));
        assert!(matches!(
            decode(b"%PDF-1.4\n", &o),
            Err(SourceError::PdfBroken(_))
        ));
    }

    #[test]
    fn html_pages_are_told_from_text_with_inline_tags() {
        let o = Options::default();
        let page = decode(
            b"<!DOCTYPE html><html><body><script>var x;</script><p>x</p></body></html>",
            &o,
        )
        .unwrap();
        assert_eq!(page.format, Format::Html);
        assert_eq!(page.text, "x\n");
        let latin = decode(
            b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9</body></html>",
            &o,
        )
        .unwrap();
        assert_eq!(
            (latin.text.as_str(), latin.encoding),
            ("café\n", "windows-1252")
        );
        let cell = decode(b"SECTION\t<b>UE</b>\tRenforcement", &o).unwrap();
        assert_eq!(cell.format, Format::Text);
    }

    #[test]
    fn ids_come_from_the_content_hash() {
        let h = sha256_hex(b"abc");
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(document_id(&h), "ba7816bf8f01cfea");
    }

    proptest::proptest! {
        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = decode(&bytes, &Options::default());
        }
    }
}
