//! Spreadsheets in and out: the CSV written for Italian Excel and for other
//! tools reads back to the same objectives and scores; whatever a
//! spreadsheet would run as a formula is neutralised; files in Windows-1252,
//! with a BOM, with either separator and decimal mark are read; what cannot
//! be read is refused, or listed row by row with the line and the reason.

use pesatura::io::csv::{self, Dialect, Encoding, Preview, Separator};
use pesatura::io::json;
use pesatura::model::decimal::parse_number;
use pesatura::model::plan::DirectWeight;
use pesatura::model::presets::{new_plan, new_plan_with, Preset};
use pesatura::model::{compute, Dec, Plan};

fn d(text: &str) -> Dec {
    parse_number(text).unwrap()
}

fn como() -> Plan {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/como-peg-2024.json"
    ))
    .unwrap();
    json::load(&bytes).unwrap()
}

/// The plan with its units and grid but no objectives: where an import lands.
fn emptied(plan: &Plan) -> Plan {
    let mut empty = plan.clone();
    empty.objectives.clear();
    empty
}

/// An objective's unit, other units, title, description, scores, type and direct weight.
type Essentials = (
    String,
    Vec<String>,
    String,
    Option<String>,
    Vec<Option<Dec>>,
    Option<String>,
    Option<DirectWeight>,
);

/// What an import must preserve of each objective, in a comparable order.
fn essentials(plan: &Plan) -> Vec<Essentials> {
    let mut out: Vec<_> = plan
        .objectives
        .iter()
        .map(|o| {
            (
                o.unit.clone(),
                o.also.clone(),
                o.title.clone(),
                o.description.clone(),
                o.scores.clone(),
                o.kind.clone(),
                o.direct,
            )
        })
        .collect();
    out.sort_by(|a, b| (&a.0, &a.2).cmp(&(&b.0, &b.2)));
    out
}

/// Exports, previews against the emptied plan, applies; the preview must be clean.
fn round_trip(plan: &Plan, dialect: Dialect) -> (Plan, Preview) {
    let bytes = csv::export(plan, dialect);
    let mut target = emptied(plan);
    let preview = csv::preview(&bytes, &target).expect("the exported file reads back");
    let added = csv::apply(&mut target, &preview, csv::Existing::Add).added;
    assert_eq!(added.len(), preview.rows.len());
    (target, preview)
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The text in Windows-1252, for the few characters these tests use.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'à' => 0xE0,
            'è' => 0xE8,
            'é' => 0xE9,
            'ù' => 0xF9,
            '’' => 0x92,
            '€' => 0x80,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} not in this test's table"),
        })
        .collect()
}

// ---- round trips ------------------------------------------------------------

#[test]
fn como_round_trips_through_italian_excel() {
    let plan = como();
    let (back, preview) = round_trip(&plan, Dialect::ExcelItalian);
    assert_eq!(preview.encoding, Encoding::Utf8WithBom);
    assert_eq!(preview.separator, Separator::Semicolon);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert!(
        preview.ignored_columns.is_empty(),
        "{:?}",
        preview.ignored_columns
    );
    assert!(preview.missing_criteria.is_empty());
    assert_eq!(preview.rows.len(), 53);
    assert_eq!(essentials(&back), essentials(&plan));
    assert_eq!(
        compute(&back).units,
        compute(&plan).units,
        "same averages and relative weights"
    );
    assert_eq!(
        compute(&back).shared,
        compute(&plan).shared,
        "shared objectives in the published order"
    );
}

#[test]
fn como_round_trips_through_plain_csv() {
    let plan = como();
    let (back, preview) = round_trip(&plan, Dialect::Plain);
    assert_eq!(preview.encoding, Encoding::Utf8);
    assert_eq!(preview.separator, Separator::Comma);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(essentials(&back), essentials(&plan));
}

#[test]
fn half_points_survive_both_decimal_marks() {
    let mut plan = new_plan(2025);
    plan.set_range(0, d("0"), d("10"), d("0,5")).unwrap();
    let id = plan.add_objective("u1");
    plan.set_title(&id, "Mezzi punti");
    for (c, score) in ["4,5", "12", "3", "7"].iter().enumerate() {
        plan.set_score(&id, c, Some(d(score)));
    }
    for dialect in [Dialect::ExcelItalian, Dialect::Plain] {
        let (back, preview) = round_trip(&plan, dialect);
        assert!(
            preview.rejected.is_empty(),
            "{dialect:?}: {:?}",
            preview.rejected
        );
        assert_eq!(back.objectives[0].scores[0], Some(d("4,5")), "{dialect:?}");
        assert_eq!(essentials(&back), essentials(&plan), "{dialect:?}");
    }
    let italian = lines(&csv::export(&plan, Dialect::ExcelItalian));
    assert!(italian[1].contains("\"4,5\";\"12\""), "{}", italian[1]);
    let plain = lines(&csv::export(&plan, Dialect::Plain));
    assert!(plain[1].contains(",4.5,12,"), "{}", plain[1]);
}

