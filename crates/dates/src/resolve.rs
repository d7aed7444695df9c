//! Expressions → values: calendar ranges, EDTF strings, resolved against an anchor.

use crate::civil::Date;
use crate::grammar::{set_year, Dmy, Expr, Feast, Parsed, Part};
use crate::{Kind, Mention, Precision, Value};

/// Resolve parsed expressions in text order. `last` tracks the latest day-precision date, for
/// times given without a date; `before`, the first and last days of the latest date of one day,
/// of one day or month, and of any precision, for `la veille`, `le lendemain`, `deux jours plus
/// tard`, `le mois suivant`, `l'année précédente`. `years`, when there is no anchor, gives only
/// the year of dates written without one.
pub(crate) fn resolve(
    text: &str,
    parsed: Vec<Parsed>,
    anchor: Option<Date>,
    years: Option<Date>,
) -> Vec<Mention> {
    let years = anchor.or(years);
    let mut out = Vec::with_capacity(parsed.len());
    let mut last: Option<Date> = None;
    let mut before: [Option<(Date, Date)>; 3] = [None; 3];
    for mut p in parsed {
        // "le 15 mars de l'année prochaine": the anchor's year shifted; without an anchor, no
        // year.
        if let (Some(shift), Some(a)) = (p.shift, anchor) {
            set_year(&mut p.expr, a.year + i32::from(shift));
        }
        let mut m = Mention {
            start: p.start,
            end: p.end,
            kind: Kind::Date,
            value: None,
            relative: false,
            approximate: p.approx,
            deadline: p.deadline,
            duration: None,
            time: None,
        };
        match p.expr {
            Expr::Days { y, m: month, days } => {
                let (y, rel) = year_of(y, years, p.dir, true, |y| {
                    Some((
                        Date::new(y, month, days[0])?,
                        Date::new(y, month, *days.last()?)?,
                    ))
                });
                let y = match (y, years, p.weekday) {
                    (Some(y), Some(a), Some((wd, d))) if rel && days.contains(&d) => {
                        Some(weekday_year(y, a, p.dir, wd, |c| Date::new(c, month, d)))
                    }
                    _ => y,
                };
                m.relative = rel;
                if let Some(y) = y {
                    m.value = days_value(y, month, &days);
                    if days.len() > 1 && is_consecutive(&days) {
                        m.kind = Kind::Range;
                    }
                }
            }
            Expr::DayRange { a, b } => {
                m.kind = Kind::Range;
                // The first day's year: its own, or the last's (the one before when the range
                // crosses the new year).
                let ends = |by: i32| {
                    let ay = a.y.unwrap_or(if a.m > b.m { by - 1 } else { by });
                    Some((
                        dmy(Dmy { y: Some(ay), ..a })?,
                        dmy(Dmy { y: Some(by), ..b })?,
                    ))
                };
                let (by, rel) = year_of(b.y, years, p.dir, true, ends);
                let by = match (by, years, p.weekday) {
                    (Some(by), Some(x), Some((wd, d))) if rel && (d == a.d || d == b.d) => {
                        Some(weekday_year(by, x, p.dir, wd, |c| {
                            let (s, e) = ends(c)?;
                            Some(if d == a.d { s } else { e })
                        }))
                    }
                    _ => by,
                };
                m.relative = rel;
                if let Some((s, e)) = by.and_then(ends).filter(|(s, e)| s <= e) {
                    m.value = Some(Value::days(s, e));
                }
            }
            Expr::Month { y, m: month } => {
                let (y, rel) = year_of(y, years, p.dir, true, |y| {
                    Some((
                        Date::first_of_month(y, month),
                        Date::last_of_month(y, month),
                    ))
                });
                m.relative = rel;
                m.value = y.map(|y| month_value(y, month));
            }
            Expr::MonthRange { a, b } => {
                m.kind = Kind::Range;
                let first_year = |by: i32| a.0.unwrap_or(if a.1 > b.1 { by - 1 } else { by });
                let (by, rel) = year_of(b.0, years, p.dir, true, |by| {
                    let s = Date::first_of_month(first_year(by), a.1);
                    Some((s, Date::last_of_month(by, b.1)))
                });
                m.relative = rel;
                if let Some(by) = by {
                    let ay = first_year(by);
                    let s = Date::first_of_month(ay, a.1);
                    let e = Date::last_of_month(by, b.1);
                    if s <= e {
                        let edtf = format!("{ay:04}-{:02}/{by:04}-{:02}", a.1, b.1);
                        m.value = Some(Value::range(s, e, Precision::Month, edtf));
                    }
                }
            }
            Expr::Year(y) => m.value = Some(year_value(y)),
            Expr::Decade(y) => {
                m.kind = Kind::Range;
                m.value = Some(Value::range(
                    Date::first_of_month(y, 1),
                    Date::last_of_month(y + 9, 12),
                    Precision::Years,
                    format!("{:03}X", y / 10),
                ));
            }
            Expr::Century(n) => {
                m.kind = Kind::Range;
                let y = (n - 1) * 100;
                m.value = Some(Value::range(
                    Date::first_of_month(y, 1),
                    Date::last_of_month(y + 99, 12),
                    Precision::Years,
                    format!("{:02}XX", n - 1),
                ));
            }
            Expr::YearRange(a, b) => {
                m.kind = Kind::Range;
                m.value = Some(Value::range(
                    Date::first_of_month(a, 1),
                    Date::last_of_month(b, 12),
                    Precision::Years,
                    format!("{a:04}/{b:04}"),
                ));
            }
            Expr::Part { y, part } => {
                let (y, rel) = year_of(y, years, p.dir, false, |y| {
                    let v = part_value(y, part);
                    Some((v.start, v.end))
                });
                m.relative = rel;
                m.value = y.map(|y| part_value(y, part));
            }
            Expr::PartRange { a, b } => {
                m.kind = Kind::Range;
                let (a, b) = (part_value(a.0, a.1), part_value(b.0, b.1));
                let edtf = format!("{}/{}", a.edtf, b.edtf);
                m.value = Some(Value::range(a.start, b.end, b.precision, edtf));
            }
            Expr::RelDay(n) => {
                m.relative = true;
                m.value = anchor.map(|a| Value::day(a.add_days(n)));
            }
            Expr::ChainedWeekday { wd, dir } => {
                m.relative = true;
                let base = before[0]
                    .map(|(first, last)| if dir > 0 { last } else { first })
                    .or(anchor);
                m.value = base.map(|b| Value::day(weekday_near(b, wd, dir)));
            }
            Expr::RelWeekday { wd, dir } => {
                m.relative = true;
                m.value = anchor.map(|a| Value::day(weekday_near(a, wd, dir)));
            }
            Expr::MonthsOf { y, off, a, b } => {
                m.kind = Kind::Range;
                m.relative = y.is_none();
                if let Some(y) = y.or(anchor.map(|d| d.year + off as i32)) {
                    let (s, e) = (Date::first_of_month(y, a), Date::last_of_month(y, b));
                    let edtf = format!("{y:04}-{a:02}/{y:04}-{b:02}");
                    m.value = Some(Value::range(s, e, Precision::Month, edtf));
                }
            }
            Expr::Periods { unit, n } => {
                m.kind = Kind::Range;
                m.relative = true;
                m.value = anchor.map(|a| periods(a, unit, n));
            }
            Expr::WeekdayOfWeek { wd, week } => {
                m.relative = true;
                m.value = anchor.map(|a| {
                    let monday = a.add_days(1 - i64::from(a.weekday()));
                    Value::day(monday.add_days(7 * week + i64::from(wd) - 1))
                });
            }
            Expr::WeekdayLater { wd, weeks } => {
                m.relative = true;
                m.value = anchor.map(|a| Value::day(weekday_near(a, wd, 2).add_days(7 * weeks)));
            }
            Expr::RelMonth { m: month, dir } => {
                m.relative = true;
                m.value = anchor.map(|a| {
                    let y = match dir {
                        d if d < 0 && month >= a.month => a.year - 1,
                        d if d > 0 && month <= a.month => a.year + 1,
                        _ => a.year,
                    };
                    month_value(y, month)
                });
            }
            Expr::RelPeriod { unit, n } | Expr::Offset { unit, n } => {
                let is_offset = matches!(p.expr, Expr::Offset { .. });
                m.relative = true;
                m.value = anchor.map(|a| period(a, unit, n, is_offset));
            }
            Expr::DayOfMonth(d) => {
                m.relative = true;
                m.value = anchor
                    .and_then(|a| Date::new(a.year, a.month, d))
                    .map(Value::day);
            }
            Expr::DayNear(d) => {
                m.relative = true;
                m.value = anchor.and_then(|a| day_near(a, d, p.dir)).map(Value::day);
            }
            Expr::Chained(n) => {
                m.relative = true;
                m.value = after(&before, anchor, b'D', n, false);
            }
            Expr::After { unit, n, period } => {
                m.relative = true;
                m.value = after(&before, anchor, unit, n, period);
            }
            Expr::Shifted { base, n } => {
                let (y, rel) = year_of(base.y, years, p.dir, true, |y| {
                    let d = dmy(Dmy { y: Some(y), ..base })?.add_days(n);
                    Some((d, d))
                });
                m.relative = rel;
                m.value = dmy(Dmy { y, ..base }).map(|d| Value::day(d.add_days(n)));
            }
            Expr::Feast { y, feast, wd } => {
                // "lundi de Pâques": that weekday on or after the feast.
                let day = |y| {
                    let d = feast_day(y, feast)?;
                    Some(wd.map_or(d, |wd| weekday_near(d, wd, 2)))
                };
                let (y, rel) = year_of(y, years, p.dir, true, |y| day(y).map(|d| (d, d)));
                m.relative = rel;
                m.value = y.and_then(day).map(Value::day);
            }
            Expr::NthWeekday { y, m: month, wd, n } => {
                let (y, rel) = year_of(y, years, p.dir, true, |y| {
                    nth_weekday(y, month, wd, n).map(|d| (d, d))
                });
                m.relative = rel;
                m.value = y.and_then(|y| nth_weekday(y, month, wd, n)).map(Value::day);
            }
            Expr::NthPart {
                y,
                m: month,
                unit,
                n,
            } => {
                m.kind = Kind::Range;
                let (y, rel) = year_of(y, years, p.dir, true, |y| nth_part(y, month, unit, n));
                m.relative = rel;
                m.value = y.and_then(|y| nth_value(y, month, unit, 0, n));
            }
            Expr::NthOfMonth {
                months,
                unit,
                wd,
                n,
            } => {
                m.relative = true;
                if unit != 0 {
                    m.kind = Kind::Range;
                }
                m.value = anchor.and_then(|a| {
                    let (y, month) = a.add_months(months);
                    nth_value(y, month, unit, wd, n)
                });
            }
            Expr::WeekOf(d) => {
                m.kind = Kind::Range;
                // The week holding that day, as "cette semaine" is the anchor's.
                let week = |y| dmy(Dmy { y: Some(y), ..d }).map(|d| period(d, b'W', 0, false));
                let (y, rel) = year_of(d.y, years, p.dir, true, |y| {
                    week(y).map(|v| (v.start, v.end))
                });
                m.relative = rel;
                m.value = y.and_then(week);
            }
            Expr::WeekNumber { y, n } => {
                m.kind = Kind::Range;
                m.relative = y.is_none();
                m.value = y.or(anchor.map(|a| a.year)).and_then(|y| iso_week(y, n));
            }
            Expr::WeekdayRange { a, b, dir, week } => {
                m.kind = Kind::Range;
                m.relative = true;
                let span = (i64::from(b) - i64::from(a) + 6).rem_euclid(7) + 1;
                m.value = anchor.map(|x| {
                    let start = match week {
                        Some(week) => {
                            let monday = x.add_days(1 - i64::from(x.weekday()));
                            monday.add_days(7 * week + i64::from(a) - 1)
                        }
                        // Told in the past: the last such span that ended by the anchor.
                        None if dir == -2 => weekday_near(x, b, -2).add_days(-span),
                        None => weekday_near(x, a, dir),
                    };
                    Value::days(start, start.add_days(span))
                });
            }
            Expr::WeekdayDays { wd, d, a, b } => {
                m.kind = Kind::Range;
                m.relative = true;
                m.value = anchor.and_then(|x| weekday_day(x, wd, d)).map(|x| {
                    let s = x.add_days(i64::from(a) - i64::from(d));
                    Value::days(s, x.add_days(i64::from(b) - i64::from(d)))
                });
            }
            Expr::WeekdayDay { wd, d } => {
                m.relative = true;
                m.value = anchor.and_then(|a| weekday_day(a, wd, d)).map(Value::day);
            }
            Expr::Time { a, b } => {
                m.kind = Kind::Time;
                m.time = Some((a, b));
                // A deadline's day holds only the time written right after it (`avant le 31
                // mars à 18h`); a later time is the day the text was telling before it (`La
                // séance a été levée à 13h30` after `un rapport avant le 31 décembre`).
                let deadline_day = out.last().and_then(|d: &Mention| {
                    let v = d.value.as_ref().filter(|v| v.precision == Precision::Day)?;
                    (d.deadline && d.kind == Kind::Date && joins_time(&text[d.end..m.start]))
                        .then_some(v.start)
                });
                // A time of every such day (`tous les lundis de 9h à 17h`, `ouvert du lundi
                // au vendredi, de 8h à 16h`) is of no one day.
                let recurring = out.last().is_some_and(|d: &Mention| {
                    d.kind == Kind::Frequency && joins_time(&text[d.end..m.start])
                });
                let day = if recurring {
                    None
                } else {
                    deadline_day.or(last).or(anchor)
                };
                if let Some(d) = day {
                    let mut v = Value::day(d);
                    v.time_start = Some(a);
                    v.time_end = b;
                    m.value = Some(v);
                }
            }
            Expr::Duration(iso) => {
                m.kind = Kind::Duration;
                m.duration = Some(iso);
            }
            Expr::Frequency => m.kind = Kind::Frequency,
        }
        if p.shift.is_some() {
            m.relative = true;
            if anchor.is_none() {
                m.value = None;
            }
        }
        if let Some(v) = m.value.as_ref().filter(|_| m.kind != Kind::Time) {
            if v.precision == Precision::Day && !m.deadline {
                last = Some(v.start);
            }
            let finest = match v.precision {
                Precision::Day => 0,
                Precision::Month => 1,
                _ => 2,
            };
            before[finest..].fill(Some((v.start, v.end)));
        }
        // An absolute date that does not exist ("31 novembre") is not a date.
        let invalid =
            matches!(m.kind, Kind::Date | Kind::Range) && m.value.is_none() && !m.relative;
        if !invalid {
            out.push(m);
        }
    }
    times_before_their_date(text, &mut out);
    out
}

