//! `topics.toml`: located errors of each kind, synonyms as one topic in `list --topic` and
//! `press topics`, the `--tree` counts, a parent's list including its descendants, strict mode.

use insta::assert_snapshot;

use crate::support::{Archive, press};

/// Statements naming Interpol as "ICPO" and "interpol", a red notice, a diffusion and torture.
fn archive(vocabulary: &str) -> Archive {
    let statement = |date: &str, topics: &str| {
        format!(
            "---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: Ann\ntopics: [{topics}]\n---\nBody.\n"
        )
    };
    Archive::empty()
        .file("topics.toml", vocabulary)
        .file(
            "statements/2026/2026-01-01-a.md",
            statement("2026-01-01", "ICPO"),
        )
        .file(
            "statements/2026/2026-01-02-b.md",
            statement("2026-01-02", "interpol, Torture"),
        )
        .file(
            "statements/2026/2026-01-03-c.md",
            statement("2026-01-03", "red notices"),
        )
        .file(
            "statements/2026/2026-01-04-d.md",
            statement("2026-01-04", "Diffusions, Interpol"),
        )
}

const VOCABULARY: &str = "# The archive's topics\n[[topic]]\nname = \"Interpol\"\nsynonyms = [\"ICPO\"]\ndescription = \"The <em>police</em> body.\"\n\n[[topic]]\nname = \"Red notices\"\nparent = \"Interpol\"\n\n[[topic]]\nname = \"Diffusions\"\nparent = \"red notices\"\n";