#[test]
fn levels_types_and_objectives_counted_in_each_unit_round_trip() {
    let mut plan = new_plan_with(2025, Preset::LevelsAndTypes);
    let other = plan.add_unit("Settore Tributi", 1, None);
    let a = plan.add_objective("u1");
    plan.set_title(&a, "Sportello unico");
    plan.set_kind(&a, Some("sviluppo"));
    for c in 0..3 {
        plan.set_score(&a, c, Some(Dec::from_int(c as i64 + 1)));
    }
    let third = plan.add_unit("Settore Cultura", 1, None);
    let shared = plan
        .add_shared_objective(&["u1".to_string(), other.clone(), third])
        .unwrap();
    plan.set_title(&shared, "Recupero evasione");
    plan.set_kind(&shared, Some("mantenimento"));
    plan.set_score(&shared, 0, Some(Dec::from_int(3)));

    let exported = lines(&csv::export(&plan, Dialect::ExcelItalian));
    assert!(exported[0].contains("\"Tipologia\""));
    assert!(
        exported
            .iter()
            .any(|l| l.contains("\"Sviluppo\";\"Bassa\";\"Media\";\"Alta\"")),
        "levels exported by name: {exported:?}"
    );
    // Counted in each of its units, the shared objective is in three tables…
    assert_eq!(
        exported
            .iter()
            .filter(|l| l.contains("Recupero evasione"))
            .count(),
        3
    );

    let (back, preview) = round_trip(&plan, Dialect::ExcelItalian);
    // …and is imported once, its two repeats read as such, not refused.
    assert_eq!(preview.rows.len(), 2);
    let first = preview.rows[1].line;
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.repeats.len(), 2);
    assert!(preview
        .repeats
        .iter()
        .all(|&(line, of)| of == first && line > first));
    assert_eq!(essentials(&back), essentials(&plan));

    // A repeat that differs in a cell is refused, saying where the first is.
    let mut text = String::from_utf8(csv::export(&plan, Dialect::ExcelItalian)).unwrap();
    let last = text.rfind("Recupero evasione").unwrap();
    let row_end = last + text[last..].find('\n').unwrap();
    let row = text[last..row_end].replacen("\"Alta\"", "\"Media\"", 1);
    assert_ne!(row, text[last..row_end], "the repeat's Complessità changed");
    text.replace_range(last..row_end, &row);
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.repeats.len(), 1);
    assert_eq!(preview.rejected.len(), 1);
    assert!(preview.rejected[0]
        .to_string()
        .ends_with(&format!("obiettivo comune già letto alla riga {first}")));
}

#[test]
fn direct_weights_export_the_percentage_or_x() {
    let mut plan = new_plan_with(2025, Preset::DirectPercent);
    let a = plan.add_objective("u1");
    plan.set_title(&a, "Bilancio");
    plan.set_direct(&a, Some(DirectWeight::Percent(d("62,5"))));
    let b = plan.add_objective("u1");
    plan.set_title(&b, "Trasparenza");
    plan.set_direct(&b, Some(DirectWeight::Prerequisite));
    let c = plan.add_objective("u1");
    plan.set_title(&c, "Archivio");
    plan.set_direct(&c, Some(DirectWeight::Percent(d("37,5"))));

    let exported = lines(&csv::export(&plan, Dialect::ExcelItalian));
    assert!(
        exported[0].contains(
            "\"Titolo\";\"Descrizione\";\"Comune a\";\"Tabella\";\"Peso assegnato (%)\";\"Totale\""
        ),
        "{}",
        exported[0]
    );
    assert!(
        exported[1].ends_with("\"62,5\";\"62,5\";\"62,50\";\"50,00\""),
        "{}",
        exported[1]
    );
    assert!(exported[2].contains("\"X\""), "{}", exported[2]);

    let (back, preview) = round_trip(&plan, Dialect::Plain);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(essentials(&back), essentials(&plan));
}

// ---- what the export writes ------------------------------------------------

#[test]
fn italian_excel_gets_bom_semicolons_commas_and_quotes() {
    let bytes = csv::export(&como(), Dialect::ExcelItalian);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"), "CRLF line ends");
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "\"Area\";\"Settore\";\"Titolo\";\"Descrizione\";\"Comune a\";\"Tabella\";\"Complessità\";\"Rilevanza strategica\";\"Signif. finanziaria\";\"Impatto utenza\";\"Totale\";\"Peso relativo (%)\";\"Media della tabella\""
    );
    let first = text.lines().nth(1).unwrap();
    assert_eq!(
        first,
        "\"Area Amministrativa\";\"SETTORE 1: AFFARI GENERALI - CENTRALE AFFIDAMENTI E CONTRATTI\";\"BANCA DATI UNICA TRACCIABILITA' CONTRATTI\";\"\";\"\";\"SETTORE 1: AFFARI GENERALI - CENTRALE AFFIDAMENTI E CONTRATTI\";\"4\";\"4\";\"3\";\"7\";\"18\";\"29,03\";\"20,67\""
    );
    let settore_3: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.starts_with("\"Area Servizi al cittadino\";\"SETTORE 3:") && !l.contains(" | ")
        })
        .collect();
    assert_eq!(settore_3.len(), 2, "two objectives, no empty row");
    assert!(settore_3.iter().all(|l| l.ends_with("\"26,50\"")));
    let eventi = text
        .lines()
        .find(|l| l.contains("Eventi in Sicurezza"))
        .unwrap();
    assert!(
        eventi.contains("\"SETTORE 3: COMMERCIO - SUAP - SUEVCO - PATRIMONIO | SETTORE 6:"),
        "{eventi}"
    );
    // Listed under its lead unit, Settore 3, but weighed in the table of the
    // objectives common to several units: its average is that table's
    // (25,33), not Settore 3's (26,50), and the row says so.
    assert!(
        eventi.contains("\";\"Obiettivi comuni a più unità\";\""),
        "{eventi}"
    );
    assert!(
        eventi.ends_with("\"27\";\"35,53\";\"25,33\""),
        "shared table's weight and average: {eventi}"
    );
    assert_eq!(text.lines().count(), 1 + 53);
}