/// A time written just before its date (`à 13h30 le samedi 21 septembre`, `9h, mardi 4 mars`)
/// is that date's, unless a date just before the time claims it (`le 3 mars à 15h, le 4 mars`).
fn times_before_their_date(text: &str, out: &mut [Mention]) {
    let day = |m: &Mention| {
        m.kind == Kind::Date
            && m.value
                .as_ref()
                .is_some_and(|v| v.precision == Precision::Day && v.start == v.end)
    };
    for i in 0..out.len() {
        if out[i].kind != Kind::Time {
            continue;
        }
        let claimed = i > 0 && day(&out[i - 1]) && joins(&text[out[i - 1].end..out[i].start]);
        let Some(next) = out.get(i + 1).filter(|n| day(n)) else {
            continue;
        };
        if claimed || !joins(&text[out[i].end..next.start]) {
            continue;
        }
        let Some(d) = next.value.as_ref().map(|v| v.start) else {
            continue;
        };
        let t = &mut out[i];
        let mut v = Value::day(d);
        v.time_start = t.time.map(|(a, _)| a);
        v.time_end = t.time.and_then(|(_, b)| b);
        t.value = Some(v);
    }
}

/// Does the text between a date and a time tie the time to it: on one line, at most a comma
/// and `à`, `de`, `dès` or `vers` (`avant le 31 mars, à 18h`)?
fn joins_time(gap: &str) -> bool {
    gap.len() <= 12
        && !gap.contains('\n')
        && gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .all(|w| matches!(w, "" | "à" | "a" | "de" | "dès" | "vers"))
}

