//! Proleptic Gregorian calendar arithmetic: just what the grammar needs.

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl Time {
    pub fn new(hour: u32, minute: u32) -> Option<Time> {
        (hour <= 24 && minute < 60 && !(hour == 24 && minute > 0)).then_some(Time {
            hour: hour as u8,
            minute: minute as u8,
        })
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1..=9999).contains(&year))
        .then_some(Date { year, month, day })
    }

    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn first_of_month(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: 1,
        }
    }

    pub fn last_of_month(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            year: y as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The first day of the month `n` months away.
    pub fn add_months(self, n: i64) -> (i32, u8) {
        let idx = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for (y, m, d, wd) in [
            (1970, 1, 1, 4),
            (2024, 11, 30, 6),
            (2000, 2, 29, 2),
            (2013, 6, 7, 5),
            (1601, 1, 1, 1),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(Date::from_days(date.to_days()), date);
            assert_eq!(date.weekday(), wd, "{date}");
        }
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(
            Date::new(2024, 11, 30).unwrap().add_days(-1).to_string(),
            "2024-11-29"
        );
        assert_eq!(Date::new(2024, 11, 30).unwrap().add_months(2), (2025, 1));
    }
}
