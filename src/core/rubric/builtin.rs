//! Rubrics compiled into the binary, so a new ledger can rate meetings before anyone writes
//! a rubric file. Their sources are explained in docs/rubrics.md.

const BUILTIN: [(&str, &str); 3] = [
    ("phu-tho-2019", include_str!("builtin/phu-tho-2019.toml")),
    (
        "binh-thuan-2019",
        include_str!("builtin/binh-thuan-2019.toml"),
    ),
    ("hd42-2025", include_str!("builtin/hd42-2025.toml")),
];

/// Every built-in rubric as `(id, TOML source)`; parse the source with
/// [`Rubric::parse`](super::Rubric::parse).
pub fn builtin() -> Vec<(&'static str, &'static str)> {
    BUILTIN.to_vec()
}

/// The TOML source of the built-in rubric `id`.
pub fn find_builtin(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(key, _)| *key == id)
        .map(|(_, src)| *src)
}