/// Does the text between two mentions tie them together: on one line, at most a comma, a dash
/// or a colon and an article?
fn joins(gap: &str) -> bool {
    gap.len() <= 12
        && !gap.contains('\n')
        && gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | ':'))
            .all(|w| matches!(w, "" | "le" | "ce" | "Le" | "Ce"))
}

/// How far from the anchor (in days) a date of the year after (`le 15 janvier` in a letter of
/// 10 December), or of the year before in a sentence in the past tense (`s'est tenue le 20
/// décembre`, written in February), may fall to be read in that year rather than the anchor's.
const NEAR: i64 = 122;
/// The same for the year before when the tense says nothing (`la réunion du 12 décembre`,
/// written on 10 January): about a month.
const NEAR_BEFORE: i64 = 31;

/// The year of an expression, and whether it was inferred: the year written, or else the one
/// near the anchor that `dir` (see `Parsed::dir`) asks for, given the days `span(year)` the
/// expression covers in each year. `near`: whether another year may be chosen when the
/// anchor's would put the expression elsewhere than around the anchor (not for a season: "cet
/// automne" in February is the autumn to come, though last autumn is nearer).
fn year_of(
    y: Option<i32>,
    anchor: Option<Date>,
    dir: i8,
    near: bool,
    span: impl Fn(i32) -> Option<(Date, Date)>,
) -> (Option<i32>, bool) {
    match (y, anchor) {
        (Some(y), _) => (Some(y), false),
        (None, None) => (None, true),
        (None, Some(a)) => (Some(near_year(a, dir, near, span)), true),
    }
}

