use crate::text::AppTexts;

pub const APP: AppTexts = AppTexts {
    skip_to_content: "Skip to content",
    brand_sub: "Weighting the objectives of the PEG",
    footer: "Pesatura runs entirely in the browser: your data never leave this computer.",
    autosave_off: "Autosave is not available in this browser: save often with “Save”.",
    leave_warning: "Unsaved changes will be lost.",
    language: "Language",
};
