//! Quoted passages in a body: where each opens and closes, over one or several paragraphs.
//!
//! A passage opens with a double quotation mark — `“` (closed by `”`), `„` (closed by `“` or
//! `”`), `«` (closed by `»`, guillemets nest) or a straight `"` (closed by the next `"`) — and
//! runs to its closing mark. Marks inside it belong to it (nested quotes: `‘…’` in `“…”`,
//! `“…”` in `«…»`). A paragraph that ends with the passage still open continues it when the
//! next paragraph opens with the same mark (the convention for a quotation over several
//! paragraphs), or has no opening mark but the closing one (`… growth”.`); otherwise the
//! passage ends with its paragraph. A passage of fewer than
//! [`MIN_WORDS`] words is a term in quotation marks (`so-called “terrorists”`), not a quote.

/// The fewest words a passage has to count as a quote.
pub const MIN_WORDS: usize = 3;

/// One passage: its text (paragraphs joined by a blank line) and where it is, as indices into
/// the paragraphs given to [`find`] and byte offsets in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The words between the marks, paragraphs joined with `\n\n`.
    pub text: String,
    /// The paragraph and byte where the opening mark is.
    pub start: (usize, usize),
    /// The paragraph and byte just after the closing mark (or the end of the paragraph).
    pub end: (usize, usize),
}

/// The mark that closes a passage opened by `open`, if `open` opens one.
fn closer(open: char) -> Option<&'static [char]> {
    match open {
        '“' => Some(&['”']),
        '„' => Some(&['“', '”']),
        '«' => Some(&['»']),
        '"' => Some(&['"']),
        _ => None,
    }
}

/// An open passage being read.
struct Open {
    mark: char,
    depth: usize,
    start: (usize, usize),
    text: String,
}

/// The passages of `paragraphs`, in order.
pub fn find(paragraphs: &[&str]) -> Vec<Passage> {
    let mut found = Vec::new();
    let mut open: Option<Open> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let mut chars = paragraph.char_indices().peekable();
        // A continued passage: this paragraph must open with the same mark, which is skipped.
        if let Some(current) = open.take() {
            let first = paragraph.trim_start().chars().next();
            // Or a paragraph with no opening mark that closes it (`… entrepreneurship”.`).
            let closes_unopened = current.mark != '"'
                && closer(current.mark).is_some_and(|close| {
                    paragraph
                        .find(close)
                        .is_some_and(|at| !paragraph[..at].contains(current.mark))
                });
            if closes_unopened {
                let mut current = current;
                current.text.push_str("\n\n");
                open = Some(current);
            } else if first == Some(current.mark) {
                let skip = paragraph.len() - paragraph.trim_start().len();
                while chars.next_if(|&(at, _)| at <= skip).is_some() {}
                let mut current = current;
                current.text.push_str("\n\n");
                open = Some(current);
            } else {
                push(
                    &mut found,
                    current,
                    (index - 1, paragraphs[index - 1].len()),
                );
            }
        }
        for (at, c) in chars {
            match open.as_mut() {
                None => {
                    if closer(c).is_some() {
                        open = Some(Open {
                            mark: c,
                            depth: 0,
                            start: (index, at),
                            text: String::new(),
                        });
                    }
                }
                Some(current) => {
                    let closes = closer(current.mark).is_some_and(|close| close.contains(&c));
                    if closes && current.depth == 0 {
                        if let Some(done) = open.take() {
                            push(&mut found, done, (index, at + c.len_utf8()));
                        }
                    } else {
                        if current.mark == '«' && c == '«' {
                            current.depth += 1;
                        } else if closes {
                            current.depth -= 1;
                        }
                        current.text.push(c);
                    }
                }
            }
        }
    }
    if let Some(current) = open {
        let last = paragraphs.len().saturating_sub(1);
        let end = paragraphs.get(last).map_or(0, |p| p.len());
        push(&mut found, current, (last, end));
    }
    found
}

/// Keeps a finished passage when it is long enough to be a quote.
fn push(found: &mut Vec<Passage>, open: Open, end: (usize, usize)) {
    let text = open.text.trim();
    if text.split_whitespace().count() >= MIN_WORDS {
        found.push(Passage {
            text: text.to_owned(),
            start: open.start,
            end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        find(paragraphs).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one_passage() {
        let body = [
            "Jane Roe said:",
            "“First part of it.",
            "“Second part of it.",
            "“Last part of it.”",
            "“A new quote here.”",
            "“Opened, and the next paragraph has no mark.",
            "It closes the quote”.",
        ];
        assert_eq!(
            texts(&body),
            [
                "First part of it.\n\nSecond part of it.\n\nLast part of it.",
                "A new quote here.",
                "Opened, and the next paragraph has no mark.\n\nIt closes the quote"
            ]
        );
        let passages = find(&body);
        assert_eq!((passages[0].start, passages[0].end), ((1, 0), (3, 22)));
    }

    #[test]
    fn straight_quotes_and_guillemets_nest() {
        assert_eq!(
            texts(&[
                r#""We are here," she said. "And we stay."#,
                r#""Really we do.""#,
                "« Il a dit « non » trois fois », dit-elle.",
                "„Wir sind da“, sagte sie.",
                "“They called it ‘a farce’ at once,” he said.",
            ]),
            [
                "We are here,",
                "And we stay.\n\nReally we do.",
                "Il a dit « non » trois fois",
                "Wir sind da",
                "They called it ‘a farce’ at once,"
            ]
        );
    }

    #[test]
    fn terms_in_quotes_and_unopened_paragraphs_are_not_passages() {
        assert_eq!(
            texts(&[
                "The so-called “terrorists” were students.",
                "“An open quote with no end",
                "Prose that does not continue it.",
            ]),
            ["An open quote with no end"]
        );
    }
}
