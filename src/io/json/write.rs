//! Writing: a plan to the JSON of the current schema version, indented for
//! people, with its checksum.

use super::*;

/// Writes a plan as the JSON of [`SCHEMA_VERSION`], indented for people,
/// with the checksum of its content.
///
/// The file is written once, without the checksum, hashed, and the
/// checksum's line put in: the text [`write`] gives with the checksum, for
/// half the work of writing the plan twice (autosave does it after every change).
pub fn save(plan: &Plan) -> String {
    let mut text = write(plan, None);
    let mut hash = Fnv::new();
    hash.write(text.as_bytes());
    let sum = hash.sum();
    let head = head();
    if !text.starts_with(&head) {
        return write(plan, Some(sum));
    }
    text.insert_str(head.len(), &checksum_line(&sum));
    text
}

pub(super) fn write(plan: &Plan, checksum: Option<String>) -> String {
    let mut out = Vec::new();
    pretty(&mut out, &file_v2(plan, checksum));
    let mut text = integers_without_point(std::str::from_utf8(&out).unwrap_or_default());
    text.push('\n');
    text
}

/// serde_json's indented text of `file`. One writer type for the file and
/// for its checksum, so that the writing code of every type of the file is
/// in the wasm once.
pub(super) fn pretty(out: &mut dyn std::io::Write, file: &FileV2) {
    serde_json::to_writer_pretty(out, file).unwrap_or_default();
}

/// The plan in the file's shape, ready to be written.
pub(super) fn file_v2(plan: &Plan, checksum: Option<String>) -> FileV2 {
    let grid = &plan.grid;
    FileV2 {
        schema_version: SCHEMA_VERSION,
        generator: Some(generator()),
        checksum,
        ente: EnteV2 {
            name: plan.ente.name.clone(),
            year: plan.ente.year,
            levels: plan.ente.levels.clone(),
        },
        grid: GridV2 {
            name: grid.name.clone(),
            method: match grid.method {
                Method::Criteria => MethodV2::Criteria,
                Method::Direct => MethodV2::Direct,
            },
            criteria: grid.criteria.iter().map(criterion_v2).collect(),
            types: grid
                .types
                .iter()
                .map(|t| TypeV2 {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    factor: t.factor.to_f64(),
                })
                .collect(),
            average: match grid.average {
                AverageRule::Simple => AverageV2::Simple,
                AverageRule::PointsWeighted => AverageV2::PointsWeighted,
            },
            shared: match grid.shared {
                SharedRule::Separate => SharedV2::Separate,
                SharedRule::EachUnit => SharedV2::EachUnit,
            },
            expected_objectives: grid.expected_objectives,
            bands: grid.bands.map(|b| BandsV4 {
                zero_below: b.zero_below.to_f64(),
                full_from: b.full_from.to_f64(),
            }),
        },
        units: plan
            .units
            .iter()
            .map(|u| UnitV2 {
                id: u.id.clone(),
                name: u.name.clone(),
                level: u.level,
                parent: u.parent.clone(),
            })
            .collect(),
        objectives: plan
            .objectives
            .iter()
            .map(|o| objective_v2(o, grid))
            .collect(),
        organisational: plan
            .organisational
            .iter()
            .map(|o| OrgObjectiveV2 {
                achievement: o.achievement.map(achievement_out),
                id: o.id.clone(),
                title: o.title.clone(),
                indicators: o
                    .indicators
                    .iter()
                    .map(|i| IndicatorV2 {
                        indicator: i.name.clone(),
                        target: i.target.clone(),
                    })
                    .collect(),
            })
            .collect(),
        secretary: plan
            .secretary
            .iter()
            .map(|o| PlainObjectiveV2 {
                id: o.id.clone(),
                title: o.title.clone(),
            })
            .collect(),
        review_log: plan
            .review_log
            .iter()
            .map(|e| ReviewEventV3 {
                at: e.at.clone(),
                by: e.by.clone(),
                objective: e.objective.clone(),
                criterion: e.criterion.clone(),
                change: e.change.clone(),
            })
            .collect(),
    }
}

