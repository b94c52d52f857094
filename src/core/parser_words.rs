//! The file parser's (serde's) English messages about a file's shape, said in the reader's
//! language: "unknown field `chu_tri`, expected one of `chair`, …" becomes "khóa `chu_tri` không
//! có trong bảng này; các khóa hợp lệ: `chair`, …; có phải `chair`?". The keys stay as the
//! file writes them; the words around them are translated.

use crate::core::lang::Lang;

/// The parser's message about a file's keys or types (E002), in `lang`, with the nearest
/// known key suggested for an unknown one.
pub fn shape(parser: &str, lang: Lang) -> String {
    let quoted = backticked(parser);
    let first = quoted.first().cloned().unwrap_or_default();
    let known = quoted.get(1..).unwrap_or_default();
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let nearest = nearest(&first, known);
    let suggest = |text: String| match &nearest {
        Some(k) => format!("{text}; {} `{k}`?", lang.pick("có phải", "did you mean")),
        None => text,
    };
    if parser.starts_with("unknown field") {
        let text = match (lang, known.is_empty()) {
            (Lang::Vi, false) => {
                format!("khóa `{first}` không có trong bảng này; các khóa hợp lệ: {list}")
            }
            (Lang::Vi, true) => {
                format!("khóa `{first}` không có trong bảng này; bảng không nhận khóa nào")
            }
            (Lang::En, _) => parser.to_owned(),
        };
        return suggest(text);
    }
    if parser.starts_with("unknown variant") {
        let text = match lang {
            Lang::Vi => format!("giá trị `{first}` không hợp lệ; các giá trị hợp lệ: {list}"),
            Lang::En => parser.to_owned(),
        };
        return suggest(text);
    }
    match lang {
        Lang::En => parser.to_owned(),
        Lang::Vi => vietnamese(parser, &first),
    }
}

/// A message of the file parser that may be about the file's syntax or its keys and types (a
/// rubric's R001), in `lang`.
pub fn any(parser: &str, lang: Lang) -> String {
    const SHAPE: [&str; 6] = [
        "unknown field",
        "unknown variant",
        "missing field",
        "duplicate field",
        "invalid type",
        "invalid value:",
    ];
    if SHAPE.iter().any(|s| parser.starts_with(s)) {
        shape(parser, lang)
    } else {
        syntax(parser, lang)
    }
}

/// The TOML parser's message about a file that is not TOML (E001), in `lang`: the parser's
/// words for the common slips translated, the quoted characters kept ("thiếu dấu `]`").
pub fn syntax(parser: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return parser.to_owned();
    }
    let (head, expected) = match parser.split_once(", expected ") {
        Some((h, e)) => (h, Some(e)),
        None => (parser, None),
    };
    let head = head.trim();
    let said = SYNTAX
        .iter()
        .find(|(en, _)| head == *en || head.starts_with(&format!("{en}:")))
        .map(|(_, vi)| (*vi).to_owned())
        .or_else(|| {
            head.strip_prefix("invalid ")
                .map(|what| format!("{} không hợp lệ", type_words(what)))
        })
        .unwrap_or_else(|| format!("lỗi cú pháp TOML ({head})"));
    match expected {
        Some(e) => format!("{said}; cần {}", expected_words(e)),
        None => said,
    }
}

/// The TOML parser's words for the common slips, in Vietnamese.
const SYNTAX: [(&str, &str); 30] = [
    (
        "string values must be quoted",
        "chữ phải đặt trong dấu ngoặc kép \"…\"",
    ),
    ("duplicate key", "khóa được ghi hai lần"),
    ("key with no value", "khóa chưa có giá trị"),
    ("missing value for key", "khóa chưa có giá trị"),
    ("missing value", "thiếu giá trị"),
    ("unclosed table", "tên bảng chưa đóng"),
    ("unclosed array table", "tên bảng chưa đóng"),
    ("unclosed array", "danh sách chưa đóng"),
    ("unclosed inline table", "bảng trên một dòng chưa đóng"),
    (
        "missing comma between array elements",
        "thiếu dấu phẩy giữa các phần tử của danh sách",
    ),
    (
        "missing comma between key-value pairs",
        "thiếu dấu phẩy giữa các cặp khóa = giá trị",
    ),
    ("extra comma in array", "thừa dấu phẩy trong danh sách"),
    ("extra comma in inline table", "thừa dấu phẩy trong bảng"),
    ("extra `=`", "thừa dấu `=`"),
    ("extra assignment between key-value pairs", "thừa dấu `=`"),
    (
        "missing assignment between key-value pairs",
        "thiếu dấu `=`",
    ),
    ("invalid key-value pair", "cặp khóa = giá trị không hợp lệ"),
    ("invalid unquoted key", "khóa không hợp lệ"),
    ("invalid key", "khóa không hợp lệ"),
    ("invalid table", "tên bảng không hợp lệ"),
    ("invalid value", "giá trị không hợp lệ"),
    ("unquoted keys cannot be empty", "khóa không được để trống"),
    ("missing opening quote", "thiếu dấu ngoặc kép mở"),
    ("missing table open", "thiếu dấu `[` mở tên bảng"),
    ("missing array opening", "thiếu dấu `[` mở danh sách"),
    ("unexpected content", "có nội dung thừa"),
    ("unexpected key or value", "có khóa hoặc giá trị thừa"),
    (
        "unexpected content between comment and newline",
        "có nội dung thừa sau ghi chú",
    ),
    ("unexpected leading zero", "số không được bắt đầu bằng 0"),
    ("invalid comment character", "ghi chú có ký tự không hợp lệ"),
];

