//! Translations as one statement: a statement in English with its Spanish and Arabic
//! translations, exported (pages, "Also in", hreflang, `lang`/`dir`, lists of originals only,
//! the search index) and checked by the Nu validator and headless Chromium; `list --lang`,
//! `show --lang` and `new --translation-of`.

use std::process::Command;

use scraper::{Html, Selector};

use crate::export::{browser_dir, browser_tool, check_pages, chromium, site_files, tool};
use crate::support::{Archive, press};

const ORIGINAL: &str = "---\ntitle: \"Interpol: Stop the abuse\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [\"Interpol\"]\n---\nStates must stop abusing red notices.\n\n> Red notices are not a tool of repression.\n";
const SPANISH: &str = "---\ntitle: \"Interpol: Basta de abusos\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [\"Interpol\"]\nlang: \"es\"\ntranslation_of: \"interpol\"\n---\nLos Estados deben dejar de abusar de las notificaciones rojas.\n";
const ARABIC: &str = "---\ntitle: \"الإنتربول: كفى إساءة\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [\"Interpol\"]\nlang: \"ar\"\ntranslation_of: \"interpol\"\n---\nيجب على الدول أن تتوقف عن إساءة استخدام النشرات الحمراء.\n\n> النشرات الحمراء ليست أداة للقمع.\n";

/// An English statement with Spanish and Arabic translations, and another statement.
fn family() -> Archive {
    Archive::empty()
        .file(
            "press.toml",
            "title = \"Newsroom\"\nbase_url = \"https://news.example.org/\"\n",
        )
        .file("statements/2026/2026-01-27-interpol.md", ORIGINAL)
        .file("statements/2026/2026-01-27-interpol-es.md", SPANISH)
        .file("statements/2026/2026-01-27-interpol-ar.md", ARABIC)
        .file(
            "statements/2025/2025-06-01-sudan.md",
            "---\ntitle: \"Sudan: Protect civilians\"\ndate: 2025-06-01\nspeaker: \"Ana Ruiz\"\ntopics: [\"Sudan\"]\n---\nCivilians must be protected.\n",
        )
}

fn select(selector: &str) -> Selector {
    Selector::parse(selector).unwrap()
}

/// The attribute `name` of every element `selector` finds, in order.
fn attrs(html: &Html, selector: &str, name: &str) -> Vec<String> {
    html.select(&select(selector))
        .map(|e| e.value().attr(name).unwrap_or("-").to_owned())
        .collect()
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&select(selector))
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

fn exported(archive: &Archive) {
    let run = press(archive, &["export"]);
    run.code(0);
    assert_eq!(
        crate::support::timeless(&archive.clean(&run.stderr)),
        "press: exported 2 statements and 2 translations to [ROOT]/site: 70 files written, 0 unchanged, 0 removed\n"
    );
}

#[test]
fn translations_each_get_a_page_that_lists_the_others() {
    let archive = family();
    exported(&archive);
    let page = |slug: &str| {
        Html::parse_document(&archive.read(&format!("site/statements/{slug}/index.html")))
    };
    let base = "https://news.example.org/statements/2026";
    let alternates = vec![
        format!("en {base}/interpol/"),
        format!("x-default {base}/interpol/"),
        format!("ar {base}/interpol-ar/"),
        format!("es {base}/interpol-es/"),
    ];
    for (slug, lang, dir, also) in [
        ("2026/interpol", "en", "-", ["العربية", "Español"]),
        ("2026/interpol-es", "es", "-", ["English", "العربية"]),
        ("2026/interpol-ar", "ar", "rtl", ["English", "Español"]),
    ] {
        let html = page(slug);
        assert_eq!(attrs(&html, "html", "lang"), [lang], "{slug}");
        assert_eq!(attrs(&html, "html", "dir"), [dir], "{slug}");
        let links: Vec<String> = html
            .select(&select("link[hreflang]"))
            .map(|l| {
                let l = l.value();
                format!(
                    "{} {}",
                    l.attr("hreflang").unwrap(),
                    l.attr("href").unwrap()
                )
            })
            .collect();
        assert_eq!(links, alternates, "{slug}");
        assert_eq!(
            texts(&html, ".also-in p"),
            [format!("Also in: {}, {}", also[0], also[1])],
            "{slug}"
        );
        assert_eq!(texts(&html, ".also-in a"), also, "{slug}");
        // The site's own words (header, "Also in", footer) stay marked as the site's language.
        let site_lang = if lang == "en" { "-" } else { "en" };
        assert_eq!(
            attrs(&html, ".site-header, .also-in, .site-footer", "lang"),
            [site_lang; 3],
            "{slug}"
        );
    }
    let links = attrs(&page("2026/interpol"), ".also-in a", "href");
    assert_eq!(
        links,
        [
            "../../../statements/2026/interpol-ar/index.html",
            "../../../statements/2026/interpol-es/index.html"
        ]
    );
    let other = page("2025/sudan");
    assert!(
        other
            .select(&select(".also-in, link[hreflang]"))
            .next()
            .is_none()
    );
    check_pages(&site_files(&archive, "site"));
}

