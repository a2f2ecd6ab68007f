//! How well [`extract`](super::extract()) does, per field, on statements with known answers.
//!
//! A sample is `NAME.txt` with `NAME.expected.json` beside it (the format of
//! `tests/fixtures/raw/README.md`). `cargo run --example import_accuracy -- DIR` prints the
//! table that the README quotes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::dateline::date_line;
use super::extract::{Extracted, escape_line, extract};

/// The fields a correct import extracts from one sample (`*.expected.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// The exact first line.
    pub title: Option<String>,
    /// The place of the title's prefix.
    pub location: Option<String>,
    /// The people quoted, in order.
    pub speakers: Vec<ExpectedSpeaker>,
    /// Whether a `Background` line starts a background section.
    pub has_background: bool,
    /// The first 40 characters of the background.
    pub background_starts_with: Option<String>,
    /// The first 40 characters of the quoted statement.
    pub body_starts_with: Option<String>,
    /// The page's date, visible in the raw text or not.
    pub date: Option<NaiveDate>,
    /// With `speakers: []`, the organisation that speaks, where the text names it.
    #[serde(default)]
    pub organization: Option<String>,
    /// Whether a contact block is expected (not checked when absent from the file).
    #[serde(default)]
    pub has_contact: Option<bool>,
    /// The start of the contact block.
    #[serde(default)]
    pub contact_starts_with: Option<String>,
}

/// One expected speaker.
#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedSpeaker {
    /// The name as written.
    pub name: String,
    /// The role, compared case-insensitively after trimming.
    pub role: Option<String>,
    /// The organisation, compared case-insensitively after trimming.
    pub organization: Option<String>,
}

/// The fields that are scored, in the order of the table.
pub const FIELDS: [&str; 7] = [
    "title",
    "location",
    "speakers",
    "roles",
    "background",
    "body",
    "date",
];

/// Which fields of one sample came out right, in the order of [`FIELDS`], with notes on the
/// wrong ones.
#[derive(Debug, Clone)]
pub struct SampleScore {
    /// The sample's text file.
    pub path: PathBuf,
    /// Right or wrong, per field of [`FIELDS`].
    pub correct: [bool; 7],
    /// What was wrong, one line each.
    pub notes: Vec<String>,
}

/// Scores one extraction against what was expected of it. `raw` is the input text; the date is
/// only required when it is written in it.
pub fn score(raw: &str, got: &Extracted, expected: &Expected) -> ([bool; 7], Vec<String>) {
    let mut notes = Vec::new();
    let mut check = |field: &str, ok: bool, detail: String| {
        if !ok {
            notes.push(format!("{field}: {detail}"));
        }
        ok
    };
    let same = |a: Option<&str>, b: Option<&str>| {
        a.map(|s| s.trim().to_lowercase()) == b.map(|s| s.trim().to_lowercase())
    };
    let names: Vec<&str> = got.speakers.iter().map(|s| s.name.as_str()).collect();
    let expected_names: Vec<&str> = expected.speakers.iter().map(|s| s.name.as_str()).collect();
    // With no person quoted, the organisation that speaks is scored as the roles are.
    let roles_ok = names == expected_names
        && got.speakers.iter().zip(&expected.speakers).all(|(g, e)| {
            same(g.role.as_deref(), e.role.as_deref())
                && same(g.organization.as_deref(), e.organization.as_deref())
        })
        && (!expected.speakers.is_empty()
            || expected.organization.is_none()
            || same(
                got.organization.as_deref(),
                expected.organization.as_deref(),
            ));
    let background_ok = match (&got.background, expected.has_background) {
        (Some(background), true) => expected
            .background_starts_with
            .as_deref()
            .is_none_or(|start| background.starts_with(start)),
        (None, false) => true,
        _ => false,
    };
    let lost = lost_lines(raw, got);
    let body_ok = lost.is_empty()
        && expected
            .body_starts_with
            .as_deref()
            .is_none_or(|start| got.body.contains(start));
    let date_ok = match got.date {
        Some(date) => expected.date == Some(date),
        None => expected.date.is_none_or(|date| !written_in(raw, date)),
    };
    let correct = [
        check(
            "title",
            got.title == expected.title,
            format!("{:?}", got.title),
        ),
        check(
            "location",
            got.location == expected.location,
            format!("{:?}", got.location),
        ),
        check("speakers", names == expected_names, format!("{names:?}")),
        check(
            "roles",
            roles_ok,
            if got.speakers.is_empty() {
                format!("organisation {:?}", got.organization)
            } else {
                format!("{:?}", got.speakers)
            },
        ),
        check(
            "background",
            background_ok,
            format!(
                "{:?}",
                got.background
                    .as_ref()
                    .map(|b| b.chars().take(40).collect::<String>())
            ),
        ),
        check("body", body_ok, format!("lost {lost:?}")),
        check("date", date_ok, format!("{:?}", got.date)),
    ];
    (correct, notes)
}

