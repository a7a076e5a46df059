use crate::text::AppTexts;

pub const APP: AppTexts = AppTexts {
    // mod.rs
    skip_to_content: "Skip to content",
    brand_sub: "Weighting the objectives of the PEG",
    page_title: "Pesatura — weighting the objectives of the PEG",
    footer: "Pesatura runs entirely in the browser: your data never leave this computer.",
    autosave_off: "Autosave is not available in this browser: save often with “Save”.",
    leave_warning: "Unsaved changes will be lost.",

    // language.rs
    language: "Language",

    // toolbar.rs
    discard_confirm: "Unsaved changes will be lost. Continue?",
    confirm_yes: "Yes",
    confirm_no: "No",
    download_refused: "the browser did not allow the file to be downloaded",
    toolbar_label: "File commands",
    undo_hint: "Undo the last change (Ctrl+Z)",
    undo: "Undo",
    redo_hint: "Redo the undone change (Ctrl+Y)",
    redo: "Redo",
    new_plan: "New plan",
    open_file: "Open file…",
    save: "Save",
    compare_file: "Compare with another file…",
    print: "Print",
    open_example: "Example: Comune di Como, PEG 2024",
    unsaved_hint: "There are unsaved changes",
    unsaved_mark: "Unsaved changes",

    // notice.rs
    close_notice_label: "Close the message",
    close_notice: "Close",

    // new_plan.rs
    new_plan_heading: "New plan: choose the weighting method",
    method: "Method",
    new_plan_hint: "Criteria, levels, types and rules can be changed afterwards in “Edit the grid”.",
    create_plan: "Create the plan",
    cancel: "Cancel",

    // add_unit.rs
    unit_name_missing: "Write the name of the new {level}.",
    add_unit_heading: "Add an organisational unit",
    unit_name: "Name",
    unit_level: "Level",
    parent_unit: "Parent unit",
    no_parent: "None (top level)",
    add_unit: "Add",

    // spreadsheets.rs
    excel_reading: "Reading the Excel file “{name}”…",
    excel_preparing: "Preparing the Excel file…",
    excel_ready: "Excel file ready: “{name}”.",
    excel_failed: "The Excel file was not created: {reason}.",
    spreadsheets_heading: "Spreadsheets: import and export",
    export_csv_excel: "Export CSV for Excel",
    export_csv_plain: "Export plain CSV (, and .)",
    export_xlsx: "Download Excel (.xlsx)",
    import_objectives: "Import objectives from CSV or Excel…",
    import_como_table: "Import the Como PEG table…",
    csv_hint: "CSV for Excel: “;” as separator, decimal comma, UTF-8 with BOM, Italian headers. Imports accept “;”, “,” or tab as separator, a decimal comma or point, UTF-8 or Windows-1252; headers are matched to the criteria's names regardless of case and accents.",
    excel_hint: "The Excel file (written in Italian) holds the weighting table with live formulas (total, relative weight, average and, once achievements are entered, weighted score and result), the grid and the findings; an import reads the first sheet. The module for Excel files is loaded on the first export or import.",
    paste_label: "Paste here the cells copied from Excel or LibreOffice (with the header row)",
    paste_unit_label: "Into the unit (if the cells do not name one)",
    preview: "Preview",
    import_preview_heading: "Preview of the import from “{name}”",
    import_outcome: "{objectives}, {rejected} ({source}).",
    import_objectives_one: "{n} objective to import",
    import_objectives_many: "{n} objectives to import",
    import_rejected_one: "{n} row rejected",
    import_rejected_many: "{n} rows rejected",
    import_from_sheet: "Excel workbook, sheet “{sheet}”",
    import_from_text: "encoding {encoding}, separator {separator}",
    missing_columns: "Missing columns (their scores remain to be given): {columns}.",
    ignored_columns: "Columns not read: {columns}.",
    missing_columns_updating: "Missing columns: {columns}. The objectives updated keep the scores they have; the new ones have them to be given.",
    likely_criterion_column: "The column “{header}” was not read: if it is “{criterion}”, correct its name in the file and import it again.",
    import_cell_kept: "unchanged",
    import_repeats_one: "Line {lines} repeats a shared objective already read, the same in every cell (Pesatura writes one under each of its units): it is read once.",
    import_already_one: "Line {lines} has the title of an objective already in its unit.",
    import_already_many: "Lines {lines} have the titles of objectives already in their units.",
    import_existing_legend: "Objectives already in the plan",
    import_existing_update: "Update them with the file's values (title, description, scores, type and assigned weight, where the file has their column; an empty cell empties the value)",
    import_existing_add: "Add them as new objectives (they will be there twice)",
    import_row_outcome: "Outcome",
    import_row_updates: "updates",
    import_row_adds: "new",
    rows_caption_updating: "Objectives that will be updated or added",
    import_repeats_many: "Lines {lines} repeat shared objectives already read, the same in every cell (Pesatura writes one under each of their units): they are read once.",
    rejected_rows_heading: "Rows that will not be imported",
    import_missing_units_one: "The unit {unit} is not in the plan: its rows are among those rejected.",
    import_missing_units_many: "{n} units named in the file are not in the plan: {units}. Their rows are among those rejected.",
    import_add_units_one: "Add the missing unit to the import",
    import_add_units_many: "Add the {n} missing units to the import",
    import_adding_units_one: "The import will add the unit {unit} to the plan.",
    import_adding_units_many: "The import will add {n} units to the plan: {units}.",
    import_unit: "“{unit}”",
    import_unit_under: "“{unit}” (in {above})",
    rows_caption: "Objectives that will be added",
    column_row: "Row",
    column_unit: "Unit",
    column_title: "Title",
    import_button_one: "Import {n} objective",
    import_button_many: "Import {n} objectives",
    import_button_update_one: "Update {n} objective",
    import_button_update_many: "Update {n} objectives",
    import_button_both: "Import: {updated} to update, {added} to add",
    como_heading: "PEG table read from “{name}”",
    como_outcome: "{units}; {rows} and {shared}; {averages}.",
    como_units_one: "{n} unit",
    como_units_many: "{n} units",
    como_rows_one: "{n} objective row in the units' tables (repeated blocks included)",
    como_rows_many: "{n} objective rows in the units' tables (repeated blocks included)",
    como_shared_one: "{n} objective shared by several units",
    como_shared_many: "{n} objectives shared by several units",
    como_averages_one: "{n} published average recomputed",
    como_averages_many: "{n} published averages recomputed",
    como_disagreements_heading: "Published averages that do not add up",
    como_total_mismatches_heading: "Published totals that are not the sum of the scores",
    como_notes_heading: "Rows that are not objectives",
    open_as_new_plan: "Open as a new plan",
    cancel_import: "Cancel the import",

    // comparison.rs
    change_added: "Added",
    change_removed: "Removed",
    change_retitled: "Title changed",
    change_moved: "Moved",
    change_unit_renamed: "Unit renamed",
    change_score: "Score",
    change_points: "Total",
    change_weight: "Relative weight",
    change_verdict: "Review verdict",
    change_revised: "Revised value",
    change_note: "Review note",
    change_present: "present",
    comparison_heading: "Comparison: “{name}” (before) and the plan on screen (after)",
    close_comparison: "Close the comparison",
    no_differences: "No differences.",
    comparison_summary_one: "{n} difference in the objectives; the administration's average {before} → {after}.",
    comparison_summary_many: "{n} differences in the objectives; the administration's average {before} → {after}.",
    comparison_validated: "Totals, relative weights and averages are the validated ones, with the values the Nucleo revised; scores, the proposed ones.",
    changes_caption: "Differences objective by objective",
    column_what: "What",
    column_where: "Where",
    column_before: "Before",
    column_after: "After",
    column_difference: "Difference",
    changed_units_caption: "Averages of the units that changed",
    changed_units_note: "The difference is between the averages as written, each already rounded to two decimals: before plus difference gives after.",

    // print_report.rs
    print_kicker: "Annex — weighting of the objectives",
    print_method: "{grid}: {formula}. Printed on {date}.",
    print_revised: "from {proposed} to {revised}",
    print_quoted: "“{comment}”",
    print_review_heading: "Outcomes of the evaluation body's review",
    print_review_progress: "Objectives reviewed: {reviewed} of {objectives}; still to review: {pending}.",
    print_reviewed_by: "Decisions recorded by {names}; the last on {date}.",
    print_achievement: "Achievement",
    print_column_objective: "Objective",
    print_column_outcome: "Outcome",
    print_column_notes: "Findings and comments",
    sign_place_date: "Place and date ______________________",
    sign_head: "The unit head ______________________",
    sign_nucleo: "The evaluation body ______________________",

    // achievement.rs
    achievement_mode_label: "How achievement is measured, {label}",
    indicator_higher: "indicator ↑",
    indicator_lower: "indicator ↓",
    achievement_percent_label: "Achievement in percent, {label}",
    target_placeholder: "target",
    actual_placeholder: "actual",
    target_label: "Indicator target, {label}",
    actual_label: "Indicator actual value, {label}",
    achievement_counts: "counts {percent}%",

    // state.rs
    error_prefix: "Error:",
    field_minimum: "Minimum",
    field_maximum: "Maximum",
    field_zero_below: "Below this percentage it counts 0",
    field_full_from: "From this percentage it counts 100",
    field_step: "Step",
    year_invalid: "“{text}” is not a valid year: write, for example, 2025.",
    year_missing: "The year is missing: write, for example, 2025.",
    new_criterion: "New criterion",
    pasted_cells: "pasted cells",
    notice_new_plan: "New plan created with the method “{method}”.",
    notice_example: "Opened the example: Comune di Como, PEG 2024.",
    notice_opened: "Opened the file “{name}”.",
    notice_opened_modified: "Opened the file “{name}”. Warning: it was changed outside Pesatura after it was last saved (its checksum does not match its contents); check its values.",
    notice_file_refused: "“{name}”: {error} The plan on screen has not been changed.",
    notice_pasted_refused: "{error} The plan on screen has not been changed.",
    notice_read_failed: "Could not read the file “{name}”: {reason}. The plan on screen has not been changed.",
    notice_saved: "Saved as “{name}”.",
    notice_grid_lost_weights_one: "With the grid changed this way, one objective that had a weight has none (a score not admitted or missing, or its type): it does not count until completed. “Undo” (Ctrl+Z) puts the grid back as it was.",
    notice_grid_weights_back_one: "With the grid changed this way, one objective has a weight again.",
    notice_grid_weights_back_many: "With the grid changed this way, {n} objectives have a weight again.",
    notice_grid_lost_weights_many: "With the grid changed this way, {n} objectives that had a weight have none (scores not admitted or missing, or their type): they do not count until completed. “Undo” (Ctrl+Z) puts the grid back as it was.",
    notice_autosaved_elsewhere: "Pesatura is open in another tab of this browser too, which has just autosaved its plan: autosave keeps only one, the last changed. So as not to lose work, use one tab only or save to a file with “Save”.",
    notice_review_unsigned: "Decision not recorded: the reviewer's name is missing, and every decision records it. Write it in “Reviewer's name”.",
    notice_review_locked: "In Review the proposal stays as the unit head made it: to change it, go back to “Proposal”.",
    notice_now_shared: "The objective is now shared by several units: it is in the table “{table}”.",
    notice_now_shared_each: "The objective is now shared by several units: it is in the table of each, and counts in each.",
    notice_no_longer_shared: "The objective now belongs to “{unit}” only: it is back in its table.",
    notice_saved_refused_one: "Saved as “{name}”, but one field holds a value that was not accepted (in red): the file has the value from before. Correct it and save again.",
    notice_saved_refused_many: "Saved as “{name}”, but {n} fields hold values that were not accepted (in red): the file has the values from before. Correct them and save again.",
    notice_restored: "Restored the work autosaved in this browser.",
    notice_restored_at: "Restored the work autosaved in this browser on {saved_at}.",
    notice_comparing: "Comparing with “{name}”: the differences are at the top of the page.",
    comparison_other_ente: "Note: the other file is the plan of “{ente}” for {year}, not this administration and year. Objectives are paired by their identifier: the differences listed may compare objectives that have nothing in common.",
    notice_compare_refused: "“{name}”: {error} The comparison was not made.",
    notice_imported_one: "Imported {n} objective from “{name}”.",
    notice_imported_many: "Imported {n} objectives from “{name}”.",
    notice_updated_one: "Updated {n} objective from “{name}”.",
    notice_updated_many: "Updated {n} objectives from “{name}”.",
    notice_updated_and_added: "Imported “{name}”: objectives updated {updated}, added {added}.",
    notice_como_opened: "Opened the table “{name}” as a new plan.",
    announce_total: "Objective total: {points}{weight}{average}.",
    announce_incomplete: "incomplete",
    announce_weight: ", relative weight {weight}%",
    announce_average: "; average of {unit}: {average}",

    // crash.rs
    crash_title: "Pesatura stopped because of an internal error",
    crash_body: "The work done so far is not lost: save it with the button below, then reload the page and open the file again. The browser's autosave keeps it as well.",
    crash_save: "Save the plan as it is",
    crash_reload: "Reload the page",
    crash_details: "Details for support",
};

