//! Tables and statement text for the terminal.
//!
//! On a terminal, tables are fitted to the width (each row kept to one line, cut with `…`);
//! when the output is not a terminal (`width` is `None`), cells are never cut or wrapped.

use comfy_table::{Cell, ContentArrangement, Row, Table, presets};

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
pub fn statements_table<H: Header>(statements: &[&H], width: Option<usize>) -> String {
    let mut table = table(&["date", "title", "speakers", "topics"], width);
    for statement in statements {
        let speakers: Vec<&str> = statement.speakers().iter().map(|s| s.label()).collect();
        let topics: Vec<&str> = statement.topics().iter().map(|t| t.name.as_str()).collect();
        let mut title = statement.title().to_owned();
        if statement.draft() {
            title.push_str(" (draft)");
        }
        if statement.withdrawn().is_some() {
            title.push_str(" (withdrawn)");
        }
        table.add_row(row(
            vec![
                statement.day().format("%Y-%m-%d").to_string(),
                title,
                speakers.join("; "),
                topics.join("; "),
            ],
            width,
        ));
    }
    finish(&mut table)
}

/// A table of rows under `header`, fitted to `width` (`press quotes`).
pub fn rows_table(header: &[&str], rows: Vec<Vec<String>>, width: Option<usize>) -> String {
    let mut table = table(header, width);
    for cells in rows {
        table.add_row(row(cells, width));
    }
    finish(&mut table)
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
