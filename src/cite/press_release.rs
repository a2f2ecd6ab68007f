//! APA dates a press release in full: "Amnesty International. (2026, January 27). Title [Press
//! release]. URL" (Publication Manual, 7th edition, section 10.4; APA Style's "Press release
//! references"). The APA CSL style does not: hayagriva's bundled copy, like the official
//! `apa.csl` that citeproc-py and Zotero use, gives the month and day only to ephemeral types
//! (newspaper articles, pamphlets, web pages, …), and only the year to `report`, the CSL type of
//! a press release (Zotero's "Report" of type "Press release"). CSL cannot test `genre`, so the
//! style is adapted in memory once: every item press cites is a press release, so `report`
//! joins the types dated in full, and is sorted by its full date as they are.

use hayagriva::citationberg::taxonomy::Kind;
use hayagriva::citationberg::{ChooseBranch, IndependentStyle, LayoutRenderingElement, TextTarget};

/// The macro that prints the date of an APA reference, and the one it calls for month and day.
const DATE_MACRO: &str = "date";
const MONTH_DAY_MACRO: &str = "date-issued-month-day";

/// The macro that gives the sort key of the date.
const SORT_MACRO: &str = "date-sort";

/// Dates reports in full in APA: `report` joins the types the `date` macro gives a month and
/// day, and leaves the types `date-sort` sorts by year alone. Returns how many tests changed
/// (two, unless the style's shape changed: the tests of the rendered text notice that).
pub(super) fn date_reports_in_full(style: &mut IndependentStyle) -> usize {
    let mut changed = 0;
    for csl_macro in &mut style.macros {
        changed += match csl_macro.name.as_str() {
            DATE_MACRO => each_branch(&mut csl_macro.children, &mut |branch| {
                let types = branch.type_.as_mut()?;
                let dated = branch.children.iter().any(|c| calls(c, MONTH_DAY_MACRO));
                (dated && types.contains(&Kind::Pamphlet) && !types.contains(&Kind::Report))
                    .then(|| types.push(Kind::Report))
            }),
            SORT_MACRO => each_branch(&mut csl_macro.children, &mut |branch| {
                let types = branch.type_.as_mut()?;
                let by_year = types.contains(&Kind::Report) && types.len() > 1;
                by_year.then(|| types.retain(|kind| *kind != Kind::Report))
            }),
            _ => 0,
        };
    }
    changed
}

/// Calls `change` on every conditional branch among `elements` and their children; returns how
/// many it changed (those for which it returned `Some`).
fn each_branch(
    elements: &mut [LayoutRenderingElement],
    change: &mut dyn FnMut(&mut ChooseBranch) -> Option<()>,
) -> usize {
    let mut changed = 0;
    for element in elements {
        match element {
            LayoutRenderingElement::Group(group) => {
                changed += each_branch(&mut group.children, change);
            }
            LayoutRenderingElement::Choose(choose) => {
                for branch in std::iter::once(&mut choose.if_).chain(&mut choose.else_if) {
                    if change(branch).is_some() {
                        changed += 1;
                    }
                    changed += each_branch(&mut branch.children, change);
                }
                if let Some(otherwise) = &mut choose.otherwise {
                    changed += each_branch(&mut otherwise.children, change);
                }
            }
            _ => {}
        }
    }
    changed
}

/// Whether `element` is `<text macro="name"/>`.
fn calls(element: &LayoutRenderingElement, name: &str) -> bool {
    matches!(element, LayoutRenderingElement::Text(text)
        if matches!(&text.target, TextTarget::Macro { name: called } if called == name))
}

#[cfg(test)]
mod tests {
    use hayagriva::archive::ArchivedStyle;
    use hayagriva::citationberg::Style;

    use super::*;

    #[test]
    fn the_bundled_apa_style_changes_in_its_date_and_its_sort_key() {
        let Style::Independent(mut style) = ArchivedStyle::AmericanPsychologicalAssociation.get()
        else {
            panic!("APA is an independent style");
        };
        assert_eq!(date_reports_in_full(&mut style), 2);
        // Applied twice, it changes nothing more.
        assert_eq!(date_reports_in_full(&mut style), 0);
    }
}
