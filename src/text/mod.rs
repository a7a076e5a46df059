//! Every word the interface shows, in one catalogue per language
//! (`it/`, `en/`), so that a translation is a file to fill and not a hunt
//! through the code. Italian is the default; English is switchable.
//!
//! The language is a per-thread setting rather than a parameter of every
//! function that writes a sentence: the model's findings, the file readers'
//! errors and the components all read it through [`t`] and the number
//! helpers. The app sets it at start and on a switch, then recomputes and
//! redraws everything; tests set it on their own thread. Files Pesatura
//! writes (JSON, CSV, XLSX) do not depend on it.
//!
//! Texts with values to fill hold named placeholders (`{unit}`, `{n}`) that
//! [`fill`] replaces; both catalogues must use the same placeholders for a
//! text, which a test checks.

mod catalogue;
pub mod en;
pub mod it;

use std::cell::Cell;
use std::fmt::Display;

pub use catalogue::{AppTexts, IoTexts, ModelTexts, PanelTexts, Texts};

use crate::model::decimal::Dec;
use crate::model::format::{format_with, Marks};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    /// The BCP 47 code, for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's name in itself ("Italiano", "English").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::It => &it::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }

    /// How the language writes numbers: 1.234,56 or 1,234.56.
    pub fn marks(self) -> Marks {
        match self {
            Lang::It => Marks::ITALIAN,
            Lang::En => Marks::ENGLISH,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::It) };
}

/// Sets the language of everything written from now on, on this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language in use.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Runs `f` with `lang` in use, then puts back the language that was in
/// use, even if `f` panics.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            set_lang(self.0);
        }
    }
    let _restore = Restore(self::lang());
    set_lang(lang);
    f()
}

/// The texts of the language in use.
pub fn t() -> &'static Texts {
    lang().texts()
}

/// Replaces each `{name}` of `template` with its value. A placeholder with
/// no value given stays as written, so that a mistake shows instead of
/// vanishing.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A date as the language in use writes it: 03/12/2026 in Italian; in
/// English 3 Dec 2026, which no reader takes for the 12th of March.
pub fn date(year: i32, month: u32, day: u32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang() {
        Lang::It => format!("{day:02}/{month:02}/{year}"),
        Lang::En => {
            let name = MONTHS.get(month.wrapping_sub(1) as usize).unwrap_or(&"?");
            format!("{day} {name} {year}")
        }
    }
}

/// A moment stored as `2026-12-03 09:05` (or, as earlier versions stored
/// it, `03/12/2026 09:05`), written as the language in use writes dates;
/// anything else as it is.
pub fn moment(stored: &str) -> String {
    let (day_part, time) = stored.split_once(' ').unwrap_or((stored, ""));
    let numbers: Vec<&str> = day_part.split(['-', '/']).collect();
    let parsed = match numbers.as_slice() {
        [y, m, d] if day_part.contains('-') => Some((y, m, d)),
        [d, m, y] if day_part.contains('/') => Some((y, m, d)),
        _ => None,
    }
    .and_then(|(y, m, d)| Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)));
    match parsed {
        Some((y, m, d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            let day = date(y, m, d);
            if time.is_empty() {
                day
            } else {
                format!("{day} {time}")
            }
        }
        _ => stored.to_string(),
    }
}

/// A level's name (Settore, Area, Direzione…) with its definite article, as
/// a sentence in the language in use needs it: «il settore», «l'area», «la
/// direzione», «lo staff»; «the settore». Italian's article is told from
/// the word's first letters and its ending: the levels comuni use are
/// nouns in -e/-o (il), in -a, -à or -ione (la), or open with a vowel (l').
pub fn the_level(level: &str) -> String {
    let word = level.trim().to_lowercase();
    if lang() != Lang::It {
        return format!("the {word}");
    }
    format!("{}{word}", italian_article(&word))
}

/// «to» a unit, by its name as written, as a sentence in the language in
/// use needs it: «al Settore 1», «all'Area Servizi», «alla Polizia Locale»;
/// «to Settore 1».
pub fn to_unit(name: &str) -> String {
    let name = name.trim();
    if lang() != Lang::It {
        return format!("to {name}");
    }
    let preposition = match italian_article(&name.to_lowercase()) {
        "l'" => "all'",
        "la " => "alla ",
        "lo " => "allo ",
        _ => "al ",
    };
    format!("{preposition}{name}")
}

/// The Italian definite article of a noun phrase (lower case), told from its
/// first word: «l'», «la », «lo » or «il ».
fn italian_article(phrase: &str) -> &'static str {
    let first = phrase.split_whitespace().next().unwrap_or_default();
    let starts = |set: &str| first.chars().next().is_some_and(|c| set.contains(c));
    let second_consonant = first
        .chars()
        .nth(1)
        .is_some_and(|c| !"aeiouàèéìòù".contains(c));
    if starts("aeiouàèéìòùh") {
        "l'"
    } else if first.ends_with('a') || first.ends_with('à') || first.ends_with("ione") {
        "la "
    } else if (first.starts_with('s') && second_consonant)
        || starts("zxy")
        || first.starts_with("gn")
        || first.starts_with("ps")
    {
        "lo "
    } else {
        "il "
    }
}

