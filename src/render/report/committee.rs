//! `report … --committee FILE`: the higher committee that issues a roll-up. A roll-up is the
//! committee's document, not the first cell's: its header names the committee, its number and
//! symbol are the committee's, and it is signed on the committee's behalf ("T/M ĐẢNG ỦY", the
//! form Hướng dẫn 36-HD/VPTW, Part II point 1.7, sets for a committee's documents). Without the
//! file a roll-up says plainly that it is a compilation ([`super::compilation_note`]).
//!
//! ```toml
//! name = "Đảng ủy Khối Cơ quan tỉnh"
//! parent = "Đảng bộ tỉnh Ninh Thuận"
//! locality = "Phan Rang"
//! symbol = "BC/ĐU"
//! recipients = ["Ban Tổ chức Tỉnh ủy", "Các chi bộ trực thuộc", "Lưu Văn phòng"]
//! signer_title = "BÍ THƯ"
//! signer_name = "Nguyễn Văn An"
//! ```

use serde::Deserialize;

/// The committee file: only `name` is required.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    /// The issuing committee, "Đảng ủy Khối Cơ quan tỉnh".
    pub name: String,
    /// The body above it, on the header's first line.
    #[serde(default)]
    pub parent: Option<String>,
    /// The place of the date line.
    #[serde(default)]
    pub locality: Option<String>,
    /// The symbol after the number: default "BC/ĐU".
    #[serde(default)]
    pub symbol: Option<String>,
    /// The recipients; default: the body above, the cells, the committee's file copy.
    #[serde(default)]
    pub recipients: Option<Vec<String>>,
    /// The signer's title under "T/M ĐẢNG ỦY": default "BÍ THƯ".
    #[serde(default)]
    pub signer_title: Option<String>,
    #[serde(default)]
    pub signer_name: Option<String>,
}

/// The committee file's text read; the error is the TOML parser's, with its line and column.
pub fn parse(text: &str) -> Result<Committee, String> {
    let mut c: Committee = toml::from_str(text).map_err(|e| e.to_string())?;
    let tidy = |s: &mut Option<String>| {
        *s = s
            .take()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
    };
    c.name = c.name.trim().to_owned();
    if c.name.is_empty() {
        return Err("name: the committee's name is empty".to_owned());
    }
    for field in [
        &mut c.parent,
        &mut c.locality,
        &mut c.symbol,
        &mut c.signer_title,
        &mut c.signer_name,
    ] {
        tidy(field);
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_name_is_needed_and_typos_are_caught() {
        let c = parse("name = \" Đảng ủy Khối \"\nsigner_name = \"  \"\n").unwrap();
        assert_eq!(c.name, "Đảng ủy Khối");
        assert_eq!(c.signer_name, None);
        assert!(parse("name = \"X\"\nsigner = \"Y\"\n").is_err());
        assert!(parse("name = \"\"\n").is_err());
        assert!(parse("parent = \"X\"\n").is_err());
    }
}
