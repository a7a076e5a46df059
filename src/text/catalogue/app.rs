//! Texts of the page's frame: skip link, brand, toolbar, files, notices,
//! autosave, undo and redo, the language switch.

use super::texts;

texts! {
    AppTexts {
        skip_to_content,
        brand_sub,
        footer,
        autosave_off,
        leave_warning,
        /// The label of the group of language buttons.
        language,
    }
}
