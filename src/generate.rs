//! Deterministic synthetic archives for tests and benchmarks.
//!
//! [`statements`] yields `count` statement files in the archive format. Statement `i` depends only on
//! `(seed, i)`, so the first N statements of a larger archive are byte-identical to an archive of N.
//! Randomness comes from a hand-written splitmix64 generator and integer arithmetic only (no floating
//! point, no `rand` crate), so the bytes never change with crate versions or platforms; only an edit
//! to this module or to [`words`](self) changes them.
//!
//! The shape follows the performance issue: front matter of 0.4–1.7 KB, a body of 1.5–4 KB of
//! Markdown paragraphs with quoted statements, about 65 % with a `background`, 300 topics and 2,000
//! speakers drawn from Zipf-like distributions, about 1 % drafts, about 10 % with two speakers,
//! non-ASCII names and places (some in Arabic script), and dates from 1990 to 2026. Every topic
//! keeps one spelling and every speaker one role, so `press check` on a generated archive is clean.
//!
//! [`write_archive`] writes an archive (`statements/YYYY/YYYY-MM-DD-slug.md` and an empty
//! `press.toml`); [`write_hugo_site`] writes the same statements as a Hugo site with the committed
//! layout from `bench/hugo/`, for the benchmark against Hugo.
//!
//! This module depends on nothing else in the crate, only on `deunicode` for slugs and `rayon` to
//! write files in parallel.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use rayon::prelude::*;

mod words;

use words::{
    DEMANDS, EVENTS, FACTS, FAMILY, FAMILY_ARABIC, GIVEN, GIVEN_ARABIC, GROUPS, HEADLINES, ORGS,
    PLACES, QUOTES, REACTIONS, REGIONS, ROLES, SUMMARIES, TOPICS,
};

/// Number of distinct topics the generator uses.
pub const TOPIC_COUNT: usize = 300;
/// Number of distinct speakers the generator uses.
pub const SPEAKER_COUNT: usize = 2_000;

/// One generated statement file: its path relative to the archive root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the archive root, with `/` separators: `statements/YYYY/YYYY-MM-DD-slug.md`.
    pub path: String,
    /// The whole file: front matter between `---` lines, then the Markdown body.
    pub text: String,
}

/// The first `count` statements for `seed`, in order. Statement `i` depends only on `(seed, i)`.
pub fn statements(count: usize, seed: u64) -> impl Iterator<Item = GeneratedFile> {
    let generator = Generator::new();
    (0..count).map(move |i| generator.statement(seed, i).archive_file())
}

/// Writes an archive of `count` statements under `root`: `statements/YYYY/YYYY-MM-DD-slug.md`
/// for each, and an empty `press.toml`. Existing files with the same names are overwritten; other
/// files are left alone.
pub fn write_archive(root: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    fs::create_dir_all(root.join("statements"))?;
    fs::write(root.join("press.toml"), "")?;
    let generator = Generator::new();
    (0..count).into_par_iter().try_for_each(|i| {
        let file = generator.statement(seed, i).archive_file();
        write_file(root, &file.path, &file.text)
    })
}

/// Writes the same `count` statements as a Hugo site under `dir`: the committed configuration and
/// layouts from `bench/hugo/`, `content/statements/YYYY/YYYY-MM-DD-slug.md` for each statement
/// (so page URLs equal those of the floor and of `press export`), and an `_index.md` per section.
pub fn write_hugo_site(dir: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for (path, text) in HUGO_FILES {
        write_file(dir, path, text)?;
    }
    let generator = Generator::new();
    let years = (0..count)
        .into_par_iter()
        .map(|i| {
            let statement = generator.statement(seed, i);
            let (path, text) = statement.hugo_file();
            write_file(dir, &path, &text).map(|()| BTreeSet::from([statement.date.0]))
        })
        .try_reduce(BTreeSet::new, |mut a, b| {
            a.extend(b);
            Ok(a)
        })?;
    let index = "---\ntitle: \"Statements\"\n---\n";
    write_file(dir, "content/statements/_index.md", index)?;
    for year in years {
        let path = format!("content/statements/{year}/_index.md");
        write_file(dir, &path, &format!("---\ntitle: \"{year}\"\n---\n"))?;
    }
    Ok(())
}

