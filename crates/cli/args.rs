//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turn French institutional documents (agendas, declarations, annex tables, minutes,
/// announcements, news pages) into typed JSON records with provenance.
#[derive(Debug, Parser)]
#[command(name = "liasse", version, about, long_about = None, after_help = "\
Examples:
  liasse ingest seeds --out output       extract every document under seeds/
  liasse schema > liasse.schema.json     the JSON Schema of the output
  echo 'le 5 et 6 juillet 2022' | liasse dates
  liasse inspect seeds/004_9245d3997e6422a4.txt --only people
  liasse report output --out report")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from documents and write JSON.
    Ingest(IngestArgs),
    /// Print the JSON Schema of the per-document output (or of manifest.json, entities.json).
    Schema(SchemaArgs),
    /// Read lines on stdin and print the temporal expressions of each as JSON Lines.
    Dates(DatesArgs),
    /// Show one document in the terminal with every record's evidence marked.
    Inspect(InspectArgs),
    /// Write a static HTML report (index, timeline, documents, entities) of an output directory.
    Report(ReportArgs),
}

/// Run the pipeline on one document and show its source text with every extracted record's
/// evidence marked (a colour per record type on a terminal, a line of letters under each line
/// in a pipe), then a table of the records with their line:column.
///
/// Colours only on a terminal, never when NO_COLOR is set; long output goes through $PAGER
/// (default `less -FRX`) when interactive. Exit status as `ingest`: 0 done, 1 the document
/// could not be read, 2 usage error.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  liasse inspect seeds/000_c3907635f9e9b578.txt
  liasse inspect minutes.txt --only dates,events
  liasse inspect page.html --color never | less")]
pub struct InspectArgs {
    /// The document.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Show only these record types (comma-separated): document, dates, events, objectives,
    /// initiatives, partners, agencies, people, items, diagnostics.
    #[arg(long, value_name = "TYPES", value_delimiter = ',', value_parser = parse_record_type)]
    pub only: Vec<liasse_view::RecordType>,
    /// When to use colours.
    #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
    /// Never start a pager.
    #[arg(long)]
    pub no_pager: bool,
    /// Decode the file with this encoding instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
}

/// Write a static HTML site over an output directory of `liasse ingest`: an index of the
/// documents (sortable), a timeline of every dated event, one page per document with its
/// evidence highlighted and its records listed, a partners × objectives matrix for annex
/// tables, and an index of every partner, agency and person. No server, no network: open
/// index.html in a browser.
///
/// The source texts are looked up at the paths the output records (relative to the current
/// directory, to the output directory's parent, or to each --source-root) and used only when
/// their SHA-256 still matches; otherwise a document's evidence is quoted instead.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  liasse report output --out report && xdg-open report/index.html
  liasse report /data/out --out /data/report --source-root /data")]
pub struct ReportArgs {
    /// The output directory of `liasse ingest`.
    #[arg(value_name = "OUTPUT_DIR")]
    pub dir: PathBuf,
    /// Where to write the site (created if missing).
    #[arg(long, short, value_name = "DIR", default_value = "report")]
    pub out: PathBuf,
    /// A directory the source paths are relative to (repeatable).
    #[arg(long, value_name = "DIR")]
    pub source_root: Vec<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_record_type(s: &str) -> Result<liasse_view::RecordType, String> {
    liasse_view::RecordType::parse(s).ok_or_else(|| {
        format!("{s:?} is not a record type (document, dates, events, objectives, initiatives, partners, agencies, people, items, diagnostics)")
    })
}

/// Extract records from documents and write one JSON file per document, records.jsonl and
/// manifest.json into the output directory.
///
/// Files and directories are accepted; directories are walked recursively (hidden files are
/// skipped). A file that cannot be read or is not a document is reported on stderr and in the
/// manifest; the others are still written. Every file is written atomically.
///
/// Exit status: 0 when every input was processed, 1 when some failed, 2 on a usage error.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  liasse ingest seeds --out output
  liasse ingest a.txt b.html archive/ --out out --jobs 2
  liasse ingest old/ --out out --encoding windows-1252
  liasse ingest archive/ --out part2 --shard 2/8      (one of 8 machines)
  liasse ingest archive/ --out out --incremental     (only new or changed documents)
  find archive -name '*.txt' | liasse ingest --stdin > records.jsonl")]
pub struct IngestArgs {
    /// Files or directories to read.
    #[arg(value_name = "PATH", required_unless_present_any = ["stdin", "stdin_json"], conflicts_with_all = ["stdin", "stdin_json"])]
    pub paths: Vec<PathBuf>,
    /// Output directory (created if missing).
    #[arg(long, short, value_name = "DIR", required_unless_present_any = ["stdin", "stdin_json"], conflicts_with_all = ["stdin", "stdin_json"])]
    pub out: Option<PathBuf>,
    /// Process only the inputs that are new or changed since the last run into the same --out
    /// (by content hash, from its manifest.json); outputs of inputs that are gone are deleted.
    /// A different liasse or schema version processes everything again.
    #[arg(long)]
    pub incremental: bool,
    /// Read document paths on stdin, one per line, and write the records to stdout as JSON
    /// Lines (the records.jsonl format; a failed input gives a line of type "error").
    #[arg(long, conflicts_with = "stdin_json")]
    pub stdin: bool,
    /// Read documents on stdin as JSON Lines {"path": ..., "content_base64": ...} and write the
    /// records to stdout as JSON Lines.
    #[arg(long)]
    pub stdin_json: bool,
    /// Decode every input with this encoding instead of detecting it (a WHATWG label such as
    /// windows-1252, iso-8859-15, utf-16le).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Worker threads (default: one per core). The output does not depend on it.
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Skip (and report) any input larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Give up on (and report) a document whose extraction takes longer than this.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub max_seconds: u64,
    /// Process only shard K of N (1-based), chosen by content hash: N machines given the same
    /// inputs split them without talking to each other, and their records together are the
    /// records of one run.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  liasse schema > schema/liasse.schema.json\n  liasse schema --manifest"
)]
pub struct SchemaArgs {
    /// Print the schema of manifest.json instead.
    #[arg(long, conflicts_with = "entities")]
    pub manifest: bool,
    /// Print the schema of entities.json instead.
    #[arg(long)]
    pub entities: bool,
}

/// Find temporal expressions in each line of stdin; print one JSON object per line:
/// {"text": line, "mentions": [...]}.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  echo 'les 18 et 19 octobre 2012' | liasse dates
  echo 'ce vendredi' | liasse dates --anchor 2024-11-30")]
pub struct DatesArgs {
    /// Resolve relative expressions (ce vendredi, l'année prochaine…) against this date:
    /// YYYY-MM-DD, optionally followed by THH:MM. Without it they are reported unresolved.
    #[arg(long, value_name = "DATE")]
    pub anchor: Option<String>,
}

/// `K/N` with 1 ≤ K ≤ N.
fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("{s:?} is not K/N (e.g. 2/8)"))?;
    let k: u64 = k
        .trim()
        .parse()
        .map_err(|_| format!("{k:?} is not a number"))?;
    let n: u64 = n
        .trim()
        .parse()
        .map_err(|_| format!("{n:?} is not a number"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: K must be between 1 and N"));
    }
    Ok((k, n))
}
