//! Changes on the record: `corrections` (a list of `{date, note}`, oldest first) and `withdrawn`
//! (one `{date, note}`), each dated by a calendar day. Checked value by value as
//! [`super::parse`] checks the rest; [`super::edit`] writes them into a file byte for byte.

use chrono::NaiveDate;

use super::parse::Parser;
use crate::diagnostic::{did_you_mean, quote};
use crate::yaml::Value;

/// One dated note on the record: a correction, or the withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Amendment {
    /// The calendar day it was made, `YYYY-MM-DD` in JSON.
    pub date: NaiveDate,
    /// What changed, or why it was withdrawn; never empty.
    pub note: String,
}

/// The keys of one amendment.
const SUB_KEYS: &[&str] = &["date", "note"];

impl Parser<'_> {
    /// `corrections: [{date, note}, …]`, oldest first.
    pub(super) fn corrections(
        &mut self,
        value: Value,
        line: usize,
        column: usize,
    ) -> Vec<Amendment> {
        let items = match value {
            Value::Null => return Vec::new(),
            Value::List(items) => items,
            other => {
                self.error(
                    line,
                    column,
                    format!(
                        "`corrections` must be a list, found {}",
                        other.describe_kind()
                    ),
                    "write each correction as a list item: `- date: 2026-03-05` and `note: \"…\"` below it",
                );
                return Vec::new();
            }
        };
        let mut corrections: Vec<Amendment> = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let what = format!("correction {}", index + 1);
            let Some(amendment) = self.amendment(&what, item, line, column) else {
                continue;
            };
            if let Some(previous) = corrections.last()
                && amendment.date < previous.date
            {
                self.error(
                    line,
                    column,
                    format!(
                        "{what} is dated {}, before correction {} ({}): corrections are listed oldest first",
                        amendment.date, index, previous.date
                    ),
                    "put the corrections in the order of their dates, the newest last",
                );
            }
            corrections.push(amendment);
        }
        corrections
    }

    /// `withdrawn: {date, note}`.
    pub(super) fn withdrawn(
        &mut self,
        value: Value,
        line: usize,
        column: usize,
    ) -> Option<Amendment> {
        match value {
            Value::Null => None,
            other => self.amendment("`withdrawn`", other, line, column),
        }
    }

    /// One `{date, note}` mapping; `what` names it in messages ("correction 2", "`withdrawn`").
    fn amendment(
        &mut self,
        what: &str,
        value: Value,
        line: usize,
        column: usize,
    ) -> Option<Amendment> {
        let example = "date: 2026-03-05, note: \"The figure was 12, not 21.\"";
        let Value::Map(entries) = value else {
            self.error(
                line,
                column,
                format!(
                    "{what} must be a mapping with `date` and `note`, found {}",
                    value.describe_kind()
                ),
                &format!("write it as {{{example}}}"),
            );
            return None;
        };
        let mut date = None;
        let mut note = None;
        let mut ok = true;
        for (key, value) in entries {
            match key.as_str() {
                "date" => date = Some(value),
                "note" => note = Some(value),
                other => {
                    let help = match did_you_mean(other, SUB_KEYS.iter().copied()) {
                        Some(known) => format!("did you mean `{known}`?"),
                        None => "its keys are `date` and `note`".to_owned(),
                    };
                    self.error(
                        line,
                        column,
                        format!("unknown key `{other}` in {what}"),
                        &help,
                    );
                    ok = false;
                }
            }
        }
        let date = match date {
            Some(Value::String(text)) => match day(text.trim()) {
                Some(day) => Some(day),
                None => {
                    self.error(
                        line,
                        column,
                        format!(
                            "{what} has a `date` that is not a calendar day: {}",
                            quote(&text)
                        ),
                        "write the day as YYYY-MM-DD, e.g. 2026-03-05",
                    );
                    None
                }
            },
            Some(other) => {
                self.error(
                    line,
                    column,
                    format!(
                        "{what} has a `date` that is not a calendar day: {}",
                        other.describe()
                    ),
                    "write the day as YYYY-MM-DD, e.g. 2026-03-05",
                );
                None
            }
            None => {
                self.error(
                    line,
                    column,
                    format!("{what} has no `date`"),
                    "add the day it was made, e.g. date: 2026-03-05",
                );
                None
            }
        };
        let note = match note {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            Some(Value::String(_) | Value::Null) | None => {
                self.error(
                    line,
                    column,
                    format!("{what} has no `note`"),
                    "say what changed, e.g. note: \"The figure was 12, not 21.\"",
                );
                None
            }
            Some(other) => {
                self.error(
                    line,
                    column,
                    format!("{what} has a `note` that is not text: {}", other.describe()),
                    "put the note in double quotes",
                );
                None
            }
        };
        Some(Amendment {
            date: date?,
            note: note.filter(|_| ok)?,
        })
    }
}

