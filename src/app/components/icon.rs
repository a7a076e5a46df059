//! Bootstrap Italia's `it-*` icons that the interface uses, drawn inline as
//! SVG: the package's sprite (all of them) is not shipped. The shapes are
//! copied from `bootstrap-italia` 2.18.3 (`src/svg/`, BSD-3-Clause, see
//! `bootstrap-italia/LICENSE` in the build). Every icon is decorative
//! (`aria-hidden`): the control beside it carries the name.

use yew::prelude::*;

/// An icon, by what it stands for in Pesatura.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum It {
    /// `it-plus`: Aggiungi.
    Plus,
    /// `it-delete`: Elimina.
    Delete,
    /// `it-close`: Chiudi.
    Close,
    /// `it-arrow-up`: Sposta su.
    ArrowUp,
    /// `it-arrow-down`: Sposta giù.
    ArrowDown,
    /// `it-restore`: Annulla (and, mirrored, Ripeti).
    Restore,
    /// `it-file`: Nuovo piano.
    File,
    /// `it-folder`: Apri file.
    Folder,
    /// `it-download`: Salva, esporta.
    Download,
    /// `it-upload`: Importa.
    Upload,
    /// `it-files`: Confronta.
    Files,
    /// `it-print`: Stampa.
    Print,
    /// `it-error`: an error.
    Error,
    /// `it-warning-circle`: a warning.
    Warning,
    /// `it-info-circle`: a note.
    Info,
}

/// The icon at the size of the text around it (`.icon` in the stylesheet).
pub fn icon(name: It) -> Html {
    icon_with(name, "")
}

/// The icon with classes of its own, e.g. `icon-flip` (mirrored).
pub fn icon_with(name: It, class: &'static str) -> Html {
    html! {
        <svg class={classes!("icon", class)} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={path(name)} />
        </svg>
    }
}

