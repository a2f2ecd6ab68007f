//! Reading posts: fields, quirks, dates, authors, control characters, duplicate keys.
use super::*;
use anyhow::{Context as _, Result};

fn options(kind: SiteKind) -> Result<SiteOptions> {
    Ok(SiteOptions {
        kind,
        offset: FixedOffset::east_opt(0).context("UTC is a valid offset")?,
        drop_unknown: false,
        map: Vec::new(),
        site: Site::default(),
    })
}

/// `read_post`, its error message turned into an error `?` can pass on.
fn read(file_name: &str, text: &str, options: &SiteOptions) -> Result<Post> {
    read_post(file_name, text, options).map_err(anyhow::Error::msg)
}

/// The message of the error `read_post` must give.
fn read_error(file_name: &str, text: &str, options: &SiteOptions) -> Result<String> {
    read_post(file_name, text, options)
        .err()
        .with_context(|| format!("{text:?} is refused"))
}

fn instant(text: &str) -> Result<Published> {
    Ok(Published::Instant(DateTime::parse_from_rfc3339(text)?))
}

#[test]
fn dates_in_the_forms_sites_use() -> Result<()> {
    let utc = FixedOffset::east_opt(0).context("UTC is a valid offset")?;
    let plus2 = FixedOffset::east_opt(7200).context("+02:00 is a valid offset")?;
    assert_eq!(
        parse_date("2012-11-21 15:59:49 -0400", utc),
        Some((instant("2012-11-21T15:59:49-04:00")?, false))
    );
    assert_eq!(
        parse_date("2015-06-29 1:00:19 -0400", utc),
        Some((instant("2015-06-29T01:00:19-04:00")?, false))
    );
    assert_eq!(
        parse_date("2019-03-01 10:00:00 +00:00", utc),
        Some((instant("2019-03-01T10:00:00+00:00")?, false))
    );
    assert_eq!(
        parse_date("2019-03-01T10:00:00Z", utc),
        Some((instant("2019-03-01T10:00:00Z")?, false))
    );
    assert_eq!(
        parse_date("2019-03-01 10:00:00", plus2),
        Some((instant("2019-03-01T10:00:00+02:00")?, true))
    );
    assert_eq!(
        parse_date("2019-03-01", utc),
        Some((
            Published::Date(NaiveDate::from_ymd_opt(2019, 3, 1).context("valid date")?),
            false
        ))
    );
    assert_eq!(parse_date("yesterday", utc), None);
    Ok(())
}

/// A zone's name after a post's time gives that zone's offset (summer and winter time apart).
#[test]
fn zone_names_give_their_offsets() -> Result<()> {
    let utc = FixedOffset::east_opt(0).context("UTC is a valid offset")?;
    for (zone, offset) in [
        ("EST", "-05:00"),
        ("EDT", "-04:00"),
        ("CST", "-06:00"),
        ("CDT", "-05:00"),
        ("MST", "-07:00"),
        ("MDT", "-06:00"),
        ("PST", "-08:00"),
        ("PDT", "-07:00"),
        ("BST", "+01:00"),
        ("CEST", "+02:00"),
        ("AEDT", "+11:00"),
    ] {
        assert_eq!(
            parse_date(&format!("2019-07-01 10:00:00 {zone}"), utc),
            Some((instant(&format!("2019-07-01T10:00:00{offset}"))?, false)),
            "{zone}"
        );
    }
    Ok(())
}

