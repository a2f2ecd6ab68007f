//! Composing one statement: its speakers, topics, place, date, title, body and background.

use std::fmt::Write as _;

use super::format::slugify;
use super::random::{Recent, Rng, Zipf};
use super::words::{
    DEMANDS, EVENTS, FACTS, FAMILY, FAMILY_ARABIC, GIVEN, GIVEN_ARABIC, GROUPS, HEADLINES, ORGS,
    PLACES, QUOTES, REACTIONS, REGIONS, ROLES, SUMMARIES, TOPICS,
};
use super::{SPEAKER_COUNT, TOPIC_COUNT};

/// A speaker: fixed for every seed.
pub(super) struct Speaker {
    pub(super) name: String,
    pub(super) role: String,
    pub(super) organization: Option<&'static str>,
}

/// The name of topic `k` (`0..TOPIC_COUNT`); the lower `k`, the more often it is drawn.
fn topic_name(k: usize) -> String {
    match k {
        0..100 => TOPICS[k].to_owned(),
        100..200 => format!("{} in {}", TOPICS[k - 100], REGIONS[k % 5]),
        _ => format!("{} in {}", TOPICS[k - 200], REGIONS[(k + 2) % 5]),
    }
}

/// Speaker `k` (`0..SPEAKER_COUNT`): a fixed name, role and organisation, whatever the seed.
fn speaker(k: usize) -> Speaker {
    let name = if k % 32 == 7 {
        let j = k / 32;
        format!("{} {}", GIVEN_ARABIC[j % 8], FAMILY_ARABIC[(j / 8 + j) % 8])
    } else {
        // A permutation of the 2,400 given × family pairs: 7,919 is prime, so coprime to 2,400.
        let pair = (k * 7_919) % (GIVEN.len() * FAMILY.len());
        format!(
            "{} {}",
            GIVEN[pair % GIVEN.len()],
            FAMILY[pair / GIVEN.len()]
        )
    };
    let role = fill(ROLES[(k * 13 + 5) % ROLES.len()], |key, out| match key {
        "region" => out.push_str(REGIONS[k % REGIONS.len()]),
        "topic" => out.push_str(TOPICS[k % 40]),
        _ => {}
    });
    let organization = match k % 50 {
        13 => None,
        _ if k.is_multiple_of(3) => Some(ORGS[0]),
        _ => Some(ORGS[(k / 3) % ORGS.len()]),
    };
    Speaker {
        name,
        role,
        organization,
    }
}

/// Replaces each `{key}` in `template` by what `value` appends for it.
fn fill(template: &str, mut value: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                value(&after[..close], &mut out);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

const MONTHS: [&str; 12] = [
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

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
pub(super) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
pub(super) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Fixed pools and distributions, built once per call of [`statements`].
pub(super) struct Generator {
    pub(super) speakers: Vec<Speaker>,
    pub(super) topics: Vec<String>,
    topic_dist: Zipf,
    speaker_dist: Zipf,
    place_dist: Zipf,
    first_day: i64,
    day_span: usize,
}

/// One statement before it is written out.
pub(super) struct Statement<'g> {
    pub(super) title: String,
    pub(super) date: (i64, i64, i64),
    pub(super) speakers: Vec<&'g Speaker>,
    pub(super) topics: Vec<&'g str>,
    pub(super) location: &'static str,
    pub(super) background: Option<String>,
    pub(super) source: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) lang: Option<&'static str>,
    pub(super) draft: bool,
    pub(super) slug: String,
    pub(super) body: String,
}

/// The words a statement's sentences are filled with.
struct Context<'a> {
    place: &'static str,
    auth: &'static str,
    city: &'static str,
    group: &'static str,
    topic: &'a str,
    org: &'a str,
    speaker: &'a str,
    date: String,
    year: i64,
}