/// What the TOML parser expected, in Vietnamese: quoted characters are kept.
fn expected_words(text: &str) -> String {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("hour between ") {
        return format!("giờ từ {}", rest.replace(" and ", " đến "));
    }
    if let Some(rest) = text.strip_prefix("minute between ") {
        return format!("phút từ {}", rest.replace(" and ", " đến "));
    }
    if let Some(rest) = text.strip_prefix("second between ") {
        return format!("giây từ {}", rest.replace(" and ", " đến "));
    }
    type_words(
        &text
            .replace(" or ", " hoặc ")
            .replace("literal string", "chuỗi"),
    )
}

/// The other messages serde writes, in Vietnamese; one it does not know keeps its English
/// after a Vietnamese lead.
fn vietnamese(parser: &str, first: &str) -> String {
    if parser.starts_with("missing field") {
        return format!("thiếu khóa `{first}`");
    }
    if parser.starts_with("duplicate field") {
        return format!("khóa `{first}` được ghi hai lần");
    }
    for (lead, word) in [
        ("invalid type: ", "sai kiểu"),
        ("invalid value: ", "giá trị không hợp lệ"),
    ] {
        if let Some(rest) = parser.strip_prefix(lead)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return format!(
                "{word}: ghi {}, cần {}",
                type_words(found),
                type_words(expected)
            );
        }
    }
    dates(parser).unwrap_or_else(|| format!("nội dung không hợp lệ ({parser})"))
}

/// The messages of cellbook's own dates and times ([`DateError`]) inside a file, in
/// Vietnamese.
fn dates(parser: &str) -> Option<String> {
    use crate::core::dates::DateError;
    let quoted = parser.split('\'').nth(1).unwrap_or_default().to_owned();
    for e in [
        DateError::Form(quoted.clone()),
        DateError::NoSuchDay(quoted.clone()),
        DateError::OutOfRange(quoted.clone()),
    ] {
        if e.message(Lang::En) == parser {
            return Some(e.message(Lang::Vi));
        }
    }
    if let Some(found) = parser.strip_prefix("expected a date like 2020-07-09, found ") {
        let found = found.trim_end_matches(" (a date has no time part)");
        return Some(format!(
            "cần một ngày như 2020-07-09, không có giờ; tệp ghi {found}"
        ));
    }
    if let Some(found) = parser.strip_prefix("expected a time of day like 14:00:00, found ") {
        return Some(format!(
            "cần một giờ trong ngày như 14:00:00; tệp ghi {found}"
        ));
    }
    if let Some(t) = parser.strip_suffix(" is not a time of day") {
        return Some(format!("{t} không phải là giờ trong ngày"));
    }
    if parser.contains("is not a valid time: write it as HH:MM") {
        return Some(format!(
            "'{quoted}' không phải là giờ: hãy viết GG:PP, ví dụ 14:00"
        ));
    }
    None
}

/// The names of types and values in serde's messages, in Vietnamese.
fn type_words(text: &str) -> String {
    let mut out = text.trim().to_owned();
    for (en, vi) in [
        ("a datetime", "một ngày giờ"),
        ("datetime", "ngày giờ"),
        ("a sequence", "một danh sách"),
        ("sequence", "danh sách"),
        ("a map", "một bảng"),
        ("map", "bảng"),
        ("basic string", "chuỗi"),
        ("literal string", "chuỗi"),
        ("a string", "một chuỗi"),
        ("string", "chuỗi"),
        ("a boolean", "true hoặc false"),
        ("boolean", "giá trị đúng/sai"),
        ("integer", "số nguyên"),
        ("floating point", "số thập phân"),
        ("a float", "một số thập phân"),
        ("float", "số thập phân"),
        ("u32", "số nguyên không âm"),
        ("u16", "số nguyên không âm"),
        ("u8", "số nguyên không âm"),
        ("i64", "số nguyên"),
        ("i32", "số nguyên"),
        ("a date", "một ngày"),
        ("a time", "một giờ"),
        ("date", "ngày"),
        ("time", "giờ"),
        ("struct", "bảng"),
        ("enum", "giá trị"),
    ] {
        if out.contains(en) {
            out = out.replacen(en, vi, 1);
            break;
        }
    }
    out
}

