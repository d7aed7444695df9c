//! Authority data — states, unions, institutions, agencies, programmes, processes, honorifics
//! and role titles — as data files, and the matchers over them.
//!
//! The data lives in `data/*.tsv`, included at compile time and validated by the tests (no
//! alias shared by two entries unless marked, valid ISO codes, every parent and successor
//! known). [`Lexicon::find`] finds every known name in a text: names and aliases through
//! Aho-Corasick over a folded copy (case, accents, apostrophes and hyphens folded, with an offset
//! map back), acronyms case-sensitively on the text itself, both with word boundaries.
//!
//! ```
//! use liasse_lexicon::{lexicon, Target};
//! let text = "Le HCR et l'Organisation internationale pour les migrations au Royaume du Maroc.";
//! let found = lexicon().find(text);
//! let ids: Vec<String> = found.iter().map(|m| match &m.target {
//!     Target::Partner(p) => format!("partner:{p}"),
//!     Target::Body(b) => format!("body:{b}"),
//! }).collect();
//! assert_eq!(ids, ["body:unhcr", "body:iom", "partner:MA"]);
//! ```

mod fold;

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

pub use fold::{fold, Folded};

/// A state or a union: what a partner id stands for.
#[derive(Debug, Clone)]
pub struct State {
    /// ISO 3166-1 alpha-2, or `EU` / `AU`.
    pub id: &'static str,
    pub name: &'static str,
    pub long_name: &'static str,
    pub aliases: Vec<&'static str>,
    pub adjectives: Vec<String>,
    /// Other codes documents use for it (`UK` for GB, `EL` for GR, `UE` for EU).
    pub codes: Vec<&'static str>,
    pub acronyms: Vec<&'static str>,
}

/// An institution, agency, ministry, programme or process.
#[derive(Debug, Clone)]
pub struct Body {
    pub id: &'static str,
    pub kind: &'static str,
    /// Partner id of the state or union it belongs to.
    pub country: Option<&'static str>,
    pub parent: Option<&'static str>,
    pub predecessor: Option<&'static str>,
    pub successor: Option<&'static str>,
    pub name: &'static str,
    pub acronyms: Vec<&'static str>,
    pub aliases: Vec<&'static str>,
}

impl Body {
    /// The first acronym, if any.
    pub fn acronym(&self) -> Option<&'static str> {
        self.acronyms.first().copied()
    }

    /// The name as documents write it: without the state in brackets that tells apart the
    /// ministries every government has (`Ministère de l'Intérieur (Maroc)` → `Ministère de
    /// l'Intérieur`; `country` says whose).
    pub fn display_name(&self) -> &'static str {
        let name = self.name;
        match (name.strip_suffix(')'), self.country) {
            (Some(head), Some(c)) => match head.rsplit_once(" (") {
                Some((bare, qualifier))
                    if lexicon().state(c).is_some_and(|s| s.name == qualifier) =>
                {
                    bare
                }
                _ => name,
            },
            _ => name,
        }
    }
}

/// What a match refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Partner(&'static str),
    Body(&'static str),
}

/// How the match was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    LongName,
    Alias,
    Acronym,
    Adjective,
}

/// A known name found in a text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    pub form: Form,
    /// Other entries the same acronym may stand for (resolved by context by the caller).
    pub alternatives: Vec<Target>,
}

/// The authority file and its matchers.
pub struct Lexicon {
    pub states: Vec<State>,
    pub bodies: Vec<Body>,
    state_index: HashMap<&'static str, usize>,
    body_index: HashMap<&'static str, usize>,
    codes: HashMap<String, &'static str>,
    names: AhoCorasick,
    name_payload: Vec<(Target, Form)>,
    acronyms: AhoCorasick,
    acronym_payload: Vec<Vec<Target>>,
    pub honorifics: Vec<&'static str>,
    pub roles: Vec<&'static str>,
    /// Capitalised words that are never part of a person's name (`Facebook`, `Imprimer`).
    pub not_names: Vec<&'static str>,
    /// Lowercase nouns after which a capitalised run names a thing, not a person (`le
    /// coordonnateur du programme Mobilité Talents`).
    pub thing_heads: Vec<&'static str>,
    /// Folded city name → the state it lies in.
    places: HashMap<String, &'static str>,
    /// (state, generic folded name) → body, for `body_for_generic_name`.
    generic: HashMap<(&'static str, String), usize>,
    /// (state, folded long name) → body, for generic names that shorten a longer name.
    generic_long: Vec<(&'static str, String, usize)>,
}

const STATES: &str = include_str!("../data/states.tsv");
const BODIES: &str = include_str!("../data/bodies.tsv");
const PEOPLE: &str = include_str!("../data/people.tsv");
const PLACES: &str = include_str!("../data/places.tsv");

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| match Lexicon::build() {
        Ok(l) => l,
        // The data is validated by the tests of this crate; an empty lexicon keeps the pipeline
        // running if an edited file is broken.
        Err(_) => Lexicon::empty(),
    })
}

