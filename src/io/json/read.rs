//! Reading: bytes to a plan, through the schema version, the migrations
//! and the checks that name the field of whatever cannot be a plan.

use super::*;

/// Whether a file is as Pesatura saved it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// Its content matches the checksum Pesatura wrote.
    Intact,
    /// It has a checksum, and its content no longer matches it: edited outside Pesatura.
    ModifiedOutside,
    /// It has no checksum (older versions, other tools).
    Unchecked,
}

/// Reads a plan from the bytes of a file.
pub fn load(bytes: &[u8]) -> Result<Plan, LoadError> {
    load_checked(bytes).map(|(plan, _)| plan)
}

/// Reads a plan and tells whether its content still matches the checksum
/// written when Pesatura saved it. A file edited by hand is still accepted.
pub fn load_checked(bytes: &[u8]) -> Result<(Plan, Integrity), LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::plain(fill(
            t().io.json_too_large,
            &[
                ("size", &(bytes.len() / (1024 * 1024))),
                ("limit", &(MAX_BYTES / (1024 * 1024))),
            ],
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::plain(t().io.file_empty));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(LoadError::plain(t().io.json_utf16));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(LoadError::plain(to_import(t().io.json_is_spreadsheet)));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        LoadError {
            line: Some(line),
            ..LoadError::plain(t().io.json_not_utf8)
        }
    })?;
    if text.contains('\0') {
        return Err(LoadError::plain(t().io.json_binary));
    }

    match text.trim_start().as_bytes().first() {
        Some(b'{') => {}
        Some(b'[') => return Err(LoadError::plain(t().io.json_list_not_object)),
        _ => {
            // Not an object: a table meant for the import, or let the parser
            // say where the text stops being JSON.
            let e = serde_json::from_str::<Value>(text).err();
            return Err(match e {
                Some(_) if looks_like_table(text) => {
                    LoadError::plain(to_import(t().io.json_is_table))
                }
                Some(e) => json_error(text, &e, None),
                None => LoadError::plain(t().io.json_single_value),
            });
        }
    }
    // A file is read in one pass, the usual case; anything else (a version
    // [`migrate_read`] does not know, a refusal) is looked at again below.
    let file = match serde_json::from_str::<FileV2>(text) {
        Ok(file) if file.schema_version == SCHEMA_VERSION => file,
        Ok(file) if file.schema_version < SCHEMA_VERSION => {
            let version = file.schema_version;
            match migrate_read(file) {
                Some(file) => file,
                None => older(text, version)?,
            }
        }
        // A newer version: `version` refuses it.
        Ok(_) => older(text, version(text)?)?,
        Err(e) => match version(text)? {
            SCHEMA_VERSION => return Err(refusal(text, &e)),
            older_version => older(text, older_version)?,
        },
    };
    let written = file.checksum.clone();
    let plan = to_plan(file).map_err(|mut error| {
        // Say on which line the refused field is, as for syntax errors.
        if let (Some(field), None) = (&error.field, error.line) {
            if let Some((line, column)) = crate::io::locate::locate(text, field) {
                error.line = Some(line);
                error.column = Some(column);
            }
        }
        error
    })?;
    let integrity = match written {
        None => Integrity::Unchecked,
        Some(sum) if written_as_is(text, &sum) || sum == checksum(&plan) => Integrity::Intact,
        Some(_) => Integrity::ModifiedOutside,
    };
    Ok((plan, integrity))
}

/// Whether `text` is, byte for byte, the file this version of Pesatura
/// writes with the checksum `sum`: the text without its checksum line hashes
/// to `sum`. Such a file is intact without writing its plan again to hash it
/// ([`checksum`]), which is most of the time a large plan takes to open; any
/// other text (re-indented, edited, from another version) is checked by
/// [`checksum`].
pub(super) fn written_as_is(text: &str, sum: &str) -> bool {
    let head = head();
    let Some(rest) = text
        .strip_prefix(head.as_str())
        .and_then(|rest| rest.strip_prefix(checksum_line(sum).as_str()))
    else {
        return false;
    };
    let mut hash = Fnv::new();
    hash.write(head.as_bytes());
    hash.write(rest.as_bytes());
    hash.sum() == sum
}