impl Context<'_> {
    fn fill(&self, template: &str, rng: &mut Rng) -> String {
        fill(template, |key, out| match key {
            "place" => out.push_str(self.place),
            "auth" => out.push_str(self.auth),
            "auth_cap" => {
                let mut chars = self.auth.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            "city" => out.push_str(self.city),
            "group" => out.push_str(self.group),
            "topic" => out.push_str(self.topic),
            "org" => out.push_str(self.org),
            "speaker" => out.push_str(self.speaker),
            "date" => out.push_str(&self.date),
            "n" => {
                let _ = write!(out, "{}", rng.range(2, 240));
            }
            "year" => {
                let _ = write!(out, "{}", rng.range(1985, self.year as usize));
            }
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        })
    }
}

impl Generator {
    pub(super) fn new() -> Self {
        let first_day = days_from_civil(1990, 1, 1);
        let last_day = days_from_civil(2026, 10, 31);
        Self {
            speakers: (0..SPEAKER_COUNT).map(speaker).collect(),
            topics: (0..TOPIC_COUNT).map(topic_name).collect(),
            topic_dist: Zipf::new(TOPIC_COUNT, 2),
            speaker_dist: Zipf::new(SPEAKER_COUNT, 3),
            place_dist: Zipf::new(PLACES.len(), 3),
            first_day,
            day_span: usize::try_from(last_day - first_day + 1).unwrap_or(1),
        }
    }

    pub(super) fn statement(&self, seed: u64, i: usize) -> Statement<'_> {
        let rng = &mut Rng::new(seed, i);
        let (location, auth, city) = PLACES[self.place_dist.sample(rng)];
        let topic_count = [1, 2, 2, 3, 3, 3, 4, 4, 5, 2][rng.below(10)];
        let topics: Vec<&str> = self
            .topic_dist
            .sample_distinct(rng, topic_count)
            .into_iter()
            .map(|k| self.topics[k].as_str())
            .collect();
        let speaker_count = if rng.chance(100) { 2 } else { 1 };
        let speakers: Vec<&Speaker> = self
            .speaker_dist
            .sample_distinct(rng, speaker_count)
            .into_iter()
            .map(|k| &self.speakers[k])
            .collect();
        // Later days are likelier (density grows linearly), as archives grow over time.
        let offset = rng.below(self.day_span).max(rng.below(self.day_span));
        let date = civil_from_days(self.first_day + offset as i64);
        let first = speakers[0];
        let ctx = Context {
            place: location,
            auth,
            city,
            group: rng.pick(&GROUPS),
            topic: topics[0],
            org: first.organization.unwrap_or(ORGS[0]),
            speaker: &first.name,
            date: format!("{} {} {}", date.2, MONTHS[(date.1 - 1) as usize], date.0),
            year: date.0,
        };

