//! Messages of the file readers and writers: JSON, CSV, the Como table, XLSX.

use super::texts;

texts! {
    IoTexts {
        // several readers
        file_empty,
        /// `{limit}`: the largest size accepted, in MB.
        file_too_large,

        // json.rs
        /// `{message}`: what is wrong.
        json_invalid,
        /// `{message}`: what is wrong; `{place}`: where, as the `json_place_*` texts, separated by commas.
        json_invalid_at,
        /// `{field}`: the path of a field, as `objectives[2].scores.complessita`.
        json_place_field,
        /// `{line}`, `{column}`.
        json_place_line_column,
        /// `{line}`.
        json_place_line,
        json_achievement_incomplete,
        /// `{size}`, `{limit}`: in MB.
        json_too_large,
        json_utf16,
        json_not_utf8,
        json_binary,
        /// `{import}`: the label of the command that imports objectives.
        json_is_spreadsheet,
        /// `{import}`: the label of the command that imports objectives.
        json_is_table,
        /// No placeholder: `{ … }` is written as it is.
        json_list_not_object,
        /// No placeholder: `{ … }` is written as it is.
        json_single_value,
        json_no_schema_version,
        /// `{value}`: the value in the file, as JSON.
        json_schema_version_not_integer,
        /// `{version}`: the file's; `{supported}`: the newest this build reads.
        json_newer_version,
        /// No placeholder: `{ … }` is written as it is.
        json_migrate_not_object,
        /// `{version}`.
        json_unknown_version,
        json_no_levels,
        json_no_criteria,
        json_criterion_no_id,
        /// `{id}`.
        json_criterion_twice,
        json_no_min,
        json_no_max,
        json_min_above_max,
        json_step_not_positive,
        json_levels_missing,
        json_levels_empty,
        json_levels_same,
        /// `{id}`.
        json_type_twice,
        json_factor_not_positive,
        json_unit_no_id,
        /// `{id}`.
        json_unit_id_twice,
        /// `{level}`: the unit's; `{levels}`: how many the ente has; `{last}`: the highest.
        json_level_missing,
        /// `{unit}`: its id.
        json_parent_missing,
        /// `{unit}`: the id of a unit whose chain of parents comes back to it.
        json_parent_loop,
        json_objective_no_id,
        /// `{id}`.
        json_objective_id_twice,
        /// `{unit}`: its id.
        json_unit_missing,
        /// `{id}`.
        json_criterion_not_in_grid,
        /// `{value}`: the text in the file; `{levels}`: the levels' names, separated by commas.
        json_not_a_level,
        /// `{value}`: the value in the file, as JSON.
        json_weight_invalid,
        json_bands_inverted,
        /// `{value}`: the number in the file.
        json_number_not_allowed,
        json_eof,
        /// `{detail}`: what the parser found, as one of the texts below.
        json_syntax,
        /// `{detail}`: the parser's words.
        json_read_error,
        /// `{field}`: its name.
        json_missing_field,
        /// `{found}`, `{expected}`: as the `json_kind_*` texts.
        json_invalid_type,
        /// `{found}`, `{expected}`: as the `json_kind_*` texts.
        json_invalid_value,
        /// `{value}`; `{allowed}`: the allowed values, separated by commas.
        json_unknown_variant,
        /// `{detail}`: the parser's words.
        json_invalid_length,
        json_expected_value,
        json_expected_comma_or_brace,
        json_expected_comma_or_bracket,
        json_expected_colon,
        json_key_not_string,
        json_trailing_characters,
        json_trailing_comma,
        /// `{close}`: the `}` or `]` after the comma.
        json_comma_before_close,
        /// `{comma}`: the number as written, as `4,5`; `{point}`: as JSON wants it, `4.5`.
        json_decimal_comma,
        json_number_out_of_range,
        json_invalid_number,
        json_expected_ident,
        json_eof_while_parsing,
        json_control_character,
        json_invalid_escape,
        json_invalid_unicode,
        json_recursion_limit,
        /// `{text}`: the text found, in quotes.
        json_kind_text,
        /// `{number}`: the number found.
        json_kind_number_value,
        /// `{value}`: true or false.
        json_kind_boolean_value,
        /// No placeholder: `{ … }` is written as it is.
        json_kind_object,
        json_kind_list,
        json_kind_number,
        json_kind_integer,
        json_kind_unsigned,
        json_kind_string,
        json_kind_boolean,

        // csv.rs
        /// `{message}`: why.
        csv_refused,
        /// `{message}`: why; `{line}`.
        csv_refused_at_line,
        /// Cells pasted rather than a file: `{message}`.
        csv_pasted_refused,
        /// `{message}`, `{line}`: the line among the cells.
        csv_pasted_refused_at_line,
        separator_semicolon,
        separator_comma,
        separator_tab,
        csv_unreadable,

        // csv/text.rs
        encoding_utf8_bom,
        /// The way out, ending the `csv_*` texts with `{way_out}`.
        csv_save_as_csv,
        /// `{way_out}`: `csv_save_as_csv`.
        csv_utf16,
        /// `{way_out}`: `csv_save_as_csv`.
        csv_spreadsheet,
        /// `{open}`: the label of the command that opens a plan.
        csv_is_plan,
        /// `{way_out}`: `csv_save_as_csv`.
        csv_looks_utf16,
        /// `{way_out}`: `csv_save_as_csv`.
        csv_nul,
        csv_bad_bom,

        // csv/import.rs
        /// `{line}`; `{reasons}`: the reasons, separated by semicolons.
        csv_rejected_row,
        /// `{line}`; `{title}`: the row's title; `{reasons}`: the reasons, separated by semicolons.
        csv_rejected_row_titled,
        /// `{column}`: its header; `{message}`: the reason.
        csv_reason_in_column,
        /// `{unit}`: its id.
        csv_import_unit_missing,
        /// `{levels}`: the plan's level names, separated by commas.
        csv_no_unit_column,
        csv_no_header,
        /// `{cells}`: the row's; `{header_line}`; `{width}`: the header's.
        csv_row_width_one,
        /// `{end}`: the last line a field with an unclosed quote runs to.
        csv_quote_not_closed,
        /// `{cells}`: the row's; `{header_line}`; `{width}`: the header's.
        csv_row_width_many,
        csv_title_empty,
        csv_row_not_objective,
        /// `{line}`: where it was first read.
        csv_shared_read_before,
        csv_no_unit_above,
        /// `{reason}`: why that row's unit was refused; `{line}`: that row's.
        csv_unit_from_row,
        /// `{unit}`: as written in the file.
        csv_unit_not_in_plan,
        /// `{unit}`: as written in the file.
        csv_unit_ambiguous,
        /// `{kind}`: as written in the file; `{types}`: the grid's, separated by commas.
        csv_type_not_in_grid,
        /// A row with both an achievement in percent and an indicator.
        csv_achievement_and_indicator,
        /// `{text}`: the direction as written.
        csv_direction_unknown,

        // como_table.rs
        como_no_table,

        // como_table/report.rs
        /// `{line}`; `{message}`: the note.
        como_note,
        como_sum_incomplete,
        /// `{line}`; `{title}`; `{published}`; `{sum}`: a number or `como_sum_incomplete`.
        como_total_mismatch,
        /// `{unit}`; `{published}`; `{recomputed}`; `{line}`.
        como_average_disagreement,
        /// `{lines}`: separated by commas. Follows `como_average_disagreement`.
        como_average_empty_rows,
        /// `{area}`: the area heading; `{line}`.
        como_place_area,
        /// `{line}`.
        como_place_outside,
        /// `{name}`: the settore; `{first}`, `{second}`: as `como_place_*`.
        como_duplicate_same,
        /// `{name}`: the settore; `{first}`, `{second}`: as `como_place_*`.
        como_duplicate_different,
        como_keep_first,
        como_keep_second,
        como_keep_both,
        /// `{token}`: as the title names it, in capitals.
        como_shared_unit_unknown,

        // como_table/rows.rs
        /// `{column}`: its header.
        como_column_ignored,
        /// `{criterion}`: its name.
        como_criterion_column_missing,
        /// `{criterion}`; `{min}`, `{max}`: the table's; `{grid_min}`, `{grid_max}`: the grid's.
        como_range_differs,
        /// `{number}`: as written in the file.
        como_lone_number,
        /// `{text}`: the cell; `{problem}`: what is wrong with the number ("is not a number").
        como_row_number_bad,
        /// `{text}`: the cell; `{problem}`: what is wrong with the number ("is not a number").
        como_total_bad,
        como_untitled,
        /// `{title}`.
        como_outside_settore,
        /// `{criterion}`: its name; `{problem}`: what is wrong with the score.
        como_score_problem,
        /// `{criterion}`: its name; `{text}`: the cell; `{problem}`: what is wrong with the number ("is not a number").
        como_score_unreadable,
        /// `{title}`.
        como_shared_no_units,
        /// `{unit}`: the settore.
        como_empty_row,
        /// `{total}`; `{unit}`: the settore.
        como_lone_total,

        // xlsx.rs
        xlsx_old_format,
        xlsx_not_xlsx,
        /// `{sheet}`: its name.
        xlsx_sheet_empty,

        // xlsx/import.rs
        xlsx_damaged,
        xlsx_no_sheets,

        // xlsx/export.rs
        /// `{detail}`: the writer's words.
        xlsx_write_failed,

        // bin/xlsx_worker.rs
        /// `{error}`: why.
        xlsx_worker_plan_unreadable,
        /// `{request}`: its kind.
        xlsx_worker_unknown_request,

        // app/xlsx.rs
        xlsx_not_loaded,
        xlsx_stopped,
        /// `{detail}`: the browser's words.
        xlsx_not_passed,
        xlsx_no_file_back,
        xlsx_no_rows_back,
    }
}
