//! From the text of a published statement to its fields.
//!
//! [`extract`] works on lines. It consumes only what the format allows it to consume — the title
//! line, a line that is only a date near it, a `Background` line and the feed footer — and
//! copies every other line, word for word, into the body, the background or the contact
//! ([`super::sections`]), escaping only what Markdown would otherwise swallow (see
//! [`escape_line`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::regex;

use super::dateline::{head_date, labelled_date_line};
use super::gazetteer;
use super::origin::{Origin, Origins};
use super::sections::{self, contact_text};
use super::speakers::{self, ExtractedSpeaker};

/// The fields found in a raw statement. What the text does not give is `None` (or empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The first non-blank line, kept whole.
    pub title: Option<String>,
    /// The title's `Place:` prefix, when the gazetteer knows the place.
    pub location: Option<String>,
    /// The people quoted, each once, in order of first appearance.
    pub speakers: Vec<ExtractedSpeaker>,
    /// The date of a dateline at the start of the text.
    pub date: Option<NaiveDate>,
    /// The place of a dateline prefix ("LONDON –" → "London"). Not used as `location`, which
    /// comes from the title, but offered to callers.
    pub dateline_place: Option<String>,
    /// The statement text as Markdown: every line not consumed and not in the background or
    /// the contact.
    pub body: String,
    /// The background section ("Background", "Notes to editors", "About ORG"), if there is one.
    pub background: Option<String>,
    /// The contact block ("Media contact:", "For further information, please contact:"), lines
    /// as written.
    pub contact: Option<String>,
    /// ORG from a feed footer "The post TITLE appeared first on ORG."
    pub footer_organization: Option<String>,
    /// The organisation that issues the statement, where the text names it ("Foo Watch said
    /// today", "Foo Council has released the following statement:", the feed footer): the
    /// speaker when no person is quoted.
    pub organization: Option<String>,
    /// Where each field was read (see [`Origins`]).
    pub origins: Origins,
}

static FOOTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^The post (?s:.+) appeared first on (?P<org>.+?)\.?$"));

/// A page label above the title.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[•·*\-\s]*(?:press\s+release|news\s+release|media\s+release|news|statement|public\s+statement|for\s+immediate\s+release)[:.]?$",
    )
});

/// How many label or date lines may stand above the title.
const LINES_ABOVE_TITLE: usize = 3;

static ATX_HEADING: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^#{1,6}\s+(?P<text>.*?)(?:\s+#+)?$"));

/// ATX headings (`# # #`) and lines that Markdown would turn into a rule or a setext underline.
static NEEDS_ESCAPE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?P<indent>\s{0,3})(?P<rest>#{1,6}(?:\s|$).*|(?:[-*_=]\s*){3,}|=+\s*)$")
});

/// Reads a raw statement in plain text (lines that Markdown would misread are escaped).
pub fn extract(text: &str) -> Extracted {
    extract_with(text, Options::default())
}

/// Reads a raw statement that is already Markdown, such as the output of [`html_to_markdown`](super::html_to_markdown):
/// the same rules as [`extract`], but headings and rules are kept as Markdown, not escaped,
/// and line breaks are left as they are.
pub fn extract_markdown(markdown: &str) -> Extracted {
    extract_with(
        markdown,
        Options {
            markdown: true,
            ..Options::default()
        },
    )
}

/// How [`extract_with`] reads a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The text is Markdown already: nothing is escaped and line breaks stay as they are.
    pub markdown: bool,
    /// The first non-blank line is the title (and is consumed). Off when the caller has the
    /// title from elsewhere and the text starts straight with the statement.
    pub title_line: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            markdown: false,
            title_line: true,
        }
    }
}

/// Reads a raw statement as `options` say.
pub fn extract_with(text: &str, options: Options) -> Extracted {
    let input = if options.markdown {
        Input::Markdown
    } else {
        Input::Text
    };
    extract_from(text, input, options.title_line)
}

