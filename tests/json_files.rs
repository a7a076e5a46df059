//! The file format: save → open gives back the same plan, and every file that
//! cannot be a plan is refused with a message that names what and where.

use pesatura::io::json::{self, LoadError, SCHEMA_VERSION};
use pesatura::model::decimal::parse_number;
use pesatura::model::plan::{AverageRule, DirectWeight, Indicator, Method, Scale};
use pesatura::model::presets::{new_plan, new_plan_with, Preset};
use pesatura::model::{compute, validate, Criterion, Dec, Plan, Severity};

fn como_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/como-peg-2024.json"
    ))
    .unwrap()
}

/// A small valid file with `patch` applied to its JSON value.
fn small_file(patch: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut plan = new_plan(2025);
    let id = plan.add_objective("u1");
    plan.set_title(&id, "Digitalizzare l'archivio");
    plan.set_score(&id, 0, Some(parse_number("4").unwrap()));
    let mut value: serde_json::Value = serde_json::from_str(&json::save(&plan)).unwrap();
    patch(&mut value);
    serde_json::to_vec_pretty(&value).unwrap()
}

fn refused(bytes: &[u8]) -> LoadError {
    json::load(bytes).expect_err("the file must be refused")
}

#[test]
fn como_round_trips_exactly() {
    let plan = json::load(como_text().as_bytes()).unwrap();
    let saved = json::save(&plan);
    let again = json::load(saved.as_bytes()).unwrap();
    assert_eq!(plan, again);
    assert_eq!(json::save(&again), saved, "saving is deterministic");
    assert!(
        saved.contains("\"complessita\": 4,"),
        "whole numbers are written without .0"
    );
}

#[test]
fn awkward_plans_round_trip_exactly() {
    let mut plan = new_plan(2026);
    plan.ente.name = "Città di Livorno — Direzione «Strategie» 😀 \u{200b}".into();
    plan.ente.levels = vec!["Dipartimento".into(), "Settore".into(), "Ufficio".into()];
    plan.grid.criteria.push(Criterion {
        id: "qualita".into(),
        name: "Qualità".into(),
        short: "Q".into(),
        scale: Scale::Range {
            min: parse_number("0").unwrap(),
            max: parse_number("2,5").unwrap(),
            step: parse_number("0,5").unwrap(),
        },
    });
    let dip = plan.add_unit("Dipartimento 1", 0, None);
    let set = plan.add_unit("Settore A", 1, Some(&dip));
    let a = plan.add_objective(&set);
    plan.set_title(&a, "<script>alert(1)</script> & \"virgolette\"");
    plan.set_description(&a, "riga uno\nriga due");
    plan.set_score(&a, 0, Some(parse_number("7").unwrap()));
    plan.set_score(&a, 4, Some(parse_number("1,5").unwrap()));
    let b = plan.add_objective(&set);
    plan.set_score(&b, 2, Some(parse_number("99").unwrap())); // out of range: kept, flagged
    plan.add_org_objective();
    plan.organisational[0].title = "Tempi di pagamento".into();
    plan.organisational[0].indicators[0] = Indicator {
        name: "giorni di ritardo".into(),
        target: "0".into(),
    };
    plan.add_secretary_objective();
    plan.secretary[0].title = "Regolamento incarichi".into();
    let again = json::load(json::save(&plan).as_bytes()).unwrap();
    assert_eq!(plan, again);
}