/// One of two texts by count: `one` for 1, `many` otherwise.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `value` with exactly `places` decimals, as the language in use writes it
/// (20,67 · 20.67); rounded half-up first.
pub fn number(value: Dec, places: u32) -> String {
    format_with(value, places, lang().marks())
}

/// A score or a point total with only the decimals it has (4,5 · 4.5).
pub fn points(value: Dec) -> String {
    format_with(value, value.places_needed(), lang().marks())
}

/// A value for an input field: no thousands grouping (1234,5 · 1234.5).
pub fn plain(value: Dec) -> String {
    let marks = Marks {
        group: None,
        ..lang().marks()
    };
    format_with(value, value.places_needed(), marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;

    #[test]
    fn a_level_with_its_article() {
        let italian = [
            ("Settore", "il settore"),
            ("Area", "l'area"),
            ("Direzione", "la direzione"),
            ("Dipartimento", "il dipartimento"),
            ("Ufficio", "l'ufficio"),
            ("Unità specializzata", "l'unità specializzata"),
            ("Servizio", "il servizio"),
            ("Struttura", "la struttura"),
            ("Staff", "lo staff"),
            ("Sezione", "la sezione"),
        ];
        with_lang(Lang::It, || {
            for (level, expected) in italian {
                assert_eq!(the_level(level), expected);
            }
        });
        with_lang(Lang::En, || assert_eq!(the_level("Settore"), "the settore"));
        with_lang(Lang::It, || {
            assert_eq!(to_unit("Settore 1"), "al Settore 1");
            assert_eq!(to_unit("SETTORE 3: COMMERCIO"), "al SETTORE 3: COMMERCIO");
            assert_eq!(to_unit("Area Servizi"), "all'Area Servizi");
            assert_eq!(to_unit("Polizia Locale"), "alla Polizia Locale");
            assert_eq!(to_unit("Staff del Sindaco"), "allo Staff del Sindaco");
        });
        with_lang(Lang::En, || {
            assert_eq!(to_unit("Settore 1"), "to Settore 1")
        });
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_text_is_written_in_both_languages_with_the_same_placeholders() {
        let it = Lang::It.texts().entries();
        let en = Lang::En.texts().entries();
        assert_eq!(it.len(), en.len());
        for ((name, it), (_, en)) in it.iter().zip(&en) {
            assert!(!it.trim().is_empty(), "{name}: Italian text missing");
            assert!(!en.trim().is_empty(), "{name}: English text missing");
            assert_eq!(
                placeholders(it),
                placeholders(en),
                "{name}: placeholders differ"
            );
        }
    }

    #[test]
    fn dates_are_written_as_each_language_reads_them() {
        assert_eq!(with_lang(Lang::It, || date(2026, 12, 3)), "03/12/2026");
        assert_eq!(with_lang(Lang::En, || date(2026, 12, 3)), "3 Dec 2026");
        for stored in ["2026-12-03 09:05", "03/12/2026 09:05"] {
            assert_eq!(with_lang(Lang::It, || moment(stored)), "03/12/2026 09:05");
            assert_eq!(with_lang(Lang::En, || moment(stored)), "3 Dec 2026 09:05");
        }
        assert_eq!(with_lang(Lang::En, || moment("2024-01-31")), "31 Jan 2024");
        for odd in ["", "ieri", "2026-13-01 10:00", "32/01/2026"] {
            assert_eq!(with_lang(Lang::En, || moment(odd)), odd);
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
        let s = fill(
            "{unit}: media {avg} ({unit})",
            &[("unit", &"Settore 3"), ("avg", &"26,50")],
        );
        assert_eq!(s, "Settore 3: media 26,50 (Settore 3)");
        assert_eq!(fill("{missing} e {", &[]), "{missing} e {");
    }

    #[test]
    fn numbers_follow_the_language_and_read_back_in_either_form() {
        let v = parse_number("1234,567").unwrap();
        set_lang(Lang::It);
        assert_eq!(number(v, 2), "1.234,57");
        assert_eq!(points(v), "1.234,567");
        assert_eq!(plain(v), "1234,567");
        set_lang(Lang::En);
        assert_eq!(number(v, 2), "1,234.57");
        assert_eq!(points(v), "1,234.567");
        assert_eq!(plain(v), "1234.567");
        assert_eq!(parse_number(&plain(v)).unwrap(), v);
        set_lang(Lang::It);
        assert_eq!(parse_number(&plain(v)).unwrap(), v);
    }

    #[test]
    fn the_language_is_italian_until_set_and_is_found_by_code() {
        std::thread::spawn(|| assert_eq!(lang(), Lang::It))
            .join()
            .unwrap();
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