/// What kind of text [`extract_from`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    Text,
    Markdown,
}

fn extract_from(text: &str, input: Input, title_line: bool) -> Extracted {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let is_blank = |index: usize| lines[index].trim().is_empty();
    let Some(first) = (0..lines.len()).find(|&i| !is_blank(i)) else {
        return Extracted::default();
    };
    let mut consumed = vec![false; lines.len()];
    // The statement proper starts at `start`, after the title line if there is one.
    let mut title_index = None;
    let (title, start) = if title_line {
        // Page labels or date lines first ("Press release", "• News", "5 March 2024"): the
        // title is the next line; a label stays in the body (it is text of the page, if not of
        // the statement), a date line is read as a dateline.
        let above = |line: &str| LABEL.is_match(line.trim()) || labelled_date_line(line).is_some();
        let index = (first..lines.len())
            .filter(|&i| !is_blank(i))
            .take(LINES_ABOVE_TITLE + 1)
            .find(|&i| !above(lines[i]))
            .filter(|&i| i != first)
            .unwrap_or(first);
        consumed[index] = true;
        title_index = Some(index);
        let start = if index == first { first + 1 } else { first };
        (Some(title_text(lines[index])), start)
    } else {
        (None, first)
    };

    // The feed footer, if it is the last line.
    let mut end = lines.len();
    let mut footer_organization = None;
    if let Some(last) = (start..lines.len()).rev().find(|&i| !is_blank(i))
        && let Some(caps) = FOOTER.captures(lines[last].trim())
    {
        footer_organization = Some(caps["org"].trim().to_owned());
        consumed[last] = true;
        end = last;
    }

    // The date: from the first lines, before the title or after it.
    let content: Vec<usize> = (start..end)
        .filter(|&i| !is_blank(i) && !consumed[i])
        .collect();
    let head = head_date(&lines, &content);
    if let Some(index) = head.consumed {
        consumed[index] = true;
    }

    // Body, background and contact.
    let parts = sections::split(&lines, (start..end).filter(|&i| !consumed[i]));
    for &index in &parts.consumed {
        consumed[index] = true;
    }

    // Text without a single blank line uses one line per paragraph.
    let line_per_paragraph = input == Input::Text
        && content.len() > 1
        && (content[0]..=content[content.len() - 1]).all(|i| !is_blank(i) || consumed[i]);
    let escape = input == Input::Text;
    let body_lines: Vec<&str> = parts.body.iter().map(|&(_, line)| line).collect();
    let body = render(&body_lines, line_per_paragraph, escape);
    let background = parts
        .background
        .as_deref()
        .map(|lines| render(lines, line_per_paragraph, escape))
        .filter(|b| !b.is_empty());
    let contact = parts.contact.as_deref().and_then(contact_text);

    let numbered: Vec<(usize, &str)> = parts.numbered_body().collect();
    let title_at = title_index.map(|i| (i + 1, lines[i]));
    let found = speakers::find(&numbered, title_at, footer_organization.as_deref());
    let whole = |index: usize| Origin::at(index + 1, lines[index], 0);
    let location = title.as_deref().and_then(title_location);
    let origins = Origins {
        title: title_index.map(whole),
        date: head.origin,
        location: location.as_ref().and(title_index).map(whole),
        speakers: found.origins,
        organization: found.issuer.as_ref().map(|(_, origin)| origin.clone()),
        body: numbered
            .iter()
            .find(|(_, line)| !line.trim().is_empty())
            .map(|&(number, line)| Origin::at(number, line, 0)),
        background: background.as_ref().and(parts.background_start).map(whole),
        contact: contact.as_ref().and(parts.contact_start).map(whole),
    };
    Extracted {
        location,
        title,
        speakers: found.speakers,
        date: head.date,
        dateline_place: head.place,
        body,
        background,
        contact,
        footer_organization,
        organization: found.issuer.map(|(org, _)| org),
        origins,
    }
}