/// `dir` -1: the last year in which the expression ends before the anchor; +1: the first in
/// which it starts after it; otherwise the anchor's year, unless the year before or after puts
/// it nearer the anchor, within the windows above that the tense (±2) allows; with `near`
/// false, only if it then covers the anchor.
fn near_year(a: Date, dir: i8, near: bool, span: impl Fn(i32) -> Option<(Date, Date)>) -> i32 {
    let y = a.year;
    match dir {
        -1 => (y - 8..=y)
            .rev()
            .find(|&c| span(c).is_some_and(|(_, e)| e < a))
            .unwrap_or(y),
        1 => (y..=y + 8)
            .find(|&c| span(c).is_some_and(|(s, _)| s > a))
            .unwrap_or(y),
        _ => {
            let (before, after) = match (near, dir) {
                (false, _) => (0, 0),
                (true, -2) => (NEAR, 0),
                (true, 2) => (0, NEAR),
                (true, _) => (NEAR_BEFORE, NEAR),
            };
            let gap = |c: i32| {
                span(c).map(|(s, e)| {
                    (s.to_days() - a.to_days())
                        .max(a.to_days() - e.to_days())
                        .max(0)
                })
            };
            let mut best = (y, gap(y));
            for (c, window) in [(y - 1, before), (y + 1, after)] {
                if let Some(g) = gap(c).filter(|&g| g <= window) {
                    if best.1.is_none_or(|b| g < b) {
                        best = (c, Some(g));
                    }
                }
            }
            best.0
        }
    }
}