/// The committed Hugo configuration and layouts, embedded so the site is self-contained.
const HUGO_FILES: [(&str, &str); 9] = [
    ("hugo.toml", include_str!("../bench/hugo/hugo.toml")),
    (
        "layouts/_default/baseof.html",
        include_str!("../bench/hugo/layouts/_default/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("../bench/hugo/layouts/_default/single.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("../bench/hugo/layouts/_default/list.html"),
    ),
    (
        "layouts/_default/terms.html",
        include_str!("../bench/hugo/layouts/_default/terms.html"),
    ),
    (
        "layouts/_default/term.html",
        include_str!("../bench/hugo/layouts/_default/term.html"),
    ),
    (
        "layouts/statements/list.html",
        include_str!("../bench/hugo/layouts/statements/list.html"),
    ),
    (
        "layouts/index.html",
        include_str!("../bench/hugo/layouts/index.html"),
    ),
    (
        "layouts/index.atom.xml",
        include_str!("../bench/hugo/layouts/index.atom.xml"),
    ),
];

/// Writes `rel` under `root`, creating its folder when the first write finds it missing.
fn write_file(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    match fs::write(&path, text) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, text)
        }
        result => result,
    }
}

/// splitmix64 (Steele, Lea and Flood 2014): tiny, fast, and fully specified here.
struct Rng(u64);