#[test]
fn translations_stay_out_of_lists_feeds_and_counts_but_not_search() {
    let archive = family();
    exported(&archive);
    let home = Html::parse_document(&archive.read("site/index.html"));
    assert_eq!(
        texts(&home, ".card-title a"),
        ["Interpol: Stop the abuse", "Sudan: Protect civilians"]
    );
    let topic = Html::parse_document(&archive.read("site/topics/interpol/index.html"));
    assert_eq!(texts(&topic, ".card-title a").len(), 1);
    let year = Html::parse_document(&archive.read("site/statements/2026/index.html"));
    assert_eq!(texts(&year, ".card-title a").len(), 1);
    let feed = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(
        titles,
        ["Interpol: Stop the abuse", "Sudan: Protect civilians"]
    );
    // The search index holds all four, each translation with its language and its name.
    let docs = archive.read("site/search/docs/0.js");
    let json = docs
        .strip_prefix("pressSearch.docs(0, ")
        .and_then(|d| d.strip_suffix(");\n"))
        .unwrap();
    let docs: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut marked: Vec<String> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let fields = d.as_array().unwrap();
            let lang = fields.get(7).and_then(|v| v.as_str()).unwrap_or("-");
            let name = fields.get(8).and_then(|v| v.as_str()).unwrap_or("-");
            format!("{} {lang} {name}", fields[2].as_str().unwrap())
        })
        .collect();
    marked.sort();
    assert_eq!(
        marked,
        [
            "interpol - -",
            "interpol-ar ar العربية",
            "interpol-es es Español",
            "sudan - -"
        ]
    );
}

#[test]
fn a_translation_of_an_unpublished_original_is_not_exported() {
    let archive = family().file(
        "statements/2026/2026-01-27-interpol.md",
        ORIGINAL.replace("topics:", "draft: true\ntopics:"),
    );
    let run = press(&archive, &["export"]);
    run.code(0);
    let said = run.err();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "press: warning: statements/2026/2026-01-27-interpol-ar.md not exported: its original interpol is not published (a draft, under embargo or with errors)",
            "press: warning: statements/2026/2026-01-27-interpol-es.md not exported: its original interpol is not published (a draft, under embargo or with errors)",
        ],
        "{said}"
    );
    assert!(!archive.path().join("site/statements/2026").exists());
}

/// `check` says what `export` will do: a published translation of a draft or embargoed original
/// is a warning at its `translation_of`, with what to change; a translation that is a draft too
/// waits quietly.
#[test]
fn check_warns_about_translations_of_unpublished_originals() {
    let archive = family()
        .file(
            "statements/2026/2026-01-27-interpol.md",
            ORIGINAL.replace("topics:", "draft: true\ntopics:"),
        )
        .file(
            "statements/2026/2026-01-27-interpol-ar.md",
            ARABIC.replace("topics:", "draft: true\ntopics:"),
        );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_eq!(
        run.err(),
        "statements/2026/2026-01-27-interpol-es.md:7:17: warning: its original interpol \
         (statements/2026/2026-01-27-interpol.md) is a draft: this translation is not exported \
         until the original is published\n  help: publish the original (remove its `draft: \
         true`), or mark this translation `draft: true` too\nchecked 4 statements: 0 errors, 1 \
         warning\n"
    );

    let embargoed = family().file(
        "statements/2026/2026-01-27-interpol.md",
        ORIGINAL.replace("topics:", "embargo: 2099-01-01T09:00:00+00:00\ntopics:"),
    );
    let run = press(&embargoed, &["check"]);
    run.code(0);
    let warning = |path: &str, line: usize| {
        format!(
            "{path}:{line}:17: warning: its original interpol \
             (statements/2026/2026-01-27-interpol.md) is under embargo until \
             2099-01-01T09:00:00+00:00: this translation is not exported until the original is \
             published\n  help: give this translation the same embargo (embargo: \
             2099-01-01T09:00:00+00:00), or lift the original's\n"
        )
    };
    assert_eq!(
        run.err(),
        format!(
            "{}{}{}checked 4 statements: 0 errors, 3 warnings\n",
            warning("statements/2026/2026-01-27-interpol-ar.md", 7),
            warning("statements/2026/2026-01-27-interpol-es.md", 7),
            "statements/2026/2026-01-27-interpol.md:5:10: warning: under embargo until \
             2099-01-01T09:00:00+00:00\n"
        )
    );
}

