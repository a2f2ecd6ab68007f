//! BibTeX and BibLaTeX entries, written by the `biblatex` crate: a BibLaTeX `@report` with
//! `type = {Press release}` (BibTeX's `@techreport`), the institutional author in braces so
//! that no reference manager splits it into given and family names.

use biblatex::{Bibliography, Chunk, Entry, EntryType, Spanned};

use super::{Author, Citation, GENRE};

/// The citations as BibTeX (`@techreport`, `year`/`month`/`day`), one entry after another.
pub fn to_bibtex(citations: &[Citation]) -> anyhow::Result<String> {
    let mut out = String::new();
    for citation in citations {
        let entry = entry(citation);
        let text = entry
            .to_bibtex_string()
            .map_err(|err| anyhow::anyhow!("cannot write {} as BibTeX: {err}", citation.key))?;
        out.push_str(&text_commands(&text));
        out.push_str("\n\n");
    }
    Ok(out)
}

/// The citations as BibLaTeX (`@report`, `date`).
pub fn to_biblatex(citations: &[Citation]) -> String {
    let mut bibliography = Bibliography::new();
    for citation in citations {
        bibliography.insert(entry(citation));
    }
    let mut out = text_commands(&bibliography.to_biblatex_string());
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// One citation as a BibLaTeX entry.
fn entry(citation: &Citation) -> Entry {
    let mut entry = Entry::new(citation.key.clone(), EntryType::Report);
    let mut authors = Vec::new();
    for (i, author) in citation.authors.iter().enumerate() {
        if i > 0 {
            authors.push(normal(" and "));
        }
        authors.push(match author {
            // Braces keep an institution whole.
            Author::Organization(name) => verbatim(name),
            Author::Person(name) => normal(name),
        });
    }
    entry.set("author", authors);
    // Braces keep the headline's capitals, which BibTeX styles would otherwise lower.
    entry.set("title", vec![verbatim(&citation.title)]);
    entry.set(
        "date",
        vec![normal(&citation.issued.format("%Y-%m-%d").to_string())],
    );
    entry.set("type", vec![normal(GENRE)]);
    let institution = citation
        .publisher
        .as_deref()
        .or_else(|| citation.authors.first().map(Author::name));
    if let Some(institution) = institution {
        entry.set("institution", vec![verbatim(institution)]);
    }
    entry.set("langid", vec![normal(&citation.lang)]);
    if let Some(url) = &citation.url {
        entry.set("url", vec![normal(url)]);
    }
    if let Some(note) = &citation.note {
        entry.set("note", vec![normal(note)]);
    }
    if let Some(text) = &citation.abstract_text {
        entry.set("abstract", vec![normal(text)]);
    }
    if !citation.keywords.is_empty() {
        entry.set("keywords", vec![normal(&citation.keywords.join(", "))]);
    }
    entry
}

/// The crate escapes `\`, `~` and `^` with a backslash, which TeX reads as a line break and
/// two accents: they become `\textbackslash{}`, `\textasciitilde{}`, `\textasciicircum{}`.
/// Every backslash in the crate's output starts an escape (statement text has its own doubled).
fn text_commands(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push_str("\\textbackslash{}"),
            Some('~') => out.push_str("\\textasciitilde{}"),
            Some('^') => out.push_str("\\textasciicircum{}"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn normal(text: &str) -> Spanned<Chunk> {
    Spanned::detached(Chunk::Normal(text.to_owned()))
}

fn verbatim(text: &str) -> Spanned<Chunk> {
    Spanned::detached(Chunk::Verbatim(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backslash_tilde_and_caret_become_text_commands() {
        assert_eq!(
            text_commands(r"a \\ b \~ c \^ d \{e\} \% \&"),
            r"a \textbackslash{} b \textasciitilde{} c \textasciicircum{} d \{e\} \% \&"
        );
    }
}
