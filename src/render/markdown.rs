//! Markdown to wrapped terminal text, for `press show`.
//!
//! Paragraphs are wrapped to the width, block quotes get a bar, list items a bullet or number.
//! Emphasis stays visible: italic and bold on a colour terminal, `_x_` and `**x**` without
//! colour. Quotation marks are the text's own and never changed.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Renders Markdown as terminal text wrapped to `width` columns.
pub fn to_terminal(markdown: &str, width: usize, color: bool) -> String {
    let mut renderer = Renderer {
        width: width.max(20),
        color,
        out: String::new(),
        line: String::new(),
        prefixes: Vec::new(),
        lists: Vec::new(),
        first_prefix: None,
        links: Vec::new(),
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        renderer.event(event);
    }
    renderer.flush();
    renderer.out.trim_end().to_owned()
}

struct Renderer {
    width: usize,
    color: bool,
    out: String,
    /// Inline text of the current block, not yet wrapped.
    line: String,
    /// Prefixes of enclosing blocks (`│ ` for quotes, indentation for list items).
    prefixes: Vec<String>,
    /// For each open list, the next item number (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// The marker for the first line of the current list item.
    first_prefix: Option<String>,
    /// Destinations of the open links.
    links: Vec<String>,
}

impl Renderer {
    fn style(&mut self, on: &str, plain: &str) {
        if self.color {
            self.line.push_str(on);
        } else {
            self.line.push_str(plain);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.line.push_str(&text)
            }
            Event::Code(code) => {
                self.line.push('`');
                self.line.push_str(&code);
                self.line.push('`');
            }
            Event::SoftBreak => self.line.push(' '),
            Event::HardBreak => self.line.push('\n'),
            Event::Rule => {
                self.flush();
                let rule = "─".repeat(self.width.min(40));
                self.emit(&rule);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) => self.flush(),
            Tag::BlockQuote(_) => {
                self.flush();
                self.prefixes.push("│ ".to_owned());
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "• ".to_owned(),
                };
                self.prefixes.push(" ".repeat(marker.chars().count()));
                self.first_prefix = Some(marker);
            }
            Tag::Emphasis => self.style("\x1b[3m", "_"),
            Tag::Strong => self.style("\x1b[1m", "**"),
            Tag::Strikethrough => self.style("\x1b[9m", "~~"),
            Tag::Link { dest_url, .. } => self.links.push(dest_url.into_string()),
            Tag::Image { dest_url, .. } => {
                self.line.push_str("[image: ");
                self.links.push(dest_url.into_string());
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock => {
                self.flush();
                self.blank();
            }
            TagEnd::Heading(level) => {
                let text = std::mem::take(&mut self.line);
                self.line = if self.color {
                    format!("\x1b[1m{text}\x1b[0m")
                } else if level == HeadingLevel::H1 {
                    text.to_uppercase()
                } else {
                    text
                };
                self.flush();
                self.blank();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.prefixes.pop();
                // Drop the quote's own trailing bar-only line; the blank line below replaces it.
                let kept = self.out.trim_end_matches(['│', ' ', '\n']).len();
                if kept < self.out.len() {
                    self.out.truncate(kept);
                    self.out.push('\n');
                }
                self.blank();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.blank();
            }
            TagEnd::Item => {
                self.flush();
                self.prefixes.pop();
            }
            TagEnd::Emphasis => self.style("\x1b[23m", "_"),
            TagEnd::Strong => self.style("\x1b[22m", "**"),
            TagEnd::Strikethrough => self.style("\x1b[29m", "~~"),
            TagEnd::Link => {
                if let Some(url) = self.links.pop() {
                    let url = if self.color {
                        format!(" \x1b[2m<{url}>\x1b[22m")
                    } else {
                        format!(" <{url}>")
                    };
                    self.line.push_str(&url);
                }
            }
            TagEnd::Image => {
                if let Some(url) = self.links.pop() {
                    self.line.push_str(&format!("] <{url}>"));
                }
            }
            _ => {}
        }
    }

    /// Ends a blank-line-separated block (no doubled blank lines).
    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            let prefix: String = self.prefixes.concat();
            let prefix = prefix.trim_end();
            if prefix.is_empty() {
                self.out.push('\n');
            } else {
                self.out.push_str(prefix);
                self.out.push('\n');
            }
        }
    }

    /// Wraps the pending inline text with the current prefixes.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line);
        if text.trim().is_empty() {
            return;
        }
        self.emit(&text);
    }

    fn emit(&mut self, text: &str) {
        let rest: String = self.prefixes.concat();
        let first = match self.first_prefix.take() {
            Some(marker) => {
                let outer: String = self.prefixes[..self.prefixes.len().saturating_sub(1)].concat();
                format!("{outer}{marker}")
            }
            None => rest.clone(),
        };
        let width = self
            .width
            .saturating_sub(textwrap::core::display_width(&rest))
            .max(10);
        let mut first_line = true;
        for paragraph_line in text.split('\n') {
            for wrapped in textwrap::wrap(paragraph_line, width) {
                let prefix = if first_line { &first } else { &rest };
                first_line = false;
                self.out.push_str(prefix);
                self.out.push_str(&wrapped);
                self.out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_marks_blocks() {
        let text = to_terminal(
            "“Quote *this* now,” she said.\n\n> A quote\n\n- one\n- two **bold**",
            30,
            false,
        );
        assert_eq!(
            text,
            "“Quote _this_ now,” she said.\n\n│ A quote\n\n• one\n• two **bold**"
        );
    }

    #[test]
    fn wraps_long_paragraphs() {
        let text = to_terminal(&"word ".repeat(20), 22, false);
        assert!(text.lines().all(|l| l.chars().count() <= 22));
    }

    #[test]
    fn a_top_heading_is_capitalised_and_a_lower_one_kept_as_written() {
        let text = to_terminal("# Our demands\n\n## What happened\n\nText.", 40, false);
        assert_eq!(text, "OUR DEMANDS\n\nWhat happened\n\nText.");
    }

    #[test]
    fn an_image_shows_its_text_and_address() {
        let text = to_terminal("See ![the map](map.png) here.", 40, false);
        assert_eq!(text, "See [image: the map] <map.png> here.");
    }
}
