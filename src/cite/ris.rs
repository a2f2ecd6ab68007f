//! RIS, the tagged format every reference manager imports: `TAG  - value` lines, one record per
//! citation from `TY  - PRESS` (press release) to `ER  - `.

use std::fmt::Write as _;

use super::{Author, Citation, GENRE};

/// The citations as RIS records, each followed by a blank line.
pub fn to_ris(citations: &[Citation]) -> String {
    let mut out = String::new();
    for citation in citations {
        record(&mut out, citation);
        out.push('\n');
    }
    out
}

/// One record.
fn record(out: &mut String, citation: &Citation) {
    tag(out, "TY", "PRESS");
    tag(out, "ID", &citation.key);
    tag(out, "TI", &citation.title);
    for author in &citation.authors {
        match author {
            // An institution's name has no comma to split it at: RIS readers keep it whole.
            Author::Organization(name) => tag(out, "AU", &name.replace(',', "")),
            Author::Person(name) => tag(out, "AU", name),
        }
    }
    tag(out, "PY", &citation.issued.format("%Y").to_string());
    tag(out, "DA", &citation.issued.format("%Y/%m/%d/").to_string());
    tag(out, "M3", GENRE);
    if let Some(publisher) = &citation.publisher {
        tag(out, "PB", publisher);
    }
    tag(out, "LA", &citation.lang);
    if let Some(url) = &citation.url {
        tag(out, "UR", url);
    }
    if let Some(note) = &citation.note {
        tag(out, "N1", note);
    }
    if let Some(text) = &citation.abstract_text {
        tag(out, "AB", text);
    }
    for keyword in &citation.keywords {
        tag(out, "KW", keyword);
    }
    out.push_str("ER  - \n");
}

/// One `TAG  - value` line; line breaks and other control characters in the value become spaces
/// (a record's lines are its fields).
fn tag(out: &mut String, name: &str, value: &str) {
    let value: String = value
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let _ = writeln!(out, "{name}  - {value}");
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn citation() -> Citation {
        Citation {
            key: "amnesty2026globalmisuse".to_owned(),
            title: "Global: Misuse of red notices".to_owned(),
            authors: vec![Author::Organization("Amnesty International".to_owned())],
            issued: NaiveDate::from_ymd_opt(2026, 1, 7).unwrap_or_default(),
            publisher: Some("Amnesty International".to_owned()),
            lang: "en".to_owned(),
            url: Some("https://example.org/statements/2026/x/".to_owned()),
            note: Some("Speaker: Erika Guevara Rosas, Senior Director".to_owned()),
            abstract_text: Some("Two\nlines".to_owned()),
            keywords: vec!["Interpol".to_owned(), "red notices".to_owned()],
        }
    }

    /// The lines of the record with this tag.
    fn lines(citation: &Citation, name: &str) -> Vec<String> {
        to_ris(std::slice::from_ref(citation))
            .lines()
            .filter(|l| l.starts_with(&format!("{name}  - ")))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn ty_opens_the_record_as_a_press_release_and_er_closes_it() {
        let text = to_ris(&[citation()]);
        assert!(text.starts_with("TY  - PRESS\n"), "{text}");
        assert!(text.ends_with("ER  - \n\n"), "{text}");
    }

    #[test]
    fn id_is_the_citation_key() {
        assert_eq!(lines(&citation(), "ID"), ["ID  - amnesty2026globalmisuse"]);
    }

    #[test]
    fn ti_is_the_title() {
        assert_eq!(
            lines(&citation(), "TI"),
            ["TI  - Global: Misuse of red notices"]
        );
    }

    #[test]
    fn au_is_each_author_and_an_institution_loses_its_commas() {
        let mut c = citation();
        c.authors
            .push(Author::Organization("Oxfam, Inc.".to_owned()));
        c.authors.push(Author::Person("Ali Demir".to_owned()));
        assert_eq!(
            lines(&c, "AU"),
            [
                "AU  - Amnesty International",
                "AU  - Oxfam Inc.",
                "AU  - Ali Demir"
            ]
        );
    }

    #[test]
    fn py_is_the_year_and_da_the_whole_date() {
        assert_eq!(lines(&citation(), "PY"), ["PY  - 2026"]);
        assert_eq!(lines(&citation(), "DA"), ["DA  - 2026/01/07/"]);
    }

    #[test]
    fn m3_is_the_genre() {
        assert_eq!(lines(&citation(), "M3"), ["M3  - Press release"]);
    }

    #[test]
    fn pb_is_the_publisher_when_known() {
        assert_eq!(lines(&citation(), "PB"), ["PB  - Amnesty International"]);
        let mut c = citation();
        c.publisher = None;
        assert!(lines(&c, "PB").is_empty());
    }

    #[test]
    fn la_is_the_language() {
        assert_eq!(lines(&citation(), "LA"), ["LA  - en"]);
    }

    #[test]
    fn ur_is_the_url_when_known() {
        assert_eq!(
            lines(&citation(), "UR"),
            ["UR  - https://example.org/statements/2026/x/"]
        );
        let mut c = citation();
        c.url = None;
        assert!(lines(&c, "UR").is_empty());
    }

    #[test]
    fn n1_names_the_speaker() {
        assert_eq!(
            lines(&citation(), "N1"),
            ["N1  - Speaker: Erika Guevara Rosas, Senior Director"]
        );
    }

    #[test]
    fn ab_is_the_abstract_on_one_line() {
        assert_eq!(lines(&citation(), "AB"), ["AB  - Two lines"]);
    }

    #[test]
    fn kw_is_each_topic() {
        assert_eq!(
            lines(&citation(), "KW"),
            ["KW  - Interpol", "KW  - red notices"]
        );
    }
}
