//! One edit at 100,000 objectives, natively: what the model does each time a
//! dirigente changes a score (issue 8's micro-benchmark; target < 5 ms).
//!
//!     cargo bench --bench recompute
//!
//! Builds a Como-like plan (the Comune di Como's 2024 grid, areas of five
//! settori, two to four objectives per settore) in the project's file format
//! and loads it with `io::json::load`; then, for each iteration, changes one
//! score as the app's reducer does: finds the objective by its id
//! (`Results::objective_index`), sets the score (`Plan::set_score_at`), and
//! brings the numbers and the findings up to date for that objective alone
//! (`compute::refresh_objective`, `validate::refresh_findings`). The full
//! recomputation (`compute` and `validate_with`), the plan's copy and the
//! copies of numbers and findings the app takes out of their `Rc` are timed
//! apart, and each edit's refreshed numbers and findings are checked against
//! the full ones. Prints the median, minimum and maximum of each step and
//! writes them to `bench/out/recompute.json`, which `bench/run.mjs` puts in
//! its table.
//!
//! Environment: `BENCH_OBJECTIVES` (default 100000), `BENCH_ITERATIONS`
//! (default 30, after 3 warm-up edits).
//!
//! No benchmark framework: `std::time::Instant` and `std::hint::black_box`,
//! so that the project's test builds get no new dependency. The bench profile
//! inherits `[profile.release]` (opt-level "z", LTO), the optimisation the
//! shipped wasm has. Cargo.toml declares it with `harness = false`.

// Built as a libtest harness (without `harness = false`) `main` is not the
// entry point; keep that build quiet rather than warn about everything below it.
#![cfg_attr(test, allow(dead_code))]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use pesatura::io::json;
use pesatura::model::compute::refresh_objective;
use pesatura::model::validate::{refresh_findings, validate_with};
use pesatura::model::{compute, Dec, Plan};
use serde_json::{json, Value};

/// A small seeded generator (SplitMix64), so the plan is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const CRITERIA: [(&str, &str, i64); 4] = [
    (
        "complessita",
        "Complessità amministrativa tecnica gestionale",
        10,
    ),
    (
        "rilevanza",
        "Rilevanza strategica rispetto al programma di mandato",
        15,
    ),
    ("finanziaria", "Significatività finanziaria", 5),
    ("utenza", "Impatto sulla utenza esterna", 10),
];
const SETTORI_PER_AREA: usize = 5;

/// The plan with `n` objectives, as the JSON file Pesatura reads.
fn plan_file(n: usize) -> Vec<u8> {
    let mut rng = Rng(n as u64);
    let mut units = Vec::new();
    let mut objectives = Vec::new();
    let mut settore = 0;
    while objectives.len() < n {
        if settore % SETTORI_PER_AREA == 0 {
            let a = settore / SETTORI_PER_AREA + 1;
            units.push(json!({ "id": format!("a{a}"), "name": format!("Area {a}"), "level": 0, "parent": null }));
        }
        settore += 1;
        let area = format!("a{}", settore.div_ceil(SETTORI_PER_AREA));
        let unit = format!("s{settore}");
        units.push(
            json!({ "id": unit, "name": format!("SETTORE {settore}"), "level": 1, "parent": area }),
        );
        let count = (2 + rng.below(3) as usize).min(n - objectives.len());
        for _ in 0..count {
            let id = format!("o{}", objectives.len() + 1);
            let mut scores = serde_json::Map::new();
            for (key, _, max) in CRITERIA {
                let low = (max * 3 + 9) / 10;
                scores.insert(
                    key.into(),
                    json!(low + rng.below((max - low + 1) as u64) as i64),
                );
            }
            objectives.push(json!({ "id": id, "unit": unit, "title": format!("Obiettivo {id}"), "scores": scores }));
        }
    }
    let criteria: Vec<Value> = CRITERIA
        .iter()
        .map(|(id, name, max)| json!({ "id": id, "name": name, "kind": "range", "min": 0, "max": max }))
        .collect();
    let file = json!({
        // The current version, as Pesatura saves a file today (no migration on opening).
        "schema_version": json::SCHEMA_VERSION,
        "ente": { "name": format!("Ente di prova con {n} obiettivi"), "year": 2024, "levels": ["Area", "Settore"] },
        "grid": { "name": "Comune di Como, PEG 2024", "method": "criteria", "criteria": criteria, "average": "simple", "shared": "separate" },
        "units": units,
        "objectives": objectives,
    });
    serde_json::to_vec(&file).expect("a JSON value serialises")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median, minimum and maximum, in milliseconds.
fn spread(samples: &[Duration]) -> (f64, f64, f64) {
    let mut v: Vec<f64> = samples.iter().copied().map(ms).collect();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    let median = if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    };
    (median, v[0], v[v.len() - 1])
}