#[test]
fn plain_csv_gets_commas_points_and_no_bom() {
    let bytes = csv::export(&como(), Dialect::Plain);
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains('\r'));
    assert!(text
        .lines()
        .next()
        .unwrap()
        .starts_with("Area,Settore,Titolo,Descrizione,Comune a,Tabella,Complessità,"));
    assert!(text
        .lines()
        .nth(1)
        .unwrap()
        .ends_with(",4,4,3,7,18,29.03,20.67"));
    // A title holding a comma is quoted.
    assert!(
        text.contains("\"Monitoraggio del costante adeguamento"),
        "quoted where needed"
    );
}

#[test]
fn formulas_in_text_are_neutralised() {
    let mut plan = new_plan(2025);
    let dangerous = [
        "=HYPERLINK(\"http://evil.example\",\"clic\")",
        "+39 031 252111",
        "-1+2",
        "@SUM(A1:A9)",
        "\tcmd",
        "\rcmd",
    ];
    for title in dangerous {
        let id = plan.add_objective("u1");
        // As a file may hold it: typed, a line break would become a space.
        plan.objectives.last_mut().unwrap().title = title.to_string();
        plan.set_description(&id, "=1+1");
    }
    plan.rename_unit("u1", "=Settore");
    for dialect in [Dialect::ExcelItalian, Dialect::Plain] {
        let bytes = csv::export(&plan, dialect);
        let body = if dialect == Dialect::ExcelItalian {
            &bytes[3..]
        } else {
            &bytes[..]
        };
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(if dialect == Dialect::ExcelItalian {
                b';'
            } else {
                b','
            })
            .from_reader(body);
        let cells: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        assert_eq!(cells.len(), dangerous.len());
        for (row, title) in cells.iter().zip(dangerous) {
            assert_eq!(row[1], "'=Settore", "{dialect:?}");
            assert_eq!(row[2], format!("'{title}"), "{dialect:?}");
            assert_eq!(row[3], "'=1+1", "{dialect:?}");
            assert!(
                row.iter()
                    .all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])),
                "{dialect:?}: {row:?}"
            );
        }
        // Read back, the titles are what they were.
        let mut target = emptied(&plan);
        let preview = csv::preview(&bytes, &target).unwrap();
        assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
        csv::apply(&mut target, &preview, csv::Existing::Add);
        // Read back, the titles are what they were, on one line: the
        // import writes a title as the interface does.
        let titles: Vec<&str> = target.objectives.iter().map(|o| o.title.as_str()).collect();
        let one_line: Vec<String> = dangerous.iter().map(|t| t.replace('\r', " ")).collect();
        assert_eq!(titles, one_line, "{dialect:?}");
    }
}

#[test]
fn the_file_is_named_after_the_ente_and_year() {
    assert_eq!(
        csv::file_name(&como(), Dialect::ExcelItalian),
        "pesatura-comune-di-como-2024.csv"
    );
    assert_eq!(
        csv::file_name(&como(), Dialect::Plain),
        "pesatura-comune-di-como-2024-semplice.csv"
    );
}

// ---- reading files from elsewhere ------------------------------------------

/// A small Como-grid plan with two areas and three settori.
fn small_plan() -> Plan {
    let mut plan = new_plan(2025);
    plan.units.clear();
    let area = plan.add_unit("Area Servizi", 0, None);
    plan.add_unit("Settore Qualità", 1, Some(&area));
    plan.add_unit("Settore Tributi", 1, Some(&area));
    plan.add_unit("Settore Polizia Locale", 1, None);
    plan
}

/// The id of the unit called `name`.
fn unit_id(plan: &Plan, name: &str) -> String {
    plan.units
        .iter()
        .find(|u| u.name == name)
        .unwrap()
        .id
        .clone()
}

fn preview_text(text: &str) -> Preview {
    csv::preview(text.as_bytes(), &small_plan()).expect("the file is read")
}

#[test]
fn semicolons_with_decimal_comma_and_commas_with_decimal_point() {
    let mut plan = small_plan();
    plan.set_range(0, d("0"), d("10"), d("0,5")).unwrap();
    let italian = "Settore;Titolo;Complessità;Rilevanza strategica;Signif. finanziaria;Impatto utenza\nSettore Tributi;Riscossione;4,5;12;3;7\n";
    let english = "Settore,Titolo,Complessità,Rilevanza strategica,Signif. finanziaria,Impatto utenza\nSettore Tributi,Riscossione,4.5,12,3,7\n";
    let tabs = "Settore\tTitolo\tComplessità\tRilevanza strategica\tSignif. finanziaria\tImpatto utenza\nSettore Tributi\tRiscossione\t4,5\t12\t3\t7\n";
    for (text, separator) in [
        (italian, Separator::Semicolon),
        (english, Separator::Comma),
        (tabs, Separator::Tab),
    ] {
        let preview = csv::preview(text.as_bytes(), &plan).unwrap();
        assert_eq!(preview.separator, separator);
        assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
        assert_eq!(
            preview.rows[0].scores,
            vec![Some(d("4,5")), Some(d("12")), Some(d("3")), Some(d("7"))],
            "{separator:?}"
        );
        assert_eq!(preview.rows[0].unit, plan.units[2].id);
    }
}