fn rows(data: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
}

fn list(col: Option<&&'static str>) -> Vec<&'static str> {
    col.map(|c| {
        c.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn opt(col: Option<&&'static str>) -> Option<&'static str> {
    col.map(|c| c.trim()).filter(|c| !c.is_empty() && *c != "-")
}

/// `marocain*` → marocain, marocaine, marocains, marocaines.
fn inflect(adj: &str) -> Vec<String> {
    let Some(base) = adj.strip_suffix('*') else {
        return vec![adj.to_owned()];
    };
    // "libyen", "européen", "ivoirien", "gabonais" → "libyenne", "européenne", "ivoirienne", …
    let fem = if base.ends_with("en") || base.ends_with("on") {
        format!("{base}ne")
    } else if base.ends_with('e') {
        base.to_owned()
    } else {
        format!("{base}e")
    };
    let plural = |s: &str| {
        if s.ends_with('s') || s.ends_with('x') {
            s.to_owned()
        } else {
            format!("{s}s")
        }
    };
    let mut out = vec![base.to_owned(), fem.clone(), plural(base), plural(&fem)];
    out.dedup();
    out.sort();
    out.dedup();
    out
}

impl Lexicon {
    fn empty() -> Lexicon {
        let ac = AhoCorasick::new(Vec::<&str>::new()).unwrap_or_else(|_| unreachable!());
        Lexicon {
            states: Vec::new(),
            bodies: Vec::new(),
            state_index: HashMap::new(),
            body_index: HashMap::new(),
            codes: HashMap::new(),
            names: ac.clone(),
            name_payload: Vec::new(),
            acronyms: ac,
            acronym_payload: Vec::new(),
            honorifics: Vec::new(),
            roles: Vec::new(),
            not_names: Vec::new(),
            thing_heads: Vec::new(),
            places: HashMap::new(),
            generic: HashMap::new(),
            generic_long: Vec::new(),
        }
    }

    /// Parse and index the data files.
    pub fn build() -> Result<Lexicon, String> {
        let mut states = Vec::new();
        for (n, c) in rows(STATES) {
            if c.len() < 3 {
                return Err(format!("states.tsv:{n}: too few columns"));
            }
            let adjectives = list(c.get(4)).into_iter().flat_map(inflect).collect();
            states.push(State {
                id: c[0].trim(),
                name: c[1].trim(),
                long_name: c[2].trim(),
                aliases: list(c.get(3)),
                adjectives,
                codes: list(c.get(5)),
                acronyms: list(c.get(6)),
            });
        }
        let mut bodies = Vec::new();
        for (n, c) in rows(BODIES) {
            if c.len() < 7 {
                return Err(format!("bodies.tsv:{n}: too few columns"));
            }
            bodies.push(Body {
                id: c[0].trim(),
                kind: c[1].trim(),
                country: opt(c.get(2)),
                parent: opt(c.get(3)),
                predecessor: opt(c.get(4)),
                successor: opt(c.get(5)),
                name: c[6].trim(),
                acronyms: list(c.get(7)),
                aliases: list(c.get(8)),
            });
        }
        let mut honorifics = Vec::new();
        let mut roles = Vec::new();
        let mut not_names = Vec::new();
        let mut thing_heads = Vec::new();
        for (n, c) in rows(PEOPLE) {
            match c.first().map(|s| s.trim()) {
                Some("honorific") => honorifics.push(c.get(1).map_or("", |s| s.trim())),
                Some("role") => roles.push(c.get(1).map_or("", |s| s.trim())),
                Some("not-name") => not_names.push(c.get(1).map_or("", |s| s.trim())),
                Some("thing-head") => thing_heads.push(c.get(1).map_or("", |s| s.trim())),
                _ => return Err(format!("people.tsv:{n}: unknown class")),
            }
        }
        let mut places = HashMap::new();
        for (n, c) in rows(PLACES) {
            let state = c.get(1).map_or("", |s| s.trim());
            if !states.iter().any(|s| s.id == state) {
                return Err(format!("places.tsv:{n}: unknown state {state:?}"));
            }
            for name in std::iter::once(c[0].trim()).chain(list(c.get(2))) {
                places.insert(fold(name).text, state);
            }
        }
        // Longest first, so "Chef de division" wins over "Chef".
        roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
        honorifics.sort_by_key(|r| std::cmp::Reverse(r.len()));

        let state_index = states.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let body_index = bodies.iter().enumerate().map(|(i, b)| (b.id, i)).collect();
        let mut codes = HashMap::new();
        for s in &states {
            codes.insert(s.id.to_owned(), s.id);
            for c in &s.codes {
                codes.insert((*c).to_owned(), s.id);
            }
        }

        // Names, folded.
        let mut patterns: Vec<String> = Vec::new();
        let mut name_payload = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut add = |pattern: &str,
                       target: Target,
                       form: Form,
                       patterns: &mut Vec<String>,
                       payload: &mut Vec<(Target, Form)>| {
            let f = fold(pattern).text;
            if f.trim().is_empty() {
                return;
            }
            // The first entry to claim a folded form keeps it (states before bodies).
            if seen.contains_key(&f) {
                return;
            }
            seen.insert(f.clone(), patterns.len());
            patterns.push(f);
            payload.push((target, form));
        };
        for s in &states {
            let t = Target::Partner(s.id);
            add(
                s.long_name,
                t.clone(),
                Form::LongName,
                &mut patterns,
                &mut name_payload,
            );
            let short_is_word = s
                .aliases
                .iter()
                .any(|a| a.strip_prefix('!') == Some(s.name));
            if !short_is_word {
                add(
                    s.name,
                    t.clone(),
                    Form::Name,
                    &mut patterns,
                    &mut name_payload,
                );
            }
            for a in s.aliases.iter().filter(|a| !a.starts_with('!')) {
                add(a, t.clone(), Form::Alias, &mut patterns, &mut name_payload);
            }
            for a in &s.adjectives {
                add(
                    a,
                    t.clone(),
                    Form::Adjective,
                    &mut patterns,
                    &mut name_payload,
                );
            }
        }
        for b in &bodies {
            let t = Target::Body(b.id);
            add(
                b.name,
                t.clone(),
                Form::Name,
                &mut patterns,
                &mut name_payload,
            );
            for a in &b.aliases {
                add(a, t.clone(), Form::Alias, &mut patterns, &mut name_payload);
            }
        }
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A full DFA (3.3 MB) rather than the default NFA: every byte of every document
            // goes through this automaton; the lexicon benchmark goes 50 → 62 MiB/s.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| e.to_string())?;

        // Acronyms, case-sensitive; one acronym may stand for several entries.
        let mut acronym_patterns: Vec<&'static str> = Vec::new();
        let mut acronym_payload: Vec<Vec<Target>> = Vec::new();
        let mut by_acronym: HashMap<&'static str, usize> = HashMap::new();
        let mut add_acr = |a: &'static str, t: Target| match by_acronym.get(a) {
            Some(&i) => acronym_payload[i].push(t),
            None => {
                by_acronym.insert(a, acronym_patterns.len());
                acronym_patterns.push(a);
                acronym_payload.push(vec![t]);
            }
        };
        for s in &states {
            for a in &s.acronyms {
                add_acr(a, Target::Partner(s.id));
            }
        }
        for b in &bodies {
            for a in &b.acronyms {
                add_acr(a, Target::Body(b.id));
            }
        }
        let acronyms = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA here too (34 KB): the lexicon on the 10 MB collection takes 13% fewer
            // instructions than with the default NFA and its prefilter.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&acronym_patterns)
            .map_err(|e| e.to_string())?;

        let mut generic = HashMap::new();
        let mut generic_long = Vec::new();
        for (i, b) in bodies.iter().enumerate() {
            let Some(c) = b.country else { continue };
            for n in std::iter::once(&b.name).chain(b.aliases.iter()) {
                generic.entry((c, generic_key(n))).or_insert(i);
            }
            if b.successor.is_none() {
                generic_long.push((c, generic_key(b.name), i));
            }
        }
        Ok(Lexicon {
            generic,
            generic_long,
            states,
            bodies,
            state_index,
            body_index,
            codes,
            names,
            name_payload,
            acronyms,
            acronym_payload,
            honorifics,
            not_names,
            thing_heads,
            places,
            roles,
        })
    }

    pub fn state(&self, id: &str) -> Option<&State> {
        self.state_index.get(id).map(|&i| &self.states[i])
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.body_index.get(id).map(|&i| &self.bodies[i])
    }

    /// A partner code as written in a table cell (`UE`, `ES`, `UK`, `EL`) → partner id.
    pub fn resolve_code(&self, code: &str) -> Option<&'static str> {
        self.codes.get(code.trim()).copied()
    }

    /// The state a city lies in (`Rabat` → `MA`), from `places.tsv`.
    pub fn state_of_place(&self, name: &str) -> Option<&'static str> {
        self.places.get(&fold(name.trim()).text).copied()
    }

    /// The ministry, office or force of `country` whose name, without its qualifier, is `name`
    /// (`Ministère de l'Intérieur` in a French context → `fr-interior`).
    pub fn body_for_generic_name(&self, name: &str, country: &str) -> Option<&Body> {
        let key = generic_key(name);
        if let Some(&i) = self.generic.get(&(country, key.clone())) {
            return Some(&self.bodies[i]);
        }
        // A short name of a longer current name: "Ministère des Affaires étrangères" for
        // "Ministère des Affaires étrangères, de la Coopération africaine et …".
        self.generic_long
            .iter()
            .find(|(c, full, _)| {
                *c == country
                    && full
                        .strip_prefix(key.as_str())
                        .is_some_and(|rest| rest.starts_with(',') || rest.starts_with(" et "))
            })
            .map(|(_, _, i)| &self.bodies[*i])
    }

    /// Every known name in `text`, in order, without overlaps (the longest wins).
    pub fn find(&self, text: &str) -> Vec<Match> {
        let folded = fold(text);
        let mut out: Vec<Match> = Vec::new();
        for m in self.names.find_iter(&folded.text) {
            let (fs, fe) = (m.start(), m.end());
            if !folded.is_word_boundary(fs) || !folded.is_word_boundary(fe) {
                continue;
            }
            let (target, form) = self.name_payload[m.pattern().as_usize()].clone();
            let (start, end) = (folded.source_start(fs), folded.source_end(fe));
            out.push(Match {
                start,
                end,
                target,
                form,
                alternatives: Vec::new(),
            });
        }
        let names = out.len();
        for m in self.acronyms.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !is_boundary(text, start) || !is_boundary(text, end) {
                continue;
            }
            if end - start <= 3 && in_capitals(text, start, end) {
                continue;
            }
            // Names (the first `names` matches, sorted by start): only the last ones starting
            // before `end` can overlap.
            let before = out[..names].partition_point(|o| o.start < end);
            if out[..before].iter().rev().take(4).any(|o| start < o.end) {
                continue;
            }
            let mut targets = self.acronym_payload[m.pattern().as_usize()].clone();
            let target = targets.remove(0);
            out.push(Match {
                start,
                end,
                target,
                form: Form::Acronym,
                alternatives: targets,
            });
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }
}

/// A name as a generic name: folded, without its qualifier in brackets, without "fédéral"
/// (which qualifies a ministry of a federal state without being how other states' documents
/// name it: "Ministère de l'Intérieur" in a German row).
fn generic_key(s: &str) -> String {
    let f = fold(s.split(" (").next().unwrap_or(s)).text;
    f.replace(" federal ", " ").replace(" federale ", " ")
}

/// No letter or digit on the other side of `i`.
fn is_boundary(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().next();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // A boundary between the two sides of i: not letter-letter.
    !(inner(before) && inner(after))
}

/// A short acronym between two words in capitals is more likely a word of a heading
/// ("DU CE JOUR") than an acronym.
fn in_capitals(text: &str, start: usize, end: usize) -> bool {
    let caps_word = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    let before = text[..start].split_whitespace().next_back().unwrap_or("");
    let after = text[end..].split_whitespace().next().unwrap_or("");
    caps_word(before) && caps_word(after)
}

#[cfg(test)]
mod tests;
