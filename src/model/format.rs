//! Numbers as Italians write them: decimal comma, thousands grouped by a dot
//! (1.234,56), and as English writes them for the English interface
//! ([`format_with`]). The rounding is explicit: half-up to the places asked,
//! so what is shown is exactly what was computed. Files Pesatura writes use
//! the Italian functions whatever the interface's language.

use super::decimal::Dec;

/// The decimal mark and the thousands separator of a way of writing numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    pub decimal: char,
    pub group: Option<char>,
}

impl Marks {
    pub const ITALIAN: Marks = Marks {
        decimal: ',',
        group: Some('.'),
    };
    pub const ENGLISH: Marks = Marks {
        decimal: '.',
        group: Some(','),
    };
}

/// Formats `value` with exactly `places` decimals (0 to 4), Italian style.
/// The value is rounded half-up to `places` first.
pub fn format_it(value: Dec, places: u32) -> String {
    format_with(value, places, Marks::ITALIAN)
}

/// Formats `value` with exactly `places` decimals (0 to 4) and the given
/// marks, rounded half-up to `places` first.
pub fn format_with(value: Dec, places: u32, marks: Marks) -> String {
    let places = places.min(4);
    let rounded = value.round(places).raw();
    let negative = rounded < 0;
    let abs = rounded.unsigned_abs();
    let int_part = abs / Dec::SCALE as u64;
    let frac_part = abs % Dec::SCALE as u64;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part, marks.group));
    if places > 0 {
        let frac = format!("{frac_part:04}");
        out.push(marks.decimal);
        out.push_str(&frac[..places as usize]);
    }
    out
}

/// Formats a score or a point total: as an integer when whole, otherwise with
/// the decimals it has (4,5 · 7,25).
pub fn format_points(value: Dec) -> String {
    format_it(value, value.places_needed())
}

/// Formats a value for an input field, where grouping dots would get in the
/// way of editing: `1234,5`.
pub fn format_plain(value: Dec) -> String {
    let marks = Marks {
        group: None,
        ..Marks::ITALIAN
    };
    format_with(value, value.places_needed(), marks)
}

fn group_thousands(mut n: u64, separator: Option<char>) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1000 {
            groups.push(n.to_string());
            break;
        }
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    match separator {
        Some(c) => groups.join(c.encode_utf8(&mut [0; 4])),
        None => groups.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;

    fn d(text: &str) -> Dec {
        parse_number(text).unwrap()
    }

    #[test]
    fn two_decimals_with_comma() {
        assert_eq!(format_it(d("20,666"), 2), "20,67");
        assert_eq!(format_it(d("26,5"), 2), "26,50");
        assert_eq!(format_it(d("0"), 2), "0,00");
        assert_eq!(format_it(d("-3,333"), 2), "-3,33");
    }

    #[test]
    fn thousands_grouped_with_dot() {
        assert_eq!(format_it(d("1234,56"), 2), "1.234,56");
        assert_eq!(format_it(d("1000000"), 0), "1.000.000");
        assert_eq!(format_it(d("999"), 0), "999");
    }

    #[test]
    fn points_show_only_the_decimals_they_have() {
        assert_eq!(format_points(d("18")), "18");
        assert_eq!(format_points(d("4,5")), "4,5");
        assert_eq!(format_points(d("7,25")), "7,25");
        assert_eq!(format_plain(d("1234,5")), "1234,5");
    }
}