#[test]
fn headers_match_criteria_whatever_their_case_and_accents() {
    for complessita in [
        "complessità",
        "COMPLESSITA",
        "Complessita'",
        "COMPLESSITÀ",
        "Complessità amministrativa tecnica gestionale",
        "complessita",
    ] {
        let text = format!("Settore;TITOLO;{complessita};RILEVANZA STRATEGICA;significativita' finanziaria;Impatto sulla utenza esterna\nSettore Tributi;Riscossione;4;12;3;7\n");
        let preview = preview_text(&text);
        assert!(
            preview.missing_criteria.is_empty(),
            "{complessita}: {:?}",
            preview.missing_criteria
        );
        assert!(
            preview.ignored_columns.is_empty(),
            "{complessita}: {:?}",
            preview.ignored_columns
        );
        assert_eq!(preview.rows[0].scores[0], Some(d("4")), "{complessita}");
    }
}

#[test]
fn windows_1252_accented_titles_survive() {
    let text = "Settore;Titolo;Complessità\r\nSettore Qualità;Qualità dei servizi;4\r\n;Attività di controllo sull’evasione € e più;5\r\n";
    let bytes = windows_1252(text);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let preview = csv::preview(&bytes, &small_plan()).unwrap();
    assert_eq!(preview.encoding, Encoding::Windows1252);
    let titles: Vec<&str> = preview.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Qualità dei servizi",
            "Attività di controllo sull’evasione € e più"
        ]
    );
    assert_eq!(
        preview.rows[1].unit, preview.rows[0].unit,
        "the unit written once holds for the rows below"
    );
    assert_eq!(
        preview.missing_criteria.len(),
        3,
        "the other criteria stay unscored"
    );
}

#[test]
fn a_bom_is_not_part_of_the_first_header() {
    let text = "\u{FEFF}Settore;Titolo;Complessità\nSettore Tributi;Riscossione;4\n";
    let preview = preview_text(text);
    assert_eq!(preview.encoding, Encoding::Utf8WithBom);
    assert!(
        preview.ignored_columns.is_empty(),
        "{:?}",
        preview.ignored_columns
    );
    assert_eq!(preview.rows.len(), 1);
}

#[test]
fn utf16_is_refused_with_a_way_out() {
    let text = "Settore\tTitolo\nSettore Tributi\tRiscossione\n";
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let without_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for bytes in [with_bom, without_bom] {
        let error = csv::preview(&bytes, &small_plan()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("UTF-16"), "{message}");
        assert!(message.contains("CSV UTF-8"), "says what to do: {message}");
    }
}

#[test]
fn spreadsheet_files_are_refused() {
    let error = csv::preview(b"PK\x03\x04\x14\x00\x06\x00", &small_plan()).unwrap_err();
    assert!(error.to_string().contains("non un CSV"), "{error}");
}

#[test]
fn an_export_read_back_into_its_own_plan_says_its_rows_are_there_already() {
    let plan = como();
    let bytes = csv::export(&plan, Dialect::ExcelItalian);
    let preview = csv::preview(&bytes, &plan).unwrap();
    assert_eq!(preview.rows.len(), 53);
    // Every row is an objective the plan has, in the same unit.
    assert_eq!(preview.already_in(&plan).len(), 53);
    // Into a plan without objectives, none is; a title changed in one row
    // makes that row new.
    assert!(preview.already_in(&emptied(&plan)).is_empty());
    let mut retitled = plan.clone();
    retitled.objectives[0].title = "Banca dati unica dei contratti, seconda fase".into();
    let lines = preview.already_in(&retitled);
    assert_eq!(lines.len(), 52);
    assert!(!lines.contains(&preview.rows[0].line));
    // Case, spaces and punctuation do not make a title new.
    let mut recased = plan.clone();
    recased.objectives[0].title = plan.objectives[0].title.to_lowercase().replace(' ', "  ");
    assert_eq!(preview.already_in(&recased).len(), 53);
}

#[test]
fn an_edited_export_read_back_updates_its_objectives_and_adds_only_new_rows() {
    let plan = como();
    let before = compute(&plan);
    // In the spreadsheet: Settore 3's first objective gets 9 for
    // complessità (it had 6), and a new objective is added below it.
    let text = String::from_utf8(csv::export(&plan, Dialect::ExcelItalian)).unwrap();
    let s3 = plan.units.iter().find(|u| u.id == "s3").unwrap();
    let first = plan
        .objectives
        .iter()
        .find(|o| o.unit == "s3")
        .unwrap()
        .clone();
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    let at = lines.iter().position(|l| l.contains(&first.title)).unwrap();
    let cells: Vec<&str> = lines[at].split(';').collect();
    let complessita = 4 + plan.ente.levels.len(); // levels, title, description, Comune a, Tabella
    assert_eq!(cells[complessita], "\"6\"", "{:?}", cells);
    let mut edited: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    edited[complessita] = "\"9\"".into();
    lines[at] = edited.join(";");
    let mut added = edited.clone();
    added[plan.ente.levels.len()] = "\"Nuovo sportello digitale\"".into();
    lines.insert(at + 1, added.join(";"));
    let preview = csv::preview(lines.join("\r\n").as_bytes(), &plan).unwrap();
    assert_eq!(preview.rows.len(), 54);
    assert_eq!(preview.already_in(&plan).len(), 53);

    let mut updated = plan.clone();
    let applied = csv::apply(&mut updated, &preview, csv::Existing::Update);
    assert_eq!(applied.updated.len(), 53);
    assert_eq!(applied.added.len(), 1);
    assert_eq!(updated.objectives.len(), 54);
    let o = updated
        .objectives
        .iter()
        .find(|o| o.id == first.id)
        .unwrap();
    assert_eq!(o.scores[0], Some(d("9")));
    assert_eq!(o.scores[1..], first.scores[1..]);
    assert_eq!(o.description, first.description);
    // Settore 3: 28 and 25 before; now 31, 25 and the new one's 31.
    let after = compute(&updated);
    let u = updated.unit_index(&s3.id).unwrap();
    assert_eq!(before.units[u].own.stats.average, Some(d("26,5")));
    assert_eq!(after.units[u].own.stats.all(), 3);
    assert_eq!(
        after.units[u].own.stats.average.map(|a| a.round(2)),
        Some(d("29"))
    );
    // Every other unit is as it was.
    for (i, unit) in updated.units.iter().enumerate() {
        if unit.id != s3.id {
            assert_eq!(
                after.units[i].own.stats, before.units[i].own.stats,
                "{}",
                unit.name
            );
        }
    }

    // Added instead, every row is a new objective: 53 twice, and one more.
    let mut doubled = plan.clone();
    let applied = csv::apply(&mut doubled, &preview, csv::Existing::Add);
    assert_eq!((applied.added.len(), applied.updated.len()), (54, 0));
    assert_eq!(doubled.objectives.len(), 107);
}

