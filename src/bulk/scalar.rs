//! One-line YAML scalars in their three styles (plain, 'single' and "double" quoted): what
//! one stands for, and how a new value is written in an old value's style when that style can
//! hold it exactly.

use crate::yaml::{self, Value};

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Plain,
    Single,
    Double,
}

/// The style of the scalar whose bytes are `raw`.
pub(super) fn style_of(raw: &str) -> Style {
    match raw.as_bytes().first() {
        Some(b'\'') => Style::Single,
        Some(b'"') => Style::Double,
        _ => Style::Plain,
    }
}

/// The string a one-line scalar stands for.
pub(super) fn decode(raw: &str) -> Result<String, String> {
    match style_of(raw) {
        Style::Plain => Ok(raw.to_owned()),
        Style::Single => Ok(raw[1..raw.len() - 1].replace("''", "'")),
        Style::Double => match yaml::parse(raw) {
            Ok(Value::String(s)) => Ok(s),
            _ => Err(format!("cannot read the value {raw}")),
        },
    }
}

/// `value` written in `style` when that style holds it exactly, else double-quoted.
pub(super) fn write_as(value: &str, style: Style, flow: bool) -> String {
    match style {
        Style::Plain if plain_holds(value, flow) => value.to_owned(),
        Style::Single if !value.chars().any(char::is_control) => {
            format!("'{}'", value.replace('\'', "''"))
        }
        _ => yaml::double_quoted(value),
    }
}

/// Whether `value` written without quotes reads back as exactly that string (in a flow list
/// when `flow`).
fn plain_holds(value: &str, flow: bool) -> bool {
    if value.is_empty() || value.contains(['\n', '\r', '#']) {
        return false;
    }
    let (text, wrap) = if flow {
        (format!("[{value}]"), true)
    } else {
        (value.to_owned(), false)
    };
    match yaml::parse(&text) {
        Ok(Value::List(items)) if wrap => items == [Value::String(value.to_owned())],
        Ok(Value::String(s)) if !wrap => s == value,
        _ => false,
    }
}
