//! Selecting, sorting and grouping statements. Pure: no I/O, no CLI types.

use chrono::{DateTime, FixedOffset, NaiveDate};
use foldhash::HashMap;

use crate::slug;
use crate::statement::{Header, Statement};

/// How to order the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first.
    #[default]
    Date,
    /// By title, alphabetically (case and accents folded).
    Title,
}

/// Which statements a query takes by language ([`crate::translations`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Languages {
    /// Originals only: translations are left out (lists and counts show originals).
    #[default]
    Originals,
    /// Originals and translations alike.
    All,
    /// Originals and translations in this language: `tag` matches a statement's language
    /// ([`crate::translations::in_language`]: `es` takes `es` and `es-MX`). `archive` is
    /// the language of a statement without `lang`.
    In {
        /// The wanted BCP 47 tag.
        tag: String,
        /// The archive's language (press.toml `language`).
        archive: String,
    },
}

impl Languages {
    /// Whether the statement is taken.
    fn takes<H: Header>(&self, statement: &H) -> bool {
        match self {
            Self::Originals => statement.translation_of().is_none(),
            Self::All => true,
            Self::In { tag, archive } => crate::translations::in_language(
                crate::translations::language_of(statement, archive),
                tag,
            ),
        }
    }
}

/// Filters (all combined with AND), then order and limit.
#[derive(Debug, Clone)]
pub struct Query {
    /// Topic slugs: a statement must have every one.
    pub topics: Vec<String>,
    /// For a slug of `topics`, the slugs of the topics below it (topics.toml `parent`), which
    /// match it too.
    pub narrower: HashMap<String, Vec<String>>,
    /// Folded substring of any speaker's name.
    pub speaker: Option<String>,
    /// Folded names the speaker filter takes as well: the canonical names of directory entries
    /// with an alias that contains [`Query::speaker`].
    pub speaker_names: Vec<String>,
    /// Location slug.
    pub location: Option<String>,
    /// First day included.
    pub since: Option<NaiveDate>,
    /// Last day included.
    pub until: Option<NaiveDate>,
    /// Folded words, each of which must start a word of the title, body or background.
    pub words: Vec<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Include statements under embargo at `now`.
    pub include_embargoed: bool,
    /// Only statements with a correction.
    pub corrected: bool,
    /// Only withdrawn statements.
    pub withdrawn: bool,
    /// The clock, for embargoes.
    pub now: DateTime<FixedOffset>,
    /// Order.
    pub sort: Sort,
    /// Reverse the order (before the limit).
    pub reverse: bool,
    /// At most this many.
    pub limit: Option<usize>,
    /// Originals only, or also translations.
    pub languages: Languages,
}

impl Query {
    /// A query that selects every published original at `now`, newest first.
    pub fn all(now: DateTime<FixedOffset>) -> Self {
        Self {
            topics: Vec::new(),
            narrower: HashMap::default(),
            speaker: None,
            speaker_names: Vec::new(),
            location: None,
            since: None,
            until: None,
            words: Vec::new(),
            drafts: false,
            include_embargoed: false,
            corrected: false,
            withdrawn: false,
            now,
            sort: Sort::Date,
            reverse: false,
            limit: None,
            languages: Languages::Originals,
        }
    }

    /// Sets the text search from the words the user typed.
    pub fn with_text(mut self, text: &str) -> Self {
        self.words = words(&fold(text)).map(str::to_owned).collect();
        self
    }

    /// Whether one statement passes every filter.
    pub fn matches(&self, statement: &Statement) -> bool {
        self.matches_header(statement) && self.matches_text(statement)
    }

    /// Whether a statement (or its summary) passes every filter but the text search.
    pub fn matches_header<H: Header>(&self, statement: &H) -> bool {
        (self.drafts || !statement.draft())
            && self.languages.takes(statement)
            && (self.include_embargoed || !statement.is_embargoed(self.now))
            && (!self.corrected || !statement.corrections().is_empty())
            && (!self.withdrawn || statement.withdrawn().is_some())
            && self.since.is_none_or(|since| statement.day() >= since)
            && self.until.is_none_or(|until| statement.day() <= until)
            && self.topics.iter().all(|wanted| {
                statement.topics().iter().any(|t| {
                    t.slug.as_str() == wanted
                        || self
                            .narrower
                            .get(wanted)
                            .is_some_and(|below| below.iter().any(|b| b == t.slug.as_str()))
                })
            })
            && self.speaker.as_ref().is_none_or(|wanted| {
                statement.speakers().iter().any(|s| {
                    let label = fold(s.label());
                    label.contains(wanted.as_str()) || self.speaker_names.contains(&label)
                })
            })
            && self.location.as_ref().is_none_or(|wanted| {
                statement
                    .location()
                    .is_some_and(|l| slug::key(l) == *wanted)
            })
    }

