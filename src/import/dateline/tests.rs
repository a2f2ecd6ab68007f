use super::*;

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn date_lines_in_common_forms() {
    assert_eq!(date_line("5 February 2024"), ymd(2024, 2, 5));
    assert_eq!(date_line("February 5, 2024"), ymd(2024, 2, 5));
    assert_eq!(date_line("March 11, 2020"), ymd(2020, 3, 11));
    assert_eq!(date_line("Monday, 5 Feb. 2024"), ymd(2024, 2, 5));
    assert_eq!(date_line("Sept 1 2019"), ymd(2019, 9, 1));
    assert_eq!(date_line("Sept. 23, 2011"), ymd(2011, 9, 23));
    assert_eq!(date_line("2024-02-05"), ymd(2024, 2, 5));
    assert_eq!(date_line("05.02.2024"), ymd(2024, 2, 5));
    assert_eq!(date_line("05-04-2007"), ymd(2007, 4, 5));
    assert_eq!(date_line("25 September, 2013"), ymd(2013, 9, 25));
    assert_eq!(date_line(" June 30, 2011 "), ymd(2011, 6, 30));
    assert_eq!(
        date_line("Published: 5 February 2024, 10:00 GMT"),
        ymd(2024, 2, 5)
    );
    assert_eq!(
        date_line("Posted on February 5, 2024 at 9:30 am"),
        ymd(2024, 2, 5)
    );
    assert_eq!(date_line("Sep 20, 2024 | 10:25am"), ymd(2024, 9, 20));
    assert_eq!(date_line("Date: 12 March 2024"), ymd(2024, 3, 12));
}

#[test]
fn sentences_yearless_and_impossible_dates_are_not_date_lines() {
    assert_eq!(
        date_line("On 26 January 2026 BBC World Service revealed"),
        None
    );
    assert_eq!(date_line("31 February 2024"), None);
    assert_eq!(date_line("Smarch 5, 2024"), None);
    assert_eq!(date_line("Background"), None);
    assert_eq!(date_line("29 December"), None);
    assert_eq!(date_line("Monday 19 March"), None);
    assert_eq!(labelled_date_line("Press release - 29 December"), None);
}

#[test]
fn labelled_date_lines_give_the_date_and_keep_the_label() {
    assert_eq!(
        labelled_date_line("Press release - 25 September, 2013"),
        Some((ymd(2013, 9, 25).unwrap_or_default(), "25 September, 2013"))
    );
    assert_eq!(
        labelled_date_line("18-03-2012 News Release 12/54").map(|(d, _)| d),
        ymd(2012, 3, 18)
    );
    assert_eq!(
        labelled_date_line("FOR IMMEDIATE RELEASE: March 5, 2024").map(|(d, _)| d),
        ymd(2024, 3, 5)
    );
    assert_eq!(
        labelled_date_line("5 March 2024 15:30 | Press release").map(|(d, _)| d),
        ymd(2024, 3, 5)
    );
    assert_eq!(
        labelled_date_line("March 5, 2024 | Press Releases").map(|(d, _)| d),
        ymd(2024, 3, 5)
    );
    // Labelled lines are not plain date lines: the import keeps them.
    assert_eq!(date_line("Press release - 25 September, 2013"), None);
    assert_eq!(labelled_date_line("The court ruled on 5 March 2024"), None);
}

#[test]
fn lines_that_open_with_a_date() {
    let date = |line| opening_date(line).map(|(d, _)| d);
    assert_eq!(
        date("Brussels, 14 November 2002 13839/02 (Presse 344)"),
        ymd(2002, 11, 14)
    );
    assert_eq!(
        date("FOR IMMEDIATE RELEASE March 29, 2016 WASHINGTON, D.C. – Today"),
        ymd(2016, 3, 29)
    );
    assert_eq!(
        date("Posted On: 26 SEP 2013 5:30PM by PIB Delhi"),
        ymd(2013, 9, 26)
    );
    assert_eq!(
        date("26 September 2013 16:30 Novo-Ogaryovo"),
        ymd(2013, 9, 26)
    );
    assert_eq!(
        date("EMBARGOED UNTIL 00:01 GMT 5 MARCH 2024"),
        ymd(2024, 3, 5)
    );
    assert_eq!(date("Brussels is where 14 November 2002 began"), None);
}

#[test]
fn a_sentence_saying_when_the_release_was_issued() {
    assert_eq!(
        issued_sentence("The press release issued by HM Treasury on 14 May 2002.").map(|(d, _)| d),
        ymd(2002, 5, 14)
    );
    assert_eq!(
        issued_sentence("This statement was released on Monday, 3 June 2019.").map(|(d, _)| d),
        ymd(2019, 6, 3)
    );
    // A sentence of up to 25 words may say it; a longer one is prose, not a note on the release.
    let padded = |words: usize| {
        format!(
            "{} this statement was released on Monday, 3 June 2019.",
            vec!["Today"; words - 9].join(" ")
        )
    };
    assert_eq!(
        issued_sentence(&padded(25)).map(|(d, _)| d),
        ymd(2019, 6, 3)
    );
    assert_eq!(issued_sentence(&padded(26)), None);
    // A report's date is not the release's.
    assert_eq!(
        issued_sentence("The report, published on 5 May 2020, shows abuses."),
        None
    );
}

