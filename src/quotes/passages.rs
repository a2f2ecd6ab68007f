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
///
/// Only quotation marks change what is read, so the scan jumps from one byte that may start a
/// mark to the next: `"`, or the first byte of `“ ” „` (U+201C–E) or `« »` (U+00AB, U+00BB),
/// none of them a continuation byte, so each starts a character. A passage's words are copied a
/// paragraph's span at a time.
pub fn find(paragraphs: &[&str]) -> Vec<Passage> {
    let mut found = Vec::new();
    let mut open: Option<Open> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        // Where the scan of this paragraph starts, and, with a passage open, where its words
        // in this paragraph start.
        let mut from = 0;
        // A continued passage: this paragraph must open with the same mark, which is skipped.
        if let Some(mut current) = open.take() {
            let trimmed = paragraph.trim_start();
            // Or a paragraph with no opening mark that closes it (`… entrepreneurship”.`).
            let closes_unopened = current.mark != '"'
                && closer(current.mark).is_some_and(|close| {
                    paragraph
                        .find(close)
                        .is_some_and(|at| !paragraph[..at].contains(current.mark))
                });
            if closes_unopened {
                current.text.push_str("\n\n");
                open = Some(current);
            } else if trimmed.starts_with(current.mark) {
                from = paragraph.len() - trimmed.len() + current.mark.len_utf8();
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
        let mut words_from = from;
        let bytes = paragraph.as_bytes();
        let mut at = from;
        while let Some(skip) = memchr::memchr3(b'"', 0xE2, 0xC2, &bytes[at..]) {
            at += skip;
            let Some(c) = paragraph[at..].chars().next() else {
                break;
            };
            let next = at + c.len_utf8();
            match open.as_mut() {
                None => {
                    if closer(c).is_some() {
                        open = Some(Open {
                            mark: c,
                            depth: 0,
                            start: (index, at),
                            text: String::new(),
                        });
                        words_from = next;
                    }
                }
                Some(current) => {
                    let closes = closer(current.mark).is_some_and(|close| close.contains(&c));
                    if closes && current.depth == 0 {
                        if let Some(mut done) = open.take() {
                            done.text.push_str(&paragraph[words_from..at]);
                            push(&mut found, done, (index, next));
                        }
                    } else if current.mark == '«' && c == '«' {
                        current.depth += 1;
                    } else if closes {
                        current.depth -= 1;
                    }
                }
            }
            at = next;
        }
        if let Some(current) = open.as_mut() {
            current.text.push_str(&paragraph[words_from..]);
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
    if text.split_whitespace().nth(MIN_WORDS - 1).is_some() {
        let text = if text.len() == open.text.len() {
            open.text
        } else {
            text.to_owned()
        };
        found.push(Passage {
            text,
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

    /// The scan that jumps between marks finds what the reading character by character it
    /// replaced found, on strings made of the characters where they could differ.
    #[test]
    fn the_scan_finds_what_reading_every_character_finds() {
        let alphabet: Vec<char> = "ab é\"“”„«»‘’.:".chars().collect();
        let mut state = 11u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let mut passages = 0;
        for _ in 0..3000 {
            let paragraphs: Vec<String> = (0..1 + next() % 4)
                .map(|_| {
                    (0..next() % 24)
                        .map(|_| alphabet[next() % alphabet.len()])
                        .collect()
                })
                .collect();
            let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let found = find(&paragraphs);
            passages += found.len();
            assert_eq!(found, reference(&paragraphs), "{paragraphs:?}");
        }
        assert!(
            passages > 500,
            "only {passages} passages: the strings test too little"
        );
    }

    /// The character-by-character reading that [`find`] replaced, which it must match.
    fn reference(paragraphs: &[&str]) -> Vec<Passage> {
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
}
