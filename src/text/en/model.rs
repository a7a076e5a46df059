use crate::text::ModelTexts;

pub const MODEL: ModelTexts = ModelTexts {
    severity_error: "Error",
    severity_warning: "Warning",
    severity_info: "Note",
};
