use crate::text::IoTexts;

pub const IO: IoTexts = IoTexts {
    json_syntax: "Line {line}, column {column}: {reason}",
};
