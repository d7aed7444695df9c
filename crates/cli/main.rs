//! The `liasse` binary: arguments, the file walk, the parallel loop, writers and exit codes.
//! No parsing logic lives here; see the `liasse-*` crates.

mod args;
mod batch;
mod dates;
mod entities;
mod ingest;
mod stream;
mod view;
mod write;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A malformed PDF can make the PDF extractor panic: the panic is caught, the file read by
    // the fallback and the failure noted in its output. Say nothing of it on stderr, where it
    // would read as a crash; every other panic is reported as usual.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !liasse_source::in_guarded_extraction() {
            report(info);
        }
    }));
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        args::Command::Ingest(a) => ingest::run(&a),
        args::Command::Schema(a) => schema(&a),
        args::Command::Dates(a) => dates::run(&a),
        args::Command::Inspect(a) => view::inspect(&a),
        args::Command::Report(a) => view::report(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("liasse: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn schema(a: &args::SchemaArgs) -> anyhow::Result<ExitCode> {
    let value = if a.manifest {
        liasse_records::manifest_schema()
    } else if a.entities {
        liasse_records::entities_schema()
    } else {
        liasse_records::schema()
    };
    write::stdout(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    Ok(ExitCode::SUCCESS)
}