/// A strict `YYYY-MM-DD` calendar day.
pub fn day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shape
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::parse;

    fn file(extra: &str) -> String {
        format!(
            "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: \"A\"\ntopics: [\"t\"]\n{extra}---\nBody\n"
        )
    }

    fn messages(extra: &str) -> Vec<String> {
        parse("statements/2026/2026-01-27-t.md", file(extra).as_bytes())
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn reads_corrections_and_withdrawal() {
        let text = file(
            "corrections:\n  - date: 2026-02-01\n    note: \"One\"\n  - {date: 2026-03-05, note: Two}\nwithdrawn:\n  date: 2026-04-01\n  note: \"Gone\"\n",
        );
        let parsed = parse("statements/2026/2026-01-27-t.md", text.as_bytes());
        let statement = parsed.statement.expect("valid");
        let day = |s: &str| day(s).expect("a day");
        assert_eq!(
            statement.corrections,
            vec![
                Amendment {
                    date: day("2026-02-01"),
                    note: "One".into()
                },
                Amendment {
                    date: day("2026-03-05"),
                    note: "Two".into()
                },
            ]
        );
        assert_eq!(
            statement.withdrawn,
            Some(Amendment {
                date: day("2026-04-01"),
                note: "Gone".into()
            })
        );
    }

    #[test]
    fn the_last_change_is_the_withdrawal_else_the_newest_correction() {
        let modified = |extra: &str| {
            parse("statements/2026/2026-01-27-t.md", file(extra).as_bytes())
                .statement
                .and_then(|s| crate::statement::Header::modified(&s))
        };
        let corrections =
            "corrections:\n  - {date: 2026-02-01, note: One}\n  - {date: 2026-03-05, note: Two}\n";
        assert_eq!(modified(corrections), day("2026-03-05"));
        assert_eq!(
            modified(&format!(
                "{corrections}withdrawn: {{date: 2026-04-01, note: Gone}}\n"
            )),
            day("2026-04-01")
        );
        assert_eq!(modified(""), None);
    }

    #[test]
    fn locates_each_problem() {
        assert_eq!(
            messages("corrections:\n  - date: 2026-02-30\n    note: \"x\"\n"),
            ["6:1: correction 1 has a `date` that is not a calendar day: \"2026-02-30\""]
        );
        assert_eq!(
            messages("corrections: [{date: 2026-02-01}]\n"),
            ["6:14: correction 1 has no `note`"]
        );
        assert_eq!(
            messages(
                "corrections:\n  - {date: 2026-03-01, note: a}\n  - {date: 2026-02-01, note: b}\n"
            ),
            [
                "6:1: correction 2 is dated 2026-02-01, before correction 1 (2026-03-01): corrections are listed oldest first"
            ]
        );
        // Each correction is judged against the one before it, not the first.
        assert_eq!(
            messages(
                "corrections:\n  - {date: 2026-03-01, note: a}\n  - {date: 2026-03-10, note: b}\n  - {date: 2026-03-05, note: c}\n"
            ),
            [
                "6:1: correction 3 is dated 2026-03-05, before correction 2 (2026-03-10): corrections are listed oldest first"
            ]
        );
        assert_eq!(
            messages("withdrawn: {date: 2026-02-01, note: a, reason: b}\n"),
            ["6:12: unknown key `reason` in `withdrawn`"]
        );
        assert_eq!(
            messages("withdrawn: {date: 2026-02-01T10:00:00Z, note: a}\n"),
            ["6:12: `withdrawn` has a `date` that is not a calendar day: \"2026-02-01T10:00:00Z\""]
        );
        assert_eq!(
            messages(
                "corrections:\n  - {date: 2026-03-01, note: a}\n  - {date: 2026-03-01, note: b}\n"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            messages("withdrawn: {date: 2026-02-01, note: \"  \"}\n"),
            ["6:12: `withdrawn` has no `note`"]
        );
        assert_eq!(
            messages("withdrawn: {date: 2026-02-1, note: a}\n"),
            ["6:12: `withdrawn` has a `date` that is not a calendar day: \"2026-02-1\""]
        );
        assert_eq!(
            messages("corrections: \"fixed\"\n"),
            ["6:14: `corrections` must be a list, found the string \"fixed\""]
        );
    }
}
