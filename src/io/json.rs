//! Pesatura's own file: JSON with a top-level `schema_version`.
//!
//! Bytes in, plan out. A file that cannot be a plan is refused with an
//! Italian message naming the line and the field; a file that is a plan but
//! holds scores out of range is accepted, and validation reports them, because
//! the Nucleo must see them. Older schema versions pass through [`migrate`];
//! newer ones are refused rather than half-read. The format is documented
//! field by field in `docs/formato-file.md`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Criterion, Dec, Ente, Grid, Objective, Plan, Unit};

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u64 = 1;

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
        LoadError { message: message.into(), line: None, column: None, field: None }
    }

    fn at_field(field: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError { message: message.into(), line: None, column: None, field: Some(field.into()) }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Il file non è un piano di Pesatura valido: {}", self.message)?;
        let mut place = Vec::new();
        if let Some(field) = &self.field {
            if !field.is_empty() && field != "." {
                place.push(format!("campo «{field}»"));
            }
        }
        if let Some(line) = self.line {
            place.push(match self.column {
                Some(col) => format!("riga {line}, colonna {col}"),
                None => format!("riga {line}"),
            });
        }
        if !place.is_empty() {
            write!(f, " ({})", place.join(", "))?;
        }
        f.write_str(".")
    }
}

// ---- the file's shape, version 1 -------------------------------------------

#[derive(Serialize, Deserialize)]
struct FileV1 {
    schema_version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    generator: Option<String>,
    ente: EnteV1,
    grid: GridV1,
    units: Vec<UnitV1>,
    objectives: Vec<ObjectiveV1>,
}

#[derive(Serialize, Deserialize)]
struct EnteV1 {
    name: String,
    year: i32,
    levels: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct GridV1 {
    name: String,
    criteria: Vec<CriterionV1>,
}

#[derive(Serialize, Deserialize)]
struct CriterionV1 {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    short: Option<String>,
    min: f64,
    max: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct UnitV1 {
    id: String,
    name: String,
    level: usize,
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ObjectiveV1 {
    id: String,
    unit: String,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default)]
    scores: BTreeMap<String, Option<f64>>,
}

#[derive(Deserialize)]
struct Probe {
    schema_version: Option<Value>,
}

// ---- reading ----------------------------------------------------------------

/// Reads a plan from the bytes of a file.
pub fn load(bytes: &[u8]) -> Result<Plan, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::plain(format!(
            "il file è di {} MB, oltre il limite di {} MB",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::plain("il file è vuoto"));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(LoadError::plain("il file è in codifica UTF-16; salvarlo in UTF-8"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        LoadError { line: Some(line), ..LoadError::plain("il file non è testo UTF-8 (è forse un file binario?)") }
    })?;
    if text.contains('\0') {
        return Err(LoadError::plain("il file contiene caratteri binari, non è un file JSON"));
    }

    match text.trim_start().as_bytes().first() {
        Some(b'{') => {}
        Some(b'[') => return Err(LoadError::plain("il file contiene un elenco [ … ], mentre un piano è un oggetto { … } con «schema_version», «ente», «grid», «units» e «objectives»")),
        _ => {
            // Not an object: let the parser say where the text stops being JSON.
            let e = serde_json::from_str::<Value>(text).err();
            return Err(match e {
                Some(e) => json_error(&e, None),
                None => LoadError::plain("il file contiene un solo valore, mentre un piano è un oggetto { … }"),
            });
        }
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| json_error(&e, None))?;
    let version = match probe.schema_version {
        None => return Err(LoadError::at_field("schema_version", "manca il campo «schema_version», quindi non è un file di Pesatura")),
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => return Err(LoadError::at_field("schema_version", format!("«schema_version» deve essere un numero intero, non {other}"))),
    };
    let file: FileV1 = if version == SCHEMA_VERSION {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            json_error(e.inner(), Some(path))
        })?
    } else if version > SCHEMA_VERSION {
        return Err(LoadError::at_field("schema_version", format!(
            "è stato scritto con la versione {version} del formato, più recente di quella che questa versione di Pesatura sa leggere ({SCHEMA_VERSION}); aggiornare Pesatura"
        )));
    } else {
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e, None))?;
        let migrated = migrate(value, version)?;
        serde_path_to_error::deserialize(migrated).map_err(|e| {
            let path = e.path().to_string();
            json_error(e.inner(), Some(path))
        })?
    };
    to_plan(file)
}

/// Brings a file of an older schema version up to [`SCHEMA_VERSION`], one
/// version at a time. Version 1 is the first, so only unknown versions fail.
pub fn migrate(value: Value, from: u64) -> Result<Value, LoadError> {
    match from {
        SCHEMA_VERSION => Ok(value),
        other => Err(LoadError::at_field("schema_version", format!("la versione {other} del formato non esiste"))),
    }
}

