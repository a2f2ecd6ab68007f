//! The limits on one-line text keys count characters: a title in a script whose letters take
//! two or three bytes each is held to the same 500 characters as an English one.

use super::*;

fn with_title(title: &str) -> Parsed {
    let text =
        format!("---\ntitle: \"{title}\"\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\n---\nBody.\n");
    parse("statements/2026/2026-01-27-x.md", text.as_bytes())
}

#[test]
fn a_title_of_500_accented_characters_is_accepted_and_501_are_refused() {
    let longest = "é".repeat(500);
    let parsed = with_title(&longest);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.statement.map(|s| s.title), Some(longest));
    let parsed = with_title(&"ü".repeat(501));
    let messages: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "statements/2026/2026-01-27-x.md:2:8: error: `title` is 501 characters long, more than 500\n  help: shorten it; long text belongs in `summary` or the body"
        ]
    );
}

/// `translation_of` names a slug: spaces around it in a quoted value are not part of it.
#[test]
fn translation_of_is_read_without_the_spaces_around_it() {
    let text = "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\nlang: es\ntranslation_of: \" orig \"\n---\nBody.\n";
    let parsed = parse("statements/2026/2026-01-27-x-es.md", text.as_bytes());
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(
        parsed
            .statement
            .and_then(|s| s.translation_of)
            .map(|slug| slug.as_str().to_owned())
            .as_deref(),
        Some("orig")
    );
}

/// A topic is its name without the spaces around it, quoted or not.
#[test]
fn topics_are_read_without_the_spaces_around_them() {
    let text = "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [\" Torture \", \"human rights\t\"]\n---\nBody.\n";
    let parsed = parse("statements/2026/2026-01-27-x.md", text.as_bytes());
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let names: Vec<String> = parsed
        .statement
        .map(|s| s.topics.into_iter().map(|t| t.name).collect())
        .unwrap_or_default();
    assert_eq!(names, ["Torture", "human rights"]);
}