fn prefix(place: Option<&str>, date: Option<NaiveDate>, text: &str) -> Option<DatelinePrefix> {
    Some(DatelinePrefix {
        place: place.map(str::to_owned),
        date,
        text: text.to_owned(),
    })
}

#[test]
fn dateline_prefixes() {
    assert_eq!(
        dateline_prefix("LONDON – Amnesty International said"),
        prefix(Some("London"), None, "LONDON –")
    );
    assert_eq!(
        dateline_prefix("(New York) — In response to"),
        prefix(Some("New York"), None, "(New York) —")
    );
    assert_eq!(
        dateline_prefix("GENEVA, 5 February 2024 – The UN"),
        prefix(Some("Geneva"), ymd(2024, 2, 5), "GENEVA, 5 February 2024 –")
    );
    assert_eq!(
        dateline_prefix("GENEVA (29 December 2016) – UN experts"),
        prefix(
            Some("Geneva"),
            ymd(2016, 12, 29),
            "GENEVA (29 December 2016) –"
        )
    );
    assert_eq!(
        dateline_prefix("WASHINGTON, D.C. (March 3, 2024) — Today"),
        prefix(
            Some("Washington, D.C."),
            ymd(2024, 3, 3),
            "WASHINGTON, D.C. (March 3, 2024) —"
        )
    );
    assert_eq!(
        dateline_prefix("New York, October 18, 2018 – Turkey should ask"),
        prefix(
            Some("New York"),
            ymd(2018, 10, 18),
            "New York, October 18, 2018 –"
        )
    );
    assert_eq!(
        dateline_prefix("Sydney, September 26, 2013 - The council"),
        prefix(
            Some("Sydney"),
            ymd(2013, 9, 26),
            "Sydney, September 26, 2013 -"
        )
    );
    assert_eq!(
        dateline_prefix("New York, October 8, 2018–London’s institute"),
        prefix(
            Some("New York"),
            ymd(2018, 10, 8),
            "New York, October 8, 2018–"
        )
    );
    assert_eq!(
        dateline_prefix("Boston, MA -- A new report released today"),
        prefix(Some("Boston, MA"), None, "Boston, MA --")
    );
    assert_eq!(
        dateline_prefix("(Nairobi, 5 Feb 2024) — Kenya"),
        prefix(Some("Nairobi"), ymd(2024, 2, 5), "(Nairobi, 5 Feb 2024) —")
    );
    assert_eq!(
        dateline_prefix("Oxford, UK – 5 February 2024 – Oxfam said"),
        prefix(
            Some("Oxford, UK"),
            ymd(2024, 2, 5),
            "Oxford, UK – 5 February 2024 –"
        )
    );
    // A date without its year in brackets is no place.
    assert_eq!(
        dateline_prefix("(December 29) — UN experts").map(|p| (p.place, p.date)),
        Some((None, None))
    );
    assert_eq!(
        dateline_prefix("NASHVILLE — Gov. Bill Lee today"),
        prefix(Some("Nashville"), None, "NASHVILLE —")
    );
}

#[test]
fn newswire_datelines() {
    assert_eq!(
        dateline_prefix(
            "VANCOUVER, British Columbia, May 08, 2023 (GLOBE NEWSWIRE) — Plastic Bank has"
        ),
        prefix(
            Some("Vancouver, British Columbia"),
            ymd(2023, 5, 8),
            "VANCOUVER, British Columbia, May 08, 2023 (GLOBE NEWSWIRE) —"
        )
    );
    assert_eq!(
        dateline_prefix("NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp today"),
        prefix(
            Some("New York"),
            ymd(2024, 3, 5),
            "NEW YORK, March 5, 2024 /PRNewswire/ --"
        )
    );
    assert_eq!(
        dateline_prefix("SAN FRANCISCO--(BUSINESS WIRE)--Acme today announced"),
        prefix(
            Some("San Francisco"),
            None,
            "SAN FRANCISCO--(BUSINESS WIRE)--"
        )
    );
    assert_eq!(
        dateline_prefix("/PRNewswire/ -- Acme Corp today"),
        prefix(None, None, "/PRNewswire/ --")
    );
    assert_eq!(
        dateline_prefix("(GLOBE NEWSWIRE) — Acme today"),
        prefix(None, None, "(GLOBE NEWSWIRE) —")
    );
}

#[test]
fn a_date_without_a_year_is_neither_date_nor_place() {
    assert_eq!(
        dateline_prefix("GENEVA (29 December) – UN experts"),
        prefix(Some("Geneva"), None, "GENEVA (29 December) –")
    );
    assert_eq!(dateline_prefix("(29 December) – UN experts"), None);
}

