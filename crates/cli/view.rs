//! `liasse inspect` and `liasse report`: glue between the pipeline, `liasse-view` and the
//! terminal or the file system.

use std::io::{IsTerminal, Write};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{anyhow, Context};

use crate::args::{InspectArgs, ReportArgs};
use crate::write;

pub fn inspect(a: &InspectArgs) -> anyhow::Result<ExitCode> {
    let encoding = crate::ingest::forced_encoding(a.encoding.as_deref())?;
    let shown = a.file.display().to_string();
    let bytes = match std::fs::read(&a.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("liasse: {shown}: cannot read: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let options = liasse_extract::Options {
        source: liasse_source::Options {
            encoding,
            file_name: None,
        },
        time_limit: None,
    };
    let result =
        std::panic::catch_unwind(|| liasse_extract::process_with_text(&shown, &bytes, &options));
    let (output, text) = match result {
        Ok(Ok(o)) => o,
        Ok(Err(e)) => {
            eprintln!("liasse: {shown}: {e}");
            return Ok(ExitCode::from(1));
        }
        Err(_) => {
            eprintln!("liasse: {shown}: internal error while extracting (a bug: please report it with this file)");
            return Ok(ExitCode::from(1));
        }
    };
    let json: serde_json::Value =
        serde_json::from_str(&output.to_json()).context("the output is not JSON (a bug)")?;
    let interactive = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match a.color.as_str() {
        "always" => true,
        "never" => false,
        _ => interactive && !no_color && std::env::var("TERM").map_or(true, |t| t != "dumb"),
    };
    let rendered = liasse_view::terminal::render(
        &json,
        Some(&text),
        &liasse_view::terminal::Options {
            color,
            only: a.only.clone(),
        },
    );
    if interactive && !a.no_pager && page(&rendered) {
        return Ok(ExitCode::SUCCESS);
    }
    write::stdout(&rendered)?;
    Ok(ExitCode::SUCCESS)
}

/// Show `text` through the user's pager; false when there is none to run.
fn page(text: &str) -> bool {
    let pager = std::env::var("PAGER").unwrap_or_default();
    let pager = pager.trim();
    if pager == "cat" {
        return false;
    }
    let mut cmd = if pager.is_empty() {
        let mut c = Command::new("less");
        c.arg("-FRX");
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c").arg(pager);
        c
    };
    let Ok(mut child) = cmd.stdin(Stdio::piped()).spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit early: a closed pipe is not an error.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
}

pub fn report(a: &ReportArgs) -> anyhow::Result<ExitCode> {
    let options = liasse_view::report::Options {
        source_roots: a.source_root.clone(),
    };
    let pages = liasse_view::report::build(&a.dir, &options).map_err(|e| anyhow!("{e}"))?;
    let docs_dir = a.out.join("docs");
    std::fs::create_dir_all(&docs_dir)
        .with_context(|| format!("cannot create the report directory {}", docs_dir.display()))?;
    for p in &pages {
        write::atomic(&a.out.join(&p.path), p.html.as_bytes())?;
    }
    // Pages of documents no longer in the output are removed, so every page is current.
    let current: std::collections::HashSet<String> = pages
        .iter()
        .filter_map(|p| p.path.strip_prefix("docs/").map(str::to_owned))
        .collect();
    if let Ok(entries) = std::fs::read_dir(&docs_dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".html") && !current.contains(&name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    if !a.quiet {
        eprintln!(
            "liasse: report of {} document(s) in {}",
            current.len(),
            a.out.join("index.html").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
