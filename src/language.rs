//! What the site knows of a language tag: its name in its own language ("Español", "العربية")
//! and its writing direction. Both are data tables; a tag they lack is named by itself and
//! read left to right.

use language_tags::LanguageTag;

/// Languages by their own names, for the common tags: a whole tag first (`pt-BR`), else its
/// primary language (`pt`).
const ENDONYMS: &[(&str, &str)] = &[
    ("af", "Afrikaans"),
    ("am", "አማርኛ"),
    ("ar", "العربية"),
    ("az", "Azərbaycan dili"),
    ("be", "Беларуская"),
    ("bg", "Български"),
    ("bn", "বাংলা"),
    ("bs", "Bosanski"),
    ("ca", "Català"),
    ("ckb", "کوردی"),
    ("cs", "Čeština"),
    ("cy", "Cymraeg"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("eu", "Euskara"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fil", "Filipino"),
    ("fr", "Français"),
    ("ga", "Gaeilge"),
    ("gl", "Galego"),
    ("ha", "Hausa"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hr", "Hrvatski"),
    ("ht", "Kreyòl ayisyen"),
    ("hu", "Magyar"),
    ("hy", "Հայերեն"),
    ("id", "Bahasa Indonesia"),
    ("is", "Íslenska"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ka", "ქართული"),
    ("kk", "Қазақ тілі"),
    ("km", "ខ្មែរ"),
    ("ko", "한국어"),
    ("ku", "Kurdî"),
    ("ky", "Кыргызча"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mk", "Македонски"),
    ("mn", "Монгол"),
    ("ms", "Bahasa Melayu"),
    ("my", "မြန်မာ"),
    ("nb", "Norsk bokmål"),
    ("ne", "नेपाली"),
    ("nl", "Nederlands"),
    ("nn", "Norsk nynorsk"),
    ("no", "Norsk"),
    ("pl", "Polski"),
    ("ps", "پښتو"),
    ("pt", "Português"),
    ("pt-BR", "Português do Brasil"),
    ("pt-PT", "Português europeu"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("rw", "Kinyarwanda"),
    ("si", "සිංහල"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("so", "Soomaali"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("sr-Latn", "Srpski"),
    ("sv", "Svenska"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("tg", "Тоҷикӣ"),
    ("th", "ไทย"),
    ("ti", "ትግርኛ"),
    ("tl", "Tagalog"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("uz", "Oʻzbekcha"),
    ("vi", "Tiếng Việt"),
    ("yo", "Yorùbá"),
    ("zh", "中文"),
    ("zh-Hans", "简体中文"),
    ("zh-Hant", "繁體中文"),
    ("zu", "isiZulu"),
];

/// Primary languages written right to left (when the tag names no script).
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "nqo", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Scripts written right to left: a tag's script subtag decides over its language (`az-Arab`
/// is right to left, `ku-Latn` left to right).
const RTL_SCRIPTS: &[&str] = &[
    "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa",
];

/// The tag's language named in that language: `Español` for `es`, `Português do Brasil` for
/// `pt-BR`, `Español (es-MX)` for a tag only the primary language of is known, else the tag.
pub fn endonym(tag: &str) -> String {
    let known = |wanted: &str| {
        ENDONYMS
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(wanted))
            .map(|(_, name)| *name)
    };
    if let Some(name) = known(tag) {
        return name.to_owned();
    }
    let primary = tag.split('-').next().unwrap_or(tag);
    match known(primary) {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

/// `Some("rtl")` for a tag written right to left: by its script subtag when it has one, else by
/// its primary language.
pub fn direction(tag: &str) -> Option<&'static str> {
    let parsed = LanguageTag::parse(tag).ok()?;
    let rtl = match parsed.script() {
        Some(script) => RTL_SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
        None => RTL_LANGUAGES.contains(&parsed.primary_language().to_ascii_lowercase().as_str()),
    };
    rtl.then_some("rtl")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_named_in_their_own_language() {
        assert_eq!(endonym("es"), "Español");
        assert_eq!(endonym("AR"), "العربية");
        assert_eq!(endonym("pt-br"), "Português do Brasil");
        assert_eq!(endonym("es-MX"), "Español (es-MX)");
        assert_eq!(endonym("tlh"), "tlh");
    }

    #[test]
    fn right_to_left_by_script_then_language() {
        assert_eq!(direction("ar"), Some("rtl"));
        assert_eq!(direction("he-IL"), Some("rtl"));
        assert_eq!(direction("fa"), Some("rtl"));
        assert_eq!(direction("ur-PK"), Some("rtl"));
        assert_eq!(direction("az-Arab"), Some("rtl"));
        assert_eq!(direction("pa-Arab"), Some("rtl"));
        assert_eq!(direction("ku-Latn"), None);
        assert_eq!(direction("ar-Latn"), None);
        assert_eq!(direction("en"), None);
        assert_eq!(direction("not a tag"), None);
    }

    /// Tags are case-insensitive: `AR` and `He-IL` are right to left as `ar` and `he-IL` are.
    #[test]
    fn a_language_tag_in_capitals_keeps_its_direction() {
        assert_eq!(direction("AR"), Some("rtl"));
        assert_eq!(direction("He-IL"), Some("rtl"));
        assert_eq!(direction("FA-ir"), Some("rtl"));
        assert_eq!(direction("EN"), None);
    }
}
