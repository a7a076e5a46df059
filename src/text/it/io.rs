use crate::text::IoTexts;

pub const IO: IoTexts = IoTexts {
    json_syntax: "Riga {line}, colonna {column}: {reason}",
};