#[test]
fn every_method_round_trips_exactly() {
    for preset in Preset::ALL {
        let mut plan = new_plan_with(2026, preset);
        let other = plan.add_unit("Settore 2", 1, None);
        let a = plan.add_objective("u1");
        let b = plan.add_objective("u1");
        let shared = plan
            .add_shared_objective(&["u1".to_string(), other.clone()])
            .unwrap();
        match preset {
            Preset::DirectPercent => {
                plan.set_direct(
                    &a,
                    Some(DirectWeight::Percent(parse_number("62,5").unwrap())),
                );
                plan.set_direct(&b, Some(DirectWeight::Prerequisite));
                plan.set_direct(
                    &shared,
                    Some(DirectWeight::Percent(parse_number("37,5").unwrap())),
                );
            }
            _ => {
                let top = plan.grid.criteria[0].max();
                plan.set_score(&a, 0, Some(top));
                plan.set_score(&shared, 1, Some(plan.grid.criteria[1].min()));
                if let Some(t) = plan.grid.types.get(1).map(|t| t.id.clone()) {
                    plan.set_kind(&a, Some(&t));
                }
            }
        }
        let text = json::save(&plan);
        let again = json::load(text.as_bytes()).unwrap();
        assert_eq!(plan, again, "{preset:?}");
        if preset == Preset::LevelsAndTypes {
            assert!(
                text.contains("\"complessita\": \"Alta\""),
                "levels are written by name"
            );
            assert!(text.contains("\"type\": \"miglioramento\""));
        }
        if preset == Preset::DirectPercent {
            assert!(text.contains("\"weight\": \"X\""));
            assert!(text.contains("\"weight\": 62.5"));
        }
    }
}

#[test]
fn a_file_of_schema_version_1_opens_unchanged_in_meaning() {
    let v1 = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/como-2024-schema-v1.json"
    ))
    .unwrap();
    assert!(String::from_utf8_lossy(&v1).contains("\"schema_version\": 1"));
    let old = json::load(&v1).expect("version 1 files still open");
    assert_eq!(old.grid.method, Method::Criteria);
    assert_eq!(old.grid.average, AverageRule::Simple);
    assert_eq!(
        old.grid.criteria[1].scale,
        Scale::Range {
            min: Dec::ZERO,
            max: Dec::from_int(15),
            step: Dec::from_int(1)
        }
    );
    // Same numbers as the current example, whose settore objectives are the same.
    let current = json::load(como_text().as_bytes()).unwrap();
    let (r_old, r_new) = (compute(&old), compute(&current));
    for (u, unit) in old.units.iter().enumerate() {
        let v = current.unit_index(&unit.id).unwrap();
        assert_eq!(
            r_old.units[u].own.stats, r_new.units[v].own.stats,
            "{}",
            unit.name
        );
    }
    // Saved again, it is a version 2 file.
    assert!(json::save(&old).contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
    // A migrated file with a broken field names the field, without lines of a text the user never saw.
    let broken =
        String::from_utf8(v1)
            .unwrap()
            .replacen("\"complessita\": 4,", "\"complessita\": [4],", 1);
    let e = refused(broken.as_bytes());
    assert_eq!(e.field.as_deref(), Some("objectives[0].scores.complessita"));
}

#[test]
fn file_name_comes_from_ente_and_year() {
    let plan = json::load(como_text().as_bytes()).unwrap();
    assert_eq!(json::file_name(&plan), "pesatura-comune-di-como-2024.json");
    let mut other = new_plan(2025);
    other.ente.name = "Città di Forlì".into();
    assert_eq!(json::file_name(&other), "pesatura-citta-di-forli-2025.json");
    other.ente.name = "Marktgemeinde Völs am Schlern / Comune di Fiè allo Sciliar".into();
    assert_eq!(
        json::file_name(&other),
        "pesatura-marktgemeinde-vols-am-schlern-comune-di-fie-allo-sciliar-2025.json"
    );
}

#[test]
fn a_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(como_text().as_bytes());
    assert!(json::load(&bytes).is_ok());
}

#[test]
fn scores_out_of_range_load_and_are_reported() {
    let bytes = small_file(|v| v["objectives"][0]["scores"]["complessita"] = serde_json::json!(11));
    let plan: Plan = json::load(&bytes).unwrap();
    let findings = validate(&plan);
    assert!(findings
        .iter()
        .any(|f| f.severity == Severity::Error && f.message.contains("fuori dall'intervallo")));
    let bytes =
        small_file(|v| v["objectives"][0]["scores"]["complessita"] = serde_json::json!(4.5));
    let findings = validate(&json::load(&bytes).unwrap());
    assert!(findings.iter().any(|f| f.message.contains("numero intero")));
}