#[test]
fn an_update_changes_only_what_the_file_has_columns_for() {
    let mut plan = small_plan();
    let tributi = unit_id(&plan, "Settore Tributi");
    let id = plan.add_objective(&tributi);
    plan.set_title(&id, "Riscossione coattiva");
    plan.set_description(&id, "Avvisi e ruoli");
    plan.set_score(&id, 0, Some(d("4")));
    plan.set_score(&id, 1, Some(d("12")));
    // No description column, no rilevanza column; complessità emptied; the
    // title written in capitals is the same objective.
    let text =
        "Settore;Titolo;Complessità;Impatto utenza\nSettore Tributi;RISCOSSIONE COATTIVA;;9\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.already_in(&plan), vec![2]);
    let applied = csv::apply(&mut plan, &preview, csv::Existing::Update);
    assert_eq!(applied.updated, vec![id.clone()]);
    assert!(applied.added.is_empty());
    assert_eq!(plan.objectives.len(), 1);
    let o = &plan.objectives[0];
    assert_eq!(o.title, "RISCOSSIONE COATTIVA");
    assert_eq!(o.description.as_deref(), Some("Avvisi e ruoli"));
    assert_eq!(o.scores, vec![None, Some(d("12")), None, Some(d("9"))]);
}

#[test]
fn a_misspelt_criterion_column_is_pointed_out_and_its_scores_kept() {
    let mut plan = small_plan();
    let tributi = unit_id(&plan, "Settore Tributi");
    let id = plan.add_objective(&tributi);
    plan.set_title(&id, "Riscossione coattiva");
    plan.set_score(&id, 0, Some(d("4")));
    // «Complesita» for «Complessità»: a column not read, and one lacking.
    let text = "Settore;Titolo;Complesita;Rilevanza;Signif. finanziaria;Impatto utenza\nSettore Tributi;Riscossione coattiva;7;10;3;9\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.ignored_columns, ["Complesita"]);
    assert_eq!(preview.likely_criteria.len(), 1);
    assert_eq!(preview.likely_criteria[0].0, "Complesita");
    assert_eq!(preview.likely_criteria[0].1, plan.grid.criteria[0].name);
    assert!(!preview.has_scores_of(0));
    assert!((1..4).all(|c| preview.has_scores_of(c)));
    csv::apply(&mut plan, &preview, csv::Existing::Update);
    let o = &plan.objectives[0];
    assert_eq!(
        o.scores,
        vec![Some(d("4")), Some(d("10")), Some(d("3")), Some(d("9"))]
    );
    // A column far from every criterion is only not read.
    let text = "Settore;Titolo;Colore\nSettore Tributi;Riscossione coattiva;rosso\n";
    assert!(csv::preview(text.as_bytes(), &plan)
        .unwrap()
        .likely_criteria
        .is_empty());
}

#[test]
fn two_objectives_with_one_title_are_updated_by_two_rows_in_order() {
    let mut plan = small_plan();
    let tributi = unit_id(&plan, "Settore Tributi");
    let ids: Vec<String> = (0..2)
        .map(|_| {
            let id = plan.add_objective(&tributi);
            plan.set_title(&id, "Riscossione");
            id
        })
        .collect();
    let text = "Settore;Titolo;Complessità\nSettore Tributi;Riscossione;1\nSettore Tributi;Riscossione;2\nSettore Tributi;Riscossione;3\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.already_in(&plan), vec![2, 3]);
    let applied = csv::apply(&mut plan, &preview, csv::Existing::Update);
    assert_eq!(applied.updated, ids);
    assert_eq!(applied.added.len(), 1);
    let scores: Vec<Option<Dec>> = plan.objectives.iter().map(|o| o.scores[0]).collect();
    assert_eq!(scores, vec![Some(d("1")), Some(d("2")), Some(d("3"))]);
}

#[test]
fn a_plan_given_to_the_import_points_to_opening_it() {
    let plan = como();
    let text = json::save(&plan);
    let error = csv::preview(text.as_bytes(), &emptied(&plan)).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("piano salvato da Pesatura (JSON)"),
        "{message}"
    );
    assert!(message.contains("«Apri file…»"), "{message}");
}

#[test]
fn a_file_without_header_or_unit_column_is_refused() {
    let error = csv::preview(b"uno;due;tre\n1;2;3\n", &small_plan()).unwrap_err();
    assert!(error.to_string().contains("intestazione"), "{error}");
    let error = csv::preview(
        "Titolo;Complessità\nRiscossione;4\n".as_bytes(),
        &small_plan(),
    )
    .unwrap_err();
    assert_eq!(error.line, Some(1));
    assert!(error.to_string().contains("colonna dell'unità"), "{error}");
    assert!(error.to_string().contains("(riga 1)"), "{error}");
}

