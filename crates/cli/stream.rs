//! `liasse ingest --stdin` and `--stdin-json`: documents in on stdin, records out on stdout as
//! JSON Lines, the shape Hadoop Streaming, Spark's `RDD.pipe`, GNU parallel or a job array
//! expect. Nothing is written to disk.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use base64::Engine;
use liasse_records as rec;

use crate::ingest::{process_one, Ctx, Input};

pub fn run(json: bool, ctx: &Ctx, pool: &rayon::ThreadPool) -> anyhow::Result<ExitCode> {
    // Stdin is read on its own thread, so workers take documents as they arrive.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Input>(64);
    let reader = std::thread::spawn(move || {
        let stdin = std::io::stdin();
        for (n, line) in stdin.lock().lines().enumerate() {
            let input = match line {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) if json => parse_json_line(&line, n + 1),
                Ok(line) => Input {
                    path: PathBuf::from(line.trim_end_matches('\r')),
                    shown: line.trim_end_matches('\r').to_owned(),
                    name: String::new(),
                    walk_error: None,
                    content: None,
                },
                Err(e) => bad(
                    format!("stdin line {}", n + 1),
                    format!("cannot read stdin: {e}"),
                ),
            };
            if tx.send(input).is_err() {
                break;
            }
        }
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut closed = false;
    let mut failed = 0usize;
    let mut write_error = None;
    crate::batch::run(
        pool,
        rx.into_iter(),
        |input| process_one(&input, ctx),
        |o| {
            if o.skipped {
                return;
            }
            let mut text = o.jsonl;
            if let Some(e) = &o.entry.error {
                failed += 1;
                eprintln!("liasse: {}: {e}", o.entry.path);
                text = rec::error_line(o.entry.id.as_deref(), &o.entry.path, e).into_bytes();
            }
            if closed {
                return;
            }
            if let Err(e) = out.write_all(&text) {
                // A reader that went away (| head) ends the output, not in an error.
                closed = true;
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    write_error = Some(e);
                }
            }
        },
    );
    let _ = reader.join();
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            write_error.get_or_insert(e);
        }
    }
    if let Some(e) = write_error {
        eprintln!("liasse: error: cannot write to stdout: {e}");
        return Ok(ExitCode::from(1));
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// An input that failed before it could be read.
fn bad(shown: String, error: String) -> Input {
    Input {
        path: PathBuf::new(),
        shown,
        name: String::new(),
        walk_error: Some(error),
        content: None,
    }
}

/// `{"path": ..., "content_base64": ...}`; anything else is a failed input named by its line.
fn parse_json_line(line: &str, n: usize) -> Input {
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return bad(format!("stdin line {n}"), format!("not a JSON object: {e}")),
    };
    let path = value
        .get("path")
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned);
    let shown = path.clone().unwrap_or_else(|| format!("stdin line {n}"));
    let Some(content) = value
        .get("content_base64")
        .and_then(serde_json::Value::as_str)
    else {
        return bad(shown, "no \"content_base64\" string".into());
    };
    match base64::engine::general_purpose::STANDARD.decode(content.trim()) {
        Ok(bytes) => Input {
            path: PathBuf::from(path.unwrap_or_default()),
            shown,
            name: String::new(),
            walk_error: None,
            content: Some(bytes),
        },
        Err(e) => bad(shown, format!("\"content_base64\" is not base64: {e}")),
    }
}