// ---- refused files -----------------------------------------------------------

#[test]
fn empty_file() {
    assert!(refused(b"").to_string().contains("il file è vuoto"));
    assert!(refused(b"  \n ").to_string().contains("il file è vuoto"));
}

#[test]
fn not_json() {
    let e = refused(b"Piano degli obiettivi\nUno 4\n");
    assert!(
        e.to_string()
            .starts_with("Il file non è un piano di Pesatura valido: il testo non è JSON valido"),
        "{e}"
    );
    assert_eq!(e.line, Some(1));
}

#[test]
fn truncated_json_names_the_line() {
    let text = como_text();
    let cut = &text[..text.len() / 2];
    let e = refused(cut.as_bytes());
    assert!(e.message.contains("finisce prima del previsto"), "{e}");
    assert_eq!(e.line, Some(cut.lines().count()));
}

#[test]
fn json_of_another_shape() {
    let e = refused(b"[1, 2, 3]");
    assert!(e.message.contains("un elenco"), "{e}");
    let e = refused(br#"{"name": "not a plan"}"#);
    assert!(e.message.contains("schema_version"), "{e}");
    let e = refused(
        br#"{"schema_version": 1, "ente": {"name": "X", "year": 2024, "levels": ["Settore"]}}"#,
    );
    assert!(e.message.contains("manca il campo «grid»"), "{e}");
}

#[test]
fn newer_schema_version() {
    let bytes = small_file(|v| v["schema_version"] = serde_json::json!(SCHEMA_VERSION + 1));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("schema_version"));
    assert!(e.message.contains("più recente"), "{e}");
    let bytes = small_file(|v| v["schema_version"] = serde_json::json!("1"));
    assert!(refused(&bytes).message.contains("numero intero"));
}

#[test]
fn a_score_as_text_names_field_and_line() {
    let bytes =
        small_file(|v| v["objectives"][0]["scores"]["complessita"] = serde_json::json!("quattro"));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("objectives[0].scores.complessita"));
    assert!(e.message.contains("il testo \"quattro\""), "{e}");
    assert!(e.message.contains("un numero"), "{e}");
    let line = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .position(|l| l.contains("quattro"))
        .unwrap()
        + 1;
    assert_eq!(e.line, Some(line));
    assert!(e.to_string().contains(&format!("riga {line}")));
}

#[test]
fn a_title_as_number() {
    let bytes = small_file(|v| v["objectives"][0]["title"] = serde_json::json!(42));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("objectives[0].title"));
    assert!(e.message.contains("il numero 42"), "{e}");
}

#[test]
fn huge_numbers() {
    let bytes =
        small_file(|v| v["objectives"][0]["scores"]["complessita"] = serde_json::json!(1e308));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("objectives[0].scores.complessita"));
    let e = refused(br#"{"schema_version": 1e999}"#);
    assert!(e.message.contains("numero"), "{e}");
}

#[test]
fn nan_is_not_json() {
    let text = String::from_utf8(small_file(|_| {})).unwrap().replacen(
        "\"complessita\": 4",
        "\"complessita\": NaN",
        1,
    );
    let e = refused(text.as_bytes());
    assert!(e.message.contains("non è JSON valido"), "{e}");
    assert!(e.line.is_some());
}

#[test]
fn duplicate_objective_ids() {
    let bytes = small_file(|v| {
        let first = v["objectives"][0].clone();
        v["objectives"].as_array_mut().unwrap().push(first);
    });
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("objectives[1].id"));
    assert!(e.message.contains("compare due volte"));
}

#[test]
fn references_to_missing_units() {
    let bytes = small_file(|v| v["objectives"][0]["unit"] = serde_json::json!("nessuna"));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("objectives[0].unit"));
    assert!(e.message.contains("«nessuna» non esiste"));
    let bytes = small_file(|v| v["units"][0]["parent"] = serde_json::json!("fantasma"));
    assert_eq!(refused(&bytes).field.as_deref(), Some("units[0].parent"));
}

