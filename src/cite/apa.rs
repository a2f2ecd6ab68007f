//! The APA reference of one press release, written directly for the pages of an export.
//!
//! hayagriva renders APA from the CSL style in about a millisecond per reference: a minute and
//! a half of work for the pages of 100,000 statements, where the whole export takes a few
//! seconds. Every reference press writes has one shape (an institutional or literal author, a
//! full date, a title, the genre, a publisher, a URL), so the page's text is built here, and
//! [`reference`] goes to hayagriva for what falls outside the shapes that
//! `tests::matches_hayagriva` compares with hayagriva's own output (more than 20 authors, a
//! year before 1000, names or titles with whitespace at an end or control characters).
//! `press cite --format apa` always asks hayagriva.

use chrono::Datelike as _;

use super::csl::{Style, cited_publisher};
use super::{Citation, GENRE};

/// APA lists up to this many authors; more are cut as "A, B, … Z", left to hayagriva.
const MOST_AUTHORS: usize = 20;

/// The APA reference of `citation`, plain text, as hayagriva renders it.
pub fn reference(citation: &Citation) -> anyhow::Result<String> {
    match direct(citation) {
        Some(text) => Ok(text),
        None => Ok(Style::Apa.render(std::slice::from_ref(citation))?.join(" ")),
    }
}

/// "Author, & Author. (2026, January 27). Title [Press release]. Publisher. URL", or `None`
/// for a citation outside the shapes this writes as hayagriva does.
fn direct(citation: &Citation) -> Option<String> {
    let names: Vec<&str> = citation.authors.iter().map(|a| a.name()).collect();
    let publisher = cited_publisher(citation);
    let texts = names
        .iter()
        .copied()
        .chain([citation.title.as_str()])
        .chain(publisher);
    let year = citation.issued.year();
    if names.is_empty()
        || names.len() > MOST_AUTHORS
        || !(1000..=9999).contains(&year)
        || !texts.into_iter().all(plain)
    {
        return None;
    }
    let mut text = match names.as_slice() {
        [one] => (*one).to_owned(),
        [first, second] => format!("{first}, & {second}"),
        [rest @ .., last] => format!("{}, & {last}", rest.join(", ")),
        [] => return None,
    };
    end_sentence(&mut text);
    // The style's English locale names the months as chrono does.
    let month = chrono::Month::try_from(citation.issued.month() as u8)
        .ok()?
        .name();
    let day = citation.issued.day();
    text.push_str(&format!(
        " ({year}, {month} {day}). {} [{GENRE}].",
        citation.title
    ));
    if let Some(publisher) = publisher {
        text.push(' ');
        text.push_str(publisher);
        end_sentence(&mut text);
    }
    if let Some(url) = &citation.url {
        text.push(' ');
        text.push_str(url);
    }
    Some(text)
}

/// A full stop after a part, unless it already ends with one.
fn end_sentence(text: &mut String) {
    if !text.ends_with('.') {
        text.push('.');
    }
}

/// A text hayagriva prints as it is: not empty, no whitespace at either end, no control
/// characters.
fn plain(text: &str) -> bool {
    !text.is_empty() && text.trim() == text && !text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::cite::Author;

    fn citation(title: &str, authors: Vec<Author>, day: NaiveDate) -> Citation {
        Citation {
            key: "k".into(),
            title: title.into(),
            authors,
            issued: day,
            publisher: None,
            lang: "en".into(),
            url: None,
            note: None,
            abstract_text: None,
            keywords: vec![],
        }
    }

    fn orgs(names: &[&str]) -> Vec<Author> {
        names
            .iter()
            .map(|n| Author::Organization((*n).into()))
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn writes_the_press_release_reference() {
        let mut c = citation(
            "Global: Misuse of Interpol red notices",
            orgs(&["Amnesty International"]),
            day(2026, 1, 27),
        );
        c.url = Some("https://example.org/a/".into());
        assert_eq!(
            direct(&c).as_deref(),
            Some(
                "Amnesty International. (2026, January 27). Global: Misuse of Interpol red \
                 notices [Press release]. https://example.org/a/"
            )
        );
        c.authors = orgs(&["Acme Inc.", "B", "C"]);
        c.publisher = Some("Press House.".into());
        c.url = None;
        assert_eq!(
            direct(&c).as_deref(),
            Some(
                "Acme Inc., B, & C. (2026, January 27). Global: Misuse of Interpol red notices \
                 [Press release]. Press House."
            )
        );
    }

    #[test]
    fn leaves_what_it_does_not_write_to_hayagriva() {
        let one = orgs(&["A"]);
        let many: Vec<String> = (0..=MOST_AUTHORS).map(|i| format!("Org {i}")).collect();
        let many = orgs(&many.iter().map(String::as_str).collect::<Vec<_>>());
        for c in [
            citation("T", one.clone(), day(999, 1, 1)),
            citation(" T", one.clone(), day(2026, 1, 1)),
            citation("T\u{7}", one.clone(), day(2026, 1, 1)),
            citation("", one.clone(), day(2026, 1, 1)),
            citation("T", orgs(&["A "]), day(2026, 1, 1)),
            citation("T", vec![], day(2026, 1, 1)),
            citation("T", many, day(2026, 1, 1)),
        ] {
            assert_eq!(direct(&c), None, "{c:?}");
        }
        let odd = citation("T", one, day(999, 1, 1));
        assert_eq!(
            reference(&odd).ok().as_deref(),
            Some("A. (999 C.E., January 1). T [Press release].")
        );
    }

    /// The direct text equals hayagriva's for every shape it writes: titles and names with
    /// punctuation at the end, quotes, markup characters; one to 20 authors, people or
    /// institutions; with and without publisher and URL; every month.
    #[test]
    fn matches_hayagriva() {
        let titles = [
            "Plain title",
            "Why now?",
            "Stop!",
            "Ends with a period.",
            "It's \"quoted\" 'single'",
            "a lower case title",
            "Title: subtitle",
            "<b>x</b> & y *z* _w_ $m$",
            "Ends with ellipsis...",
            "« Guillemets » — and “curly”",
            "ALL CAPS [bracketed] (parens)",
            "Ends with \"quote.\"",
            "No\u{a0}break  and double  spaces",
            "العربية: عنوان",
        ];
        let author_sets: Vec<Vec<Author>> = vec![
            orgs(&["Amnesty International"]),
            orgs(&["Acme, Inc."]),
            orgs(&["Who?", "Wow!"]),
            orgs(&["A Org", "B Org", "C Org."]),
            vec![Author::Person("Jane Doe".into())],
            (1..=MOST_AUTHORS)
                .map(|i| Author::Organization(format!("Org {i}")))
                .collect(),
        ];
        let mut compared = 0;
        for (t, title) in titles.iter().enumerate() {
            for authors in &author_sets {
                for publisher in [None, Some("Press House"), Some("Acme, Inc."), Some("Who?")] {
                    for url in [None, Some("https://example.org/2026/a_b/?x=1&y=2")] {
                        let month = (compared % 12) as u32 + 1;
                        let mut c =
                            citation(title, authors.clone(), day(2000 + t as i32, month, 28));
                        c.publisher = publisher.map(Into::into);
                        c.url = url.map(Into::into);
                        let direct = direct(&c);
                        assert!(direct.is_some(), "{c:?}");
                        let hayagriva = Style::Apa.render(std::slice::from_ref(&c)).ok();
                        assert_eq!(direct, hayagriva.map(|v| v.join(" ")), "{c:?}");
                        compared += 1;
                    }
                }
            }
        }
        assert_eq!(compared, titles.len() * author_sets.len() * 8);
    }
}