/// The `generator` Pesatura writes in its files.
pub(super) fn generator() -> String {
    format!("Pesatura {}", env!("CARGO_PKG_VERSION"))
}

/// The lines [`write`] starts every file with, up to where the checksum goes.
pub(super) fn head() -> String {
    format!(
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"generator\": \"{}\",\n",
        generator()
    )
}

/// The checksum's line, as [`write`] writes it after [`head`].
pub(super) fn checksum_line(sum: &str) -> String {
    format!("  \"checksum\": \"{sum}\",\n")
}

/// The file's `schema_version`, if Pesatura can read it: the first thing
/// said about a file that is not a plan of this version.
pub(super) fn version(text: &str) -> Result<u64, LoadError> {
    let probe: Probe = serde_json::from_str(text).map_err(|e| json_error(text, &e, None))?;
    let version = match probe.schema_version {
        None => {
            return Err(LoadError::at_field(
                "schema_version",
                t().io.json_no_schema_version,
            ))
        }
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => {
            return Err(LoadError::at_field(
                "schema_version",
                fill(t().io.json_schema_version_not_integer, &[("value", &other)]),
            ))
        }
    };
    if version > SCHEMA_VERSION {
        return Err(LoadError::at_field(
            "schema_version",
            fill(
                t().io.json_newer_version,
                &[("version", &version), ("supported", &SCHEMA_VERSION)],
            ),
        ));
    }
    Ok(version)
}

/// [`migrate`]'s steps, on a file of an older version already read as it is:
/// the same plan as reading the migrated value, without its three more
/// passes over the text. `None` for a version it does not know, which goes
/// through [`migrate`]; a file whose old fields cannot be read as they are
/// goes through [`migrate`] too, since its refusal comes from there.
pub(super) fn migrate_read(mut file: FileV2) -> Option<FileV2> {
    for version in file.schema_version..SCHEMA_VERSION {
        match version {
            // [`v1_to_v2`]: the choices version 1 did not state.
            1 => {
                file.grid.method = MethodV2::Criteria;
                file.grid.average = AverageV2::Simple;
                file.grid.shared = SharedV2::Separate;
                for c in &mut file.grid.criteria {
                    c.kind = KindV2::Range;
                }
            }
            // [`v2_to_v3`], [`v3_to_v4`]: only the version changes.
            2 | 3 => {}
            _ => return None,
        }
    }
    file.schema_version = SCHEMA_VERSION;
    Some(file)
}

/// `template`, whose `{import}` names the command that reads objectives
/// from a table: the way out for a table opened as a plan.
fn to_import(template: &str) -> String {
    fill(template, &[("import", &t().app.import_objectives)])
}

/// Whether text that is not JSON reads as a table: its first two lines
/// split by one separator a CSV export uses into the same number of cells,
/// two or more (not markup, as a login page saved in place of a plan).
fn looks_like_table(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    !first.trim_start().starts_with('<')
        && [';', '\t', ','].iter().any(|&sep| {
            let cells = first.split(sep).count();
            cells >= 2 && second.split(sep).count() == cells
        })
}

/// Reads a file of an older version through [`migrate`]. The migrated value
/// is read from its text, with the same code as a current file, rather than
/// straight from the value, which would double that code in the wasm for
/// files that are rare.
pub(super) fn older(text: &str, version: u64) -> Result<FileV2, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(text, &e, None))?;
    let migrated = serde_json::to_string(&migrate(value, version)?).unwrap_or_default();
    serde_json::from_str(&migrated).map_err(|e| {
        let mut error = refusal(&migrated, &e);
        // Lines of the migrated text would not match the file's: find the
        // field in the file as the user wrote it.
        let (line, column) = error
            .field
            .as_deref()
            .and_then(|f| crate::io::locate::locate(text, f))
            .unzip();
        error.line = line;
        error.column = column;
        error
    })
}

