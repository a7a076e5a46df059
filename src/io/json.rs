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

// ---- the file's shape, version 2 -------------------------------------------

#[derive(Serialize, Deserialize)]
struct FileV2 {
    schema_version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    generator: Option<String>,
    /// Checksum of the plan's content as Pesatura wrote it (see [`checksum`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checksum: Option<String>,
    ente: EnteV2,
    grid: GridV2,
    units: Vec<UnitV2>,
    objectives: Vec<ObjectiveV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    organisational: Vec<OrgObjectiveV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    secretary: Vec<PlainObjectiveV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    review_log: Vec<ReviewEventV3>,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum VerdictV3 {
    #[default]
    Pending,
    Confirmed,
    Contested,
}

#[derive(Serialize, Deserialize, Default)]
struct ReviewV3 {
    #[serde(default)]
    status: VerdictV3,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    comment: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    scores: BTreeMap<String, ScoreReviewV3>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    achievement: Option<ScoreReviewV3>,
}

#[derive(Serialize, Deserialize, Default)]
struct ScoreReviewV3 {
    #[serde(default)]
    status: VerdictV3,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    comment: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revised: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct ReviewEventV3 {
    at: String,
    by: String,
    objective: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    criterion: Option<String>,
    change: String,
}

fn verdict_in(v: VerdictV3) -> Verdict {
    match v {
        VerdictV3::Pending => Verdict::Pending,
        VerdictV3::Confirmed => Verdict::Confirmed,
        VerdictV3::Contested => Verdict::Contested,
    }
}

fn verdict_out(v: Verdict) -> VerdictV3 {
    match v {
        Verdict::Pending => VerdictV3::Pending,
        Verdict::Confirmed => VerdictV3::Confirmed,
        Verdict::Contested => VerdictV3::Contested,
    }
}

#[derive(Serialize, Deserialize)]
struct EnteV2 {
    name: String,
    year: i32,
    levels: Vec<String>,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum MethodV2 {
    #[default]
    Criteria,
    Direct,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum AverageV2 {
    #[default]
    Simple,
    PointsWeighted,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum SharedV2 {
    #[default]
    Separate,
    EachUnit,
}

#[derive(Serialize, Deserialize)]
struct GridV2 {
    name: String,
    #[serde(default)]
    method: MethodV2,
    #[serde(default)]
    criteria: Vec<CriterionV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    types: Vec<TypeV2>,
    #[serde(default)]
    average: AverageV2,
    #[serde(default)]
    shared: SharedV2,
    /// Objectives each unit of the lowest level should have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected_objectives: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bands: Option<BandsV4>,
}

#[derive(Serialize, Deserialize)]
struct BandsV4 {
    zero_below: f64,
    full_from: f64,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum DirectionV4 {
    Higher,
    Lower,
}

#[derive(Serialize, Deserialize, Default)]
struct AchievementV4 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    direction: Option<DirectionV4>,
}

fn achievement_in(a: AchievementV4, field: &dyn Fn() -> String) -> Result<Achievement, LoadError> {
    match (a.percent, a.target, a.actual) {
        (Some(p), None, None) => Ok(Achievement::Percent(number(p, &|| {
            format!("{}.percent", field())
        })?)),
        (None, Some(t), Some(v)) => Ok(Achievement::Indicator {
            target: number(t, &|| format!("{}.target", field()))?,
            actual: number(v, &|| format!("{}.actual", field()))?,
            direction: match a.direction {
                Some(DirectionV4::Lower) => Direction::LowerIsBetter,
                _ => Direction::HigherIsBetter,
            },
        }),
        _ => Err(LoadError::at_field(
            field(),
            t().io.json_achievement_incomplete,
        )),
    }
}

fn achievement_out(a: Achievement) -> AchievementV4 {
    match a {
        Achievement::Percent(p) => AchievementV4 {
            percent: Some(p.to_f64()),
            ..Default::default()
        },
        Achievement::Indicator {
            target,
            actual,
            direction,
        } => AchievementV4 {
            percent: None,
            target: Some(target.to_f64()),
            actual: Some(actual.to_f64()),
            direction: Some(match direction {
                Direction::HigherIsBetter => DirectionV4::Higher,
                Direction::LowerIsBetter => DirectionV4::Lower,
            }),
        },
    }
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum KindV2 {
    #[default]
    Range,
    Levels,
}

#[derive(Serialize, Deserialize)]
struct CriterionV2 {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    short: Option<String>,
    #[serde(default)]
    kind: KindV2,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    levels: Option<Vec<LevelV2>>,
}

#[derive(Serialize, Deserialize)]
struct LevelV2 {
    name: String,
    points: f64,
}

#[derive(Serialize, Deserialize)]
struct TypeV2 {
    id: String,
    name: String,
    factor: f64,
}

#[derive(Serialize, Deserialize)]
struct UnitV2 {
    id: String,
    name: String,
    level: usize,
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ObjectiveV2 {
    id: String,
    unit: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    also: Vec<String>,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weight: Option<Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    scores: BTreeMap<String, Option<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review: Option<ReviewV3>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    achievement: Option<AchievementV4>,
}

#[derive(Serialize, Deserialize)]
struct OrgObjectiveV2 {
    id: String,
    title: String,
    #[serde(default)]
    indicators: Vec<IndicatorV2>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    achievement: Option<AchievementV4>,
}

#[derive(Serialize, Deserialize)]
struct IndicatorV2 {
    indicator: String,
    target: String,
}

#[derive(Serialize, Deserialize)]
struct PlainObjectiveV2 {
    id: String,
    title: String,
}

#[derive(Deserialize)]
struct Probe {
    schema_version: Option<Value>,
}

// ---- reading ----------------------------------------------------------------

/// Reads a plan from the bytes of a file.
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
            // Not an object: let the parser say where the text stops being JSON.
            let e = serde_json::from_str::<Value>(text).err();
            return Err(match e {
                Some(e) => json_error(&e, None),
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
            if let Some((line, column)) = super::locate::locate(text, field) {
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
fn written_as_is(text: &str, sum: &str) -> bool {
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
fn generator() -> String {
    format!("Pesatura {}", env!("CARGO_PKG_VERSION"))
}

/// The lines [`write`] starts every file with, up to where the checksum goes.
fn head() -> String {
    format!(
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"generator\": \"{}\",\n",
        generator()
    )
}

/// The checksum's line, as [`write`] writes it after [`head`].
fn checksum_line(sum: &str) -> String {
    format!("  \"checksum\": \"{sum}\",\n")
}

/// The file's `schema_version`, if Pesatura can read it: the first thing
/// said about a file that is not a plan of this version.
fn version(text: &str) -> Result<u64, LoadError> {
    let probe: Probe = serde_json::from_str(text).map_err(|e| json_error(&e, None))?;
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
fn migrate_read(mut file: FileV2) -> Option<FileV2> {
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

/// Reads a file of an older version through [`migrate`]. The migrated value
/// is read from its text, with the same code as a current file, rather than
/// straight from the value, which would double that code in the wasm for
/// files that are rare.
fn older(text: &str, version: u64) -> Result<FileV2, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e, None))?;
    let migrated = serde_json::to_string(&migrate(value, version)?).unwrap_or_default();
    serde_json::from_str(&migrated).map_err(|e| {
        let mut error = refusal(&migrated, &e);
        // Lines of the migrated text would not match the file's: find the
        // field in the file as the user wrote it.
        let (line, column) = error
            .field
            .as_deref()
            .and_then(|f| super::locate::locate(text, f))
            .unzip();
        error.line = line;
        error.column = column;
        error
    })
}

/// A file refused by the deserializer: its message and place, with the path
/// of the field found from where the deserializer stopped.
fn refusal(text: &str, e: &serde_json::Error) -> LoadError {
    use super::locate::{field_at, offset_of, Stop};
    use serde_json::error::Category;
    let stop = if e.classify() == Category::Syntax {
        Stop::PastFirstByte
    } else {
        Stop::AfterValue
    };
    let field = field_at(text, offset_of(text, e.line(), e.column()), stop);
    json_error(e, Some(field))
}

/// The checksum of a plan's content: 64-bit FNV-1a over the file Pesatura
/// writes for it without the checksum line, so that re-indenting a file does
/// not count as a change but altering any value does.
///
/// The text is hashed as it is written, line by line, rather than built
/// whole first: the same bytes, without holding a large plan's file in memory.
pub fn checksum(plan: &Plan) -> String {
    // serde_json writes a few bytes at a time: gathered, they are split into lines faster.
    let mut out = std::io::BufWriter::with_capacity(
        1 << 16,
        HashedLines {
            line: Vec::new(),
            hash: Fnv::new(),
        },
    );
    pretty(&mut out, &file_v2(plan, None));
    let Ok(mut lines) = out.into_inner() else {
        return String::new();
    };
    if !lines.line.is_empty() {
        lines.end_line();
    }
    lines.hash.sum()
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= byte as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn sum(&self) -> String {
        format!("fnv1a64:{:016x}", self.0)
    }
}

/// Hashes serde_json's pretty text as [`write`] turns it into the file: each
/// line through [`integers_without_point`]'s rule, each ended by a newline.
struct HashedLines {
    line: Vec<u8>,
    hash: Fnv,
}

impl HashedLines {
    fn end_line(&mut self) {
        let line = std::str::from_utf8(&self.line).unwrap_or_default();
        match point_to_drop(line) {
            Some(point) => {
                self.hash.write(&self.line[..point]);
                self.hash.write(&self.line[point + 2..]);
            }
            None => self.hash.write(&self.line),
        }
        self.hash.write(b"\n");
        self.line.clear();
    }
}

impl std::io::Write for HashedLines {
    fn write(&mut self, mut bytes: &[u8]) -> std::io::Result<usize> {
        let written = bytes.len();
        while let Some(end) = bytes.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&bytes[..end]);
            self.end_line();
            bytes = &bytes[end + 1..];
        }
        self.line.extend_from_slice(bytes);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Brings a file of an older schema version up to [`SCHEMA_VERSION`], one
/// version at a time, without changing its meaning.
pub fn migrate(mut value: Value, from: u64) -> Result<Value, LoadError> {
    if !value.is_object() {
        return Err(LoadError::plain(t().io.json_migrate_not_object));
    }
    let mut version = from;
    while version < SCHEMA_VERSION {
        value = match version {
            1 => v1_to_v2(value),
            2 => v2_to_v3(value),
            3 => v3_to_v4(value),
            other => {
                return Err(LoadError::at_field(
                    "schema_version",
                    fill(t().io.json_unknown_version, &[("version", &other)]),
                ))
            }
        };
        version += 1;
    }
    Ok(value)
}

/// Version 1 knew only criteria scored in a range, summed, with the simple
/// mean; version 2 states each of those choices.
fn v1_to_v2(mut value: Value) -> Value {
    value["schema_version"] = Value::from(2);
    if let Some(grid) = value.get_mut("grid").and_then(Value::as_object_mut) {
        grid.insert("method".into(), Value::from("criteria"));
        grid.insert("average".into(), Value::from("simple"));
        grid.insert("shared".into(), Value::from("separate"));
        if let Some(criteria) = grid.get_mut("criteria").and_then(Value::as_array_mut) {
            for c in criteria.iter_mut().filter_map(Value::as_object_mut) {
                c.insert("kind".into(), Value::from("range"));
            }
        }
    }
    value
}

/// Version 3 adds the Nucleo's review; a version 2 file has none to carry.
fn v2_to_v3(mut value: Value) -> Value {
    value["schema_version"] = Value::from(3);
    value
}

/// Version 4 adds achievements and bands; a version 3 file has none.
fn v3_to_v4(mut value: Value) -> Value {
    value["schema_version"] = Value::from(4);
    value
}

fn to_plan(file: FileV2) -> Result<Plan, LoadError> {
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
fn number(value: f64, field: &dyn Fn() -> String) -> Result<Dec, LoadError> {
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

/// Turns a serde_json error into a message in the interface's language,
/// with its place.
fn json_error(e: &serde_json::Error, field: Option<String>) -> LoadError {
    use serde_json::error::Category;
    let texts = &t().io;
    let raw = e.to_string();
    let detail = raw.split(" at line ").next().unwrap_or(&raw);
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

/// The interface's language for serde's usual messages; unknown ones are
/// kept as they are.
fn translate(detail: &str) -> String {
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
fn invalid_type(found: &str, expected: &str) -> String {
    fill(
        t().io.json_invalid_type,
        &[("found", &found), ("expected", &expected)],
    )
}

/// What serde calls a kind of value, in the interface's language.
fn kind(kind: &str) -> String {
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

// ---- writing ----------------------------------------------------------------

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

fn write(plan: &Plan, checksum: Option<String>) -> String {
    let mut out = Vec::new();
    pretty(&mut out, &file_v2(plan, checksum));
    let mut text = integers_without_point(std::str::from_utf8(&out).unwrap_or_default());
    text.push('\n');
    text
}

/// serde_json's indented text of `file`. One writer type for the file and
/// for its checksum, so that the writing code of every type of the file is
/// in the wasm once.
fn pretty(out: &mut dyn std::io::Write, file: &FileV2) {
    serde_json::to_writer_pretty(out, file).unwrap_or_default();
}

/// The plan in the file's shape, ready to be written.
fn file_v2(plan: &Plan, checksum: Option<String>) -> FileV2 {
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

fn criterion_v2(c: &Criterion) -> CriterionV2 {
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
fn by_key<V>(mut map: BTreeMap<String, V>, (key, value): (String, V)) -> BTreeMap<String, V> {
    map.insert(key, value);
    map
}

fn objective_v2(o: &Objective, grid: &Grid) -> ObjectiveV2 {
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
fn integers_without_point(text: &str) -> String {
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
fn point_to_drop(line: &str) -> Option<usize> {
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
    let mut slug = String::new();
    for ch in plan.ente.name.to_lowercase().chars() {
        let ch = match ch {
            'à' | 'á' => 'a',
            'è' | 'é' => 'e',
            'ì' | 'í' => 'i',
            'ò' | 'ó' => 'o',
            'ù' | 'ú' => 'u',
            c => c,
        };
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("pesatura-{}.json", plan.ente.year)
    } else {
        format!("pesatura-{slug}-{}.json", plan.ente.year)
    }
}

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