/// The shape, as SVG path data in a 24 × 24 box (the package's rectangles
/// written as paths).
fn path(name: It) -> &'static str {
    match name {
        It::Plus => "M20,12.5h-7.5V20h-1v-7.5H4v-1h7.5V4h1v7.5H20V12.5z",
        It::Delete => "M15.5,4V3.5C15.5,2.7,14.8,2,14,2h-4C9.2,2,8.5,2.7,8.5,3.5V4H3v1h2v15.5C5,21.3,5.7,22,6.5,22h11c0.8,0,1.5-0.7,1.5-1.5V5 h2V4H15.5z M9.5,3.5C9.5,3.2,9.7,3,10,3h4c0.3,0,0.5,0.2,0.5,0.5V4h-5V3.5z M18,20.5c0,0.3-0.2,0.5-0.5,0.5h-11 C6.2,21,6,20.8,6,20.5V5h12V20.5z M11.5,8h1v10h-1z M8,8h1v10h-1z M15,8h1v10h-1z",
        It::Close => "M12.7,12l3.7,3.6l-0.8,0.8L12,12.7l-3.6,3.7l-0.8-0.8l3.7-3.6L7.6,8.4l0.8-0.8l3.6,3.7l3.6-3.7l0.8,0.8L12.7,12z",
        It::ArrowUp => "M18.6,10.1L12,3.5l-6.6,6.6l0.7,0.7l5.4-5.3V21h1V5.5l5.4,5.3L18.6,10.1z",
        It::ArrowDown => "M17.9,13.2l-5.4,5.3V3h-1v15.5l-5.4-5.3l-0.7,0.7l6.6,6.5l6.6-6.5L17.9,13.2z",
        It::Restore => "M12,2C9.3,2,6.8,3,4.9,4.9C4.6,5.3,4.3,5.6,4,6V2.5H3V8h5.5V7h-4c0.3-0.5,0.7-0.9,1.1-1.4C9.1,2.1,14.8,2,18.3,5.5 s3.6,9.2,0.1,12.7s-9.2,3.6-12.7,0.1C4,16.7,3,14.4,3,12H2c0,5.5,4.5,10,10,10s10-4.5,10-10S17.5,2,12,2z",
        It::File => "M14.7,2H6.5C5.7,2,5,2.7,5,3.5v17C5,21.3,5.7,22,6.5,22h11c0.8,0,1.5-0.7,1.5-1.5V6.3L14.7,2z M15,3.7L17.3,6h-1.8 C15.2,6,15,5.8,15,5.5V3.7z M17.5,21h-11C6.2,21,6,20.8,6,20.5v-17C6,3.2,6.2,3,6.5,3H14v2.5C14,6.3,14.7,7,15.5,7H18v13.5 C18,20.8,17.8,21,17.5,21z M8,9h8v1H8V9z M8,11h8v1H8V11z M8,13h4v1H8V13z",
        It::Folder => "M20,6h-8l-2-2H4C2.9,4,2,4.9,2,6v12c0,1.1,0.9,2,2,2h16c1.1,0,2-0.9,2-2V8C22,6.9,21.1,6,20,6z M21,18 c0.1,0.5-0.3,0.9-0.8,1c-0.1,0-0.1,0-0.2,0H4c-0.5,0.1-0.9-0.3-1-0.8c0-0.1,0-0.1,0-0.2V6C2.9,5.5,3.3,5.1,3.8,5C3.9,5,3.9,5,4,5 h5.6l1.7,1.7L11.6,7H20c0.5-0.1,0.9,0.3,1,0.8c0,0.1,0,0.1,0,0.2V18z M4,8h16v1H4V8z",
        It::Download => "M12,14.2L7.7,9.9l0.7-0.7l3.1,3.1V3h1v9.2l3.1-3l0.7,0.7L12,14.2z M19,12v7.5c0,0.3-0.2,0.5-0.5,0.5h-13 C5.2,20,5,19.8,5,19.5V12H4v7.5C4,20.3,4.7,21,5.5,21h13c0.8,0,1.5-0.7,1.5-1.5V12H19z",
        It::Upload => "M8.4,7.3L7.7,6.6L12,2.3l4.3,4.3l-0.7,0.7l-3.1-3.1v9.3h-1V4.2L8.4,7.3z M19,12v7.5c0,0.3-0.2,0.5-0.5,0.5h-13 C5.2,20,5,19.8,5,19.5V12H4v7.5C4,20.3,4.7,21,5.5,21h13c0.8,0,1.5-0.7,1.5-1.5V12H19z",
        It::Files => "M15.7,2H7.5C6.7,2,6,2.7,6,3.5V4H5.5C4.7,4,4,4.7,4,5.5v15C4,21.3,4.7,22,5.5,22h11c0.8,0,1.5-0.7,1.5-1.5V20h0.5 c0.8,0,1.5-0.7,1.5-1.5V6.3L15.7,2z M16,3.7L18.3,6h-1.8C16.2,6,16,5.8,16,5.5V3.7z M17,20.5c0,0.3-0.2,0.5-0.5,0.5h-11 C5.2,21,5,20.8,5,20.5v-15C5,5.2,5.2,5,5.5,5H6v13.5C6,19.3,6.7,20,7.5,20H17V20.5z M18.5,19h-11C7.2,19,7,18.8,7,18.5v-15 C7,3.2,7.2,3,7.5,3H15v2.5C15,6.3,15.7,7,16.5,7H19v11.5C19,18.8,18.8,19,18.5,19z M9,9h8v1H9V9z M9,11h8v1H9V11z M9,13h4v1H9V13z",
        It::Print => "M21,9.5C21,8.7,20.3,8,19.5,8H17V3H7v5H4.5C3.7,8,3,8.7,3,9.5V16h2v3h2v2h10v-2h2v-3h2V9.5z M8,4h8v4H8V4z M6,18v-4h1v4H6z M16,20H8v-6h8V20z M18,18h-1v-4h1V18z M20,15h-1v-2H5v2H4V9.5C4,9.2,4.2,9,4.5,9h15C19.8,9,20,9.2,20,9.5V15z M6,11h4v1H6V11z",
        It::Error => "M11.5,14.2V5.7h1.2v8.5H11.5z M11.4,18.3h1.2v-1.8h-1.2V18.3z M22,7.9v8.3L16.1,22H7.9L2,16.2V7.9L7.9,2h8.2L22,7.9z M21,8.3L15.7,3H8.3L3,8.3v7.5L8.3,21h7.4l5.3-5.2V8.3z",
        It::Warning => "M12,2C6.5,2,2,6.5,2,12s4.5,10,10,10s10-4.5,10-10S17.5,2,12,2z M12,21c-5,0-9-4-9-9s4-9,9-9s9,4,9,9S17,21,12,21L12,21z M11.5,14.2V5.7h1.2v8.5H11.5z M11.4,16.5h1.2v1.8h-1.2V16.5z",
        It::Info => "M12,2C6.5,2,2,6.5,2,12s4.5,10,10,10s10-4.5,10-10S17.5,2,12,2z M12,21c-5,0-9-4-9-9s4-9,9-9s9,4,9,9S17,21,12,21L12,21z M11.3,6h1.5v2h-1.5V6z M11.3,9h1.5v9h-1.5V9z",
    }
}
