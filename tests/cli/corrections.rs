//! Corrections and withdrawals on the record: the keys' errors, `press correct` and `press
//! withdraw` writing only their own lines, and what `show`, `list` and `export` make of them.

use std::process::Command;

use crate::support::{self, Archive};

const A: &str = "statements/2026/2026-01-27-a.md";
const B: &str = "statements/2026/2026-02-01-b.md";

/// A statement with comments, single quotes, CRLF line endings and an odd key order.
const ODD: &str = "---\r\n# the desk's copy\r\ntopics: ['Policing', \"Interpol\"]\r\ntitle: 'Global: It''s done'\r\nextra:\r\n  wp_id: 12\r\ndate: 2026-01-27 # the day\r\nspeaker: Ana Piquer\r\n\r\n# end of keys\r\n---\r\nThe body.\r\n";

/// [`ODD`] after `press correct a --note "The figure was 12, not 21."` on 5 March 2026.
const ODD_CORRECTED: &str = "---\r\n# the desk's copy\r\ntopics: ['Policing', \"Interpol\"]\r\ntitle: 'Global: It''s done'\r\nextra:\r\n  wp_id: 12\r\ndate: 2026-01-27 # the day\r\nspeaker: Ana Piquer\r\ncorrections:\r\n  - date: 2026-03-05\r\n    note: \"The figure was 12, not 21.\"\r\n\r\n# end of keys\r\n---\r\nThe body.\r\n";

fn archive() -> Archive {
    Archive::empty().file(A, ODD).file(
        B,
        support::statement(&support::front("Sudan: B <i>", "2026-02-01"), "Body B.\n"),
    )
}

fn press(archive: &Archive, args: &[&str]) -> support::Run {
    support::press(archive, args)
}

#[test]
fn correct_adds_its_lines_and_touches_no_other_byte() {
    let archive = archive();
    // 23:30 on 5 March in New York is 6 March in UTC: the day is the one in --now's offset.
    let run = press(
        &archive,
        &[
            "correct",
            "a",
            "--note",
            "The figure was 12, not 21.",
            "--now",
            "2026-03-05T23:30:00-05:00",
        ],
    );
    run.code(0);
    assert_eq!(run.out(), format!("{A}\n"));
    assert_eq!(archive.read(A), ODD_CORRECTED);
    // A second one joins the list, after the first.
    press(
        &archive,
        &[
            "correct",
            "a",
            "--note",
            "Second",
            "--now",
            "2026-03-07T09:00:00+00:00",
        ],
    )
    .code(0);
    assert_eq!(
        archive.read(A),
        ODD_CORRECTED.replace(
            "not 21.\"\r\n",
            "not 21.\"\r\n  - date: 2026-03-07\r\n    note: \"Second\"\r\n"
        )
    );
    // An earlier day would put the list out of order: refused, nothing written.
    let before = archive.read(A);
    let run = press(
        &archive,
        &[
            "correct",
            "a",
            "--note",
            "x",
            "--now",
            "2026-03-06T09:00:00+00:00",
        ],
    );
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: the last correction of statements/2026/2026-01-27-a.md is dated 2026-03-07, after today (2026-03-06); corrections are listed oldest first\n"
    );
    assert_eq!(archive.read(A), before);
    assert_eq!(archive.files(), [A, B], "no temporary file is left");
}

#[test]
fn two_corrections_on_one_day_are_both_kept_in_order() {
    let archive = archive();
    for note in ["The figure was 12, not 21.", "The date was 27 January."] {
        let run = press(
            &archive,
            &[
                "correct",
                "a",
                "--note",
                note,
                "--now",
                "2026-03-05T09:00:00+00:00",
            ],
        );
        run.code(0);
        assert_eq!(run.out(), format!("{A}\n"));
    }
    assert_eq!(
        archive.read(A),
        ODD_CORRECTED.replace(
            "not 21.\"\r\n",
            "not 21.\"\r\n  - date: 2026-03-05\r\n    note: \"The date was 27 January.\"\r\n"
        )
    );
}