#[test]
fn synonyms_are_one_topic_in_lists_and_counts() {
    let archive = archive(VOCABULARY);
    let topics = press(&archive, &["topics"]);
    topics.code(0);
    assert_snapshot!(topics.out(), @r"
    TOPIC        STATEMENTS  FIRST       LAST
    Interpol              3  2026-01-01  2026-01-04
    Diffusions            1  2026-01-04  2026-01-04
    Red notices           1  2026-01-03  2026-01-03
    Torture               1  2026-01-02  2026-01-02
    ");
    let list = press(&archive, &["list", "--topic", "icpo", "--format", "paths"]);
    list.code(0);
    // Interpol's own statements, and the red notice below it.
    assert_snapshot!(list.out(), @r"
    statements/2026/2026-01-04-d.md
    statements/2026/2026-01-03-c.md
    statements/2026/2026-01-02-b.md
    statements/2026/2026-01-01-a.md
    ");
    let check = press(&archive, &["check"]);
    check.code(0);
    assert_eq!(check.err(), "checked 4 statements: 0 errors, 0 warnings\n");
}

/// Renaming a topic to one of its synonyms swaps them: the synonym becomes the name, the old
/// name a synonym, and children follow; the new name is not left among its own synonyms.
#[test]
fn renaming_a_topic_to_its_synonym_swaps_them() {
    let archive = archive(VOCABULARY);
    let run = press(&archive, &["topics", "rename", "Interpol", "ICPO"]);
    run.code(0);
    assert_eq!(run.err(), "press: topics renamed; 3 files changed\n");
    assert_eq!(
        archive.read("topics.toml"),
        VOCABULARY
            .replace(
                "name = \"Interpol\"\nsynonyms = [\"ICPO\"]",
                "name = \"ICPO\"\nsynonyms = [\"Interpol\"]"
            )
            .replace("parent = \"Interpol\"", "parent = \"ICPO\"")
    );
    assert_eq!(
        archive.read("statements/2026/2026-01-02-b.md"),
        "---\ntitle: \"On 2026-01-02\"\ndate: 2026-01-02\nspeaker: Ann\ntopics: [ICPO, Torture]\n---\nBody.\n"
    );
}

#[test]
fn a_parent_includes_its_descendants() {
    let archive = archive(VOCABULARY);
    let list = press(
        &archive,
        &["list", "--topic", "red notices", "--format", "paths"],
    );
    list.code(0);
    assert_snapshot!(list.out(), @r"
    statements/2026/2026-01-04-d.md
    statements/2026/2026-01-03-c.md
    ");
    let tree = press(&archive, &["topics", "--tree"]);
    tree.code(0);
    assert_snapshot!(tree.out(), @r"
    Interpol: 3 (4 with descendants)
      Red notices: 1 (2 with descendants)
        Diffusions: 1 (1 with descendants)
    ");
}

#[test]
fn each_problem_of_topics_toml_is_located() {
    for (text, message) in [
        (
            "[[topic]]\nname = \"Interpol\"\nsynonym = [\"ICPO\"]\n",
            "topics.toml:3:1: error: unknown key `synonym`\n  help: did you mean `synonyms`?",
        ),
        (
            "[[topic]]\nname = \"Interpol\"\n[[topic]]\nname = \"Police\"\nsynonyms = [\"INTERPOL\"]\n",
            "topics.toml:5:13: error: topic \"INTERPOL\" is claimed twice: \"Interpol\" on line 2 is the same topic\n  help: give each spelling to one topic only",
        ),
        (
            "[[topic]]\nname = \"Red notices\"\nparent = \"Interpl\"\n[[topic]]\nname = \"Interpol\"\n",
            "topics.toml:3:10: error: parent \"Interpl\" is not a topic of topics.toml\n  help: did you mean \"Interpol\"?",
        ),
        (
            "[[topic]]\nname = \"Interpol\"\nparent = \"Red notices\"\n[[topic]]\nname = \"Red notices\"\nparent = \"Interpol\"\n",
            "topics.toml:3:10: error: parent cycle: \"Interpol\" → \"Red notices\" → \"Interpol\"\n  help: a topic cannot be its own ancestor: remove one `parent`",
        ),
    ] {
        let archive = archive(text);
        let check = press(&archive, &["check"]);
        check.code(1);
        // Without a valid vocabulary, "interpol" and "Interpol" are two spellings again.
        let err = check.err();
        let ours: Vec<&str> = err
            .lines()
            .skip_while(|l| !l.starts_with("topics.toml"))
            .collect();
        assert_eq!(
            ours.join("\n"),
            format!("{message}\nchecked 4 statements: 1 error, 1 warning"),
            "{text}"
        );
        let export = press(&archive, &["export"]);
        export.code(1);
    }
}

#[test]
fn strict_refuses_a_topic_outside_the_vocabulary() {
    let archive = archive(&format!("strict = true\n{VOCABULARY}")).file(
        "statements/2026/2026-01-05-e.md",
        "---\ntitle: E\ndate: 2026-01-05\nspeaker: Ann\ntopics:\n  - Red notice\n---\nBody.\n",
    );
    let check = press(&archive, &["check"]);
    check.code(1);
    assert_snapshot!(check.err(), @r#"
    statements/2026/2026-01-02-b.md:5:9: error: topic "Torture" is not in topics.toml (strict = true)
      help: add it to topics.toml (or a synonym of a topic there)
    statements/2026/2026-01-05-e.md:5:1: error: topic "Red notice" is not in topics.toml (strict = true)
      help: did you mean "Red notices"?
    checked 5 statements: 2 errors, 0 warnings
    "#);
}

#[test]
fn topic_pages_include_descendants_and_synonyms_redirect() {
    let archive = archive(VOCABULARY);
    press(&archive, &["export"]).code(0);
    let site = |p: &str| archive.read(&format!("site/{p}"));
    let interpol = site("topics/interpol/index.html");
    assert!(
        interpol.contains("<p class=\"description\">The &lt;em&gt;police&lt;/em&gt; body.</p>"),
        "{interpol}"
    );
    assert!(
        interpol.contains("<p class=\"includes\">Includes: Red notices, Diffusions.</p>"),
        "{interpol}"
    );
    // Its own three statements and the red notice below it, each once.
    let titles: Vec<&str> = [
        "On 2026-01-01",
        "On 2026-01-02",
        "On 2026-01-03",
        "On 2026-01-04",
    ]
    .into_iter()
    .filter(|t| interpol.contains(&format!(">{t}<")))
    .collect();
    assert_eq!(titles.len(), 4, "{interpol}");
    let torture = site("topics/torture/index.html");
    assert!(!torture.contains("class=\"includes\""), "{torture}");
    let redirect = site("topics/icpo/index.html");
    assert!(
        redirect.contains(
            "<meta http-equiv=\"refresh\" content=\"0; url=../../topics/interpol/index.html\">"
        ),
        "{redirect}"
    );
    assert_eq!(site("_redirects"), "/topics/icpo/ /topics/interpol/ 301\n");
}

#[test]
fn a_parent_named_by_no_statement_has_a_page_of_its_descendants() {
    // "Policing" is named by no statement; Interpol (below it) by three, red notices by one.
    let vocabulary =
        format!("{VOCABULARY}\n[[topic]]\nname = \"Policing\"\ndescription = \"Police forces.\"\n")
            .replace(
                "name = \"Interpol\"\n",
                "name = \"Interpol\"\nparent = \"Policing\"\n",
            );
    let archive = archive(&vocabulary);
    press(&archive, &["export"]).code(0);
    let policing = archive.read("site/topics/policing/index.html");
    assert!(
        policing.contains("<p class=\"includes\">Includes: Interpol, Red notices, Diffusions.</p>"),
        "{policing}"
    );
    let titles: Vec<&str> = [
        "On 2026-01-01",
        "On 2026-01-02",
        "On 2026-01-03",
        "On 2026-01-04",
    ]
    .into_iter()
    .filter(|t| policing.contains(&format!(">{t}<")))
    .collect();
    assert_eq!(titles.len(), 4, "{policing}");
    // The index of topics links to it, and its feed is written.
    let index = archive.read("site/topics/index.html");
    assert!(
        index.contains(
            "href=\"../topics/policing/index.html\">Policing<span class=\"count\"> (4)</span>"
        ),
        "{index}"
    );
    assert!(
        archive
            .read("site/topics/policing/feed.xml")
            .contains("On 2026-01-03")
    );
    // `press topics` counts stay direct: Policing has none of its own.
    let topics = press(&archive, &["topics"]);
    assert!(!topics.out().contains("Policing"), "{}", topics.out());
}
