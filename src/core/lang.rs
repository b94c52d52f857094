//! The two languages cellbook speaks, as a value. The core never asks which language is in
//! use: a function that writes words takes a [`Lang`] and writes both versions at the place
//! they are used (`lang.pick("…", "…")`), so a message can never exist in one language only.

use serde::{Deserialize, Serialize};

/// Output language of a ledger (`[cell] language`), overridable with `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The code written in `cellbook.toml` and accepted by `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The Vietnamese or the English version, whichever this language is.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