pub(super) fn criterion_v2(c: &Criterion) -> CriterionV2 {
    let mut out = CriterionV2 {
        id: c.id.clone(),
        name: c.name.clone(),
        short: Some(c.short.clone()),
        kind: KindV2::Range,
        min: None,
        max: None,
        step: None,
        levels: None,
    };
    match &c.scale {
        Scale::Range { min, max, step } => {
            out.min = Some(min.to_f64());
            out.max = Some(max.to_f64());
            out.step = (*step != Dec::from_int(1)).then(|| step.to_f64());
        }
        Scale::Levels(levels) => {
            out.kind = KindV2::Levels;
            out.levels = Some(
                levels
                    .iter()
                    .map(|l| LevelV2 {
                        name: l.name.clone(),
                        points: l.points.to_f64(),
                    })
                    .collect(),
            );
        }
    }
    out
}

/// Adds an entry to a map, for building one from (key, value) pairs one by
/// one: collecting into a `BTreeMap` sorts the pairs first, with a copy of the
/// sort compiled for each kind of value.
pub(super) fn by_key<V>(
    mut map: BTreeMap<String, V>,
    (key, value): (String, V),
) -> BTreeMap<String, V> {
    map.insert(key, value);
    map
}

pub(super) fn objective_v2(o: &Objective, grid: &Grid) -> ObjectiveV2 {
    let scores = if grid.method == Method::Criteria || o.scores.iter().any(Option::is_some) {
        grid.criteria
            .iter()
            .zip(o.scores.iter().chain(std::iter::repeat(&None)))
            .map(|(c, s)| {
                let value = s.map(|points| match c.level_of(points) {
                    Some(level) => Value::from(level.name.clone()),
                    None => Value::from(points.to_f64()),
                });
                (c.id.clone(), value)
            })
            .fold(BTreeMap::new(), by_key)
    } else {
        BTreeMap::new()
    };
    ObjectiveV2 {
        id: o.id.clone(),
        unit: o.unit.clone(),
        also: o.also.clone(),
        title: o.title.clone(),
        description: o.description.clone(),
        kind: o.kind.clone(),
        weight: o.direct.map(|w| match w {
            DirectWeight::Percent(p) => Value::from(p.to_f64()),
            DirectWeight::Prerequisite => Value::from("X"),
        }),
        scores,
        achievement: o.achievement.map(achievement_out),
        review: (!o.review.is_empty()).then(|| ReviewV3 {
            status: verdict_out(o.review.verdict),
            comment: o.review.comment.clone(),
            scores: grid
                .criteria
                .iter()
                .zip(&o.review.scores)
                .filter(|(_, r)| **r != ScoreReview::default())
                .map(|(c, r)| {
                    (
                        c.id.clone(),
                        ScoreReviewV3 {
                            status: verdict_out(r.verdict),
                            comment: r.comment.clone(),
                            revised: r.revised.map(Dec::to_f64),
                        },
                    )
                })
                .fold(BTreeMap::new(), by_key),
            achievement: (o.review.achievement != ScoreReview::default()).then(|| ScoreReviewV3 {
                status: verdict_out(o.review.achievement.verdict),
                comment: o.review.achievement.comment.clone(),
                revised: o.review.achievement.revised.map(Dec::to_f64),
            }),
        }),
    }
}

/// serde_json writes whole floats as `4.0`; people and other tools expect `4`.
pub(super) fn integers_without_point(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        match point_to_drop(line) {
            Some(point) => {
                out.push_str(&line[..point]);
                out.push_str(&line[point + 2..]);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// Where the `.0` of a line `"key": 4.0,` starts, if the line ends with a
/// whole float.
pub(super) fn point_to_drop(line: &str) -> Option<usize> {
    let trimmed = line.trim_end_matches(',');
    if !trimmed.ends_with(".0") {
        return None;
    }
    let (_, value) = trimmed.rsplit_once(": ")?;
    (value.ends_with(".0")
        && value[..value.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-')
        && !value.starts_with('"'))
    .then(|| trimmed.len() - 2)
}

/// The name a saved file gets: `pesatura-comune-di-como-2024.json`.
pub fn file_name(plan: &Plan) -> String {
    let slug = crate::model::edit::slug(&plan.ente.name);
    if slug.is_empty() {
        format!("pesatura-{}.json", plan.ente.year)
    } else {
        format!("pesatura-{slug}-{}.json", plan.ente.year)
    }
}