#[test]
fn rows_with_the_wrong_number_of_columns_are_reported_with_their_line() {
    let text = "Settore;Titolo;Complessità\nSettore Tributi;Riscossione;4\nSettore Tributi;Troppe;4;5\nSettore Tributi;Poche\nSettore Tributi;Vuote in coda;6;;\n";
    let preview = preview_text(text);
    let titles: Vec<&str> = preview.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Riscossione", "Vuote in coda"],
        "empty trailing cells are harmless"
    );
    let rejected: Vec<(usize, String)> = preview
        .rejected
        .iter()
        .map(|r| (r.line, r.to_string()))
        .collect();
    assert_eq!(rejected.len(), 2);
    assert_eq!(rejected[0].0, 3);
    assert_eq!(
        rejected[0].1,
        "Riga 3 («Troppe»): la riga ha 4 colonne, l'intestazione (riga 1) ne ha 3"
    );
    assert_eq!(rejected[1].0, 4);
    assert!(
        rejected[1].1.contains("la riga ha 2 colonne"),
        "{}",
        rejected[1].1
    );
}

#[test]
fn unknown_units_are_reported_and_followed_by_their_rows() {
    let text =
        "Settore;Titolo;Complessità\nSettore Inesistente;Uno;4\n;Due;4\nsettore tributi;Tre;4\n";
    let preview = preview_text(text);
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(
        preview.rows[0].title, "Tre",
        "units match whatever their case"
    );
    assert_eq!(preview.rejected.len(), 2);
    assert_eq!(
        preview.rejected[0].to_string(),
        "Riga 2 («Uno»): colonna «Settore»: l'unità «Settore Inesistente» non è nel piano: \
         aggiungerla con l'importazione (qui sopra), o importare nel piano da cui il file è \
         stato esportato"
    );
    assert_eq!(preview.rejected[1].line, 3);
    assert!(
        preview.rejected[1]
            .to_string()
            .contains("Settore Inesistente"),
        "{}",
        preview.rejected[1]
    );
}

#[test]
fn scores_out_of_range_or_not_numbers_are_reported_per_column() {
    let text = "Settore;Titolo;Complessità;Rilevanza strategica;Signif. finanziaria\nSettore Tributi;Uno;11;quindici;4,5\nSettore Tributi;Due;;;\n";
    let preview = preview_text(text);
    let rejected = &preview.rejected[0];
    assert_eq!(rejected.line, 2);
    let columns: Vec<Option<&str>> = rejected
        .reasons
        .iter()
        .map(|r| r.column.as_deref())
        .collect();
    assert_eq!(
        columns,
        [
            Some("Complessità"),
            Some("Rilevanza strategica"),
            Some("Signif. finanziaria")
        ]
    );
    assert!(
        rejected.reasons[0]
            .message
            .contains("fuori dall'intervallo ammesso, da 0 a 10"),
        "{}",
        rejected.reasons[0].message
    );
    assert!(
        rejected.reasons[1].message.contains("non è un numero"),
        "{}",
        rejected.reasons[1].message
    );
    assert!(
        rejected.reasons[2].message.contains("intero"),
        "{}",
        rejected.reasons[2].message
    );
    // Empty cells are "not scored yet", not zero.
    assert_eq!(preview.rows[0].scores, vec![None; 4]);
}

#[test]
fn rows_without_title_are_reported() {
    let text = "Settore;Titolo;Complessità;Totale\nSettore Tributi;;4;\n;;;20,67\n";
    let preview = preview_text(text);
    assert!(preview.rows.is_empty());
    let messages: Vec<String> = preview.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(messages[0], "Riga 2: colonna «Titolo»: il titolo è vuoto");
    assert!(
        messages[1].starts_with("Riga 3: colonna «Titolo»: riga senza titolo né punteggi"),
        "{}",
        messages[1]
    );
}

#[test]
fn lines_before_the_header_repeated_headers_and_unknown_columns_are_skipped() {
    let text = "Pesatura obiettivi 2025\n\nSettore;Titolo;Complessità;Colore;Totale\nSettore Tributi;Riscossione;4;rosso;99\n\nSETTORE;TITOLO;COMPLESSITA;COLORE;TOTALE\nSettore Qualità;Carta dei servizi;5;blu;\n";
    let preview = preview_text(text);
    assert_eq!(preview.header_line, 3);
    assert_eq!(preview.ignored_columns, ["Colore"]);
    assert!(
        preview.rejected.is_empty(),
        "the repeated header is no row: {:?}",
        preview.rejected
    );
    let rows: Vec<(usize, &str)> = preview
        .rows
        .iter()
        .map(|r| (r.line, r.title.as_str()))
        .collect();
    assert_eq!(rows, [(4, "Riscossione"), (7, "Carta dei servizi")]);
}

#[test]
fn a_unit_under_a_named_area_is_told_apart_from_its_namesake() {
    let mut plan = small_plan();
    let other_area = plan.add_unit("Area Tecnica", 0, None);
    let namesake = plan.add_unit("Settore Qualità", 1, Some(&other_area));
    let text = "Area;Settore;Titolo\nArea Tecnica;Settore Qualità;Collaudi\nArea Servizi;Settore Qualità;Carta dei servizi\n;Settore Qualità;Senza area\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.rows[0].unit, namesake);
    assert_eq!(preview.rows[1].unit, plan.units[1].id);
    assert!(
        preview.rejected[0]
            .to_string()
            .contains("più unità si chiamano «Settore Qualità»"),
        "{}",
        preview.rejected[0]
    );
}