#[test]
fn jekyll_post_with_quirks() -> Result<()> {
    let text = "\u{feff}\n\n---\r\ntitle: \"UK: Stop it\"\r\nauthor: Kate Allen\r\ntags: [Torture, torture, Rendition]\r\ncategories: press\r\ndescription: Short.\r\npublished: false\r\nlayout: post\r\nslug: Stop_It!\r\nredirect_from:\r\n\t- /old/\r\n---\r\n\r\nBody with {% include note.html %}.\r\n";
    let post = read("2012-11-21-stop-it.md", text, &options(SiteKind::Jekyll)?)?;
    assert_eq!(post.title.as_deref(), Some("UK: Stop it"));
    assert_eq!(post.speakers[0].name.as_deref(), Some("Kate Allen"));
    assert_eq!(post.topics, ["Torture", "Rendition", "press"]);
    assert_eq!(post.summary.as_deref(), Some("Short."));
    assert!(post.draft);
    assert_eq!(post.slug.as_ref().map(Slug::as_str), Some("stop-it"));
    assert_eq!(
        post.published,
        Some(Published::Date(
            NaiveDate::from_ymd_opt(2012, 11, 21).context("valid date")?
        ))
    );
    assert_eq!(post.unknown_keys, ["layout"]);
    assert_eq!(post.old_urls, ["/old/"]);
    assert!(
        post.extra
            .iter()
            .any(|(k, v)| k == "original_slug" && *v == Value::String("Stop_It!".into()))
    );
    assert_eq!(post.body, "Body with {% include note.html %}.");
    assert!(!post.assumed_offset);
    Ok(())
}

#[test]
fn jekyll_splits_a_tag_string_at_blanks_hugo_does_not() -> Result<()> {
    let text = "---\ntitle: T\ntags: press torture\n---\n";
    let jekyll = read("x.md", text, &options(SiteKind::Jekyll)?)?;
    assert_eq!(jekyll.topics, ["press", "torture"]);
    let hugo = read("x.md", text, &options(SiteKind::Hugo)?)?;
    assert_eq!(hugo.topics, ["press torture"]);
    Ok(())
}

#[test]
fn hugo_toml_post_with_map_and_drop() -> Result<()> {
    let text = "+++\ntitle = \"Global: Act\"\ndate = 2019-03-01T10:00:00+01:00\ndraft = true\nauthors = [\"Jane Roe\"]\nweight = 3\nregion = \"Europe\"\n+++\n{{< figure src=\"x.png\" >}}\n";
    let mut opts = options(SiteKind::Hugo)?;
    opts.map
        .push(("region".to_owned(), Target::Field("location".to_owned())));
    opts.drop_unknown = true;
    let post = read("act.md", text, &opts)?;
    assert_eq!(post.published, Some(instant("2019-03-01T10:00:00+01:00")?));
    assert!(post.draft);
    assert_eq!(post.location.as_deref(), Some("Europe"));
    assert_eq!(post.dropped_keys, ["weight"]);
    assert!(post.extra.is_empty());
    Ok(())
}

#[test]
fn empty_link_out_body_is_kept_and_bad_files_say_why() -> Result<()> {
    let hugo = options(SiteKind::Hugo)?;
    let post = read("x.md", "---\ntitle: T\n---\n", &hugo)?;
    assert_eq!(post.body, "");
    assert_eq!(
        [
            read_error("x.md", "", &hugo)?,
            read_error("x.md", "Just text", &hugo)?,
            read_error("x.md", "---\ntitle: [\n", &hugo)?,
        ],
        [
            "empty file: nothing to import",
            "no front matter: the file does not start with `---` or `+++`",
            "the front matter has no closing `---`",
        ]
    );
    // An unreadable date is kept under extra, not refused (the command asks for a date).
    let soon = read("x.md", "---\ndate: soon\n---\n", &hugo)?;
    assert_eq!(soon.published, None);
    assert_eq!(
        soon.misfits,
        ["`date` (a date neither Jekyll nor Hugo would read)"]
    );
    assert_eq!(
        soon.extra,
        [("date".to_owned(), Value::String("soon".into()))]
    );
    Ok(())
}

#[test]
fn map_targets() {
    assert_eq!(Target::parse("drop"), Ok(Target::Drop));
    assert_eq!(
        Target::parse("extra.weight"),
        Ok(Target::Extra("weight".into()))
    );
    assert_eq!(
        Target::parse("location"),
        Ok(Target::Field("location".into()))
    );
    assert!(Target::parse("nonsense").is_err());
}

