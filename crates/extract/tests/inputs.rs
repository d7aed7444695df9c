//! Real inputs: PDFs and re-encoded copies give the records of their text version; broken
//! inputs give clear errors.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use liasse_records as rec;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(name: &str, bytes: &[u8]) -> rec::DocumentOutput {
    liasse_extract::process(name, bytes, &liasse_extract::Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What must not change with the container or the encoding (spans may).
fn signature(o: &rec::DocumentOutput) -> String {
    let mut events: Vec<String> = o
        .events
        .iter()
        .map(|e| {
            format!(
                "{:?} {:?}",
                e.kind,
                e.when
                    .as_ref()
                    .map(|w| (&w.edtf, &w.time_start, &w.time_end))
            )
        })
        .collect();
    events.sort();
    let mut partners: Vec<&str> = o.partners.iter().map(|p| p.id.as_str()).collect();
    partners.sort();
    let mut agencies: Vec<&str> = o.agencies.iter().map(|a| a.id.as_str()).collect();
    agencies.sort();
    let mut people: Vec<&str> = o.people.iter().map(|p| p.name.as_str()).collect();
    people.sort();
    let objectives: Vec<&str> = o.objectives.iter().map(|x| x.number.as_str()).collect();
    format!(
        "kind {:?}\ndate {:?}\nevents {events:#?}\nobjectives {objectives:?}\npartners {partners:?}\nagencies {agencies:?}\npeople {people:?}",
        o.document.kind,
        o.document.date.as_ref().map(|d| &d.edtf)
    )
}

#[test]
fn each_pdf_gives_the_records_of_its_text_version() {
    for (pdf, text) in [
        (
            "fixtures/pdf/agenda_seed.pdf",
            "seeds/000_c3907635f9e9b578.txt",
        ),
        (
            "fixtures/pdf/minutes_seed.pdf",
            "seeds/004_9245d3997e6422a4.txt",
        ),
        (
            "fixtures/pdf/declaration_tunisie.pdf",
            "fixtures/declaration/partenariat_tunisie.txt",
        ),
        // Printed by LibreOffice Writer: embedded fonts, wrapped lines, real layout.
        (
            "fixtures/pdf/wp/announcement_seed.pdf",
            "seeds/002_a173ce17f1e863ab.txt",
        ),
        (
            "fixtures/pdf/wp/minutes_seed.pdf",
            "seeds/004_9245d3997e6422a4.txt",
        ),
        (
            "fixtures/pdf/wp/declaration_seed.pdf",
            "fixtures/pdf/wp/declaration_seed.txt",
        ),
        // Printed by a browser: glyph widths as ranges, wrapped lines ending in a drawn space.
        (
            "fixtures/pdf/browser/article_seed.pdf",
            "seeds/003_8219d6a3aa488f45.txt",
        ),
    ] {
        let from_pdf = run(pdf, &std::fs::read(root().join(pdf)).unwrap());
        let from_text = run(text, &std::fs::read(root().join(text)).unwrap());
        assert_eq!(from_pdf.document.format, rec::Format::Pdf);
        assert_eq!(signature(&from_pdf), signature(&from_text), "{pdf}");
        // Spans carry their page.
        assert!(
            from_pdf.dates.iter().all(|d| d.span.page.is_some()),
            "{pdf}"
        );
    }
}

/// A word processor prints a tab-separated table with its cells at tab stops and its rows
/// wrapped over several lines: read with its geometry, the PDF gives the table back.
#[test]
fn a_printed_annex_table_gives_its_initiatives() {
    // Measured: 93 of the 105 rows (a tab that ends a full line leaves no trace, and a row
    // that starts on a tab stop under a full line reads as its next cell).
    printed_annex("fixtures/pdf/wp/annex_seed.pdf", 92);
}

/// A browser prints the same text in a monospaced font, its tabs at stops every eight
/// characters and its long rows wrapped at the page's width.
#[test]
fn an_annex_table_printed_by_a_browser_gives_its_initiatives() {
    // Measured: 97 of the 105 rows (a tab at the end of a wrapped line is drawn as a space);
    // 85 when a row that went on at the top of the next page was cut there.
    printed_annex("fixtures/pdf/browser/annex_seed.pdf", 95);
}

/// A script prints the text with each tab written as four spaces: the cells are apart by runs
/// of spaces, which are read as tabs again.
#[test]
fn an_annex_table_printed_with_its_tabs_as_spaces_gives_its_initiatives() {
    // Measured: 85 of the 105 rows (none before: its numbered rows were read as 34 more
    // objectives of the declaration).
    printed_annex("fixtures/pdf/annex_seed_spaces.pdf", 83);
}

fn printed_annex(pdf: &str, at_least: usize) {
    let text = "seeds/001_edf606ae34d495b5.txt";
    let from_pdf = run(pdf, &std::fs::read(root().join(pdf)).unwrap());
    let from_text = run(text, &std::fs::read(root().join(text)).unwrap());
    let objectives = |o: &rec::DocumentOutput| -> Vec<(String, Option<String>)> {
        o.objectives
            .iter()
            .map(|x| (x.number.clone(), x.section.clone()))
            .collect()
    };
    // The declaration's points, under their wrapped headings, and none of the table's.
    assert_eq!(objectives(&from_pdf), objectives(&from_text));
    let rows = |o: &rec::DocumentOutput| -> Vec<String> {
        let mut rows: Vec<String> = o
            .initiatives
            .iter()
            .map(|i| format!("{:?} {:?} {:?}", i.objective, i.partners, i.status))
            .collect();
        rows.sort();
        rows
    };
    let (pdf_rows, text_rows) = (rows(&from_pdf), rows(&from_text));
    let mut unmatched = text_rows.clone();
    for r in &pdf_rows {
        if let Some(i) = unmatched.iter().position(|t| t == r) {
            unmatched.remove(i);
        }
    }
    assert!(
        text_rows.len() - unmatched.len() >= at_least,
        "{} of {} rows found; missing {unmatched:#?}",
        text_rows.len() - unmatched.len(),
        text_rows.len()
    );
    let partners = |o: &rec::DocumentOutput| -> Vec<String> {
        o.partners.iter().map(|p| p.id.clone()).collect()
    };
    assert_eq!(partners(&from_pdf), partners(&from_text));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn every_seed_re_encoded_gives_the_same_records() {
    let mut tried = 0;
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = signature(&run(&name, text.as_bytes()));
        let mut copies: Vec<(&str, Vec<u8>)> = vec![
            (
                "UTF-8 with BOM",
                [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            ),
            ("UTF-16LE", utf16(&text, false)),
            ("UTF-16BE", utf16(&text, true)),
        ];
        // Single-byte encodings, for the seeds they can hold.
        for enc in [
            encoding_rs::WINDOWS_1252,
            encoding_rs::ISO_8859_15,
            encoding_rs::MACINTOSH,
        ] {
            let (bytes, _, unmappable) = enc.encode(&text);
            if !unmappable {
                copies.push((enc.name(), bytes.into_owned()));
            }
        }
        if let Some(bytes) = ibm850(&text) {
            copies.push(("IBM850", bytes));
        }
        for (label, bytes) in copies {
            assert_eq!(
                signature(&run(&name, &bytes)),
                expected,
                "{name} in {label}"
            );
            tried += 1;
        }
    }
    assert!(tried >= 25, "{tried} copies tried");
}

/// `text` in the DOS code page 850, from the source crate's table; `None` when a character is
/// not in it.
fn ibm850(text: &str) -> Option<Vec<u8>> {
    let table = std::fs::read_to_string(root().join("crates/source/data/ibm850.tsv")).unwrap();
    let high: Vec<(u8, char)> = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let byte = u8::from_str_radix(cols.next().unwrap(), 16).unwrap();
            let code = u32::from_str_radix(&cols.next().unwrap()[2..], 16).unwrap();
            (byte, char::from_u32(code).unwrap())
        })
        .collect();
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                Some(c as u8)
            } else {
                high.iter().find(|(_, h)| *h == c).map(|(b, _)| *b)
            }
        })
        .collect()
}

