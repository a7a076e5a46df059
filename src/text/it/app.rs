use crate::text::AppTexts;

pub const APP: AppTexts = AppTexts {
    skip_to_content: "Vai al contenuto",
    brand_sub: "Pesatura degli obiettivi del PEG",
    footer: "Pesatura funziona interamente nel browser: i dati non lasciano questo computer.",
    autosave_off:
        "Salvataggio automatico non disponibile in questo browser: salvare spesso con «Salva».",
    leave_warning: "Le modifiche non salvate andranno perse.",
    language: "Lingua",
};
