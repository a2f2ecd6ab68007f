//! `press import --explain`: for each input, every field and where it came from — the line
//! and the words it was read from, or the option or setting that gave it — and whether the
//! import would take it. Nothing is written; the exit code is the import's.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Found, Organizations, Warning, extraction, to_statement};
use crate::Exit;
use crate::cli::{ImportArgs, SpeakerArg};
use crate::commands::{Io, new};
use crate::import::{Extracted, Origin};

/// Explains every input of `args` on stdout.
pub(super) fn run(
    args: &ImportArgs,
    speakers: &[SpeakerArg],
    date: Option<NaiveDate>,
    organizations: &Organizations,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let mut exit = Exit::Success;
    for file in &args.files {
        let name = if file.as_os_str() == "-" {
            "<stdin>".to_owned()
        } else {
            file.display().to_string()
        };
        let text = match new::read_text(file) {
            Ok(text) => text,
            Err(error) => {
                writeln!(io.err, "{name}: error: {error:#}")?;
                exit = Exit::Usage;
                continue;
            }
        };
        let Some(extracted) = extraction(file, &text, args) else {
            writeln!(
                io.out,
                "{name}: a statement file: its fields are its front matter's keys, nothing is extracted"
            )?;
            continue;
        };
        let mut warnings = Vec::new();
        let found = Found {
            extracted: extracted.clone(),
            published: None,
            source: None,
            topics: Vec::new(),
        };
        let outcome = to_statement(found, args, speakers, date, organizations, &mut warnings)
            .and_then(|statement| new::validated(&statement));
        write!(
            io.out,
            "{}",
            explain(&name, &extracted, args, speakers, date, organizations)
        )?;
        for Warning { line, message } in &warnings {
            let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
            writeln!(io.out, "  guessed{at}: {message}")?;
        }
        match outcome {
            Ok(_) => writeln!(io.out, "  result: would import")?,
            Err(reason) => {
                writeln!(io.out, "  result: refused: {reason:#}")?;
                if exit == Exit::Success {
                    exit = Exit::Problems;
                }
            }
        }
    }
    Ok(exit)
}

/// The explanation of one input: one entry per field, its value and where it came from.
fn explain(
    name: &str,
    extracted: &Extracted,
    args: &ImportArgs,
    speakers: &[SpeakerArg],
    date: Option<NaiveDate>,
    organizations: &Organizations,
) -> String {
    let origins = &extracted.origins;
    let mut out = format!("{name}:\n");
    let mut field = |label: &str, value: Option<String>, from: String| {
        let value = value.unwrap_or_else(|| "(none)".to_owned());
        let _ = writeln!(out, "  {label}: {value}\n    {from}");
    };
    let read = |origin: Option<&Origin>, missing: &str| match origin {
        Some(origin) => format!("line {}: {}", origin.line, origin.text),
        None => missing.to_owned(),
    };
    match &args.title {
        Some(title) => field("title", Some(title.clone()), "from --title".to_owned()),
        None => field(
            "title",
            extracted.title.clone(),
            read(origins.title.as_ref(), "no title line: give --title TITLE"),
        ),
    }
    match date {
        Some(date) => field("date", Some(date.to_string()), "from --date".to_owned()),
        None => field(
            "date",
            extracted.date.map(|d| d.to_string()),
            read(
                origins.date.as_ref(),
                "no date line or dateline: give --date YYYY-MM-DD",
            ),
        ),
    }
    match &args.location {
        Some(location) => field(
            "location",
            Some(location.clone()),
            "from --location".to_owned(),
        ),
        None => field(
            "location",
            extracted.location.clone(),
            read(
                origins.location.as_ref(),
                "the title has no place prefix (`Place: …`)",
            ),
        ),
    }
    if !speakers.is_empty() {
        for (name, role, organization) in speakers {
            let value = [Some(name), role.as_ref(), organization.as_ref()]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            field("speaker", Some(value), "from --speaker".to_owned());
        }
    } else if extracted.speakers.is_empty() {
        let (value, from) = if let Some(org) = &organizations.given {
            (
                Some(org.clone()),
                "no person quoted; the organisation from --org".to_owned(),
            )
        } else if let Some(org) = &extracted.organization {
            let from = read(origins.organization.as_ref(), "");
            (
                Some(org.clone()),
                format!("no person quoted; the organisation that issues the statement, {from}"),
            )
        } else if let Some(org) = &organizations.configured {
            (
                Some(org.clone()),
                "no person quoted; the organisation from `organization` in press.toml".to_owned(),
            )
        } else {
            (
                None,
                "no attribution found: give --speaker NAME (with --role, --org) or --org ORG"
                    .to_owned(),
            )
        };
        field("speaker", value, from);
    } else {
        for (speaker, origin) in extracted.speakers.iter().zip(&origins.speakers) {
            let value = format!(
                "{} (role: {}; organization: {})",
                speaker.name,
                speaker.role.as_deref().unwrap_or("none"),
                speaker.organization.as_deref().unwrap_or("none"),
            );
            field("speaker", Some(value), read(Some(&origin.attribution), ""));
        }
    }
    let body_start = extracted.body.lines().next().map(|l| {
        let start: String = l.chars().take(60).collect();
        if start.len() < l.len() {
            format!("{start}…")
        } else {
            start
        }
    });
    field(
        "body",
        body_start,
        read(origins.body.as_ref(), "nothing after the title"),
    );
    field(
        "background",
        extracted
            .background
            .as_ref()
            .map(|b| b.lines().next().unwrap_or("").chars().take(60).collect()),
        read(
            origins.background.as_ref(),
            "no Background, Notes to editors or About section",
        ),
    );
    field(
        "contact",
        extracted
            .contact
            .as_ref()
            .map(|c| c.lines().next().unwrap_or("").chars().take(60).collect()),
        read(origins.contact.as_ref(), "no contact block"),
    );
    match &args.source {
        Some(source) => field("source", Some(source.clone()), "from --source".to_owned()),
        None => field(
            "source",
            None,
            "never read from the text: give --source URL".to_owned(),
        ),
    }
    out
}