/// A weekday written with a date without its year (`samedi 5 avril`) settles the year when
/// the day of the year `near_year` chose falls on another weekday and the year before or after
/// has it, within eight months of the anchor and on the side the tense (`dir`) allows: a
/// programme written in November for `samedi 5 avril` is next April's. A wrong weekday on a
/// day near the anchor is more likely a slip of the pen: its other years are too far.
fn weekday_year(y: i32, a: Date, dir: i8, wd: u8, day: impl Fn(i32) -> Option<Date>) -> i32 {
    if day(y).is_none_or(|d| d.weekday() == wd) {
        return y;
    }
    [y - 1, y + 1]
        .into_iter()
        .find(|&c| {
            day(c).is_some_and(|d| {
                let gap = d.to_days() - a.to_days();
                d.weekday() == wd
                    && gap.abs() <= WEEKDAY_REACH
                    && (dir >= 0 || gap < 0)
                    && (dir <= 0 || gap > 0)
            })
        })
        .unwrap_or(y)
}

/// Days from the anchor within which a written weekday may move a date to the next or last
/// year (see `weekday_year`).
const WEEKDAY_REACH: i64 = 243;

fn dmy(d: Dmy) -> Option<Date> {
    Date::new(d.y?, d.m?, d.d)
}

fn is_consecutive(days: &[u8]) -> bool {
    days.windows(2).all(|w| w[1] == w[0] + 1)
}

