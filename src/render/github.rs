//! Diagnostics as GitHub Actions workflow commands (`press check --format github`): each
//! becomes an annotation on the pull request's file and line.
//!
//! The syntax is `::error file=PATH,line=N,col=N::MESSAGE` (`warning` likewise), escaped as
//! GitHub's own toolkit escapes it (`@actions/core`, `command.ts`): in the message `%`, CR and
//! LF become `%25`, `%0D`, `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.
//! A diagnostic's help follows its message on a line of its own.

use crate::diagnostic::{Diagnostic, Severity};

/// One diagnostic as a workflow command line (without the line break).
pub fn annotation(diagnostic: &Diagnostic) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{command} file={},line={},col={}::{}",
        escape_property(&diagnostic.path),
        diagnostic.line,
        diagnostic.column,
        escape_data(&message)
    )
}

/// The toolkit's `escapeData`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The toolkit's `escapeProperty`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped_as_the_toolkit_does() {
        let mut d = Diagnostic::error("statements/2026/a,b:c%.md", 3, 7, "100% wrong: a\r\nb, c");
        d.help = Some("fix it".to_owned());
        assert_eq!(
            annotation(&d),
            "::error file=statements/2026/a%2Cb%3Ac%25.md,line=3,col=7::100%25 wrong: a%0D%0Ab, c%0Ahelp: fix it"
        );
        let w = Diagnostic::warning("s.md", 1, 1, "empty body");
        assert_eq!(
            annotation(&w),
            "::warning file=s.md,line=1,col=1::empty body"
        );
    }
}