#[test]
fn broken_pdfs_say_what_to_do() {
    let err = |f: &str| {
        liasse_extract::process(
            f,
            &std::fs::read(root().join(f)).unwrap(),
            &liasse_extract::Options::default(),
        )
        .unwrap_err()
        .to_string()
    };
    assert!(err("fixtures/broken/truncated.pdf").contains("damaged or truncated"));
    assert!(err("fixtures/broken/scan_without_text.pdf").contains("run OCR"));
}

#[test]
fn a_saved_web_page_reads_as_an_article() {
    let page = std::fs::read(root().join("fixtures/html/article_page.html")).unwrap();
    let out = run("article_page.html", &page);
    assert_eq!(out.document.format, rec::Format::Html);
    assert_eq!(out.document.kind, rec::DocumentKind::Article);
    assert_eq!(out.document.date.as_ref().unwrap().edtf, "2024-11-30");
    assert!(out.people.iter().any(|p| p.name == "Simon Fetet"));
    assert!(!out.dates.iter().any(|d| d.text.contains("function")));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The stable counterpart of the `process` fuzz target: any bytes, no panic, exact spans.
    #[test]
    fn any_bytes_no_panic_and_exact_spans(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
        let options = liasse_extract::Options::default();
        if let Ok(out) = liasse_extract::process("p.txt", &bytes, &options) {
            let text = liasse_source::decode(&bytes, &liasse_source::Options { encoding: None, file_name: Some("p.txt".into()) }).unwrap().text;
            proptest::prop_assert!(rec::check_spans(&text, &out).is_empty());
        }
    }

    /// French-looking documents built from genre fragments: no panic, exact spans.
    #[test]
    fn genre_fragments_no_panic_and_exact_spans(parts in proptest::collection::vec(0usize..FRAGMENTS.len(), 1..12)) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect::<Vec<_>>().join("\n");
        let out = liasse_extract::process("g.txt", text.as_bytes(), &liasse_extract::Options::default()).unwrap();
        proptest::prop_assert!(rec::check_spans(&text, &out).is_empty());
    }
}

const FRAGMENTS: &[&str] = &[
    "### **Migration et développement**",
    "12. Renforcer la coopération avec le HCR et l'OIM.",
    "SECTION\tOBJECTIF\tPartenaire\tInitiative proposée",
    "<b>UE</b>\t\t<p><b>ES</b></p> <p>Appui (<i>Ministère de l'Intérieur</i>)</p>",
    "\t\tcoordonnées par Frontex, où approprié.",
    "9h00 – 11h00",
    "PAUSE CAFE",
    "- ✓ **M. Youssef Amrani, Secrétaire Général du MAEC :** M. Amrani a rappelé",
    "Publié dans Yabiladi le 30 - 11 - 2024",
    "Fait à Luxembourg, le sept juin deux mille treize.",
    "Pour le Royaume de Belgique",
    "les 5 et 6 juillet 2022 à Madrid, Espagne, coprésidée par l'Espagne et le Maroc",
    "Décisions prises :",
    "Partie 2 : projets en cours au 25/03/2013",
    "(*Lead Maroc*)",
    "Simon Fetet, Directeur de l'Immigration au ministère de l'Intérieur",
    "&eacute;&#233; <p>x</p> ** # -\r\n",
];