/// A file refused by the deserializer: its message and place, with the path
/// of the field found from where the deserializer stopped.
pub(super) fn refusal(text: &str, e: &serde_json::Error) -> LoadError {
    use crate::io::locate::{field_at, offset_of, Stop};
    use serde_json::error::Category;
    let stop = if e.classify() == Category::Syntax {
        Stop::PastFirstByte
    } else {
        Stop::AfterValue
    };
    let field = field_at(text, offset_of(text, e.line(), e.column()), stop);
    json_error(text, e, Some(field))
}

pub(super) fn to_plan(file: FileV2) -> Result<Plan, LoadError> {
    if file.ente.levels.is_empty() {
        return Err(LoadError::at_field("ente.levels", t().io.json_no_levels));
    }
    let method = match file.grid.method {
        MethodV2::Criteria => Method::Criteria,
        MethodV2::Direct => Method::Direct,
    };
    if method == Method::Criteria && file.grid.criteria.is_empty() {
        return Err(LoadError::at_field(
            "grid.criteria",
            t().io.json_no_criteria,
        ));
    }
    let mut criteria: Vec<Criterion> = Vec::with_capacity(file.grid.criteria.len());
    for (i, c) in file.grid.criteria.into_iter().enumerate() {
        let at = |f: &str| format!("grid.criteria[{i}].{f}");
        if c.id.trim().is_empty() {
            return Err(LoadError::at_field(at("id"), t().io.json_criterion_no_id));
        }
        if criteria.iter().any(|other| other.id == c.id) {
            return Err(LoadError::at_field(
                at("id"),
                fill(t().io.json_criterion_twice, &[("id", &c.id)]),
            ));
        }
        let scale = match c.kind {
            KindV2::Range => {
                let min = number(
                    c.min
                        .ok_or_else(|| LoadError::at_field(at("min"), t().io.json_no_min))?,
                    &|| at("min"),
                )?;
                let max = number(
                    c.max
                        .ok_or_else(|| LoadError::at_field(at("max"), t().io.json_no_max))?,
                    &|| at("max"),
                )?;
                let step = match c.step {
                    Some(s) => number(s, &|| at("step"))?,
                    None => Dec::from_int(1),
                };
                if min > max {
                    return Err(LoadError::at_field(at("min"), t().io.json_min_above_max));
                }
                if step <= Dec::ZERO {
                    return Err(LoadError::at_field(
                        at("step"),
                        t().io.json_step_not_positive,
                    ));
                }
                Scale::Range { min, max, step }
            }
            KindV2::Levels => {
                let list = c
                    .levels
                    .ok_or_else(|| LoadError::at_field(at("levels"), t().io.json_levels_missing))?;
                if list.is_empty() {
                    return Err(LoadError::at_field(at("levels"), t().io.json_levels_empty));
                }
                let mut levels: Vec<Level> = Vec::with_capacity(list.len());
                for (j, l) in list.into_iter().enumerate() {
                    let points = number(l.points, &|| {
                        format!("grid.criteria[{i}].levels[{j}].points")
                    })?;
                    if levels.iter().any(|other| {
                        other.points == points || other.name.eq_ignore_ascii_case(&l.name)
                    }) {
                        return Err(LoadError::at_field(
                            format!("grid.criteria[{i}].levels[{j}]"),
                            t().io.json_levels_same,
                        ));
                    }
                    levels.push(Level {
                        name: l.name,
                        points,
                    });
                }
                Scale::Levels(levels)
            }
        };
        let short = c
            .short
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| c.name.clone());
        criteria.push(Criterion {
            id: c.id,
            name: c.name,
            short,
            scale,
        });
    }
    let mut types: Vec<ObjectiveType> = Vec::with_capacity(file.grid.types.len());
    let texts = &t().io;
    for (i, t) in file.grid.types.into_iter().enumerate() {
        if types.iter().any(|other| other.id == t.id) {
            return Err(LoadError::at_field(
                format!("grid.types[{i}].id"),
                fill(texts.json_type_twice, &[("id", &t.id)]),
            ));
        }
        let factor = number(t.factor, &|| format!("grid.types[{i}].factor"))?;
        if factor <= Dec::ZERO {
            return Err(LoadError::at_field(
                format!("grid.types[{i}].factor"),
                texts.json_factor_not_positive,
            ));
        }
        types.push(ObjectiveType {
            id: t.id,
            name: t.name,
            factor,
        });
    }

    let levels = file.ente.levels.len();
    let mut unit_ids = HashSet::new();
    for (i, u) in file.units.iter().enumerate() {
        if u.id.trim().is_empty() {
            return Err(LoadError::at_field(
                format!("units[{i}].id"),
                t().io.json_unit_no_id,
            ));
        }
        if !unit_ids.insert(u.id.as_str()) {
            return Err(LoadError::at_field(
                format!("units[{i}].id"),
                fill(t().io.json_unit_id_twice, &[("id", &u.id)]),
            ));
        }
        if u.level >= levels {
            return Err(LoadError::at_field(
                format!("units[{i}].level"),
                fill(
                    t().io.json_level_missing,
                    &[
                        ("level", &u.level),
                        ("levels", &levels),
                        ("last", &(levels - 1)),
                    ],
                ),
            ));
        }
    }
    for (i, u) in file.units.iter().enumerate() {
        if let Some(p) = &u.parent {
            if !unit_ids.contains(p.as_str()) {
                return Err(LoadError::at_field(
                    format!("units[{i}].parent"),
                    fill(t().io.json_parent_missing, &[("unit", p)]),
                ));
            }
        }
    }
    // A chain of parents that comes back to where it started has no top:
    // the unit and those below it would be in no area and no summary.
    let parent_of: std::collections::HashMap<&str, &str> = file
        .units
        .iter()
        .filter_map(|u| Some((u.id.as_str(), u.parent.as_deref()?)))
        .collect();
    for (i, u) in file.units.iter().enumerate() {
        let mut at = u.id.as_str();
        for _ in 0..file.units.len() {
            let Some(&up) = parent_of.get(at) else { break };
            if up == u.id {
                return Err(LoadError::at_field(
                    format!("units[{i}].parent"),
                    fill(t().io.json_parent_loop, &[("unit", &u.id)]),
                ));
            }
            at = up;
        }
    }

    let mut objective_ids = HashSet::new();
    let mut objectives = Vec::with_capacity(file.objectives.len());
    for (i, o) in file.objectives.into_iter().enumerate() {
        if o.id.trim().is_empty() {
            return Err(LoadError::at_field(
                format!("objectives[{i}].id"),
                t().io.json_objective_no_id,
            ));
        }
        if !objective_ids.insert(o.id.clone()) {
            return Err(LoadError::at_field(
                format!("objectives[{i}].id"),
                fill(t().io.json_objective_id_twice, &[("id", &o.id)]),
            ));
        }
        if !unit_ids.contains(o.unit.as_str()) {
            return Err(LoadError::at_field(
                format!("objectives[{i}].unit"),
                fill(t().io.json_unit_missing, &[("unit", &o.unit)]),
            ));
        }
        for (j, u) in o.also.iter().enumerate() {
            if !unit_ids.contains(u.as_str()) {
                return Err(LoadError::at_field(
                    format!("objectives[{i}].also[{j}]"),
                    fill(t().io.json_unit_missing, &[("unit", u)]),
                ));
            }
        }
        let mut scores = vec![None; criteria.len()];
        for (key, value) in o.scores {
            // Named only when refused: formatting it for every score is a good
            // part of opening a large plan.
            let field = || format!("objectives[{i}].scores.{key}");
            let Some(c) = criteria.iter().position(|c| c.id == key) else {
                return Err(LoadError::at_field(
                    field(),
                    fill(t().io.json_criterion_not_in_grid, &[("id", &key)]),
                ));
            };
            scores[c] = match value {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => Some(number(n.as_f64().unwrap_or(f64::NAN), &field)?),
                Some(Value::String(name)) => {
                    match &criteria[c].scale {
                        // The name as saved first: a level's name may itself end in a space.
                        Scale::Levels(levels) => {
                            match levels.iter().find(|l| l.name == *name).or_else(|| {
                                levels
                                    .iter()
                                    .find(|l| l.name.trim().eq_ignore_ascii_case(name.trim()))
                            }) {
                                Some(l) => Some(l.points),
                                None => {
                                    return Err(LoadError::at_field(
                                        field(),
                                        fill(
                                            t().io.json_not_a_level,
                                            &[
                                                ("value", &name),
                                                (
                                                    "levels",
                                                    &levels
                                                        .iter()
                                                        .map(|l| l.name.as_str())
                                                        .collect::<Vec<_>>()
                                                        .join(", "),
                                                ),
                                            ],
                                        ),
                                    ))
                                }
                            }
                        }
                        Scale::Range { .. } => {
                            return Err(LoadError::at_field(
                                field(),
                                invalid_type(
                                    &fill(
                                        t().io.json_kind_text,
                                        &[("text", &format!("\"{name}\""))],
                                    ),
                                    t().io.json_kind_number,
                                ),
                            ))
                        }
                    }
                }
                Some(other) => {
                    return Err(LoadError::at_field(
                        field(),
                        invalid_type(&other.to_string(), t().io.json_kind_number),
                    ))
                }
            };
        }
        let direct = match o.weight {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => Some(DirectWeight::Percent(number(
                n.as_f64().unwrap_or(f64::NAN),
                &|| format!("objectives[{i}].weight"),
            )?)),
            Some(Value::String(x)) if x.trim().eq_ignore_ascii_case("x") => {
                Some(DirectWeight::Prerequisite)
            }
            Some(other) => {
                return Err(LoadError::at_field(
                    format!("objectives[{i}].weight"),
                    fill(t().io.json_weight_invalid, &[("value", &other)]),
                ))
            }
        };
        let mut review = ObjectiveReview::default();
        if let Some(r) = o.review {
            review.verdict = verdict_in(r.status);
            review.comment = r.comment;
            for (key, sr) in r.scores {
                let field = || format!("objectives[{i}].review.scores.{key}");
                let Some(c) = criteria.iter().position(|c| c.id == key) else {
                    return Err(LoadError::at_field(
                        field(),
                        fill(t().io.json_criterion_not_in_grid, &[("id", &key)]),
                    ));
                };
                let revised = match sr.revised {
                    Some(v) => Some(number(v, &|| format!("{}.revised", field()))?),
                    None => None,
                };
                if review.scores.len() <= c {
                    review.scores.resize(c + 1, ScoreReview::default());
                }
                review.scores[c] = ScoreReview {
                    verdict: verdict_in(sr.status),
                    comment: sr.comment,
                    revised,
                };
            }
            // A score review with nothing in it is no review: saving leaves it out.
            while review.scores.last() == Some(&ScoreReview::default()) {
                review.scores.pop();
            }
            if let Some(ar) = r.achievement {
                let revised = match ar.revised {
                    Some(v) => Some(number(v, &|| {
                        format!("objectives[{i}].review.achievement.revised")
                    })?),
                    None => None,
                };
                review.achievement = ScoreReview {
                    verdict: verdict_in(ar.status),
                    comment: ar.comment,
                    revised,
                };
            }
        }
        let achievement = match o.achievement {
            Some(a) => Some(achievement_in(a, &|| {
                format!("objectives[{i}].achievement")
            })?),
            None => None,
        };
        objectives.push(Objective {
            achievement,
            review,
            id: o.id,
            unit: o.unit,
            also: o.also,
            title: o.title,
            description: o.description,
            scores,
            kind: o.kind,
            direct,
        });
    }

    Ok(Plan {
        ente: Ente {
            name: file.ente.name,
            year: file.ente.year,
            levels: file.ente.levels,
        },
        grid: Grid {
            name: file.grid.name,
            method,
            criteria,
            types,
            average: match file.grid.average {
                AverageV2::Simple => AverageRule::Simple,
                AverageV2::PointsWeighted => AverageRule::PointsWeighted,
            },
            shared: match file.grid.shared {
                SharedV2::Separate => SharedRule::Separate,
                SharedV2::EachUnit => SharedRule::EachUnit,
            },
            expected_objectives: file.grid.expected_objectives,
            bands: match file.grid.bands {
                Some(b) => {
                    let zero_below = number(b.zero_below, &|| "grid.bands.zero_below".into())?;
                    let full_from = number(b.full_from, &|| "grid.bands.full_from".into())?;
                    if zero_below > full_from {
                        return Err(LoadError::at_field(
                            "grid.bands",
                            t().io.json_bands_inverted,
                        ));
                    }
                    Some(Bands {
                        zero_below,
                        full_from,
                    })
                }
                None => None,
            },
        },
        units: file
            .units
            .into_iter()
            .map(|u| Unit {
                id: u.id,
                name: u.name,
                level: u.level,
                parent: u.parent,
            })
            .collect(),
        objectives,
        organisational: file
            .organisational
            .into_iter()
            .enumerate()
            .map(|(i, o)| {
                Ok(OrgObjective {
                    achievement: match o.achievement {
                        Some(a) => Some(achievement_in(a, &|| {
                            format!("organisational[{i}].achievement")
                        })?),
                        None => None,
                    },
                    id: o.id,
                    title: o.title,
                    indicators: o
                        .indicators
                        .into_iter()
                        .map(|i| Indicator {
                            name: i.indicator,
                            target: i.target,
                        })
                        .collect(),
                })
            })
            .collect::<Result<_, LoadError>>()?,
        secretary: file
            .secretary
            .into_iter()
            .map(|o| PlainObjective {
                id: o.id,
                title: o.title,
            })
            .collect(),
        review_log: file
            .review_log
            .into_iter()
            .map(|e| ReviewEvent {
                at: e.at,
                by: e.by,
                objective: e.objective,
                criterion: e.criterion,
                change: e.change,
            })
            .collect(),
    })
}