#[test]
fn a_unit_below_itself_is_refused() {
    let como: serde_json::Value = serde_json::from_str(&como_text()).unwrap();
    let patched = |patch: &dyn Fn(&mut serde_json::Value)| {
        let mut value = como.clone();
        patch(&mut value);
        serde_json::to_vec(&value).unwrap()
    };
    // SETTORE 1 its own parent.
    let e = refused(&patched(&|v| v["units"][1]["parent"] = "s1".into()));
    assert_eq!(e.field.as_deref(), Some("units[1].parent"));
    assert!(e.message.contains("«s1» si torna a «s1»"), "{}", e.message);
    // Area 1 below its own Settore 1: a loop of two.
    let e = refused(&patched(&|v| v["units"][0]["parent"] = "s1".into()));
    assert_eq!(e.field.as_deref(), Some("units[0].parent"));
    // A proper tree still opens.
    assert!(json::load(&patched(&|_| {})).is_ok());
}

#[test]
fn unknown_criterion_and_bad_grid() {
    let bytes = small_file(|v| v["objectives"][0]["scores"]["bellezza"] = serde_json::json!(3));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("objectives[0].scores.bellezza"));
    let bytes = small_file(|v| v["grid"]["criteria"][0]["min"] = serde_json::json!(20));
    assert!(refused(&bytes).message.contains("minimo supera il massimo"));
    let bytes = small_file(|v| v["grid"]["criteria"] = serde_json::json!([]));
    assert!(refused(&bytes).message.contains("non ha criteri"));
}

#[test]
fn level_out_of_range() {
    let bytes = small_file(|v| v["units"][0]["level"] = serde_json::json!(5));
    let e = refused(&bytes);
    assert_eq!(e.field.as_deref(), Some("units[0].level"));
}

#[test]
fn binary_and_utf16_files() {
    let e = refused(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    assert!(e.message.contains("non è testo UTF-8"), "{e}");
    let e = refused(b"{\"a\": \0}");
    assert!(e.message.contains("binari"), "{e}");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{}".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert!(refused(&utf16).message.contains("UTF-16"));
}

#[test]
fn a_table_opened_as_a_plan_points_to_the_import() {
    let csv = "Settore;Titolo;Complessità\nSettore Tributi;Riscossione;4\n";
    let tab = "Settore\tTitolo\n\"Settore Tributi\"\tRiscossione\n";
    for text in [csv, tab] {
        let e = refused(text.as_bytes());
        assert!(e.message.contains("tabella di testo (CSV)"), "{e}");
        assert!(
            e.message.contains("«Importa obiettivi da CSV o Excel…»"),
            "{e}"
        );
    }
    for xlsx in [
        &b"PK\x03\x04\x14\x00\x06\x00"[..],
        b"\xD0\xCF\x11\xE0\xA1\xB1",
    ] {
        let e = refused(xlsx);
        assert!(e.message.contains("foglio di calcolo"), "{e}");
        assert!(
            e.message.contains("«Importa obiettivi da CSV o Excel…»"),
            "{e}"
        );
    }
    // Text that is neither JSON nor a table keeps the parser's place: one
    // line with a comma, a page of markup.
    for text in [
        &b"Piano della performance 2024"[..],
        b"Piano 2024, bozza",
        b"<html><body>Accesso, intranet; login</body></html>\n<p>a, b</p>\n",
    ] {
        let e = refused(text);
        assert!(e.message.contains("non è JSON valido"), "{e}");
        assert_eq!(e.line, Some(1));
    }
}

#[test]
fn messages_are_italian_sentences_with_place() {
    let bytes =
        small_file(|v| v["objectives"][0]["scores"]["complessita"] = serde_json::json!("x"));
    let text = refused(&bytes).to_string();
    assert!(text.starts_with("Il file non è un piano di Pesatura valido: "));
    assert!(text.contains("campo «objectives[0].scores.complessita»"));
    assert!(text.ends_with('.'));
}

#[test]
fn a_file_edited_by_hand_is_accepted_and_flagged() {
    use pesatura::io::json::{load_checked, Integrity};
    let saved = json::save(&json::load(como_text().as_bytes()).unwrap());
    assert!(saved.contains("\"checksum\": \"fnv1a64:"));
    assert_eq!(load_checked(saved.as_bytes()).unwrap().1, Integrity::Intact);
    // Re-indented by another editor: same content, still intact.
    let reindented = saved.replace("  ", "\t");
    assert_eq!(
        load_checked(reindented.as_bytes()).unwrap().1,
        Integrity::Intact
    );
    // A score changed by hand: accepted, and flagged.
    let edited = saved.replacen("\"complessita\": 4,", "\"complessita\": 5,", 1);
    let (plan, integrity) = load_checked(edited.as_bytes()).unwrap();
    assert_eq!(integrity, Integrity::ModifiedOutside);
    assert_eq!(
        plan.objectives[0].scores[0],
        Some(pesatura::model::Dec::from_int(5))
    );
    // Files without a checksum (older versions, other tools) are simply unchecked.
    assert_eq!(
        load_checked(como_text().as_bytes()).unwrap().1,
        if como_text().contains("checksum") {
            Integrity::Intact
        } else {
            Integrity::Unchecked
        }
    );
    let v1 = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/como-2024-schema-v1.json"
    ))
    .unwrap();
    assert_eq!(load_checked(&v1).unwrap().1, Integrity::Unchecked);
}