#[test]
fn cells_pasted_into_one_unit_need_no_unit_column() {
    let plan = small_plan();
    let tributi = plan.units[2].id.clone();
    let pasted = "Titolo\tComplessità\tRilevanza\tSignificatività finanziaria\tImpatto\nRiscossione coattiva\t3\t12\t2\t6\n";
    let preview = csv::preview_for_unit(pasted.as_bytes(), &plan, &tributi).unwrap();
    assert_eq!(preview.separator, Separator::Tab);
    assert!(
        preview.missing_criteria.is_empty(),
        "{:?}",
        preview.missing_criteria
    );
    assert_eq!(preview.rows[0].unit, tributi);
    assert_eq!(
        preview.rows[0].scores,
        vec![Some(d("3")), Some(d("12")), Some(d("2")), Some(d("6"))]
    );
    assert!(csv::preview_for_unit(pasted.as_bytes(), &plan, "nessuna").is_err());
}

#[test]
fn apply_adds_only_the_good_rows_and_nothing_before() {
    let mut plan = small_plan();
    let before = plan.clone();
    let text = "Settore;Titolo;Descrizione;Complessità\nSettore Tributi;Riscossione;Avvisi e ruoli;4\nSettore Tributi;Rotto;;undici\nSettore Qualità;Carta dei servizi;;\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(plan, before, "a preview changes nothing");
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.rejected.len(), 1);
    let ids = csv::apply(&mut plan, &preview, csv::Existing::Add).added;
    assert_eq!(ids.len(), 2);
    assert_eq!(plan.objectives.len(), 2);
    let riscossione = &plan.objectives[plan.objective_index(&ids[0]).unwrap()];
    assert_eq!(riscossione.title, "Riscossione");
    assert_eq!(riscossione.description.as_deref(), Some("Avvisi e ruoli"));
    assert_eq!(riscossione.unit, before.units[2].id);
    assert_eq!(riscossione.scores, vec![Some(d("4")), None, None, None]);
}

#[test]
fn apply_follows_criteria_by_id_when_the_grid_moved() {
    let mut plan = small_plan();
    let text = "Settore;Titolo;Complessità;Impatto utenza\nSettore Tributi;Riscossione;4;9\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    plan.move_criterion(0, 1); // Complessità is now second
    csv::apply(&mut plan, &preview, csv::Existing::Add);
    let scores = &plan.objectives[0].scores;
    assert_eq!(scores[1], Some(d("4")));
    assert_eq!(scores[3], Some(d("9")));
    assert_eq!(scores[0], None);
}

#[test]
fn a_quote_never_closed_is_said_with_the_lines_it_swallows() {
    let text = "Settore;Titolo;Complessità\nsettore tributi;\"Virgolette non chiuse;4\nsettore tributi;Due;4\nsettore tributi;Tre;4\n";
    let preview = preview_text(text);
    assert_eq!(preview.rows.len(), 0);
    assert_eq!(preview.rejected.len(), 1);
    let said = preview.rejected[0].to_string();
    assert!(
        said.contains("apre le virgolette e non le chiude: fino alla riga 4"),
        "{said}"
    );
}

/// Each unit's name with its own average (or `None`), sorted by name.
fn unit_averages(plan: &Plan) -> Vec<(String, Option<Dec>)> {
    let results = compute(plan);
    let mut out: Vec<_> = plan
        .units
        .iter()
        .zip(&results.units)
        .filter(|(_, r)| r.own.stats.objectives > 0)
        .map(|(u, r)| (u.name.clone(), r.own.stats.average))
        .collect();
    out.sort();
    out
}

#[test]
fn units_a_file_names_are_offered_and_added_under_their_area() {
    let como = como();
    let bytes = csv::export(&como, Dialect::ExcelItalian);
    let fresh = new_plan(2024);
    let preview = csv::preview(&bytes, &fresh).unwrap();
    // Nothing of Como is in a new plan: every row waits for its unit.
    assert!(preview.rows.is_empty());
    assert_eq!(preview.rejected.len(), como.objectives.len());
    let named: Vec<&str> = preview
        .missing_units
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let with_objectives: Vec<&str> = como
        .units
        .iter()
        .filter(|u| como.objectives.iter().any(|o| o.unit == u.id))
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(named, with_objectives, "each unit once, in file order");
    let first = &preview.missing_units[0];
    assert_eq!(first.above, vec![(0, "Area Amministrativa".to_string())]);
    assert_eq!(first.level, 1);

    let with = preview.adding_units(&fresh).unwrap();
    // The areas above the settori are added too, and said.
    let areas = with.added.iter().filter(|u| u.level == 0).count();
    assert_eq!(with.added.len(), named.len() + areas);
    assert!(with
        .added
        .iter()
        .any(|u| u.level == 0 && u.name == "Area Amministrativa" && u.above.is_empty()));
    let (mut target, again) = (with.plan, with.preview);
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    assert!(again.missing_units.is_empty());
    assert_eq!(again.rows.len(), como.objectives.len());
    // The plan given is untouched; the copy has the areas and settori.
    assert_eq!(fresh.units.len(), 1);
    let area = target
        .units
        .iter()
        .find(|u| u.name == "Area Amministrativa")
        .expect("the area is added");
    assert_eq!(area.level, 0);
    let settore = target.units.iter().find(|u| u.name == first.name).unwrap();
    assert_eq!(settore.parent.as_deref(), Some(area.id.as_str()));
    csv::apply(&mut target, &again, csv::Existing::Add);
    assert_eq!(unit_averages(&target), unit_averages(&como));
    // Each unit under the same area as in Como: those without one (the
    // export leaves their area blank, and writes it on every other row) too.
    let parent_name = |plan: &Plan, name: &str| {
        let unit = plan.units.iter().find(|u| u.name == name)?;
        Some(plan.unit(unit.parent.as_deref()?)?.name.clone())
    };
    for unit in &como.units {
        assert_eq!(
            parent_name(&target, &unit.name),
            parent_name(&como, &unit.name),
            "{}",
            unit.name
        );
    }
    assert_eq!(compute(&target).ente.average, compute(&como).ente.average);

    // Read again into the plan it came from, nothing is missing.
    let preview = csv::preview(&bytes, &emptied(&como)).unwrap();
    assert!(preview.missing_units.is_empty());
}

