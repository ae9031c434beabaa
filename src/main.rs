//! The `newslens` command: reads files or JSON Lines, writes the core's analysis as JSON.
//! It only converts: every decision about the text is the core's.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use newslens::json::Style;
use newslens::{annotate_in, Analysis, OffsetUnit};
use serde::Serialize;

const HELP: &str = "\
newslens — who is quoted in a news article, what they said, and how the story is told

USAGE:
    newslens annotate [OPTIONS] [FILE ...]    annotate articles (no FILE or '-': standard input)
    newslens annotate --jsonl [OPTIONS]       annotate JSON Lines from standard input
    newslens profile FILE                     print who is quoted and how, as a table ('-': stdin)
    newslens compare [OPTIONS] FILE ...       compare several outlets' articles on one story
    newslens --help | --version

OUTPUT:
    One JSON object per article (the format is docs/FORMAT.md). With one FILE it is pretty-printed;
    with several, each is one line with \"id\" set to the file's path.
    --jsonl reads lines like {\"id\": \"a1\", \"text\": \"...\"} and writes one line per input line,
    in order: {\"id\": \"a1\", ...analysis}. A line that cannot be read answers
    {\"id\": ..., \"line\": N, \"error\": \"...\"}; the rest go on, and the exit status is 1.
    compare prints one pretty JSON object: articles (id = the file's path, title = its first
    non-blank line), quote_clusters (the same quotation across articles, with word-level
    variants), speakers, entities, numbers (with conflicting values) and duplicate_paragraphs.

OPTIONS:
    --offsets UNIT    how spans are counted: utf16 (default; JavaScript), chars (code points;
                      Python), bytes (UTF-8; Rust)
    --lossy           replace invalid UTF-8 with U+FFFD instead of refusing the file
    --explain         after the JSON, print on standard error which rule found and attributed
                      each quote, in plain words
    -h, --help        this text
    -V, --version     the version

EXIT STATUS:
    0 all went well; 1 some --jsonl lines had errors; 2 a file could not be read or the
    command line is wrong.

EXAMPLES:
    newslens annotate article.txt
    newslens annotate --offsets chars a.txt b.txt > out.jsonl
    newslens compare seeds/*.txt
    cat corpus.jsonl | newslens annotate --jsonl > annotated.jsonl
";

struct Options {
    files: Vec<String>,
    jsonl: bool,
    unit: OffsetUnit,
    lossy: bool,
    explain: bool,
}

enum Command {
    Annotate(Options),
    Profile(String),
    Compare(Options),
    Help,
    Version,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut rest = args.iter();
    let command = match rest.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("annotate") => "annotate",
        Some("profile") => {
            return match (rest.next(), rest.next()) {
                (Some(file), None) if file != "-h" && file != "--help" => {
                    Ok(Command::Profile(file.clone()))
                }
                (Some(_), None) => Ok(Command::Help),
                _ => Err("profile needs exactly one FILE ('-' for standard input)".to_string()),
            };
        }
        Some("compare") => "compare",
        Some(other) => return Err(format!("unknown command {other:?} (try 'newslens --help')")),
    };
    let mut options = Options {
        files: Vec::new(),
        jsonl: false,
        unit: OffsetUnit::Utf16,
        lossy: false,
        explain: false,
    };
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--jsonl" => options.jsonl = true,
            "--lossy" => options.lossy = true,
            "--explain" => options.explain = true,
            "--offsets" => {
                let unit = rest
                    .next()
                    .ok_or("--offsets needs a unit: utf16, chars or bytes")?;
                options.unit = unit.parse().map_err(|e| format!("{e}"))?;
            }
            other if other.starts_with("--offsets=") => {
                options.unit = other["--offsets=".len()..]
                    .parse()
                    .map_err(|e| format!("{e}"))?;
            }
            other if other.starts_with('-') && other != "-" => {
                return Err(format!("unknown option {other:?} (try 'newslens --help')"));
            }
            file => options.files.push(file.to_string()),
        }
    }
    if command == "compare" {
        if options.jsonl || options.explain {
            return Err("compare takes FILEs; --jsonl and --explain are for annotate".to_string());
        }
        if options.files.is_empty() {
            return Err("compare needs at least one FILE (try 'newslens --help')".to_string());
        }
        return Ok(Command::Compare(options));
    }
    if options.jsonl && !options.files.is_empty() {
        return Err("--jsonl reads standard input; give no FILE with it".to_string());
    }
    Ok(Command::Annotate(options))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("newslens {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Annotate(options)) if options.jsonl => run_jsonl(&options),
        Ok(Command::Annotate(options)) => run_files(&options),
        Ok(Command::Profile(path)) => match read_text(&path, false) {
            Ok(text) => {
                print!(
                    "{}",
                    newslens::profile::render_table(&newslens::annotate(&text).profile)
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("newslens: {message}");
                ExitCode::from(2)
            }
        },
        Ok(Command::Compare(options)) => run_compare(&options),
        Err(message) => {
            eprintln!("newslens: {message}");
            ExitCode::from(2)
        }
    }
}

#[derive(Serialize)]
struct WithId<'a, T: Serialize> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a T,
}

/// Reads a file (or stdin for `-`) as UTF-8, naming the first bad byte when it is not.
fn read_text(path: &str, lossy: bool) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    let name = if path == "-" { "standard input" } else { path };
    read.map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?;
    if bytes.len() > newslens::text::MAX_TEXT_LEN {
        return Err(format!(
            "{name} is {} bytes; NewsLens annotates texts up to 4 GiB: split it into articles \
             (one per file, or one per line with --jsonl)",
            bytes.len()
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "{name} is not valid UTF-8 (first bad byte at offset {}); use --lossy to replace bad bytes",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn run_files(options: &Options) -> ExitCode {
    let files = if options.files.is_empty() {
        vec!["-".to_string()]
    } else {
        options.files.clone()
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut status = ExitCode::SUCCESS;
    for path in &files {
        let text = match read_text(path, options.lossy) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("newslens: {message}");
                status = ExitCode::from(2);
                continue;
            }
        };
        let analysis = annotate_in(&text, options.unit);
        let written = if files.len() == 1 {
            write_pretty(&mut out, &analysis)
        } else {
            let id = serde_json::Value::String(path.clone());
            let with_id = WithId {
                id: &id,
                analysis: &analysis,
            };
            let line = newslens::json::to_vec(&with_id, Style::Compact).expect("plain data");
            out.write_all(&line)
        };
        if written.is_err() || writeln!(out).is_err() {
            return ExitCode::from(2);
        }
        if options.explain {
            explain(path, &analysis);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    status
}

fn run_compare(options: &Options) -> ExitCode {
    let mut texts = Vec::new();
    for path in &options.files {
        match read_text(path, options.lossy) {
            Ok(text) => texts.push(text),
            Err(message) => {
                eprintln!("newslens: {message}");
                return ExitCode::from(2);
            }
        }
    }
    let articles: Vec<(&str, &str)> = options
        .files
        .iter()
        .map(String::as_str)
        .zip(texts.iter().map(String::as_str))
        .collect();
    let comparison = newslens::compare::compare_named_in(&articles, options.unit);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = write_pretty(&mut out, &comparison);
    if written.is_err() || writeln!(out).is_err() || out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// `value` as pretty JSON (two spaces a level, as serde_json's), to `out` in pieces: a 10 MB
/// text's is some 80 MB.
fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut written = Ok(());
    newslens::json::to_pieces(value, Style::Pretty, 256 << 10, |piece| {
        if written.is_ok() {
            written = out.write_all(piece);
        }
    })
    .map_err(io::Error::other)?;
    written
}

#[derive(serde::Deserialize)]
struct InputLine {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct LineError<'a> {
    id: Option<&'a serde_json::Value>,
    line: usize,
    error: String,
}

/// Answers one input line: the analysis, or the reason it could not be read.
fn answer_line(number: usize, line: &str, unit: OffsetUnit) -> Result<Vec<u8>, Vec<u8>> {
    let fail = |id: Option<&serde_json::Value>, error: String| {
        Err(newslens::json::to_vec(
            &LineError {
                id,
                line: number,
                error,
            },
            Style::Compact,
        )
        .expect("plain data"))
    };
    let input: InputLine = match serde_json::from_str(line) {
        Ok(input) => input,
        Err(e) => return fail(None, format!("not a JSON object: {e}")),
    };
    let id = input.id.unwrap_or(serde_json::Value::Null);
    let text = match input.text {
        Some(serde_json::Value::String(text)) => text,
        Some(_) => return fail(Some(&id), "\"text\" must be a string".to_string()),
        None => return fail(Some(&id), "missing \"text\"".to_string()),
    };
    let analysis: Analysis = annotate_in(&text, unit);
    Ok(newslens::json::to_vec(
        &WithId {
            id: &id,
            analysis: &analysis,
        },
        Style::Compact,
    )
    .expect("plain data"))
}

/// Lines read before a chunk is annotated: enough to keep every core busy, few enough to bound
/// memory (a chunk also stops at [`CHUNK_BYTES`]).
const CHUNK_LINES: usize = 256;
const CHUNK_BYTES: usize = 16 << 20;

/// Answers one raw input line: `None` for a blank line (no answer), else the answer line, with
/// its line break, and whether it is an error.
fn answer_raw(number: usize, raw: &[u8], options: &Options) -> Option<(Vec<u8>, bool)> {
    let line = match std::str::from_utf8(raw) {
        Ok(line) => std::borrow::Cow::Borrowed(line),
        Err(_) if options.lossy => String::from_utf8_lossy(raw),
        Err(e) => {
            let error = format!(
                "line is not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to()
            );
            let answer = LineError {
                id: None,
                line: number,
                error,
            };
            let answer = newslens::json::to_vec(&answer, Style::Compact).expect("plain data");
            return Some(with_line_break(answer, true));
        }
    };
    if line.trim().is_empty() {
        return None;
    }
    Some(
        match answer_line(number, line.trim_end_matches(['\n', '\r']), options.unit) {
            Ok(answer) => with_line_break(answer, false),
            Err(error) => with_line_break(error, true),
        },
    )
}

/// An answer line ended by its line break, and whether it is an error.
fn with_line_break(mut line: Vec<u8>, error: bool) -> (Vec<u8>, bool) {
    line.push(b'\n');
    (line, error)
}

/// Numbered lines read together, and annotated together once read.
type Chunk = Vec<(usize, Vec<u8>)>;

/// Each answer of a chunk: `None` for a blank line, else the line and whether it is an error.
type Answers = Vec<Option<(Vec<u8>, bool)>>;

/// Reads standard input in chunks of lines on one thread, annotates each chunk's lines in
/// parallel (rayon, every core) and writes their answers in input order on another: reading
/// and writing overlap the annotating, where each in turn left every core but one idle.
fn run_jsonl(options: &Options) -> ExitCode {
    use rayon::prelude::*;
    use std::sync::mpsc::sync_channel;

    // One chunk waiting on each side bounds the memory, and is enough to keep the cores fed.
    let (send_chunk, chunks) = sync_channel::<io::Result<Chunk>>(1);
    let (send_answers, answers) = sync_channel::<Answers>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || read_chunks(send_chunk));
        let writer = scope.spawn(move || write_answers(answers));
        let mut read_failed = false;
        for chunk in chunks {
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(e) => {
                    eprintln!("newslens: cannot read standard input: {}", io_reason(&e));
                    read_failed = true;
                    break;
                }
            };
            let answered: Answers = chunk
                .par_iter()
                .map(|(number, raw)| answer_raw(*number, raw, options))
                .collect();
            // The writer stops early only when it cannot write.
            if send_answers.send(answered).is_err() {
                break;
            }
        }
        drop(send_answers);
        let written = writer.join().expect("the writer does not panic");
        match written {
            _ if read_failed => ExitCode::from(2),
            Err(_) => ExitCode::from(2),
            Ok(true) => ExitCode::from(1),
            Ok(false) => ExitCode::SUCCESS,
        }
    })
}

/// Sends standard input's lines, numbered from 1, in chunks of [`CHUNK_LINES`] lines or
/// [`CHUNK_BYTES`] bytes, until it ends, it fails, or nobody takes them.
fn read_chunks(send: std::sync::mpsc::SyncSender<io::Result<Chunk>>) {
    let stdin = io::stdin();
    let mut reader = stdin.lock();
    let mut number = 0;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_LINES);
        let mut bytes = 0;
        let mut at_end = false;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut raw = Vec::new();
            match reader.read_until(b'\n', &mut raw) {
                Ok(0) => {
                    at_end = true;
                    break;
                }
                Ok(n) => bytes += n,
                Err(e) => {
                    let _ = send.send(Err(e));
                    return;
                }
            }
            number += 1;
            chunk.push((number, raw));
        }
        if !chunk.is_empty() && send.send(Ok(chunk)).is_err() || at_end {
            return;
        }
    }
}

/// Writes each chunk's answers to standard output as they come; whether any was an error.
fn write_answers(answers: std::sync::mpsc::Receiver<Answers>) -> io::Result<bool> {
    // Each answer ends with its line break, so standard output (line-buffered: it searches
    // each write back for its last line break) finds it at once and writes the line through
    // without copying it into its buffer.
    let mut out = io::stdout().lock();
    let mut failed = false;
    for (answer, error) in answers.into_iter().flatten().flatten() {
        failed |= error;
        out.write_all(&answer)?;
    }
    out.flush()?;
    Ok(failed)
}

/// Prints, for each quote, the rules that found and attributed it.
fn explain(path: &str, analysis: &Analysis) {
    eprintln!("{path}: {} quotes", analysis.quotes.len());
    for quote in &analysis.quotes {
        let speaker = quote
            .speaker
            .as_ref()
            .map_or("no speaker".to_string(), |s| {
                format!("speaker {:?}", s.name)
            });
        eprintln!(
            "  {} {:?} {:?}: found by {}; {}{}",
            quote.id,
            quote.kind,
            shorten(&quote.span.text, 60),
            newslens::rules::describe(&quote.rule),
            speaker,
            quote
                .attribution_rule
                .as_deref()
                .map_or(String::new(), |r| format!(
                    " by {}",
                    newslens::rules::describe(r)
                )),
        );
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`write_pretty`] writes what serde_json's pretty printer does, through its pieces: for
    /// every seed's analysis and the comparison of the seeds (`newslens::json`'s tests cover
    /// every other shape of value).
    #[test]
    fn pretty_is_serde_jsons_pretty() {
        let seeds: Vec<(String, String)> = std::fs::read_dir("seeds")
            .expect("seeds/")
            .map(|entry| entry.expect("a seed").path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .map(|path| {
                let text = std::fs::read_to_string(&path).expect("a seed");
                (path.display().to_string(), text)
            })
            .collect();
        assert!(seeds.len() >= 5);
        for (path, text) in &seeds {
            let analysis = newslens::annotate(text);
            let mut ours = Vec::new();
            write_pretty(&mut ours, &analysis).expect("written");
            let theirs = serde_json::to_string_pretty(&analysis).expect("written");
            assert_eq!(String::from_utf8(ours).expect("UTF-8"), theirs, "{path}");
        }
        let mut values: Vec<serde_json::Value> = seeds
            .iter()
            .map(|(_, text)| serde_json::to_value(newslens::annotate(text)).expect("plain data"))
            .collect();
        let named: Vec<(&str, &str)> = seeds
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        values.push(serde_json::to_value(newslens::compare::compare_named(&named)).expect("data"));
        for value in &values {
            let mut ours = Vec::new();
            write_pretty(&mut ours, value).expect("written");
            let theirs = serde_json::to_string_pretty(value).expect("written");
            assert_eq!(String::from_utf8(ours).expect("UTF-8"), theirs);
        }
    }
}
