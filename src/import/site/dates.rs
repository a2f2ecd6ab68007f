//! Post dates as Jekyll and Hugo read them, and the dates sites put in file names.
//!
//! A front-matter date is tried in the forms real sites write: RFC 3339, `YYYY-MM-DD HH:MM[:SS]`
//! with or without an offset (`-0400`, `-04:00`, the short `-400`), with a zone abbreviation
//! (`EDT`, from [`ZONES`]), a date alone (`2014-9-8` too), and a date in words ("September 8,
//! 2014", read by [`crate::import::dateline`]). A file name's date is `YYYY-MM-DD-`,
//! `YYYY-MM-DD_`, `YYYY_MM_DD_` or `YYYY-M-D-` before the slug ([`file_date`]).

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone as _};
use regex::Regex;

use crate::import::{dateline, regex};
use crate::statement::Published;

/// Zone abbreviations sites write after a time, with their offset in hours (data, not rules:
/// a new one is a line).
pub const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("AKST", -9),
    ("AKDT", -8),
    ("HST", -10),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("EET", 2),
    ("EEST", 3),
    ("IST", 5),
    ("JST", 9),
    ("AEST", 10),
    ("AEDT", 11),
];

/// `YYYY-MM-DD-slug`, `YYYY-MM-DD_slug`, `YYYY_MM_DD_slug`, `YYYY-M-D-slug` (extension optional).
static FILE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?P<y>\d{4})[-_](?P<m>\d{1,2})[-_](?P<d>\d{1,2})[-_](?P<slug>.+?)(?:\.[A-Za-z]+)?$")
});

/// A time's offset written without a colon and with three digits (`12:00-400`).
static SHORT_OFFSET: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(\d{1,2}:\d{2}(?::\d{2})?)\s*([+-])(\d)(\d{2})$"));

/// A zone abbreviation at the end (`12:00 EDT`).
static ZONE_NAME: LazyLock<Regex> = LazyLock::new(|| regex(r"\s+([A-Z]{1,5})$"));

/// The date and the slug in a file name (`2021-07-26_media_release.md` → 2021-07-26,
/// `media_release`); `None` when the name does not start with a date.
pub fn file_date(file_name: &str) -> Option<(NaiveDate, &str)> {
    let caps = FILE_DATE.captures(file_name)?;
    let number = |name: &str| caps.name(name)?.as_str().parse::<u32>().ok();
    let day = NaiveDate::from_ymd_opt(
        i32::try_from(number("y")?).ok()?,
        number("m")?,
        number("d")?,
    )?;
    Some((day, caps.name("slug")?.as_str()))
}

/// Reads a post date; `true` when no offset was written and `offset` was assumed.
pub fn parse_date(text: &str, offset: FixedOffset) -> Option<(Published, bool)> {
    let text = text.trim().trim_matches(['\'', '"']).trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some((Published::Instant(at), false));
    }
    // `12:00-400` → `12:00 -0400`; `12:00 EDT` → `12:00 -0400`.
    let mut text = SHORT_OFFSET.replace(text, "$1 ${2}0$3$4").into_owned();
    if let Some(caps) = ZONE_NAME.captures(&text)
        && let Some((_, hours)) = ZONES.iter().find(|(name, _)| *name == &caps[1])
    {
        let sign = if *hours < 0 { '-' } else { '+' };
        let at = caps.get(0).map_or(text.len(), |m| m.start());
        text = format!("{} {sign}{:02}00", &text[..at], hours.abs());
    }
    for format in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(at) = DateTime::parse_from_str(&text, format) {
            return Some((Published::Instant(at), false));
        }
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S%.f",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(&text, format) {
            let at = offset.from_local_datetime(&local).single()?;
            return Some((Published::Instant(at), true));
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(&text, format) {
            return Some((Published::Date(day), false));
        }
    }
    // A date in words ("September 8, 2014", "8 Sept 2014"), and nothing else after it.
    words_date(&text).map(|day| (Published::Date(day), false))
}

/// A date written in words, when that is all the text says (a weekday before it allowed).
fn words_date(text: &str) -> Option<NaiveDate> {
    let day = dateline::parse_date(text)?;
    let rest: String = text
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect::<String>();
    // Every digit belongs to the day and the year: "June 8, 2014 (draft)" passes, "June 8,
    // 2014 12:00" (a time the forms above would have read with a date in figures) does not.
    let expected = format!("{}{}", day.format("%-d"), day.format("%Y"));
    (rest == expected || rest == format!("{}{}", day.format("%d"), day.format("%Y"))).then_some(day)
}