/// Whether `date` is written in `text` in a usual form.
pub(crate) fn written_in(text: &str, date: NaiveDate) -> bool {
    const FORMS: &[&str] = &[
        "%B %-d, %Y",
        "%B %d, %Y",
        "%b. %-d, %Y",
        "%-d %B %Y",
        "%-d %B, %Y",
        "%Y-%m-%d",
        "%d-%m-%Y",
    ];
    FORMS
        .iter()
        .any(|form| text.contains(date.format(form).to_string().as_str()))
}

/// The lines of `raw` that the import may not consume but that are missing from the body, the
/// background and the contact. Empty when nothing was lost.
pub fn lost_lines(raw: &str, got: &Extracted) -> Vec<String> {
    let lines = raw.lines().map(str::trim).filter(|line| !line.is_empty());
    let background = got.background.as_deref().unwrap_or("");
    let contact = got.contact.as_deref().unwrap_or("");
    let mut title_seen = false;
    lines
        .filter(|line| {
            let is_title =
                !title_seen && got.title.as_deref() == Some(line.trim_start_matches('#').trim());
            title_seen |= is_title;
            let consumable = is_title
                || line.eq_ignore_ascii_case("background")
                || (line.starts_with("The post ") && line.contains(" appeared first on "))
                || date_line(line).is_some();
            let kept = escape_line(line);
            !consumable
                && !got.body.contains(kept.as_ref())
                && !background.contains(kept.as_ref())
                && !contact.contains(line)
        })
        .map(str::to_owned)
        .collect()
}

/// Per-field results over a folder of samples.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One entry per sample, sorted by path.
    pub samples: Vec<SampleScore>,
}

impl Report {
    /// How many samples got `field` (an index into [`FIELDS`]) right.
    pub fn correct(&self, field: usize) -> usize {
        self.samples.iter().filter(|s| s.correct[field]).count()
    }

    /// The table the README quotes: one row per field.
    pub fn to_markdown(&self) -> String {
        let total = self.samples.len();
        let mut out = String::from("| field | correct | accuracy |\n|---|---|---|\n");
        for (index, field) in FIELDS.iter().enumerate() {
            let correct = self.correct(index);
            let percent = if total == 0 {
                0.0
            } else {
                100.0 * correct as f64 / total as f64
            };
            let _ = writeln!(out, "| {field} | {correct}/{total} | {percent:.0}% |");
        }
        out
    }
}

/// Extracts and scores every `*.txt` in `dir` that has a `*.expected.json` beside it.
pub fn measure_dir(dir: &Path) -> anyhow::Result<Report> {
    use anyhow::Context as _;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .filter(|path| path.with_extension("expected.json").is_file())
        .collect();
    paths.sort();
    let mut report = Report::default();
    for path in paths {
        let raw = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let json_path = path.with_extension("expected.json");
        let json = std::fs::read_to_string(&json_path)
            .with_context(|| format!("cannot read {}", json_path.display()))?;
        let expected: Expected = serde_json::from_str(&json)
            .with_context(|| format!("cannot parse {}", json_path.display()))?;
        let (correct, notes) = score(&raw, &extract(&raw), &expected);
        report.samples.push(SampleScore {
            path,
            correct,
            notes,
        });
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A speaker's role and organisation count as right whatever their case: the accuracy
    /// report compares words, not capitals.
    #[test]
    fn roles_are_compared_without_case() {
        let raw = "Title\n\nJane Roe, Director at Foo Watch, said: “Stop.”\n";
        let got = extract(raw);
        let expected = Expected {
            title: Some("Title".to_owned()),
            location: None,
            speakers: vec![ExpectedSpeaker {
                name: "Jane Roe".to_owned(),
                role: Some("director".to_owned()),
                organization: Some("FOO WATCH".to_owned()),
            }],
            has_background: false,
            background_starts_with: None,
            body_starts_with: None,
            date: None,
            organization: None,
            has_contact: None,
            contact_starts_with: None,
        };
        let (correct, notes) = score(raw, &got, &expected);
        assert_eq!(correct, [true; 7], "{notes:?}");
    }
}
