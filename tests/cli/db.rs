//! `press db`: the database read back with Debian's `sqlite3`, its counts compared with `press
//! list --count` and `press topics` on the bundled and a generated archive; an unchanged run
//! leaves the file untouched; a file that is not a database is never replaced.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{Archive, press};

/// The output of `sqlite3 -bail DB` reading `sql` on its input (list mode, `|` between
/// columns), or `None` (a skip) when `sqlite3` is not installed; under `CI=true` a missing
/// `sqlite3` is a failure.
pub(crate) fn sqlite(db: &Path, sql: &str) -> Option<String> {
    let child = Command::new("sqlite3")
        .arg("-bail")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let output = match child {
        Ok(mut child) => {
            let mut input = child.stdin.take().expect("stdin");
            input.write_all(sql.as_bytes()).expect("write the query");
            drop(input);
            child.wait_with_output().expect("sqlite3 runs")
        }
        Err(_) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "sqlite3 is required when CI=true (apt-get install sqlite3)"
            );
            eprintln!("skipped: sqlite3 is not installed");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "sqlite3 {sql}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("UTF-8"))
}

/// `press list --count` with `args`.
fn list_count(archive: &Archive, args: &[&str]) -> String {
    let mut all = vec!["list", "--count"];
    all.extend_from_slice(args);
    let run = press(archive, &all);
    run.code(0);
    run.out()
}

