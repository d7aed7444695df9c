//! French temporal expressions → EDTF values, as a pure function of `(text, anchor)`.
//!
//! [`scan`] finds every temporal expression in a text and resolves it: absolute dates exactly,
//! relative ones (`ce vendredi`, `l'année prochaine`, `la veille`) against an explicit anchor,
//! never against the clock. Without an anchor a relative expression is reported as relative with
//! no value, never guessed.
//!
//! ```
//! use liasse_dates::{scan, Date};
//! let text = "Publié le 30 - 11 - 2024. Rencontre ce vendredi à Paris.";
//! let anchor = Date::new(2024, 11, 30);
//! let found = scan(text, anchor);
//! assert_eq!(found[0].value.as_ref().unwrap().edtf, "2024-11-30");
//! assert_eq!(found[1].value.as_ref().unwrap().edtf, "2024-11-29");
//! assert!(found[1].relative);
//! ```
//!
//! # Forms
//!
//! | text | EDTF | precision | flags |
//! |---|---|---|---|
//! | `25/03/2013`, `18.12.2012`, `30 - 11 - 2024`, `2022-09-22` | `2013-03-25` … | day | |
//! | `03/2025`, `03/2025 - 06/2025`, `2025-03`, `mars-2025`; `15-16/03/2025`, `les 15 et 16.03.2025` | `2025-03`, `2025-03/2025-06`; `2025-03-15/2025-03-16` | month, day | not `n° 03/2025`, `12.10.15` |
//! | `samedi 4 octobre 2025`, `1er janv. 2020`, `17 Mars 2022` | `2025-10-04` … | day | |
//! | `le sept juin deux mille treize` | `2013-06-07` | day | |
//! | `le premier mars mil neuf cent quatre-vingt-dix-neuf` | `1999-03-01` | day | |
//! | `L'an deux mille vingt-trois, le quinze mars`, `l'an 2021 et le premier du mois d'août` (acts and minutes) | `2023-03-15`, `2021-08-01` | day | |
//! | `le 31 octobre 74`, `le 5 mars 98,` | `1974-10-31`, `1998-03-05` | day | two digits, 1950–2049; not `le 5 mars 20 pays` |
//! | `les 18 et 19 octobre 2012` | `2012-10-18/2012-10-19` | day | |
//! | `les 5 et 8 juillet 2022` | `{2022-07-05,2022-07-08}` | day | |
//! | `du 28 février au 2 mars 2013` | `2013-02-28/2013-03-02` | day | |
//! | `les 10/11 juin 2024` (two days, a slash between them, a month name after) | `2024-06-10/2024-06-11` | day | |
//! | `juillet 2019`, `sept. 2013`, `en mars` (anchor year) | `2019-07` | month | |
//! | `de janvier à mars 2020` | `2020-01/2020-03` | month | |
//! | `en 2007`, `de 2005` | `2007` | year | |
//! | `2021-2027`, `(2013-2017)`, `de 2018 à 2020` | `2021/2027` | years | |
//! | `dans les années 1990` | `199X` | years | |
//! | `les années 80`, `les années quatre-vingt` | `198X` | years | |
//! | `au XIXe siècle`, `au début du 20e siècle` | `18XX`, `19XX` | years | |
//! | `de mai à juillet` (anchor year), `le 31/12`, `du 12/03`, `Lundi 17/02` (anchor year) | `2024-05/2024-07`, `2024-12-31` | month, day | relative |
//! | `à midi`, `vers minuit`, `à midi et demi`, `midi moins cinq`, `minuit trois` | the date last mentioned, 12:00, 00:00, 12:30, 11:55, 00:03 | day | not `le Midi`, `après-midi` |
//! | `au premier trimestre 2025`, `T1 2025` | `2025-33` | quarter | |
//! | `1er semestre 2013`, `S1-2013` | `2013-40` | semester | |
//! | `printemps 2023` | `2023-21` | season | |
//! | `fin septembre 2013`, `début 2020`, `mi-mars` | `2013-09`, `2020` | month, year | approximate |
//! | `au plus tard fin septembre 2013`, `avant le 21 juin 2022`, `d'ici au 31 décembre 2024` | `2013-09`, `2022-06-21` | | deadline |
//! | `9h00 – 11h00`, `de 9h à 11h`, `à 15 heures` | the date last mentioned, with times | day | |
//! | `à dix-huit heures trente`, `onze heures et demie`, `onze heures trois quarts`, `dix heures moins le quart`, `à 3 heures de l'après-midi` | the date last mentioned, 18:30, 11:30, 11:45, 09:45, 15:00 | day | not `une pause de deux heures et demie` (`PT2H30M`) |
//! | `à 3 heures cet après-midi`, `vers 6h dans la soirée`, `3 heures du matin`, `à environ 15 heures` | the date last mentioned, 15:00, 18:00, 03:00, 15:00 | day | not `travaillé 3 heures ce matin` |
//! | `14 - 20 septembre 2014` (the first day alone on its line or after punctuation) | `2014-09-14/2014-09-20` | day | |
//! | `Mercredi 13 :` (a programme's day without its month) | the nearest Wednesday 13th to the anchor | day | relative |
//! | `le 16 à 18h`, `le 20 jusqu'à 18h` (a day without its month, told with its hour) | the nearest 16th to the anchor, the next or the last as the tense says | day | relative |
//! | `le lendemain du 13 février`, `la veille du 3 mars 2013` | `2013-02-14`, `2013-03-02` | day | relative without a year |
//! | `le premier lundi de mars 2024`, `le dernier vendredi du mois de juin 2023` | `2024-03-04`, `2023-06-30` | day | |
//! | `le dernier jour d'octobre 2015`, `le 3e jour de mars 2024` | `2015-10-31`, `2024-03-03` | day | |
//! | `le premier mercredi du mois prochain`, `le dernier jour du mois`, `la deuxième quinzaine du mois en cours` | from the anchor | day | relative; not `le premier lundi du mois` (every month's) |
//! | `le 15 du mois prochain`, `le 3 du mois dernier`, `le 10 de ce mois`; `le 15 du mois de mars 2024` | that day of the month around the anchor; of the month named | day | relative, but for a year written |
//! | `la première semaine d'octobre 2014`, `la deuxième quinzaine de juin 2024`, `le dernier week-end de septembre 2013` | `2014-10-06/2014-10-12` (the first whole week), `2024-06-16/2024-06-30`, `2013-09-28/2013-09-29` | day | |
//! | `la semaine du 6 octobre 2014` | `2014-10-06/2014-10-12` (Monday to Sunday) | day | |
//! | `en semaine 12`, `la semaine n° 1 de 2026` | `2025-03-17/2025-03-23`, `2025-12-29/2026-01-04` (ISO 8601 weeks) | day | relative without a year |
//! | `en début d'année prochaine`, `à la fin du mois dernier`, `en fin de semaine` | from the anchor: the year, month or week (Monday to Sunday) | year, month, day | approximate, relative |
//! | `avant Noël`, `la Toussaint`, `Pâques 2019`, `le lundi de Pentecôte 2023` | `2013-12-25`, `2019-04-21`, `2023-05-29` | day | relative without a year |
//! | `à noël`, `le jour de l'an 2020`, `le nouvel an`, `la fête du travail 2024`, `la Saint-Valentin` | `2013-12-25`, `2020-01-01`, `2013-01-01`, `2024-05-01`, `2013-02-14` | day | not `le nouvel an chinois` |
//! | `ce vendredi`, `vendredi dernier`, `lundi prochain` | from the anchor | day | relative |
//! | `mardi de la semaine prochaine`, `mardi la semaine d'après`, `lundi cette semaine`, `lundi en huit`, `jeudi en quinze`, `lundi en 15` | from the anchor | day | relative; not `lundi en huit exemplaires` |
//! | `a reçu mardi une délégation`, `recevra vendredi` | that weekday before or after the anchor, as the verb's tense says | day | relative |
//! | `jusqu'à vendredi`, `à partir de lundi`, `avant vendredi` | that weekday on or after the anchor, unless a verb in the past says otherwise | day | relative |
//! | `en octobre dernier`, `le mois dernier`, `cette année`, `l'année prochaine` | from the anchor | month, year | relative |
//! | `le 20 décembre dernier`, `le 5 mai prochain`, `l'hiver dernier` | the last before, the next after the anchor | day, season | relative |
//! | `le 15 mars de l'année prochaine`, `au troisième trimestre de l'an dernier`, `fin mars de cette année` | that date in the anchor's year shifted (`2026-03-15`, anchor in 2025) | day, month, quarter, season | relative |
//! | `le 15 janvier` (anchor 10 December), `s'est tenue le 20 décembre` (anchor in February) | the next or the last year, when near the anchor | day, month | relative |
//! | `samedi 5 avril` (anchor 30 November 2024) | `2025-04-05`: the year whose day has the weekday written, when the nearest year's has another, within eight months of the anchor | day | relative |
//! | `à 13h30 le samedi 21 septembre` | the date after the time, when no date just before it claims the time | day | |
//! | `aujourd'hui`, `hier`, `demain`, `dans trois jours`, `il y a deux ans` | from the anchor | day, year | relative |
//! | `les trois prochaines années`, `au cours des 12 derniers mois`, `les deux semaines écoulées` | `2014/2016`, `2012-02/2013-01`, `2013-01-28/2013-02-10` | years, month, day | relative; the anchor's own period excluded |
//! | `la dernière décennie`, `dans les 48 prochaines heures` | `2015/2024`, `2025-03-12/2025-03-14` | years, day | relative; hours from the anchor's day |
//! | `ce week-end`, `le week-end dernier` | Saturday to Sunday, from the anchor | day | relative |
//! | `le 15 courant` | that day of the anchor's month | day | relative |
//! | `la veille`, `le lendemain` | from the date last mentioned (its first day, its last), else the anchor | day | relative |
//! | `ce jour-là`, `cette année-là`, `ce mois-là`, `ce jeudi-là`, `à cette date`, `ce même jour`, `la même année` | the day, month, year or weekday of the date last mentioned, else the anchor's | day, month, year | relative |
//! | `le mardi suivant`, `le lundi précédent` | that weekday after or before the date last mentioned, else the anchor | day | relative |
//! | `deux jours plus tard`, `trois semaines après,`, `un mois auparavant` | from the date last mentioned, else the anchor | day, month, year | relative |
//! | `le jour suivant`, `la semaine suivante`, `le mois d'après`, `la semaine qui suit`, `l'année précédente`, `le jour d'avant` | the period after or before the date last mentioned | day, month, year | relative |
//! | `trois jours après le 3 mars 2013`, `deux semaines avant le 15/03/2013` | `2013-03-06`, `2013-03-01` | day | |
//! | `pendant 3 mois`, `24 mois`, `de 1 à 5 ans`, `un an et demi` | none: durations `P3M`, `P1Y/P5Y`, `P1Y6M` | | |
//! | `deux fois par an`, `tous les six mois` | none: a frequency | | |
//!
//! Not dates: `Ares(2022)6560133`, `COM(2011) 292`, `COVID-19`, `GenZ 212`, `U20`, `articles
//! 65-68`, `Dialogue 5+5`, `cinq ans après la signature` (a duration, counted from an event), phone numbers, amounts, `sa`, `AVR`, `mars` alone, `à deux heures de
//! route` (a length), `Jour 1 – 14 novembre` (a label, then a date), `Noël Mamère`, `l'ascension
//! sociale`.

