//! Pesatura's own file: JSON with a top-level `schema_version`.
//!
//! Bytes in, plan out. A file that cannot be a plan is refused with a
//! message in the interface's language naming the line and the field; a file that is a plan but
//! holds scores out of range is accepted, and validation reports them, because
//! the Nucleo must see them. Older schema versions pass through [`migrate`]
//! (or its steps on the file as read, [`migrate_read`]); newer ones are
//! refused rather than half-read. The format is documented
//! field by field in `docs/formato-file.md`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::achievement::{Achievement, Bands, Direction};
use crate::model::decimal::LIMIT;
use crate::model::plan::{
    AverageRule, DirectWeight, Indicator, Level, Method, ObjectiveType, OrgObjective,
    PlainObjective, Scale, SharedRule,
};
use crate::model::review::{ObjectiveReview, ReviewEvent, ScoreReview, Verdict};
use crate::model::{Criterion, Dec, Ente, Grid, Objective, Plan, Unit};
use crate::text::{fill, t};

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u64 = 4;

/// Files larger than this are refused before parsing.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// Why a file was refused: what, and where (line, column, field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Path of the field, as `objectives[2].scores.complessita`.
    pub field: Option<String>,
}

impl LoadError {
    fn plain(message: impl Into<String>) -> LoadError {
        LoadError {
            message: message.into(),
            line: None,
            column: None,
            field: None,
        }
    }

    fn at_field(field: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            message: message.into(),
            line: None,
            column: None,
            field: Some(field.into()),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().io;
        let mut place = Vec::new();
        if let Some(field) = &self.field {
            if !field.is_empty() && field != "." {
                place.push(fill(texts.json_place_field, &[("field", field)]));
            }
        }
        if let Some(line) = self.line {
            place.push(match self.column {
                Some(column) => fill(
                    texts.json_place_line_column,
                    &[("line", &line), ("column", &column)],
                ),
                None => fill(texts.json_place_line, &[("line", &line)]),
            });
        }
        let message: &dyn fmt::Display = &self.message;
        f.write_str(&if place.is_empty() {
            fill(texts.json_invalid, &[("message", message)])
        } else {
            fill(
                texts.json_invalid_at,
                &[("message", message), ("place", &place.join(", "))],
            )
        })
    }
}

mod checksum;
mod migrate;
mod read;
mod schema;
mod write;

use checksum::*;
use read::*;
use schema::*;
use write::*;

