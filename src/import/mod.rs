//! Importing statements that were published elsewhere.
//!
//! The heart of `press import` is [`extract()`]: a pure function from the text of a published
//! statement (plain text, or Markdown converted from HTML with [`html_to_markdown`]) to its
//! fields. It does no I/O and knows nothing of the command line, so every rule is unit-tested
//! on the real samples in `tests/fixtures/raw/` and on invented ones in
//! `tests/fixtures/import/`; [`accuracy`] measures it per field over such a folder.
//!
//! Design:
//! - **Nothing is lost.** Only the title line, a standalone date line near it, a line reading
//!   `Background` and a feed footer ("The post … appeared first on ORG.") are consumed. Every
//!   other line is copied word for word into the body, the background ("Notes to editors",
//!   "About ORG") or the contact block ([`sections`]); the only change is the escaping of lines that
//!   Markdown would swallow ([`extract::escape_line`]: `# # #` becomes `\# # #`), and text that
//!   has no blank line at all gets one paragraph per line, so that its paragraphs survive.
//! - **Rules about shape, not about samples.** Places come from a gazetteer
//!   ([`gazetteer`]); speakers from attribution shapes (intro "… said:", quote-first "…," said
//!   NAME, label "ROLE, NAME:") and a heuristic for person names ([`speakers`]); dates from
//!   the first lines only ([`dateline`]: date lines, datelines, newswire markers), with the line
//!   they came from ([`origin::Origins`]).
//! - **Missing is `None`.** The command decides what is required and tells the user which flag
//!   supplies it.

pub mod accuracy;
pub mod dateline;
pub mod extract;
pub mod feed;
pub mod gazetteer;
pub mod html;
pub mod origin;
pub mod sections;
pub mod site;
pub mod speakers;

pub use extract::{
    Extracted, Options, escape_line, extract, extract_markdown, extract_with, title_location,
};
pub use html::html_to_markdown;
pub use origin::{Origin, Origins, SpeakerOrigin};
pub use speakers::ExtractedSpeaker;

/// Compiles a regular expression written in this module. The patterns are literals covered by
/// the unit tests, so a failure is a bug in the source, not a condition to handle.
#[allow(clippy::expect_used)]
fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("valid regex")
}

#[cfg(test)]
mod tests;
