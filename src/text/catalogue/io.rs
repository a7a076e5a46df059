//! Messages of the file readers and writers: JSON, CSV, the Como table, XLSX.

use super::texts;

texts! {
    IoTexts {
        /// `{line}`, `{column}`, `{reason}`.
        json_syntax,
    }
}
