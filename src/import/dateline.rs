//! Datelines: the date (and place) a statement opens with.
//!
//! Two shapes are recognised, and only at the start of the text, never inside a sentence:
//! a line that is nothing but a date ("5 February 2024", "March 11, 2020", "Monday, 5 Feb.
//! 2024", "2024-02-05"), which the import consumes, and a prefix on the first paragraph
//! ("LONDON –", "(New York) —", "GENEVA, 5 February 2024 –", "WASHINGTON (March 3, 2024) —"),
//! which stays in the body word for word and may give a place and a date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::regex;

/// A written date: "5 February 2024", "February 5, 2024", "Feb. 5 2024", "2024-02-05",
/// optionally after a weekday.
const DATE: &str = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})";

/// A line that is only a date, perhaps labelled ("Published: …") and with a time after it
/// ("…, 10:00 GMT").
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:(?:published|posted|issued|dated?|released)(?:\s+on)?\s*:?\s+)?{DATE}(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+\p{{Lu}}{{2,5}}(?:[+-]\d{{1,2}})?)?)?$"
    ))
});

static DATE_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        (?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>\p{L}{3,9})\.?,?\s+(?P<y1>\d{4})
        | (?P<m2>\p{L}{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})
        | (?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})
        | (?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4})",
    )
});

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:\((?P<paren>\p{{Lu}}[^()]{{1,60}})\)|(?P<caps>\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\- ]*\p{{Lu}}\.?(?:,\s*\p{{Lu}}[\p{{Lu}}.]*)?)|(?P<city>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+)*),\s*(?P<state>\p{{Lu}}{{2}}|\p{{Lu}}\.\p{{Lu}}\.)|(?P<town>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+){{0,2}}),\s*(?P<tdate>{DATE}))(?:\s*,\s*(?P<date>{DATE})|\s*\((?P<pdate>{DATE})\))?(?:\s*[–—]\s*|\s*--\s*|\s+-\s+)\S"
    ))
});

/// The month with this English name or abbreviation ("Feb", "Sept", "february").
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = name.to_lowercase();
    if name.len() < 3 {
        return None;
    }
    let position = MONTHS
        .iter()
        .position(|month| *month == name || (month.starts_with(&name) && name.len() <= 4))
        .or_else(|| (name == "sept").then_some(8))?;
    u32::try_from(position + 1).ok()
}

/// Reads the first date written in `text` in one of the forms of [`DATE`].
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let caps = DATE_PARTS.captures(text)?;
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let Some(month) = caps.name("m1") {
        (number("y1")?, month_number(month.as_str())?, number("d1")?)
    } else if let Some(month) = caps.name("m2") {
        (number("y2")?, month_number(month.as_str())?, number("d2")?)
    } else if caps.name("y3").is_some() {
        (number("y3")?, number("m3")?, number("d3")?)
    } else {
        (number("y4")?, number("m4")?, number("d4")?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The date of a line that consists of a date and nothing else.
pub(crate) fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if DATE_LINE.is_match(line) {
        parse_date(line)
    } else {
        None
    }
}

/// A dateline prefix at the start of a paragraph: the place it names and the date, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatelinePrefix {
    /// "London" for "LONDON –", "New York" for "(New York) —".
    pub(crate) place: Option<String>,
    /// The date written in the prefix, if any.
    pub(crate) date: Option<NaiveDate>,
}

/// Reads a dateline prefix ("LONDON –", "(New York) —") at the start of `line`.
pub(crate) fn dateline_prefix(line: &str) -> Option<DatelinePrefix> {
    let caps = PREFIX.captures(line.trim_start())?;
    let mut date = caps
        .name("date")
        .or_else(|| caps.name("pdate"))
        .or_else(|| caps.name("tdate"))
        .and_then(|m| parse_date(m.as_str()));
    let place = if let Some(paren) = caps.name("paren") {
        // "(New York, 5 February 2024)" carries both.
        let inside = paren.as_str();
        let (place, rest) = inside.split_once(',').unwrap_or((inside, ""));
        if date.is_none() {
            date = parse_date(rest);
        }
        if parse_date(place).is_some() {
            None
        } else {
            Some(place.trim().to_owned())
        }
    } else if let Some(town) = caps.name("town") {
        // "New York, October 18, 2018 –": a place in ordinary capitals, always with a date.
        Some(town.as_str().to_owned())
    } else if let (Some(city), Some(state)) = (caps.name("city"), caps.name("state")) {
        // "Boston, MA --": a city and a two-letter state or country code.
        Some(format!("{}, {}", city.as_str(), state.as_str()))
    } else {
        let caps_place = caps.name("caps")?.as_str();
        // All capitals only: a capitalised word before a dash is an ordinary sentence.
        if caps_place.chars().any(char::is_lowercase) {
            return None;
        }
        Some(title_case(caps_place))
    };
    Some(DatelinePrefix { place, date })
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
mod tests {
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
        assert_eq!(date_line("2024-02-05"), ymd(2024, 2, 5));
        assert_eq!(date_line("05.02.2024"), ymd(2024, 2, 5));
        assert_eq!(date_line(" June 30, 2011 "), ymd(2011, 6, 30));
        assert_eq!(
            date_line("Published: 5 February 2024, 10:00 GMT"),
            ymd(2024, 2, 5)
        );
        assert_eq!(
            date_line("Posted on February 5, 2024 at 9:30 am"),
            ymd(2024, 2, 5)
        );
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_date_lines() {
        assert_eq!(
            date_line("On 26 January 2026 BBC World Service revealed"),
            None
        );
        assert_eq!(date_line("31 February 2024"), None);
        assert_eq!(date_line("Smarch 5, 2024"), None);
        assert_eq!(date_line("Background"), None);
    }

    #[test]
    fn dateline_prefixes() {
        let prefix = |place: &str, date| {
            Some(DatelinePrefix {
                place: Some(place.to_owned()),
                date,
            })
        };
        assert_eq!(
            dateline_prefix("LONDON – Amnesty International said"),
            prefix("London", None)
        );
        assert_eq!(
            dateline_prefix("(New York) — In response to"),
            prefix("New York", None)
        );
        assert_eq!(
            dateline_prefix("GENEVA, 5 February 2024 – The UN"),
            prefix("Geneva", ymd(2024, 2, 5))
        );
        assert_eq!(
            dateline_prefix("WASHINGTON, D.C. (March 3, 2024) — Today"),
            prefix("Washington, D.C.", ymd(2024, 3, 3))
        );
        assert_eq!(
            dateline_prefix("New York, October 18, 2018 – Turkey should ask"),
            prefix("New York", ymd(2018, 10, 18))
        );
        assert_eq!(
            dateline_prefix("New York, October 8, 2018–London’s institute"),
            prefix("New York", ymd(2018, 10, 8))
        );
        assert_eq!(
            dateline_prefix("New York, February 21, 2017--Much work remains"),
            prefix("New York", ymd(2017, 2, 21))
        );
        assert_eq!(
            dateline_prefix("Amnesty International - the movement"),
            None
        );
        assert_eq!(
            dateline_prefix("Boston, MA -- A new report released today"),
            prefix("Boston, MA", None)
        );
        assert_eq!(
            dateline_prefix("(Nairobi, 5 Feb 2024) — Kenya"),
            prefix("Nairobi", ymd(2024, 2, 5))
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(
            dateline_prefix("Amnesty International – the movement"),
            None
        );
        assert_eq!(dateline_prefix("The report - published today - says"), None);
        assert_eq!(dateline_prefix("“LONDON – is a city"), None);
    }
}