mod civil;
mod grammar;
mod resolve;
mod token;
mod words;

pub use civil::{Date, Time};

/// How precise a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Semester,
    Season,
    Year,
    Years,
}

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Date,
    Range,
    Time,
    Duration,
    Frequency,
}

/// A resolved time value: an EDTF string and the inclusive calendar days it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub edtf: String,
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
    pub time_start: Option<Time>,
    pub time_end: Option<Time>,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offsets into the scanned text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The value; `None` for durations, frequencies and unresolvable relative expressions.
    pub value: Option<Value>,
    pub relative: bool,
    pub approximate: bool,
    pub deadline: bool,
    /// ISO 8601 duration, for durations.
    pub duration: Option<String>,
    /// Time of day (and end of a time range), for time mentions.
    pub time: Option<(Time, Option<Time>)>,
}

/// Find and resolve every temporal expression in `text`. Relative expressions resolve against
/// `anchor` (the document's own date); pure: same input, same output.
pub fn scan(text: &str, anchor: Option<Date>) -> Vec<Mention> {
    resolve::resolve(text, parse(text), anchor, None)
}

/// [`scan`] for a text whose own date is not known. The first full date it writes (a day or a
/// month of a year, not relative, not a deadline: `PROGRAMME – JUIN 2024`) gives the year of the dates written without one (`mardi 21
/// octobre`, `le 3 mars`), as the reader of a programme headed `21 et 22 octobre 2025` takes
/// them; words that count from the day of writing (`hier`, `la semaine prochaine`) stay
/// unresolved. Returns the mentions and that date, when one was used.
pub fn scan_unanchored(text: &str) -> (Vec<Mention>, Option<Date>) {
    let parsed = parse(text);
    let first = resolve::resolve(text, parsed.clone(), None, None);
    let hint = first.iter().find_map(|m| {
        let v = m.value.as_ref()?;
        let exact = matches!(v.precision, Precision::Day | Precision::Month);
        (exact && !m.relative && !m.deadline).then_some(v.start)
    });
    let yearless = first.iter().any(|m| m.relative && m.value.is_none());
    match hint {
        Some(h) if yearless => {
            let again = resolve::resolve(text, parsed, None, Some(h));
            let used = again != first;
            (again, used.then_some(h))
        }
        _ => (first, None),
    }
}

