//! The Comune di Como's table as published (PEG 2024, section 3.2, copied
//! from the seed document into `tests/fixtures/csv/como-3-2.txt`) reads into
//! the plan of the example file, with the document's slips reported: the
//! empty row of Settore 3 and the average that counts it, and the Settore 8
//! block printed in two areas, asked about rather than dropped.

use std::collections::BTreeMap;

use pesatura::io::como_table::{self, ComoTable, DuplicateChoice};
use pesatura::io::json;
use pesatura::model::format::format_it;
use pesatura::model::{compute, validate, Dec, Plan, Severity};

fn fixture() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/csv/como-3-2.txt"
    ))
    .unwrap()
}

fn table() -> ComoTable {
    como_table::read(&fixture()).expect("the published table reads")
}

fn example() -> Plan {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/como-peg-2024.json"
    ))
    .unwrap();
    json::load(&bytes).unwrap()
}

fn settori(plan: &Plan) -> Vec<&str> {
    plan.units
        .iter()
        .filter(|u| u.level == 1)
        .map(|u| u.name.as_str())
        .collect()
}

fn unit_name<'a>(plan: &'a Plan, id: &str) -> &'a str {
    plan.unit(id).map_or("?", |u| u.name.as_str())
}

/// An objective by its unit's name, the other units' names, title and scores.
type Named = (String, Vec<String>, String, Vec<Option<Dec>>);