pub use checksum::checksum;
pub use migrate::migrate;
pub use read::{load, load_checked, Integrity};
pub use write::{file_name, save};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;
    use crate::model::presets::{new_plan_with, Preset};

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// The checksum as first computed: FNV-1a over the whole text, built as
    /// [`write`] first built it.
    fn checksum_of_whole_text(plan: &Plan) -> String {
        let pretty = serde_json::to_string_pretty(&file_v2(plan, None)).unwrap();
        let mut text = String::new();
        for line in pretty.lines() {
            let trimmed = line.trim_end_matches(',');
            let comma = &line[trimmed.len()..];
            match trimmed.rsplit_once(": ") {
                Some((key, value))
                    if value.ends_with(".0")
                        && value[..value.len() - 2]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b'-')
                        && !value.starts_with('"') =>
                {
                    text.push_str(key);
                    text.push_str(": ");
                    text.push_str(&value[..value.len() - 2]);
                    text.push_str(comma);
                }
                _ => text.push_str(line),
            }
            text.push('\n');
        }
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in text.bytes() {
            hash ^= byte as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("fnv1a64:{hash:016x}")
    }

    /// A plan with every part of the file: types, levels, bands, reviews,
    /// achievements, organisational and secretary objectives, the review log.
    const EVERYTHING: &str = r#"{
      "schema_version": 4,
      "ente": {"name": "Ente: 1.0", "year": 2024, "levels": ["Area", "Settore"]},
      "grid": {"name": "G", "method": "criteria",
        "criteria": [
          {"id": "c", "name": "C", "short": "c", "kind": "range", "min": 0, "max": 10, "step": 0.5},
          {"id": "l", "name": "L", "kind": "levels",
           "levels": [{"name": "Bassa", "points": 1}, {"name": "Alta", "points": 3.5}]}
        ],
        "types": [{"id": "t", "name": "T", "factor": 1.5}, {"id": "u", "name": "U", "factor": 2}],
        "average": "points_weighted", "shared": "each_unit", "expected_objectives": 3,
        "bands": {"zero_below": 20, "full_from": 80.5}},
      "units": [{"id": "a", "name": "A", "level": 0, "parent": null},
                {"id": "s", "name": "S", "level": 1, "parent": "a"}],
      "objectives": [
        {"id": "o1", "unit": "s", "also": ["a"], "title": "T1", "description": "d\nd", "type": "t",
         "scores": {"c": 4.5, "l": "Alta"},
         "review": {"status": "contested", "comment": "cc",
                    "scores": {"c": {"status": "confirmed", "comment": "k", "revised": 3}},
                    "achievement": {"status": "pending", "revised": 40}},
         "achievement": {"target": 10, "actual": 8, "direction": "lower"}},
        {"id": "o2", "unit": "s", "title": "T2", "scores": {"c": 10}, "achievement": {"percent": 70}}
      ],
      "organisational": [{"id": "g1", "title": "G1", "indicators": [{"indicator": "i", "target": "100.0"}],
                          "achievement": {"percent": 50}}],
      "secretary": [{"id": "p1", "title": "P1"}],
      "review_log": [{"at": "2024-01-01", "by": "n", "objective": "o1", "criterion": "c", "change": "x"}]
    }"#;

    /// Plans of every preset, with objectives, shared ones, direct weights,
    /// decimals and large numbers, and one with every part of the file: what
    /// the line-by-line hashing must get right.
    fn plans() -> Vec<Plan> {
        let mut plans = vec![
            load(read("examples/como-peg-2024.json").as_bytes()).unwrap(),
            load(EVERYTHING.as_bytes()).unwrap(),
        ];
        for preset in Preset::ALL {
            let mut plan = new_plan_with(2026, preset);
            let other = plan.add_unit("Settore: 2.0, \"due\"", 1, None);
            for k in 0..40 {
                let id = plan.add_objective(if k % 2 == 0 { "u1" } else { &other });
                plan.set_title(&id, &format!("Obiettivo: {k}.0"));
                if plan.grid.method == Method::Direct {
                    let weight = if k % 7 == 0 {
                        DirectWeight::Prerequisite
                    } else {
                        DirectWeight::Percent(parse_number(&format!("{k},5")).unwrap())
                    };
                    plan.set_direct(&id, Some(weight));
                } else {
                    for c in 0..plan.grid.criteria.len() {
                        let score = match k % 4 {
                            0 => plan.grid.criteria[c].max(),
                            1 => plan.grid.criteria[c].min(),
                            2 => parse_number("1000000").unwrap(),
                            _ => parse_number("-2,25").unwrap(),
                        };
                        plan.set_score(&id, c, Some(score));
                    }
                }
            }
            plan.add_shared_objective(&["u1".to_string(), other])
                .unwrap();
            plans.push(plan);
        }
        plans
    }

    #[test]
    fn the_checksum_is_the_one_of_the_whole_text() {
        let plans = plans();
        assert_eq!(
            checksum(&plans[0]),
            "fnv1a64:4e0527e0aa2b7873",
            "the Como example's, as saved in it"
        );
        for plan in &plans {
            assert_eq!(checksum(plan), checksum_of_whole_text(plan));
        }
    }

    #[test]
    fn saving_puts_in_the_checksum_that_writing_would() {
        for plan in plans() {
            assert_eq!(save(&plan), write(&plan, Some(checksum(&plan))));
        }
    }

    #[test]
    fn a_file_as_saved_is_intact_without_writing_it_again() {
        for plan in plans() {
            let text = save(&plan);
            let sum = checksum(&plan);
            assert!(written_as_is(&text, &sum));
            assert_eq!(
                load_checked(text.as_bytes()).unwrap(),
                (plan.clone(), Integrity::Intact)
            );
            // Re-indented, it is checked by writing the plan again: still intact.
            let value: Value = serde_json::from_str(&text).unwrap();
            let compact = serde_json::to_string(&value).unwrap();
            assert!(!written_as_is(&compact, &sum));
            assert_eq!(
                load_checked(compact.as_bytes()).unwrap().1,
                Integrity::Intact
            );
            // Edited, it is not.
            let edited = text.replacen("\"title\": \"", "\"title\": \"Altro ", 1);
            assert_ne!(edited, text);
            assert!(!written_as_is(&edited, &sum));
            assert_eq!(
                load_checked(edited.as_bytes()).unwrap().1,
                Integrity::ModifiedOutside
            );
        }
    }

    #[test]
    fn whole_numbers_are_the_decimals_dec_reads() {
        let limit = LIMIT as f64;
        for value in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            4.0,
            15.0,
            123_456_789.0,
            limit,
            -limit,
            limit + 1.0,
            -limit - 1.0,
            1e15,
            1e300,
            4.5,
            0.1,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(
                number(value, &|| "x".into()).ok(),
                Dec::from_f64(value),
                "{value}"
            );
        }
    }

    /// [`migrate_read`] gives the plan [`migrate`] gives, from every older version.
    #[test]
    fn an_older_file_read_as_it_is_is_the_migrated_one() {
        let mut files = vec![
            read("tests/fixtures/como-2024-schema-v1.json"),
            read("tests/fixtures/como-2024-schema-v2.json"),
            read("tests/fixtures/como-2024-schema-v3.json"),
            read("tests/fuzz-regressions/json_migrations/empty-score-review.v3.json"),
            read("tests/fuzz-regressions/json_migrations/level-name-ends-in-vertical-tab.v3.json"),
        ];
        // Version 1 knew nothing of methods or kinds: what a file says of them is overruled.
        let mut odd: Value = serde_json::from_str(&files[0]).unwrap();
        odd["grid"]["method"] = "direct".into();
        odd["grid"]["average"] = "points_weighted".into();
        odd["grid"]["criteria"][0]["kind"] = "levels".into();
        files.push(serde_json::to_string_pretty(&odd).unwrap());
        for text in files {
            let file: FileV2 = serde_json::from_str(&text).unwrap();
            let version = file.schema_version;
            assert!(version < SCHEMA_VERSION);
            let read = to_plan(migrate_read(file).unwrap()).unwrap();
            let migrated = to_plan(older(&text, version).unwrap()).unwrap();
            assert_eq!(read, migrated, "version {version}");
        }
    }
}