/// Every expression of `text`, unresolved. No expression crosses a blank line, so the text is
/// tokenised and parsed one paragraph at a time into a reused buffer: memory stays
/// proportional to the longest paragraph.
fn parse(text: &str) -> Vec<grammar::Parsed> {
    let mut tokens = Vec::new();
    let mut parsed = Vec::new();
    for (from, to) in paragraphs(text) {
        token::tokenize_into(text, from, to, &mut tokens);
        parsed.extend(grammar::parse(&tokens));
    }
    parsed
}

/// Byte ranges of the text between blank lines (a line break, optional spaces, a line break).
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut lines = memchr::memchr_iter(b'\n', bytes);
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        for pos in lines.by_ref() {
            if pos < start {
                continue;
            }
            let mut j = pos + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                let range = (start, pos);
                start = j;
                return Some(range);
            }
        }
        let range = (start, bytes.len());
        start = bytes.len();
        Some(range)
    })
}

#[cfg(test)]
mod tests {
    use super::{paragraphs, scan_unanchored};

    #[test]
    fn unanchored_text_gives_years_from_its_first_full_date() {
        let edtf = |text: &str| {
            let (ms, hint) = scan_unanchored(text);
            let values = ms
                .iter()
                .map(|m| m.value.as_ref().map_or("-".to_owned(), |v| v.edtf.clone()))
                .collect::<Vec<_>>();
            (values.join(" "), hint.map(|d| d.to_string()))
        };
        let text = "Niamey, 21 et 22 octobre 2025\n\nMardi 21 octobre\n\nMercredi 22 octobre";
        assert_eq!(
            edtf(text),
            (
                "2025-10-21/2025-10-22 2025-10-21 2025-10-22".into(),
                Some("2025-10-21".into())
            )
        );
        // A date of the year before the first one, read near it (a report written in January).
        assert_eq!(
            edtf("Le 8 janvier 2024. Réunion du 20 décembre.").0,
            "2024-01-08 2023-12-20"
        );
        // Words that count from the day of writing stay unresolved.
        assert_eq!(
            edtf("Signé le 4 mars 2024. Demain, la réunion."),
            ("2024-03-04 -".into(), None)
        );
        // No full date: nothing to read the others against.
        assert_eq!(edtf("Mardi 21 octobre").0, "-");
        assert_eq!(edtf("Forum 2024\n\nMardi 21 octobre").0, "2024 -");
        // A month of a year is enough.
        assert_eq!(
            edtf("PROGRAMME – JUIN 2024\n\nLundi 3 juin").0,
            "2024-06 2024-06-03"
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let cases: &[(&str, &[(usize, usize)])] = &[
            ("", &[]),
            ("a", &[(0, 1)]),
            ("a\nb", &[(0, 3)]),
            ("a\n\nb", &[(0, 1), (2, 4)]),
            ("a\n \t\r\nb\n\n\n", &[(0, 1), (5, 7), (8, 8), (9, 10)]),
            ("\n\na", &[(0, 0), (1, 3)]),
        ];
        for (text, want) in cases {
            let got: Vec<_> = paragraphs(text).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
