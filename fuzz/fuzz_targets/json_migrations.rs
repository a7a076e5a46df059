//! Files of schema versions 1, 2 and 3, built from arbitrary data by each
//! version's rules, through the migrations: each must open, and mean the same
//! as the same content written as the current version. Some are then mutated
//! (a field removed, a value of the wrong type, another version number, not
//! an object at all): those must only be refused or opened without a panic.
//!
//! `PESATURA_FUZZ_DUMP=file.json cargo +nightly fuzz run json_migrations
//! <input>` writes the file an input builds, for a regression test.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

#[derive(Arbitrary, Debug)]
struct Input {
    version: u8,
    ente: String,
    year: i32,
    levels: Vec<String>,
    grid: String,
    criteria: Vec<CriterionIn>,
    types: Vec<(String, u16)>,
    direct: bool,
    points_weighted: bool,
    each_unit: bool,
    expected: Option<u8>,
    units: Vec<UnitIn>,
    objectives: Vec<ObjectiveIn>,
    organisational: Vec<(String, Vec<(String, String)>)>,
    secretary: Vec<String>,
    log: Vec<(String, String, u8, Option<u8>, String)>,
    mutations: Vec<Mutation>,
}

#[derive(Arbitrary, Debug)]
struct CriterionIn {
    name: String,
    short: Option<String>,
    /// Levels (versions 2 and later): their names and increments of points.
    levels: Option<Vec<(String, u16)>>,
    min: i16,
    span: u16,
    /// A step in hundredths (versions 2 and later); 0: none.
    step: u8,
}