        let headline = ctx.fill(rng.pick(&HEADLINES), rng);
        let title = format!("{location}: {headline}");
        let slug = slugify(&title, 60) + &format!("-{i}");
        let source = rng
            .chance(700)
            .then(|| format!("https://example.org/statements/{i}/{slug}"));
        let summary = rng.chance(400).then(|| ctx.fill(rng.pick(&SUMMARIES), rng));
        let lang = rng.chance(30).then_some("en-GB");
        let draft = rng.chance(10);
        let body = self.body(rng, &ctx, &speakers);
        let mut statement = Statement {
            title,
            date,
            speakers,
            topics,
            location,
            background: None,
            source,
            summary,
            lang,
            draft,
            slug,
            body,
        };
        // Front matter of 0.4–1.7 KB: a background fills the room left, else a summary pads.
        let rest = statement.front_matter().len();
        if rng.chance(650) {
            // The block adds its key line and two spaces per line to the text's length.
            let min = 430usize.saturating_sub(rest).max(120);
            let room = 1_600usize.saturating_sub(rest + 40).max(min);
            let target = rng.range(min, room);
            statement.background = Some(self.background(rng, &ctx, min, target));
        } else {
            // Short front matter: add the optional keys it lacks until it reaches 0.4 KB.
            let mut size = rest;
            if size < 420 && statement.summary.is_none() {
                statement.summary = Some(ctx.fill(SUMMARIES[5], rng));
                size = statement.front_matter().len();
            }
            if size < 420 && statement.source.is_none() {
                statement.source = Some(format!(
                    "https://example.org/statements/{i}/{}",
                    statement.slug
                ));
                size = statement.front_matter().len();
            }
            if size < 420 && statement.lang.is_none() {
                statement.lang = Some("en-GB");
                size = statement.front_matter().len();
            }
            if size < 420 {
                // Rare: still short, so a one- or two-sentence background after all.
                let min = 440 - size;
                statement.background = Some(self.background(rng, &ctx, min, min + 100));
            }
        }
        statement
    }

    fn body(&self, rng: &mut Rng, ctx: &Context<'_>, speakers: &[&Speaker]) -> String {
        let target = rng.range(1_600, 3_800);
        let mut body = String::with_capacity(target + 512);
        let event = ctx.fill(rng.pick(&EVENTS), rng);
        let reaction = fill(rng.pick(&REACTIONS), |_, out| out.push_str(&event));
        body.push_str(&reaction);
        body.push_str(", ");
        attribution(&mut body, speakers[0], rng.chance(500));
        body.push_str(" said:\n\n“");
        let demands = rng.chance(200);
        let mut in_paragraph = 0;
        let mut paragraph_len = rng.range(2, 4);
        let mut second_done = speakers.len() < 2;
        let mut recent = Recent::default();
        loop {
            let sentence = ctx.fill(QUOTES[recent.pick(rng, QUOTES.len())], rng);
            if body.len() >= 1_500 && body.len() + sentence.len() + 8 > target {
                break;
            }
            if in_paragraph == paragraph_len {
                paragraph_len = rng.range(2, 4);
                if !second_done && body.len() > target / 2 {
                    body.push_str("\n\n");
                    attribution(&mut body, speakers[1], false);
                    body.push_str(" added:\n\n“");
                    second_done = true;
                } else {
                    body.push_str("\n\n“");
                }
                in_paragraph = 0;
            } else if in_paragraph > 0 {
                body.push(' ');
            }
            body.push_str(&sentence);
            in_paragraph += 1;
        }
        body.push('”');
        if !second_done {
            body.push_str("\n\n");
            attribution(&mut body, speakers[1], false);
            body.push_str(" agreed.");
        }
        if demands && body.len() < 3_300 {
            body.push_str("\n\nThe organisation is calling on ");
            body.push_str(ctx.auth);
            body.push_str(" to:\n");
            let first = rng.below(DEMANDS.len());
            for k in 0..rng.range(2, 3) {
                body.push_str("\n- ");
                body.push_str(&ctx.fill(DEMANDS[(first + k) % DEMANDS.len()], rng));
            }
        }
        body.push('\n');
        body
    }

    /// Background paragraphs of at least `min` bytes, stopping before `target` once past `min`.
    fn background(&self, rng: &mut Rng, ctx: &Context<'_>, min: usize, target: usize) -> String {
        let mut text = String::with_capacity(target + 256);
        let mut in_paragraph = 0;
        let mut paragraph_len = rng.range(1, 3);
        let mut recent = Recent::default();
        loop {
            let sentence = ctx.fill(FACTS[recent.pick(rng, FACTS.len())], rng);
            if text.len() >= min && text.len() + sentence.len() > target {
                break;
            }
            if in_paragraph == paragraph_len {
                paragraph_len = rng.range(1, 3);
                text.push_str("\n\n");
                in_paragraph = 0;
            } else if in_paragraph > 0 {
                text.push(' ');
            }
            text.push_str(&sentence);
            in_paragraph += 1;
        }
        text
    }
}

/// "Name, Role at Organisation," or "Name, Organisation’s Role,".
fn attribution(out: &mut String, speaker: &Speaker, possessive: bool) {
    out.push_str(&speaker.name);
    out.push_str(", ");
    match speaker.organization {
        Some(org) if possessive => {
            let _ = write!(out, "{org}’s {},", speaker.role);
        }
        Some(org) => {
            let _ = write!(out, "{} at {org},", speaker.role);
        }
        None => {
            let _ = write!(out, "{},", speaker.role);
        }
    }
}