fn days_value(y: i32, m: u8, days: &[u8]) -> Option<Value> {
    let dates: Option<Vec<Date>> = days.iter().map(|&d| Date::new(y, m, d)).collect();
    let dates = dates?;
    let (first, last) = (*dates.first()?, *dates.last()?);
    if dates.len() == 1 {
        return Some(Value::day(first));
    }
    let edtf = if is_consecutive(days) {
        format!("{first}/{last}")
    } else {
        let list: Vec<String> = dates.iter().map(Date::to_string).collect();
        format!("{{{}}}", list.join(","))
    };
    Some(Value::range(first, last, Precision::Day, edtf))
}

fn month_value(y: i32, m: u8) -> Value {
    Value::range(
        Date::first_of_month(y, m),
        Date::last_of_month(y, m),
        Precision::Month,
        format!("{y:04}-{m:02}"),
    )
}

fn year_value(y: i32) -> Value {
    Value::range(
        Date::first_of_month(y, 1),
        Date::last_of_month(y, 12),
        Precision::Year,
        format!("{y:04}"),
    )
}

fn part_value(y: i32, part: Part) -> Value {
    let (months, first_month) = part.months();
    let (code, precision) = match part {
        Part::Quarter(n) => (32 + n, Precision::Quarter),
        Part::Quadrimester(n) => (36 + n, Precision::Quarter),
        Part::Semester(n) => (39 + n, Precision::Semester),
        Part::Season(code) => (code, Precision::Season),
    };
    let start = Date::first_of_month(y, first_month);
    let (ey, em) = start.add_months(i64::from(months) - 1);
    Value::range(
        start,
        Date::last_of_month(ey, em),
        precision,
        format!("{y:04}-{code:02}"),
    )
}

/// The weekday `wd` nearest to the anchor (dir 0, the past on a tie), strictly before (-1) or
/// strictly after (+1), on or before (-2, past tense), on or after (+2, future tense).
fn weekday_near(a: Date, wd: u8, dir: i8) -> Date {
    let cur = i64::from(a.weekday());
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    match dir {
        // Said in the past tense: that day this week, or the last one.
        -2 => a.add_days(-back),
        // Said in the future tense: that day this week, or the next one.
        2 => a.add_days(fwd),
        d if d < 0 => a.add_days(-(if back == 0 { 7 } else { back })),
        d if d > 0 => a.add_days(if fwd == 0 { 7 } else { fwd }),
        _ => {
            if fwd < back {
                a.add_days(fwd)
            } else {
                a.add_days(-back)
            }
        }
    }
}

/// The `n`th weekday `wd` of the month (`unit` 0), or its `n`th week, half or weekend.
fn nth_value(y: i32, month: u8, unit: u8, wd: u8, n: u8) -> Option<Value> {
    if unit == 0 {
        nth_weekday(y, month, wd, n).map(Value::day)
    } else {
        nth_part(y, month, unit, n).map(|(s, e)| Value::days(s, e))
    }
}

