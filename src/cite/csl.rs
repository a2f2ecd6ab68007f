//! CSL-JSON (the format of citeproc-js, Zotero and pandoc), and reference-list entries in a
//! citation style, rendered by hayagriva from that same CSL-JSON.

use std::sync::LazyLock;

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::{IndependentStyle, Locale, Style as CslStyle, json};
use hayagriva::{BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem};
use hayagriva::{CitationRequest, Rendered};
use serde::Serialize;

use super::{Author, Citation, GENRE};

/// A citation style of the reference list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// APA 7th edition.
    Apa,
    /// Chicago Manual of Style, notes and bibliography.
    Chicago,
    /// MLA Handbook.
    Mla,
}

impl Style {
    fn archived(self) -> ArchivedStyle {
        match self {
            Self::Apa => ArchivedStyle::AmericanPsychologicalAssociation,
            Self::Chicago => ArchivedStyle::ChicagoNotes,
            Self::Mla => ArchivedStyle::ModernLanguageAssociation,
        }
    }

    /// Formats the citations as entries of a reference list in this style, plain text, in the
    /// list's order (APA sorts by author, then date).
    pub fn render(self, citations: &[Citation]) -> anyhow::Result<Vec<String>> {
        let Some(style) = STYLES.iter().find(|(s, _)| *s == self).map(|(_, s)| s) else {
            anyhow::bail!("the citation style {self:?} is not available");
        };
        // Cited in reference-list order (author, date, title), so that hayagriva, which letters
        // one author's year in the order of citation, letters it as the list reads (2026a first).
        let mut ordered: Vec<&Citation> = citations.iter().collect();
        ordered.sort_by_cached_key(|c| {
            let names: Vec<&str> = c.authors.iter().map(Author::name).collect();
            (names, c.issued, c.title.as_str())
        });
        let items: Vec<json::Item> = ordered
            .into_iter()
            .map(|c| serde_json::to_value(to_csl_value(c)).and_then(serde_json::from_value))
            .collect::<Result<_, _>>()?;
        let mut driver = BibliographyDriver::new();
        for item in &items {
            driver.citation(CitationRequest::from_items(
                vec![CitationItem::with_entry(item)],
                style,
                &LOCALES,
            ));
        }
        let rendered: Rendered = driver.finish(BibliographyRequest {
            style,
            locale: None,
            locale_files: &LOCALES,
        });
        let mut entries = Vec::new();
        for item in rendered.bibliography.map(|b| b.items).unwrap_or_default() {
            let mut text = String::new();
            item.content.write_buf(&mut text, BufWriteFormat::Plain)?;
            entries.push(text);
        }
        Ok(entries)
    }
}

/// The styles, read once from hayagriva's archive; APA dates press releases in full
/// ([`super::press_release`]).
static STYLES: LazyLock<Vec<(Style, IndependentStyle)>> = LazyLock::new(|| {
    [Style::Apa, Style::Chicago, Style::Mla]
        .into_iter()
        .filter_map(|s| match s.archived().get() {
            CslStyle::Independent(mut style) => {
                if s == Style::Apa {
                    super::press_release::date_reports_in_full(&mut style);
                }
                Some((s, style))
            }
            CslStyle::Dependent(_) => None,
        })
        .collect()
});

/// The English locale the styles' terms come from ("Press release", month names).
static LOCALES: LazyLock<Vec<Locale>> = LazyLock::new(|| {
    locales()
        .into_iter()
        .filter(|l| l.lang.as_ref().is_some_and(|code| code.0 == "en-US"))
        .collect()
});

/// One CSL-JSON item.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct CslItem<'c> {
    id: &'c str,
    citation_key: &'c str,
    #[serde(rename = "type")]
    kind: &'static str,
    genre: &'static str,
    title: &'c str,
    author: Vec<CslName<'c>>,
    issued: CslDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'c str>,
    language: &'c str,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'c str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'c str>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_text: Option<&'c str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<String>,
}

/// A name as CSL-JSON writes one that is not to be split: `{"literal": "…"}`.
#[derive(Debug, Serialize)]
struct CslName<'c> {
    literal: &'c str,
}

/// `{"date-parts": [[YYYY, M, D]]}`.
#[derive(Debug, Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [[u32; 3]; 1],
}

/// The publisher a reference names: none when it is the only author (APA leaves it out, and so
/// do the other styles).
pub(super) fn cited_publisher(citation: &Citation) -> Option<&str> {
    citation
        .publisher
        .as_deref()
        .filter(|p| !matches!(citation.authors.as_slice(), [only] if only.name() == *p))
}

/// A citation as a CSL-JSON item: type `report`, genre "Press release", without a publisher
/// that is the only author.
pub fn to_csl_value(citation: &Citation) -> CslItem<'_> {
    use chrono::Datelike as _;
    let day = citation.issued;
    CslItem {
        id: &citation.key,
        citation_key: &citation.key,
        kind: "report",
        genre: GENRE,
        title: &citation.title,
        author: citation
            .authors
            .iter()
            .map(|a| CslName { literal: a.name() })
            .collect(),
        issued: CslDate {
            // A year before 0 cannot be written (the parser takes four digits).
            date_parts: [[day.year().max(0) as u32, day.month(), day.day()]],
        },
        publisher: cited_publisher(citation),
        language: &citation.lang,
        url: citation.url.as_deref(),
        note: citation.note.as_deref(),
        abstract_text: citation.abstract_text.as_deref(),
        keyword: (!citation.keywords.is_empty()).then(|| citation.keywords.join(", ")),
    }
}

/// The citations as a CSL-JSON array, pretty-printed, with a final newline.
pub fn to_csl_json(citations: &[Citation]) -> anyhow::Result<String> {
    let items: Vec<CslItem<'_>> = citations.iter().map(to_csl_value).collect();
    let mut text = serde_json::to_string_pretty(&items)?;
    text.push('\n');
    Ok(text)
}