    /// Whether the statement's title, body or background has a word starting with each of the
    /// query's words (always true without words).
    pub fn matches_text(&self, statement: &Statement) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = haystack(statement);
        self.words.iter().all(|word| starts_a_word(&haystack, word))
    }

    /// The matching statements, ordered and limited.
    pub fn select<'a>(&self, statements: &'a [Statement]) -> Vec<&'a Statement> {
        self.order(statements.iter().filter(|s| self.matches(s)).collect())
    }

    /// The matching statements or summaries (given newest first), ordered and limited, where
    /// `text` says whether one passes the text search (it is asked only when there are words).
    pub fn select_with<'a, H: Header>(
        &self,
        statements: &'a [H],
        text: impl Fn(&H) -> bool,
    ) -> Vec<&'a H> {
        self.order(
            statements
                .iter()
                .filter(|s| self.matches_header(*s) && (self.words.is_empty() || text(s)))
                .collect(),
        )
    }

    fn order<'a, H: Header>(&self, mut selected: Vec<&'a H>) -> Vec<&'a H> {
        match self.sort {
            // The archive is already newest first.
            Sort::Date => {}
            Sort::Title => {
                selected.sort_by_cached_key(|s| (fold(s.title()), s.slug().clone()));
            }
        }
        if self.reverse {
            selected.reverse();
        }
        if let Some(limit) = self.limit {
            selected.truncate(limit);
        }
        selected
    }
}

/// The folded text that `--text` searches: title, body and background.
pub fn haystack(statement: &Statement) -> String {
    let mut haystack = fold(&statement.title);
    haystack.push(' ');
    haystack.push_str(&fold(&statement.body));
    if let Some(background) = &statement.background {
        haystack.push(' ');
        haystack.push_str(&fold(background));
    }
    haystack
}

/// The words of a folded text: a query word matches a text exactly when it starts one of them,
/// which is what lets the word index answer by prefix.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Folds text for searching: transliterated to ASCII, lowercased (so `’` is `'`, `é` is `e`).
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// Whether `word` occurs in `haystack` at the start of a word.
pub fn starts_a_word(haystack: &str, word: &str) -> bool {
    haystack
        .match_indices(word)
        .any(|(at, _)| !haystack[..at].chars().next_back().is_some_and(is_word_char))
}

/// Which edge of a partial date a bound means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The first day (`2026` → 2026-01-01).
    Start,
    /// The last day (`2026-02` → 2026-02-28).
    End,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first or last day it covers.
pub fn parse_bound(text: &str, edge: Edge) -> Result<NaiveDate, String> {
    let bad = || format!("{text:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str, len: usize| {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    match parts.as_slice() {
        [year] => {
            let year = i32::try_from(number(year, 4).ok_or_else(bad)?).map_err(|_| bad())?;
            let (month, day) = if edge == Edge::Start {
                (1, 1)
            } else {
                (12, 31)
            };
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)
        }
        [year, month] => {
            let year = i32::try_from(number(year, 4).ok_or_else(bad)?).map_err(|_| bad())?;
            let month = number(month, 2).ok_or_else(bad)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
            Ok(match edge {
                Edge::Start => first,
                Edge::End => first
                    .checked_add_months(chrono::Months::new(1))
                    .and_then(|d| d.pred_opt())
                    .ok_or_else(bad)?,
            })
        }
        [_, _, _] => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .ok()
            .filter(|_| text.trim().len() == 10)
            .ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// What to group statements by, for `topics`, `speakers` and `locations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// Topic tags.
    Topic,
    /// Speakers, by the slug of their name.
    Speaker,
    /// Locations.
    Location,
}

/// One topic, speaker or location with its statements' count and date range.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// Display name: the most frequent spelling (topics; ties go to the newest statement), or the
    /// newest statement's spelling (speakers, locations).
    pub name: String,
    /// The grouping slug.
    pub slug: String,
    /// How many statements.
    pub count: usize,
    /// Oldest statement's day.
    pub first: NaiveDate,
    /// Newest statement's day.
    pub last: NaiveDate,
    /// The speaker's newest role (speakers only).
    #[serde(skip)]
    pub role: Option<String>,
}

