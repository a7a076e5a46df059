use crate::text::ModelTexts;

pub const MODEL: ModelTexts = ModelTexts {
    severity_error: "Errore",
    severity_warning: "Avviso",
    severity_info: "Nota",
};
