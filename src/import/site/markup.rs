//! Liquid tags and Hugo shortcodes in a post's body, translated where they have a Markdown
//! meaning and left as written text otherwise (counted by name).
//!
//! Translated: `{% raw %}` (its content, untouched), `{% highlight LANG %}` and
//! `{{< highlight LANG >}}` (a fenced code block), `{{ site.baseurl }}`/`{{ site.url }}` (the
//! site's address), `{{ page.KEY }}` (the post's own front-matter value), `{{< figure >}}` (an
//! image with its caption), `{{< youtube >}}`/`{{< vimeo >}}`/`{% youtube %}`/`{% oembed URL %}`
//! (a link to the video or page), and links to other posts (`{% post_url %}`, `{% link %}`,
//! `{{< ref >}}`, `{{< relref >}}`), which become a [`POST_REF`] URL the link pass resolves.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::import::regex;
use crate::yaml::Value;

/// The scheme of a link to another post by its file, resolved by [`super::links`].
pub const POST_REF: &str = "press-post-ref:";

/// What the translation needs to know of the post and its site.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The site's address (scheme and host, with its base path), when known.
    pub url: Option<&'a str>,
    /// The site's base path (`/blog`, or empty).
    pub base_path: &'a str,
    /// The post's front matter.
    pub front: &'a [(String, Value)],
}

/// The body translated, with the tags translated and left, by name, in order of appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translated {
    /// The new body.
    pub body: String,
    /// Names of the tags translated, one entry per occurrence.
    pub translated: Vec<String>,
    /// Names of the tags left as text, one entry per occurrence.
    pub left: Vec<String>,
}