fn to_plan(file: FileV1) -> Result<Plan, LoadError> {
    if file.ente.levels.is_empty() {
        return Err(LoadError::at_field("ente.levels", "l'ente deve avere almeno un livello organizzativo"));
    }
    if file.grid.criteria.is_empty() {
        return Err(LoadError::at_field("grid.criteria", "la griglia non ha criteri"));
    }
    let mut criteria = Vec::with_capacity(file.grid.criteria.len());
    let mut criterion_ids = HashSet::new();
    for (i, c) in file.grid.criteria.into_iter().enumerate() {
        let at = |f: &str| format!("grid.criteria[{i}].{f}");
        if c.id.trim().is_empty() {
            return Err(LoadError::at_field(at("id"), "il criterio non ha un identificativo"));
        }
        if !criterion_ids.insert(c.id.clone()) {
            return Err(LoadError::at_field(at("id"), format!("il criterio «{}» compare due volte", c.id)));
        }
        let min = number(c.min, &at("min"))?;
        let max = number(c.max, &at("max"))?;
        let step = match c.step {
            Some(s) => number(s, &at("step"))?,
            None => Dec::from_int(1),
        };
        if min > max {
            return Err(LoadError::at_field(at("min"), "il punteggio minimo supera il massimo"));
        }
        if step <= Dec::ZERO {
            return Err(LoadError::at_field(at("step"), "il passo deve essere maggiore di zero"));
        }
        let short = c.short.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| c.name.clone());
        criteria.push(Criterion { id: c.id, name: c.name, short, min, max, step });
    }

    let levels = file.ente.levels.len();
    let mut unit_ids = HashSet::new();
    for (i, u) in file.units.iter().enumerate() {
        if u.id.trim().is_empty() {
            return Err(LoadError::at_field(format!("units[{i}].id"), "l'unità non ha un identificativo"));
        }
        if !unit_ids.insert(u.id.as_str()) {
            return Err(LoadError::at_field(format!("units[{i}].id"), format!("l'identificativo di unità «{}» compare due volte", u.id)));
        }
        if u.level >= levels {
            return Err(LoadError::at_field(format!("units[{i}].level"), format!(
                "il livello {} non esiste: l'ente ne ha {levels} (da 0 a {})", u.level, levels - 1
            )));
        }
    }
    for (i, u) in file.units.iter().enumerate() {
        if let Some(p) = &u.parent {
            if !unit_ids.contains(p.as_str()) {
                return Err(LoadError::at_field(format!("units[{i}].parent"), format!("l'unità superiore «{p}» non esiste nel file")));
            }
        }
    }

    let mut objective_ids = HashSet::new();
    let mut objectives = Vec::with_capacity(file.objectives.len());
    for (i, o) in file.objectives.into_iter().enumerate() {
        if o.id.trim().is_empty() {
            return Err(LoadError::at_field(format!("objectives[{i}].id"), "l'obiettivo non ha un identificativo"));
        }
        if !objective_ids.insert(o.id.clone()) {
            return Err(LoadError::at_field(format!("objectives[{i}].id"), format!("l'identificativo di obiettivo «{}» compare due volte", o.id)));
        }
        if !unit_ids.contains(o.unit.as_str()) {
            return Err(LoadError::at_field(format!("objectives[{i}].unit"), format!("l'unità «{}» non esiste nel file", o.unit)));
        }
        let mut scores = vec![None; criteria.len()];
        for (key, value) in o.scores {
            let Some(c) = criteria.iter().position(|c| c.id == key) else {
                return Err(LoadError::at_field(format!("objectives[{i}].scores.{key}"), format!("il criterio «{key}» non è nella griglia")));
            };
            scores[c] = match value {
                None => None,
                Some(v) => Some(number(v, &format!("objectives[{i}].scores.{key}"))?),
            };
        }
        objectives.push(Objective { id: o.id, unit: o.unit, title: o.title, description: o.description, scores });
    }

    Ok(Plan {
        ente: Ente { name: file.ente.name, year: file.ente.year, levels: file.ente.levels },
        grid: Grid { name: file.grid.name, criteria },
        units: file.units.into_iter().map(|u| Unit { id: u.id, name: u.name, level: u.level, parent: u.parent }).collect(),
        objectives,
    })
}

fn number(value: f64, field: &str) -> Result<Dec, LoadError> {
    Dec::from_f64(value).ok_or_else(|| {
        LoadError::at_field(field, format!("il numero {value} non è ammesso (al massimo un miliardo e quattro decimali)"))
    })
}

/// Turns a serde_json error into an Italian message with its place.
fn json_error(e: &serde_json::Error, field: Option<String>) -> LoadError {
    use serde_json::error::Category;
    let raw = e.to_string();
    let detail = raw.split(" at line ").next().unwrap_or(&raw);
    let message = match e.classify() {
        Category::Eof => "il file finisce prima del previsto (è forse troncato?)".to_string(),
        Category::Syntax => format!("il testo non è JSON valido ({})", translate(detail)),
        Category::Data => translate(detail),
        Category::Io => format!("errore di lettura ({detail})"),
    };
    let (line, column) = if e.line() > 0 { (Some(e.line()), Some(e.column())) } else { (None, None) };
    LoadError { message, line, column, field }
}