#[test]
fn dates_jekyll_and_hugo_read() -> Result<()> {
    let utc = FixedOffset::east_opt(0).context("UTC is a valid offset")?;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).context("valid date");
    assert_eq!(
        parse_date("September 8, 2014", utc),
        Some((Published::Date(day(2014, 9, 8)?), false))
    );
    assert_eq!(
        parse_date("2016-07-19 12:00 EDT", utc),
        Some((instant("2016-07-19T12:00:00-04:00")?, false))
    );
    assert_eq!(
        parse_date("2014-05-13 12:00-400", utc),
        Some((instant("2014-05-13T12:00:00-04:00")?, false))
    );
    assert_eq!(
        parse_date("2015-12-3", utc),
        Some((Published::Date(day(2015, 12, 3)?), false))
    );
    assert_eq!(
        parse_date("2016-02-01T17:21:04.000Z", utc),
        Some((instant("2016-02-01T17:21:04Z")?, false))
    );
    assert_eq!(parse_date("2016-01-01 (optional)", utc), None);
    Ok(())
}

#[test]
fn file_name_dates_never_stay_in_the_slug() -> Result<()> {
    for name in [
        "2021-07-26-media-release.md",
        "2021-07-26_media_release.md",
        "2021_07_26_media_release.md",
        "2021-7-26-media-release.md",
    ] {
        let (day, _) = dates::file_date(name).context(name)?;
        assert_eq!(day, NaiveDate::from_ymd_opt(2021, 7, 26).context("valid")?);
        let slug = file_slug(std::path::Path::new(name)).context(name)?;
        assert_eq!(slug.as_str(), "media-release", "{name}");
    }
    let bundle = file_slug(std::path::Path::new("post/2020-01-02-launch/index.es.md"));
    assert_eq!(bundle.as_ref().map(Slug::as_str), Some("launch"));
    Ok(())
}

#[test]
fn an_unreadable_date_falls_back_to_the_file_name() -> Result<()> {
    let text = "---\ntitle: T\ndate: 2016-01-01 (optional)\n---\nBody\n";
    let post = read("2016-02-03-t.md", text, &options(SiteKind::Jekyll)?)?;
    assert_eq!(
        post.published,
        Some(Published::Date(
            NaiveDate::from_ymd_opt(2016, 2, 3).context("valid")?
        ))
    );
    assert_eq!(
        post.extra,
        [(
            "original_date".to_owned(),
            Value::String("2016-01-01 (optional)".into())
        )]
    );
    // Without a file-name date, the date the value starts with.
    let post = read("t.md", text, &options(SiteKind::Jekyll)?)?;
    assert_eq!(
        post.published,
        Some(Published::Date(
            NaiveDate::from_ymd_opt(2016, 1, 1).context("valid")?
        ))
    );
    Ok(())
}

#[test]
fn misfits_duplicates_and_control_characters_are_kept_and_reported() -> Result<()> {
    let text = "---\ntitle: Old\nsource: 18f\ntitle: New\nexcerpt: \"Short\n  one.\"\n---\nOne\u{b}two\u{5} three\n";
    let post = read("2016-02-03-t.md", text, &options(SiteKind::Jekyll)?)?;
    assert_eq!(post.title.as_deref(), Some("New"));
    assert_eq!(post.source, None);
    assert_eq!(post.summary.as_deref(), Some("Short one."));
    assert_eq!(post.misfits, ["`source` (not an http or https URL)"]);
    assert_eq!(post.duplicates, ["title"]);
    assert_eq!(
        post.extra,
        [
            ("duplicate_title".to_owned(), Value::String("Old".into())),
            ("source".to_owned(), Value::String("18f".into())),
        ]
    );
    assert_eq!(post.body, "One\ntwo three");
    assert_eq!(
        post.removed,
        [
            Removed {
                line: 8,
                character: '\u{b}'
            },
            Removed {
                line: 8,
                character: '\u{5}'
            },
        ]
    );
    Ok(())
}

