//! Properties of the scanner on arbitrary input.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use liasse_dates::{scan, Date};
use proptest::prelude::*;

const PHRASES: &[&str] = &[
    "le 17 mars 2022",
    "les 18 et 19 octobre 2012",
    "du 28 février au 2 mars 2013",
    "au premier trimestre 2025",
    "fin septembre 2013",
    "25/03/2013",
    "le sept juin deux mille treize",
    "la période 2021-2027",
    "de 9h à 11h",
    "ce vendredi",
    "en octobre dernier",
];

const FILLER: &[&str] = &[
    "Le comité a examiné le rapport",
    "Les partenaires se sont félicités",
    "Il a rappelé la coopération",
    "la réunion",
    "Maroc",
    "UE",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,80}") {
        for m in scan(&s, Date::new(2024, 11, 30)) {
            prop_assert!(m.start < m.end && m.end <= s.len());
            prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        }
    }

    #[test]
    fn never_panics_on_date_like_noise(s in "[0-9 /.\\-hHer]{0,30}( (mars|juin|sept\\.|2013|deux|mille|et|au|le|les|du|fin|mi-|vingt|-)){0,8}") {
        let _ = scan(&s, None);
    }

    #[test]
    fn value_does_not_depend_on_neutral_surroundings(
        p in 0..PHRASES.len(),
        before in proptest::collection::vec(0..FILLER.len(), 0..3),
        after in proptest::collection::vec(0..FILLER.len(), 0..3),
    ) {
        let phrase = PHRASES[p];
        let anchor = Date::new(2024, 11, 30);
        let alone: Vec<_> = scan(phrase, anchor).into_iter().map(|m| m.value).collect();
        let mut text = String::new();
        for b in &before {
            text.push_str(FILLER[*b]);
            text.push_str(". ");
        }
        let offset = text.len();
        text.push_str(phrase);
        for a in &after {
            text.push_str(". ");
            text.push_str(FILLER[*a]);
        }
        let inside: Vec<_> = scan(&text, anchor)
            .into_iter()
            .filter(|m| m.start >= offset && m.end <= offset + phrase.len())
            .map(|m| m.value)
            .collect();
        prop_assert_eq!(alone, inside);
    }
}

#[test]
fn linear_on_a_long_line_of_digits_and_months() {
    // Not a timing test: checks that a pathological line is scanned and yields what it should.
    let unit = "12 mars 2013 14 15 16 / 17.18.2019 mars juin 2020-2021 ";
    let text = unit.repeat(20_000);
    let found = scan(&text, None);
    assert!(found.len() >= 20_000);
}
