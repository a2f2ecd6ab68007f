//! The end of a statement: which lines are the statement, which its background, which its
//! contact.
//!
//! A release ends in sections the format keeps apart from the body: "Background", "Notes to
//! editors" and "About ORG" go to `background` (a heading other than "Background" kept as a bold
//! line, `**About UNICEF**`), a contact block ("For further information, please contact",
//! "Media contact", "Contact:", "Press office", lines of phone numbers and e-mail addresses) to
//! `contact`. [`split`] reads the lines in order with a small state machine, so every line lands
//! in exactly one place and nothing is lost: only a line reading `Background` is consumed. End
//! marks (`###`, `-ENDS-`) stay where they are, at the end of the body; text after an end mark
//! that is not a contact block is background.
//!
//! The cues are data: [`BACKGROUND_HEADINGS`], [`ABOUT`], [`CONTACT_HEADINGS`],
//! [`CONTACT_LABELS`] and [`END_MARKS`].

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::regex;

/// Headings that start the background section (compared case-insensitively, without a final
/// colon). The first is consumed, the others are kept as a bold line.
const BACKGROUND_HEADINGS: &[&str] = &[
    "background",
    "background information",
    "notes to editors",
    "note to editors",
    "notes for editors",
    "note for editors",
    "notes to the editor",
    "editor's note",
    "editors' note",
    "editor's notes",
    "editors' notes",
    "editors note",
    "editors notes",
    "notes",
    "further background",
    "additional information",
    "fact sheet",
    "key facts",
];

/// A heading "About ORG" ("About UNICEF", "About the Council of the EU") also starts the
/// background: this word, then a capitalised name of at most [`ABOUT_WORDS`] words.
const ABOUT: &str = "about";
const ABOUT_WORDS: usize = 8;

/// Line openings that start a contact block (case-insensitive), followed by the end of the
/// line, a colon, a comma or a dash.
const CONTACT_HEADINGS: &[&str] = &[
    "contact",
    "contacts",
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "contact information",
    "contact details",
    "media enquiries",
    "media inquiries",
    "press enquiries",
    "press inquiries",
    "media enquiries only",
    "press office",
    "media office",
    "press officer",
    "news desk",
    "newsdesk",
    "media relations",
    "media relations contact",
    "investor contact",
    "investor relations",
    "for further information",
    "for more information",
    "for further details",
    "for media enquiries",
    "for media inquiries",
    "for media requests",
    "for press enquiries",
    "for press inquiries",
    "for interviews",
    "for interview requests",
    "to arrange an interview",
    "journalists can contact",
];

/// Labels that make a line a contact line wherever it stands ("Tel: …", "E-mail: …").
const CONTACT_LABELS: &[&str] = &[
    "tel",
    "tel.",
    "telephone",
    "phone",
    "mobile",
    "mob",
    "cell",
    "fax",
    "email",
    "e-mail",
    "web",
    "website",
    "twitter",
    "whatsapp",
    "signal",
    "out of hours",
];

/// End marks of a release: they stay at the end of the body.
const END_MARKS: &[&str] = &[
    r"(?:#\s*){3,}",
    r"-+\s*ends?\s*-+",
    r"[–—]+\s*ends?\s*[–—]+",
    r"ends?\.?",
    r"-\s*30\s*-",
    r"\*{3}",
];

/// How a feed footer opens ("The post TITLE appeared first on ORG."), also when a feed cut it
/// short: it stays after the end mark, where the feed put it.
const FEED_FOOTER: &str = "The post ";

/// A contact block or section heading is short: at most this many words.
const HEADING_WORDS: usize = 14;
/// Lines that continue a contact block without being contact lines: at most this many words.
const CONTACT_LINE_WORDS: usize = 12;

static END_MARK: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(?i)^\s*(?:{})\s*$", END_MARKS.join("|"))));

static CONTACT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:{})(?:\s*$|\s*[:,]|\s+[-–—])",
        alternation(CONTACT_HEADINGS)
    ))
});