/// A number of the file as a [`Dec`], or the refusal naming `field`.
///
/// Whole numbers, nearly all of a plan's, are taken as they are: the same
/// [`Dec`] as [`Dec::from_f64`] gives, without its printing and parsing,
/// which is most of the time spent on scores when a large plan is opened.
pub(super) fn number(value: f64, field: &dyn Fn() -> String) -> Result<Dec, LoadError> {
    if value.fract() == 0.0 && value.abs() <= LIMIT as f64 {
        return Ok(Dec::from_int(value as i64));
    }
    Dec::from_f64(value).ok_or_else(|| {
        LoadError::at_field(
            field(),
            fill(t().io.json_number_not_allowed, &[("value", &value)]),
        )
    })
}

/// Turns a serde_json error on `text` into a message in the interface's
/// language, with its place.
pub(super) fn json_error(text: &str, e: &serde_json::Error, field: Option<String>) -> LoadError {
    use serde_json::error::Category;
    let texts = &t().io;
    let raw = e.to_string();
    let detail = raw.split(" at line ").next().unwrap_or(&raw);
    if e.classify() == Category::Syntax {
        if let Some(error) = slip(text, e, detail) {
            return LoadError { field, ..error };
        }
    }
    let message = match e.classify() {
        Category::Eof => texts.json_eof.to_string(),
        Category::Syntax => fill(texts.json_syntax, &[("detail", &translate(detail))]),
        Category::Data => translate(detail),
        Category::Io => fill(texts.json_read_error, &[("detail", &detail)]),
    };
    let (line, column) = if e.line() > 0 {
        (Some(e.line()), Some(e.column()))
    } else {
        (None, None)
    };
    LoadError {
        message,
        line,
        column,
        field,
    }
}