static RAW: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?s)\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}"));
static HIGHLIGHT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?s)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}\n?(.*?)\n?\{%-?\s*endhighlight\s*-?%\}")
});
static HUGO_HIGHLIGHT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?s)\{\{[<%]\s*highlight\s+"?([\w+#.-]+)"?[^>%]*[>%]\}\}\n?(.*?)\n?\{\{[<%]\s*/\s*highlight\s*[>%]\}\}"#,
    )
});
static SITE_VAR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\{\{-?\s*site\.(baseurl|url)\s*-?\}\}"));
static PAGE_VAR: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\{\{-?\s*page\.([A-Za-z_][\w-]*)((?:\[\d+\]|\.[A-Za-z_][\w-]*)*)\s*-?\}\}")
});
static LIQUID_LINK: LazyLock<Regex> =
    LazyLock::new(|| regex(r#"\{%-?\s*(post_url|link)\s+["']?([^\s"'%]+)["']?\s*-?%\}"#));
static LIQUID_EMBED: LazyLock<Regex> =
    LazyLock::new(|| regex(r#"\{%-?\s*(youtube|vimeo|oembed)\s+["']?([^\s"'%]+)["']?[^%]*%\}"#));
static SHORTCODE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?s)\{\{([<%])\s*(/?)\s*([\w./-]+)(.*?)\s*[>%]\}\}"));
static PARAM: LazyLock<Regex> = LazyLock::new(|| {
    regex(r#"(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'=]+))"#)
});
static LIQUID_TAG: LazyLock<Regex> = LazyLock::new(|| regex(r"\{%-?\s*(\w+)[^%]*%\}"));
static LIQUID_OUTPUT: LazyLock<Regex> = LazyLock::new(|| regex(r"\{\{-?\s*([^{}]*?)\s*-?\}\}"));

/// Translates the tags of `body` (the text between `{% raw %}` and `{% endraw %}` untouched).
pub fn translate(body: &str, context: &Context<'_>) -> Translated {
    let mut out = Translated::default();
    let mut last = 0;
    let mut text = String::new();
    for caps in RAW.captures_iter(body) {
        let Some(whole) = caps.get(0) else { continue };
        text.push_str(&translate_part(
            &body[last..whole.start()],
            context,
            &mut out,
        ));
        text.push_str(caps.get(1).map_or("", |m| m.as_str()));
        out.translated.push("raw".to_owned());
        last = whole.end();
    }
    text.push_str(&translate_part(&body[last..], context, &mut out));
    out.body = text;
    out
}

fn fenced(language: &str, code: &str) -> String {
    let fence = if code.contains("```") { "~~~~" } else { "```" };
    format!("{fence}{language}\n{code}\n{fence}")
}

fn translate_part(text: &str, context: &Context<'_>, out: &mut Translated) -> String {
    let mut count = |name: &str| out.translated.push(name.to_owned());
    let text = HIGHLIGHT.replace_all(text, |caps: &Captures<'_>| {
        count("highlight");
        fenced(&caps[1], &caps[2])
    });
    let text = HUGO_HIGHLIGHT.replace_all(&text, |caps: &Captures<'_>| {
        count("highlight");
        fenced(&caps[1], &caps[2])
    });
    let text = SITE_VAR.replace_all(&text, |caps: &Captures<'_>| {
        count(&format!("site.{}", &caps[1]));
        if &caps[1] == "baseurl" {
            context.base_path.to_owned()
        } else {
            // `{{ site.url }}{{ site.baseurl }}`: the origin, as the base path follows.
            let url = context.url.unwrap_or("");
            url.strip_suffix(context.base_path)
                .unwrap_or(url)
                .to_owned()
        }
    });
    let text = PAGE_VAR.replace_all(&text, |caps: &Captures<'_>| {
        let value = context
            .front
            .iter()
            .find(|(k, _)| *k == caps[1])
            .and_then(|(_, v)| lookup(v, &caps[2]))
            .and_then(|v| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
        match value {
            Some(value) => {
                count(&format!("page.{}", &caps[1]));
                value
            }
            None => caps[0].to_owned(),
        }
    });
    let text = LIQUID_LINK.replace_all(&text, |caps: &Captures<'_>| {
        count(&caps[1]);
        format!("{POST_REF}{}", &caps[2])
    });
    let text = LIQUID_EMBED.replace_all(&text, |caps: &Captures<'_>| {
        count(&caps[1]);
        video_link(&caps[1], &caps[2])
    });
    let text = SHORTCODE.replace_all(&text, |caps: &Captures<'_>| {
        let name = caps[3].to_ascii_lowercase();
        let params = params(&caps[4]);
        let named = |key: &str, at: usize| {
            params
                .iter()
                .find(|(k, _)| k.as_deref() == Some(key))
                .or_else(|| params.get(at).filter(|(k, _)| k.is_none()))
                .map(|(_, v)| v.clone())
        };
        let translated = match (name.as_str(), &caps[2]) {
            ("figure", "") => named("src", 99).map(|src| {
                let alt = named("alt", 99)
                    .or_else(|| named("title", 99))
                    .unwrap_or_default();
                let image = format!("![{}]({src})", escape_text(&alt));
                match named("caption", 99).or_else(|| named("title", 99)) {
                    Some(caption) => format!("{image}\n*{}*", escape_text(&caption)),
                    None => image,
                }
            }),
            ("youtube" | "vimeo", "") => named("id", 0).map(|id| video_link(&name, &id)),
            ("ref" | "relref", "") => named("path", 0).map(|path| format!("{POST_REF}{path}")),
            _ => None,
        };
        match translated {
            Some(markdown) => {
                out.translated.push(name);
                markdown
            }
            None => {
                if caps[2].is_empty() {
                    out.left.push(name);
                }
                caps[0].to_owned()
            }
        }
    });
    // What is left: counted by name, kept as written.
    for caps in LIQUID_TAG.captures_iter(&text) {
        out.left.push(caps[1].to_owned());
    }
    for caps in LIQUID_OUTPUT.captures_iter(&text) {
        let expression = &caps[1];
        if expression.starts_with(['<', '%']) {
            continue;
        }
        let name = expression
            .rsplit('|')
            .next()
            .unwrap_or(expression)
            .split([':', ' '])
            .find(|s| !s.is_empty())
            .unwrap_or(expression)
            .trim_matches(['"', '\''])
            .to_owned();
        out.left.push(name);
    }
    text.into_owned()
}

/// `[text]`-safe: brackets and backslashes escaped.
fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('*', "\\*")
}

/// A link to a video (or, for `oembed`, to the page embedded).
fn video_link(kind: &str, id: &str) -> String {
    match kind {
        "youtube" if !id.contains('/') => {
            format!("[YouTube video](https://www.youtube.com/watch?v={id})")
        }
        "vimeo" if !id.contains('/') => format!("[Vimeo video](https://vimeo.com/{id})"),
        _ => format!("<{id}>"),
    }
}

/// A shortcode's parameters: `key="value"` or positional values, in order.
fn params(text: &str) -> Vec<(Option<String>, String)> {
    PARAM
        .captures_iter(text)
        .map(|caps| {
            let value = (2..=5)
                .find_map(|i| caps.get(i))
                .map_or("", |m| m.as_str())
                .replace("\\\"", "\"");
            (caps.get(1).map(|m| m.as_str().to_owned()), value)
        })
        .collect()
}

/// The value at a Liquid path's rest (`[0]`, `.name`, in any sequence) under `value`.
fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut value = value;
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (index, tail) = after.split_once(']')?;
            let Value::List(items) = value else {
                return None;
            };
            value = items.get(index.parse::<usize>().ok()?)?;
            rest = tail;
        } else {
            let after = rest.strip_prefix('.')?;
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let Value::Map(entries) = value else {
                return None;
            };
            value = entries
                .iter()
                .find(|(k, _)| *k == after[..end])
                .map(|(_, v)| v)?;
            rest = &after[end..];
        }
    }
    Some(value)
}
