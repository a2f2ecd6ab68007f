//! The text edits of [`super`]: flow and block lists in every spacing, the shapes a speaker
//! takes, and the shapes refused.

use super::*;

fn rename(text: &str, from: &str, to: &str) -> Option<String> {
    edit_values(text, "topics", None, |v| {
        if v.eq_ignore_ascii_case(from) {
            Fate::Replace(to.to_owned())
        } else {
            Fate::Keep
        }
    })
    .expect("editable")
}

fn remove(text: &str, gone: &str) -> Option<String> {
    edit_values(text, "topics", None, |v| {
        if v == gone { Fate::Remove } else { Fate::Keep }
    })
    .expect("editable")
}

#[test]
fn flow_items_keep_their_quotes() {
    let text = "---\ntitle: x\ntopics: [a, 'b', \"c\"] # mine\n---\n";
    assert_eq!(
        rename(text, "b", "It's"),
        Some(text.replace("'b'", "'It''s'"))
    );
    assert_eq!(rename(text, "c", "D"), Some(text.replace("\"c\"", "\"D\"")));
    assert_eq!(rename(text, "a", "x y"), Some(text.replace("[a,", "[x y,")));
    assert_eq!(
        rename(text, "a", "x, y"),
        Some(text.replace("[a,", "[\"x, y\","))
    );
    assert_eq!(
        rename(text, "a", "true"),
        Some(text.replace("[a,", "[\"true\","))
    );
    assert_eq!(rename(text, "z", "y"), None);
}

#[test]
fn flow_items_leave_with_their_separator() {
    let text = "---\ntopics: [a, 'b', \"c\"]\n---\n";
    assert_eq!(remove(text, "a"), Some(text.replace("a, ", "")));
    assert_eq!(remove(text, "b"), Some(text.replace("'b', ", "")));
    assert_eq!(remove(text, "c"), Some(text.replace(", \"c\"", "")));
    assert_eq!(
        edit_values(text, "topics", None, |v| if v == "a" {
            Fate::Keep
        } else {
            Fate::Remove
        })
        .expect("editable"),
        Some(text.replace(", 'b', \"c\"", ""))
    );
    // A trailing comma ends the list; it holds no empty value to keep.
    for one in ["---\ntopics: [a]\n---\n", "---\ntopics: [a, ]\n---\n"] {
        assert_eq!(
            edit_values(one, "topics", None, |v| if v == "a" {
                Fate::Remove
            } else {
                Fate::Keep
            })
            .err()
            .as_deref(),
            Some("cannot remove every value of `topics`"),
            "{one}"
        );
    }
}

#[test]
fn flow_lists_of_every_spacing_and_their_refusals() {
    let text = |list: &str| format!("---\ntopics: {list}\n---\n");
    let renamed = |list: &str| rename(&text(list), "b", "B");
    assert_eq!(renamed("[a,b]"), Some(text("[a,B]")));
    assert_eq!(renamed("[\ta ,  b\t] # c"), Some(text("[\ta ,  B\t] # c")));
    assert_eq!(renamed("[ ]"), None);
    assert_eq!(renamed("[a b]"), None);
    let refused = |list: &str| {
        edit_values(&text(list), "topics", None, |_| Fate::Keep)
            .err()
            .unwrap_or_default()
    };
    let several = "a list over several lines (or with nested values)";
    for list in [
        "[a, [b]]",
        "[a, *x]",
        "[a",
        "[a,",
        "['a' b]",
        "[a, {b: c}]",
        "['a",
        "['a'",
        "[a, \"b\"  ",
    ] {
        assert_eq!(refused(list), several, "{list}");
    }
    assert_eq!(
        refused("[a] x"),
        "a value followed by more text on its line"
    );
}

#[test]
fn block_lists_of_every_indentation_and_their_refusals() {
    let text = |list: &str| format!("---\ntopics:\n{list}title: t\n---\n");
    assert_eq!(
        rename(&text("- a\n\n-\tb\n"), "b", "B"),
        Some(text("- a\n\n-\tB\n"))
    );
    assert_eq!(
        remove(&text("  - a\n  - b\n\n"), "b"),
        Some(text("  - a\n\n"))
    );
    let refused = |list: &str| {
        edit_values(&text(list), "topics", None, |_| Fate::Keep)
            .err()
            .unwrap_or_default()
    };
    assert_eq!(refused("- a\n  - b\n"), "a list item over several lines");
    assert_eq!(refused("  - a\n - b\n"), "a list item over several lines");
    assert_eq!(refused("  - a\n  b\n"), "a list item over several lines");
    assert_eq!(refused("-a\n"), "`topics` is not a list or a string");
    assert_eq!(
        refused("- [a]\n"),
        "a list item that is not a one-line string"
    );
    assert_eq!(
        rename(&text(""), "a", "A"),
        None,
        "an empty value has nothing to rename"
    );
}