#[derive(Arbitrary, Debug)]
struct UnitIn {
    name: String,
    level: u8,
    /// Index of the parent among the units before it.
    parent: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct ObjectiveIn {
    unit: u8,
    also: Vec<u8>,
    title: String,
    description: Option<String>,
    kind: Option<u8>,
    weight: Option<Weight>,
    /// Per criterion: not there, null, a number (in ten-thousandths, any
    /// sign, within a billion), or a level by name.
    scores: Vec<Score>,
    review: Option<ReviewIn>,
}

#[derive(Arbitrary, Debug)]
enum Weight {
    Percent(u32),
    Prerequisite,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Score {
    Absent,
    Null,
    Number(i64),
    Level(u8),
}

#[derive(Arbitrary, Debug)]
struct ReviewIn {
    status: u8,
    comment: String,
    scores: Vec<(u8, u8, String, Option<i32>)>,
}

#[derive(Arbitrary, Debug)]
enum Mutation {
    Remove(Vec<u8>),
    Replace(Vec<u8>, Scalar),
    Version(Scalar),
    Root(Scalar),
}

#[derive(Arbitrary, Debug)]
enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    EmptyList,
    EmptyObject,
}

impl Scalar {
    fn value(&self) -> Value {
        match self {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::from(*b),
            Scalar::Int(n) => Value::from(*n),
            Scalar::Float(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
            Scalar::Text(s) => Value::from(s.as_str()),
            Scalar::EmptyList => json!([]),
            Scalar::EmptyObject => json!({}),
        }
    }
}

const LIMIT_RAW: i64 = 1_000_000_000 * 10_000;

/// Ten-thousandths as the JSON number a file would hold.
fn number(raw: i64) -> Value {
    let raw = raw % (LIMIT_RAW + 1);
    if raw % 10_000 == 0 {
        Value::from(raw / 10_000)
    } else {
        Value::from(raw as f64 / 10_000.0)
    }
}

/// The file as version `version` writes it, and the same as the current version.
fn build(input: &Input, version: u64) -> (Value, Value) {
    let v1 = version == 1;
    let v3 = version >= 3;
    let levels: Vec<String> = match input.levels.len() {
        0 => vec!["Settore".into()],
        _ => input.levels.iter().take(4).cloned().collect(),
    };
    let direct = input.direct && !v1;
    let mut criteria = Vec::new();
    let mut current_criteria = Vec::new();
    // Level names per criterion, for scores given by name.
    let mut level_names: Vec<Vec<String>> = Vec::new();
    for (i, c) in input.criteria.iter().take(6).enumerate() {
        let mut o = Map::new();
        o.insert("id".into(), Value::from(format!("c{i}")));
        o.insert("name".into(), Value::from(c.name.as_str()));
        if let Some(short) = &c.short {
            o.insert("short".into(), Value::from(short.as_str()));
        }
        let mut names = Vec::new();
        match c.levels.as_ref().filter(|l| !v1 && !l.is_empty()) {
            Some(list) => {
                o.insert("kind".into(), Value::from("levels"));
                let mut points: i64 = 0;
                let levels: Vec<Value> = list
                    .iter()
                    .take(6)
                    .enumerate()
                    .map(|(j, (name, step))| {
                        points += i64::from(*step) + 1;
                        // A distinct prefix keeps the names distinct.
                        let name = format!("{j}:{name}");
                        names.push(name.clone());
                        json!({ "name": name, "points": number(points * 2_500) })
                    })
                    .collect();
                o.insert("levels".into(), Value::Array(levels));
            }
            None => {
                let min = i64::from(c.min);
                o.insert("min".into(), Value::from(min));
                o.insert("max".into(), Value::from(min + i64::from(c.span)));
                if !v1 && c.step > 0 {
                    o.insert("step".into(), number(i64::from(c.step) * 100));
                }
            }
        }
        level_names.push(names);
        let mut current = o.clone();
        if v1 {
            current.insert("kind".into(), Value::from("range"));
        }
        criteria.push(Value::Object(o));
        current_criteria.push(Value::Object(current));
    }
    if criteria.is_empty() && !direct {
        let c = json!({ "id": "c0", "name": "Criterio", "min": 0, "max": 10 });
        let mut current = c.clone();
        if v1 {
            current["kind"] = Value::from("range");
        }
        criteria.push(c);
        current_criteria.push(current);
        level_names.push(Vec::new());
    }

    let mut grid = Map::new();
    grid.insert("name".into(), Value::from(input.grid.as_str()));
    grid.insert("criteria".into(), Value::Array(criteria));
    let types: Vec<String> = if v1 {
        Vec::new()
    } else {
        (0..input.types.len().min(4))
            .map(|t| format!("t{t}"))
            .collect()
    };
    if !v1 {
        grid.insert(
            "method".into(),
            Value::from(if direct { "direct" } else { "criteria" }),
        );
        grid.insert(
            "average".into(),
            Value::from(if input.points_weighted {
                "points_weighted"
            } else {
                "simple"
            }),
        );
        grid.insert(
            "shared".into(),
            Value::from(if input.each_unit {
                "each_unit"
            } else {
                "separate"
            }),
        );
        if !types.is_empty() {
            let list: Vec<Value> = input
                .types
                .iter()
                .zip(&types)
                .map(|((name, factor), id)| json!({ "id": id, "name": name, "factor": number((i64::from(*factor) + 1) * 100) }))
                .collect();
            grid.insert("types".into(), Value::Array(list));
        }
        if let Some(n) = input.expected {
            grid.insert("expected_objectives".into(), Value::from(n));
        }
    }
    let mut current_grid = grid.clone();
    current_grid.insert("criteria".into(), Value::Array(current_criteria));
    if v1 {
        current_grid.insert("method".into(), Value::from("criteria"));
        current_grid.insert("average".into(), Value::from("simple"));
        current_grid.insert("shared".into(), Value::from("separate"));
    }

    // Units: a parent is an earlier unit, one level up.
    let mut units = Vec::new();
    let mut unit_levels: Vec<usize> = Vec::new();
    for (i, u) in input.units.iter().take(12).enumerate() {
        let level = usize::from(u.level) % levels.len();
        let parent = u
            .parent
            .map(|p| usize::from(p) % (i + 1))
            .filter(|&p| p < i && level > 0 && unit_levels[p] == level - 1)
            .map(|p| format!("u{p}"));
        unit_levels.push(level);
        units.push(
            json!({ "id": format!("u{i}"), "name": u.name, "level": level, "parent": parent }),
        );
    }
    if units.is_empty() {
        units.push(
            json!({ "id": "u0", "name": "Unità", "level": levels.len() - 1, "parent": null }),
        );
    }
    let unit_count = units.len();

    let mut objectives = Vec::new();
    for (i, o) in input.objectives.iter().take(24).enumerate() {
        let mut obj = Map::new();
        obj.insert("id".into(), Value::from(format!("o{i}")));
        obj.insert(
            "unit".into(),
            Value::from(format!("u{}", usize::from(o.unit) % unit_count)),
        );
        obj.insert("title".into(), Value::from(o.title.as_str()));
        if let Some(d) = &o.description {
            obj.insert("description".into(), Value::from(d.as_str()));
        }
        if !v1 {
            let also: Vec<Value> = o
                .also
                .iter()
                .take(4)
                .map(|u| Value::from(format!("u{}", usize::from(*u) % unit_count)))
                .collect();
            if !also.is_empty() {
                obj.insert("also".into(), Value::Array(also));
            }
            if let Some(k) = o.kind.filter(|_| !types.is_empty()) {
                obj.insert(
                    "type".into(),
                    Value::from(types[usize::from(k) % types.len()].as_str()),
                );
            }
            match &o.weight {
                Some(Weight::Percent(p)) => {
                    obj.insert("weight".into(), number(i64::from(*p)));
                }
                Some(Weight::Prerequisite) => {
                    obj.insert("weight".into(), Value::from("X"));
                }
                None => {}
            }
        }
        let mut scores = Map::new();
        for (c, score) in o.scores.iter().take(level_names.len()).enumerate() {
            let value = match score {
                Score::Absent => continue,
                Score::Null => Value::Null,
                Score::Number(raw) => number(*raw),
                Score::Level(l) if !level_names[c].is_empty() => {
                    Value::from(level_names[c][usize::from(*l) % level_names[c].len()].as_str())
                }
                Score::Level(l) => Value::from(*l),
            };
            scores.insert(format!("c{c}"), value);
        }
        obj.insert("scores".into(), Value::Object(scores));
        if let Some(r) = o.review.as_ref().filter(|_| v3) {
            let status = ["pending", "confirmed", "contested"][usize::from(r.status) % 3];
            let mut scores = Map::new();
            for (c, s, comment, revised) in
                r.scores
                    .iter()
                    .take(if level_names.is_empty() { 0 } else { 4 })
            {
                let c = usize::from(*c) % level_names.len();
                let mut sr = Map::new();
                sr.insert(
                    "status".into(),
                    Value::from(["pending", "confirmed", "contested"][usize::from(*s) % 3]),
                );
                sr.insert("comment".into(), Value::from(comment.as_str()));
                if let Some(v) = revised {
                    sr.insert("revised".into(), number(i64::from(*v)));
                }
                scores.insert(format!("c{c}"), Value::Object(sr));
            }
            obj.insert(
                "review".into(),
                json!({ "status": status, "comment": r.comment, "scores": scores }),
            );
        }
        objectives.push(Value::Object(obj));
    }
    if level_names.is_empty() {
        // The direct method without criteria: no scores at all.
        for o in &mut objectives {
            o.as_object_mut().map(|o| o.remove("scores"));
        }
    }

    let mut file = Map::new();
    file.insert("schema_version".into(), Value::from(version));
    file.insert("generator".into(), Value::from("Pesatura (fuzz)"));
    file.insert(
        "ente".into(),
        json!({ "name": input.ente, "year": input.year, "levels": levels }),
    );
    file.insert("grid".into(), Value::Object(grid));
    file.insert("units".into(), Value::Array(units));
    file.insert("objectives".into(), Value::Array(objectives.clone()));
    if !v1 {
        let org: Vec<Value> = input
            .organisational
            .iter()
            .take(4)
            .enumerate()
            .map(|(i, (title, indicators))| {
                let list: Vec<Value> = indicators
                    .iter()
                    .take(3)
                    .map(|(n, t)| json!({ "indicator": n, "target": t }))
                    .collect();
                json!({ "id": format!("po{i}"), "title": title, "indicators": list })
            })
            .collect();
        file.insert("organisational".into(), Value::Array(org));
        let sec: Vec<Value> = input
            .secretary
            .iter()
            .take(4)
            .enumerate()
            .map(|(i, t)| json!({ "id": format!("sg{i}"), "title": t }))
            .collect();
        file.insert("secretary".into(), Value::Array(sec));
    }
    if v3 && !objectives.is_empty() {
        let log: Vec<Value> = input
            .log
            .iter()
            .take(4)
            .map(|(at, by, o, c, change)| {
                let mut e = json!({ "at": at, "by": by, "objective": format!("o{}", usize::from(*o) % objectives.len()), "change": change });
                if let Some(c) = c {
                    e["criterion"] = Value::from(format!("c{c}"));
                }
                e
            })
            .collect();
        file.insert("review_log".into(), Value::Array(log));
    }
    let mut current = file.clone();
    current.insert(
        "schema_version".into(),
        Value::from(pesatura::io::json::SCHEMA_VERSION),
    );
    current.insert("grid".into(), Value::Object(current_grid));
    (Value::Object(file), Value::Object(current))
}

/// The value at a path of child choices (each taken modulo the number of
/// children), stopping at a leaf.
fn at_path<'a>(mut value: &'a mut Value, path: &[u8]) -> &'a mut Value {
    for &step in path.iter().take(6) {
        let len = match value {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        if len == 0 {
            break;
        }
        let i = usize::from(step) % len;
        value = match value {
            Value::Object(m) => m.values_mut().nth(i).expect("in range"),
            Value::Array(a) => &mut a[i],
            _ => unreachable!(),
        };
    }
    value
}

fn remove_at(value: &mut Value, path: &[u8]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    match at_path(value, parent) {
        Value::Object(m) if !m.is_empty() => {
            let key = m
                .keys()
                .nth(usize::from(*last) % m.len())
                .cloned()
                .expect("in range");
            m.remove(&key);
        }
        Value::Array(a) if !a.is_empty() => {
            let at = usize::from(*last) % a.len();
            a.remove(at);
        }
        _ => {}
    }
}

fuzz_target!(|input: Input| {
    let version = u64::from(input.version % 3) + 1;
    let (mut old, current) = build(&input, version);
    let mut well_formed = true;
    for m in input.mutations.iter().take(4) {
        well_formed = false;
        match m {
            Mutation::Remove(path) => remove_at(&mut old, path),
            Mutation::Replace(path, scalar) => *at_path(&mut old, path) = scalar.value(),
            Mutation::Version(scalar) => {
                if let Some(o) = old.as_object_mut() {
                    o.insert("schema_version".into(), scalar.value());
                }
            }
            Mutation::Root(scalar) => old = scalar.value(),
        }
    }
    if let Some(path) = std::env::var_os("PESATURA_FUZZ_DUMP") {
        eprintln!("version {version}, well formed: {well_formed}: file written to {path:?}");
        let _ = std::fs::write(
            path,
            serde_json::to_string_pretty(&old).unwrap_or_default() + "\n",
        );
    }
    pesatura_fuzz::json_migration(&old, version, &current, well_formed);
});