/// The first and last day of the `n`th (99: the last) whole week (`W`), half (`Q`) or weekend
/// (`E`) inside the month.
fn nth_part(y: i32, m: u8, unit: u8, n: u8) -> Option<(Date, Date)> {
    let (first, last) = (Date::first_of_month(y, m), Date::last_of_month(y, m));
    if unit == b'Q' {
        let mid = Date::new(y, m, 15)?;
        return Some(if n == 1 {
            (first, mid)
        } else {
            (mid.add_days(1), last)
        });
    }
    // A week starts on Monday, a weekend on Saturday.
    let (starts, len) = if unit == b'W' { (1, 6) } else { (6, 1) };
    if n == 99 {
        let s = weekday_near(last.add_days(-len), starts, -2);
        return Some((s, s.add_days(len)));
    }
    let s = weekday_near(first, starts, 2).add_days(7 * (i64::from(n) - 1));
    let e = s.add_days(len);
    (e <= last).then_some((s, e))
}

/// The `n`th `wd` (1 = Monday; 0: any day) of the month, 99 the last.
fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> Option<Date> {
    if wd == 0 {
        return if n == 99 {
            Some(Date::last_of_month(y, m))
        } else {
            Date::new(y, m, n)
        };
    }
    if n == 99 {
        return Some(weekday_near(Date::last_of_month(y, m), wd, -2));
    }
    let first = weekday_near(Date::first_of_month(y, m), wd, 2);
    let d = first.add_days(7 * (i64::from(n) - 1));
    (d.month == m).then_some(d)
}

fn feast_day(y: i32, feast: Feast) -> Option<Date> {
    match feast {
        Feast::Fixed { m, d } => Date::new(y, m, d),
        Feast::Easter(n) => easter(y).map(|e| e.add_days(n)),
    }
}

/// Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, month as u8, day as u8)
}

/// The date nearest `a` (the later one on a tie) whose day of the month is `d` and weekday
/// `wd`, within a year either side (every such pair recurs within 14 months).
fn weekday_day(a: Date, wd: u8, d: u8) -> Option<Date> {
    (-12..=12)
        .filter_map(|n| {
            let (y, m) = a.add_months(n);
            Date::new(y, m, d).filter(|x| x.weekday() == wd)
        })
        .min_by_key(|x| {
            let gap = x.to_days() - a.to_days();
            (gap.abs(), gap < 0)
        })
}

/// Day `d` of the anchor's month or of the month before or after: the nearest to the anchor
/// (dir 0, the past on a tie), on or after it (dir > 0), on or before it (dir < 0).
fn day_near(a: Date, d: u8, dir: i8) -> Option<Date> {
    (-1..=1)
        .filter_map(|n| {
            let (y, m) = a.add_months(n);
            Date::new(y, m, d)
        })
        .filter(|x| match dir {
            d if d > 0 => *x >= a,
            d if d < 0 => *x <= a,
            _ => true,
        })
        .min_by_key(|x| {
            let gap = x.to_days() - a.to_days();
            (gap.abs(), gap > 0)
        })
}

/// `n` units after (or before) a date mentioned before, counted from its last day (or its
/// first): an offset (`deux jours plus tard`) or that unit's period (`le mois suivant`). Days
/// and weeks count from the latest date of one day, months from the latest of one day or
/// month, years from the latest date.
fn after(
    before: &[Option<(Date, Date)>; 3],
    anchor: Option<Date>,
    unit: u8,
    n: i64,
    period_of: bool,
) -> Option<Value> {
    // With no date told before it, the document's own date is the one it counts from.
    let (first, last) = match unit {
        b'D' | b'W' => before[0],
        b'M' => before[1],
        _ => before[2],
    }
    .or_else(|| anchor.map(|a| (a, a)))?;
    let base = if n > 0 { last } else { first };
    Some(period(base, unit, n, !period_of))
}