#[test]
fn db_holds_the_statements_list_selects_with_their_links() {
    let archive = Archive::basic();
    let run = press(&archive, &["db"]);
    run.code(0);
    assert_eq!(
        archive.clean(&run.stderr),
        "press: wrote 4 statements (5 speakers, 1 organisation, 9 topics) to [ROOT]/press.sqlite\n"
    );
    let db = archive.path().join("press.sqlite");
    let Some(count) = sqlite(&db, "SELECT count(*) FROM statements") else {
        return;
    };
    assert_eq!(count, list_count(&archive, &[]));
    assert_eq!(count, "4\n");
    assert_eq!(
        sqlite(
            &db,
            "SELECT id, slug, date, published, draft, lang, embargo, extra FROM statements ORDER BY id"
        )
        .unwrap(),
        "1|sudan-civilians-el-fasher|2025-11-20|2025-11-20|0|en||{}\n\
         2|global-interpol-red-notices|2026-01-27|2026-01-27|0|en||{}\n\
         3|egypt-activists-detained|2026-02-14|2026-02-14T09:30:00+02:00|0|en||{}\n\
         4|turkiye-journalists-released|2026-03-02|2026-03-02|0|en||{}\n"
    );
    // Speakers in order, with their roles and organisations, through the foreign keys.
    assert_eq!(
        sqlite(
            &db,
            "SELECT s.slug, l.position, p.name, l.role, o.name FROM statement_speakers l
             JOIN statements s ON s.id = l.statement_id
             LEFT JOIN speakers p ON p.id = l.speaker_id
             LEFT JOIN organizations o ON o.id = l.organization_id
             ORDER BY s.id, l.position"
        )
        .unwrap(),
        "sudan-civilians-el-fasher|0|Tigere Chagutah||\n\
         global-interpol-red-notices|0|Erika Guevara Rosas|Senior Director for Research, Advocacy, Policy and Campaigns|Amnesty International\n\
         egypt-activists-detained|0|سارة الحسيني|Deputy Director|Amnesty International\n\
         egypt-activists-detained|1|Omar Haddad||\n\
         turkiye-journalists-released|0|Zoë Ł. Ñúñez|Regional Director|Amnesty International\n"
    );
    // Topics by statement agree with `list --topic`.
    assert_eq!(
        sqlite(
            &db,
            "SELECT count(*) FROM statement_topics l JOIN topics t ON t.id = l.topic_id
             WHERE t.slug = 'interpol'"
        )
        .unwrap(),
        list_count(&archive, &["--topic", "Interpol"])
    );
    // Full text: title, plain body (no Markdown) and background, accents folded.
    assert_eq!(
        sqlite(
            &db,
            "SELECT s.slug FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid
             WHERE statements_fts MATCH 'turkiye' ORDER BY s.id"
        )
        .unwrap(),
        "global-interpol-red-notices\nturkiye-journalists-released\n"
    );
    let markdown_left = sqlite(
        &db,
        "SELECT count(*) FROM statements WHERE body_text LIKE '%**%' OR body_text LIKE '%](%'",
    )
    .unwrap();
    assert_eq!(markdown_left, "0\n");
    assert_eq!(
        sqlite(&db, "PRAGMA foreign_key_check; PRAGMA integrity_check").unwrap(),
        "ok\n"
    );
    assert_eq!(
        sqlite(&db, "SELECT key, value FROM meta ORDER BY key").unwrap(),
        format!(
            "drafts|excluded\nembargoed|excluded\ngenerator|press {}\nschema_version|1\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn db_takes_drafts_and_embargoed_statements_only_when_asked() {
    let archive = Archive::basic();
    let out = archive.path().join("all.sqlite");
    let run = press(
        &archive,
        &[
            "db",
            "--drafts",
            "--include-embargoed",
            "--out",
            "all.sqlite",
        ],
    );
    run.code(0);
    let Some(count) = sqlite(&out, "SELECT count(*) FROM statements") else {
        return;
    };
    assert_eq!(
        count,
        list_count(&archive, &["--drafts", "--include-embargoed"])
    );
    assert_eq!(
        sqlite(&out, "SELECT slug, draft, embargo FROM statements WHERE draft OR embargo IS NOT NULL ORDER BY id").unwrap(),
        "hong-kong-draft-statement|1|\niran-embargoed-report|0|2026-06-10T00:01:00Z\n"
    );
    assert!(!archive.path().join("press.sqlite").exists());
}

#[test]
fn db_leaves_an_unchanged_database_untouched_and_replaces_a_changed_one() {
    let archive = Archive::basic();
    press(&archive, &["db"]).code(0);
    let db = archive.path().join("press.sqlite");
    let first = std::fs::read(&db).unwrap();
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    // The cache and its absence give the same bytes.
    let again = press(&archive, &["db", "--no-cache"]);
    again.code(0);
    assert_eq!(
        archive.clean(&again.stderr),
        "press: [ROOT]/press.sqlite is up to date: 4 statements (5 speakers, 1 organisation, 9 topics)\n"
    );
    assert_eq!(std::fs::read(&db).unwrap(), first);
    assert_eq!(
        std::fs::metadata(&db).unwrap().modified().unwrap(),
        modified
    );

    let path = "statements/2025/2025-11-20-sudan-civilians-el-fasher.md";
    let text = archive.read(path).replace("El Fasher", "El-Fasher");
    archive.write(path, text);
    let changed = press(&archive, &["db"]);
    changed.code(0);
    assert_eq!(
        archive.clean(&changed.stderr),
        "press: wrote 4 statements (5 speakers, 1 organisation, 9 topics) to [ROOT]/press.sqlite\n"
    );
    assert_ne!(std::fs::read(&db).unwrap(), first);
    // No temporary file is left beside it.
    let root_files: Vec<String> = archive
        .files()
        .into_iter()
        .filter(|f| !f.starts_with("statements/"))
        .collect();
    assert_eq!(root_files, ["press.sqlite"]);
    if let Some(title) = sqlite(
        &db,
        "SELECT count(*) FROM statements WHERE title LIKE '%El-Fasher%'",
    ) {
        assert_eq!(title, "1\n");
    }
}

#[test]
fn db_refuses_to_replace_a_file_that_is_not_a_database() {
    let archive = Archive::basic().file("notes.sqlite", "my own notes\n");
    let run = press(&archive, &["db", "--out", "notes.sqlite"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: refusing to replace notes.sqlite: it is not a SQLite database (remove it, or choose another path with --out)\n"
    );
    assert_eq!(archive.read("notes.sqlite"), "my own notes\n");
}

#[test]
fn db_skips_a_statement_with_errors_and_exits_1() {
    let archive = Archive::basic().file(
        "statements/2026/2026-04-01-broken.md",
        "---\ntitle: Broken\ndate: 2026-04-01\ntopics: [x]\n---\nBody\n",
    );
    let run = press(&archive, &["db"]);
    run.code(1);
    let err = archive.clean(&run.stderr);
    assert_eq!(
        err,
        "statements/2026/2026-04-01-broken.md:1:1: warning: missing required key `speaker`\n  \
         help: add `speaker: \"Full Name\"`, or a mapping with `name`, `role` and `organization`\n\
         press: wrote 4 statements (5 speakers, 1 organisation, 9 topics) to [ROOT]/press.sqlite\n"
    );
}

#[test]
fn db_of_a_generated_archive_agrees_with_list_and_topics() {
    const NOW: &str = "2027-01-01T00:00:00Z";
    let archive = Archive::empty();
    press::generate::write_archive(archive.path(), 2_000, 3).expect("generate");
    press(&archive, &["db", "--now", NOW]).code(0);
    let db = archive.path().join("press.sqlite");
    let Some(count) = sqlite(&db, "SELECT count(*) FROM statements") else {
        return;
    };
    assert_eq!(count, list_count(&archive, &["--now", NOW]));
    // Statements per topic, as `press topics` counts them (most used first, ties by name).
    let topics = press(&archive, &["topics", "--format", "json", "--now", NOW]);
    topics.code(0);
    let groups: Vec<serde_json::Value> = serde_json::from_str(&topics.out()).unwrap();
    let expected: String = groups
        .iter()
        .map(|g| format!("{}|{}\n", g["slug"].as_str().unwrap(), g["count"]))
        .collect::<Vec<_>>()
        .join("");
    let mut rows: Vec<String> = sqlite(
        &db,
        "SELECT t.slug, count(*) FROM statement_topics l JOIN topics t ON t.id = l.topic_id GROUP BY t.id",
    )
    .unwrap()
    .lines()
    .map(str::to_owned)
    .collect();
    let mut wanted: Vec<String> = expected.lines().map(str::to_owned).collect();
    rows.sort();
    wanted.sort();
    assert_eq!(rows, wanted);
    assert_eq!(
        sqlite(&db, "PRAGMA foreign_key_check; PRAGMA integrity_check").unwrap(),
        "ok\n"
    );
}

#[test]
fn export_data_adds_the_database_and_json_lines_of_published_statements() {
    let archive = Archive::basic();
    press(&archive, &["export", "--data"]).code(0);
    let site = archive.path().join("site");
    // The JSON Lines are what `list --format jsonl` prints: published statements, newest first.
    let jsonl = press(&archive, &["list", "--format", "jsonl"]);
    jsonl.code(0);
    assert_eq!(archive.read("site/data/statements.jsonl"), jsonl.out());
    assert_eq!(jsonl.out().lines().count(), 4);
    let manifest = archive.read("site/.press-manifest");
    for file in ["data/press.sqlite", "data/statements.jsonl"] {
        assert!(
            manifest.lines().any(|l| l == file),
            "{file} in the manifest"
        );
    }
    let home = archive.read("site/index.html");
    assert!(
        home.lines().any(|l| l
            == "<p class=\"downloads\">Download the whole archive: <a href=\"data/press.sqlite\" download>SQLite database</a> · <a href=\"data/statements.jsonl\" download>JSON Lines</a></p>"),
        "{home}"
    );

    // Byte for byte the same in a fresh export, and untouched by a re-export.
    let db = site.join("data/press.sqlite");
    let bytes = std::fs::read(&db).unwrap();
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    press(&archive, &["export", "--data", "--out", "again"]).code(0);
    assert_eq!(
        std::fs::read(archive.path().join("again/data/press.sqlite")).unwrap(),
        bytes
    );
    assert_eq!(
        archive.read("again/data/statements.jsonl"),
        archive.read("site/data/statements.jsonl")
    );
    press(&archive, &["export", "--data"]).code(0);
    assert_eq!(
        std::fs::metadata(&db).unwrap().modified().unwrap(),
        modified
    );
    // The database `press db` writes by default is the same one.
    press(&archive, &["db"]).code(0);
    assert_eq!(
        std::fs::read(archive.path().join("press.sqlite")).unwrap(),
        bytes
    );

    if let Some(count) = sqlite(
        &db,
        "SELECT count(*) FROM statements WHERE draft = 0 AND embargo IS NULL",
    ) {
        assert_eq!(count, "4\n");
    }

    // Without --data, the files and the link go.
    press(&archive, &["export"]).code(0);
    assert!(!db.exists());
    assert!(!site.join("data/statements.jsonl").exists());
    assert!(!archive.read("site/index.html").contains("downloads"));
}

/// The three example queries of docs/db.md, run as written on the bundled archive.
#[test]
fn db_example_queries_of_the_documentation_answer() {
    let archive = Archive::basic();
    press(&archive, &["db"]).code(0);
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/db.md")).unwrap();
    let sql = doc
        .split("```sql\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("an sql block in docs/db.md");
    let Some(answers) = sqlite(&archive.path().join("press.sqlite"), sql) else {
        return;
    };
    assert_eq!(
        answers,
        "Erika Guevara Rosas|2026|1\n\
         Omar Haddad|2026|1\n\
         Zoë Ł. Ñúñez|2026|1\n\
         سارة الحسيني|2026|1\n\
         Tigere Chagutah|2025|1\n\
         2025-11|Armed conflict|1\n\
         2025-11|Civilians|1\n\
         2026-01|Interpol|1\n\
         2026-01|human rights defenders|1\n\
         2026-01|red notices|1\n\
         2026-01|transnational repression|1\n\
         2026-02|Elections|1\n\
         2026-02|human rights defenders|1\n\
         2026-03|Freedom of expression|1\n\
         2026-03|Journalists|1\n\
         2026-01-27|global-interpol-red-notices|…Tajikistan are extensively misusing Interpol [red] [notices] to target political dissidents and…\n"
    );
}
