//! Exact decimal numbers for scores, points, weights and averages.
//!
//! The Nucleo di valutazione signs these numbers, so they must never carry a
//! binary float's approximation: every value is an integer count of
//! ten-thousandths, sums are exact, and a division (a mean, a share) is rounded
//! once, half-up on the exact quotient (20,665 → 20,67).

use std::fmt;

/// A fixed-point number with four decimal places (`raw / 10_000`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec(i64);

/// Largest magnitude a [`Dec`] accepts from outside (files, inputs): a billion.
pub const LIMIT: i64 = 1_000_000_000;

impl Dec {
    /// Ten-thousandths in one unit.
    pub const SCALE: i64 = 10_000;
    pub const ZERO: Dec = Dec(0);
    pub const HUNDRED: Dec = Dec(100 * Self::SCALE);

    /// The whole number `n`.
    pub const fn from_int(n: i64) -> Dec {
        Dec(n * Self::SCALE)
    }

    /// The number `raw / 10_000`.
    pub const fn from_raw(raw: i64) -> Dec {
        Dec(raw)
    }

    pub const fn raw(self) -> i64 {
        self.0
    }

    /// Reads a float coming from JSON, rounding it half-up to four places.
    /// Refuses NaN, infinities and magnitudes beyond [`LIMIT`].
    pub fn from_f64(value: f64) -> Option<Dec> {
        if !value.is_finite() || value.abs() > LIMIT as f64 {
            return None;
        }
        // The shortest decimal text of the float is what the file said.
        parse_plain(&format!("{value}")).ok()
    }

    /// The nearest float, for JSON output; exact for every value with at most
    /// four decimals once printed by the shortest round-trip algorithm.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE as f64
    }

    pub fn is_integer(self) -> bool {
        self.0 % Self::SCALE == 0
    }

    /// The integer part when the number is whole.
    pub fn as_int(self) -> Option<i64> {
        self.is_integer().then_some(self.0 / Self::SCALE)
    }

    pub fn checked_add(self, other: Dec) -> Option<Dec> {
        self.0.checked_add(other.0).map(Dec)
    }

    pub fn checked_sub(self, other: Dec) -> Option<Dec> {
        self.0.checked_sub(other.0).map(Dec)
    }

    /// This number read as a percentage: 150 → 1,5.
    pub fn ratio_of_hundred(self) -> Dec {
        Dec(self.0 / 100)
    }

    /// Whether this number is a whole multiple of `step` (a positive step).
    pub fn is_multiple_of(self, step: Dec) -> bool {
        step.0 > 0 && self.0 % step.0 == 0
    }

    /// The fewest decimals that write this value exactly (0 to 4).
    pub fn places_needed(self) -> u32 {
        let mut places = 0;
        while places < 4 && self.round(places) != self {
            places += 1;
        }
        places
    }

    /// Rounds half-up (half away from zero) to `places` decimals, 0 to 4.
    pub fn round(self, places: u32) -> Dec {
        let unit = 10_i64.pow(4 - places.min(4));
        Dec(div_half_up(self.0 as i128, unit as i128) as i64 * unit)
    }

    /// `numerator / denominator` rounded half-up to `places` decimals (0 to 4).
    /// `None` when the denominator is zero.
    pub fn ratio(numerator: i128, denominator: i128, places: u32) -> Option<Dec> {
        if denominator == 0 {
            return None;
        }
        let unit = 10_i128.pow(4 - places.min(4));
        // value in ten-thousandths = numerator * SCALE / denominator, rounded at `unit`.
        let scaled = div_half_up(numerator * Dec::SCALE as i128, denominator * unit);
        Some(Dec((scaled * unit) as i64))
    }
}

/// Integer division rounding half away from zero.
pub fn div_half_up(numerator: i128, denominator: i128) -> i128 {
    let negative = (numerator < 0) != (denominator < 0);
    let (n, d) = (numerator.abs(), denominator.abs());
    let q = (2 * n + d) / (2 * d);
    if negative {
        -q
    } else {
        q
    }
}

impl std::ops::Add for Dec {
    type Output = Dec;
    fn add(self, other: Dec) -> Dec {
        Dec(self.0 + other.0)
    }
}

impl std::iter::Sum for Dec {
    fn sum<I: Iterator<Item = Dec>>(iter: I) -> Dec {
        iter.fold(Dec::ZERO, |a, b| a + b)
    }
}

