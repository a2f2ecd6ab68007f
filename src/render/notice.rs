//! How a correction or a withdrawal reads to a person: "Corrected on 5 March 2026: …" and
//! "Withdrawn on 5 March 2026: …", the same words in `show` and on the statement's page.

use serde::Serialize;

use super::html::display_date;
use crate::statement::{Amendment, Header};

/// Which kind of change a notice records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A correction.
    Corrected,
    /// The withdrawal.
    Withdrawn,
}

/// One notice as templates see it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Notice {
    /// `corrected` or `withdrawn`.
    pub kind: Kind,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub date: String,
    /// "Corrected on 5 March 2026" or "Withdrawn on 5 March 2026".
    pub label: String,
    /// The note, plain text (templates escape it).
    pub note: String,
}

impl Notice {
    /// The notice of one amendment.
    pub fn new(kind: Kind, amendment: &Amendment) -> Self {
        let verb = match kind {
            Kind::Corrected => "Corrected",
            Kind::Withdrawn => "Withdrawn",
        };
        Self {
            kind,
            date: amendment.date.format("%Y-%m-%d").to_string(),
            label: format!("{verb} on {}", display_date(amendment.date)),
            note: amendment.note.clone(),
        }
    }
}

/// A statement's notices: the withdrawal first, then its corrections, newest first.
pub fn notices(statement: &impl Header) -> Vec<Notice> {
    let withdrawn = statement
        .withdrawn()
        .map(|w| Notice::new(Kind::Withdrawn, w));
    let corrections = statement
        .corrections()
        .iter()
        .rev()
        .map(|c| Notice::new(Kind::Corrected, c));
    withdrawn.into_iter().chain(corrections).collect()
}

/// The notices as lines of text: "Withdrawn on 5 March 2026: …".
pub fn lines(statement: &impl Header) -> Vec<String> {
    notices(statement)
        .into_iter()
        .map(|n| format!("{}: {}", n.label, n.note))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_withdrawal_comes_first_then_the_corrections_newest_first() {
        let text = "---\ntitle: T\ndate: 2026-01-27\nspeaker: Ann\ntopics: [t]\ncorrections:\n  - date: 2026-03-05\n    note: First.\n  - date: 2026-03-07\n    note: Second.\nwithdrawn:\n  date: 2026-03-09\n  note: Sent in error.\n---\nBody.\n";
        let parsed =
            crate::statement::parse::parse("statements/2026/2026-01-27-t.md", text.as_bytes());
        let Some(statement) = parsed.statement else {
            panic!("does not parse: {:?}", parsed.diagnostics)
        };
        assert_eq!(
            lines(&statement),
            [
                "Withdrawn on 9 March 2026: Sent in error.",
                "Corrected on 7 March 2026: Second.",
                "Corrected on 5 March 2026: First.",
            ]
        );
    }
}
