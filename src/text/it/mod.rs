//! The Italian texts: the default language of the interface.

mod app;
mod io;
mod model;
mod panels;

use super::Texts;

pub static TEXTS: Texts = Texts {
    app: app::APP,
    panels: panels::PANELS,
    model: model::MODEL,
    io: io::IO,
};