#[test]
fn authors_resolve_through_the_site_and_split() -> Result<()> {
    let mut opts = options(SiteKind::Jekyll)?;
    opts.site.authors.push((
        "zzak".to_owned(),
        Speaker {
            name: Some("Zachary Scott".to_owned()),
            role: Some("Engineer".to_owned()),
            organization: None,
        },
    ));
    let names = |text: &str| -> Result<Vec<(Option<String>, Option<String>)>> {
        Ok(read("2016-02-03-t.md", text, &opts)?
            .speakers
            .into_iter()
            .map(|s| (s.name, s.role))
            .collect())
    };
    assert_eq!(
        names("---\nauthor: zzak and hone\n---\n")?,
        [
            (
                Some("Zachary Scott".to_owned()),
                Some("Engineer".to_owned())
            ),
            (Some("hone".to_owned()), None)
        ]
    );
    assert_eq!(
        names("---\nauthor: Josh Aas, ISRG Executive Director\n---\n")?,
        [(
            Some("Josh Aas".to_owned()),
            Some("ISRG Executive Director".to_owned())
        )]
    );
    assert_eq!(
        names("---\nauthors: [zzak, Jane Roe]\n---\n")?,
        [
            (
                Some("Zachary Scott".to_owned()),
                Some("Engineer".to_owned())
            ),
            (Some("Jane Roe".to_owned()), None)
        ]
    );
    Ok(())
}

#[test]
fn liquid_and_shortcodes_translated_or_left_and_counted() {
    let front = vec![
        ("image".to_owned(), Value::String("/assets/a.png".into())),
        (
            "images".to_owned(),
            Value::List(vec![Value::String("/b.png".into())]),
        ),
    ];
    let context = markup::Context {
        url: Some("https://example.org/blog"),
        base_path: "/blog",
        front: &front,
    };
    let body = "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n[a]({{ site.baseurl }}/about/) ![i]({{site.baseurl}}{{page.image}})\n\n{% raw %}{{ kept }}{% endraw %} [p]({% post_url 2014-03-19-hello %})\n\n{{< figure src=\"x.png\" alt=\"A chart\" caption=\"Growth\" >}}\n\n{{< youtube dQw4w9WgXcQ >}} [r]({{< ref \"post/other.md\" >}})\n\n{% include note.html %} {{ \"noah\" | team_link }} {{< plotly >}} <img src=\"{{page.images[0]}}\">";
    let out = markup::translate(body, &context);
    assert_eq!(
        out.body,
        "```ruby\nputs 1\n```\n\n[a](/blog/about/) ![i](/blog/assets/a.png)\n\n{{ kept }} [p](press-post-ref:2014-03-19-hello)\n\n![A chart](x.png)\n*Growth*\n\n[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ) [r](press-post-ref:post/other.md)\n\n{% include note.html %} {{ \"noah\" | team_link }} {{< plotly >}} <img src=\"/b.png\">"
    );
    assert_eq!(out.left, ["plotly", "include", "team_link"]);
    let mut translated = out.translated.clone();
    translated.sort();
    assert_eq!(
        translated,
        [
            "figure",
            "highlight",
            "page.image",
            "page.images",
            "post_url",
            "raw",
            "ref",
            "site.baseurl",
            "site.baseurl",
            "youtube"
        ]
    );
}

#[test]
fn links_rewritten_outside_code_in_markdown_and_html() {
    let body = "[a](/about/) ![b](<img/x y.png> \"t\") `[c](/code/)`\n\n[d]: /ref/\n\n<img src=\"/i.png\" alt=\"\"> <a href='/p/'>p</a>\n\n```\n[e](/fenced/)\n```\n[f]({{x}})";
    let mut seen = Vec::new();
    let out = links::rewrite(body, |url, place| {
        seen.push((url.to_owned(), place));
        match url {
            "{{x}}" => links::Rewrite::Unlink,
            "/about/" => links::Rewrite::Keep,
            other => links::Rewrite::Url(format!("https://old.example{other}")),
        }
    });
    assert_eq!(
        out,
        "[a](/about/) ![b](<https://old.exampleimg/x y.png> \"t\") `[c](/code/)`\n\n[d]: https://old.example/ref/\n\n<img src=\"https://old.example/i.png\" alt=\"\"> <a href='https://old.example/p/'>p</a>\n\n```\n[e](/fenced/)\n```\n[f]\\({{x}})"
    );
    assert_eq!(seen.len(), 6);
}

