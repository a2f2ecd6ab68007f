//! Datelines: the date (and place) a statement opens with.
//!
//! Only the head of the text is read, never the middle of a sentence further down:
//! - a line that is nothing but a date ("5 February 2024", "March 11, 2020", "Monday, 5 Feb.
//!   2024", "18-03-2012", "Published: 5 February 2024, 10:00 GMT"), which the import consumes;
//! - a date line with a release label ("Press release - 25 September, 2013", "18-03-2012 News
//!   Release 12/54"), which stays in the body;
//! - a prefix on a paragraph ("LONDON –", "(New York) —", "GENEVA (29 December 2016) –",
//!   "Sydney, September 26, 2013 -", "NEW YORK, March 5, 2024 /PRNewswire/ --"), which stays in
//!   the body word for word and may give a place and a date;
//! - a short sentence saying when the release was issued ("The press release issued by HM
//!   Treasury on 14 May 2002."), which stays in the body.
//!
//! The written forms are data: [`DATE_FORMS`], [`MONTHS`], [`WEEKDAYS`], [`DATE_LABELS`],
//! [`RELEASE_LABELS`], [`WIRES`] and [`ISSUED_VERBS`]; a new form is a line in one of them. A
//! date without a year is not a date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::origin::Origin;
use super::regex;

/// The written forms of a date, each with the named groups `d`, `m` (a month name or number)
/// and `y`. `MONTH` stands for a month name or abbreviation from [`MONTHS`].
const DATE_FORMS: &[&str] = &[
    // 5 February 2024, 25 September, 2013, 5th Feb. 2024
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>MONTH)\.?,?\s+(?P<y>\d{4})",
    // February 5, 2024, Sept. 23, 2011, May 08 2023, April, 22 2024
    r"(?P<m>MONTH)\.?,?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
    // 2024-02-05
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})",
    // 2024/02/05
    r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})",
    // 05.02.2024
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",
    // 05-04-2007 (day first, as the ICRC writes it)
    r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})",
];

/// Month names and abbreviations, lower case, with their numbers.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations that may open a date ("Monday, 5 February 2024").
const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tues",
    "tue",
    "wednesday",
    "wed",
    "thursday",
    "thurs",
    "thur",
    "thu",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Words that may introduce a date on a line of its own, which is then still only a date
/// ("Published: 5 February 2024", "Posted on March 3, 2024").
const DATE_LABELS: &[&str] = &[
    "published",
    "first published",
    "posted",
    "issued",
    "dated",
    "date",
    "released",
    "updated",
    "last updated",
];

/// Labels of a release that may share a line with its date ("Press release - 25 September,
/// 2013", "18-03-2012 News Release 12/54", "FOR IMMEDIATE RELEASE: March 5, 2024").
const RELEASE_LABELS: &[&str] = &[
    "press release",
    "news release",
    "media release",
    "press statement",
    "joint statement",
    "statement",
    "news",
    "media advisory",
    "briefing note",
    "press briefing note",
    "readout",
    "for immediate release",
    "immediate release",
    "embargoed until",
    "embargoed",
    "under embargo until",
];

/// Newswire markers written between a dateline and its dash ("/PRNewswire/ --",
/// "(GLOBE NEWSWIRE) —", "--(BUSINESS WIRE)--").
const WIRES: &[&str] = &[
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
];

/// Nouns for a release and verbs for issuing one, for a sentence that dates it ("The press
/// release issued by HM Treasury on 14 May 2002.").
const RELEASE_NOUNS: &[&str] = &[
    "press release",
    "news release",
    "media release",
    "statement",
];
const ISSUED_VERBS: &[&str] = &["issued", "published", "released", "made", "posted", "dated"];

/// A sentence that dates its release is short: at most this many words.
const ISSUED_SENTENCE_WORDS: usize = 25;

/// `words` as a regex alternation, longest first (so "sept" is tried before "sep").
fn alternation(words: &[&str]) -> String {
    let mut words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words.join("|")
}

/// One date form with its month placeholder filled in.
fn with_months(form: &str) -> String {
    let months: Vec<&str> = MONTHS.iter().map(|(name, _)| *name).collect();
    form.replace("MONTH", &format!("(?i:{})", alternation(&months)))
}

/// Each date form compiled on its own, to read its groups.
static FORMS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    DATE_FORMS
        .iter()
        .map(|form| regex(&format!(r"\b{}\b", with_months(form))))
        .collect()
});