/// Loads of each file timed for the 10,000-objective plan.
const LOADS: usize = 5;

/// Opens `bytes` [`LOADS`] times: the plan, its integrity, the first load
/// and the median one, in milliseconds (one load alone varies too much on a
/// busy machine to compare two builds).
fn load_times(bytes: &[u8]) -> (Plan, json::Integrity, f64, f64) {
    let mut times = Vec::new();
    let mut loaded = None;
    for _ in 0..LOADS {
        let t = Instant::now();
        let plan = json::load_checked(bytes).expect("the file is a valid Pesatura file");
        times.push(t.elapsed());
        loaded = Some(plan);
    }
    let (plan, integrity) = loaded.expect("at least one load");
    (plan, integrity, ms(times[0]), spread(&times).0)
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter other than ours means another target was asked for.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"recompute".contains(a.as_str()))
    {
        return;
    }
    let n = env_number("BENCH_OBJECTIVES", 100_000);
    let iterations = env_number("BENCH_ITERATIONS", 30).max(1);
    const WARMUP: usize = 3;

    let bytes = plan_file(n);
    let started = Instant::now();
    let mut plan: Plan = json::load(&bytes).expect("the generated plan is a valid Pesatura file");
    let load = started.elapsed();
    assert_eq!(plan.objectives.len(), n);
    println!(
        "plan: {n} objectives, {} units, {:.1} MB of JSON, loaded in {:.1} ms",
        plan.units.len(),
        bytes.len() as f64 / 1e6,
        ms(load)
    );

    // The numbers and findings on screen before the first edit.
    let mut results = compute(&plan);
    let mut findings = validate_with(&plan, &results);

    let (mut set, mut comp, mut val, mut total) = (vec![], vec![], vec![], vec![]);
    let (mut full, mut full_compute, mut full_validate, mut clone, mut copies) =
        (vec![], vec![], vec![], vec![], vec![]);
    let criteria = plan.grid.criteria.len();
    for k in 0..WARMUP + iterations {
        // Edits spread over the whole plan, one point up (down at the top of the range).
        let i = ((k as f64 + 0.5) / (WARMUP + iterations) as f64 * n as f64) as usize;
        let c = k % criteria;
        let id = plan.objectives[i].id.clone();
        let max = plan.grid.criteria[c].max();
        let current = plan.objectives[i].scores[c].unwrap_or(Dec::ZERO);
        let one = Dec::from_int(1);
        let value = if current < max {
            current + one
        } else {
            current.checked_sub(one).expect("a score above zero")
        };

        // The edit as the app makes it: the objective found by its id, its
        // score set, its numbers and findings brought up to date.
        let t0 = Instant::now();
        let at = results
            .objective_index(&plan, black_box(&id))
            .expect("the objective exists");
        plan.set_score_at(at, c, Some(value));
        let t1 = Instant::now();
        refresh_objective(black_box(&plan), &mut results, at);
        let t2 = Instant::now();
        refresh_findings(black_box(&plan), &results, &mut findings, at);
        let t3 = Instant::now();
        // Apart, not in the total: the full recomputation the refresh
        // replaces; the copy of the plan the app's reducer makes before each
        // edit; the copies of the numbers and findings it takes out of their `Rc`.
        let recomputed = black_box(compute(black_box(&plan)));
        let t35 = Instant::now();
        let revalidated = black_box(validate_with(black_box(&plan), &recomputed));
        let t4 = Instant::now();
        let copy = black_box(plan.clone());
        let t5 = Instant::now();
        let taken = black_box((results.clone(), findings.clone()));
        let t6 = Instant::now();

        assert_eq!(plan.objectives[i].scores[c], Some(value));
        assert_eq!(at, i);
        assert!(
            results == recomputed && findings == revalidated,
            "the refreshed numbers and findings are the full ones"
        );
        drop((recomputed, revalidated, copy, taken));
        if k >= WARMUP {
            set.push(t1 - t0);
            comp.push(t2 - t1);
            val.push(t3 - t2);
            total.push(t3 - t0);
            full.push(t4 - t3);
            full_compute.push(t35 - t3);
            full_validate.push(t4 - t35);
            clone.push(t5 - t4);
            copies.push(t6 - t5);
        }
    }

    let rows = [
        ("set_score", "set_score_ms", &set),
        ("refresh_objective", "compute_ms", &comp),
        ("refresh_findings", "validate_ms", &val),
        ("total (one edit)", "total_ms", &total),
        ("full recompute (apart)", "full_recompute_ms", &full),
        ("  compute", "full_compute_ms", &full_compute),
        ("  validate_with", "full_validate_ms", &full_validate),
        ("plan.clone (apart)", "clone_ms", &clone),
        (
            "results+findings clone (apart)",
            "results_clone_ms",
            &copies,
        ),
    ];
    println!(
        "one edit at {n} objectives ({} findings), {iterations} iterations after {WARMUP} warm-up:",
        findings.len()
    );
    println!(
        "  {:<30} {:>10} {:>10} {:>10}",
        "step", "median", "min", "max"
    );
    let mut fields = Vec::new();
    for (name, key, samples) in rows {
        let (median, min, max) = spread(samples);
        println!("  {name:<30} {median:>7.3} ms {min:>7.3} ms {max:>7.3} ms");
        fields.push((key, json!({ "median": median, "min": min, "max": max })));
    }
    if n == 100_000 {
        let verdict = if spread(&total).0 < 5.0 {
            "met"
        } else {
            "NOT met"
        };
        println!("target: one edit < 5 ms at 100,000 objectives: {verdict}");
    }

    let mut report = serde_json::Map::new();
    report.insert("objectives".into(), json!(n));
    report.insert("units".into(), json!(plan.units.len()));
    report.insert("iterations".into(), json!(iterations));
    report.insert("load_ms".into(), json!(ms(load)));
    for (key, value) in fields {
        report.insert(key.into(), value);
    }

    // The browser benchmark's 10,000-objective file, when generated: it must
    // load natively too, and its load time says how much of opening it is
    // parsing. Also timed: the same plan as Pesatura saves it (with its
    // checksum, which opening checks) and as a file of schema version 2.
    let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/out/plan-10000.json");
    if let Ok(bytes) = std::fs::read(&generated) {
        let (plan, integrity, first, load) = load_times(&bytes);
        assert_eq!(
            integrity,
            json::Integrity::Unchecked,
            "the generator writes no checksum"
        );
        let saved = json::save(&plan);
        let (again, integrity, _, saved_load) = load_times(saved.as_bytes());
        assert!(
            again == plan && integrity == json::Integrity::Intact,
            "as saved, the plan opens the same and intact"
        );
        let mut older: Value = serde_json::from_slice(&bytes).expect("the file is JSON");
        older["schema_version"] = json!(2);
        let older = serde_json::to_vec_pretty(&older).expect("a JSON value serialises");
        let (again, _, _, older_load) = load_times(&older);
        assert!(again == plan, "the version 2 file is the same plan");
        let t = Instant::now();
        let results = black_box(compute(&plan));
        let computed = t.elapsed();
        let t = Instant::now();
        black_box(validate_with(&plan, &results));
        let validated = t.elapsed();
        println!(
            "bench/out/plan-10000.json: {} objectives, load {load:.1} ms (median of {LOADS}; first {first:.1} ms; \
             as Pesatura saves it {saved_load:.1} ms; as schema version 2 {older_load:.1} ms), \
             compute {:.2} ms, validate {:.2} ms",
            plan.objectives.len(),
            ms(computed),
            ms(validated)
        );
        report.insert(
            "plan_10000_file".into(),
            json!({
                "objectives": plan.objectives.len(),
                "load_ms": load,
                "first_load_ms": first,
                "saved_load_ms": saved_load,
                "schema_v2_load_ms": older_load,
                "compute_ms": ms(computed),
                "validate_ms": ms(validated),
            }),
        );
    }

    if n == 100_000 {
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/out");
        if std::fs::create_dir_all(&out).is_ok() {
            let text = serde_json::to_string_pretty(&Value::Object(report)).unwrap_or_default();
            if std::fs::write(out.join("recompute.json"), text + "\n").is_ok() {
                println!("written to {}", out.join("recompute.json").display());
            }
        }
    }
}