impl Rng {
    /// A generator for statement `i` of `seed`: independent streams for every pair.
    fn new(seed: u64, i: usize) -> Self {
        let mut mixer = Rng(seed);
        let base = mixer.next_u64();
        let mut rng = Rng(base ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the tiny bias is irrelevant here). `n > 0`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A Zipf–Mandelbrot distribution over ranks `0..n`: weight of rank k ∝ 1 / (k + q), in integers.
struct Zipf {
    cumulative: Vec<u64>,
}

impl Zipf {
    fn new(n: usize, q: u64) -> Self {
        let mut total = 0;
        let cumulative = (0..n as u64)
            .map(|k| {
                total += 1_000_000_000_000 / (k + q);
                total
            })
            .collect();
        Self { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let point = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        self.cumulative.partition_point(|&c| c <= point)
    }

    /// `count` distinct ranks, in the order drawn.
    fn sample_distinct(&self, rng: &mut Rng, count: usize) -> Vec<usize> {
        let mut ranks = Vec::with_capacity(count);
        while ranks.len() < count {
            let rank = self.sample(rng);
            if !ranks.contains(&rank) {
                ranks.push(rank);
            }
        }
        ranks
    }
}

struct Speaker {
    name: String,
    role: String,
    organization: Option<&'static str>,
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
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
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
struct Generator {
    speakers: Vec<Speaker>,
    topics: Vec<String>,
    topic_dist: Zipf,
    speaker_dist: Zipf,
    place_dist: Zipf,
    first_day: i64,
    day_span: usize,
}

/// One statement before it is written out.
struct Statement<'g> {
    title: String,
    date: (i64, i64, i64),
    speakers: Vec<&'g Speaker>,
    topics: Vec<&'g str>,
    location: &'static str,
    background: Option<String>,
    source: Option<String>,
    summary: Option<String>,
    lang: Option<&'static str>,
    draft: bool,
    slug: String,
    body: String,
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
    fn new() -> Self {
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

    fn statement(&self, seed: u64, i: usize) -> Statement<'_> {
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

/// Draws indices while avoiding the last few drawn, so sentences rarely repeat close together.
#[derive(Default)]
struct Recent([Option<usize>; 6]);

impl Recent {
    fn pick(&mut self, rng: &mut Rng, n: usize) -> usize {
        let mut k = rng.below(n);
        while self.0.contains(&Some(k)) {
            k = rng.below(n);
        }
        self.0.rotate_right(1);
        self.0[0] = Some(k);
        k
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

/// Transliterated, lowercase, runs of other characters as `-`, cut at a `-` to at most `max`.
fn slugify(text: &str, max: usize) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > max {
        let cut = slug[..=max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("statement");
    }
    slug
}

/// `"text"` with YAML double-quoted escapes.
fn quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A `key: |` literal block, every line indented by two spaces (blank lines left empty).
fn literal_block(out: &mut String, key: &str, text: &str) {
    out.push_str(key);
    out.push_str(": |\n");
    for line in text.lines() {
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
        out.push('\n');
    }
}

impl Statement<'_> {
    fn day(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.date.0, self.date.1, self.date.2)
    }

    /// The YAML between the `---` lines, keys in the format's order.
    fn front_matter(&self) -> String {
        let mut fm = String::with_capacity(2_048);
        fm.push_str("title: ");
        quoted(&mut fm, &self.title);
        let _ = write!(fm, "\ndate: {}\nspeaker:\n", self.day());
        let indent = if self.speakers.len() == 1 {
            "  "
        } else {
            "    "
        };
        for speaker in &self.speakers {
            fm.push_str(if self.speakers.len() == 1 {
                "  "
            } else {
                "  - "
            });
            fm.push_str("name: ");
            quoted(&mut fm, &speaker.name);
            let _ = write!(fm, "\n{indent}role: ");
            quoted(&mut fm, &speaker.role);
            fm.push('\n');
            if let Some(org) = speaker.organization {
                let _ = write!(fm, "{indent}organization: ");
                quoted(&mut fm, org);
                fm.push('\n');
            }
        }
        fm.push_str("topics: [");
        for (k, topic) in self.topics.iter().enumerate() {
            if k > 0 {
                fm.push_str(", ");
            }
            quoted(&mut fm, topic);
        }
        fm.push_str("]\nlocation: ");
        quoted(&mut fm, self.location);
        fm.push('\n');
        if let Some(background) = &self.background {
            literal_block(&mut fm, "background", background);
        }
        for (key, value) in [("source", &self.source), ("summary", &self.summary)] {
            if let Some(value) = value {
                let _ = write!(fm, "{key}: ");
                quoted(&mut fm, value);
                fm.push('\n');
            }
        }
        if let Some(lang) = self.lang {
            fm.push_str("lang: ");
            quoted(&mut fm, lang);
            fm.push('\n');
        }
        if self.draft {
            fm.push_str("draft: true\n");
        }
        fm
    }

    fn archive_file(&self) -> GeneratedFile {
        let day = self.day();
        GeneratedFile {
            path: format!("statements/{}/{day}-{}.md", self.date.0, self.slug),
            text: format!("---\n{}---\n{}", self.front_matter(), self.body),
        }
    }

    /// The statement as Hugo content: same text, with taxonomy-friendly front matter.
    fn hugo_file(&self) -> (String, String) {
        let day = self.day();
        let path = format!("content/statements/{}/{day}-{}.md", self.date.0, self.slug);
        let mut fm = String::with_capacity(2_048);
        fm.push_str("---\ntitle: ");
        quoted(&mut fm, &self.title);
        let _ = write!(fm, "\ndate: {day}\n");
        if self.draft {
            fm.push_str("draft: true\n");
        }
        fm.push_str("location: ");
        quoted(&mut fm, self.location);
        fm.push('\n');
        if let Some(summary) = &self.summary {
            fm.push_str("description: ");
            quoted(&mut fm, summary);
            fm.push('\n');
        }
        if let Some(source) = &self.source {
            fm.push_str("source: ");
            quoted(&mut fm, source);
            fm.push('\n');
        }
        for (key, values) in [
            ("topics", self.topics.clone()),
            (
                "speakers",
                self.speakers.iter().map(|s| s.name.as_str()).collect(),
            ),
        ] {
            let _ = write!(fm, "{key}: [");
            for (k, value) in values.iter().enumerate() {
                if k > 0 {
                    fm.push_str(", ");
                }
                quoted(&mut fm, value);
            }
            fm.push_str("]\n");
        }
        fm.push_str("credits:\n");
        for speaker in &self.speakers {
            let mut line = speaker.role.clone();
            if let Some(org) = speaker.organization {
                line.push_str(", ");
                line.push_str(org);
            }
            fm.push_str("  - ");
            quoted(&mut fm, &line);
            fm.push('\n');
        }
        if let Some(background) = &self.background {
            literal_block(&mut fm, "background", background);
        }
        fm.push_str("---\n");
        fm.push_str(&self.body);
        (path, fm)
    }
}

#[cfg(test)]
mod tests;
