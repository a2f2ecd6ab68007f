//! Tables and statement text for the terminal.
//!
//! On a terminal, tables are fitted to the width (each row kept to one line, cut with `…`);
//! when the output is not a terminal (`width` is `None`), cells are never cut or wrapped.

use std::io::Write;

use comfy_table::{Cell, ContentArrangement, Row, Table, presets};
use unicode_width::UnicodeWidthStr as _;

use crate::query::{Group, GroupBy};
use crate::statement::{Header, Statement};

fn table(header: &[&str], width: Option<usize>) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_header(header.iter().map(|h| Cell::new(h.to_uppercase())));
    match width {
        Some(width) => {
            table
                .set_content_arrangement(ContentArrangement::DynamicFullWidth)
                .set_truncation_indicator("…")
                .set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table
}

fn row(cells: Vec<String>, width: Option<usize>) -> Row {
    let mut row = Row::from(cells);
    if width.is_some() {
        row.max_height(1);
    }
    row
}

/// Renders the table lines: two spaces between columns, none at the edges.
fn finish(table: &mut Table) -> String {
    let count = table.column_count();
    for (index, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if index + 1 == count { 0 } else { 2 }));
    }
    let mut text: String = table
        .lines()
        .map(|line| line.trim_end().to_owned() + "\n")
        .collect();
    if text.is_empty() {
        text.push('\n');
    }
    text
}

/// The `list` table: date, title, speakers, topics.
pub fn statements_table<H: Header>(
    out: &mut dyn Write,
    statements: &[&H],
    width: Option<usize>,
) -> std::io::Result<()> {
    let rows = statements
        .iter()
        .map(|statement| {
            let speakers: Vec<&str> = statement.speakers().iter().map(|s| s.label()).collect();
            let topics: Vec<&str> = statement.topics().iter().map(|t| t.name.as_str()).collect();
            let mut title = statement.title().to_owned();
            if statement.draft() {
                title.push_str(" (draft)");
            }
            if statement.withdrawn().is_some() {
                title.push_str(" (withdrawn)");
            }
            vec![
                statement.day().format("%Y-%m-%d").to_string(),
                title,
                speakers.join("; "),
                topics.join("; "),
            ]
        })
        .collect();
    rows_table(out, &["date", "title", "speakers", "topics"], rows, width)
}

/// Writes a table of rows under `header` to `out`, fitted to `width` (`press quotes`, `list`).
pub fn rows_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: Vec<Vec<String>>,
    width: Option<usize>,
) -> std::io::Result<()> {
    if width.is_none() {
        return plain(out, header, &rows);
    }
    let mut table = table(header, width);
    for cells in rows {
        table.add_row(row(cells, width));
    }
    out.write_all(finish(&mut table).as_bytes())
}