#[test]
fn ordinary_sentences_are_not_datelines() {
    assert_eq!(
        dateline_prefix("Amnesty International – the movement"),
        None
    );
    assert_eq!(
        dateline_prefix("Amnesty International - the movement"),
        None
    );
    assert_eq!(dateline_prefix("The report - published today - says"), None);
    assert_eq!(dateline_prefix("“LONDON – is a city"), None);
    assert_eq!(
        dateline_prefix("Geneva / Moscow (ICRC) – The president"),
        None
    );
}

/// The date is looked for in the first six lines after the title, not further.
#[test]
fn a_date_line_is_read_up_to_the_sixth_line_of_the_head() {
    let text = |lines: &str| format!("Title\n\n{lines}5 February 2024\n\nMore.\n");
    let got = crate::import::extract(&text("One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n"));
    assert_eq!(got.date, ymd(2024, 2, 5));
    assert_eq!(
        got.body,
        "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nMore."
    );
    let got = crate::import::extract(&text(
        "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\n",
    ));
    assert_eq!(got.date, None);
}

/// Each month name and abbreviation a release writes, in either order of day and month; the
/// list is written out here, not read from the table, so a month dropped or misnumbered there
/// fails.
#[test]
fn every_month_name_and_abbreviation_gives_its_month() {
    let months = [
        ("January", "Jan", 1),
        ("February", "Feb", 2),
        ("March", "Mar", 3),
        ("April", "Apr", 4),
        ("May", "May", 5),
        ("June", "Jun", 6),
        ("July", "Jul", 7),
        ("August", "Aug", 8),
        ("September", "Sept", 9),
        ("September", "Sep", 9),
        ("October", "Oct", 10),
        ("November", "Nov", 11),
        ("December", "Dec", 12),
    ];
    for (name, short, number) in months {
        for written in [
            format!("5 {name} 2024"),
            format!("{name} 5, 2024"),
            format!("5 {short}. 2024"),
            format!("{short}. 5, 2024"),
            format!("{} 5, 2024", name.to_uppercase()),
        ] {
            assert_eq!(date_line(&written), ymd(2024, number, 5), "{written}");
        }
    }
}

#[test]
fn every_weekday_may_open_a_date_line() {
    for day in [
        "Monday",
        "Mon",
        "Tuesday",
        "Tues",
        "Tue",
        "Wednesday",
        "Wed",
        "Thursday",
        "Thurs",
        "Thur",
        "Thu",
        "Friday",
        "Fri",
        "Saturday",
        "Sat",
        "Sunday",
        "Sun",
    ] {
        let line = format!("{day}, 5 February 2024");
        assert_eq!(date_line(&line), ymd(2024, 2, 5), "{line}");
    }
}

#[test]
fn every_date_label_leaves_a_line_that_is_only_a_date() {
    for label in [
        "Published",
        "First published",
        "Posted",
        "Issued",
        "Dated",
        "Date",
        "Released",
        "Updated",
        "Last updated",
    ] {
        let line = format!("{label}: 5 February 2024");
        assert_eq!(date_line(&line), ymd(2024, 2, 5), "{line}");
    }
}

#[test]
fn every_release_label_may_share_a_line_with_its_date() {
    for label in [
        "Press release",
        "News release",
        "Media release",
        "Press statement",
        "Joint statement",
        "Statement",
        "News",
        "Media advisory",
        "Briefing note",
        "Press briefing note",
        "Readout",
        "FOR IMMEDIATE RELEASE",
        "Immediate release",
        "Embargoed until",
        "Embargoed",
        "Under embargo until",
    ] {
        let line = format!("{label} - 25 September, 2013");
        assert_eq!(
            labelled_date_line(&line).map(|(d, _)| d),
            ymd(2013, 9, 25),
            "{line}"
        );
    }
}

#[test]
fn every_newswire_marker_ends_a_dateline() {
    for wire in [
        "PRNewswire",
        "PRNewswire-USNewswire",
        "PRNewswire-PRWeb",
        "PR Newswire",
        "GLOBE NEWSWIRE",
        "GlobeNewswire",
        "BUSINESS WIRE",
        "ACCESSWIRE",
        "ACCESS Newswire",
        "EINPresswire",
        "EIN Presswire",
        "CNW",
        "Newsfile Corp.",
        "Marketwired",
        "PRWEB",
        "PRWeb",
        "NewMediaWire",
    ] {
        let dateline = format!("NEW YORK, March 5, 2024 /{wire}/ --");
        assert_eq!(
            dateline_prefix(&format!("{dateline} Acme Corp today")),
            prefix(Some("New York"), ymd(2024, 3, 5), &dateline),
            "{wire}"
        );
    }
}

#[test]
fn every_release_noun_and_issuing_verb_dates_a_release() {
    for noun in [
        "press release",
        "news release",
        "media release",
        "statement",
    ] {
        for verb in ["issued", "published", "released", "made", "posted", "dated"] {
            let line = format!("The {noun} {verb} by HM Treasury on 14 May 2002.");
            assert_eq!(
                issued_sentence(&line).map(|(d, _)| d),
                ymd(2002, 5, 14),
                "{line}"
            );
        }
    }
}