/// A syntax error that serde_json names by what it wanted next, said as the
/// slip it is (a comma before `}` or `]`, a decimal comma), at its comma:
/// "key must be a string" for `"max": 10,` then `}` would send the user
/// looking for quotes. serde_json's own "trailing comma", said only for the
/// fields it reads, keeps its message.
fn slip(text: &str, e: &serde_json::Error, detail: &str) -> Option<LoadError> {
    use crate::io::locate::{line_column, offset_of, slip_at, Slip};
    if !matches!(detail, "key must be a string" | "expected value") {
        return None;
    }
    // serde_json's column is one past the refused byte.
    let refused = offset_of(text, e.line(), e.column()).checked_sub(1)?;
    let (slip, comma) = slip_at(text, refused)?;
    let texts = &t().io;
    let detail = match slip {
        Slip::TrailingComma { close } => fill(texts.json_comma_before_close, &[("close", &close)]),
        Slip::DecimalComma { written } => fill(
            texts.json_decimal_comma,
            &[("comma", &written), ("point", &written.replace(',', "."))],
        ),
    };
    let (line, column) = line_column(text, comma);
    Some(LoadError {
        message: fill(texts.json_syntax, &[("detail", &detail)]),
        line: Some(line),
        column: Some(column),
        field: None,
    })
}