/// Why a text is not a number. Shown, in the interface's language, as what
/// is said of the text: "«7,5x» is not a number".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    TooPrecise,
    TooLarge,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &crate::text::t().model;
        f.write_str(match self {
            NumberError::Empty => t.number_empty,
            NumberError::NotANumber => t.number_not_a_number,
            NumberError::TooPrecise => t.number_too_precise,
            NumberError::TooLarge => t.number_too_large,
        })
    }
}

/// Parses a number written the Italian way (`20,67`, `1.234,5`) or the
/// English way (`20.67`). With both marks, the last one is the decimal mark
/// and the other groups thousands. A lone mark is the decimal mark, but for
/// the interface language's thousands mark before groups of three digits:
/// in Italian `1.000` is a thousand, as the interface itself writes it, and
/// `1,000` is one; in English the other way round.
pub fn parse_number(text: &str) -> Result<Dec, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let last_comma = text.rfind(',');
    let last_dot = text.rfind('.');
    let lone_mark = match (last_comma, last_dot) {
        (Some(_), None) => Some(','),
        (None, Some(_)) => Some('.'),
        _ => None,
    };
    if let Some(mark) = lone_mark {
        if crate::text::lang().marks().group == Some(mark) && grouped_by(text, mark) {
            return parse_plain(&text.replace(mark, ""));
        }
    }
    let normalised: String = match (last_comma, last_dot) {
        (Some(c), Some(d)) => {
            let (decimal, group) = if c > d { (',', '.') } else { ('.', ',') };
            if text.matches(decimal).count() > 1 {
                return Err(NumberError::NotANumber);
            }
            text.chars()
                .filter(|&ch| ch != group)
                .map(|ch| if ch == decimal { '.' } else { ch })
                .collect()
        }
        (Some(_), None) => {
            if text.matches(',').count() > 1 {
                return Err(NumberError::NotANumber);
            }
            text.replace(',', ".")
        }
        _ => text.to_string(),
    };
    parse_plain(&normalised)
}

/// For a text [`parse_number`] read as thousands (`1.000` in Italian), the
/// same digits with the decimal mark instead (`1,000`): what the user may
/// have meant when the thousand is out of range.
pub fn read_as_thousands(text: &str) -> Option<String> {
    let text = text.trim();
    let marks = crate::text::lang().marks();
    let group = marks.group?;
    let lone = text.contains(group) && !text.contains(marks.decimal);
    (lone && text.matches(group).count() == 1 && grouped_by(text, group))
        .then(|| text.replace(group, &marks.decimal.to_string()))
}

/// Whether `text` is written in thousands grouped by `mark`: one to three
/// digits (not a lone zero), then groups of exactly three (`1.000`,
/// `12.500.000`, `-2.000`).
fn grouped_by(text: &str, mark: char) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = digits.split(mark);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && all_digits(first)
        && groups.all(|g| g.len() == 3 && all_digits(g))
}