/// Italian for serde's usual messages; unknown ones are kept as they are.
fn translate(detail: &str) -> String {
    if let Some(name) = detail.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return format!("manca il campo «{name}»");
    }
    for (prefix, what) in [("invalid type: ", "tipo non valido"), ("invalid value: ", "valore non valido")] {
        if let Some(rest) = detail.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return format!("{what}: c'è {}, ci vuole {}", kind_it(found), kind_it(expected));
            }
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        return format!("lunghezza non valida ({rest})");
    }
    let known = [
        ("expected value", "manca un valore"),
        ("expected `,` or `}`", "manca una virgola o una parentesi graffa di chiusura"),
        ("expected `,` or `]`", "manca una virgola o una parentesi quadra di chiusura"),
        ("expected `:`", "mancano i due punti dopo il nome di un campo"),
        ("key must be a string", "il nome di un campo deve stare tra virgolette"),
        ("trailing characters", "c'è del testo dopo la fine del documento"),
        ("trailing comma", "c'è una virgola di troppo"),
        ("number out of range", "numero fuori dall'intervallo rappresentabile"),
        ("invalid number", "numero scritto male"),
        ("expected ident", "parola non riconosciuta (true, false o null?)"),
        ("EOF while parsing", "il file finisce prima del previsto"),
        ("control character", "carattere di controllo dentro un testo"),
        ("invalid escape", "sequenza di escape non valida in un testo"),
        ("invalid unicode code point", "carattere Unicode non valido"),
        ("lone leading surrogate", "carattere Unicode non valido"),
        ("recursion limit exceeded", "annidamento troppo profondo"),
    ];
    known
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map(|(_, it)| it.to_string())
        .unwrap_or_else(|| detail.to_string())
}

fn kind_it(kind: &str) -> String {
    let kind = kind.trim();
    if let Some(s) = kind.strip_prefix("string ") {
        return format!("il testo {s}");
    }
    if let Some(n) = kind.strip_prefix("integer `").or_else(|| kind.strip_prefix("floating point `")) {
        return format!("il numero {}", n.trim_end_matches('`'));
    }
    if let Some(b) = kind.strip_prefix("boolean `") {
        return format!("il valore {}", b.trim_end_matches('`'));
    }
    match kind {
        "null" | "unit value" => "null".into(),
        "map" | "a map" => "un oggetto { … }".into(),
        "sequence" | "a sequence" => "un elenco [ … ]".into(),
        "f64" | "f32" | "a number" => "un numero".into(),
        "i32" | "i64" | "an integer" => "un numero intero".into(),
        "u64" | "u32" | "usize" => "un numero intero non negativo".into(),
        "a string" => "un testo tra virgolette".into(),
        "a boolean" => "true o false".into(),
        k if k.starts_with("struct ") => "un oggetto { … }".into(),
        k if k.starts_with("a sequence") => "un elenco [ … ]".into(),
        k => k.to_string(),
    }
}

// ---- writing ----------------------------------------------------------------

/// Writes a plan as the JSON of [`SCHEMA_VERSION`], indented for people.
pub fn save(plan: &Plan) -> String {
    let file = FileV1 {
        schema_version: SCHEMA_VERSION,
        generator: Some(format!("Pesatura {}", env!("CARGO_PKG_VERSION"))),
        ente: EnteV1 { name: plan.ente.name.clone(), year: plan.ente.year, levels: plan.ente.levels.clone() },
        grid: GridV1 {
            name: plan.grid.name.clone(),
            criteria: plan
                .grid
                .criteria
                .iter()
                .map(|c| CriterionV1 {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    short: Some(c.short.clone()),
                    min: c.min.to_f64(),
                    max: c.max.to_f64(),
                    step: (c.step != Dec::from_int(1)).then(|| c.step.to_f64()),
                })
                .collect(),
        },
        units: plan
            .units
            .iter()
            .map(|u| UnitV1 { id: u.id.clone(), name: u.name.clone(), level: u.level, parent: u.parent.clone() })
            .collect(),
        objectives: plan
            .objectives
            .iter()
            .map(|o| ObjectiveV1 {
                id: o.id.clone(),
                unit: o.unit.clone(),
                title: o.title.clone(),
                description: o.description.clone(),
                scores: plan
                    .grid
                    .criteria
                    .iter()
                    .zip(o.scores.iter().chain(std::iter::repeat(&None)))
                    .map(|(c, s)| (c.id.clone(), s.map(Dec::to_f64)))
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text = integers_without_point(&text);
    text.push('\n');
    text
}

/// serde_json writes whole floats as `4.0`; people and other tools expect `4`.
fn integers_without_point(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_end_matches(',');
        let comma = &line[trimmed.len()..];
        match trimmed.rsplit_once(": ") {
            Some((key, value)) if value.ends_with(".0") && value[..value.len() - 2].bytes().all(|b| b.is_ascii_digit() || b == b'-') && !value.starts_with('"') => {
                out.push_str(key);
                out.push_str(": ");
                out.push_str(&value[..value.len() - 2]);
                out.push_str(comma);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out.pop();
    out
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
