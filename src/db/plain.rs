//! Markdown as plain text, for the database's `*_text` columns and its full-text index: the
//! words a reader sees, without markup, with paragraphs separated by blank lines.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::statement::MARKDOWN;

/// The text of `markdown` as a reader sees it: emphasis, links and headings lose their markup
/// (a link keeps its text, an image its description), raw HTML is dropped, blocks are separated
/// by a blank line, list items and table rows each start a line.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, MARKDOWN) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::Start(Tag::Item | Tag::TableRow | Tag::TableHead) => new_line(&mut text),
            Event::End(TagEnd::TableCell) => text.push('\t'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table,
            )
            | Event::Rule => blank_line(&mut text),
            _ => {}
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text
}

/// Ends the current line, unless the text is empty or already at a line's start.
fn new_line(text: &mut String) {
    let end = text.trim_end_matches([' ', '\t']).len();
    text.truncate(end);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Ends the current block with one blank line (never more than one).
fn blank_line(text: &mut String) {
    new_line(text);
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markup_goes_and_the_words_stay() {
        assert_eq!(
            plain_text(
                "# Head\n\nSome *emphasis* and a [link](https://x.org) with `code`.\nNext line.\n\n> Quoted <b>bold</b>\n"
            ),
            "Head\n\nSome emphasis and a link with code. Next line.\n\nQuoted bold"
        );
    }

    #[test]
    fn lists_and_tables_keep_one_line_per_item_and_row() {
        assert_eq!(plain_text("- one\n- two\n\nAfter"), "one\ntwo\n\nAfter");
        assert_eq!(
            plain_text("| a | b |\n|---|---|\n| 1 | 2 |\n"),
            "a\tb\n1\t2"
        );
    }

    #[test]
    fn empty_markdown_is_empty_text() {
        assert_eq!(plain_text(""), "");
        assert_eq!(plain_text("<div>\n</div>\n"), "");
    }
}