/// Parses `[-+]digits[.digits]` exactly.
fn parse_plain(text: &str) -> Result<Dec, NumberError> {
    if text.contains(['e', 'E']) {
        // Exponent notation is not how scores are written; say "too large"
        // when that is what it means (1e308), "not a number" otherwise.
        return match text.parse::<f64>() {
            Ok(value) if !value.is_finite() || value.abs() > LIMIT as f64 => {
                Err(NumberError::TooLarge)
            }
            _ => Err(NumberError::NotANumber),
        };
    }
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() && frac_part.is_empty()
        || !all_digits(int_part)
        || !all_digits(frac_part)
    {
        return Err(NumberError::NotANumber);
    }
    let frac_trimmed = frac_part.trim_end_matches('0');
    if frac_trimmed.len() > 4 {
        return Err(NumberError::TooPrecise);
    }
    let int_trimmed = int_part.trim_start_matches('0');
    if int_trimmed.len() > 10 {
        return Err(NumberError::TooLarge);
    }
    let int_value: i64 = if int_trimmed.is_empty() {
        0
    } else {
        int_trimmed.parse().map_err(|_| NumberError::TooLarge)?
    };
    if int_value > LIMIT {
        return Err(NumberError::TooLarge);
    }
    let mut frac_value: i64 = if frac_trimmed.is_empty() {
        0
    } else {
        frac_trimmed.parse().map_err(|_| NumberError::NotANumber)?
    };
    frac_value *= 10_i64.pow(4 - frac_trimmed.len() as u32);
    let raw = int_value * Dec::SCALE + frac_value;
    Ok(Dec(if negative { -raw } else { raw }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Dec {
        parse_number(text).unwrap()
    }

    #[test]
    fn parses_both_decimal_marks() {
        assert_eq!(d("20,67"), Dec::from_raw(206_700));
        assert_eq!(d("20.67"), Dec::from_raw(206_700));
        assert_eq!(d("1.234,5"), Dec::from_raw(12_345_000));
        assert_eq!(d("1,234.5"), Dec::from_raw(12_345_000));
        assert_eq!(d(" -3 "), Dec::from_int(-3));
        assert_eq!(d(",5"), Dec::from_raw(5_000));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_number(""), Err(NumberError::Empty));
        assert_eq!(parse_number("1.000.000,5"), Ok(d("1000000,5")));
        assert_eq!(parse_number("quattro"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1,2,3"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("4 5"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("0,00001"), Err(NumberError::TooPrecise));
        assert_eq!(parse_number("1e308"), Err(NumberError::TooLarge));
        assert_eq!(parse_number("NaN"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("99999999999"), Err(NumberError::TooLarge));
    }

    #[test]
    fn rounds_half_up_on_the_exact_value() {
        assert_eq!(d("20,665").round(2), d("20,67"));
        assert_eq!(d("20,664").round(2), d("20,66"));
        assert_eq!(d("-20,665").round(2), d("-20,67"));
        assert_eq!(d("2,5").round(0), d("3"));
    }

    #[test]
    fn ratio_rounds_once_half_up() {
        // 62 / 3 = 20,666… → 20,67
        assert_eq!(Dec::ratio(62, 3, 2), Some(d("20,67")));
        // 53 / 2 = 26,5
        assert_eq!(Dec::ratio(53, 2, 2), Some(d("26,50")));
        // 1 / 8 = 0,125 → 0,13 (a float would give 0,12 for some inputs)
        assert_eq!(Dec::ratio(1, 8, 2), Some(d("0,13")));
        assert_eq!(Dec::ratio(1, 0, 2), None);
    }

    #[test]
    fn floats_from_json_are_read_as_written() {
        assert_eq!(Dec::from_f64(4.5), Some(d("4,5")));
        assert_eq!(Dec::from_f64(0.1), Some(d("0,1")));
        assert_eq!(Dec::from_f64(f64::NAN), None);
        assert_eq!(Dec::from_f64(1e308), None);
        assert_eq!(Dec::from_f64(0.00001), None);
        assert_eq!(Dec::from_f64(d("7,25").to_f64()), Some(d("7,25")));
    }

    #[test]
    fn a_lone_thousands_mark_of_the_interface_language_groups() {
        use crate::text::{with_lang, Lang};
        with_lang(Lang::It, || {
            assert_eq!(parse_number("1.000"), Ok(d("1000")));
            assert_eq!(parse_number("12.500.000"), Ok(d("12500000")));
            assert_eq!(parse_number("-2.000"), Ok(d("-2000")));
            // Not groups of three: the decimal mark, as before.
            assert_eq!(parse_number("4.5"), Ok(d("4,5")));
            assert_eq!(parse_number("4.50"), Ok(d("4,5")));
            assert_eq!(parse_number("0.500"), Ok(d("0,5")));
            assert_eq!(parse_number("1234.567"), Ok(d("1234,567")));
            assert_eq!(parse_number("1.2.3"), Err(NumberError::NotANumber));
            // The comma is Italian's decimal mark, whatever follows it.
            assert_eq!(parse_number("1,000"), Ok(d("1")));
        });
        with_lang(Lang::En, || {
            assert_eq!(parse_number("1,000"), Ok(d("1000")));
            assert_eq!(parse_number("1.000"), Ok(d("1")));
            assert_eq!(parse_number("2,5"), Ok(d("2,5")));
        });
    }

    #[test]
    fn what_the_interface_writes_it_reads_back() {
        use crate::text::{points, with_lang, Lang};
        for lang in Lang::ALL {
            with_lang(lang, || {
                for raw in ["1000", "1500", "1234567", "1,5", "1000,25", "0,125"] {
                    let value = d(raw);
                    assert_eq!(parse_number(&points(value)), Ok(value), "{lang:?} {raw}");
                }
            });
        }
    }
}
