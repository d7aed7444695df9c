//! The grammar: token sequences → symbolic expressions, not yet resolved against an anchor.
//!
//! Each rule is a small function over the token slice that returns what it recognised and where
//! it stopped. [`parse`] tries every rule at each token and keeps the longest match.

use crate::civil::Time;
use crate::token::{Case, Tok, Token};
use crate::words::{has, Class};

/// Day, month and year as far as the text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dmy {
    pub y: Option<i32>,
    pub m: Option<u8>,
    pub d: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Quarter(u8),
    Quadrimester(u8),
    Semester(u8),
    /// EDTF season code: 21 spring … 24 winter.
    Season(u8),
}

impl Part {
    /// The `n`th part of `len` months (3: a quarter, 4: four months, 6: a half-year), when
    /// the year has one.
    pub(crate) fn nth(len: i32, n: i32) -> Option<Part> {
        if !(1..=12 / len.max(1)).contains(&n) {
            return None;
        }
        let n = n as u8;
        match len {
            3 => Some(Part::Quarter(n)),
            4 => Some(Part::Quadrimester(n)),
            6 => Some(Part::Semester(n)),
            _ => None,
        }
    }

    /// Its length in months and the month it starts in. Seasons are the northern
    /// hemisphere's meteorological ones; winter starts in December and runs into next year.
    pub(crate) fn months(self) -> (u8, u8) {
        match self {
            Part::Quarter(n) => (3, 3 * (n - 1) + 1),
            Part::Quadrimester(n) => (4, 4 * (n - 1) + 1),
            Part::Semester(n) => (6, 6 * (n - 1) + 1),
            Part::Season(code) => (3, 3 * (code.clamp(21, 24) - 20)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// One day, or several days of one month (`les 5 et 6 juillet`).
    Days {
        y: Option<i32>,
        m: u8,
        days: Vec<u8>,
    },
    DayRange {
        a: Dmy,
        b: Dmy,
    },
    Month {
        y: Option<i32>,
        m: u8,
    },
    MonthRange {
        a: (Option<i32>, u8),
        b: (Option<i32>, u8),
    },
    Year(i32),
    YearRange(i32, i32),
    /// `les années 1990`, `les années 80`: the ten years from 1990.
    Decade(i32),
    /// `le XIXe siècle`, `au 20e siècle`: the hundred years from 1800 (EDTF `18XX`).
    Century(i32),
    Part {
        y: Option<i32>,
        part: Part,
    },
    /// `T1 2025 – T4 2026`, `du premier au troisième trimestre 2025`: from the first part's
    /// first day to the second's last.
    PartRange {
        a: (i32, Part),
        b: (i32, Part),
    },
    /// `aujourd'hui` (0), `hier` (-1), `demain` (+1).
    RelDay(i64),
    /// `ce vendredi` (0: nearest), `vendredi dernier` (-1), `lundi prochain` (+1).
    RelWeekday {
        wd: u8,
        dir: i8,
    },
    /// `le mardi suivant` (+1), `le lundi précédent` (-1): counted from the date told before.
    ChainedWeekday {
        wd: u8,
        dir: i8,
    },
    /// `mardi de la semaine prochaine` (+1), `lundi de cette semaine` (0): that weekday of the
    /// week this many weeks from the anchor's.
    WeekdayOfWeek {
        wd: u8,
        week: i64,
    },
    /// `lundi en huit` (1), `jeudi en quinze` (2): that many weeks after the weekday's next
    /// day (today's weekday: today).
    WeekdayLater {
        wd: u8,
        weeks: i64,
    },
    /// `les trois prochaines années` (+3), `au cours des 12 derniers mois`, `les deux semaines
    /// écoulées` (-2): that many whole periods after or before the anchor's, the anchor's
    /// own excluded; hours (`les 48 prochaines heures`) from the anchor's day to the day they
    /// reach.
    Periods {
        unit: u8,
        n: i64,
    },
    /// `les quatre premiers mois de 2023` (1–4), `les trois derniers mois de l'année` (10–12):
    /// the first or last months of a year, written (`y`) or the anchor's shifted by `off`
    /// (`de l'année prochaine`: +1).
    MonthsOf {
        y: Option<i32>,
        off: i64,
        a: u8,
        b: u8,
    },
    /// `le 16 à 18h`: that day of the anchor's month or of the month before or after it, the
    /// nearest to the anchor, or the next or last as the sentence's tense says.
    DayNear(u8),
    /// `octobre dernier`, `mars prochain`.
    RelMonth {
        m: u8,
        dir: i8,
    },
    /// `cette année`, `le mois dernier`, `la semaine prochaine`, `ce week-end` (`E`), `le
    /// trimestre prochain` (`T`), `ce semestre` (`S`): unit letter and offset.
    RelPeriod {
        unit: u8,
        n: i64,
    },
    /// `dans trois jours`, `il y a deux ans`.
    Offset {
        unit: u8,
        n: i64,
    },
    /// `le 15 courant`: that day of the anchor's month.
    DayOfMonth(u8),
    /// `la veille` (-1), `le lendemain` (+1): relative to the date mentioned before.
    Chained(i64),
    /// Counted from the date mentioned before: `deux jours plus tard`, `trois mois auparavant`
    /// (an offset), `le mois suivant`, `l'année précédente` (`period`: that unit's period).
    After {
        unit: u8,
        n: i64,
        period: bool,
    },
    /// `le lendemain du 13 février`: days after (or before) the date given.
    Shifted {
        base: Dmy,
        n: i64,
    },
    /// `Noël 2013`, `la Toussaint`, `lundi de Pâques`: a holiday of the year (the anchor's
    /// when none is given), moved to the weekday named before it.
    Feast {
        y: Option<i32>,
        feast: Feast,
        wd: Option<u8>,
    },
    /// `le premier lundi de mars 2024`, `le dernier vendredi du mois de juin`: the `n`th such
    /// weekday of the month (99: the last).
    NthWeekday {
        y: Option<i32>,
        m: u8,
        wd: u8,
        n: u8,
    },
    /// `la première semaine d'octobre 2014`, `la deuxième quinzaine de juin`, `le dernier
    /// week-end de septembre`: the `n`th (99: the last) whole week (`W`, Monday to Sunday),
    /// half (`Q`: 1st–15th, 16th–end) or weekend (`E`) inside the month.
    NthPart {
        y: Option<i32>,
        m: u8,
        unit: u8,
        n: u8,
    },
    /// `le premier mercredi du mois prochain`, `le dernier jour du mois`: as `NthWeekday`
    /// (`unit` 0) or `NthPart`, in the anchor's month or `months` after or before it.
    NthOfMonth {
        months: i64,
        unit: u8,
        wd: u8,
        n: u8,
    },
    /// `la semaine du 6 octobre`: Monday to Sunday of the week holding that day.
    WeekOf(Dmy),
    /// `semaine 12`, `la semaine n° 12 de 2025`: Monday to Sunday of that ISO 8601 week of
    /// the year written or the anchor's.
    WeekNumber {
        y: Option<i32>,
        n: u8,
    },
    /// `du lundi au vendredi`, `de mardi à jeudi prochain`, `entre lundi et mercredi`: from
    /// weekday `a` to the next weekday `b`, found as a lone weekday is (`dir`, the tense or
    /// `prochain`/`dernier`: the start in the future, the end in the past), or in the week
    /// this many weeks from the anchor's (`de la semaine prochaine`: 1).
    WeekdayRange {
        a: u8,
        b: u8,
        dir: i8,
        week: Option<i64>,
    },
    /// `du mardi 3 au jeudi 5`, `du lundi au mercredi 5`: days `a` to `b` of the month, nearest
    /// the anchor, where day `d` falls on weekday `wd`.
    WeekdayDays {
        wd: u8,
        d: u8,
        a: u8,
        b: u8,
    },
    /// `mercredi 13`: the day of the month that falls on that weekday, nearest the anchor.
    WeekdayDay {
        wd: u8,
        d: u8,
    },
    Time {
        a: Time,
        b: Option<Time>,
    },
    /// ISO 8601 duration.
    Duration(String),
    Frequency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feast {
    Fixed {
        m: u8,
        d: u8,
    },
    /// Days after Easter Sunday.
    Easter(i64),
}

/// An expression and the byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub approx: bool,
    pub deadline: bool,
    /// Which year a date written without one falls in: -1 the last before the anchor
    /// (`le 20 décembre dernier`), +1 the next after it (`le 5 mai prochain`); -2 and +2 when
    /// only the sentence's tense says so; 0 when nothing does.
    pub dir: i8,
    /// The weekday written before a day of a date without its year, and that day
    /// (`samedi 5 avril`: Saturday, the 5th): it can settle the year.
    pub weekday: Option<(u8, u8)>,
    /// After a date without its year, `de l'année prochaine` (+1), `de l'an dernier` (-1),
    /// `de cette année` (0): its year is the anchor's shifted by this much.
    pub shift: Option<i8>,
}

/// Parse a token stream into expressions, longest match first, left to right.
pub(crate) fn parse(tokens: &[Token]) -> Vec<Parsed> {
    let mut p = Parser {
        t: tokens,
        origin: 0,
    };
    let mut out = Vec::new();
    // Index of the next token that can carry a date (a number, a date word), for each token:
    // a preposition far from any of them cannot start an expression.
    let mut next_bearing = vec![usize::MAX; tokens.len() + 1];
    for i in (0..tokens.len()).rev() {
        next_bearing[i] = if bears_date(&tokens[i]) {
            i
        } else {
            next_bearing[i + 1]
        };
    }
    let mut i = 0;
    while i < tokens.len() {
        let near = next_bearing[i] != usize::MAX && next_bearing[i] - i <= MAX_PREFIX;
        if !near || !p.may_start(i) {
            i += 1;
            continue;
        }
        p.origin = i;
        match p.at(i) {
            Some((parsed, end)) => {
                out.push(parsed);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    propagate_years(tokens, &mut out);
    out
}

/// The most tokens a prefix (`au plus tard le`, `à la fin de l'`) spans before a token that
/// carries the date.
const MAX_PREFIX: usize = 7;

/// Can this token carry a date by itself (a number, an ordinal, a clock time, a date word)?
fn bears_date(t: &Token) -> bool {
    match t.tok {
        Tok::Num { .. } | Tok::Ord(_) | Tok::Clock { .. } => true,
        Tok::Word => t
            .entries
            .iter()
            .any(|e| !matches!(e.class, Class::Det | Class::Calendar)),
        _ => false,
    }
}

struct Parser<'a> {
    t: &'a [Token],
    origin: usize,
}

type M<T> = Option<(T, usize)>;

/// Words that may glue to a number without making it a code (`mi-2015`, `l'an`).
const GLUE_OK: &[&str] = &[
    "l", "d", "mi", "qu", "jusqu", "s", "fin", "debut", "le", "en", "de",
];

/// Words after which a bare four-digit number is not a year.
const NOT_BEFORE_YEAR: &[&str] = &[
    "n",
    "no",
    "article",
    "articles",
    "art",
    "page",
    "pages",
    "p",
    "pp",
    "point",
    "points",
    "numero",
    "loi",
    "decret",
    "arrete",
    "circulaire",
    "decision",
    "dahir",
    "tel",
    "bp",
    "code",
    "chapitre",
    "paragraphe",
    "alinea",
    "resolution",
    "reglement",
    "directive",
    "ref",
    "reference",
    "dossier",
    "lot",
    "cp",
    "km",
];

/// Words after which a number is a quantity, not a year.
const QUANTITY_NOUNS: &[&str] = &[
    "euros",
    "euro",
    "dollars",
    "dirhams",
    "dh",
    "mad",
    "eur",
    "usd",
    "migrants",
    "personnes",
    "habitants",
    "participants",
    "refugies",
    "demandeurs",
    "beneficiaires",
    "jeunes",
    "enfants",
    "femmes",
    "hommes",
    "etudiants",
    "familles",
    "cas",
    "lits",
    "places",
    "postes",
    "emplois",
    "visas",
    "dossiers",
    "km",
    "kilometres",
    "metres",
    "tonnes",
    "hectares",
    "ha",
    "kg",
    "dossier",
    "victimes",
    "mineurs",
    "agents",
    "policiers",
    "fonctionnaires",
    "entreprises",
    "projets",
    "millions",
    "milliards",
    "mille",
    "exemplaires",
    "pages",
    "mots",
    "signes",
    "caracteres",
];

impl<'a> Parser<'a> {
    // ---- token access -------------------------------------------------------------------

    /// The token at `i`, if an expression that started at `origin` may continue there (not
    /// across a blank line).
    fn tok(&self, i: usize) -> Option<&'a Token> {
        let t = self.t.get(i)?;
        (i == self.origin || t.newlines_before < 2).then_some(t)
    }

    fn may_start(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.tok {
            // A Roman ordinal (`XIXe siècle`) and a table's `T1` have no entry.
            Tok::Word => {
                t.entries.iter().any(|e| e.class != Class::Calendar)
                    || is_prefix_word(t.key.as_str())
                    || self.class(i + 1, Class::Century).is_some()
                    || abbreviated_part(t.key.as_str(), t.case).is_some()
            }
            Tok::Num { .. } | Tok::Ord(_) | Tok::Clock { .. } => true,
            Tok::Punct('(') => false,
            _ => false,
        }
    }

    fn word(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(w))
    }

    fn word_in(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| ws.iter().any(|w| t.is(w)))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.tok == Tok::Punct(c))
    }

    /// `p` immediately followed (no space) by token `i`.
    fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn class(&self, i: usize, c: Class) -> Option<i32> {
        self.tok(i).and_then(|t| has(t.entries, c))
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.tok(i)?.tok {
            Tok::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    /// Skip an elided article: `l'`, `d'`, `qu'` (the word and its apostrophe).
    fn elided(&self, i: usize, w: &str) -> Option<usize> {
        (self.word(i, w) && self.punct(i + 1, '\'')).then_some(i + 2)
    }

    /// Is the number at `i` part of a code such as `Ares(2022)6560133`, `COVID-19`, `GenZ212`?
    fn in_code(&self, i: usize) -> bool {
        let mut lo = i;
        while lo > 0 && !self.t[lo].space_before {
            lo -= 1;
        }
        let mut hi = i;
        while hi + 1 < self.t.len() && !self.t[hi + 1].space_before {
            hi += 1;
        }
        self.t[lo..=hi].iter().any(|t| match t.tok {
            Tok::Other => true,
            Tok::Num { digits, .. } => digits > 4,
            Tok::Word => {
                let w = t.key.as_str();
                !(GLUE_OK.contains(&w)
                    || has(t.entries, Class::Month).is_some()
                    || has(t.entries, Class::MonthAbbr).is_some()
                    || has(t.entries, Class::Approx).is_some())
            }
            Tok::Punct(c) => matches!(c, '+' | '=' | '@' | '#' | '_' | '%' | '€' | '$' | '£'),
            _ => false,
        })
    }

    // ---- the entry point -----------------------------------------------------------------

    /// The longest expression starting at `i`, with its prefixes.
    fn at(&self, i: usize) -> Option<(Parsed, usize)> {
        let start = self.t[i].start;
        let mut best: Option<(Parsed, usize)> = None;
        let consider = |best: &mut Option<(Parsed, usize)>,
                        expr: Expr,
                        end: usize,
                        approx: bool,
                        deadline: bool| {
            if best.as_ref().is_none_or(|(_, e)| end > *e) {
                let deadline = deadline && !matches!(expr, Expr::Duration(_) | Expr::Frequency);
                let end_byte = self.t[end - 1].end;
                *best = Some((
                    Parsed {
                        start,
                        end: end_byte,
                        expr,
                        approx,
                        deadline,
                        dir: 0,
                        weekday: None,
                        shift: None,
                    },
                    end,
                ));
            }
        };
        // Prefixes: deadline, then approximation, then a plain preposition.
        let (j, deadline) = match self.deadline_prefix(i) {
            Some(j) => (j, true),
            None => (i, false),
        };
        let (k, approx) = match self.approx_prefix(j).or_else(|| self.loose_approx(j)) {
            Some(k) => (k, true),
            None => (j, false),
        };
        let (l, prep) = match self.preposition(k) {
            Some(l) => (l, true),
            None => (k, false),
        };
        let ctx = deadline || approx || prep;
        // "d'ici deux ans", "d'ici 15 jours": a deadline that far from the anchor, not a length.
        let by = self
            .elided(i, "d")
            .is_some_and(|e| self.word(e, "ici") && e + 1 == j);
        if let Some((expr, end)) = self.offset_by(1, j).filter(|_| by) {
            consider(&mut best, expr, end, false, true);
        }
        for (expr, end) in
            self.core(l, ctx)
                .chain(if approx { self.approx_period(l) } else { None })
        {
            consider(&mut best, expr, end, approx, deadline);
        }
        if best.is_none() && l != i {
            // The prefix was not followed by an expression: try without it.
            for (expr, end) in self.core(i, false) {
                consider(&mut best, expr, end, false, false);
            }
        }
        if let Some((p, end)) = best.as_mut() {
            // "le 15 mars de l'année prochaine", "au troisième trimestre de l'an dernier".
            let said = (!matches!(p.expr, Expr::DayNear(_)) && yearless(&mut p.expr))
                .then(|| self.year_said(*end))
                .flatten();
            if let Some((shift, e)) = said {
                p.shift = Some(shift);
                p.end = self.t[e - 1].end;
                *end = e;
                p.weekday = self.weekday_before_day(i, *end);
            } else if yearless(&mut p.expr) {
                p.dir = if self.word_in(
                    *end,
                    &[
                        "dernier",
                        "derniere",
                        "derniers",
                        "dernieres",
                        "passe",
                        "passee",
                        "passes",
                        "passees",
                    ],
                ) {
                    -1
                } else if self.word_in(*end, &["prochain", "prochaine", "prochains", "prochaines"])
                {
                    1
                } else {
                    self.tense(i, *end)
                };
                if p.dir.abs() == 1 {
                    p.end = self.t[*end].end;
                    *end += 1;
                }
                p.weekday = self.weekday_before_day(i, *end);
            }
            // "jusqu'à vendredi", "d'ici lundi", "à partir de mardi": a weekday that closes or
            // opens a span from the day of writing is this week's or the next, unless the
            // sentence's tense says otherwise.
            if let Expr::RelWeekday { dir: dir @ 0, .. } = &mut p.expr {
                let opens =
                    self.word(i, "de") && i >= 1 && self.word_in(i - 1, &["partir", "compter"]);
                if p.deadline || self.word(i, "jusqu") || opens {
                    *dir = 2;
                }
            }
            // "une dizaine d'années": about that long.
            if matches!(p.expr, Expr::Duration(_))
                && (i..*end).any(|k| self.collective(k).is_some())
            {
                p.approx = true;
            }
            // "hier soir", "mardi après-midi", "demain matin": the part of a day is the day's.
            if matches!(
                p.expr,
                Expr::RelDay(_) | Expr::RelWeekday { .. } | Expr::WeekdayDay { .. }
            ) {
                let part = if self.word(*end, "apres")
                    && self.punct(*end + 1, '-')
                    && self.word(*end + 2, "midi")
                {
                    Some(*end + 3)
                } else {
                    self.word_in(*end, &["matin", "soir", "soiree", "matinee", "nuit"])
                        .then_some(*end + 1)
                };
                if let Some(e) = part {
                    p.end = self.t[e - 1].end;
                    *end = e;
                }
            }
            // "le 30 juin au plus tard", "le 15 mars 2025, au plus tard": a deadline told after.
            let k = if self.punct(*end, ',') {
                *end + 1
            } else {
                *end
            };
            if !matches!(p.expr, Expr::Duration(_) | Expr::Frequency)
                && self.word(k, "au")
                && self.word(k + 1, "plus")
                && self.word(k + 2, "tard")
            {
                p.deadline = true;
                p.end = self.t[k + 2].end;
                *end = k + 3;
            }
        }
        best
    }

    /// Every rule's match at `i` (most are `None`).
    fn core(&self, i: usize, ctx: bool) -> impl Iterator<Item = (Expr, usize)> {
        let rules: [Option<(Expr, usize)>; 21] = [
            self.relative(i),
            self.day_of_month_around(i),
            self.later(i),
            self.weekday_day(i),
            self.weekday_range(i),
            self.nth_weekday(i),
            self.week_of(i),
            self.feast(i),
            self.time_expr(i, ctx),
            self.written_date(i),
            self.numeric_range(i),
            self.numeric_month(i),
            self.month_expr(i, ctx),
            self.part_expr(i, ctx),
            self.year_expr(i, ctx),
            self.century(i),
            self.offset(i),
            self.periods(i),
            self.year_first(i),
            self.duration(i),
            self.frequency(i),
        ];
        rules.into_iter().flatten()
    }

    // ---- prefixes -------------------------------------------------------------------------

    fn deadline_prefix(&self, i: usize) -> Option<usize> {
        // au plus tard [le|en|à]
        if self.word(i, "au") && self.word(i + 1, "plus") && self.word(i + 2, "tard") {
            let mut j = i + 3;
            if self.word_in(j, &["le", "la", "en", "a", "au"]) {
                j += 1;
            }
            return Some(j);
        }
        // avant [le|la|fin …]
        if self.word(i, "avant") && !self.punct(i + 1, '-') {
            let j = i + 1;
            return Some(
                if self.word_in(j, &["le", "la", "l"]) && !self.punct(j + 1, '\'') {
                    j + 1
                } else {
                    j
                },
            );
        }
        // d'ici [le|la|à|au|fin]
        if let Some(j) = self.elided(i, "d") {
            if self.word(j, "ici") {
                let j = j + 1;
                return Some(if self.word_in(j, &["le", "la", "a", "au"]) {
                    j + 1
                } else {
                    j
                });
            }
        }
        // jusqu'au, jusqu'à, jusqu'en, jusqu'à la fin de
        if let Some(j) = self.elided(i, "jusqu") {
            if self.word_in(j, &["au", "a", "en"]) {
                let j = j + 1;
                return Some(if self.word_in(j, &["le", "la"]) {
                    j + 1
                } else {
                    j
                });
            }
        }
        // date limite : …
        if self.word(i, "date") && self.word(i + 1, "limite") {
            let mut j = i + 2;
            while self.punct(j, ':') || self.word_in(j, &["le", "au", "fixee", "est"]) {
                j += 1;
            }
            return Some(j);
        }
        None
    }

    fn approx_prefix(&self, i: usize) -> Option<usize> {
        let mut j = i;
        // à la / au / vers la / dans le
        if self.word_in(j, &["a", "vers", "dans", "en", "des"])
            && self.word_in(j + 1, &["la", "le", "au"])
        {
            j += 2;
        } else if self.word_in(j, &["au", "du", "la", "le"]) {
            j += 1;
        }
        let w = self.tok(j)?;
        has(w.entries, Class::Approx)?;
        let mut k = j + 1;
        if self.punct(k, '-') && self.adjacent(k) {
            k += 1;
        }
        if self.word_in(k, &["du", "de"]) && !self.word_in(k + 1, &["l"]) {
            k += 1;
        } else if let Some(e) = self.elided(k, "d") {
            k = e;
        } else if self.word(k, "de") {
            k += 1;
        }
        // "début" alone, or "fin" as a noun ("à la fin du projet"), needs a date after it:
        // the caller only keeps the prefix if a core expression follows.
        (j != i || k > j + 1 || self.tok(k).is_some()).then_some(k)
    }

    /// Words that make the date after them approximate without narrowing it: `vers 1950`,
    /// `aux alentours du 20 mai`, `autour de 2030`, `aux environs de`, `environ`, `à peu près`.
    fn loose_approx(&self, i: usize) -> Option<usize> {
        let after_de = |k: usize| {
            if self.word_in(k, &["du", "de"]) && !self.word(k + 1, "l") {
                Some(k + 1)
            } else {
                self.elided(k, "d")
            }
        };
        if self.word_in(i, &["vers", "environ", "approximativement"]) {
            Some(i + 1)
        } else if self.word(i, "aux") && self.word_in(i + 1, &["alentours", "environs"]) {
            after_de(i + 2)
        } else if self.word(i, "autour") {
            after_de(i + 1)
        } else if self.word(i, "a") && self.word(i + 1, "peu") && self.word(i + 2, "pres") {
            Some(i + 3)
        } else {
            None
        }
    }

    /// `l'année`, `l'an`, `le mois` right after an approximation: `fin de l'année`.
    fn approx_period(&self, i: usize) -> Option<(Expr, usize)> {
        // "fin de l'année prochaine", "début du mois dernier".
        let next = |e: usize| -> (i64, usize) {
            if self.word_in(e, &["prochain", "prochaine", "suivant", "suivante"]) {
                (1, e + 1)
            } else if self.word_in(e, &["dernier", "derniere", "passe", "passee"]) {
                (-1, e + 1)
            } else {
                (0, e)
            }
        };
        let j = self.elided(i, "l").unwrap_or(i);
        if self.word_in(j, &["annee", "an"]) && self.year(j + 1).is_none() {
            let (n, e) = next(j + 1);
            return Some((Expr::RelPeriod { unit: b'Y', n }, e));
        }
        if self.word(i, "mois") || (self.word(i, "le") && self.word(i + 1, "mois")) {
            let e = if self.word(i, "mois") { i + 1 } else { i + 2 };
            if self.month(e).is_none() {
                let (n, e) = next(e);
                return Some((Expr::RelPeriod { unit: b'M', n }, e));
            }
        }
        // "en fin de semaine", "au début de la semaine prochaine": the week, approximate.
        if self.word(i, "semaine") || (self.word(i, "la") && self.word(i + 1, "semaine")) {
            let e = if self.word(i, "semaine") {
                i + 1
            } else {
                i + 2
            };
            let (n, e) = next(e);
            return Some((Expr::RelPeriod { unit: b'W', n }, e));
        }
        None
    }

    /// Prepositions that make a following month or year a date: `en`, `de`, `depuis`, `dès`,
    /// `au mois de`, `l'année`, `la période`.
    fn preposition(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let plain = self.word_in(
            j,
            &["en", "depuis", "des", "apres", "vers", "pour", "courant"],
        );
        if plain || (self.word(j, "de") && !self.punct(j + 1, '\'')) {
            j += 1;
        } else if let Some(e) = self.elided(j, "d") {
            j = e;
        }
        // (au|le) mois de / (en|l') an(née) / la période
        let k = if self.word_in(j, &["au", "le", "du"]) && self.word(j + 1, "mois") {
            j + 2
        } else if self.word(j, "mois") {
            j + 1
        } else {
            0
        };
        if k > 0 {
            if self.word(k, "de") {
                return Some(k + 1);
            }
            if let Some(e) = self.elided(k, "d") {
                return Some(e);
            }
        }
        let l = self
            .elided(j, "l")
            .unwrap_or(if self.word(j, "les") { j + 1 } else { j });
        if self.word_in(l, &["annee", "an", "annees"]) && self.year(l + 1).is_some()
            || self.word(l, "annees") && self.decade_of_1900s(l + 1).is_some()
        {
            return Some(l + 1);
        }
        if self.word(j, "la") && self.word(j + 1, "periode") {
            return Some(j + 2);
        }
        if self.word(j, "periode") {
            return Some(j + 1);
        }
        (j > i).then_some(j)
    }

    // ---- atoms ----------------------------------------------------------------------------

    /// A cardinal written in words: `sept`, `vingt et un`, `quatre-vingt-dix-neuf`,
    /// `deux mille treize`, `mil neuf cent …`.
    fn spelled(&self, i: usize) -> M<u32> {
        let mut j = i;
        let mut total: u32 = 0;
        let mut current: u32 = 0;
        let mut words = 0;
        loop {
            // "et" only inside "vingt et un", "soixante et onze".
            if words > 0 && self.word(j, "et") {
                let next = self.tok(j + 1).and_then(|t| has(t.entries, Class::Num));
                if matches!(next, Some(1 | 11)) && current.is_multiple_of(10) && current % 100 >= 20
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let Some(v) = self.class(j, Class::Num) else {
                break;
            };
            let v = v as u32;
            match v {
                1000 => {
                    if total > 0 {
                        break;
                    }
                    total = current.max(1) * 1000;
                    current = 0;
                }
                100 => {
                    if current >= 10 || current % 100 > 9 {
                        break;
                    }
                    current = current.max(1) * 100;
                }
                20 if current % 100 == 4 => current += 76,
                10..=19 => {
                    let r = current % 100;
                    if r == 0 || r == 60 || r == 80 {
                        current += v;
                    } else {
                        break;
                    }
                }
                20..=60 => {
                    if current.is_multiple_of(100) {
                        current += v;
                    } else {
                        break;
                    }
                }
                0 => {
                    if words > 0 {
                        break;
                    }
                }
                _ => {
                    let r = current % 100;
                    if r.is_multiple_of(10) {
                        current += v;
                    } else {
                        break;
                    }
                }
            }
            words += 1;
            j += 1;
            // Hyphenated compounds: quatre-vingt-dix.
            if self.punct(j, '-')
                && self.adjacent(j)
                && self.adjacent(j + 1)
                && self.class(j + 1, Class::Num).is_some()
            {
                j += 1;
            }
        }
        (words > 0).then_some((total + current, j))
    }

    /// A number in digits or in words.
    fn number(&self, i: usize) -> M<u32> {
        if let Some((v, digits)) = self.num(i) {
            if digits <= 6 && !self.in_code(i) {
                return Some((v, i + 1));
            }
            return None;
        }
        self.spelled(i)
    }

    /// A day of the month: `5`, `05`, `1er`, `premier`, `vingt et un`.
    fn day(&self, i: usize) -> M<u8> {
        let t = self.tok(i)?;
        match t.tok {
            Tok::Num { value, digits } if digits <= 2 && (1..=31).contains(&value) => {
                Some((value as u8, i + 1))
            }
            Tok::Ord(1) => Some((1, i + 1)),
            Tok::Word => {
                if matches!(t.word(), "premier" | "premiere") {
                    return Some((1, i + 1));
                }
                let (v, j) = self.spelled(i)?;
                (1..=31).contains(&v).then_some((v as u8, j))
            }
            _ => None,
        }
    }

    /// A month name: (month, next, strong). Abbreviations without a dot are weak: they count
    /// only next to a day or a year. Abbreviations in capitals without a dot (`AVR`) never count.
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let t = self.tok(i)?;
        if let Some(m) = has(t.entries, Class::Month) {
            return Some((m as u8, i + 1, true));
        }
        let m = has(t.entries, Class::MonthAbbr)?;
        if self.punct(i + 1, '.') && self.adjacent(i + 1) {
            return Some((m as u8, i + 2, true));
        }
        (t.case != Case::Upper).then_some((m as u8, i + 1, false))
    }

    /// A four-digit year (1000–2199) that is not part of a code, or a year in words.
    fn year(&self, i: usize) -> M<i32> {
        let t = self.tok(i)?;
        match t.tok {
            Tok::Num { value, digits: 4 } if (1000..=2199).contains(&value) && !self.in_code(i) => {
                Some((value as i32, i + 1))
            }
            Tok::Word => {
                let (v, j) = self.spelled(i)?;
                let has_thousand = (i..j).any(|k| matches!(self.t[k].word(), "mille" | "mil"));
                (has_thousand && (1000..=2199).contains(&v)).then_some((v as i32, j))
            }
            _ => None,
        }
    }

    /// A year at `i` if there is one, and where the expression goes on.
    fn optional_year(&self, i: usize) -> (Option<i32>, usize) {
        self.year(i).map_or((None, i), |(y, e)| (Some(y), e))
    }

    fn weekday(&self, i: usize) -> M<u8> {
        self.class(i, Class::Weekday).map(|w| (w as u8, i + 1))
    }

    /// The first weekday in tokens `from..to` written right before a day (`samedi 5`,
    /// `mardi, 3`), with that day.
    fn weekday_before_day(&self, from: usize, to: usize) -> Option<(u8, u8)> {
        (from..to).find_map(|k| {
            let (wd, mut j) = self.weekday(k)?;
            if self.punct(j, ',') {
                j += 1;
            }
            let (d, e) = self.day(j)?;
            (e <= to).then_some((wd, d))
        })
    }

    // ---- dates written with a month name ---------------------------------------------------

    /// `[weekday] DAY [MONTH [YEAR]]`.
    fn dm(&self, i: usize) -> M<Dmy> {
        let mut j = i;
        if let Some((_, k)) = self.weekday(j) {
            j = k;
            if self.punct(j, ',') {
                j += 1;
            }
        }
        let (d, k) = self.day(j)?;
        j = k;
        // A day makes even a bare abbreviation a month ("7 sept 2013").
        let Some((m, k, _)) = self.month(j) else {
            return Some((
                Dmy {
                    y: None,
                    m: None,
                    d,
                },
                j,
            ));
        };
        j = k;
        let (y, j) = match self.optional_year(j) {
            (None, _) => self.short_year(j).map_or((None, j), |(y, e)| (Some(y), e)),
            found => found,
        };
        Some((Dmy { y, m: Some(m), d }, j))
    }

    /// A year in two digits right after a day and month, one space away (`le 31 octobre 74`,
    /// 1950–2049), that ends the expression: not a count (`le 5 mars 20 pays`), an hour
    /// (`5 mars 14 h`, `14:30`) or the next day of a list.
    fn short_year(&self, i: usize) -> M<i32> {
        let t = self.tok(i)?;
        let Tok::Num { value, digits: 2 } = t.tok else {
            return None;
        };
        let prev = &self.t[i - 1];
        if t.newlines_before > 0 || t.start != prev.end + 1 || self.in_code(i) {
            return None;
        }
        let ends = self.tok(i + 1).is_none_or(|n| {
            n.newlines_before > 0
                || match n.tok {
                    Tok::Word => n.case != Case::Lower && has(n.entries, Class::Month).is_none(),
                    Tok::Punct(c) => matches!(c, ',' | '.' | ';' | ')' | '!' | '?'),
                    _ => false,
                }
        });
        ends.then_some((two_digit_year(value), i + 1))
    }

    /// A full date: written (`17 mars 2022`) or numeric (`25/03/2013`).
    fn any_date(&self, i: usize) -> M<Dmy> {
        self.any_date_from(i, false)
    }

    /// As `any_date`; `joined`: the date ends a range or list begun by the number before it
    /// (`15-16/03/2025`), which may be glued to it.
    fn any_date_from(&self, i: usize, joined: bool) -> M<Dmy> {
        let numeric = if joined {
            self.numeric_from(i)
        } else {
            self.numeric(i)
        };
        if let Some((Expr::Days { y, m, days }, j)) = numeric {
            {
                return Some((
                    Dmy {
                        y,
                        m: Some(m),
                        d: days[0],
                    },
                    j,
                ));
            }
        }
        self.dm(i)
    }

    fn written_date(&self, i: usize) -> M<Expr> {
        let mut j = i;
        let mut range_word = None;
        if self.word_in(j, &["le", "les", "ce"]) {
            j += 1;
        } else if self.word_in(j, &["du", "entre"]) {
            range_word = Some(self.t[j].word());
            j += 1;
            if range_word == Some("entre") && self.word(j, "le") {
                j += 1;
            }
        }
        let day_at = j;
        let (first, mut j) = self.any_date(j)?;
        if first.m.is_none() && !self.is_day_list_or_range_next(j) {
            return None;
        }
        // Range: du X au Y, X-Y, entre le X et le Y, X au Y.
        let sep_range = if self.word_in(j, &["au", "a"]) {
            Some(j + 1)
        } else if let Some(k) = self
            .elided(j, "jusqu")
            .filter(|k| self.word_in(*k, &["au", "a"]))
        {
            Some(k + 1)
        } else if self.punct(j, '-')
            && (first.m.is_some()
                || range_word.is_some()
                || (self.adjacent(j) && self.adjacent(j + 1)))
        {
            // "5-7 mai", "du 5 - 7 mai"; but not "Jour 1 – mardi 14 novembre".
            Some(j + 1)
        } else if self.punct(j, '-') && self.spaced_day_range(i, day_at, first.d, j + 1) {
            // "14 - 20 septembre 2014" at the start of a line or after punctuation.
            Some(j + 1)
        } else if range_word == Some("entre") && self.word(j, "et") || self.slashed_days(j) {
            // "entre le 1er et le 15 juillet", "les 10/11 juin".
            Some(j + 1)
        } else {
            None
        };
        if let Some(mut k) = sep_range {
            if self.word(k, "le") {
                k += 1;
            }
            if let Some((second, e)) = self.any_date_from(k, true) {
                if let Some(m2) = second.m {
                    let mut a = first;
                    let b = second;
                    if a.m.is_none() {
                        a.m = Some(m2);
                    }
                    if a.y.is_none() {
                        a.y = b.y.map(|y| if a.m > b.m { y - 1 } else { y });
                    }
                    return Some((Expr::DayRange { a, b }, e));
                }
            }
            first.m?;
        }
        // List: les 5, 6 et 7 juillet; le 13 et le 14 mars.
        if first.m.is_none() {
            let mut days = vec![first.d];
            loop {
                let mut k = j;
                let sep =
                    self.punct(k, ',') || self.word_in(k, &["et", "ou"]) || self.punct(k, '&');
                if !sep {
                    return None;
                }
                k += 1;
                if self.word(k, "et") {
                    k += 1;
                }
                if self.word(k, "le") {
                    k += 1;
                }
                // "les 15 et 16/03/2025": the last day may be numeric.
                let (next, e) = self.any_date_from(k, true)?;
                days.push(next.d);
                j = e;
                if let Some(m) = next.m {
                    days.sort_unstable();
                    days.dedup();
                    return Some((Expr::Days { y: next.y, m, days }, j));
                }
                if days.len() > 31 {
                    return None;
                }
            }
        }
        let m = first.m?;
        Some((
            Expr::Days {
                y: first.y,
                m,
                days: vec![first.d],
            },
            j,
        ))
    }

    /// `14 - 20 septembre`: a day, a spaced dash and a later day of the same month, the first
    /// day standing alone (first of its line, after punctuation or an article), so that
    /// `Jour 1 – 14 novembre` and `Session 2 - 15 mars` stay a label and a date.
    fn spaced_day_range(&self, i: usize, day_at: usize, d: u8, k: usize) -> bool {
        let alone = day_at > i
            || i == 0
            || self.t[i].newlines_before > 0
            || matches!(self.t[i - 1].tok, Tok::Punct(c) if c != '-');
        let later = matches!(self.tok(k).map(|t| t.tok),
            Some(Tok::Num { value, digits }) if digits <= 2 && value > u32::from(d));
        alone && later && self.month(k + 1).is_some()
    }

    fn is_day_list_or_range_next(&self, j: usize) -> bool {
        self.punct(j, ',')
            || self.punct(j, '-')
            || self.punct(j, '&')
            || self.word_in(j, &["et", "au", "a", "ou", "jusqu"])
            || self.slashed_days(j)
    }

    /// `10/11 juin`: two days joined by a slash, a month name after them.
    fn slashed_days(&self, j: usize) -> bool {
        self.punct(j, '/')
            && self.adjacent(j)
            && self.adjacent(j + 1)
            && self
                .day(j + 1)
                .is_some_and(|(_, e)| self.month(e).is_some())
    }

    // ---- numeric dates --------------------------------------------------------------------

    /// `25/03/2013`, `18.12.2012`, `30 - 11 - 2024`, `2022-09-22`, `25/03/13`.
    fn numeric(&self, i: usize) -> M<Expr> {
        if self.tail_of_number(i) {
            return None;
        }
        self.numeric_from(i)
    }

    /// Is the number at `i` the tail of a longer dotted, slashed or dashed one (`2022/05` in
    /// `22/09/2022/05`)?
    fn tail_of_number(&self, i: usize) -> bool {
        i > 1
            && self.t.get(i).is_some_and(|t| !t.space_before)
            && matches!(self.t[i - 1].tok, Tok::Punct('/' | '.' | '-'))
            && matches!(self.t[i - 2].tok, Tok::Num { .. })
            && !self.t[i - 1].space_before
    }

    /// `numeric`, wherever the number stands.
    fn numeric_from(&self, i: usize) -> M<Expr> {
        let (a, ad) = self.num(i)?;
        if self.in_code(i) {
            return None;
        }
        let sep = match self.tok(i + 1)?.tok {
            Tok::Punct(c @ ('/' | '.' | '-')) => c,
            _ => return None,
        };
        // "le 31/12", "du 12/03", "Lundi 17/02": a day and a month after "le", "du" or a
        // weekday, in the anchor's year.
        // Dotted only as a range's start: "du 28.02 au 02.03.2025" (else "le 3.5" is a number).
        let dotted_start =
            sep == '.' && i > 0 && self.t[i - 1].is("du") && self.word_in(i + 3, &["au", "a"]);
        if (sep == '/'
            && i > 0
            && (self.t[i - 1].is("le")
                || self.t[i - 1].is("du")
                || self.class(i - 1, Class::Weekday).is_some())
            || dotted_start)
            && !self.t[i + 1].space_before
        {
            if let Some((b, bd)) = self.num(i + 2) {
                // Not "le 31/12/1999" nor "le 1/2/3" (a full stop after it ends a sentence).
                let more = self.tok(i + 3).is_some_and(|t| {
                    !t.space_before && matches!(t.tok, Tok::Punct('/' | '.' | '-'))
                }) && self.num(i + 4).is_some()
                    && self.adjacent(i + 4);
                if !more
                    && ad <= 2
                    && bd <= 2
                    && (1..=31).contains(&a)
                    && (1..=12).contains(&b)
                    && !self.t[i + 2].space_before
                {
                    return Some((
                        Expr::Days {
                            y: None,
                            m: b as u8,
                            days: vec![a as u8],
                        },
                        i + 3,
                    ));
                }
            }
        }
        let spaced = self.t[i + 1].space_before;
        let (b, bd) = self.num(i + 2)?;
        if (self.t[i + 2].space_before != spaced)
            || !self.punct(i + 3, sep)
            || self.t[i + 3].space_before != spaced
        {
            return None;
        }
        let (c, cd) = self.num(i + 4)?;
        if self.t[i + 4].space_before != spaced {
            return None;
        }
        // Nothing glued after: "22/09/2022/05" or "1.2.3.4" are not dates.
        if self
            .tok(i + 5)
            .is_some_and(|t| !t.space_before && matches!(t.tok, Tok::Punct('/' | '.' | '-')))
            && self
                .tok(i + 6)
                .is_some_and(|t| !t.space_before && matches!(t.tok, Tok::Num { .. }))
        {
            return None;
        }
        let (y, m, d) = if ad == 4 && bd <= 2 && cd <= 2 && sep == '-' {
            (a as i32, b, c)
        } else if ad <= 2 && bd <= 2 && cd == 4 {
            (c as i32, b, a)
        } else if ad <= 2 && bd <= 2 && cd == 2 && sep == '/' {
            // "25/03/13"; dotted, it may be a version number ("12.10.15").
            (two_digit_year(c), b, a)
        } else {
            return None;
        };
        crate::civil::Date::new(y, m as u8, d as u8)?;
        Some((
            Expr::Days {
                y: Some(y),
                m: m as u8,
                days: vec![d as u8],
            },
            i + 5,
        ))
    }

    /// `03/2025`, `12.2024`: a month and its year in digits, as tables' calendars write them;
    /// and a range of them (`03/2025 - 06/2025`, `de 03/2025 à 12/2026`).
    fn numeric_month(&self, i: usize) -> M<Expr> {
        let j = if self.word_in(i, &["de", "du", "entre"]) {
            i + 1
        } else {
            i
        };
        let (a, e) = self.month_in_digits(j)?;
        let and = self.word(i, "entre") && self.word(e, "et");
        if self.punct(e, '-') || self.word_in(e, &["a", "au"]) || and {
            if let Some((b, e)) = self.month_in_digits(e + 1) {
                if (b.0, b.1) > (a.0, a.1) {
                    let (a, b) = ((Some(a.0), a.1), (Some(b.0), b.1));
                    return Some((Expr::MonthRange { a, b }, e));
                }
            }
        }
        (j == i).then_some((
            Expr::Month {
                y: Some(a.0),
                m: a.1,
            },
            e,
        ))
    }

    /// `MM/YYYY` or `MM.YYYY` glued, standing alone (not `n° 03/2025`, not `12/03/2025`).
    fn month_in_digits(&self, i: usize) -> M<(i32, u8)> {
        let (m, md) = self.num(i)?;
        if md > 2 || !(1..=12).contains(&m) || self.tail_of_number(i) || self.in_code(i) {
            return None;
        }
        if !(self.punct(i + 1, '/') || self.punct(i + 1, '.'))
            || !self.adjacent(i + 1)
            || !self.adjacent(i + 2)
        {
            return None;
        }
        let (y, e) = self.year(i + 2)?;
        let glued_more = self
            .tok(e)
            .is_some_and(|t| !t.space_before && matches!(t.tok, Tok::Punct('/' | '.' | '-')))
            && self.num(e + 1).is_some_and(|_| self.adjacent(e + 1));
        let reference = i > 0
            && (NOT_BEFORE_YEAR.contains(&self.t[i - 1].word())
                || matches!(self.t[i - 1].tok, Tok::Punct('°' | '#')));
        (!glued_more && !reference).then_some(((y, m as u8), e))
    }

    /// `du 25/03/2013 au 30/03/2013`, `22/09/2022 - 30/09/2022`.
    fn numeric_range(&self, i: usize) -> M<Expr> {
        let mut j = i;
        if self.word_in(j, &["du", "entre"]) {
            j += 1;
            if self.word(j, "le") {
                j += 1;
            }
        }
        let (
            Expr::Days {
                y: Some(y),
                m,
                days,
            },
            e,
        ) = self.numeric(j)?
        else {
            return None;
        };
        let k = if self.word_in(e, &["au", "a", "et"]) || self.punct(e, '-') {
            e + 1
        } else {
            return None;
        };
        let k = if self.word(k, "le") { k + 1 } else { k };
        let (
            Expr::Days {
                y: y2,
                m: m2,
                days: d2,
            },
            e2,
        ) = self.numeric(k)?
        else {
            return None;
        };
        let a = Dmy {
            y: Some(y),
            m: Some(m),
            d: days[0],
        };
        let b = Dmy {
            y: y2,
            m: Some(m2),
            d: d2[0],
        };
        Some((Expr::DayRange { a, b }, e2))
    }

    // ---- months, parts of the year, years ------------------------------------------------------

    fn month_expr(&self, i: usize, ctx: bool) -> M<Expr> {
        let (m, j, strong) = self.month(i)?;
        // MONTH YEAR, and "mars-2025" glued.
        let glued = self.punct(j, '-') && self.adjacent(j) && self.adjacent(j + 1);
        if let Some((y, k)) = self.year(j).or_else(|| self.year(j + 1).filter(|_| glued)) {
            // MONTH YEAR - MONTH YEAR / MONTH YEAR à MONTH YEAR
            if let Some(r) = self.month_range_tail(k, (Some(y), m), false) {
                return Some(r);
            }
            return Some((Expr::Month { y: Some(y), m }, k));
        }
        // MONTH - MONTH YEAR, de MONTH à MONTH YEAR
        let after_de =
            i > 0 && (self.t[i - 1].is("de") || self.t[i - 1].is("entre") || self.t[i - 1].is("d"));
        if let Some(r) = self.month_range_tail(j, (None, m), after_de) {
            if strong {
                return Some(r);
            }
        }
        if !strong {
            return None;
        }
        // MONTH dernier / prochain
        if self.word_in(j, &["dernier", "passe"]) {
            return Some((Expr::RelMonth { m, dir: -1 }, j + 1));
        }
        if self.word(j, "prochain") {
            return Some((Expr::RelMonth { m, dir: 1 }, j + 1));
        }
        // A month alone is a date only after a preposition ("en mai", "fin mars", "mi-mars").
        ctx.then_some((Expr::Month { y: None, m }, j))
    }

    fn month_range_tail(&self, j: usize, a: (Option<i32>, u8), yearless: bool) -> M<Expr> {
        let k = if self.punct(j, '-') || self.punct(j, '/') || self.word_in(j, &["a", "au", "et"]) {
            j + 1
        } else {
            return None;
        };
        let (m2, k, _) = self.month(k)?;
        let (y2, k) = match self.year(k) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        // Without any year, only after "de"/"entre" ("de mai à juillet"): the anchor's year.
        if a.0.is_none() && y2.is_none() && !yearless {
            return None;
        }
        let ay = a.0.or(y2.map(|y| if a.1 > m2 { y - 1 } else { y }));
        Some((
            Expr::MonthRange {
                a: (ay, a.1),
                b: (y2.or(a.0), m2),
            },
            k,
        ))
    }

    fn part_expr(&self, i: usize, ctx: bool) -> M<Expr> {
        let mut j = i;
        if self.word_in(j, &["au", "le", "du", "ce", "au cours du"]) {
            j += 1;
        }
        if let Some((y, part, abbreviated, k)) = self.year_part(j) {
            // A range of them: "T1 2025 – T4 2026", "T2-T3 2025", "du premier trimestre 2025
            // au deuxième trimestre 2026".
            let between = i > 0 && self.t[i - 1].is("entre") || self.word(i, "entre");
            if let Some((b, e)) = self.part_range_end(k, between) {
                if let Some(a) = y.or(Some(b.0)).map(|y| (y, part)) {
                    if part_start(a) < part_start(b) {
                        return Some((Expr::PartRange { a, b }, e));
                    }
                }
            }
            // T1 2013, S2-2014, Q3 2020 (tables' quarters and semesters): always with a year.
            if y.is_some() || !abbreviated {
                return Some((Expr::Part { y, part }, k));
            }
        }
        // "du premier au troisième trimestre 2025": the first ordinal takes the second's part.
        if let Some(n) = self.ordinal(j) {
            if let Some((b, e)) = self.part_range_end(j + 1, false) {
                let a = Part::nth(i32::from(b.1.months().0), n);
                if let Some(a) = a.map(|a| (b.0, a)) {
                    if part_start(a) < part_start(b) {
                        return Some((Expr::PartRange { a, b }, e));
                    }
                }
            }
        }
        // SEASON [YEAR]: "été" is also a participle, so it needs an article or a year.
        let mut j = i;
        let mut article = ctx;
        // The article, when there is one: "l'", "cet", "en" may open "été" alone.
        let mut lead = "";
        if let Some(e) = self.elided(j, "l") {
            j = e;
            article = true;
            lead = "l";
        } else if self.word_in(j, &["au", "le", "cet", "ce", "en"]) {
            lead = self.t[j].word();
            j += 1;
            article = true;
        }
        let code = self.class(j, Class::Season)?;
        let (y, k) = match self.year(j + 1) {
            Some((y, e)) => (Some(y), e),
            None => (None, j + 1),
        };
        if y.is_none() && !article {
            return None;
        }
        // "un matin de printemps" qualifies, it does not date: a season without a year needs
        // "au", "en", "cet", "l'", not "de".
        if y.is_none() && j > 0 && (self.t[j - 1].is("de") || self.t[j - 1].is("d")) {
            return None;
        }
        if y.is_none() && self.t[j].word() == "ete" && !matches!(lead, "l" | "cet" | "en") {
            return None;
        }
        Some((
            Expr::Part {
                y,
                part: Part::Season(code as u8),
            },
            k,
        ))
    }

    /// An ordinal as a word or in digits (`premier`, `2e`); 99 is `dernier`.
    fn ordinal(&self, j: usize) -> Option<i32> {
        match self.tok(j)?.tok {
            Tok::Ord(n) => Some(n as i32),
            Tok::Word => self.class(j, Class::Ord),
            _ => None,
        }
    }

    /// A quarter, four months or a half-year, and its year when one follows: `ORDINAL PART
    /// [de l'année] [YEAR]` (`le deuxième semestre 2025`), or `T1 2013`, `S2-2014`, `Q3`
    /// (abbreviated: the third field says so).
    fn year_part(&self, j: usize) -> Option<(Option<i32>, Part, bool, usize)> {
        if let Some(n) = self.ordinal(j) {
            let len = self.class(j + 1, Class::Part)?;
            let part = Part::nth(len, if n == 99 { 12 / len.max(1) } else { n })?;
            let mut k = j + 2;
            // "de l'année 2025"; "de l'année prochaine" is read after the expression.
            if self.word(k, "de")
                && self.elided(k + 1, "l").is_some_and(|e| {
                    self.word_in(e, &["annee", "an"]) && self.year(e + 1).is_some()
                })
            {
                k += 4;
            }
            let (y, k) = match self.year(k) {
                Some((y, e)) => (Some(y), e),
                None => (None, k),
            };
            return Some((y, part, false, k));
        }
        let t = self.tok(j)?;
        let part = abbreviated_part(t.key.as_str(), t.case)?;
        let glued = (self.punct(j + 1, '-') || self.punct(j + 1, '/')) && self.adjacent(j + 1);
        // Glued to the letter, the year looks like a code to `year`: read it here.
        let year = if glued {
            match self.num(j + 2) {
                Some((v, 4)) if (1900..=2199).contains(&v) && self.adjacent(j + 2) => {
                    Some((v as i32, j + 3))
                }
                _ => None,
            }
        } else {
            self.year(j + 1)
        };
        Some(match year {
            Some((y, e)) => (Some(y), part, true, e),
            None => (None, part, true, j + 1),
        })
    }

    /// After a part of a year, the end of a range of them: `– T4 2026`, `au troisième
    /// trimestre 2025`; `et …` only after `entre` (`T4/2013 et S1-2014` are two). The end
    /// needs its year.
    fn part_range_end(&self, k: usize, between: bool) -> Option<((i32, Part), usize)> {
        if !(self.punct(k, '-') || self.word_in(k, &["a", "au"]) || between && self.word(k, "et")) {
            return None;
        }
        let j = if self.word(k + 1, "le") { k + 2 } else { k + 1 };
        match self.year_part(j)? {
            (Some(y), part, _, e) => Some(((y, part), e)),
            _ => None,
        }
    }

    fn year_expr(&self, i: usize, ctx: bool) -> M<Expr> {
        // "(dans) les années 1990": a decade, not the year 1990.
        // "la décennie 2010", "de la décennie 1990": the same.
        if i >= 1
            && (self.t[i - 1].is("annees")
                && (i < 2
                    || self.t[i - 2].is("les")
                    || self.t[i - 2].is("des")
                    || self.t[i - 2].is("aux"))
                || self.t[i - 1].is("decennie"))
        {
            if let Some((y, k)) = self.year(i).or_else(|| self.decade_of_1900s(i)) {
                if y % 10 == 0 && !self.word_in(k, &["a", "et"]) {
                    return Some((Expr::Decade(y), k));
                }
            }
        }
        let mut j = i;
        let mut range_word = None;
        if self.word_in(j, &["entre", "de"]) && !ctx {
            range_word = Some(self.t[j].word());
            j += 1;
        }
        // A reference number: "la loi n° 2015-36", "le décret 2020-123" (no year, no range).
        if range_word.is_none()
            && j > 0
            && (NOT_BEFORE_YEAR.contains(&self.t[j - 1].word())
                || matches!(self.t[j - 1].tok, Tok::Punct('°' | '#')))
        {
            return None;
        }
        let (a, k) = self.year(j)?;
        // YEAR-YEAR, YEAR/YEAR, YEAR à YEAR, entre YEAR et YEAR, 2019-20
        let dash = self.punct(k, '-') || self.punct(k, '/');
        let to = self.word_in(k, &["a", "au"]) && (range_word == Some("de") || ctx);
        let and = self.word(k, "et") && range_word == Some("entre");
        let sep = (dash || to || and).then_some(k + 1);
        if let Some(s) = sep {
            if let Some((b, e)) = self.year(s) {
                if b > a && b - a <= 100 {
                    return Some((Expr::YearRange(a, b), e));
                }
            } else if let Some((v, 2)) = self.num(s) {
                let b = a - a % 100 + v as i32;
                let ends = self.adjacent(s)
                    && !self
                        .tok(s + 1)
                        .is_some_and(|t| !t.space_before && matches!(t.tok, Tok::Punct('-' | '/')));
                if b > a && ends {
                    return Some((Expr::YearRange(a, b), s + 1));
                }
                // "2025-03": ISO 8601's month (a range would end before it starts).
                if ends && self.punct(k, '-') && self.adjacent(k) && (1..=12).contains(&v) {
                    let m = v as u8;
                    return Some((Expr::Month { y: Some(a), m }, s + 1));
                }
            }
        }
        if range_word.is_some() && range_word != Some("de") {
            return None;
        }
        if ctx || range_word == Some("de") {
            return Some((Expr::Year(a), k));
        }
        // A bare year: 1900–2099, not a quantity, not a reference number.
        if !(1900..=2099).contains(&a) || !matches!(self.t[j].tok, Tok::Num { .. }) {
            return None;
        }
        if j > 0 && NOT_BEFORE_YEAR.contains(&self.t[j - 1].word()) {
            return None;
        }
        if j > 0 && matches!(self.t[j - 1].tok, Tok::Punct('°' | '#' | '€' | '$' | '+')) {
            return None;
        }
        // Part of a slashed or dotted number: "29/02/2023" (invalid date), "1.2.2013.5".
        let glued_num = |p: usize, n: usize| {
            matches!(self.t[p].tok, Tok::Punct('/' | '.'))
                && matches!(self.t[n].tok, Tok::Num { .. })
                && !self.t[p.max(n)].space_before
                && !self.t[p.min(n) + 1].space_before
        };
        if (j >= 2 && glued_num(j - 1, j - 2)) || (k + 1 < self.t.len() && glued_num(k, k + 1)) {
            return None;
        }
        if let Some(t) = self.tok(k) {
            if QUANTITY_NOUNS.contains(&t.word()) || has(t.entries, Class::Unit).is_some() {
                return None;
            }
            if matches!(t.tok, Tok::Punct('%' | '€' | '$'))
                || matches!(t.tok, Tok::Num { digits: 3, .. })
            {
                return None;
            }
        }
        Some((Expr::Year(a), k))
    }

    // ---- relative expressions ---------------------------------------------------------------

    fn relative(&self, i: usize) -> M<Expr> {
        let t = self.tok(i)?;
        let w = t.word();
        // aujourd'hui
        if w == "aujourd" && self.punct(i + 1, '\'') && self.word(i + 2, "hui") {
            return Some((Expr::RelDay(0), i + 3));
        }
        // avant-hier, après-demain
        if w == "avant" && self.punct(i + 1, '-') && self.word(i + 2, "hier") {
            return Some((Expr::RelDay(-2), i + 3));
        }
        if w == "apres" && self.punct(i + 1, '-') && self.word(i + 2, "demain") {
            return Some((Expr::RelDay(2), i + 3));
        }
        if w == "hier" {
            return Some((Expr::RelDay(-1), i + 1));
        }
        if w == "demain" {
            return Some((Expr::RelDay(1), i + 1));
        }
        // la veille, le lendemain, l'avant-veille, le surlendemain
        let j = if self.word_in(i, &["la", "le"]) {
            i + 1
        } else {
            self.elided(i, "l").unwrap_or(i)
        };
        if j > i {
            let chained = if self.word(j, "veille") {
                Some((-1, j + 1))
            } else if self.word(j, "lendemain") {
                Some((1, j + 1))
            } else if self.word(j, "surlendemain") {
                Some((2, j + 1))
            } else if self.word(j, "avant") && self.punct(j + 1, '-') && self.word(j + 2, "veille")
            {
                Some((-2, j + 3))
            } else if self.word(j, "jour") && self.word(j + 1, "meme")
                || self.word(j, "meme") && self.word(j + 1, "jour")
            {
                // "le jour même", "le même jour": the day told before.
                Some((0, j + 2))
            } else {
                None
            };
            if let Some((n, e)) = chained {
                // "la veille du 3 mars 2013": from that date rather than the one before.
                if self.word_in(e, &["du", "de"]) {
                    if let Some((base, k)) = self.any_date(e + 1).filter(|(b, _)| b.m.is_some()) {
                        return Some((Expr::Shifted { base, n }, k));
                    }
                }
                return Some((Expr::Chained(n), e));
            }
        }
        // "la nuit dernière": the night before the day of writing.
        if self.word(i, "la")
            && self.word(i + 1, "nuit")
            && self.word_in(i + 2, &["derniere", "passee"])
        {
            return Some((Expr::RelDay(-1), i + 3));
        }
        // le 15 courant: that day of the anchor's month (letters).
        if w == "le" {
            if let Some((d, e)) = self.day(i + 1).filter(|&(_, e)| self.word(e, "courant")) {
                return Some((Expr::DayOfMonth(d), e + 1));
            }
            // "le 16 à 18h", "le 20 jusqu'à 18h": a day of the month told with its hour.
            if let Some((d, e)) = self.day(i + 1) {
                let t = if self.punct(e, ',') { e + 1 } else { e };
                if self.month(e).is_none()
                    && matches!(self.time_expr(t, false), Some((Expr::Time { .. }, _)))
                {
                    return Some((Expr::DayNear(d), e));
                }
            }
        }
        // ce vendredi, cette semaine, ce mois(-ci), cette année
        if has(t.entries, Class::Det).is_some() {
            let k = i + 1;
            let r = if let Some((wd, e)) = self.weekday(k) {
                if self.dated_weekday(e) {
                    return None; // "ce samedi 4 octobre 2025" is absolute
                }
                Some((
                    Expr::RelWeekday {
                        wd,
                        dir: self.tense(k, e),
                    },
                    e,
                ))
            } else if self.word(k, "semaine") {
                Some((Expr::RelPeriod { unit: b'W', n: 0 }, k + 1))
            } else if self.word(k, "mois") {
                Some((Expr::RelPeriod { unit: b'M', n: 0 }, k + 1))
            } else if self.word_in(k, &["annee", "an"]) {
                Some((Expr::RelPeriod { unit: b'Y', n: 0 }, k + 1))
            } else if self.word(k, "trimestre") {
                Some((Expr::RelPeriod { unit: b'T', n: 0 }, k + 1))
            } else if self.word(k, "semestre") {
                Some((Expr::RelPeriod { unit: b'S', n: 0 }, k + 1))
            } else if self.word(k, "jour")
                || self.word_in(k, &["matin", "soir", "soiree", "matinee", "nuit"])
            {
                // "ce jour", "ce matin", "ce soir", "cette nuit": today.
                Some((Expr::RelDay(0), k + 1))
            } else if self.word(k, "apres") && self.punct(k + 1, '-') && self.word(k + 2, "midi") {
                Some((Expr::RelDay(0), k + 3))
            } else {
                self.weekend(k)
                    .map(|e| (Expr::RelPeriod { unit: b'E', n: 0 }, e))
            };
            // "cette date", "à cette même date", "ce même jour": the day told before.
            let k = if self.word(k, "meme") { k + 1 } else { k };
            if r.is_none() && self.word_in(k, &["date", "jour"]) {
                return Some((Expr::Chained(0), k + 1));
            }
            return r.map(|(e, end)| {
                if !self.punct(end, '-') {
                    (e, end)
                } else if self.word(end + 1, "ci") {
                    (e, end + 2)
                } else if self.word(end + 1, "la") {
                    // "ce jour-là", "cette année-là", "ce lundi-là": of the date told before.
                    (that_one(e), end + 2)
                } else {
                    (e, end)
                }
            });
        }
        // (la|le|l') (semaine|mois|année|an) (prochain·e|dernier·ère|passé·e)
        let j = if self.word_in(i, &["la", "le"]) {
            i + 1
        } else {
            self.elided(i, "l").unwrap_or(i)
        };
        if j > i {
            // "la même année", "le même mois", "la même semaine": of the date told before.
            if self.word(j, "meme") {
                let unit = match self.tok(j + 1)?.word() {
                    "semaine" => b'W',
                    "mois" => b'M',
                    "annee" => b'Y',
                    _ => 0,
                };
                if unit != 0 {
                    let (unit, n, period) = (unit, 0, true);
                    return Some((Expr::After { unit, n, period }, j + 2));
                }
            }
            let (unit, j) = match self.tok(j)?.word() {
                "jour" => (b'D', j),
                "semaine" => (b'W', j),
                "mois" => (b'M', j),
                "annee" | "an" => (b'Y', j),
                "trimestre" => (b'T', j),
                "semestre" => (b'S', j),
                _ => match self.weekend(j) {
                    Some(e) => (b'E', e - 1),
                    None => (0, j),
                },
            };
            if unit != 0 {
                let n = if self.word_in(j + 1, &["prochain", "prochaine"]) {
                    1
                } else if self.word_in(j + 1, &["dernier", "derniere", "passe", "passee"]) {
                    -1
                } else {
                    0
                };
                if n != 0 && unit != b'D' {
                    return Some((Expr::RelPeriod { unit, n }, j + 2));
                }
                // "l'année en cours", "le mois courant", "la semaine en cours": this one.
                if !matches!(unit, b'D' | b'E') {
                    if self.word(j + 1, "en") && self.word(j + 2, "cours") {
                        return Some((Expr::RelPeriod { unit, n: 0 }, j + 3));
                    }
                    if self.word_in(j + 1, &["courant", "courante"]) {
                        return Some((Expr::RelPeriod { unit, n: 0 }, j + 2));
                    }
                }
                // "le mois suivant", "l'année précédente", "le jour d'après", "la semaine
                // qui suit": from the date mentioned before.
                let (n, end) = self.following(j + 1).unwrap_or((0, j + 1));
                if n != 0 && unit != b'E' {
                    let period = true;
                    return Some((
                        Expr::After {
                            unit,
                            n: n.into(),
                            period,
                        },
                        end,
                    ));
                }
            }
        }
        // vendredi [dernier|prochain], le vendredi
        let (j, article) = if self.word(i, "le") {
            (i + 1, true)
        } else {
            (i, false)
        };
        if let Some((wd, e)) = self.weekday(j) {
            if self.dated_weekday(e) {
                return None;
            }
            if i > 0 && self.t[i - 1].word() == "chaque"
                || self.word_in(i.wrapping_sub(1), &["les", "tous"]) && !article
            {
                return None;
            }
            // "le premier lundi du mois" is every month's.
            if j > 0
                && (matches!(self.t[j - 1].tok, Tok::Ord(_))
                    || has(self.t[j - 1].entries, Class::Ord).is_some())
            {
                return None;
            }
            if let Some((week, end)) = self.week_after(e) {
                return Some((Expr::WeekdayOfWeek { wd, week }, end));
            }
            if self.word(e, "en") {
                let count = self
                    .class(e + 1, Class::Num)
                    .or_else(|| self.num(e + 1).map(|(v, _)| v as i32));
                let weeks = match count {
                    Some(8) => Some(1),
                    Some(15) => Some(2),
                    _ => None,
                };
                // Not a count: "signé lundi en huit exemplaires", "lundi en 15 minutes".
                let counted = self.tok(e + 2).is_some_and(|t| {
                    t.tok == Tok::Word
                        && t.case == Case::Lower
                        && t.newlines_before == 0
                        && (!bears_date(t) || has(t.entries, Class::Unit).is_some())
                        && !is_prefix_word(t.key.as_str())
                });
                if let Some(weeks) = weeks.filter(|_| !counted) {
                    return Some((Expr::WeekdayLater { wd, weeks }, e + 2));
                }
            }
            if self.word_in(e, &["dernier", "passe"]) {
                return Some((Expr::RelWeekday { wd, dir: -1 }, e + 1));
            }
            if self.word(e, "prochain") {
                return Some((Expr::RelWeekday { wd, dir: 1 }, e + 1));
            }
            if let Some((dir, end)) = self.following(e) {
                return Some((Expr::ChainedWeekday { wd, dir }, end));
            }
            return Some((
                Expr::RelWeekday {
                    wd,
                    dir: self.tense(j, e),
                },
                e,
            ));
        }
        None
    }

    /// `[de] cette semaine` (0), `[de] la semaine prochaine|suivante|d'après` (1) or
    /// `dernière|passée` (-1) at `e`, after a weekday, and where the words end.
    fn week_after(&self, e: usize) -> Option<(i64, usize)> {
        let w = if self.word(e, "de") { e + 1 } else { e };
        if self.word(w, "cette") && self.word(w + 1, "semaine") {
            return Some((0, w + 2));
        }
        if !(self.word(w, "la") && self.word(w + 1, "semaine")) {
            return None;
        }
        if self.word_in(w + 2, &["prochaine", "suivante"]) {
            Some((1, w + 3))
        } else if let Some(k) = self.elided(w + 2, "d").filter(|&k| self.word(k, "apres")) {
            Some((1, k + 1))
        } else if self.word_in(w + 2, &["derniere", "passee"]) {
            Some((-1, w + 3))
        } else {
            None
        }
    }

    /// `suivant·e`, `d'après`, `qui suit` (1) or `précédent·e`, `d'avant`, `qui précède` (-1)
    /// at `k`, after a unit or a weekday, and where the words end.
    fn following(&self, k: usize) -> Option<(i8, usize)> {
        if self.word_in(k, &["suivant", "suivante"]) {
            Some((1, k + 1))
        } else if self.word_in(k, &["precedent", "precedente"]) {
            Some((-1, k + 1))
        } else if let Some(e) = self.elided(k, "d") {
            if self.word(e, "apres") {
                Some((1, e + 1))
            } else if self.word(e, "avant") {
                Some((-1, e + 1))
            } else {
                None
            }
        } else if self.word(k, "qui") && self.word(k + 1, "suit") {
            Some((1, k + 2))
        } else if self.word(k, "qui") && self.word(k + 1, "precede") {
            Some((-1, k + 2))
        } else {
            None
        }
    }

    /// A holiday: `(le|la|l') [WEEKDAY de] [(jour|fête|nuit) (de [la|l']|du)] FEAST [YEAR]`,
    /// the feast's name capitalised (`l'ascension sociale` is not a date) unless it names the
    /// holiday in lowercase too (`à noël`) or follows its lead (`la fête du travail`), after an
    /// article, a preposition or before a year, and not followed by a capitalised word (`Noël
    /// Mamère`) or another calendar's name (`le nouvel an chinois`). Some names are holidays
    /// only after their lead: `le jour de l'an`, `le nouvel an`, `la Saint-Valentin`.
    fn feast(&self, i: usize) -> M<Expr> {
        let mut j = i;
        if self.word_in(j, &["le", "la"]) {
            j += 1;
        } else if let Some(k) = self.elided(j, "l") {
            j = k;
        }
        let mut wd = None;
        let mut led = false;
        if let Some((w, k)) = self.weekday(j) {
            if !self.word(k, "de") {
                return None;
            }
            (wd, j) = (Some(w), k + 1);
        } else if self.word_in(j, &["jour", "fete", "nuit"]) && self.word_in(j + 1, &["de", "du"]) {
            led = true;
            j += if self.word(j + 1, "du") { 2 } else { 1 };
        } else if self.word(j, "nouvel") {
            led = true;
            j += 1;
        }
        if !(led && self.word(j - 1, "du")) {
            if self.word(j, "de") && led {
                j += 1;
            }
            if j > i && self.word(j, "la") {
                j += 1;
            } else if let Some(k) = self.elided(j, "l").filter(|_| j > i) {
                j = k;
            }
        }
        // "la Saint-Sylvestre".
        if self.word(j, "saint") && self.punct(j + 1, '-') {
            led = true;
            j += 2;
        }
        let t = self.tok(j)?;
        if t.case == Case::Lower && !led && has(t.entries, Class::FeastLower).is_none() {
            return None;
        }
        let feast = if let Some(v) = has(t.entries, Class::Feast) {
            Feast::Fixed {
                m: (v / 100) as u8,
                d: (v % 100) as u8,
            }
        } else if let Some(v) = has(t.entries, Class::FeastNamed).filter(|_| led) {
            Feast::Fixed {
                m: (v / 100) as u8,
                d: (v % 100) as u8,
            }
        } else {
            Feast::Easter(i64::from(has(t.entries, Class::Easter)?))
        };
        let e = j + 1;
        if self.class(e, Class::Calendar).is_some() {
            return None;
        }
        let (y, e) = self.optional_year(e);
        let before = i
            .checked_sub(1)
            .and_then(|p| self.t.get(p))
            .is_some_and(|p| {
                const BEFORE: &[&str] = &[
                    "a", "avant", "apres", "depuis", "des", "pour", "vers", "de", "du", "d",
                    "jusqu", "entre", "et",
                ];
                p.newlines_before == 0 && BEFORE.contains(&p.word()) || p.tok == Tok::Punct('\'')
            });
        if y.is_none() {
            if !(j > i || before) {
                return None;
            }
            if self
                .tok(e)
                .is_some_and(|n| n.tok == Tok::Word && n.case != Case::Lower)
            {
                return None;
            }
        }
        Some((Expr::Feast { y, feast, wd }, e))
    }

    /// `(la) semaine du DATE`, and `(la) semaine [n°] N [de] [YEAR]` (an ISO week's number).
    fn week_of(&self, i: usize) -> M<Expr> {
        let j = if self.word(i, "la") { i + 1 } else { i };
        if self.word(j, "semaine") && !self.word(j + 1, "du") {
            return self.week_number(j + 1);
        }
        if !(self.word(j, "semaine") && self.word(j + 1, "du")) {
            return None;
        }
        let (d, e) = self.any_date(j + 2).filter(|(d, _)| d.m.is_some())?;
        // "la semaine du 6 au 10 octobre" is the range, read by the rule for ranges.
        if self.is_day_list_or_range_next(e) && !self.punct(e, ',') {
            return None;
        }
        Some((Expr::WeekOf(d), e))
    }

    /// After `semaine`: `[n°|no|numéro] N [de|,] [YEAR]`, N from 1 to 53 in digits and no
    /// month after it (`semaine 12 mars` is no week number).
    fn week_number(&self, mut k: usize) -> M<Expr> {
        if self.word(k, "n") && self.punct(k + 1, '°') {
            k += 2;
        } else if self.word_in(k, &["no", "numero"]) {
            k += 1;
        }
        let (n, digits) = self.num(k)?;
        if !(1..=53).contains(&n) || digits > 2 || self.in_code(k) {
            return None;
        }
        k += 1;
        if self.month(k).is_some() || self.class(k, Class::Unit).is_some() {
            return None;
        }
        let of = if self.word(k, "de") || self.punct(k, ',') {
            k + 1
        } else {
            k
        };
        let (y, k) = match self.year(of) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        Some((Expr::WeekNumber { y, n: n as u8 }, k))
    }

    /// `(le) premier|2e|dernier WEEKDAY (de|du mois de|d') MONTH [YEAR]`, and the same with
    /// `jour` for the weekday (`le dernier jour d'octobre`, `le 3e jour de mars`: `wd` 0), or
    /// `semaine`, `quinzaine`, `week-end` (`la première quinzaine de mars`); the month may be
    /// the document's or the next or last (`le premier lundi du mois prochain`).
    fn nth_weekday(&self, i: usize) -> M<Expr> {
        let j = if self.word_in(i, &["le", "la"]) {
            i + 1
        } else {
            i
        };
        let n = match self.tok(j)?.tok {
            Tok::Ord(n) if (1..=31).contains(&n) => n as u8,
            Tok::Word => self
                .class(j, Class::Ord)
                .filter(|n| (1..=31).contains(n) || *n == 99)? as u8,
            _ => return None,
        };
        let mut part = None;
        let (wd, mut k) = if self.word(j + 1, "jour") {
            (0, j + 2)
        } else if self.word(j + 1, "semaine") && (n <= 5 || n == 99) {
            part = Some(b'W');
            (0, j + 2)
        } else if self.word(j + 1, "quinzaine") && (n <= 2 || n == 99) {
            part = Some(b'Q');
            (0, j + 2)
        } else if let Some(e) = self.weekend(j + 1).filter(|_| n <= 5 || n == 99) {
            part = Some(b'E');
            (0, e)
        } else {
            self.weekday(j + 1).filter(|_| n <= 5 || n == 99)?
        };
        // "du mois prochain", "du mois dernier", "de ce mois", "du mois": the anchor's month or
        // the one after or before it.
        let rel = if self.word(k, "du") && self.word(k + 1, "mois") {
            if self.word_in(k + 2, &["prochain", "suivant"]) {
                Some((1, k + 3))
            } else if self.word_in(k + 2, &["dernier", "passe", "precedent"]) {
                Some((-1, k + 3))
            } else if self.word(k + 2, "en") && self.word(k + 3, "cours") {
                Some((0, k + 4))
            } else if !self.word(k + 2, "de") && wd == 0 && part.is_none() {
                // "le dernier jour du mois"; "le premier lundi du mois" is every month's.
                Some((0, k + 2))
            } else {
                None
            }
        } else if self.word(k, "de") && self.word(k + 1, "ce") && self.word(k + 2, "mois") {
            Some((0, k + 3))
        } else {
            None
        };
        if let Some((months, e)) = rel {
            let unit = part.unwrap_or(0);
            return Some((
                Expr::NthOfMonth {
                    months,
                    unit,
                    wd,
                    n,
                },
                e,
            ));
        }
        if self.word(k, "du") && self.word(k + 1, "mois") && self.word(k + 2, "de") {
            k += 3;
        } else if self.word(k, "de") {
            k += 1;
        } else if let Some(e) = self.elided(k, "d") {
            k = e;
        } else {
            return None;
        }
        let (m, e, _) = self.month(k)?;
        let (y, e) = self.optional_year(e);
        if let Some(unit) = part {
            return Some((Expr::NthPart { y, m, unit, n }, e));
        }
        Some((Expr::NthWeekday { y, m, wd, n }, e))
    }

    /// `le 15 du mois prochain`, `le 3 du mois dernier`, `le 20 du mois en cours`, `le 10 de ce
    /// mois`, `le 2 du mois`: that day of the anchor's month or of the one after or before it; `le 15 du mois de
    /// mars 2024`, `le 2 du mois d'avril`: that day of the month named.
    fn day_of_month_around(&self, i: usize) -> M<Expr> {
        let j = if self.word(i, "le") { i + 1 } else { i };
        let (d, k) = self.day(j)?;
        let (months, e) = if self.word(k, "du") && self.word(k + 1, "mois") {
            // "le 15 du mois de mars 2024": a day of a named month.
            if let Some(l) = self
                .elided(k + 2, "d")
                .or_else(|| self.word(k + 2, "de").then_some(k + 3))
            {
                let (m, e, _) = self.month(l)?;
                let (y, e) = self.optional_year(e);
                return Some((
                    Expr::Days {
                        y,
                        m,
                        days: vec![d],
                    },
                    e,
                ));
            }
            if self.word_in(k + 2, &["prochain", "suivant"]) {
                (1, k + 3)
            } else if self.word_in(k + 2, &["dernier", "passe", "precedent"]) {
                (-1, k + 3)
            } else if self.word(k + 2, "en") && self.word(k + 3, "cours") {
                (0, k + 4)
            } else if self.word(k + 2, "courant") {
                (0, k + 3)
            } else if j > i {
                // "le 2 du mois": the anchor's month (with its article: "tous les 2 du mois"
                // is every month's).
                (0, k + 2)
            } else {
                return None;
            }
        } else if self.word(k, "de") && self.word(k + 1, "ce") && self.word(k + 2, "mois") {
            (0, k + 3)
        } else {
            return None;
        };
        Some((
            Expr::NthOfMonth {
                months,
                unit: 0,
                wd: 0,
                n: d,
            },
            e,
        ))
    }

    /// `[le] mercredi 13`, a weekday and a day without a month (agendas, programmes), as an
    /// entry of its own: at the end of its line, or before punctuation, a time (`à 9h`) or a
    /// second such day (`lundi 13 et mardi 14`).
    fn weekday_day(&self, i: usize) -> M<Expr> {
        let j = if self.word_in(i, &["le", "ce"]) {
            i + 1
        } else {
            i
        };
        let (wd, mut k) = self.weekday(j)?;
        if self.punct(k, ',') {
            k += 1;
        }
        let (d, e) = self.day(k)?;
        let alone = match self.t.get(e) {
            None => true,
            Some(t) if t.newlines_before > 0 => true,
            Some(t) => match t.tok {
                Tok::Punct(c) => matches!(c, ':' | ',' | ';' | ')' | '-' | '.'),
                Tok::Word => self.word_in(e, &["a", "et", "au"]) && self.month(e + 1).is_none(),
                _ => false,
            },
        };
        (alone && self.month(e).is_none()).then_some((Expr::WeekdayDay { wd, d }, e))
    }

    /// `du lundi au vendredi`, `de mardi à jeudi`, `entre lundi et mercredi`, `jusqu'au`: two
    /// weekdays that bound a span of days, the second alone or with its date (`du lundi au
    /// mercredi 5 mars 2025`); a span said of every week (`ouvert du lundi au vendredi`,
    /// `chaque semaine du mardi au jeudi`) is a frequency.
    fn weekday_range(&self, i: usize) -> M<Expr> {
        // "samedi et dimanche", "lundi et mardi prochains": two days that follow each other,
        // one span; two days apart ("mardi et jeudi") are two dates.
        let consecutive = self.weekday(i).is_some_and(|(a, k)| {
            !self.dated_weekday(k)
                && self.word(k, "et")
                && self
                    .weekday(k + 1)
                    .is_some_and(|(b, e)| b == a % 7 + 1 && !self.dated_weekday(e))
        });
        let (j, between) = if self.word(i, "du") {
            (i + 1, false)
        } else if self.word(i, "entre") || consecutive {
            (if consecutive { i } else { i + 1 }, true)
        } else if i > 0 && self.t[i - 1].is("de") {
            (i, false) // "de" went as a preposition
        } else {
            return None;
        };
        let (a, k) = self.weekday(j)?;
        let joined = |k: usize| {
            if between {
                self.word(k, "et").then_some(k + 1)
            } else if self.word_in(k, &["au", "a"]) {
                Some(k + 1)
            } else {
                let e = self.elided(k, "jusqu")?;
                self.word_in(e, &["au", "a"]).then_some(e + 1)
            }
        };
        if self.dated_weekday(k) {
            // "du mardi 3 au jeudi 5": days of a month left unsaid; with the month, a written
            // date's range.
            let (first, k) = self.dm(j).filter(|(d, _)| d.m.is_none())?;
            let l = joined(k)?;
            self.weekday(l)?;
            let (last, e) = self.dm(l).filter(|(d, _)| d.m.is_none())?;
            return (first.d < last.d).then_some((
                Expr::WeekdayDays {
                    wd: a,
                    d: first.d,
                    a: first.d,
                    b: last.d,
                },
                e,
            ));
        }
        let l = joined(k)?;
        let (b, e) = self.weekday(l)?;
        let span = i64::from(b) - i64::from(a);
        let span = if span <= 0 { span + 7 } else { span } as u8;
        if self.dated_weekday(e) {
            let (date, end) = self.dm(l)?;
            let d = date.d.checked_sub(span).filter(|&d| d >= 1)?;
            let expr = match date.m {
                Some(_) => Expr::DayRange {
                    a: Dmy { d, ..date },
                    b: date,
                },
                None => Expr::WeekdayDays {
                    wd: b,
                    d: date.d,
                    a: d,
                    b: date.d,
                },
            };
            return Some((expr, end));
        }
        if self.habitual(i, e) {
            return Some((Expr::Frequency, e));
        }
        // "de la semaine prochaine", "de cette semaine", "prochains", "derniers".
        if let Some((week, end)) = self.week_after(e) {
            let dir = 0;
            let week = Some(week);
            return Some((Expr::WeekdayRange { a, b, dir, week }, end));
        }
        let (dir, end) = if self.word_in(e, &["prochain", "prochains"]) {
            (1, e + 1)
        } else if self.word_in(e, &["dernier", "derniers", "passe", "passes"]) {
            (-1, e + 1)
        } else {
            (self.tense(j, e), e)
        };
        let week = None;
        Some((Expr::WeekdayRange { a, b, dir, week }, end))
    }

    /// Whether the sentence around tokens `from..to` says something of every week: opening
    /// hours (`ouvert`, `permanence`, `horaires`), `chaque`, `tous les`, `habituellement`.
    fn habitual(&self, from: usize, to: usize) -> bool {
        const HABITUAL: &[&str] = &[
            "ouvert",
            "ouverte",
            "ouverts",
            "ouvertes",
            "ouverture",
            "ferme",
            "fermes",
            "fermee",
            "fermees",
            "fermeture",
            "accessible",
            "accessibles",
            "joignable",
            "joignables",
            "permanence",
            "permanences",
            "horaire",
            "horaires",
            "chaque",
            "tous",
            "toutes",
            "habituellement",
            "generalement",
            "hebdomadaire",
            "hebdomadaires",
        ];
        self.sentence_around(from, to, (12, 3), true)
            .iter()
            .any(|t| t.tok == Tok::Word && HABITUAL.contains(&t.word()))
    }

    /// The tokens of the sentence around tokens `from..to`, at most `reach.0` tokens before
    /// and `reach.1` after them; a blank line ends a sentence too when `paragraphs` says so.
    fn sentence_around(
        &self,
        from: usize,
        to: usize,
        reach: (usize, usize),
        paragraphs: bool,
    ) -> &'a [Token] {
        let stop = |t: &Token| matches!(t.tok, Tok::Punct('.' | ';' | '!' | '?'));
        let lo = from.saturating_sub(reach.0);
        let hi = (to + reach.1).min(self.t.len());
        // After the last stop before the expression; a paragraph's first token is its own.
        let start = (lo..from.min(hi))
            .rev()
            .find_map(|k| {
                let t = &self.t[k];
                if stop(t) {
                    Some(k + 1)
                } else {
                    (paragraphs && t.newlines_before > 1).then_some(k)
                }
            })
            .unwrap_or(lo);
        let end = (to.min(hi)..hi)
            .find(|&k| stop(&self.t[k]) || paragraphs && self.t[k].newlines_before > 1)
            .unwrap_or(hi);
        &self.t[start..end.max(start)]
    }

    /// Whether the day after a weekday (at `e`) gives it a date (`mardi 4`, `mardi premier
    /// mars`): a spelled number counts only before a month (`a reçu mardi une délégation`).
    fn dated_weekday(&self, e: usize) -> bool {
        match self.day(e) {
            Some((_, k)) if self.tok(e).is_some_and(|t| t.tok == Tok::Word) => {
                self.month(k).is_some()
            }
            Some(_) => true,
            None => false,
        }
    }

    /// The tense around a weekday named alone (`se sont réunis vendredi`, `se tiendra jeudi`):
    /// -2 for the past (that day this week or the last), 2 for the future, 0 when the sentence
    /// does not say (the nearest such day).
    fn tense(&self, from: usize, to: usize) -> i8 {
        const PAST: &[&str] = &[
            "ont", "avait", "avaient", "etait", "etaient", "fut", "furent", "sont", "est",
        ];
        const FUTURE: &[&str] = &[
            "sera",
            "seront",
            "aura",
            "auront",
            "tiendra",
            "tiendront",
            "reunira",
            "reuniront",
            "deroulera",
            "derouleront",
            "prevu",
            "prevue",
            "prevus",
            "prevues",
            "rendra",
            "rendront",
            "ira",
            "iront",
            "accueillera",
            "organisera",
        ];
        let mut past = false;
        let mut future = false;
        for t in self.sentence_around(from, to, (10, 6), false) {
            let w = t.word();
            if FUTURE.contains(&w) || future_verb(w) {
                future = true;
            } else if PAST.contains(&w) || (w == "a" && t.plain) {
                past = true;
            }
        }
        match (past, future) {
            (true, false) => -2,
            (false, true) => 2,
            _ => 0,
        }
    }

    /// `80`, `quatre-vingt` after `les années`: a decade of the 1900s, not a quantity
    /// (`des années 20 personnes` is not one).
    fn decade_of_1900s(&self, i: usize) -> M<i32> {
        let (v, k) = match self.num(i) {
            Some((v, 2)) => (v, i + 1),
            Some(_) => return None,
            None => self.spelled(i)?,
        };
        let quantity = self
            .tok(k)
            .is_some_and(|t| QUANTITY_NOUNS.contains(&t.word()) || t.tok == Tok::Punct('%'));
        ((10..=90).contains(&v) && v % 10 == 0 && !quantity).then_some((1900 + v as i32, k))
    }

    /// `(le|au|du) XIXe siècle`, `19e siècle`: a century, its ordinal in Roman capitals or
    /// in digits.
    fn century(&self, i: usize) -> M<Expr> {
        let j = if self.word_in(i, &["le", "au", "du"]) {
            i + 1
        } else {
            i
        };
        let t = self.tok(j)?;
        let n = match t.tok {
            Tok::Ord(n) => n,
            Tok::Word if t.case != Case::Lower => roman_ordinal(t.key.as_str())?,
            _ => return None,
        };
        self.class(j + 1, Class::Century)?;
        (1..=21)
            .contains(&n)
            .then_some((Expr::Century(n as i32), j + 2))
    }

    /// `week-end`, `weekend`: where it ends.
    fn weekend(&self, i: usize) -> Option<usize> {
        if self.word(i, "weekend") {
            return Some(i + 1);
        }
        (self.word(i, "week") && self.punct(i + 1, '-') && self.word(i + 2, "end")).then_some(i + 3)
    }

    /// `deux jours plus tard`, `trois mois auparavant`, `une semaine après,`: counted from the
    /// date mentioned before; `deux jours après le 3 mars`: from that date. `cinq ans après la
    /// signature` counts from an event, and stays a duration.
    fn later(&self, i: usize) -> M<Expr> {
        let (n, k) = self.number(i)?;
        let unit = self.class(k, Class::Unit)? as u8;
        if !matches!(unit, b'D' | b'W' | b'M' | b'Y') || n == 0 || n > 1000 {
            return None;
        }
        let n = i64::from(n);
        let e = k + 1;
        let (sign, end) = if self.word(e, "plus") && self.word_in(e + 1, &["tard", "tot"]) {
            (if self.word(e + 1, "tard") { 1 } else { -1 }, e + 2)
        } else if self.word(e, "auparavant") {
            (-1, e + 1)
        } else if self.word_in(e, &["apres", "avant"]) {
            let sign = if self.word(e, "apres") { 1 } else { -1 };
            if matches!(unit, b'D' | b'W') {
                let b = if self.word_in(e + 1, &["le", "du"]) {
                    e + 2
                } else {
                    e + 1
                };
                if let Some((base, j)) = self.any_date(b) {
                    let days = if unit == b'W' { 7 * n } else { n };
                    return Some((
                        Expr::Shifted {
                            base,
                            n: sign * days,
                        },
                        j,
                    ));
                }
            }
            let alone = self
                .tok(e + 1)
                .is_none_or(|t| matches!(t.tok, Tok::Punct(_)));
            if !alone {
                return None;
            }
            (sign, e + 1)
        } else {
            return None;
        };
        let period = false;
        Some((
            Expr::After {
                unit,
                n: sign * n,
                period,
            },
            end,
        ))
    }

    /// `dans trois jours`, `il y a deux ans`, `d'ici deux mois`; `il y a un an jour pour jour`
    /// is a day (unit `y`, or `m` for months).
    fn offset(&self, i: usize) -> M<Expr> {
        let (sign, j) = if self.word(i, "dans") {
            (1, i + 1)
        } else if self.word(i, "il") && self.word(i + 1, "y") && self.word(i + 2, "a") {
            (-1, i + 3)
        } else {
            return None;
        };
        let (expr, e) = self.offset_by(sign, j)?;
        // "il y a un an jour pour jour": that day a year before, not that year.
        if let Expr::Offset {
            unit: unit @ (b'M' | b'Y'),
            n,
        } = expr
        {
            let f = if self.punct(e, ',') { e + 1 } else { e };
            if self.word(f, "jour") && self.word(f + 1, "pour") && self.word(f + 2, "jour") {
                let unit = unit.to_ascii_lowercase();
                return Some((Expr::Offset { unit, n }, f + 3));
            }
        }
        Some((expr, e))
    }

    /// `deux ans`, `48 heures` at `j`: that many days, weeks, months or years after (`sign`
    /// 1) or before (-1) the anchor.
    fn offset_by(&self, sign: i64, j: usize) -> M<Expr> {
        let (n, k) = self.number(j)?;
        let unit = self.class(k, Class::Unit)? as u8;
        // "il y a 48 heures", "dans 72 heures": whole days.
        let (unit, n) = if unit == b'H' && n > 0 && n % 24 == 0 {
            (b'D', n / 24)
        } else {
            (unit, n)
        };
        if !matches!(unit, b'D' | b'W' | b'M' | b'Y') || n > 1000 {
            return None;
        }
        Some((
            Expr::Offset {
                unit,
                n: sign * i64::from(n),
            },
            k + 1,
        ))
    }

    // ---- times ----------------------------------------------------------------------------------

    /// A time of day. `heures` forms need context (a preposition or a range) to be times.
    fn clock(&self, i: usize, ctx: bool) -> Option<(Time, usize, bool)> {
        let t = self.tok(i)?;
        match t.tok {
            Tok::Clock { hour, minute } => {
                // "24h/24" is not a time.
                if self.punct(i + 1, '/') && self.adjacent(i + 1) {
                    return None;
                }
                let (hour, e) = self.day_part(i + 1, hour).unwrap_or((hour, i + 1));
                Some((Time::new(hour, minute.unwrap_or(0))?, e, true))
            }
            // "à midi", "vers minuit", "à midi et demi" (after a preposition: "le Midi" is a
            // region); "midi et quart", "midi moins cinq", "minuit trois" without one, when the
            // minutes make it a clock time (not the "-midi" of "après-midi").
            Tok::Word if t.is("midi") || t.is("minuit") => {
                let hour = if t.is("midi") { 12 } else { 0 };
                let (hour, minute, e, said) = self.minutes(i + 1, hour, true);
                // Alone, "midi" is a time unless it names the South ("le Midi", "du midi de
                // la France") or a meal ("ce midi", "les midis").
                let free = t.case == Case::Lower
                    && !(i > 0 && self.punct(i - 1, '-'))
                    && !self.punct(e, '-')
                    && (said
                        || !(i > 0
                            && self.word_in(i - 1, &["le", "du", "au", "ce", "les", "des"])));
                (ctx || free).then_some((Time::new(hour, minute)?, e, true))
            }
            // "à quinze heures", "levée à dix-huit heures trente", "onze heures et quart".
            Tok::Word if ctx || has(t.entries, Class::Num).is_some() => self.heures(i, ctx),
            Tok::Num { value, digits } if digits <= 2 => {
                // 15 h 30, 15 h
                if self.word(i + 1, "h")
                    && self
                        .tok(i + 1)
                        .is_some_and(|t| t.case != Case::Upper || !t.space_before)
                {
                    if let Some((mm, 2)) = self.num(i + 2) {
                        return Some((Time::new(value, mm)?, i + 3, true));
                    }
                    return Some((Time::new(value, 0)?, i + 2, true));
                }
                // 15:30
                if self.punct(i + 1, ':') && self.adjacent(i + 1) && self.adjacent(i + 2) {
                    if let Some((mm, 2)) = self.num(i + 2) {
                        return Some((Time::new(value, mm)?, i + 3, true));
                    }
                }
                // 15 heures [30]
                self.heures(i, ctx)
            }
            _ => None,
        }
    }

    /// `du matin`, `du soir`, `de l'après-midi`, `ce soir`, `cet après-midi`, `dans la soirée`
    /// at `e` after an hour: the hour on 24 hours and where the words end.
    fn day_part(&self, e: usize, hour: u32) -> Option<(u32, usize)> {
        let pm = |h: u32| if h < 12 { h + 12 } else { h };
        let afternoon = |k: usize| {
            (self.word(k, "apres") && self.punct(k + 1, '-') && self.word(k + 2, "midi"))
                .then_some(k + 3)
        };
        if self.word_in(e, &["du", "ce"]) && self.word_in(e + 1, &["matin", "mat"]) {
            Some((hour, e + 2))
        } else if self.word_in(e, &["du", "ce"]) && self.word(e + 1, "soir") {
            Some((pm(hour), e + 2))
        } else if self.word(e, "de") && self.elided(e + 1, "l") == Some(e + 3) {
            afternoon(e + 3).map(|k| (pm(hour), k))
        } else if self.word(e, "dans") && self.elided(e + 1, "l") == Some(e + 3) {
            afternoon(e + 3).map(|k| (pm(hour), k))
        } else if self.word(e, "dans") && self.word(e + 1, "la") && self.word(e + 2, "soiree") {
            Some((pm(hour), e + 3))
        } else if self.word(e, "cet") {
            afternoon(e + 1).map(|k| (pm(hour), k))
        } else {
            None
        }
    }

    /// `15 heures [30]`, and after a preposition the hour in words: `quinze heures`,
    /// `dix-huit heures trente`, `onze heures et demie`, `onze heures moins le quart`; then `du matin`, `du soir`, `de l'après-midi`. `sure` is `ctx` for digits.
    fn heures(&self, i: usize, ctx: bool) -> Option<(Time, usize, bool)> {
        let (mut hour, k, spelled) = match self.num(i) {
            Some((v, digits)) if digits <= 2 => (v, i + 1, false),
            Some(_) => return None,
            None => {
                let (v, k) = self.spelled(i)?;
                (v, k, true)
            }
        };
        if !self.word_in(k, &["heures", "heure"]) {
            return None;
        }
        let (h, minute, mut e, said_minutes) = self.minutes(k + 1, hour, spelled);
        if h != hour && hour == 0 {
            return None;
        }
        hour = h;
        let part = self.day_part(e, hour);
        // "3 heures du matin" is a time; "travaillé 3 heures ce matin" a length.
        let told = part.is_some() && self.word_in(e, &["du", "de"]);
        if let Some((h, k)) = part {
            (hour, e) = (h, k);
        }
        let part = part.is_some();
        // "à deux heures de route", "de Paris": a distance or a length, not a time of day.
        if !part && self.word(e, "de") {
            return None;
        }
        // Hours in words are a time of day when they are a working hour or said precisely:
        // "limitée à deux heures" is a length.
        if spelled && hour < 7 && !said_minutes && !part {
            return None;
        }
        // Without a preposition, hours in words are a time only when the minutes are told the
        // way only a clock is read ("onze heures et quart"); "onze heures" alone is a length.
        if spelled && !ctx && (!self.clock_minutes(k + 1) || hour < 7 && !part) {
            return None;
        }
        Some((Time::new(hour, minute)?, e, ctx || spelled || told))
    }

    /// The minutes told after an hour at `e`: `30`, `et quart`, `et demie`, `trois quarts`,
    /// `moins le quart`, `moins dix` (the hour before), `et quinze minutes`, and the minutes in
    /// words when `words` (`dix-huit heures trente`, `midi quinze`). The hour, the minute, where
    /// the words end, and whether minutes were told.
    fn minutes(&self, e: usize, hour: u32, words: bool) -> (u32, u32, usize, bool) {
        let before = (hour + 23) % 24;
        let minute_word = |k: usize| -> Option<(u32, usize)> {
            match self.num(k) {
                Some((mm, d)) if d <= 2 && mm < 60 => Some((mm, k + 1)),
                Some(_) => None,
                None => self.spelled(k).filter(|(mm, _)| (1..60).contains(mm)),
            }
        };
        let (hour, minute, mut end) = if self.word(e, "et") && self.word(e + 1, "quart") {
            (hour, 15, e + 2)
        } else if self.word(e, "et") && self.word_in(e + 1, &["demie", "demi"]) {
            (hour, 30, e + 2)
        } else if self.word(e, "trois") && self.word(e + 1, "quarts") {
            (hour, 45, e + 2)
        } else if self.word(e, "moins") && self.word(e + 1, "le") && self.word(e + 2, "quart") {
            (before, 45, e + 3)
        } else if let Some((mm, k)) = self
            .word(e, "moins")
            .then(|| minute_word(e + 1))
            .flatten()
            .filter(|(mm, _)| (1..=30).contains(mm))
        {
            (before, 60 - mm, k)
        } else if let Some((mm, k)) = self
            .word(e, "et")
            .then(|| minute_word(e + 1))
            .flatten()
            .filter(|&(_, k)| self.word_in(k, &["minutes", "minute"]))
        {
            (hour, mm, k)
        } else if let Some((mm, k)) = self
            .num(e)
            .filter(|&(mm, d)| d <= 2 && mm < 60)
            .map(|(mm, _)| (mm, e + 1))
        {
            (hour, mm, k)
        } else if let Some((mm, k)) = words.then(|| minute_word(e)).flatten() {
            (hour, mm, k)
        } else {
            return (hour, 0, e, false);
        };
        if self.word_in(end, &["minutes", "minute"]) {
            end += 1;
        }
        (hour, minute, end, true)
    }

    /// Whether the minutes at `e` are told as only a clock is read: `et quart`, `et demie`,
    /// `trois quarts`, `moins le quart`, `moins dix`.
    fn clock_minutes(&self, e: usize) -> bool {
        self.word(e, "et") && self.word_in(e + 1, &["quart", "demie", "demi"])
            || self.word(e, "trois") && self.word(e + 1, "quarts")
            || self.word(e, "moins")
                && (self.word(e + 1, "le") && self.word(e + 2, "quart")
                    || self.number(e + 1).is_some())
    }

    fn time_expr(&self, i: usize, ctx: bool) -> M<Expr> {
        // "il y a 3 heures" is three hours ago, not "à 3 heures".
        if self.word(i, "a") && i >= 2 && self.word(i - 1, "y") && self.word(i - 2, "il") {
            return None;
        }
        let mut j = i;
        let mut ctx = ctx;
        if self.word(j, "a") && self.word(j + 1, "partir") && self.word(j + 2, "de") {
            j += 3;
            ctx = true;
        } else if self.word_in(j, &["a", "de", "des", "vers", "entre", "jusqu"]) {
            if self.word(j, "jusqu") {
                j += 2;
            }
            j += 1;
            ctx = true;
        }
        // "à environ 15 heures".
        if ctx && self.word(j, "environ") {
            j += 1;
        }
        // "de 14 à 16 heures", "de 10 à 12h", "entre 9 et 11 heures": a bare hour that opens
        // a range of clock times (from 7: "de 2 à 3 heures" is a length).
        if j > i && self.word_in(j - 1, &["de", "entre"]) {
            if let Some((h @ 7..=23, 1 | 2)) = self.num(j) {
                let sep = self.punct(j + 1, '-') || self.word_in(j + 1, &["a", "et"]);
                let hour = h as u8;
                if let Some((b, e, _)) = self
                    .clock(j + 2, true)
                    .filter(|(b, ..)| sep && b.hour > hour)
                {
                    let a = Time { hour, minute: 0 };
                    return Some((Expr::Time { a, b: Some(b) }, e));
                }
            }
        }
        let (a, k, sure) = self.clock(j, ctx)?;
        let sep = self.punct(k, '-') || self.punct(k, '/') || self.word_in(k, &["a", "et", "au"]);
        if sep {
            if let Some((mut b, e, _)) = self.clock(k + 1, true) {
                // "de 11h30 à 1h30", "de dix heures à deux heures": a morning start and an
                // end in the small hours read the end on the afternoon's clock ("de 16h à
                // 8h26", "de 22h à 2h" stay as written).
                if (7..=13).contains(&a.hour)
                    && b.hour < 7
                    && b.hour + 12 > a.hour
                    && !self.zero_padded(k + 1)
                {
                    b.hour += 12;
                }
                return Some((Expr::Time { a, b: Some(b) }, e));
            }
        }
        // "une pause de deux heures et demie" is a length: after "de", an hour in words is a
        // time only as the start of a range or with its part of the day.
        if j > 0
            && self.word(j - 1, "de")
            && !(j > 1 && self.word(j - 2, "partir"))
            && self
                .tok(j)
                .is_some_and(|t| t.tok == Tok::Word && !t.is("midi") && !t.is("minuit"))
            && !self.words_between(j, k, &["matin", "soir", "midi", "soiree"])
        {
            return None;
        }
        sure.then_some((Expr::Time { a, b: None }, k))
    }

    /// Whether the hour at `i` is written with a leading zero (`02:45`, `08h26`, `02 h 45`),
    /// as only a 24-hour clock writes it.
    fn zero_padded(&self, i: usize) -> bool {
        match self.tok(i).map(|t| (t.tok, t.end - t.start)) {
            Some((Tok::Num { value, digits }, _)) => digits == 2 && value < 10,
            // "08h26", "08h": an hour of two digits, "h", and two digits of minutes or none.
            Some((Tok::Clock { hour, .. }, width)) => hour < 10 && width % 2 == 1,
            _ => false,
        }
    }

    /// Whether one of `ws` is a word among the tokens `from..to`.
    fn words_between(&self, from: usize, to: usize, ws: &[&str]) -> bool {
        (from..to).any(|k| self.word_in(k, ws))
    }

    // ---- durations and frequencies ------------------------------------------------------------

    /// The acts' year-first date: `L'an deux mille vingt-trois, le quinze mars`, `l'an 2021 et
    /// le 4 du mois de juin`, `L'an deux mille vingt-deux, le mardi 3 mai`.
    fn year_first(&self, i: usize) -> M<Expr> {
        // At "l'", or at the year after a prefix that took "l'an".
        let j = match self.elided(i, "l") {
            Some(j) => j,
            None if i > 0 && self.t[i - 1].is("an") => i - 1,
            None => return None,
        };
        if !self.word(j, "an") {
            return None;
        }
        let (y, mut k) = self.year(j + 1)?;
        if self.punct(k, ',') {
            k += 1;
        }
        if self.word(k, "et") {
            k += 1;
        }
        if self.word(k, "le") {
            k += 1;
        }
        if let Some((_, e)) = self.weekday(k) {
            k = e;
        }
        let (d, mut k) = self.day(k)?;
        if self.word(k, "du") && self.word(k + 1, "mois") && self.word(k + 2, "de") {
            k += 3;
        } else if let Some(e) = self
            .elided(k + 2, "d")
            .filter(|_| self.word(k, "du") && self.word(k + 1, "mois"))
        {
            k = e;
        }
        let (m, e, _) = self.month(k)?;
        crate::civil::Date::new(y, m, d)?;
        Some((
            Expr::Days {
                y: Some(y),
                m,
                days: vec![d],
            },
            e,
        ))
    }

    /// `[les|des|ces] N (prochain·e·s|dernier·ère·s) UNITS` and `N UNITS (passé·e·s|écoulé·e·s)`:
    /// days, weeks, months or years next to the anchor's, 2 to 100 of them.
    fn periods(&self, i: usize) -> M<Expr> {
        if let Some(found) = self.decade_around(i) {
            return Some(found);
        }
        let j = if self.word_in(i, &["les", "des", "ces"]) {
            i + 1
        } else {
            i
        };
        let (n, mut k) = self.number(j)?;
        if !(2..=100).contains(&n) {
            return None;
        }
        let mut dir = 0;
        let mut first = false;
        if self.word_in(k, &["prochains", "prochaines"]) {
            (dir, k) = (1, k + 1);
        } else if self.word_in(k, &["derniers", "dernieres"]) {
            (dir, k) = (-1, k + 1);
        } else if self.word_in(k, &["premiers", "premieres"]) {
            (first, k) = (true, k + 1);
        }
        let unit = self.class(k, Class::Unit)? as u8;
        if !matches!(unit, b'D' | b'W' | b'M' | b'Y' | b'H') || unit == b'H' && first {
            return None;
        }
        k += 1;
        // "les quatre premiers mois de 2023", "les trois derniers mois de l'année".
        if unit == b'M' && (first || dir == -1) && n < 12 {
            if let Some((y, off, e)) = self.of_year(k) {
                let n = n as u8;
                let (a, b) = if first { (1, n) } else { (13 - n, 12) };
                return Some((Expr::MonthsOf { y, off, a, b }, e));
            }
        }
        if first {
            return None;
        }
        if dir == 0 {
            if !self.word_in(k, &["passes", "passees", "ecoules", "ecoulees"]) {
                return None;
            }
            (dir, k) = (-1, k + 1);
        }
        Some((
            Expr::Periods {
                unit,
                n: dir * i64::from(n),
            },
            k,
        ))
    }

    /// `la dernière décennie`, `la décennie écoulée` (the ten years before the anchor's),
    /// `la prochaine décennie`, `la décennie à venir` (the ten after it).
    fn decade_around(&self, i: usize) -> M<Expr> {
        if !self.word_in(i, &["la", "cette"]) {
            return None;
        }
        let (dir, k) = if self.word(i + 1, "decennie") {
            if self.word_in(i + 2, &["ecoulee", "passee", "precedente"]) {
                (-1, i + 3)
            } else if self.word(i + 2, "a") && self.word(i + 3, "venir") {
                (1, i + 4)
            } else {
                return None;
            }
        } else if self.word(i + 2, "decennie") {
            match self.tok(i + 1)?.word() {
                "derniere" | "precedente" => (-1, i + 3),
                "prochaine" => (1, i + 3),
                _ => return None,
            }
        } else {
            return None;
        };
        Some((
            Expr::Periods {
                unit: b'Y',
                n: dir * 10,
            },
            k,
        ))
    }

    /// `de 2023`, `de l'année`, `de l'année 2023`, `de l'année prochaine`, `de l'année en
    /// cours`: the year written, or the anchor's shifted; and the end.
    fn of_year(&self, k: usize) -> Option<(Option<i32>, i64, usize)> {
        if !self.word(k, "de") {
            return None;
        }
        if let Some((y, e)) = self.year(k + 1) {
            return Some((Some(y), 0, e));
        }
        if let Some((shift, e)) = self.year_said(k) {
            return Some((None, i64::from(shift), e));
        }
        let j = self.elided(k + 1, "l")?;
        if !self.word(j, "annee") {
            return None;
        }
        if let Some((y, e)) = self.year(j + 1) {
            return Some((Some(y), 0, e));
        }
        Some(if self.word(j + 1, "suivante") {
            (None, 1, j + 2)
        } else if self.word(j + 1, "precedente") {
            (None, -1, j + 2)
        } else {
            (None, 0, j + 1)
        })
    }

    /// `de l'année prochaine` (+1), `de l'an dernier`, `de l'année écoulée` (-1), `de l'année
    /// en cours`, `de cette année`, `de l'année` at the end of a phrase (0): the year of the
    /// date just read, counted from the anchor; and the end. Not `de l'année suivante`, which
    /// counts from the date told before.
    fn year_said(&self, k: usize) -> Option<(i8, usize)> {
        if !self.word(k, "de") {
            return None;
        }
        if self.word(k + 1, "cette") && self.word(k + 2, "annee") {
            return Some((0, k + 3));
        }
        let j = self.elided(k + 1, "l")?;
        let next = if self.word(j, "annee") {
            ["prochaine", "derniere", "passee", "ecoulee"]
        } else if self.word(j, "an") {
            ["prochain", "dernier", "passe", "ecoule"]
        } else {
            return None;
        };
        if self.word(j + 1, next[0]) {
            Some((1, j + 2))
        } else if self.word_in(j + 1, &next[1..]) {
            Some((-1, j + 2))
        } else if self.word(j + 1, "en") && self.word(j + 2, "cours") {
            Some((0, j + 3))
        } else if self.word(j, "annee")
            && self.year(j + 1).is_none()
            && self.tok(j + 1).is_none_or(|t| t.tok != Tok::Word)
        {
            Some((0, j + 1))
        } else {
            None
        }
    }

    fn duration(&self, i: usize) -> M<Expr> {
        let mut j = i;
        let mut range_word = false;
        if self.word_in(j, &["de", "entre"]) {
            range_word = true;
            j += 1;
        } else if self.word_in(j, &["pendant", "durant", "sur", "pour"]) {
            j += 1;
        } else if let Some(e) = self.elided(j, "jusqu") {
            if self.word(e, "a") {
                j = e + 1;
            }
        }
        // "une quinzaine de jours", "une dizaine d'années": about that many.
        if let Some((n, k)) = self.collective(j) {
            let u = self.class(k, Class::Unit)? as u8;
            return Some((Expr::Duration(iso(n, u)), k + 1));
        }
        // "une demi-heure", "une demi-journée".
        if self.word_in(j, &["une", "un"]) && self.word(j + 1, "demi") && self.punct(j + 2, '-') {
            if self.word(j + 3, "heure") {
                return Some((Expr::Duration("PT30M".to_owned()), j + 4));
            }
            if self.word(j + 3, "journee") {
                return Some((Expr::Duration("PT12H".to_owned()), j + 4));
            }
        }
        let (n, k) = self.number(j)?;
        // NUM à NUM UNIT
        if range_word && self.word_in(k, &["a", "et"]) {
            if let Some((m, e)) = self.number(k + 1) {
                if let Some(u) = self.class(e, Class::Unit) {
                    return Some((
                        Expr::Duration(format!("{}/{}", iso(n, u as u8), iso(m, u as u8))),
                        e + 1,
                    ));
                }
            }
        }
        let u = self.class(k, Class::Unit)? as u8;
        // "deux heures et demie", "un an et demi", "une heure et quart".
        if self.word(k + 1, "et") {
            let half = self.word_in(k + 2, &["demi", "demie"]);
            let quarter = u == b'H' && self.word(k + 2, "quart");
            if half || quarter {
                return Some((Expr::Duration(iso_and(n, u, quarter)), k + 3));
            }
        }
        Some((Expr::Duration(iso(n, u)), k + 1))
    }

    /// A collective numeral and the `de` after it: `une dizaine de`, `quinzaine d'`, `une
    /// centaine de`: (its number, the token after `de`).
    fn collective(&self, i: usize) -> M<u32> {
        const COLLECTIVE: &[(&str, u32)] = &[
            ("dizaine", 10),
            ("douzaine", 12),
            ("quinzaine", 15),
            ("vingtaine", 20),
            ("trentaine", 30),
            ("quarantaine", 40),
            ("cinquantaine", 50),
            ("soixantaine", 60),
            ("centaine", 100),
        ];
        // Tried at every token: most are no such word by their ending alone.
        let collective = |j: usize| {
            self.tok(j)
                .filter(|t| t.key.bytes().ends_with(b"aine"))
                .and_then(|t| COLLECTIVE.iter().find(|(w, _)| t.is(w)))
        };
        let (j, &(_, n)) = match collective(i) {
            Some(c) => (i, c),
            None if self.word_in(i, &["une", "la"]) => (i + 1, collective(i + 1)?),
            None => return None,
        };
        let k = self
            .elided(j + 1, "d")
            .or_else(|| self.word(j + 1, "de").then_some(j + 2))?;
        Some((n, k))
    }

    fn frequency(&self, i: usize) -> M<Expr> {
        // tous les deux ans, toutes les semaines, tous les six mois
        if self.word_in(i, &["tous", "toutes"]) && self.word(i + 1, "les") {
            let j = self.number(i + 2).map_or(i + 2, |(_, j)| j);
            if self.word_in(
                j,
                &[
                    "ans",
                    "annees",
                    "mois",
                    "semaines",
                    "jours",
                    "trimestres",
                    "semestres",
                ],
            ) {
                return Some((Expr::Frequency, j + 1));
            }
        }
        // tous les lundis, les mardis et jeudis, chaque vendredi, le lundi de chaque semaine
        if self.word_in(i, &["tous", "les"]) {
            let j = if self.word(i, "tous") && self.word(i + 1, "les") {
                i + 2
            } else {
                i + 1
            };
            if self.class(j, Class::Weekdays).is_some() {
                let mut e = j + 1;
                while (self.word_in(e, &["et", "ou"]) || self.punct(e, ','))
                    && self.class(e + 1, Class::Weekdays).is_some()
                {
                    e += 2;
                }
                return Some((Expr::Frequency, e));
            }
        }
        if self.word(i, "chaque") && self.weekday(i + 1).is_some() {
            return Some((Expr::Frequency, i + 2));
        }
        // chaque année, chaque mois
        if self.word(i, "chaque")
            && self.word_in(
                i + 1,
                &[
                    "annee",
                    "an",
                    "mois",
                    "semaine",
                    "jour",
                    "trimestre",
                    "semestre",
                ],
            )
        {
            return Some((Expr::Frequency, i + 2));
        }
        let (_, j) = self.number(i)?;
        if self.word(j, "fois") && self.word(j + 1, "par") {
            let k = j + 2;
            if self.word_in(
                k,
                &[
                    "an",
                    "annee",
                    "mois",
                    "semaine",
                    "jour",
                    "trimestre",
                    "semestre",
                ],
            ) {
                return Some((Expr::Frequency, k + 1));
            }
        }
        None
    }
}

/// A verb in the future tense, third person (`recevra`, `signeront`, `prendra`, `devra`),
/// by its ending; nouns with such endings (`caméra`, `front`) are set aside.
fn future_verb(w: &str) -> bool {
    const NOT: &[&str] = &[
        "camera",
        "opera",
        "extra",
        "sahara",
        "riviera",
        "sierra",
        "sandra",
        "alexandra",
        "cassandra",
    ];
    w.len() >= 5
        && !NOT.contains(&w)
        && [
            "eront", "iront", "dront", "vront", "rront", "era", "ira", "dra", "vra", "rra",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

fn iso(n: u32, unit: u8) -> String {
    match unit {
        b'H' => format!("PT{n}H"),
        b'N' => format!("PT{n}M"),
        u => format!("P{n}{}", char::from(u)),
    }
}

/// `n` units and a half (or, for hours, a quarter) as an ISO 8601 duration, in whole smaller
/// units where there is one: `PT2H30M`, `P1Y6M`, `P3DT12H`, `P2M15D`.
fn iso_and(n: u32, unit: u8, quarter: bool) -> String {
    match unit {
        b'H' => format!("PT{n}H{}M", if quarter { 15 } else { 30 }),
        b'N' => format!("PT{n}M30S"),
        b'D' => format!("P{n}DT12H"),
        b'W' => format!("P{}DT12H", n * 7 + 3),
        b'M' => format!("P{n}M15D"),
        b'Y' => format!("P{n}Y6M"),
        u => format!("P{n}{}", char::from(u)),
    }
}

/// Where a part of a year starts, in months since year 0: orders the ends of a range.
fn part_start((y, part): (i32, Part)) -> i64 {
    i64::from(y) * 12 + i64::from(part.months().1)
}

/// `T1`…`T4` and `Q1`…`Q4` (quarters), `S1`, `S2`, `H1`, `H2` (semesters), in capitals.
fn abbreviated_part(w: &str, case: Case) -> Option<Part> {
    let &[letter, digit] = w.as_bytes() else {
        return None;
    };
    if case != Case::Upper {
        return None;
    }
    let n = digit.checked_sub(b'0')?;
    match letter {
        b't' | b'q' if (1..=4).contains(&n) => Some(Part::Quarter(n)),
        b's' | b'h' if (1..=2).contains(&n) => Some(Part::Semester(n)),
        _ => None,
    }
}

/// `xixe`, `xxieme`, `ier`: the value of a Roman ordinal (folded to lowercase).
fn roman_ordinal(w: &str) -> Option<u32> {
    let digits = ["ieme", "eme", "er", "e"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .filter(|d| !d.is_empty())?;
    let value = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let vals: Option<Vec<u32>> = digits.bytes().map(value).collect();
    let vals = vals?;
    let mut total = 0;
    for (k, &v) in vals.iter().enumerate() {
        if vals.get(k + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

fn is_prefix_word(w: &str) -> bool {
    matches!(
        w,
        "le" | "les"
            | "la"
            | "l"
            | "du"
            | "de"
            | "d"
            | "au"
            | "en"
            | "entre"
            | "avant"
            | "apres"
            | "jusqu"
            | "depuis"
            | "des"
            | "dans"
            | "il"
            | "a"
            | "vers"
            | "aux"
            | "autour"
            | "environ"
            | "approximativement"
            | "pendant"
            | "durant"
            | "sur"
            | "pour"
            | "date"
            | "periode"
            | "ce"
            | "cet"
            | "tous"
            | "chaque"
            | "toutes"
            | "cette"
            | "ces"
    )
}

/// A day or month without a year takes the year of a dated expression that follows it in the
/// same enumeration: `du 8 mars et du 25 mai 2011`.
fn propagate_years(tokens: &[Token], out: &mut [Parsed]) {
    for idx in (0..out.len().saturating_sub(1)).rev() {
        let (head, tail) = out.split_at_mut(idx + 1);
        let cur = &mut head[idx];
        let next = &tail[0];
        let Some((ny, nm)) = explicit_year(&next.expr) else {
            continue;
        };
        if next.start < cur.end {
            continue;
        }
        let first = tokens.partition_point(|t| t.start < cur.end);
        let gap = tokens[first..].iter().take_while(|t| t.end <= next.start);
        let connectors = gap.enumerate().all(|(n, t)| {
            n < 4
                && t.newlines_before == 0
                && (matches!(t.tok, Tok::Punct(',' | ';' | '-'))
                    || matches!(t.word(), "et" | "du" | "au" | "le" | "les" | "ou" | "puis"))
        });
        if !connectors {
            continue;
        }
        let fill = |m: u8| if m > nm { ny - 1 } else { ny };
        match &mut cur.expr {
            Expr::Days { y: y @ None, m, .. } => *y = Some(fill(*m)),
            Expr::Month { y: y @ None, m } => *y = Some(fill(*m)),
            // "du 28 au 30 avril et du 2 au 4 mai 2025": the range's end takes the year.
            Expr::DayRange {
                a: Dmy { y: None, .. },
                b:
                    Dmy {
                        y: y @ None,
                        m: Some(m),
                        ..
                    },
            } => *y = Some(fill(*m)),
            Expr::MonthRange {
                a: (None, _),
                b: (y @ None, m),
            } => *y = Some(fill(*m)),
            _ => {}
        }
    }
}

/// A year written in two digits: 1950–2049.
fn two_digit_year(yy: u32) -> i32 {
    let yy = yy as i32;
    if yy < 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// `ce jour-là`, `cette année-là`, `ce lundi-là`: what `ce jour`, `cette année`, `ce lundi`
/// are to the anchor, of the date told before.
fn that_one(e: Expr) -> Expr {
    match e {
        Expr::RelDay(0) => Expr::Chained(0),
        Expr::RelPeriod { unit, n: 0 } => Expr::After {
            unit,
            n: 0,
            period: true,
        },
        Expr::RelWeekday { wd, .. } => Expr::ChainedWeekday { wd, dir: 0 },
        e => e,
    }
}

/// The year of a date that may be written without one: its own, or for a range its end's
/// (the start follows it). `None` for expressions that carry no such year.
fn year_slot(e: &mut Expr) -> Option<&mut Option<i32>> {
    match e {
        Expr::Days { y, .. }
        | Expr::Month { y, .. }
        | Expr::Part { y, .. }
        | Expr::Feast { y, .. }
        | Expr::NthWeekday { y, .. }
        | Expr::NthPart { y, .. }
        | Expr::DayRange {
            b: Dmy { y, .. }, ..
        }
        | Expr::WeekOf(Dmy { y, .. })
        | Expr::WeekNumber { y, .. }
        | Expr::Shifted {
            base: Dmy { y, .. },
            ..
        }
        | Expr::MonthRange { b: (y, _), .. } => Some(y),
        _ => None,
    }
}

/// Give a date without its year the year `year`.
pub(crate) fn set_year(e: &mut Expr, year: i32) {
    if let Some(y) = year_slot(e) {
        y.get_or_insert(year);
    }
}

/// Is this a date whose year the text does not give (its year is the anchor's or a
/// neighbour's)? (Mutable only to share `year_slot`; nothing is changed.)
fn yearless(e: &mut Expr) -> bool {
    matches!(e, Expr::DayNear(_)) || year_slot(e).is_some_and(|y| y.is_none())
}

fn explicit_year(e: &Expr) -> Option<(i32, u8)> {
    match e {
        Expr::Days { y: Some(y), m, .. } | Expr::Month { y: Some(y), m } => Some((*y, *m)),
        Expr::DayRange {
            a:
                Dmy {
                    y: Some(y),
                    m: Some(m),
                    ..
                },
            ..
        } => Some((*y, *m)),
        // "du 2 au 4 mai 2025": the year at the end, the first month at the start or the end.
        Expr::DayRange {
            a,
            b:
                Dmy {
                    y: Some(y),
                    m: Some(m),
                    ..
                },
        } => Some((*y, a.m.unwrap_or(*m))),
        Expr::MonthRange { a, b: (Some(y), _) } => Some((*y, a.1)),
        _ => None,
    }
}