#[test]
fn withdraw_twice_exits_1_and_undo_gives_back_the_file() {
    let archive = archive();
    press(
        &archive,
        &[
            "withdraw",
            "a",
            "--note",
            "Sent in error",
            "--now",
            "2026-03-06T10:00:00+00:00",
        ],
    )
    .code(0);
    assert_eq!(
        archive.read(A),
        ODD.replace(
            "speaker: Ana Piquer\r\n",
            "speaker: Ana Piquer\r\nwithdrawn:\r\n  date: 2026-03-06\r\n  note: \"Sent in error\"\r\n"
        )
    );
    let withdrawn = archive.read(A);
    let run = press(&archive, &["withdraw", "a", "--note", "Again"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!("press: {A} is already withdrawn; nothing changed\n")
    );
    assert_eq!(archive.read(A), withdrawn);
    press(&archive, &["withdraw", "a", "--undo"]).code(0);
    assert_eq!(archive.read(A), ODD);
    let run = press(&archive, &["withdraw", "a", "--undo"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!("press: {A} is not withdrawn; nothing changed\n")
    );
}

#[test]
fn correct_refuses_a_file_with_errors_and_an_unknown_slug() {
    let broken = "---\ntitle: \"A\"\ndate: 2026-02-30\nspeaker: \"Ana Piquer\"\ntopics: [\"t\"]\n---\nBody\n";
    let archive = Archive::empty().file(A, broken);
    let run = press(&archive, &["correct", "a", "--note", "x"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!(
            "{A}:3:7: error: `date` is an impossible date: \"2026-02-30\"\n  help: check the day and month; write it as YYYY-MM-DD\npress: {A} has errors; fix them (press check) before changing its record\n"
        )
    );
    assert_eq!(archive.read(A), broken);
    let run = press(&archive, &["withdraw", "nothing-here", "--note", "x"]);
    run.code(1);
    assert_eq!(
        run.err(),
        "press: no statement with the slug \"nothing-here\"\n"
    );
    let run = press(&archive, &["correct", "a", "--note", "  "]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: --note is empty: say what changed, as readers will see it\n"
    );
    assert_eq!(archive.read(A), broken, "nothing written");
}

#[test]
fn check_locates_bad_corrections_and_withdrawals() {
    let archive = Archive::empty().file(
        A,
        "---\ntitle: \"A\"\ndate: 2026-01-27\nspeaker: \"Ana Piquer\"\ntopics: [\"t\"]\ncorrections:\n  - {date: 2026-03-01, note: a}\n  - {date: 2026-02-01, note: b}\n  - {date: 2026-02-30, note: c}\n  - {date: 2026-04-01}\nwithdrawn: {date: 2026-04-02, note: w, why: x}\n---\nBody\n",
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!(
            "{A}:6:1: error: correction 2 is dated 2026-02-01, before correction 1 (2026-03-01): corrections are listed oldest first
  help: put the corrections in the order of their dates, the newest last
{A}:6:1: error: correction 3 has a `date` that is not a calendar day: \"2026-02-30\"
  help: write the day as YYYY-MM-DD, e.g. 2026-03-05
{A}:6:1: error: correction 4 has no `note`
  help: say what changed, e.g. note: \"The figure was 12, not 21.\"
{A}:11:12: error: unknown key `why` in `withdrawn`
  help: its keys are `date` and `note`
checked 1 statement: 4 errors, 0 warnings
"
        )
    );
}

#[test]
fn show_and_list_carry_the_record() {
    let archive = archive();
    press(
        &archive,
        &[
            "correct",
            "a",
            "--note",
            "The figure was 12, not 21.",
            "--now",
            "2026-03-05T10:00:00+00:00",
        ],
    )
    .code(0);
    press(
        &archive,
        &[
            "withdraw",
            "a",
            "--note",
            "Sent in error",
            "--now",
            "2026-03-06T10:00:00+00:00",
        ],
    )
    .code(0);
    let text = press(&archive, &["show", "a"]);
    text.code(0);
    assert_eq!(
        text.out().lines().take(4).collect::<Vec<_>>(),
        [
            "Global: It's done",
            "2026-01-27",
            "Withdrawn on 6 March 2026: Sent in error",
            "Corrected on 5 March 2026: The figure was 12, not 21.",
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&press(&archive, &["show", "a", "--format", "json"]).out()).unwrap();
    assert_eq!(
        json["corrections"],
        serde_json::json!([{"date": "2026-03-05", "note": "The figure was 12, not 21."}])
    );
    assert_eq!(
        json["withdrawn"],
        serde_json::json!({"date": "2026-03-06", "note": "Sent in error"})
    );
    let all: serde_json::Value =
        serde_json::from_str(&press(&archive, &["list", "--format", "json"]).out()).unwrap();
    assert_eq!(all[0]["corrections"], serde_json::json!([]));
    assert_eq!(all[0]["withdrawn"], serde_json::Value::Null);
    assert_eq!(
        press(&archive, &["list", "--withdrawn", "--format", "paths"]).out(),
        format!("{A}\n")
    );
    assert_eq!(
        press(&archive, &["list", "--corrected", "--format", "paths"]).out(),
        format!("{A}\n")
    );
    assert_eq!(
        press(&archive, &["list"]).out(),
        "DATE        TITLE                          SPEAKERS    TOPICS\n\
         2026-02-01  Sudan: B <i>                   Ana Piquer  Policing\n\
         2026-01-27  Global: It's done (withdrawn)  Ana Piquer  Policing; Interpol\n"
    );
    // The cache carries both: the same answers without it.
    assert_eq!(
        press(
            &archive,
            &["list", "--withdrawn", "--no-cache", "--format", "json"]
        )
        .out(),
        press(&archive, &["list", "--withdrawn", "--format", "json"]).out()
    );
}

/// The archive with a correction on B and a withdrawn, corrected A, exported with a base URL.
fn exported() -> Archive {
    let archive = archive().file(
        "press.toml",
        "title = \"Desk\"\nbase_url = \"https://example.org/\"\n",
    );
    press(
        &archive,
        &[
            "correct",
            "a",
            "--note",
            "The figure was 12.",
            "--now",
            "2026-03-05T10:00:00+00:00",
        ],
    )
    .code(0);
    press(
        &archive,
        &[
            "withdraw",
            "a",
            "--note",
            "Sent <b>in</b> error",
            "--now",
            "2026-03-06T10:00:00+00:00",
        ],
    )
    .code(0);
    press(
        &archive,
        &[
            "correct",
            "b",
            "--note",
            "Fixed & done",
            "--now",
            "2026-03-07T10:00:00+00:00",
        ],
    )
    .code(0);
    press(&archive, &["export"]).code(0);
    archive
}

#[test]
fn export_marks_pages_and_keeps_withdrawn_statements_out_of_feeds() {
    let archive = exported();
    let page = archive.read("site/statements/2026/a/index.html");
    for line in [
        "<meta property=\"article:modified_time\" content=\"2026-03-06\">",
        "<li class=\"notice notice-withdrawn\"><strong><time datetime=\"2026-03-06\">Withdrawn on 6 March 2026</time>:</strong> Sent &lt;b&gt;in&lt;/b&gt; error</li>",
        "<li class=\"notice notice-corrected\"><strong><time datetime=\"2026-03-05\">Corrected on 5 March 2026</time>:</strong> The figure was 12.</li>",
    ] {
        assert!(
            page.lines().any(|l| l.trim() == line),
            "{line}\nnot in\n{page}"
        );
    }
    // The structured data says when it last changed: the withdrawal here, the last correction
    // of `b`.
    assert!(page.contains(r#""dateModified":"2026-03-06""#), "{page}");
    let corrected = archive.read("site/statements/2026/b/index.html");
    assert!(
        corrected.contains(r#""dateModified":"2026-03-07""#),
        "{corrected}"
    );
    // Still listed (marked) on its topic page, still in the sitemap.
    let topic = archive.read("site/topics/interpol/index.html");
    assert!(
        topic.contains("<strong class=\"withdrawn\">Withdrawn</strong>"),
        "{topic}"
    );
    assert!(
        archive
            .read("site/sitemap.xml")
            .contains("<loc>https://example.org/statements/2026/a/</loc>")
    );
    // Out of every feed; B's entry is updated on its correction's day.
    for feed in [
        "site/feed.xml",
        "site/feed.json",
        "site/topics/policing/feed.xml",
    ] {
        let parsed = feed_rs::parser::parse(archive.read(feed).as_bytes()).unwrap();
        let ids: Vec<&str> = parsed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["https://example.org/statements/2026/b/"], "{feed}");
        assert_eq!(
            parsed.entries[0].updated.map(|u| u.to_rfc3339()).as_deref(),
            Some("2026-03-07T00:00:00+00:00"),
            "{feed}"
        );
    }
    // The topic keeps its feed, empty: its statements are withdrawn.
    let parsed =
        feed_rs::parser::parse(archive.read("site/topics/interpol/feed.xml").as_bytes()).unwrap();
    assert_eq!(parsed.entries.len(), 0);
}

#[test]
fn export_lists_every_change_newest_first_with_a_feed() {
    let archive = exported();
    let page = scraper::Html::parse_document(&archive.read("site/corrections/index.html"));
    let items: Vec<String> = page
        .select(&scraper::Selector::parse("ol.corrections li").unwrap())
        .map(|li| li.text().collect::<String>())
        .collect();
    assert_eq!(
        items,
        [
            "Corrected on 7 March 2026: Sudan: B <i>. Fixed & done",
            "Withdrawn on 6 March 2026: Global: It's done. Sent <b>in</b> error",
            "Corrected on 5 March 2026: Global: It's done. The figure was 12.",
        ]
    );
    let feed =
        feed_rs::parser::parse(archive.read("site/corrections/feed.xml").as_bytes()).unwrap();
    let entries: Vec<(String, String, String)> = feed
        .entries
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.title.as_ref().unwrap().content.clone(),
                e.updated.unwrap().format("%Y-%m-%d").to_string(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "https://example.org/statements/2026/b/#correction-1".to_owned(),
                "Corrected: Sudan: B <i>".to_owned(),
                "2026-03-07".to_owned()
            ),
            (
                "https://example.org/statements/2026/a/#withdrawn".to_owned(),
                "Withdrawn: Global: It's done".to_owned(),
                "2026-03-06".to_owned()
            ),
            (
                "https://example.org/statements/2026/a/#correction-1".to_owned(),
                "Corrected: Global: It's done".to_owned(),
                "2026-03-05".to_owned()
            ),
        ]
    );
    assert_eq!(
        feed.updated.unwrap().format("%Y-%m-%d").to_string(),
        "2026-03-07"
    );
    let manifest = archive.read("site/.press-manifest");
    for file in ["corrections/index.html", "corrections/feed.xml"] {
        assert!(
            manifest.lines().any(|l| l.ends_with(file)),
            "{file} in the manifest"
        );
    }
    assert!(
        archive
            .read("site/sitemap.xml")
            .contains("<loc>https://example.org/corrections/</loc>")
    );
}

#[test]
fn export_corrections_pages_pass_the_nu_validator() {
    if !crate::export::tool("java") {
        return;
    }
    let Some(vnu) = crate::export::browser_tool("node_modules/vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    let archive = exported();
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu)
        .args(["--errors-only"])
        .arg(archive.path().join("site/corrections/index.html"))
        .arg(archive.path().join("site/statements/2026/a/index.html"))
        .arg(archive.path().join("site/topics/interpol/index.html"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the Nu checker found errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
