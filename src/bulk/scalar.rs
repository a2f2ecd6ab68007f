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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_style_reads_as_yaml_reads_it() {
        assert_eq!(style_of(""), Style::Plain);
        // A plain value may end with a quote mark; only the first byte tells the style.
        assert_eq!(
            decode("Director of \"Foo\""),
            Ok("Director of \"Foo\"".to_owned())
        );
        assert_eq!(decode("It is 'Foo'"), Ok("It is 'Foo'".to_owned()));
        assert_eq!(
            decode("Ann 'Nan' O\"Neil"),
            Ok("Ann 'Nan' O\"Neil".to_owned())
        );
        assert_eq!(decode("'it''s ''x'''"), Ok("it's 'x'".to_owned()));
        assert_eq!(decode("\"a\\tb\\\"c\\u00e9\""), Ok("a\tb\"cé".to_owned()));
        assert_eq!(
            decode("\"a\\qb\""),
            Err("cannot read the value \"a\\qb\"".to_owned())
        );
    }

    #[test]
    fn a_new_value_keeps_the_old_style_only_when_it_reads_back_the_same() {
        let plain = |value| write_as(value, Style::Plain, false);
        assert_eq!(plain("Ann Smith, OBE"), "Ann Smith, OBE");
        assert_eq!(plain("a#b"), "\"a#b\"");
        assert_eq!(plain("a\rb"), "\"a\\rb\"");
        assert_eq!(plain(""), "\"\"");
        assert_eq!(plain(" Ann"), "\" Ann\"");
        assert_eq!(plain("Ann: Smith"), "\"Ann: Smith\"");
        assert_eq!(plain("2019"), "\"2019\"");
        assert_eq!(plain("null"), "\"null\"");
        assert_eq!(write_as("Ann Smith", Style::Plain, true), "Ann Smith");
        assert_eq!(write_as("Ann, OBE", Style::Plain, true), "\"Ann, OBE\"");
        assert_eq!(write_as("a]", Style::Plain, true), "\"a]\"");
        assert_eq!(write_as("O'Neil", Style::Single, false), "'O''Neil'");
        assert_eq!(write_as("a\tb", Style::Single, true), "\"a\\tb\"");
        assert_eq!(write_as("Ann", Style::Double, false), "\"Ann\"");
    }
}