/// Groups statements (given newest first), most used first, ties by name.
pub fn group<H: Header>(statements: &[&H], by: GroupBy) -> Vec<Group> {
    struct Acc<'a> {
        group: Group,
        spellings: HashMap<&'a str, (usize, usize)>,
        /// The statement counted last: one that names the group twice, in two spellings of
        /// one key ("Torture", "torture"), counts once, as on the group's page.
        counted: Option<usize>,
    }
    /// Counts statement `index` (of `day`) in the group `key`, under the spelling `name`
    /// (allocating a key only for a new group), once per statement: a statement's keys come
    /// one after the other.
    fn add<'a>(
        groups: &mut HashMap<String, Acc<'a>>,
        key: &str,
        (name, role): (&'a str, Option<&'a str>),
        day: NaiveDate,
        index: usize,
    ) {
        if key.is_empty() {
            return;
        }
        if !groups.contains_key(key) {
            let group = Group {
                name: name.to_owned(),
                slug: key.to_owned(),
                count: 0,
                first: day,
                last: day,
                role: None,
            };
            groups.insert(
                key.to_owned(),
                Acc {
                    group,
                    spellings: HashMap::default(),
                    counted: None,
                },
            );
        }
        let Some(acc) = groups.get_mut(key) else {
            return;
        };
        if acc.counted.replace(index) == Some(index) {
            return;
        }
        acc.group.count += 1;
        acc.group.first = acc.group.first.min(day);
        acc.group.last = acc.group.last.max(day);
        if acc.group.role.is_none() {
            acc.group.role = role.map(str::to_owned);
        }
        acc.spellings.entry(name).or_insert((0, index)).0 += 1;
    }
    let mut groups: HashMap<String, Acc<'_>> = HashMap::default();
    let mut slugs = slug::Keys::default();
    for (index, statement) in statements.iter().enumerate() {
        let day = statement.day();
        match by {
            GroupBy::Topic => {
                for topic in statement.topics() {
                    let name = (topic.name.as_str(), None);
                    add(&mut groups, topic.slug.as_str(), name, day, index);
                }
            }
            GroupBy::Speaker => {
                for speaker in statement.speakers() {
                    let name = (speaker.label(), speaker.role.as_deref());
                    add(&mut groups, slugs.key(speaker.label()), name, day, index);
                }
            }
            GroupBy::Location => {
                if let Some(location) = statement.location() {
                    add(
                        &mut groups,
                        slugs.key(location),
                        (location, None),
                        day,
                        index,
                    );
                }
            }
        }
    }
    let mut result: Vec<Group> = groups
        .into_values()
        .map(|mut acc| {
            if by == GroupBy::Topic {
                // Most frequent spelling; on a tie, the one seen first (the newest statement).
                if let Some((name, _)) = acc
                    .spellings
                    .iter()
                    .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
                {
                    acc.group.name = (*name).to_owned();
                }
            }
            acc.group
        })
        .collect();
    sort_groups(&mut result);
    result
}

/// Sorts groups as [`group`] gives them: most used first, ties by name.
pub fn sort_groups(groups: &mut [Group]) {
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
            .then_with(|| a.slug.cmp(&b.slug))
    });
}

/// The year of a day, for `--year`.
pub fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

#[cfg(test)]
mod selection_tests;

#[cfg(test)]
mod tests {
    use anyhow::Result;

    use super::*;

    /// `parse_bound`, its error message turned into an error `?` can pass on.
    fn bound(text: &str, edge: Edge) -> Result<String> {
        Ok(parse_bound(text, edge)
            .map_err(anyhow::Error::msg)?
            .to_string())
    }

    #[test]
    fn bounds() -> Result<()> {
        assert_eq!(bound("2026", Edge::End)?, "2026-12-31");
        assert_eq!(bound("2024-02", Edge::End)?, "2024-02-29");
        assert_eq!(bound("2024-02", Edge::Start)?, "2024-02-01");
        assert_eq!(bound("2024-02-03", Edge::Start)?, "2024-02-03");
        for text in ["2024-13", "24", "2024-2-3"] {
            assert_eq!(
                parse_bound(text, Edge::Start).err(),
                Some(format!(
                    "{text:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
                ))
            );
        }
        Ok(())
    }

    #[test]
    fn word_starts() {
        assert!(starts_a_word("states' misuse of interpol", "interp"));
        assert!(!starts_a_word("misuse", "use"));
        assert!(starts_a_word("interpol's failure", "interpol's"));
        assert_eq!(fold("Türkiye’s ÉLAN"), "turkiye's elan");
    }
}
