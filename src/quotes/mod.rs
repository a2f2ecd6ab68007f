//! The quote index: every quoted passage of a statement's body and who it is attributed to.
//!
//! Passages are found by [`passages`]; their speakers by the attribution engine of `press
//! import` ([`crate::import::speakers::find`]), which reports every attribution with its line.
//! A passage is attributed, in this order, to:
//!
//! 1. the attribution in its own paragraphs, outside the quotation marks: after it in the
//!    paragraph where it closes (`“…,” said Jane Roe.`), unless that attribution introduces
//!    the next quote (`… Jane Roe added: “…”`), else before it where it opens
//!    (`Jane Roe said: “…”`);
//! 2. a sign-off paragraph right after it (`– Jane Roe, Director of Foo`);
//! 3. the speaker introduced by the last attribution ending in a colon (`Jane Roe said:`, a
//!    label `Director, Jane Roe:`), until a paragraph of prose (a sentence outside quotes with
//!    no attribution) ends the introduction; headings between them do not;
//! 4. with a pronoun (`“…,” she added.`), the speaker of the passage before.
//!
//! These are attributed by the text. Any other passage goes to the statement's only speaker
//! when it has exactly one (attributed as "sole speaker"), else to nobody. The background is a
//! separate key and is never searched.

pub mod passages;
pub mod stored;

use std::sync::LazyLock;

use regex::Regex;

use crate::import::speakers::{self, CUE_VERBS};
use crate::statement::Statement;

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Attribution {
    /// The text names the speaker (see the module's rules).
    #[serde(rename = "text")]
    Text,
    /// The text does not; the statement has one speaker, who is given.
    #[serde(rename = "sole speaker")]
    SoleSpeaker,
}

impl Attribution {
    /// The word lists and tables show.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::SoleSpeaker => "sole speaker",
        }
    }
}

/// One quoted passage of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The words between the quotation marks; paragraphs joined by a blank line.
    pub text: String,
    /// Who said it: the statement's spelling of the speaker when the text names one of them,
    /// else the name as the text writes it; `None` when nobody is known.
    pub speaker: Option<String>,
    /// How the speaker was found; `None` with no speaker.
    pub attributed: Option<Attribution>,
    /// The 1-based line of the file where the passage opens.
    pub line: usize,
}

impl Quote {
    /// Who said it and where, without the words (what the cache keeps).
    pub fn said(&self) -> Said {
        Said {
            speaker: self.speaker.clone(),
            attributed: self.attributed,
            line: self.line,
        }
    }

    /// The quote of these words, said as `said` tells.
    pub fn new(text: String, said: Said) -> Self {
        Self {
            text,
            speaker: said.speaker,
            attributed: said.attributed,
            line: said.line,
        }
    }
}

/// A [`Quote`] without its words: the cache keeps this for each passage of a body, in order,
/// and reads the words back from the body ([`passage_texts`]) only for the quotes it shows
/// (the words are most of a body: keeping them would double the cache).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Said {
    /// See [`Quote::speaker`].
    pub speaker: Option<String>,
    /// See [`Quote::attributed`].
    pub attributed: Option<Attribution>,
    /// See [`Quote::line`].
    pub line: usize,
}

/// A pronoun attribution: "she said", "he added", "said they".
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = CUE_VERBS.join("|");
    #[allow(clippy::unwrap_used)] // a constant pattern, tested below
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?:he|she|they)\s+(?:{verbs})|(?:{verbs})\s+(?:he|she|they))(?-u:\b)"
    ))
    .unwrap()
});

/// A paragraph of the body: the number of its first line in the file, and its lines joined.
struct Paragraph {
    line: usize,
    text: String,
}

/// The paragraphs (blank-line separated) of a body starting at file line `body_line`, each
/// line trimmed and joined by a space.
fn paragraphs(body: &str, body_line: usize) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for (index, line) in body.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
        } else if let Some(last) = out.last_mut().filter(|_| open) {
            last.text.push(' ');
            last.text.push_str(line);
        } else {
            out.push(Paragraph {
                line: body_line + index,
                text: line.to_owned(),
            });
            open = true;
        }
    }
    out
}

