//! Texts of the page's frame: skip link, brand, toolbar, files, notices,
//! autosave, undo and redo, the language switch, spreadsheets and imports,
//! the comparison, achievements, the printed annex and the crash panel.

use super::texts;

texts! {
    AppTexts {
        // mod.rs
        skip_to_content,
        brand_sub,
        /// The browser tab's title.
        page_title,
        footer,
        autosave_off,
        leave_warning,

        // language.rs
        /// The label of the group of language buttons.
        language,

        // toolbar.rs
        /// Asked before a new plan, the example or another file replaces unsaved changes.
        discard_confirm,
        /// The buttons of a question asked in the page, where the browser does not show its own.
        confirm_yes,
        confirm_no,
        /// Why a save or an export failed, placed in `read_failed` or `excel_failed`.
        download_refused,
        toolbar_label,
        undo_hint,
        undo,
        redo_hint,
        redo,
        new_plan,
        open_file,
        save,
        compare_file,
        print,
        open_example,
        unsaved_hint,
        unsaved_mark,

        // notice.rs
        close_notice_label,
        close_notice,

        // new_plan.rs
        new_plan_heading,
        method,
        new_plan_hint,
        create_plan,
        cancel,

        // add_unit.rs
        /// `{level}`: the level's name as the plan writes it, in lower case.
        unit_name_missing,
        add_unit_heading,
        unit_name,
        unit_level,
        parent_unit,
        no_parent,
        add_unit,

        // spreadsheets.rs
        /// `{name}`: the file's name.
        excel_reading,
        excel_preparing,
        /// `{name}`: the file's name.
        excel_ready,
        /// `{reason}`: why, without a final full stop.
        excel_failed,
        spreadsheets_heading,
        export_csv_excel,
        export_csv_plain,
        export_xlsx,
        import_objectives,
        import_como_table,
        csv_hint,
        excel_hint,
        paste_label,
        paste_unit_label,
        preview,
        /// `{name}`: the file's name.
        import_preview_heading,
        /// `{objectives}`: `import_objectives_*`; `{rejected}`: `import_rejected_*`; `{source}`: `import_from_sheet` or `import_from_text`.
        import_outcome,
        /// `{n}`.
        import_objectives_one,
        /// `{n}`.
        import_objectives_many,
        /// `{n}`.
        import_rejected_one,
        /// `{n}`.
        import_rejected_many,
        /// `{sheet}`: the sheet's name.
        import_from_sheet,
        /// `{encoding}`, `{separator}`.
        import_from_text,
        /// `{columns}`: the criteria, separated by commas.
        missing_columns,
        /// `{columns}`: the columns, separated by commas.
        ignored_columns,
        /// `{columns}`: the criteria without a column, when rows update objectives.
        missing_columns_updating,
        /// `{header}`: a column not read; `{criterion}`: the criterion it looks meant for.
        likely_criterion_column,
        /// In the preview, a score an updated objective keeps (the file has no column for it).
        import_cell_kept,
        /// `{lines}`: the line numbers of rows repeating a shared objective read before.
        import_repeats_one,
        import_repeats_many,
        /// `{lines}`: the file's line numbers, separated by commas.
        import_already_one,
        /// `{lines}`: the file's line numbers, separated by commas.
        import_already_many,
        /// The choice for those rows: its legend and its two answers.
        import_existing_legend,
        import_existing_update,
        import_existing_add,
        /// In the rows' table, what a row does: a column and its two values.
        import_row_outcome,
        import_row_updates,
        import_row_adds,
        /// The table's caption when some rows update objectives.
        rows_caption_updating,
        rejected_rows_heading,
        /// `{unit}`: a unit the file names that the plan lacks, with the higher units its rows name.
        import_missing_units_one,
        /// `{n}`, `{units}`: the units, separated by semicolons.
        import_missing_units_many,
        /// The button that adds them to the plan and reads the file again.
        import_add_units_one,
        /// `{n}`.
        import_add_units_many,
        /// Once chosen: `{unit}`.
        import_adding_units_one,
        /// `{n}`, `{units}`.
        import_adding_units_many,
        /// `{unit}`: a missing unit with no higher unit named.
        import_unit,
        /// `{unit}`: a missing unit; `{above}`: the higher units its rows name, separated by " › ".
        import_unit_under,
        rows_caption,
        column_row,
        /// Also in the comparison and on paper.
        column_unit,
        column_title,
        /// `{n}`.
        import_button_one,
        /// `{n}`.
        import_button_many,
        /// `{n}`: every row updates an objective already there.
        import_button_update_one,
        /// `{n}`.
        import_button_update_many,
        /// `{updated}`, `{added}`: numbers of rows.
        import_button_both,
        /// `{name}`: the file's name.
        como_heading,
        /// `{units}`: `como_units_*`; `{rows}`: `como_rows_*`; `{shared}`: `como_shared_*`; `{averages}`: `como_averages_*`.
        como_outcome,
        /// `{n}`.
        como_units_one,
        /// `{n}`.
        como_units_many,
        /// `{n}`.
        como_rows_one,
        /// `{n}`.
        como_rows_many,
        /// `{n}`.
        como_shared_one,
        /// `{n}`.
        como_shared_many,
        /// `{n}`.
        como_averages_one,
        /// `{n}`.
        como_averages_many,
        como_disagreements_heading,
        como_total_mismatches_heading,
        como_notes_heading,
        open_as_new_plan,
        cancel_import,

        // comparison.rs
        change_added,
        change_removed,
        change_retitled,
        change_moved,
        /// A unit kept under another name.
        change_unit_renamed,
        change_score,
        change_points,
        change_weight,
        /// The Nucleo's review compared: its verdict, a revised value, its note.
        change_verdict,
        change_revised,
        change_note,
        /// In the Before or After column of an objective added or removed.
        change_present,
        /// `{name}`: the other file's name.
        comparison_heading,
        close_comparison,
        no_differences,
        /// `{n}`, `{before}`, `{after}`: the administration's averages.
        comparison_summary_one,
        /// `{n}`, `{before}`, `{after}`: the administration's averages.
        comparison_summary_many,
        /// Said in Verifica, after the summary.
        comparison_validated,
        changes_caption,
        column_what,
        column_where,
        column_before,
        column_after,
        column_difference,
        changed_units_caption,
        /// Under the units' averages: how their difference is taken.
        changed_units_note,

        // print_report.rs
        print_kicker,
        /// `{grid}`: the grid's name; `{formula}`: how a weight is computed; `{date}`: today, as the language writes dates.
        print_method,
        /// `{proposed}`, `{revised}`: the scores.
        print_revised,
        /// `{comment}`: a comment of the Nucleo.
        print_quoted,
        print_review_heading,
        /// `{reviewed}`, `{objectives}`, `{pending}`: counts of objectives.
        print_review_progress,
        /// `{names}`: the reviewers, separated by commas; `{date}`: the last decision's day and time.
        print_reviewed_by,
        print_achievement,
        print_column_objective,
        print_column_outcome,
        print_column_notes,
        sign_place_date,
        sign_head,
        sign_nucleo,

        // achievement.rs
        /// `{label}`: which objective ("obiettivo 2: Titolo").
        achievement_mode_label,
        indicator_higher,
        indicator_lower,
        /// `{label}`: which objective.
        achievement_percent_label,
        target_placeholder,
        actual_placeholder,
        /// `{label}`: which objective.
        target_label,
        /// `{label}`: which objective.
        actual_label,
        /// `{percent}`: what counts after the grid's bands.
        achievement_counts,

        // state.rs
        /// Before the text of an error notice, so that not only the colour says it.
        error_prefix,
        field_minimum,
        field_maximum,
        field_step,
        /// The threshold below which an achievement counts 0 (a field's label).
        field_zero_below,
        /// The threshold from which an achievement counts 100 (a field's label).
        field_full_from,
        /// `{text}`: what was typed.
        year_invalid,
        /// The year field left empty.
        year_missing,
        /// The name of a criterion just added to the grid.
        new_criterion,
        /// The name, in notices, of cells pasted from a spreadsheet.
        pasted_cells,
        /// `{method}`: the method's name.
        notice_new_plan,
        notice_example,
        /// `{name}`: the file's name.
        notice_opened,
        /// `{name}`: the file's name.
        notice_opened_modified,
        /// `{name}`: the file's name; `{error}`: why, a sentence.
        notice_file_refused,
        /// `{error}`: why the pasted cells were refused.
        notice_pasted_refused,
        /// `{name}`: the file's name; `{reason}`: why, without a final full stop.
        notice_read_failed,
        /// `{name}`: the file's name.
        notice_saved,
        /// A grid edit left one objective that had a weight without one.
        notice_grid_lost_weights_one,
        /// `{n}`: how many objectives a grid edit left without the weight they had.
        notice_grid_lost_weights_many,
        /// After a grid edit, objectives that have a weight again.
        notice_grid_weights_back_one,
        /// `{n}`: objectives that have a weight again.
        notice_grid_weights_back_many,
        /// Another tab autosaved its plan over this one's.
        notice_autosaved_elsewhere,
        /// A change of the proposal asked for in Verifica, refused.
        notice_review_locked,
        /// A review decision asked for with no reviewer's name, refused.
        notice_review_unsigned,
        /// An objective just shared with another unit, moved to the shared
        /// table; `{table}`: its title.
        notice_now_shared,
        /// The same where shared objectives count in each of their units.
        notice_now_shared_each,
        /// `{unit}`: the one unit an objective is left with, whose table it goes back to.
        notice_no_longer_shared,
        /// `{name}`: the file's name; one typed value was refused and not saved.
        notice_saved_refused_one,
        /// `{name}`: the file's name; `{n}`: how many typed values were refused.
        notice_saved_refused_many,
        notice_restored,
        /// `{saved_at}`: date and time of the autosave (dd/mm/yyyy hh:mm).
        notice_restored_at,
        /// `{name}`: the other file's name.
        notice_comparing,
        /// `{ente}`, `{year}`: the other file's, when not the plan's.
        comparison_other_ente,
        /// `{name}`: the other file's name; `{error}`: why, a sentence.
        notice_compare_refused,
        /// `{n}`; `{name}`: the file's name.
        notice_imported_one,
        /// `{n}`; `{name}`: the file's name.
        notice_imported_many,
        /// `{n}`; `{name}`: the file's name.
        notice_updated_one,
        /// `{n}`; `{name}`: the file's name.
        notice_updated_many,
        /// `{name}`: the file's name; `{updated}`, `{added}`: numbers of objectives.
        notice_updated_and_added,
        /// `{name}`: the file's name.
        notice_como_opened,
        /// What screen readers hear after a score changes. `{points}`: the objective's total or `announce_incomplete`; `{weight}`: `announce_weight` or nothing; `{average}`: `announce_average` or nothing.
        announce_total,
        announce_incomplete,
        /// `{weight}`: the relative weight.
        announce_weight,
        /// `{unit}`: the unit; `{average}`: its average.
        announce_average,

        // crash.rs
        crash_title,
        crash_body,
        crash_save,
        crash_reload,
        crash_details,
    }
}