/// Any date form, optionally after a weekday, without groups (to embed in other patterns).
static DATE: LazyLock<String> = LazyLock::new(|| {
    let forms: Vec<String> = DATE_FORMS
        .iter()
        .map(|form| {
            with_months(form)
                .replace("(?P<d>", "(?:")
                .replace("(?P<m>", "(?:")
                .replace("(?P<y>", "(?:")
        })
        .collect();
    format!(
        r"(?:(?i:{})\.?,?\s+)?(?:{})",
        alternation(WEEKDAYS),
        forms.join("|")
    )
});

/// A time after a date: ", 10:00 GMT", " at 9:30 am", " | 10:25am", " - 10:30".
const TIME: &str = r"(?:\s*[,|·–—-]\s*|\s+)(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\p{Lu}{2,5}(?:[+-]\d{1,2})?)?";

/// A line that is only a date, perhaps labelled ("Published: …") and with a time after it.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:(?:{})(?:\s+on)?\s*:?\s+)?{}(?:{TIME})?$",
        alternation(DATE_LABELS),
        *DATE
    ))
});

/// A date line with a release label before or after the date, and perhaps a reference number.
static LABELLED_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(RELEASE_LABELS);
    let reference = r"(?:\s+(?:no\.?\s*)?[\w./-]*\d[\w./-]*)?";
    let separator = r"\s*[-–—:|,·]?\s*";
    regex(&format!(
        r"(?i)^[•·*\-\s]*(?:(?:{labels}){reference}{separator})?(?P<date>{date})(?:{TIME})?(?:{separator}(?:{labels})s?{reference})?$",
        date = *DATE
    ))
});

/// A short sentence that says when its release was issued.
static ISSUED_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:{})\b.*?\b(?:{})\b[^.;]*?\bon\s+(?P<date>{})",
        alternation(RELEASE_NOUNS),
        alternation(ISSUED_VERBS),
        *DATE
    ))
});

/// A place in capitals ("GENEVA", "NEW YORK", "DAKAR/NEW YORK", "WASHINGTON").
const CAPS: &str = r"\p{Lu}[\p{Lu}\p{M}'’./\- ]*\p{Lu}\.?";
/// What may follow a dateline's place after a comma: a state, country or code ("D.C.", "NY",
/// "British Columbia", "Mali/GENEVA/NEW YORK").
const REGION: &str = r"(?:\p{Lu}[\p{L}\p{M}.]*(?:[ /]\p{Lu}[\p{L}\p{M}.]*){0,3})";
/// A place in ordinary capitals ("Sydney", "New York").
const TOWN: &str = r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}";

/// A short line that is a place and a date, perhaps with a reference after it ("Brussels, 14
/// November 2002 13839/02 (Presse 344)").
static PLACE_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:{CAPS}|{TOWN})(?:,\s*{REGION})*,\s*(?P<date>{date})(?:{TIME})?(?:\s+\S+){{0,4}}$",
        date = *DATE
    ))
});

/// A release label at the start of a line and a date right after it ("FOR IMMEDIATE RELEASE
/// March 29, 2016 WASHINGTON, D.C. – Today…").
static LABEL_THEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<&str> = RELEASE_LABELS.iter().chain(DATE_LABELS).copied().collect();
    regex(&format!(
        r"(?i)^[•·*\-\s]*(?:{})(?:\s+on)?\s*[-–—:|,]?\s*(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*\p{{Lu}}{{2,5}})?[,\s]+(?:on\s+)?)?(?P<date>{})",
        alternation(&labels),
        *DATE
    ))
});

/// A date line that names a place after the date ("26 September 2013 16:30 Novo-Ogaryovo").
static DATE_THEN_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?P<date>{})(?:{TIME})?\s+\p{{Lu}}[\p{{L}}-]+(?:[ -]\p{{Lu}}[\p{{L}}-]+){{0,3}}$",
        *DATE
    ))
});

/// A date right after a dateline's dash, before a second dash ("Oxford, UK – 5 February 2024 –").
static DATE_AFTER_DASH: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"^(?P<date>{})\s*(?:[–—]|--|-)\s", *DATE)));