/// Jekyll's `:i_month` is the month without a leading zero, `:month` with one.
#[test]
fn jekyll_i_month_has_no_leading_zero() -> Result<()> {
    let day = Published::Date(NaiveDate::from_ymd_opt(2019, 6, 18).context("valid")?);
    let facts = permalink::PostFacts {
        published: Some(day),
        file_slug: "launch",
        ..permalink::PostFacts::default()
    };
    let site = Site {
        permalink: Some("/news/:year/:i_month/:month/:title/".to_owned()),
        ..Site::default()
    };
    assert_eq!(
        permalink::permalink(&site, SiteKind::Jekyll, &facts),
        "/news/2019/6/06/launch/"
    );
    Ok(())
}

#[test]
fn permalinks_from_the_site_rules() -> Result<()> {
    let day = Published::Date(NaiveDate::from_ymd_opt(2015, 12, 3).context("valid")?);
    let facts = permalink::PostFacts {
        published: Some(day),
        slug: None,
        file_slug: "facebook-sponsorship",
        title: "Facebook Sponsors Let's Encrypt",
        categories: &["News".to_owned()],
        section: "post",
        ..permalink::PostFacts::default()
    };
    let mut site = Site::default();
    let jekyll = |site: &Site| permalink::permalink(site, SiteKind::Jekyll, &facts);
    assert_eq!(jekyll(&site), "/news/2015/12/03/facebook-sponsorship.html");
    site.permalink = Some("pretty".to_owned());
    assert_eq!(jekyll(&site), "/news/2015/12/03/facebook-sponsorship/");
    site.permalink = Some("/blog/:year/:i_month/:title/".to_owned());
    assert_eq!(jekyll(&site), "/blog/2015/12/facebook-sponsorship/");
    site.permalink = Some("none".to_owned());
    assert_eq!(jekyll(&site), "/news/facebook-sponsorship.html");
    let hugo = |site: &Site| permalink::permalink(site, SiteKind::Hugo, &facts);
    assert_eq!(hugo(&Site::default()), "/post/facebook-sponsorship/");
    site.permalinks = vec![("post".to_owned(), "/:year/:month/:day/:slug/".to_owned())];
    assert_eq!(hugo(&site), "/2015/12/03/facebook-sponsors-lets-encrypt/");
    site.ugly = vec!["post".to_owned()];
    assert_eq!(
        hugo(&site),
        "/2015/12/03/facebook-sponsors-lets-encrypt.html"
    );
    Ok(())
}

/// A key written three times is one key written twice for the report, its earlier values
/// kept as `duplicate_title` and `duplicate_title_2`.
#[test]
fn a_key_written_three_times_is_reported_once() -> Result<()> {
    let text = "---\ntitle: One\ntitle: Two\ntitle: Three\ndate: 2019-03-01\n---\nBody.\n";
    let post = read("2019-03-01-thrice.md", text, &options(SiteKind::Jekyll)?)?;
    assert_eq!(post.duplicates, ["title"]);
    assert_eq!(post.title.as_deref(), Some("Three"));
    Ok(())
}

/// A Hugo `figure` with both `alt` and `title` takes its alt text from `alt`, its caption
/// from `title`.
#[test]
fn a_figure_s_alt_text_is_its_alt_not_its_title() {
    let context = markup::Context {
        url: None,
        base_path: "",
        front: &[],
    };
    let got = markup::translate(
        "{{< figure src=\"/chart.png\" alt=\"A rising line\" title=\"Figure 1\" >}}",
        &context,
    );
    assert_eq!(got.body, "![A rising line](/chart.png)\n*Figure 1*");
}

/// Hugo's `uglyurls` by section: only the sections set to `true` get `.html` addresses.
#[test]
fn ugly_urls_only_for_the_sections_set_true() -> Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("hugo.toml"),
        "baseURL = \"https://hugo.example.org/\"\n[uglyurls]\npost = false\nnews = true\n",
    )?;
    let site = Site::find(dir.path(), SiteKind::Hugo);
    assert_eq!(site.ugly, ["news"]);
    Ok(())
}