/// The words of each quoted passage of a body, in the order (and number) of [`quotes`]: cheap,
/// without the attribution rules.
pub fn passage_texts(body: &str) -> Vec<String> {
    let paragraphs = paragraphs(body, 1);
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    passages::find(&texts).into_iter().map(|p| p.text).collect()
}

/// The quoted passages of `statement`'s body, in order, each with its speaker.
pub fn quotes(statement: &Statement) -> Vec<Quote> {
    let paragraphs = paragraphs(&statement.body, statement.body_line);
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let found = passages::find(&texts);
    if found.is_empty() {
        return Vec::new();
    }
    // The engine numbers lines; paragraph indices serve as its line numbers here.
    let numbered: Vec<(usize, &str)> = texts.iter().copied().enumerate().collect();
    let engine = speakers::find(&numbered, None, None);
    let in_paragraph = |index: usize| {
        engine
            .attributions
            .iter()
            .filter(move |a| a.line == index)
            .map(|a| (a.at, a.speaker))
    };
    let sole = match statement.speakers.as_slice() {
        [only] => Some(only.label().to_owned()),
        _ => None,
    };
    let mut intro: Option<usize> = None;
    let mut previous: Option<usize> = None;
    let mut walked = 0; // paragraphs before this index have updated `intro`
    let mut out = Vec::with_capacity(found.len());
    for (n, passage) in found.iter().enumerate() {
        let ((first, start), (last, end)) = (passage.start, passage.end);
        for (index, text) in texts.iter().enumerate().take(first).skip(walked) {
            let outside = found.iter().all(|p| index < p.start.0 || index > p.end.0);
            if outside {
                intro = match in_paragraph(index).next_back() {
                    Some((_, who)) if text.trim_end().ends_with(':') => Some(who),
                    None if text.trim_end().ends_with(['.', '!', '?']) => None,
                    _ => intro,
                };
            }
        }
        walked = walked.max(first);
        let next_start = found
            .get(n + 1)
            .filter(|p| p.start.0 == last)
            .map(|p| p.start.1);
        let after = in_paragraph(last)
            .find(|&(at, _)| at >= end && next_start.is_none_or(|s| at < s))
            .filter(|&(at, _)| {
                // "… Jane Roe added: “…”": the attribution opens the next quote.
                next_start.is_none_or(|s| !texts[last][at..s].trim_end().ends_with(':'))
            })
            .map(|(_, who)| who);
        let before = in_paragraph(first)
            .rfind(|&(at, _)| at < start)
            .map(|(_, who)| who);
        let signoff = texts
            .get(last + 1)
            .filter(|t| {
                !t.contains(['“', '"', '«']) && !t.trim_end().ends_with(':') && t.len() < 200
            })
            .and_then(|_| in_paragraph(last + 1).next())
            .map(|(_, who)| who);
        let pronoun = (PRONOUN.is_match(&texts[last][end.min(texts[last].len())..])
            || PRONOUN.is_match(&texts[first][..start]))
        .then_some(previous)
        .flatten();
        if let Some(who) = before.filter(|_| texts[first][..start].trim_end().ends_with(':')) {
            intro = Some(who);
        }
        let who = after.or(before).or(signoff).or(intro).or(pronoun);
        previous = who.or(previous);
        let (speaker, attributed) = match who {
            Some(index) => (
                Some(statement_spelling(statement, &engine.speakers[index].name)),
                Some(Attribution::Text),
            ),
            None => (
                sole.clone(),
                sole.as_ref().map(|_| Attribution::SoleSpeaker),
            ),
        };
        out.push(Quote {
            text: passage.text.clone(),
            speaker,
            attributed,
            line: paragraphs[first].line,
        });
    }
    out
}

/// The statement's spelling of a speaker the text names ("Ms Roe" → "Jane Roe"), else the
/// text's.
fn statement_spelling(statement: &Statement, name: &str) -> String {
    let key = crate::slug::key(name);
    statement
        .speakers
        .iter()
        .filter_map(|s| s.name.as_deref())
        .find(|known| {
            let known_key = crate::slug::key(known);
            known_key == key
                || known_key.ends_with(&format!("-{key}"))
                || key.ends_with(&format!("-{known_key}"))
        })
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests;