/// The `Place:` prefix of a title, when it names a place ("Hong Kong: …" → "Hong Kong").
/// With two colons, only the first segment counts.
pub fn title_location(title: &str) -> Option<String> {
    let (prefix, _) = title.split_once(':')?;
    let prefix = prefix.trim();
    gazetteer::is_place(prefix).then(|| prefix.to_owned())
}

/// The title as text: a Markdown heading's `#` marks (from HTML input) are markup, not words.
fn title_text(line: &str) -> String {
    let line = line.trim();
    match ATX_HEADING.captures(line) {
        Some(caps) => caps["text"].trim().to_owned(),
        None => line.to_owned(),
    }
}

/// Escapes a line that Markdown would not show as written: an ATX heading (`# # #`, the
/// end-of-release mark) gets `\#`; a line of only `-`, `*`, `_` or `=` (a rule or a setext
/// underline) gets a leading backslash. Every other line is returned unchanged.
pub fn escape_line(line: &str) -> Cow<'_, str> {
    match NEEDS_ESCAPE.captures(line) {
        Some(caps) => Cow::Owned(format!("{}\\{}", &caps["indent"], &caps["rest"])),
        None => Cow::Borrowed(line),
    }
}

/// Joins lines into Markdown: blank-line runs become one blank line, leading and trailing blank
/// lines go, with `line_per_paragraph` every line becomes its own paragraph, and with `escape`
/// lines go through [`escape_line`].
fn render<S: AsRef<str>>(lines: &[S], line_per_paragraph: bool, escape: bool) -> String {
    let mut out = String::new();
    let mut blank_before = false;
    for line in lines {
        let line = line.as_ref();
        if line.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_before || line_per_paragraph {
                "\n\n"
            } else {
                "\n"
            });
        }
        if escape {
            out.push_str(&escape_line(line));
        } else {
            out.push_str(line);
        }
        blank_before = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_location_only_for_places() {
        assert_eq!(
            title_location("Global: Misuse of notices").as_deref(),
            Some("Global")
        );
        assert_eq!(
            title_location("Israel/OPT: Stop").as_deref(),
            Some("Israel/OPT")
        );
        assert_eq!(
            title_location("Türkiye: Release them: now").as_deref(),
            Some("Türkiye")
        );
        assert_eq!(title_location("Human Rights Council: Act"), None);
        assert_eq!(title_location("World Cup 2030: Guarantees"), None);
        assert_eq!(title_location("No prefix at all"), None);
    }

    #[test]
    fn escapes_only_what_markdown_would_swallow() {
        assert_eq!(escape_line("# # #"), "\\# # #");
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("#hashtag stays"), "#hashtag stays");
        assert_eq!(escape_line("- a list item"), "- a list item");
        assert_eq!(escape_line("Plain text."), "Plain text.");
    }

    #[test]
    fn consumes_title_date_line_background_and_footer_only() {
        let text = "\u{feff}Title: here\r\n\r\n5 February 2024\r\n\r\nFirst.\r\n\r\nBackground\r\n\r\nMore.\r\n\r\nThe post Title: here appeared first on Org.\r\n";
        let got = extract(text);
        assert_eq!(got.title.as_deref(), Some("Title: here"));
        assert_eq!(got.date, NaiveDate::from_ymd_opt(2024, 2, 5));
        assert_eq!(got.body, "First.");
        assert_eq!(got.background.as_deref(), Some("More."));
        assert_eq!(got.footer_organization.as_deref(), Some("Org"));
    }

    #[test]
    fn dates_inside_sentences_are_not_datelines() {
        let got = extract("Title\n\nOn 5 February 2024 the court ruled.\n");
        assert_eq!(got.date, None);
        assert_eq!(got.body, "On 5 February 2024 the court ruled.");
    }

    #[test]
    fn dateline_prefix_stays_in_the_body() {
        let got = extract("Title\n\nLONDON, 5 February 2024 – The court ruled.\n");
        assert_eq!(got.date, NaiveDate::from_ymd_opt(2024, 2, 5));
        assert_eq!(got.dateline_place.as_deref(), Some("London"));
        assert_eq!(got.body, "LONDON, 5 February 2024 – The court ruled.");
    }

    #[test]
    fn single_spaced_text_gets_one_paragraph_per_line() {
        let got = extract("Title\nOne.\nTwo.\n");
        assert_eq!(got.body, "One.\n\nTwo.");
        let got = extract("Title\n\nOne\nstill one.\n\nTwo.\n");
        assert_eq!(got.body, "One\nstill one.\n\nTwo.");
    }

    #[test]
    fn a_page_label_above_the_title_stays_in_the_body() {
        let got = extract("• Press Release\n\nUK: Stop it\n\nMarch 11, 2020\n\nText.\n");
        assert_eq!(got.title.as_deref(), Some("UK: Stop it"));
        assert_eq!(got.location.as_deref(), Some("UK"));
        assert_eq!(got.date, NaiveDate::from_ymd_opt(2020, 3, 11));
        assert_eq!(got.body, "• Press Release\n\nText.");
    }

    #[test]
    fn empty_text_gives_nothing() {
        assert_eq!(extract(" \n\n"), Extracted::default());
    }

    #[test]
    fn html_becomes_markdown() {
        let md = crate::import::html_to_markdown(
            "<h1>Title</h1><p>Jane Doe said: <em>“Yes.”</em></p><script>x()</script>",
        );
        assert!(md.contains("# Title"), "{md}");
        assert!(md.contains("Jane Doe said:"), "{md}");
        assert!(!md.contains("x()"), "{md}");
    }

    /// Markdown input keeps its line breaks: lines without a blank one between them stay one
    /// paragraph (plain text would give each line its own).
    #[test]
    fn markdown_without_blank_lines_keeps_its_paragraphs() {
        let got = extract_markdown("Title\nOne.\nTwo.\n");
        assert_eq!(got.body, "One.\nTwo.");
    }

    /// A line of twelve words right under a contact heading is part of the contact block.
    #[test]
    fn a_twelve_word_line_under_a_contact_heading_is_contact() {
        let got = extract(
            "Title\n\nText.\n\nMedia contact:\nJane Roe, head of the press office at our Geneva office today\n",
        );
        assert_eq!(got.body, "Text.");
        assert_eq!(
            got.contact.as_deref(),
            Some("Media contact:\nJane Roe, head of the press office at our Geneva office today")
        );
    }

    /// Each page label above the title stays in the body; the line under it is the title.
    #[test]
    fn every_page_label_above_the_title_leaves_it_the_title() {
        for label in [
            "Press release",
            "News release",
            "Media release",
            "News",
            "Statement",
            "Public statement",
            "For immediate release",
        ] {
            let got = extract(&format!("{label}\n\nUK: Stop it\n\nText.\n"));
            assert_eq!(got.title.as_deref(), Some("UK: Stop it"), "{label}");
            assert_eq!(got.body, format!("{label}\n\nText."), "{label}");
        }
    }

    /// The dateline's place is the first prefix's, not a later paragraph's.
    #[test]
    fn the_dateline_place_is_the_first_prefix_s() {
        let got = extract("Title\n\nLONDON – The court ruled.\n\nGENEVA – The UN replied.\n");
        assert_eq!(got.dateline_place.as_deref(), Some("London"));
    }

    /// The background is traced to its first heading, not a later one.
    #[test]
    fn the_background_is_traced_to_its_first_heading() {
        let got = extract(
            "Title\n\nText.\n\nNotes to editors\n\nA note.\n\nAbout UNICEF\n\nUNICEF works.\n",
        );
        assert_eq!(got.origins.background.map(|o| o.line), Some(5));
    }
}