#[test]
fn a_unit_named_only_in_comune_a_is_offered_at_the_bottom_level() {
    let plan = small_plan();
    let text =
        "Unità;Titolo;Comune a\nSettore Tributi;Sportello unico;Settore Tributi | Settore Nuovo\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.rejected.len(), 1);
    assert_eq!(preview.missing_units.len(), 1);
    assert_eq!(preview.missing_units[0].name, "Settore Nuovo");
    assert!(preview.missing_units[0].above.is_empty());
    let with = preview.adding_units(&plan).unwrap();
    let (mut target, again) = (with.plan, with.preview);
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    csv::apply(&mut target, &again, csv::Existing::Add);
    let shared = target.objectives.last().unwrap();
    assert_eq!(shared.title, "Sportello unico");
    assert_eq!(shared.also.len(), 1);
}

#[test]
fn a_settore_under_an_area_written_once_above_is_added_under_it() {
    // The area on its first row only, as in merged cells.
    let text = "Area;Settore;Titolo\nArea Nuova;Settore A;Uno\n;Settore B;Due\nArea Servizi;Settore C;Tre\n;Settore D;Quattro\n";
    let plan = small_plan();
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    let paths: Vec<(Vec<(usize, String)>, &str)> = preview
        .missing_units
        .iter()
        .map(|m| (m.above.clone(), m.name.as_str()))
        .collect();
    let nuova = vec![(0, "Area Nuova".to_string())];
    let servizi = vec![(0, "Area Servizi".to_string())];
    assert_eq!(
        paths,
        [
            (nuova.clone(), "Settore A"),
            (nuova, "Settore B"),
            (servizi.clone(), "Settore C"),
            (servizi, "Settore D"),
        ]
    );
    let with = preview.adding_units(&plan).unwrap();
    assert!(
        with.preview.rejected.is_empty(),
        "{:?}",
        with.preview.rejected
    );
    let parent_of = |name: &str| {
        let unit = with.plan.units.iter().find(|u| u.name == name).unwrap();
        let parent = unit.parent.as_deref().unwrap();
        with.plan.unit(parent).unwrap().name.clone()
    };
    assert_eq!(parent_of("Settore B"), "Area Nuova");
    // Area Servizi is the plan's: D goes under it, and only the new area is added.
    assert_eq!(parent_of("Settore D"), "Area Servizi");
    assert_eq!(with.added.iter().filter(|u| u.level == 0).count(), 1);
}

#[test]
fn units_in_comune_a_of_a_row_whose_own_unit_is_missing_are_offered_at_once() {
    let plan = small_plan();
    let text = "Unità;Titolo;Comune a\nSettore Nuovo;Sportello;Settore Nuovo | Settore Altro\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    let names: Vec<&str> = preview
        .missing_units
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Settore Nuovo", "Settore Altro"]);
    let with = preview.adding_units(&plan).unwrap();
    assert!(
        with.preview.rejected.is_empty(),
        "{:?}",
        with.preview.rejected
    );
    assert!(with.preview.missing_units.is_empty());
    assert_eq!(with.preview.rows[0].also.len(), 1);
}

#[test]
fn a_file_read_into_a_plan_of_one_unit_keeps_going_to_it_once_units_are_added() {
    // No unit column: the rows go to the plan's only unit, before and after
    // the units of "Comune a" are added.
    let plan = new_plan(2025);
    let text = "Titolo;Comune a\nSportello;Settore Altro\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.missing_units.len(), 1);
    let with = preview.adding_units(&plan).unwrap();
    assert_eq!(with.preview.rows.len(), 1);
    // Shared by the two (the first in "Comune a" leads).
    let row = &with.preview.rows[0];
    let mut units = vec![row.unit.clone()];
    units.extend(row.also.iter().cloned());
    units.sort();
    assert_eq!(units, ["u1", "u2"]);
}

#[test]
fn a_settore_named_as_an_area_of_the_plan_is_not_taken_for_it() {
    let mut plan = small_plan();
    plan.add_unit("Cultura", 0, None);
    // «Cultura» as a settore under another area: not the plan's area «Cultura».
    let text = "Area;Settore;Titolo\nArea Servizi;Cultura;Mostra\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert!(preview.rows.is_empty(), "{:?}", preview.rows);
    assert_eq!(preview.missing_units.len(), 1);
    assert_eq!(preview.missing_units[0].level, 1);
    // Named in the settore column with the area left blank, it still is the
    // plan's unit of that name, whatever its level.
    let text = "Area;Settore;Titolo\n;Cultura;Mostra\n";
    let preview = csv::preview(text.as_bytes(), &plan).unwrap();
    assert_eq!(preview.rows.len(), 1);
    let cultura = plan.units.iter().find(|u| u.name == "Cultura").unwrap();
    assert_eq!(preview.rows[0].unit, cultura.id);
}