#[test]
fn list_lang_lists_originals_and_translations_in_that_language() {
    let archive = family();
    let paths = |args: &[&str]| {
        let mut all = vec!["list", "--format", "paths"];
        all.extend_from_slice(args);
        let run = press(&archive, &all);
        run.code(0);
        run.out()
    };
    assert_eq!(
        paths(&[]),
        "statements/2026/2026-01-27-interpol.md\nstatements/2025/2025-06-01-sudan.md\n"
    );
    assert_eq!(
        paths(&["--lang", "es"]),
        "statements/2026/2026-01-27-interpol-es.md\n"
    );
    assert_eq!(
        paths(&["--lang", "AR"]),
        "statements/2026/2026-01-27-interpol-ar.md\n"
    );
    assert_eq!(
        paths(&["--lang", "en"]),
        "statements/2026/2026-01-27-interpol.md\nstatements/2025/2025-06-01-sudan.md\n"
    );
    assert_eq!(paths(&["--lang", "fr"]), "");
    let run = press(&archive, &["list", "--lang", "e s"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: invalid --lang \"e s\": give a BCP 47 language tag, e.g. es or pt-BR\n"
    );
}

#[test]
fn show_lang_shows_the_translation_or_names_the_languages() {
    let archive = family();
    for slug in ["interpol", "interpol-es", "interpol-ar"] {
        let run = press(
            &archive,
            &["show", slug, "--lang", "ar", "--format", "markdown"],
        );
        run.code(0);
        assert_eq!(run.out(), ARABIC);
        let run = press(
            &archive,
            &["show", slug, "--lang", "en", "--format", "markdown"],
        );
        run.code(0);
        assert_eq!(run.out(), ORIGINAL);
    }
    let run = press(&archive, &["show", "interpol-es", "--lang", "fr"]);
    run.code(1);
    assert_eq!(run.out(), "");
    assert_eq!(
        run.err(),
        "press: interpol is not translated into \"fr\": it is in en (the original), ar (interpol-ar), es (interpol-es)\n  help: start a translation with `press new --translation-of interpol --lang fr`\n"
    );
}

#[test]
fn new_translation_of_starts_from_the_original() {
    let archive = family();
    let run = press(
        &archive,
        &[
            "new",
            "--translation-of",
            "interpol",
            "--lang",
            "fr",
            "--title",
            "Interpol : halte aux abus des notices rouges",
        ],
    );
    run.code(0);
    assert_eq!(run.out(), "statements/2026/2026-01-27-interpol-fr.md\n");
    assert_eq!(
        archive.read("statements/2026/2026-01-27-interpol-fr.md"),
        "---\ntitle: \"Interpol : halte aux abus des notices rouges\"\ndate: 2026-01-27\nspeaker:\n  name: \"Ana Ruiz\"\ntopics: [\"Interpol\"]\nlang: \"fr\"\ntranslation_of: \"interpol\"\n---\n"
    );
    let before = archive.files();
    for (args, message) in [
        (
            ["interpol", "fr"],
            "press: error: `interpol` already has a translation in \"fr\": statements/2026/2026-01-27-interpol-fr.md\n",
        ),
        (
            ["interpol-es", "de"],
            "press: error: `interpol-es` is itself a translation of `interpol`: translate the original (--translation-of interpol)\n",
        ),
        (
            ["interpol", "en"],
            "press: error: `interpol` is in \"en\" already: give the language of the translation with --lang\n",
        ),
        (
            ["nope", "de"],
            "press: error: no statement with the slug `nope` to translate (`press list` shows slugs)\n",
        ),
    ] {
        let run = press(
            &archive,
            &[
                "new",
                "--translation-of",
                args[0],
                "--lang",
                args[1],
                "--title",
                "T",
            ],
        );
        run.code(2);
        assert_eq!(run.err(), message);
    }
    assert_eq!(archive.files(), before, "nothing written");
}

/// The three-language family passes the Nu validator (HTML and CSS), as the other pages do.
#[test]
fn translations_pass_the_nu_validator() {
    if !tool("java") {
        return;
    }
    let Some(vnu) = browser_tool("node_modules/vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    let archive = family();
    exported(&archive);
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu)
        .args(["--errors-only", "--skip-non-html", "--also-check-css"])
        .arg(archive.path().join("site"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the Nu checker found errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// In headless Chromium, the Arabic page reads right to left: `<html>`'s computed direction is
/// `rtl`, and its title's text ends at the right edge of the main column (it starts at the left
/// edge on the English and Spanish pages); its "Also in" list is on the right too. A
/// screenshot of each page is saved under target/screenshots.
#[test]
fn the_arabic_translation_reads_right_to_left_in_chromium() {
    let Some(browser) = chromium() else {
        return;
    };
    if !tool("node") {
        return;
    }
    let Some(_) = browser_tool("node_modules/puppeteer-core/package.json") else {
        return;
    };
    let archive = family();
    exported(&archive);
    let browser_path = String::from_utf8(
        Command::new("sh")
            .args(["-c", &format!("command -v {browser}")])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let output = Command::new("node")
        .arg(browser_dir().join("direction.js"))
        .arg(browser_path.trim())
        .arg(archive.path().join("site"))
        .arg(&shots)
        .args([
            "statements/2026/interpol/index.html",
            "statements/2026/interpol-es/index.html",
            "statements/2026/interpol-ar/index.html",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pages: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(pages.len(), 3);
    let edge = |v: &serde_json::Value, i: usize| v[i].as_i64().unwrap();
    for page in &pages {
        let (main, title, also) = (&page["main"], &page["title"], &page["also"]);
        let rtl = page["lang"] == "ar";
        assert_eq!(page["dir"], if rtl { "rtl" } else { "ltr" }, "{page}");
        // The title is shorter than the column (one line): it sits at one edge only.
        if rtl {
            assert!((edge(title, 1) - edge(main, 1)).abs() <= 2, "{page}");
            assert!(edge(title, 0) > edge(main, 0) + 100, "{page}");
            assert!((edge(also, 1) - edge(main, 1)).abs() <= 2, "{page}");
        } else {
            assert!((edge(title, 0) - edge(main, 0)).abs() <= 2, "{page}");
            assert!(edge(title, 1) < edge(main, 1) - 100, "{page}");
            assert!((edge(also, 0) - edge(main, 0)).abs() <= 2, "{page}");
        }
    }
    assert!(
        shots
            .join("statements-2026-interpol-ar-direction.png")
            .exists()
    );
}

/// An original corrected after a translation last changed is a warning on the original, once
/// per such translation, until the translation records its own update.
#[test]
fn check_warns_about_translations_older_than_the_last_correction() {
    let archive = family();
    let correct = |slug: &str, day: &str| {
        press(
            &archive,
            &[
                "correct",
                slug,
                "--note",
                "The date was wrong.",
                "--now",
                &format!("{day}T10:00:00+00:00"),
            ],
        )
        .code(0);
    };
    correct("interpol", "2026-02-03");
    let run = press(&archive, &["check"]);
    run.code(0);
    let warning = |lang: &str, path: &str| {
        format!(
            "statements/2026/2026-01-27-interpol.md:6:1: warning: corrected on 2026-02-03, after \
             its translation in \"{lang}\" ({path}) last changed on 2026-01-27\n  help: bring the \
             translation up to date, then record it: press correct {} --note \"…\"\n",
            path.trim_start_matches("statements/2026/2026-01-27-")
                .trim_end_matches(".md")
        )
    };
    let ar = warning("ar", "statements/2026/2026-01-27-interpol-ar.md");
    let es = warning("es", "statements/2026/2026-01-27-interpol-es.md");
    assert_eq!(
        run.err(),
        format!("{ar}{es}checked 4 statements: 0 errors, 2 warnings\n")
    );
    // The Spanish translation brought up to date (and recorded) the same day: one warning left.
    correct("interpol-es", "2026-02-03");
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_eq!(
        run.err(),
        format!("{ar}checked 4 statements: 0 errors, 1 warning\n")
    );
    // A second correction of the original: each translation is judged by its own last change
    // against the original's last correction.
    correct("interpol", "2026-02-10");
    let later = |text: String| text.replace("corrected on 2026-02-03", "corrected on 2026-02-10");
    let es_then = later(es).replace("last changed on 2026-01-27", "last changed on 2026-02-03");
    let run = press(&archive, &["check"]);
    assert_eq!(
        run.err(),
        format!(
            "{}{es_then}checked 4 statements: 0 errors, 2 warnings\n",
            later(ar.clone())
        )
    );
    correct("interpol-es", "2026-02-10");
    let run = press(&archive, &["check"]);
    assert_eq!(
        run.err(),
        format!("{}checked 4 statements: 0 errors, 1 warning\n", later(ar))
    );
}