fn period(a: Date, unit: u8, n: i64, offset: bool) -> Value {
    match unit {
        b'D' => Value::day(a.add_days(n)),
        b'W' if offset => Value::day(a.add_days(7 * n)),
        b'W' => {
            let monday = a.add_days(1 - i64::from(a.weekday()) + 7 * n);
            let sunday = monday.add_days(6);
            Value::days(monday, sunday)
        }
        b'M' => {
            let (y, m) = a.add_months(n);
            month_value(y, m)
        }
        // "jour pour jour": the anchor's day `n` months or years away (the month's last day
        // when it has no such day).
        b'm' | b'y' => {
            let (y, m) = a.add_months(if unit == b'y' { 12 * n } else { n });
            let d = a.day.min(crate::civil::days_in_month(y, m));
            Value::day(Date::new(y, m, d).unwrap_or(a))
        }
        // A quarter (`T`) or a half-year (`S`): the anchor's, shifted by `n`.
        b'T' | b'S' => {
            let len: i64 = if unit == b'T' { 3 } else { 6 };
            let index = (i64::from(a.year) * 12 + i64::from(a.month) - 1) / len + n;
            let y = index.div_euclid(12 / len) as i32;
            let k = (index.rem_euclid(12 / len) + 1) as u8;
            let part = if unit == b'T' {
                Part::Quarter(k)
            } else {
                Part::Semester(k)
            };
            part_value(y, part)
        }
        b'E' => {
            // Saturday and Sunday: of the anchor's week (Monday to Sunday); the next to start
            // after the anchor; the last to end before it.
            let saturday = match n {
                0 => a.add_days(6 - i64::from(a.weekday())),
                n if n > 0 => weekday_near(a, 6, 1),
                _ => weekday_near(a, 7, -1).add_days(-1),
            };
            let sunday = saturday.add_days(1);
            Value::days(saturday, sunday)
        }
        _ => year_value(a.year + n as i32),
    }
}

/// The `n` whole periods after the anchor's (before it when `n` < 0), the anchor's excluded.
/// Monday to Sunday of ISO 8601 week `n` of year `y` (week 1 holds 4 January); `None` for a
/// week 53 the year does not have.
fn iso_week(y: i32, n: u8) -> Option<Value> {
    let jan4 = Date::new(y, 1, 4)?;
    let monday = jan4.add_days(1 - i64::from(jan4.weekday()) + 7 * (i64::from(n) - 1));
    let next_jan4 = Date::new(y + 1, 1, 4)?;
    let next_week1 = next_jan4.add_days(1 - i64::from(next_jan4.weekday()));
    (monday < next_week1).then(|| Value::days(monday, monday.add_days(6)))
}

fn periods(a: Date, unit: u8, n: i64) -> Value {
    // "les 48 prochaines heures": the anchor's day and the days the hours reach.
    if unit == b'H' {
        let days = (n.abs() + 23) / 24;
        return if n > 0 {
            Value::days(a, a.add_days(days))
        } else {
            Value::days(a.add_days(-days), a)
        };
    }
    let (lo, hi) = if n > 0 { (1, n) } else { (n, -1) };
    let (first, last) = (period(a, unit, lo, false), period(a, unit, hi, false));
    let precision = match unit {
        b'M' => Precision::Month,
        b'Y' => Precision::Years,
        _ => return Value::days(first.start, last.end),
    };
    let edtf = format!("{}/{}", first.edtf, last.edtf);
    Value::range(first.start, last.end, precision, edtf)
}

impl Value {
    pub(crate) fn day(d: Date) -> Value {
        Value::range(d, d, Precision::Day, d.to_string())
    }

    /// The days from `start` to `end`, as an EDTF interval.
    pub(crate) fn days(start: Date, end: Date) -> Value {
        Value::range(start, end, Precision::Day, format!("{start}/{end}"))
    }

    pub(crate) fn range(start: Date, end: Date, precision: Precision, edtf: String) -> Value {
        Value {
            edtf,
            start,
            end,
            precision,
            time_start: None,
            time_end: None,
        }
    }
}