/// Refusals of the reader itself (a missing field, a wrong type, an unknown
/// name) name the field as in every other refusal, in an indented or a
/// compact file, of this version or an older one.
#[test]
fn the_readers_refusals_name_the_field() {
    type Patch = fn(&mut serde_json::Value);
    let cases: [(Patch, &str, &str); 7] = [
        (
            |v| {
                v["objectives"][0].as_object_mut().unwrap().remove("unit");
            },
            "objectives[0]",
            "manca il campo «unit»",
        ),
        (
            |v| v["grid"]["method"] = serde_json::json!("pesi"),
            "grid.method",
            "pesi",
        ),
        (
            |v| v["units"][0]["level"] = serde_json::json!(-1),
            "units[0].level",
            "-1",
        ),
        (
            |v| v["objectives"][0]["review"] = serde_json::json!({"status": "forse"}),
            "objectives[0].review.status",
            "forse",
        ),
        (
            |v| v["objectives"][0]["achievement"] = serde_json::json!({"percent": "molto"}),
            "objectives[0].achievement.percent",
            "molto",
        ),
        (|v| v["ente"] = serde_json::json!([]), "ente", ""),
        (
            |v| v["grid"]["criteria"][0]["name"] = serde_json::json!(null),
            "grid.criteria[0].name",
            "null",
        ),
    ];
    for (patch, field, said) in cases {
        for version in [SCHEMA_VERSION, 3] {
            let pretty = small_file(|v| {
                patch(v);
                v["schema_version"] = serde_json::json!(version);
            });
            let value: serde_json::Value = serde_json::from_slice(&pretty).unwrap();
            let compact = serde_json::to_vec(&value).unwrap();
            for bytes in [pretty, compact] {
                let e = refused(&bytes);
                assert_eq!(e.field.as_deref(), Some(field), "{e}");
                assert!(e.message.contains(said), "{e}");
                assert!(e.line.is_some(), "{e}");
                assert!(e.to_string().contains(&format!("campo «{field}»")), "{e}");
            }
        }
    }
}

#[test]
fn the_bundled_como_example_is_as_pesatura_writes_it() {
    // Byte for byte, so that opening it at every start finds it intact from
    // its text, without writing the plan out again to hash it.
    let text = include_str!("../examples/como-peg-2024.json");
    let (plan, integrity) = pesatura::io::json::load_checked(text.as_bytes()).unwrap();
    assert_eq!(integrity, pesatura::io::json::Integrity::Intact);
    assert_eq!(pesatura::io::json::save(&plan), text);
}