/// Writes the table with nothing to fit: each column as wide as its widest line, cells as they
/// are (a cell's lines on lines of their own), two spaces between columns, no space at a
/// line's end. What [`finish`] gives with [`ContentArrangement::Disabled`], but line by line:
/// comfy-table keeps every line of every cell and the whole text, which at a hundred thousand
/// rows of quotes cost seconds and gigabytes. The last column is never padded, so its width is
/// not needed.
fn plain(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let header: Vec<String> = header.iter().map(|h| h.to_uppercase()).collect();
    let padded = header.len().saturating_sub(1);
    let mut widths = vec![1; padded];
    for cells in std::iter::once(&header).chain(rows) {
        for (width, cell) in widths.iter_mut().zip(cells) {
            for line in cell.split('\n') {
                *width = (*width).max(line.width());
            }
        }
    }
    let mut text = String::new();
    for cells in std::iter::once(&header).chain(rows) {
        let mut lines: Vec<std::str::Split<'_, char>> =
            cells.iter().map(|cell| cell.split('\n')).collect();
        let height = cells
            .iter()
            .map(|c| c.split('\n').count())
            .max()
            .unwrap_or(1);
        for _ in 0..height {
            text.clear();
            for (index, cell) in lines.iter_mut().enumerate() {
                let line = cell.next().unwrap_or("");
                text.push_str(line);
                if let Some(width) = widths.get(index) {
                    let pad = width.saturating_sub(line.width()) + 2;
                    text.extend(std::iter::repeat_n(' ', pad));
                }
            }
            text.truncate(text.trim_end().len());
            text.push('\n');
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

/// The `topics` / `speakers` / `locations` table.
pub fn groups_table(groups: &[Group], by: GroupBy, width: Option<usize>) -> String {
    let name = match by {
        GroupBy::Topic => "topic",
        GroupBy::Speaker => "speaker",
        GroupBy::Location => "location",
    };
    let mut header = vec![name, "statements", "first", "last"];
    if by == GroupBy::Speaker {
        header.push("role");
    }
    let mut table = table(&header, width);
    for group in groups {
        let mut cells = vec![
            group.name.clone(),
            group.count.to_string(),
            group.first.to_string(),
            group.last.to_string(),
        ];
        if by == GroupBy::Speaker {
            cells.push(group.role.clone().unwrap_or_default());
        }
        table.add_row(row(cells, width));
    }
    if let Some(column) = table.column_mut(1) {
        column.set_cell_alignment(comfy_table::CellAlignment::Right);
    }
    finish(&mut table)
}

/// `show`: the header fields, the body rendered from Markdown, then the background.
pub fn statement_text(statement: &Statement, width: usize, color: bool) -> String {
    let bold = |s: &str| {
        if color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let dim = |s: &str| {
        if color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let mut out = String::new();
    for line in textwrap::wrap(&statement.title, width.max(20)) {
        out.push_str(&bold(&line));
        out.push('\n');
    }
    let mut facts = vec![statement.published.to_string()];
    if let Some(location) = &statement.location {
        facts.push(location.clone());
    }
    if statement.draft {
        facts.push("draft".to_owned());
    }
    if let Some(embargo) = &statement.embargo {
        facts.push(format!("embargo until {}", embargo.to_rfc3339()));
    }
    out.push_str(&dim(&facts.join(" · ")));
    out.push('\n');
    for line in super::notice::lines(statement) {
        out.push_str(&bold(&textwrap::fill(&line, width.max(20))));
        out.push('\n');
    }
    for speaker in &statement.speakers {
        let line = [
            speaker.name.as_deref(),
            speaker.role.as_deref(),
            speaker.organization.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        out.push_str(&textwrap::fill(&line, width.max(20)));
        out.push('\n');
    }
    let topics: Vec<&str> = statement.topics.iter().map(|t| t.name.as_str()).collect();
    for line in textwrap::wrap(&format!("Topics: {}", topics.join(", ")), width.max(20)) {
        out.push_str(&dim(&line));
        out.push('\n');
    }
    if let Some(source) = &statement.source {
        out.push_str(&dim(&format!("Source: {source}")));
        out.push('\n');
    }
    if let Some(summary) = &statement.summary {
        out.push('\n');
        out.push_str(&textwrap::fill(summary, width.max(20)));
        out.push('\n');
    }
    if !statement.body.is_empty() {
        out.push('\n');
        out.push_str(&super::markdown::to_terminal(&statement.body, width, color));
        out.push('\n');
    }
    if let Some(background) = &statement.background {
        out.push('\n');
        out.push_str(&bold("Background"));
        out.push_str("\n\n");
        out.push_str(&super::markdown::to_terminal(background, width, color));
        out.push('\n');
    }
    if let Some(contact) = &statement.contact {
        out.push('\n');
        out.push_str(&bold("Contact"));
        out.push_str("\n\n");
        for line in contact.lines() {
            out.push_str(&textwrap::fill(line, width.max(20)));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`plain`] writes.
    fn plain(header: &[&str], rows: &[Vec<String>]) -> String {
        let mut out = Vec::new();
        super::plain(&mut out, header, rows).expect("written to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    /// What comfy-table lays out with nothing to fit, which [`plain`] must match.
    fn comfy(header: &[&str], rows: &[Vec<String>]) -> String {
        let mut table = table(header, None);
        for cells in rows {
            table.add_row(row(cells.clone(), None));
        }
        finish(&mut table)
    }

    #[test]
    fn the_plain_layout_is_comfy_tables() {
        let rows = |cells: &[&[&str]]| -> Vec<Vec<String>> {
            cells
                .iter()
                .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
                .collect()
        };
        let fixed = rows(&[
            &["2026-03-05", "“We stand,” she said", "Jane Roe", ""],
            &["2026-03-04", "北京 ok\ntwo lines", "", "e\u{301}té"],
            &["", "x  ", "Amnesty International; Ann Lee", "torture; 🦀"],
        ]);
        let header = ["date", "title", "speakers", "topics"];
        assert_eq!(plain(&header, &fixed), comfy(&header, &fixed));
        assert_eq!(
            plain(&header, &fixed[..1]),
            "DATE        TITLE                 SPEAKERS  TOPICS\n\
             2026-03-05  “We stand,” she said  Jane Roe\n"
        );
        // And on cells made of the characters where they could differ.
        let alphabet: Vec<char> = "a é\u{301}北🦀\n\t“-".chars().collect();
        let mut state = 5u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        for _ in 0..300 {
            let rows: Vec<Vec<String>> = (0..next() % 4)
                .map(|_| {
                    (0..3)
                        .map(|_| {
                            (0..next() % 7)
                                .map(|_| alphabet[next() % alphabet.len()])
                                .collect()
                        })
                        .collect()
                })
                .collect();
            let header = ["quote", "who", "slug"];
            assert_eq!(plain(&header, &rows), comfy(&header, &rows), "{rows:?}");
        }
    }
}
