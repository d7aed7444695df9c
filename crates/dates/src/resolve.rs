//! Expressions → values: calendar ranges, EDTF strings, resolved against an anchor.

use crate::civil::Date;
use crate::grammar::{Dmy, Expr, Feast, Parsed, Part};
use crate::{Kind, Mention, Precision, Value};

/// Resolve parsed expressions in text order. `last` tracks the latest day-precision date, for
/// `la veille`, `le lendemain` and times given without a date.
pub(crate) fn resolve(parsed: Vec<Parsed>, anchor: Option<Date>) -> Vec<Mention> {
    let mut out = Vec::with_capacity(parsed.len());
    let mut last: Option<Date> = None;
    for p in parsed {
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
                let (y, rel) = year_or_anchor(y, anchor);
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
                let (by, rel) = year_or_anchor(b.y, anchor);
                m.relative = rel;
                if let Some(by) = by {
                    let b_date = dmy(Dmy { y: Some(by), ..b });
                    let a_year = a.y.unwrap_or(if a.m > b.m { by - 1 } else { by });
                    let a_date = dmy(Dmy {
                        y: Some(a_year),
                        ..a
                    });
                    if let (Some(s), Some(e)) = (a_date, b_date) {
                        if s <= e {
                            m.value = Some(Value::range(s, e, Precision::Day, format!("{s}/{e}")));
                        }
                    }
                }
            }
            Expr::Month { y, m: month } => {
                let (y, rel) = year_or_anchor(y, anchor);
                m.relative = rel;
                m.value = y.map(|y| month_value(y, month));
            }
            Expr::MonthRange { a, b } => {
                m.kind = Kind::Range;
                let (by, rel) = year_or_anchor(b.0, anchor);
                m.relative = rel;
                if let Some(by) = by {
                    let ay = a.0.unwrap_or(if a.1 > b.1 { by - 1 } else { by });
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
                let (y, rel) = year_or_anchor(y, anchor);
                m.relative = rel;
                m.value = y.map(|y| part_value(y, part));
            }
            Expr::RelDay(n) => {
                m.relative = true;
                m.value = anchor.map(|a| Value::day(a.add_days(n)));
            }
            Expr::RelWeekday { wd, dir } => {
                m.relative = true;
                m.value = anchor.map(|a| Value::day(weekday_near(a, wd, dir)));
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
            Expr::Chained(n) => {
                m.relative = true;
                m.value = last.map(|d| Value::day(d.add_days(n)));
            }
            Expr::Shifted { base, n } => {
                let (y, rel) = year_or_anchor(base.y, anchor);
                m.relative = rel;
                m.value = dmy(Dmy { y, ..base }).map(|d| Value::day(d.add_days(n)));
            }
            Expr::Feast { y, feast, wd } => {
                let (y, rel) = year_or_anchor(y, anchor);
                m.relative = rel;
                m.value = y.and_then(|y| feast_day(y, feast)).map(|d| {
                    // "lundi de Pâques": that weekday on or after the feast.
                    let d = wd.map_or(d, |wd| weekday_near(d, wd, 2));
                    Value::day(d)
                });
            }
            Expr::NthWeekday { y, m: month, wd, n } => {
                let (y, rel) = year_or_anchor(y, anchor);
                m.relative = rel;
                m.value = y.and_then(|y| nth_weekday(y, month, wd, n)).map(Value::day);
            }
            Expr::WeekOf(d) => {
                m.kind = Kind::Range;
                let (y, rel) = year_or_anchor(d.y, anchor);
                m.relative = rel;
                // The week holding that day, as "cette semaine" is the anchor's.
                m.value = dmy(Dmy { y, ..d }).map(|d| period(d, b'W', 0, false));
            }
            Expr::WeekdayDay { wd, d } => {
                m.relative = true;
                m.value = anchor.and_then(|a| weekday_day(a, wd, d)).map(Value::day);
            }
            Expr::Time { a, b } => {
                m.kind = Kind::Time;
                m.time = Some((a, b));
                if let Some(d) = last.or(anchor) {
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
        if let Some(v) = &m.value {
            if v.precision == Precision::Day && m.kind != Kind::Time {
                last = Some(v.start);
            }
        }
        // An absolute date that does not exist ("31 novembre") is not a date.
        let invalid =
            matches!(m.kind, Kind::Date | Kind::Range) && m.value.is_none() && !m.relative;
        if !invalid {
            out.push(m);
        }
    }
    out
}

fn year_or_anchor(y: Option<i32>, anchor: Option<Date>) -> (Option<i32>, bool) {
    match y {
        Some(y) => (Some(y), false),
        None => (anchor.map(|a| a.year), true),
    }
}

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
    let (first_month, months, code, precision) = match part {
        Part::Quarter(n) => (3 * (n - 1) + 1, 3, 32 + n, Precision::Quarter),
        Part::Quadrimester(n) => (4 * (n - 1) + 1, 4, 36 + n, Precision::Quarter),
        Part::Semester(n) => (6 * (n - 1) + 1, 6, 39 + n, Precision::Semester),
        Part::Season(code) => {
            // Meteorological seasons of the northern hemisphere; winter runs into next year.
            let first = match code {
                21 => 3,
                22 => 6,
                23 => 9,
                _ => 12,
            };
            (first, 3, code, Precision::Season)
        }
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

/// The `n`th weekday `wd` of a month (99: the last), if the month has one.
fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> Option<Date> {
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

fn period(a: Date, unit: u8, n: i64, offset: bool) -> Value {
    match unit {
        b'D' => Value::day(a.add_days(n)),
        b'W' if offset => Value::day(a.add_days(7 * n)),
        b'W' => {
            let monday = a.add_days(1 - i64::from(a.weekday()) + 7 * n);
            let sunday = monday.add_days(6);
            Value::range(monday, sunday, Precision::Day, format!("{monday}/{sunday}"))
        }
        b'M' => {
            let (y, m) = a.add_months(n);
            month_value(y, m)
        }
        _ => year_value(a.year + n as i32),
    }
}

impl Value {
    pub(crate) fn day(d: Date) -> Value {
        Value::range(d, d, Precision::Day, d.to_string())
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
