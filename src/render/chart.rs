//! The statements-per-month chart: an inline SVG bar chart over the ten years ending at the
//! newest statement's month (never "today", so output depends only on the archive).
//!
//! It reads without JavaScript or even without seeing it: a `<title>` and `<desc>` summarise it,
//! each bar carries its month and count as a tooltip title, and years are text labels.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

/// Months shown: ten years.
pub const MONTHS: usize = 120;
/// Width of one bar, in SVG units.
const BAR: usize = 6;
/// Height of the tallest bar, in SVG units.
const PLOT: f64 = 100.0;

/// Count per month (`(year, month)`) of the given days, over the [`MONTHS`] months ending at `end`.
pub fn monthly_counts(
    days: impl IntoIterator<Item = NaiveDate>,
    end: NaiveDate,
) -> Vec<((i32, u32), usize)> {
    let months = month_range(end);
    // Month numbers (year * 12 + month0) are consecutive: count by position.
    let first = end.year() * 12 + end.month0() as i32 - (MONTHS as i32 - 1);
    let mut counts = vec![0; months.len()];
    for day in days {
        let at = day.year() * 12 + day.month0() as i32 - first;
        if let Some(count) = usize::try_from(at).ok().and_then(|at| counts.get_mut(at)) {
            *count += 1;
        }
    }
    months.into_iter().zip(counts).collect()
}

/// The [`MONTHS`] months ending at `end`'s month, oldest first.
fn month_range(end: NaiveDate) -> Vec<(i32, u32)> {
    let last = end.year() * 12 + end.month0() as i32;
    (0..MONTHS as i32)
        .rev()
        .map(|back| {
            let index = last - back;
            (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
        })
        .collect()
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of `month` (1 to 12).
pub(crate) fn month_name(month: u32) -> &'static str {
    MONTH_NAMES[(month as usize + 11) % 12]
}

/// The chart as an SVG element (safe HTML: it contains no text from statements).
pub fn svg(counts: &[((i32, u32), usize)]) -> String {
    let max = counts.iter().map(|&(_, c)| c).max().unwrap_or(0);
    let total: usize = counts.iter().map(|&(_, c)| c).sum();
    let width = counts.len() * BAR;
    let height = PLOT as usize + 20;
    let (Some(first), Some(last)) = (counts.first(), counts.last()) else {
        return String::new();
    };
    let busiest = counts
        .iter()
        .rev()
        .max_by_key(|&&(_, c)| c)
        .map(|&((y, m), c)| format!("{c} in {} {y}", month_name(m)))
        .unwrap_or_default();
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\
<title id=\"chart-title\">Statements per month, {} {} to {} {}</title>\
<desc id=\"chart-desc\">{} in these ten years; the busiest month had {busiest}.</desc>",
        month_name(first.0.1),
        first.0.0,
        month_name(last.0.1),
        last.0.0,
        crate::diagnostic::count(total, "statement"),
    );
    for (i, &((year, month), count)) in counts.iter().enumerate() {
        let bar_height = if max == 0 {
            0.0
        } else {
            count as f64 / max as f64 * PLOT
        };
        let _ = write!(
            out,
            "<rect class=\"bar\" data-month=\"{year}-{month:02}\" data-count=\"{count}\" x=\"{}\" y=\"{:.2}\" width=\"{}\" height=\"{:.2}\"><title>{} {year}: {count}</title></rect>",
            i * BAR,
            PLOT - bar_height,
            BAR - 1,
            bar_height,
            month_name(month),
        );
    }
    for (i, &((year, month), _)) in counts.iter().enumerate() {
        // A label needs about four bars of room; the last months may not have it.
        if month == 1 && (i + 4) * BAR <= width {
            let _ = write!(
                out,
                "<text class=\"year\" x=\"{}\" y=\"{}\">{year}</text>",
                i * BAR,
                height - 4
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;

    #[test]
    fn ten_years_ending_at_the_newest_month() -> Result<()> {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).context("valid date");
        let counts = monthly_counts(
            [
                day(2026, 1, 27)?,
                day(2026, 1, 2)?,
                day(2016, 2, 1)?,
                day(2016, 1, 31)?,
                day(2026, 2, 1)?,
            ],
            day(2026, 1, 27)?,
        );
        assert_eq!(counts.len(), MONTHS);
        assert_eq!(counts[0], ((2016, 2), 1));
        assert_eq!(counts[119], ((2026, 1), 2));
        let svg = svg(&counts);
        assert_eq!(svg.matches("<rect").count(), MONTHS);
        assert!(svg.contains("height=\"100.00\""));
        assert!(svg.contains("height=\"50.00\""));
        Ok(())
    }

    #[test]
    fn of_two_busiest_months_the_earlier_is_named() {
        let svg = svg(&[((2025, 1), 2), ((2025, 2), 1), ((2025, 3), 2)]);
        assert!(
            svg.contains("<desc id=\"chart-desc\">5 statements in these ten years; the busiest month had 2 in January 2025.</desc>"),
            "{svg}"
        );
    }

    #[test]
    fn a_year_four_months_from_the_end_is_labelled_and_three_is_not() -> Result<()> {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).context("valid date");
        // Ending in April: January 2026 is the fourth bar from the right, its label just fits.
        let april = svg(&monthly_counts([], day(2026, 4, 30)?));
        assert!(
            april.ends_with("<text class=\"year\" x=\"696\" y=\"116\">2026</text></svg>"),
            "{april}"
        );
        // Ending in March: three bars are too narrow for the label.
        let march = svg(&monthly_counts([], day(2026, 3, 31)?));
        assert!(
            march.ends_with("<text class=\"year\" x=\"630\" y=\"116\">2025</text></svg>"),
            "{march}"
        );
        Ok(())
    }
}