/// The interface's language for serde's usual messages; unknown ones are
/// kept as they are.
pub(super) fn translate(detail: &str) -> String {
    let texts = &t().io;
    if let Some(name) = detail
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return fill(texts.json_missing_field, &[("field", &name)]);
    }
    for (prefix, template) in [
        ("invalid type: ", texts.json_invalid_type),
        ("invalid value: ", texts.json_invalid_value),
    ] {
        if let Some(rest) = detail.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return fill(
                    template,
                    &[("found", &kind(found)), ("expected", &kind(expected))],
                );
            }
        }
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        if let Some((value, allowed)) = rest.split_once("`, expected one of ") {
            return fill(
                texts.json_unknown_variant,
                &[("value", &value), ("allowed", &allowed.replace('`', ""))],
            );
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        return fill(texts.json_invalid_length, &[("detail", &rest)]);
    }
    let known = [
        ("expected value", texts.json_expected_value),
        ("expected `,` or `}`", texts.json_expected_comma_or_brace),
        ("expected `,` or `]`", texts.json_expected_comma_or_bracket),
        ("expected `:`", texts.json_expected_colon),
        ("key must be a string", texts.json_key_not_string),
        ("trailing characters", texts.json_trailing_characters),
        ("trailing comma", texts.json_trailing_comma),
        ("number out of range", texts.json_number_out_of_range),
        ("invalid number", texts.json_invalid_number),
        ("expected ident", texts.json_expected_ident),
        ("EOF while parsing", texts.json_eof_while_parsing),
        ("control character", texts.json_control_character),
        ("invalid escape", texts.json_invalid_escape),
        ("invalid unicode code point", texts.json_invalid_unicode),
        ("lone leading surrogate", texts.json_invalid_unicode),
        ("recursion limit exceeded", texts.json_recursion_limit),
    ];
    known
        .iter()
        .find(|(serde, _)| detail.starts_with(serde))
        .map(|(_, text)| text.to_string())
        .unwrap_or_else(|| detail.to_string())
}

