//! The English texts.

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
