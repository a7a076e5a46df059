//! The shape of a catalogue: one struct of texts per part of the program,
//! each filled once per language (`it/`, `en/`). A text missing from a
//! language is a compile error; placeholders are checked by a test.

mod app;
mod io;
mod model;
mod panels;

pub use app::AppTexts;
pub use io::IoTexts;
pub use model::ModelTexts;
pub use panels::PanelTexts;

/// Declares a struct of `&'static str` texts and lists them for the tests.
macro_rules! texts {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident,)* }) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: &'static str,)*
        }

        impl $name {
            /// Every text with its name, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}
pub(crate) use texts;

/// All the texts of one language.
pub struct Texts {
    /// The page's frame, the toolbar, files, notices, autosave, undo.
    pub app: AppTexts,
    /// The panels: header, grid, units and objectives, summary, findings,
    /// charts, review, results, sensitivity.
    pub panels: PanelTexts,
    /// The model's sentences: findings, descriptions of grids and rules.
    pub model: ModelTexts,
    /// The file readers' and writers' messages.
    pub io: IoTexts,
}

impl Texts {
    pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
        let mut all = self.app.entries();
        all.extend(self.panels.entries());
        all.extend(self.model.entries());
        all.extend(self.io.entries());
        all
    }
}