#[test]
fn block_items_keep_comments_and_line_endings() {
    let text = "\u{feff}---\r\ntopics: # list\r\n  - a # one\r\n  # between\r\n  - 'b'\r\ntitle: x\r\n---\r\n";
    assert_eq!(
        rename(text, "a", "A b"),
        Some(text.replace("- a #", "- A b #"))
    );
    assert_eq!(remove(text, "a"), Some(text.replace("  - a # one\r\n", "")));
    assert_eq!(remove(text, "b"), Some(text.replace("  - 'b'\r\n", "")));
}

#[test]
fn a_single_scalar_is_replaced() {
    let text = "---\ntopics: Torture # x\n---\n";
    assert_eq!(
        rename(text, "torture", "Ill-treatment: torture"),
        Some(text.replace("Torture", "\"Ill-treatment: torture\""))
    );
    let multi = "---\ntopics: [a,\n  b]\n---\n";
    assert_eq!(
        edit_values(multi, "topics", None, |_| Fate::Keep)
            .err()
            .as_deref(),
        Some("a list over several lines (or with nested values)")
    );
}

/// `text` with the speaker `from` (by slug) renamed `to`, and `gone` removed.
fn speakers(text: &str, from: &str, to: &str) -> Result<Option<String>, String> {
    let mut mapping = HashMap::default();
    mapping.insert(slug::key(from), to.to_owned());
    map_values(text, "speaker", Some("name"), &mapping)
}

#[test]
fn a_speaker_name_is_found_in_every_shape() {
    let shapes = [
        ("speaker: Ann Lee # c\n", "speaker: Bo # c\n"),
        ("speaker: 'Ann Lee'\n", "speaker: 'Bo'\n"),
        (
            "speaker: {role: X, name: \"Ann Lee\"} # c\n",
            "speaker: {role: X, name: \"Bo\"} # c\n",
        ),
        (
            "speaker:\n  role: X\n  name: Ann Lee\n",
            "speaker:\n  role: X\n  name: Bo\n",
        ),
        (
            "speaker: [Cy, {name: ann lee, role: 'X, Y'}]\n",
            "speaker: [Cy, {name: Bo, role: 'X, Y'}]\n",
        ),
        (
            "speaker:\n- Cy\n- name: Ann Lee\n  # c\n  role: X\n-   {name: 'Ann Lee'}\n",
            "speaker:\n- Cy\n- name: Bo\n  # c\n  role: X\n",
        ),
        (
            "speaker:\n  -\n    name: Ann Lee\n  - organization: Amnesty\n",
            "speaker:\n  -\n    name: Bo\n  - organization: Amnesty\n",
        ),
    ];
    for (before, after) in shapes {
        let text = format!("---\ntitle: t\n{before}topics: [a]\n---\nBody\n");
        let want = format!("---\ntitle: t\n{after}topics: [a]\n---\nBody\n");
        assert_eq!(speakers(&text, "Ann Lee", "Bo"), Ok(Some(want)), "{before}");
    }
}

#[test]
fn a_merged_speaker_leaves_with_its_map() {
    let text = "---\nspeaker: [{name: A, role: R}, 'B', {name: a}]\n---\n";
    assert_eq!(
        speakers(text, "a", "B"),
        Ok(Some("---\nspeaker: [{name: B, role: R}]\n---\n".to_owned()))
    );
    // A map between two items leaves with the separator before it; the map after it stays
    // whole.
    assert_eq!(
        speakers(
            "---\nspeaker: [B, {name: a, role: R},  {name: C}]\n---\n",
            "a",
            "B"
        ),
        Ok(Some("---\nspeaker: [B,  {name: C}]\n---\n".to_owned()))
    );
    let block = "---\nspeaker:\n  - name: A\n    role: R\n  - name: B\n    role: S\n\n    organization: O\n  # c\n---\n";
    assert_eq!(
        speakers(block, "b", "A"),
        Ok(Some(
            "---\nspeaker:\n  - name: A\n    role: R\n  # c\n---\n".to_owned()
        ))
    );
}

#[test]
fn a_name_it_cannot_read_is_refused() {
    for (shape, why) in [
        (
            "speaker:\n  name: Ann\n    Lee\n",
            "a `name` over several lines",
        ),
        (
            "speaker:\n  name: >\n    Ann\n",
            "a `name` over several lines",
        ),
        (
            "speaker: {name: Ann,\n  role: X}\n",
            "a map with nested values (or over several lines)",
        ),
        (
            "speaker: [{name: [Ann]}]\n",
            "a map with nested values (or over several lines)",
        ),
        (
            "speaker:\n  - Ann\n    Lee\n",
            "a list item over several lines",
        ),
        (
            "speaker:\n  - {name: Ann}\n    Lee\n",
            "a list item over several lines",
        ),
    ] {
        let text = format!("---\n{shape}---\n");
        assert_eq!(
            speakers(&text, "Ann", "Bo").err().as_deref(),
            Some(why),
            "{shape}"
        );
    }
}