/// Every objective, named, sorted.
fn objectives_by_name(plan: &Plan) -> Vec<Named> {
    let mut out: Vec<_> = plan
        .objectives
        .iter()
        .map(|o| {
            let also = o
                .also
                .iter()
                .map(|u| unit_name(plan, u).to_string())
                .collect();
            (
                unit_name(plan, &o.unit).to_string(),
                also,
                o.title.clone(),
                o.scores.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Each unit's average by name.
fn averages(plan: &Plan) -> BTreeMap<String, Option<Dec>> {
    let results = compute(plan);
    plan.units
        .iter()
        .zip(&results.units)
        .map(|(u, r)| (u.name.clone(), r.own.stats.average))
        .collect()
}

#[test]
fn inside_the_whole_peg_the_year_is_the_tables_not_an_earlier_one() {
    // The PEG's text speaks of a method in force "dall'anno 2014" long
    // before the table's title says 2024.
    let mut text =
        b"Piano dettagliato degli obiettivi: a decorrere dall'anno 2014 vige una nuova metodologia.\n\n"
            .to_vec();
    text.extend(fixture());
    let table = como_table::read(&text).expect("the table reads inside the text");
    assert_eq!(table.year, Some(2024));
}

#[test]
fn seventeen_settori_fifty_objectives_three_shared() {
    let table = table();
    assert_eq!(table.year, Some(2024));
    assert_eq!(
        table.areas,
        [
            "Area Amministrativa",
            "Area Servizi al cittadino",
            "Area Territorio",
            "Area Economica"
        ]
    );
    assert_eq!(table.settori(), 17);
    assert_eq!(
        table.objective_counts(),
        (53, 3),
        "as printed: Settore 8's three objectives twice"
    );

    let plan = table.plan(&[DuplicateChoice::KeepFirst]);
    assert_eq!(settori(&plan).len(), 17);
    assert_eq!(plan.units.iter().filter(|u| u.level == 0).count(), 4);
    assert_eq!(
        plan.objectives.iter().filter(|o| !o.is_shared()).count(),
        50
    );
    let shared: Vec<(&str, Vec<&str>)> = plan
        .objectives
        .iter()
        .filter(|o| o.is_shared())
        .map(|o| {
            (
                o.title.as_str(),
                std::iter::once(&o.unit)
                    .chain(&o.also)
                    .map(|u| unit_name(&plan, u))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(shared.len(), 3);
    assert_eq!(shared[0].0, "Eventi in Sicurezza");
    assert_eq!(
        shared[0].1,
        [
            "SETTORE 3: COMMERCIO - SUAP - SUEVCO - PATRIMONIO",
            "SETTORE 6: PNRR - URP E COMUNICAZIONE - ARCHIVIO E PROTOCOLLO - SMART CITY - SERVIZI AMMINISTRATIVI CIMITERIALI",
            "SETTORE 7: CULTURA - MUSEI - BIBLIOTECA - TURISMO - SPORT",
            "SETTORE: POLIZIA LOCALE E PROTEZIONE CIVILE",
        ]
    );
    assert_eq!(
        shared[1].0,
        "CoMmUnity: I MUSEI CIVICI PER LO SVILUPPO DELLA COMUNITA'"
    );
    assert_eq!(shared[1].1.len(), 2);
    assert!(shared[1].1[1].starts_with("SETTORE 9:"));
    assert!(shared[2]
        .0
        .ends_with("A BENEFICIO DEL PERSONALE DIPENDENTE E DELL'UTENZA ESTERNA"));
    assert!(shared[2].1[0].starts_with("SETTORE 5:") && shared[2].1[1].starts_with("SETTORE 15:"));
}

#[test]
fn the_plan_is_the_example_plan() {
    let plan = table().plan(&[DuplicateChoice::KeepFirst]);
    let example = example();
    assert_eq!(settori(&plan), settori(&example));
    assert_eq!(
        objectives_by_name(&plan),
        objectives_by_name(&example),
        "same units, titles and scores"
    );
    assert_eq!(averages(&plan), averages(&example));
    for unit in &plan.units {
        let parent = |p: &Plan, u: &str| {
            p.units
                .iter()
                .find(|x| x.name == u)
                .and_then(|x| x.parent.clone())
                .map(|id| unit_name(p, &id).to_string())
        };
        assert_eq!(
            parent(&plan, &unit.name),
            parent(&example, &unit.name),
            "area of {}",
            unit.name
        );
    }
    let errors: Vec<_> = validate(&plan)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // And it saves as a Pesatura file.
    assert_eq!(json::load(json::save(&plan).as_bytes()).unwrap(), plan);
}

#[test]
fn only_settore_3_disagrees_because_of_its_empty_row() {
    let table = table();
    assert_eq!(
        table.averages_checked, 18,
        "17 settori, Settore 8 printed twice"
    );
    assert_eq!(table.disagreements.len(), 1);
    let settore_3 = &table.disagreements[0];
    assert_eq!(
        settore_3.unit,
        "SETTORE 3: COMMERCIO - SUAP - SUEVCO - PATRIMONIO"
    );
    assert_eq!(format_it(settore_3.published, 2), "17,67");
    assert_eq!(format_it(settore_3.recomputed, 2), "26,50");
    assert_eq!(settore_3.line, 25);
    assert_eq!(settore_3.empty_rows, [24]);
    assert!(settore_3.explained_by_empty_rows);
    assert_eq!(
        settore_3.to_string(),
        "SETTORE 3: COMMERCIO - SUAP - SUEVCO - PATRIMONIO: media pubblicata 17,67, ricalcolata 26,50 (riga 25). \
         La media pubblicata conta anche la riga vuota (riga 24), che non è un obiettivo."
    );
}

#[test]
fn the_table_is_found_after_pages_of_prose() {
    // The whole published document: prose full of commas before the table.
    let mut document =
        "Il Piano, approvato dalla Giunta, assegna obiettivi, indicatori e pesi.\n".repeat(80);
    document.push_str(&String::from_utf8(fixture()).unwrap());
    let table = como_table::read(document.as_bytes()).expect("the table inside the document reads");
    assert_eq!(table.settori(), 17);
    assert_eq!(table.disagreements.len(), 1);
    assert_eq!(format_it(table.disagreements[0].recomputed, 2), "26,50");
}

#[test]
fn the_empty_row_is_a_note_not_an_objective() {
    let table = table();
    assert_eq!(table.notes.len(), 1, "{:?}", table.notes);
    assert_eq!(table.notes[0].line, 24);
    assert!(
        table.notes[0]
            .message
            .starts_with("riga vuota con totale 0"),
        "{}",
        table.notes[0]
    );
    let plan = table.plan(&[DuplicateChoice::KeepFirst]);
    let s3 = plan
        .units
        .iter()
        .position(|u| u.name.starts_with("SETTORE 3:"))
        .unwrap();
    assert_eq!(compute(&plan).units[s3].own.members.len(), 2);
    assert!(plan.objectives.iter().all(|o| !o.title.is_empty()));
}

#[test]
fn every_published_total_is_the_sum_of_its_scores() {
    assert!(
        table().total_mismatches.is_empty(),
        "{:?}",
        table().total_mismatches
    );
    // A misprinted total is caught, with its line.
    let text = String::from_utf8(fixture())
        .unwrap()
        .replace("\t4\t7\t2\t5\t18", "\t4\t7\t2\t5\t19");
    let table = como_table::read(text.as_bytes()).unwrap();
    assert_eq!(table.total_mismatches.len(), 1);
    assert_eq!(table.total_mismatches[0].line, 10);
    assert_eq!(
        table.total_mismatches[0].to_string(),
        "Riga 10 («COMMITTENZA AUSILIARIA»): totale pubblicato 19, somma dei punteggi 18."
    );
}

#[test]
fn the_duplicate_settore_8_block_is_a_question() {
    let table = table();
    assert_eq!(table.duplicates.len(), 1);
    let duplicate = &table.duplicates[0];
    assert_eq!(duplicate.first.line, 42);
    assert_eq!(
        duplicate.first.area.as_deref(),
        Some("Area Servizi al cittadino")
    );
    assert_eq!(duplicate.second.line, 51);
    assert_eq!(duplicate.second.area.as_deref(), Some("Area Territorio"));
    assert_eq!(
        duplicate.second.name,
        "SETTORE 8: SERVIZI PUBBLICI LOCALI A RETE IGIENE URBANA"
    );
    assert!(duplicate.same_objectives);
    assert!(
        duplicate
            .to_string()
            .ends_with("con gli stessi obiettivi e punteggi. Quale tenere?"),
        "{duplicate}"
    );

    let area_of_8 = |plan: &Plan| {
        let s8: Vec<_> = plan
            .units
            .iter()
            .filter(|u| u.name.starts_with("SETTORE 8"))
            .collect();
        s8.iter()
            .map(|u| unit_name(plan, u.parent.as_deref().unwrap()).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        area_of_8(&table.plan(&[DuplicateChoice::KeepFirst])),
        ["Area Servizi al cittadino"]
    );
    assert_eq!(
        area_of_8(&table.plan(&[DuplicateChoice::KeepSecond])),
        ["Area Territorio"]
    );
    let both = table.plan(&[DuplicateChoice::KeepBoth]);
    assert_eq!(
        area_of_8(&both),
        ["Area Servizi al cittadino", "Area Territorio"]
    );
    assert_eq!(settori(&both).len(), 18);
    assert_eq!(
        both.objectives.iter().filter(|o| !o.is_shared()).count(),
        53
    );
    assert_eq!(
        table.plan(&[]),
        both,
        "unanswered, nothing published is dropped"
    );
    let ids: std::collections::HashSet<&str> = both.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids.len(), both.units.len(), "unit ids stay unique");
}

#[test]
fn headings_place_settori_outside_the_areas() {
    let plan = table().plan(&[DuplicateChoice::KeepFirst]);
    let outside: Vec<&str> = plan
        .units
        .iter()
        .filter(|u| u.level == 1 && u.parent.is_none())
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(
        outside,
        [
            "SETTORE: POLIZIA LOCALE E PROTEZIONE CIVILE",
            "SETTORE: AVVOCATURA COMUNALE"
        ]
    );
    assert!(
        plan.objectives
            .iter()
            .all(|o| !o.title.contains('<') && !o.title.contains("INTERSETTORIALE")),
        "tags gone"
    );
    assert!(
        plan.objectives
            .iter()
            .filter(|o| o.is_shared())
            .all(|o| !o.title.ends_with(['-', ' '])),
        "the dash before the tag gone"
    );
    let eventi = plan
        .objectives
        .iter()
        .find(|o| o.title == "Eventi in Sicurezza")
        .unwrap();
    assert_eq!(
        eventi.description.as_deref(),
        Some("INTERSETTORIALE SETT. 3, 6, 7 E PL")
    );
}

#[test]
fn a_csv_saved_from_the_table_in_windows_1252_reads_the_same() {
    let text = String::from_utf8(fixture()).unwrap();
    assert!(!text.contains(';'));
    let saved: Vec<u8> = text
        .replace('\t', ";")
        .chars()
        .map(|c| match c {
            'à' => 0xE0,
            'ù' => 0xF9,
            '–' => 0x96,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} not in this test's table"),
        })
        .collect();
    let from_csv = como_table::read(&saved).unwrap();
    let published = table();
    assert_eq!(
        from_csv.plan(&[DuplicateChoice::KeepFirst]),
        published.plan(&[DuplicateChoice::KeepFirst])
    );
    assert_eq!(from_csv.disagreements, published.disagreements);
}

#[test]
fn what_the_table_does_not_say_is_noted() {
    let text = String::from_utf8(fixture())
        .unwrap()
        .replace("SETT. 7 E 9", "SETT. 7 E 99")
        .replace("\t5\t6\t3\t8\t22\n", "\t5\tsei\t3\t8\t22\n")
        .replace("DA 0 A 15 PT", "DA 0 A 20 PT");
    let table = como_table::read(text.as_bytes()).unwrap();
    let notes: Vec<String> = table.notes.iter().map(ToString::to_string).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("«99» non corrisponde a nessun settore")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Riga 55:") && n.contains("«sei» non è un numero")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("da 0 a 20 punti, la griglia di Como da 0 a 15")),
        "{notes:#?}"
    );
    // The unreadable score leaves the objective incomplete: its total no longer adds up.
    assert_eq!(table.total_mismatches.len(), 1);
    assert_eq!(table.total_mismatches[0].sum, None);
    // CoMmUnity keeps Settore 7 alone: no longer shared.
    let plan = table.plan(&[DuplicateChoice::KeepFirst]);
    assert_eq!(plan.objectives.iter().filter(|o| o.is_shared()).count(), 2);
}

#[test]
fn text_that_is_not_the_table_is_refused() {
    let error =
        como_table::read("Relazione sulla performance\n\nNessuna tabella qui.\n".as_bytes())
            .unwrap_err();
    assert!(
        error.to_string().contains("non trovo la tabella"),
        "{error}"
    );
}

#[test]
fn the_areas_listed_in_the_prose_are_the_tables_areas_not_more() {
    // Section 2 of the published document lists the settori under their
    // areas, in capitals, before the table of section 3.2.
    let mut document = String::from(
        "2 - PIANO ESECUTIVO DI GESTIONE 2024\n\n\
         Denominazioni settori alla data del 01/01/2024\n\n\
         SETTORE POLIZIA LOCALE E PROTEZIONE CIVILE\n\nSETTORE AVVOCATURA\n\n\
         AREA AMMINISTRATIVA\n\nSETTORE 1: AFFARI GENERALI – CENTRALE AFFIDAMENTI E CONTRATTI\n\n\
         AREA SERVIZI AL CITTADINO\n\nSETTORE 3: COMMERCIO – SUAP – SUEVCO - PATRIMONIO\n\n\
         AREA TERRITORIO\n\nAREA ECONOMICA\n\nAREA DEI SERVIZI SOPPRESSI\n\n\
         3 - PIANO DEGLI OBIETTIVI 2024\n\n",
    );
    document.push_str(&String::from_utf8(fixture()).unwrap());
    let table = como_table::read(document.as_bytes()).expect("the whole document reads");
    assert_eq!(
        table.areas,
        self::table().areas,
        "the table's four areas, spelled as above the tables"
    );
    assert_eq!(table.settori(), 17);
    let plan = table.plan(&[]);
    let from_fixture = self::table().plan(&[]);
    let names = |p: &Plan| {
        p.units
            .iter()
            .map(|u| (u.name.clone(), u.parent.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&plan), names(&from_fixture));
    assert_eq!(averages(&plan), averages(&from_fixture));
}

#[test]
fn the_table_ends_where_the_next_section_of_the_document_begins() {
    // In the whole document, section 3.3 follows the tables: the
    // Segretario generale's objectives, under a header of their own.
    let mut document = String::from("3.2 PERFORMANCE INDIVIDUALE\n\n");
    document.push_str(&String::from_utf8(fixture()).unwrap());
    document.push_str(
        "\n3.3 PERFORMANCE DEL SEGRETARIO GENERALE\n\n\
         Di seguito si elencano gli obiettivi assegnati al Segretario Generale\n\n\
         Nr. progressivo\tTITOLO\n\
         1\tRegolamentazione e monitoraggio della attività extraistituzionale\n\
         2\tRegolamentazione dei corrispettivi da versare al Comune\n",
    );
    let whole = como_table::read(document.as_bytes()).expect("the whole document reads");
    let alone = table();
    let notes = |t: &ComoTable| {
        t.notes
            .iter()
            .map(|n| n.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        notes(&whole),
        notes(&alone),
        "no note on the lines of section 3.3"
    );
    assert_eq!(whole.settori(), alone.settori());
    assert_eq!(averages(&whole.plan(&[])), averages(&alone.plan(&[])));

    // Sub-sections of the table's own section are still read.
    let mut nested = String::from("3.2 PERFORMANCE INDIVIDUALE\n\n");
    let text = String::from_utf8(fixture()).unwrap();
    let (first, rest) = text.split_at(text.find("Obiettivi comuni").unwrap());
    nested.push_str(first);
    nested.push_str("\n3.2.1 Obiettivi intersettoriali\n\n");
    nested.push_str(rest);
    let nested = como_table::read(nested.as_bytes()).unwrap();
    assert_eq!(averages(&nested.plan(&[])), averages(&alone.plan(&[])));
    assert_eq!(notes(&nested), notes(&alone));
}