/// "invalid type: found …, expected …" in the interface's language.
pub(super) fn invalid_type(found: &str, expected: &str) -> String {
    fill(
        t().io.json_invalid_type,
        &[("found", &found), ("expected", &expected)],
    )
}

/// What serde calls a kind of value, in the interface's language.
pub(super) fn kind(kind: &str) -> String {
    let texts = &t().io;
    let kind = kind.trim();
    if let Some(s) = kind.strip_prefix("string ") {
        return fill(texts.json_kind_text, &[("text", &s)]);
    }
    if let Some(n) = kind
        .strip_prefix("integer `")
        .or_else(|| kind.strip_prefix("floating point `"))
    {
        return fill(
            texts.json_kind_number_value,
            &[("number", &n.trim_end_matches('`'))],
        );
    }
    if let Some(b) = kind.strip_prefix("boolean `") {
        return fill(
            texts.json_kind_boolean_value,
            &[("value", &b.trim_end_matches('`'))],
        );
    }
    match kind {
        "null" | "unit value" => "null".into(),
        "map" | "a map" => texts.json_kind_object.into(),
        "sequence" | "a sequence" => texts.json_kind_list.into(),
        "f64" | "f32" | "a number" => texts.json_kind_number.into(),
        "i32" | "i64" | "an integer" => texts.json_kind_integer.into(),
        "u64" | "u32" | "usize" => texts.json_kind_unsigned.into(),
        "a string" => texts.json_kind_string.into(),
        "a boolean" => texts.json_kind_boolean.into(),
        k if k.starts_with("struct ") => texts.json_kind_object.into(),
        k if k.starts_with("a sequence") => texts.json_kind_list.into(),
        k => k.to_string(),
    }
}
