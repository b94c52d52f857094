//! Review schemes compiled into the binary; their sources are explained in docs/reviews.md.

const BUILTIN: [(&str, &str); 1] = [("qd366-2025", include_str!("builtin/qd366-2025.toml"))];

/// The scheme a review uses when none is named.
pub const DEFAULT_SCHEME: &str = "qd366-2025";

/// Every built-in scheme as `(id, TOML source)`.
pub fn builtin() -> Vec<(&'static str, &'static str)> {
    BUILTIN.to_vec()
}

/// The TOML source of the built-in scheme `id`.
pub fn find_builtin(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(key, _)| *key == id)
        .map(|(_, src)| *src)
}