/// The opening of a contact line that carries its own details ("For more information and
/// media requests please contact Ana Ruiz (+41 22 917 0000)").
static CONTACT_OPENING: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(?i)^(?:{})\b", alternation(CONTACT_HEADINGS))));

static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:{})\s*[:.]?\s*\S",
        alternation(CONTACT_LABELS)
    ))
});

/// An e-mail address (also as a page's "[email protected]" placeholder) or a phone number.
static EMAIL_OR_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:\s|&#160;|\u{a0})protected\]|(?:\+|\b)\d[\d ().\-/]{6,}\d\b",
    )
});

/// `words` as a regex alternation, longest first.
fn alternation(words: &[&str]) -> String {
    let mut words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

/// A line's text without Markdown heading or emphasis marks, trimmed.
fn plain(line: &str) -> &str {
    let text = line.trim().trim_start_matches('#').trim();
    text.trim_matches(|c| c == '*' || c == '_').trim()
}

/// What starts the background: `Some(true)` for a line reading `Background` (consumed),
/// `Some(false)` for another heading (kept as a bold line), `None` for any other line.
pub(crate) fn background_heading(line: &str) -> Option<bool> {
    let text = plain(line);
    let bare = text.trim_end_matches(':').trim();
    if bare.eq_ignore_ascii_case("background") {
        return Some(true);
    }
    if BACKGROUND_HEADINGS
        .iter()
        .any(|h| h.eq_ignore_ascii_case(&bare.replace('’', "'")))
    {
        return Some(false);
    }
    let mut words = bare.split_whitespace();
    let about = words.next().is_some_and(|w| w.eq_ignore_ascii_case(ABOUT));
    let rest: Vec<&str> = words.collect();
    let named = rest
        .iter()
        .find(|w| !w.eq_ignore_ascii_case("the"))
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    (about && named && rest.len() <= ABOUT_WORDS && !bare.ends_with(['.', '!', '?']))
        .then_some(false)
}

/// A line that opens a contact block ("Media contacts:", "For further information, please
/// contact:", "Contact: Jane Doe, +1 212 555 0100").
pub(crate) fn contact_heading(line: &str) -> bool {
    let text = plain(line);
    (CONTACT_HEADING.is_match(text) && text.split_whitespace().count() <= HEADING_WORDS)
        || (CONTACT_OPENING.is_match(text) && is_contact_line(text))
}

/// A line with a phone number, an e-mail address or a contact label.
pub(crate) fn is_contact_line(line: &str) -> bool {
    let text = plain(line);
    CONTACT_LABEL.is_match(text) || EMAIL_OR_PHONE.is_match(text)
}

/// A release's end mark (`###`, `# # #`, `-ENDS-`, `- ENDS -`, `-30-`).
pub(crate) fn is_end_mark(line: &str) -> bool {
    END_MARK.is_match(line)
}

/// Where the lines of a statement went.
#[derive(Debug, Default)]
pub(crate) struct Sections<'a> {
    /// The statement's lines with their indexes, blank ones included.
    pub(crate) body: Vec<(usize, &'a str)>,
    /// The background's lines (headings other than `Background` as bold lines), when it has
    /// a section.
    pub(crate) background: Option<Vec<Cow<'a, str>>>,
    /// The contact block's lines, as written.
    pub(crate) contact: Option<Vec<&'a str>>,
    /// The index of the line that starts the background.
    pub(crate) background_start: Option<usize>,
    /// The index of the line that starts the contact block.
    pub(crate) contact_start: Option<usize>,
    /// Indexes of the lines consumed (a line reading `Background`).
    pub(crate) consumed: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Body,
    Background,
    Contact,
}

/// Splits the lines of a statement (the given indexes of `lines`, in order) into body,
/// background and contact.
pub(crate) fn split<'a>(
    lines: &[&'a str],
    indexes: impl IntoIterator<Item = usize>,
) -> Sections<'a> {
    let mut out = Sections::default();
    let mut part = Part::Body;
    // The part a contact block interrupted, to return to after it.
    let mut before_contact = Part::Body;
    let mut after_end_mark = false;
    for index in indexes {
        let line = lines[index];
        if line.trim().is_empty() {
            out.push_blank(index);
            continue;
        }
        if part == Part::Contact {
            if is_contact_line(line)
                || (line.split_whitespace().count() <= CONTACT_LINE_WORDS
                    && background_heading(line).is_none())
            {
                out.contact_lines().push(line);
                continue;
            }
            part = before_contact;
            out.push_blank(index);
        }
        if let Some(consumed) = background_heading(line) {
            part = Part::Background;
            out.background_start.get_or_insert(index);
            out.push_blank(index);
            let background = out.background.get_or_insert_with(Vec::new);
            if consumed {
                out.consumed.push(index);
            } else {
                // A bold line (a Markdown heading or bold line as written), then a paragraph
                // break, so the heading never runs into the text under it.
                background.push(if plain(line) == line.trim() {
                    Cow::Owned(format!("**{}**", line.trim()))
                } else {
                    Cow::Borrowed(line)
                });
                background.push(Cow::Borrowed(""));
            }
            continue;
        }
        if contact_heading(line) || (after_end_mark && part == Part::Body && is_contact_line(line))
        {
            before_contact = part;
            part = Part::Contact;
            out.contact_start.get_or_insert(index);
            out.push_blank(index);
            out.contact_lines().push(line);
            continue;
        }
        if part == Part::Body && after_end_mark && !line.trim_start().starts_with(FEED_FOOTER) {
            // After the end mark the statement is over: what follows is notes.
            part = Part::Background;
            out.background_start.get_or_insert(index);
            out.push_blank(index);
        }
        match part {
            Part::Body => {
                out.body.push((index, line));
                after_end_mark |= is_end_mark(line);
            }
            Part::Background => out
                .background
                .get_or_insert_with(Vec::new)
                .push(Cow::Borrowed(line)),
            Part::Contact => out.contact_lines().push(line),
        }
    }
    out
}