#[cfg(test)]
mod tests {
    use crate::model::decimal::{parse_number, Dec};

    /// A number written the Italian way, whatever the language in use.
    fn dec(text: &str) -> Dec {
        crate::text::with_lang(Lang::It, || parse_number(text).unwrap())
    }
    use crate::text::{fill, number, plural, points, set_lang, t, Lang};

    /// The sentence screen readers hear after a score changes, as the app
    /// puts it together.
    fn announcement() -> String {
        let app = &t().app;
        let weight = fill(
            app.announce_weight,
            &[("weight", &number(dec("34,333"), 2))],
        );
        let average = fill(
            app.announce_average,
            &[
                ("unit", &"SETTORE 1"),
                ("average", &number(dec("1234,5"), 2)),
            ],
        );
        fill(
            app.announce_total,
            &[
                ("points", &points(dec("23,5"))),
                ("weight", &weight),
                ("average", &average),
            ],
        )
    }

    fn imported(n: usize) -> String {
        let app = &t().app;
        fill(
            plural(n, app.notice_imported_one, app.notice_imported_many),
            &[("n", &n), ("name", &"peg.xlsx")],
        )
    }

    #[test]
    fn the_frame_speaks_english_once_switched_and_italian_again_after() {
        set_lang(Lang::En);
        assert_eq!(
            announcement(),
            "Objective total: 23.5, relative weight 34.33%; average of SETTORE 1: 1,234.50."
        );
        assert_eq!(imported(1), "Imported 1 objective from “peg.xlsx”.");
        assert_eq!(imported(53), "Imported 53 objectives from “peg.xlsx”.");
        assert_eq!(
            fill(t().app.year_invalid, &[("text", &"20x5")]),
            "“20x5” is not a valid year: write, for example, 2025."
        );
        assert_eq!(
            t().app.page_title,
            "Pesatura — weighting the objectives of the PEG"
        );

        set_lang(Lang::It);
        assert_eq!(
            announcement(),
            "Totale dell'obiettivo: 23,5, peso relativo 34,33 %; media di SETTORE 1: 1.234,50."
        );
        assert_eq!(imported(53), "Importati 53 obiettivi da «peg.xlsx».");
    }

    #[test]
    fn english_texts_quote_with_english_marks() {
        for (name, text) in super::APP.entries() {
            assert!(
                !text.contains('«') && !text.contains('»'),
                "{name}: Italian quotation marks in English"
            );
        }
    }
}