/// The words between backticks, in order.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Keys written as the glossary's Vietnamese words (`chu_tri`, `chủ trì`), and the key each
/// means (docs/glossary.md).
const VIETNAMESE_KEYS: [(&str, &str); 24] = [
    ("chutri", "chair"),
    ("thuky", "minute_taker"),
    ("nguoighibienban", "minute_taker"),
    ("comat", "present"),
    ("dusinhhoat", "present"),
    ("vangcolydo", "excused"),
    ("vangkhonglydo", "unexcused"),
    ("phatbieu", "speakers"),
    ("khachmoi", "guests"),
    ("thoisu", "news"),
    ("dienbien", "minutes"),
    ("bienban", "minutes"),
    ("ketluan", "conclusion"),
    ("bieuquyet", "vote"),
    ("viecduocgiao", "actions"),
    ("batdau", "start"),
    ("ketthuc", "end"),
    ("noidung", "topics"),
    ("chuongtrinh", "topics"),
    ("diadiem", "place"),
    ("thoigian", "time"),
    ("ten", "name"),
    ("vaitro", "role"),
    ("ngonngu", "language"),
];

/// The known key nearest to `word`, when it is near enough to be a slip, or the key a
/// Vietnamese word means.
fn nearest(word: &str, known: &[String]) -> Option<String> {
    let folded: String = crate::core::names::fold(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    if let Some((_, key)) = VIETNAMESE_KEYS
        .iter()
        .find(|(vi, key)| *vi == folded && known.iter().any(|k| k == key))
    {
        return Some((*key).to_owned());
    }
    let plain = |s: &str| s.replace(['_', '-'], "");
    known
        .iter()
        .map(|k| (strsim::osa_distance(&plain(word), &plain(k)), k))
        .min_by_key(|&(d, _)| d)
        .filter(|&(d, k)| d <= (k.chars().count() / 3).max(2))
        .map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_is_named_with_the_known_ones_and_the_nearest() {
        let parser = "unknown field `chiar`, expected one of `chair`, `minute_taker`, `present`";
        assert_eq!(
            shape(parser, Lang::Vi),
            "khóa `chiar` không có trong bảng này; các khóa hợp lệ: `chair`, `minute_taker`, \
             `present`; có phải `chair`?"
        );
        assert_eq!(
            shape(parser, Lang::En),
            format!("{parser}; did you mean `chair`?")
        );
        let vietnamese = "unknown field `chu_tri`, expected `chair` or `present`";
        assert_eq!(
            shape(vietnamese, Lang::Vi),
            "khóa `chu_tri` không có trong bảng này; các khóa hợp lệ: `chair`, `present`; có \
             phải `chair`?"
        );
        let far = "unknown field `xyzzy`, expected `chair` or `present`";
        assert_eq!(
            shape(far, Lang::Vi),
            "khóa `xyzzy` không có trong bảng này; các khóa hợp lệ: `chair`, `present`"
        );
    }

    #[test]
    fn a_rubric_s_parser_message_is_read_either_way() {
        assert_eq!(any("missing field `id`", Lang::Vi), "thiếu khóa `id`");
        assert_eq!(any("duplicate key", Lang::Vi), "khóa được ghi hai lần");
    }

    #[test]
    fn toml_syntax_messages_are_in_vietnamese() {
        assert_eq!(
            syntax("unclosed table, expected `]`", Lang::Vi),
            "tên bảng chưa đóng; cần `]`"
        );
        assert_eq!(
            syntax("invalid basic string, expected `\"`", Lang::Vi),
            "chuỗi không hợp lệ; cần `\"`"
        );
        assert_eq!(
            syntax("invalid time, expected hour between 00 and 23", Lang::Vi),
            "giờ không hợp lệ; cần giờ từ 00 đến 23"
        );
        assert_eq!(syntax("duplicate key", Lang::Vi), "khóa được ghi hai lần");
        assert_eq!(syntax("duplicate key", Lang::En), "duplicate key");
    }

    #[test]
    fn other_messages_are_in_vietnamese() {
        assert_eq!(shape("missing field `name`", Lang::Vi), "thiếu khóa `name`");
        assert_eq!(
            shape("invalid type: string \"x\", expected u32", Lang::Vi),
            "sai kiểu: ghi chuỗi \"x\", cần số nguyên không âm"
        );
        assert_eq!(
            shape(
                "unknown variant `fiar`, expected one of `good`, `fair`",
                Lang::Vi
            ),
            "giá trị `fiar` không hợp lệ; các giá trị hợp lệ: `good`, `fair`; có phải `fair`?"
        );
        assert!(shape("something new", Lang::Vi).starts_with("nội dung không hợp lệ"));
        let date = crate::core::dates::DateError::Form("hôm qua".into());
        assert_eq!(
            shape(&date.message(Lang::En), Lang::Vi),
            date.message(Lang::Vi)
        );
        assert_eq!(shape("something new", Lang::En), "something new");
    }
}
