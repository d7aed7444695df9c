//! `liasse dates`: temporal expressions of each stdin line, as JSON Lines.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::args::DatesArgs;

pub fn run(a: &DatesArgs) -> anyhow::Result<ExitCode> {
    let anchor = match &a.anchor {
        None => None,
        Some(s) => {
            let day = s.split('T').next().unwrap_or("");
            match liasse_dates::Date::parse(day) {
                Some(d) => Some(d),
                None => {
                    bail!("--anchor {s:?} is not a date; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
                }
            }
        }
    };
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line.context("reading stdin")?;
        let record = liasse_extract::dates_line(&line, anchor);
        let json = serde_json::to_string(&record)?;
        if writeln!(out, "{json}").is_err() {
            // A closed pipe (`| head`) is not an error.
            return Ok(ExitCode::SUCCESS);
        }
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}