impl<'a> Sections<'a> {
    fn contact_lines(&mut self) -> &mut Vec<&'a str> {
        self.contact.get_or_insert_with(Vec::new)
    }

    /// The body's lines with their 1-based line numbers.
    pub(crate) fn numbered_body(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.body.iter().map(|&(index, line)| (index + 1, line))
    }

    /// A paragraph break in every part (at the line of `index`), so switching parts never joins
    /// two paragraphs.
    fn push_blank(&mut self, index: usize) {
        self.body.push((index, ""));
        if let Some(background) = &mut self.background {
            background.push(Cow::Borrowed(""));
        }
        if let Some(contact) = &mut self.contact {
            contact.push("");
        }
    }
}

/// The contact block as text: lines as written, runs of blank lines as one, none around.
pub(crate) fn contact_text(lines: &[&str]) -> Option<String> {
    let mut out = String::new();
    let mut blank_before = false;
    for line in lines {
        if line.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_before { "\n\n" } else { "\n" });
        }
        out.push_str(line.trim_end());
        blank_before = false;
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod table_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_headings() {
        assert_eq!(background_heading("Background"), Some(true));
        assert_eq!(background_heading("## BACKGROUND"), Some(true));
        assert_eq!(background_heading("**Background:**"), Some(true));
        assert_eq!(background_heading("Notes to editors"), Some(false));
        assert_eq!(background_heading("Notes to Editors:"), Some(false));
        assert_eq!(background_heading("Editor’s note"), Some(false));
        assert_eq!(background_heading("About UNICEF"), Some(false));
        assert_eq!(
            background_heading("About the Council of the EU"),
            Some(false)
        );
        assert_eq!(background_heading("About 40 people were arrested."), None);
        assert_eq!(background_heading("About us, and why we do it."), None);
        assert_eq!(
            background_heading("This visit takes place against the background of a crisis."),
            None
        );
    }

    #[test]
    fn contact_headings_and_lines() {
        for heading in [
            "Media contacts:",
            "For further information, please contact:",
            "For more information, please visit: www.example.org",
            "Contact: Suzanne Trimel, 212-633-4150, [email protected]",
            "Media contact",
            "Press office: 020 7946 0000",
            "MEDIA ENQUIRIES",
        ] {
            assert!(contact_heading(heading), "{heading}");
        }
        for sentence in [
            "Contact with the detainees has been denied since March.",
            "Media freedom has declined sharply over the past year, the report says.",
            "Pressure on the press office grew.",
        ] {
            assert!(!contact_heading(sentence), "{sentence}");
        }
        assert!(is_contact_line(
            "Jane Doe, +41 22 917 9000, jdoe@example.org"
        ));
        assert!(is_contact_line("Tel: 020 7033 1547"));
        assert!(!is_contact_line("In 2019, 140 people were interviewed."));
    }

    #[test]
    fn end_marks() {
        for mark in [
            "###",
            "# # #",
            "-ENDS-",
            "- ENDS -",
            "ENDS",
            "-30-",
            "—ENDS—",
        ] {
            assert!(is_end_mark(mark), "{mark}");
        }
        assert!(!is_end_mark("Ends of the earth"));
    }

    #[test]
    fn a_release_splits_into_body_background_and_contact() {
        let text = "Lead.\n\n“Quote.”\n\n-ENDS-\n\nNotes to editors\n\n1. A note.\n\nAbout UNICEF\n\nUNICEF works.\n\nFor further information, please contact:\nJane Doe, UNICEF Geneva, +41 22 909 5716, jdoe@unicef.org\n";
        let lines: Vec<&str> = text.lines().collect();
        let sections = split(&lines, 0..lines.len());
        let body: Vec<&str> = sections
            .body
            .iter()
            .map(|&(_, line)| line)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(body, ["Lead.", "“Quote.”", "-ENDS-"]);
        let background: Vec<&str> = sections
            .background
            .iter()
            .flatten()
            .map(|l| l.as_ref())
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            background,
            [
                "**Notes to editors**",
                "1. A note.",
                "**About UNICEF**",
                "UNICEF works."
            ]
        );
        assert_eq!(
            contact_text(sections.contact.as_deref().unwrap_or_default()).as_deref(),
            Some(
                "For further information, please contact:\nJane Doe, UNICEF Geneva, +41 22 909 5716, jdoe@unicef.org"
            )
        );
        assert!(sections.consumed.is_empty());
    }

    #[test]
    fn a_contact_line_at_the_top_does_not_swallow_the_statement() {
        let text = "Contact: Jane Doe, 212-633-4150\n\n(New York) — In response to the arrests of two journalists today, Jane Roe said:\n\n“Free them.”\n";
        let lines: Vec<&str> = text.lines().collect();
        let sections = split(&lines, 0..lines.len());
        assert_eq!(
            contact_text(sections.contact.as_deref().unwrap_or_default()).as_deref(),
            Some("Contact: Jane Doe, 212-633-4150")
        );
        assert_eq!(sections.body.iter().filter(|l| !l.1.is_empty()).count(), 2);
        assert!(sections.background.is_none());
    }

    /// "About" and a name of eight words is still a heading that starts the background (kept
    /// as a bold line); with a ninth word it is a line of the body.
    #[test]
    fn an_about_heading_of_eight_words_starts_the_background() {
        let got = crate::import::extract(
            "Title\n\nText.\n\nAbout Foo Watch and the Global Rights Network Trust\n\nFoo Watch works.\n",
        );
        assert_eq!(got.body, "Text.");
        assert_eq!(
            got.background.as_deref(),
            Some("**About Foo Watch and the Global Rights Network Trust**\n\nFoo Watch works.")
        );
        let got = crate::import::extract(
            "Title\n\nText.\n\nAbout Foo Watch and the Global Rights Network Trust Fund\n\nFoo Watch works.\n",
        );
        assert_eq!(got.background, None);
    }
}