/// A dateline prefix: a place (in capitals, in parentheses, or in ordinary capitals with a
/// date), a date, a newswire marker, then a dash.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let region = REGION;
    let wires = alternation(WIRES);
    regex(&format!(
        r"^(?:\((?P<paren>\p{{Lu}}[^()]{{1,60}})\)|(?P<caps>{CAPS})(?P<capsregion>(?:,\s*{region})*)|(?P<town>{TOWN})(?P<townregion>(?:,\s*{region})*))?(?:\s*,\s*(?P<date>{date})|\s*\((?P<pdate>[^()]{{1,40}})\))?(?P<wire>\s*(?:/(?:{wires})/|\((?i:{wires})\)|--\((?i:{wires})\)))?(?P<dash>\s*[–—]\s*|\s*--\s*|\s+-\s+)\S",
        date = *DATE
    ))
});

/// A month name and a day with no year: not a date, and not a place either.
static YEARLESS: LazyLock<Regex> = LazyLock::new(|| {
    let months: Vec<&str> = MONTHS.iter().map(|(name, _)| *name).collect();
    let months = alternation(&months);
    regex(&format!(
        r"(?i)^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\.?|(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)$"
    ))
});

/// The month with this English name or abbreviation ("Feb", "Sept", "february"), or number.
fn month_number(name: &str) -> Option<u32> {
    if let Ok(number) = name.parse::<u32>() {
        return Some(number);
    }
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .find(|(month, _)| *month == name)
        .map(|(_, number)| *number)
}

/// Reads the first date written in `text` in one of the forms of [`DATE_FORMS`].
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let caps = FORMS
        .iter()
        .filter_map(|form| form.captures(text))
        .min_by_key(|caps| caps.get(0).map_or(usize::MAX, |m| m.start()))?;
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = i32::try_from(number("y")?).ok()?;
    let month = month_number(caps.name("m")?.as_str())?;
    NaiveDate::from_ymd_opt(year, month, number("d")?)
}

/// The date of a line that consists of a date and nothing else (which the import consumes).
pub(crate) fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if DATE_LINE.is_match(line) {
        parse_date(line)
    } else {
        None
    }
}

/// The date of a line that is a date with a release label ("Press release - 25 September,
/// 2013"), or only a date; such a line stays in the body. Gives the date's text too.
pub(crate) fn labelled_date_line(line: &str) -> Option<(NaiveDate, &str)> {
    let line = line.trim();
    let found = LABELLED_DATE_LINE.captures(line)?.name("date")?;
    Some((parse_date(found.as_str())?, found.as_str()))
}

/// The date of a line that opens with a place and a date ("Brussels, 14 November 2002
/// 13839/02") or a release label and a date ("FOR IMMEDIATE RELEASE March 29, 2016 …"); the
/// line stays in the body.
pub(crate) fn opening_date(line: &str) -> Option<(NaiveDate, &str)> {
    let line = line.trim();
    let found = PLACE_DATE_LINE
        .captures(line)
        .or_else(|| LABEL_THEN_DATE.captures(line))
        .or_else(|| DATE_THEN_PLACE.captures(line))?
        .name("date")?;
    Some((parse_date(found.as_str())?, found.as_str()))
}

/// The date of a short sentence that says when its release was issued, with the words that
/// say it.
pub(crate) fn issued_sentence(line: &str) -> Option<(NaiveDate, &str)> {
    if line.split_whitespace().count() > ISSUED_SENTENCE_WORDS {
        return None;
    }
    let caps = ISSUED_SENTENCE.captures(line)?;
    let whole = caps.get(0)?;
    Some((parse_date(caps.name("date")?.as_str())?, whole.as_str()))
}

/// How many of the first lines of a statement (after its title) may carry its date.
const HEAD_LINES: usize = 6;

/// What the head of a statement says about its date and place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HeadDate {
    /// The date, if a line of the head gives one.
    pub(crate) date: Option<NaiveDate>,
    /// Where it was read: the line and the words that gave it.
    pub(crate) origin: Option<Origin>,
    /// The place of the first dateline prefix.
    pub(crate) place: Option<String>,
    /// The index of a line that is only a date, which the import consumes.
    pub(crate) consumed: Option<usize>,
}

/// Reads the date and the dateline's place from the first lines of a statement: `candidates`
/// are the indexes into `lines` of its non-blank lines, in order. The first line that gives a
/// date wins: a date line, a labelled date line, a dateline prefix or a sentence saying when
/// the release was issued.
pub(crate) fn head_date(lines: &[&str], candidates: &[usize]) -> HeadDate {
    let mut head = HeadDate::default();
    let found = |head: &mut HeadDate, index: usize, date: NaiveDate, text: &str| {
        if head.date.is_none() {
            head.date = Some(date);
            head.origin = Some(Origin {
                line: index + 1,
                text: text.trim().to_owned(),
            });
        }
    };
    let mut prefix_seen = false;
    for &index in candidates.iter().take(HEAD_LINES) {
        let line = lines[index];
        if head.date.is_none()
            && let Some(date) = date_line(line)
        {
            found(&mut head, index, date, line);
            head.consumed = Some(index);
            continue;
        }
        if let Some((date, _)) = labelled_date_line(line) {
            found(&mut head, index, date, line);
            continue;
        }
        if !prefix_seen && let Some(prefix) = dateline_prefix(line) {
            prefix_seen = true;
            head.place = prefix.place;
            if let Some(date) = prefix.date {
                found(&mut head, index, date, &prefix.text);
            }
            continue;
        }
        if let Some((date, text)) = opening_date(line).or_else(|| issued_sentence(line)) {
            found(&mut head, index, date, text);
        }
    }
    head
}

/// A dateline prefix at the start of a paragraph: the place it names and the date, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatelinePrefix {
    /// "London" for "LONDON –", "New York" for "(New York) —".
    pub(crate) place: Option<String>,
    /// The date written in the prefix, if any.
    pub(crate) date: Option<NaiveDate>,
    /// The prefix as written, up to its dash.
    pub(crate) text: String,
}

/// Reads a dateline prefix ("LONDON –", "(New York) —") at the start of `line`.
pub(crate) fn dateline_prefix(line: &str) -> Option<DatelinePrefix> {
    let line = line.trim_start();
    let caps = PREFIX.captures(line)?;
    let dash = caps.name("dash")?;
    let mut text = line[..dash.end()].trim_end().to_owned();
    let after_dash = DATE_AFTER_DASH
        .captures(&line[dash.end()..])
        .and_then(|c| c.get(0));
    let wire = caps.name("wire").is_some();
    let mut date = caps
        .name("date")
        .or_else(|| caps.name("pdate"))
        .and_then(|m| parse_date(m.as_str()));
    if date.is_none()
        && let Some(after) = after_dash
    {
        date = parse_date(after.as_str());
        text = line[..dash.end() + after.end()].trim_end().to_owned();
    }
    let place = if let Some(paren) = caps.name("paren") {
        // "(New York, 5 February 2024)" carries both; "(29 December)" is neither.
        let inside = paren.as_str();
        let (place, rest) = inside.split_once(',').unwrap_or((inside, ""));
        if date.is_none() {
            date = parse_date(rest);
        }
        let place = place.trim();
        let is_wire = WIRES.iter().any(|w| w.eq_ignore_ascii_case(place));
        if parse_date(place).is_some() || YEARLESS.is_match(place) || is_wire {
            None
        } else {
            Some(place.to_owned())
        }
    } else if let Some(town) = caps.name("town") {
        // "Sydney, September 26, 2013 -", "Boston, MA --": a place in ordinary capitals needs a
        // date, a newswire marker or a code after it, else it is an ordinary sentence.
        let region = caps.name("townregion").map_or("", |m| m.as_str());
        let coded = region
            .split(',')
            .skip(1)
            .any(|part| !part.trim().chars().any(char::is_lowercase));
        if date.is_none() && !wire && !coded {
            return None;
        }
        Some(format!("{}{region}", town.as_str()))
    } else if let Some(caps_place) = caps.name("caps") {
        // All capitals only: a capitalised word before a dash is an ordinary sentence.
        if caps_place.as_str().chars().any(char::is_lowercase) {
            return None;
        }
        let region = caps.name("capsregion").map_or("", |m| m.as_str());
        Some(format!("{}{region}", title_case(caps_place.as_str())))
    } else if wire {
        // "/PRNewswire/ -- Acme today…": the place and date were on the line above.
        None
    } else {
        return None;
    };
    Some(DatelinePrefix { place, date, text })
}

/// "NEW YORK" → "New York", "WASHINGTON, D.C." → "Washington, D.C.".
fn title_case(caps: &str) -> String {
    caps.split(' ')
        .map(|word| {
            if word.contains('.') {
                return word.to_owned();
            }
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
