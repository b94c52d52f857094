//! `report --notes FILE`: the report's own words — the secretary's assessment, the shortcomings,
//! the next quarter's directions, the requests to the higher committee — written in Markdown.
//! Each heading of the file's top level is a section of the report, numbered after the figures'
//! own (see [`super::sections::outline`]); a heading one level down is a numbered sub-section
//! ("1.", "2.", as Party documents number under "I."), deeper ones are bold lines. Paragraphs
//! and list items are kept with their emphasis ([`spans`]); every other mark is text.
//!
//! Pure: the command reads the file, [`parse`] turns its text into [`NoteSection`]s, and every
//! printed format lays them out in place.

use unicode_normalization::UnicodeNormalization;

/// A section of the notes: its heading (without any number the writer gave it) and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSection {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A piece of a section's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A sub-heading: "1." for the level under the sections, `None` deeper down.
    Heading(Option<u32>, String),
    /// A paragraph, its lines joined.
    Para(String),
    /// A list item ("- …", "* …", "+ …").
    Item(String),
}

/// Why the notes cannot be used, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesError {
    pub line: usize,
    pub problem: NotesProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotesProblem {
    /// Text before the first heading: which section would it belong to?
    TextBeforeHeading,
    /// No heading at all.
    NoSections,
}

/// A piece of a paragraph's text and how it is emphasised: `**bold**`, `*italic*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// A paragraph's or item's text cut at its emphasis: `**…**` bold, `*…*` italic, each only when
/// the marks hug the words (`*đậm*`, not `5 * 3 * 2`); any other `*` is text.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('*') {
        let (before, from) = rest.split_at(at);
        let mark = if from.starts_with("**") { "**" } else { "*" };
        let inner = &from[mark.len()..];
        let close = inner.find(mark).filter(|&end| {
            let word = &inner[..end];
            !word.is_empty()
                && !word.starts_with(char::is_whitespace)
                && !word.ends_with(char::is_whitespace)
                && !word.contains('*')
        });
        plain.push_str(before);
        match close {
            Some(end) => {
                if !plain.is_empty() {
                    out.push(Span::plain(std::mem::take(&mut plain)));
                }
                out.push(Span {
                    text: inner[..end].to_owned(),
                    bold: mark == "**",
                    italic: mark == "*",
                });
                rest = &inner[end + mark.len()..];
            }
            None => {
                plain.push_str(mark);
                rest = inner;
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() || out.is_empty() {
        out.push(Span::plain(plain));
    }
    out
}

impl Span {
    fn plain(text: String) -> Span {
        Span {
            text,
            bold: false,
            italic: false,
        }
    }
}

/// The text without its emphasis marks, for the terminal and for headings.
pub fn plain(text: &str) -> String {
    spans(text).into_iter().map(|s| s.text).collect()
}

/// The notes' sections, in the order written. The text is NFC (Vietnamese typed on another
/// keyboard compares and prints alike), a byte-order mark and CRLF line ends are dropped.
pub fn parse(text: &str) -> Result<Vec<NoteSection>, NotesError> {
    let text: String = text.trim_start_matches('\u{feff}').nfc().collect();
    let lines: Vec<&str> = text.lines().collect();
    let headings: Vec<(usize, usize, String)> = headings(&lines);
    let Some(top) = headings.iter().map(|(_, level, _)| *level).min() else {
        return Err(NotesError {
            line: 1,
            problem: NotesProblem::NoSections,
        });
    };
    let mut sections: Vec<NoteSection> = Vec::new();
    let mut body = Body::default();
    let mut sub = 0;
    let mut i = 0;
    while i < lines.len() {
        if let Some((_, level, title)) = headings.iter().find(|(at, _, _)| *at == i) {
            body.flush(&mut sections);
            if *level == top {
                sections.push(NoteSection {
                    title: title.clone(),
                    blocks: Vec::new(),
                });
                sub = 0;
            } else if let Some(section) = sections.last_mut() {
                let number = (*level == top + 1).then(|| {
                    sub += 1;
                    sub
                });
                section.blocks.push(Block::Heading(number, title.clone()));
            }
            // A setext heading is two lines: its text and its underline.
            i += if is_underline(lines.get(i + 1).copied()) {
                2
            } else {
                1
            };
            continue;
        }
        let line = lines[i].trim();
        if !line.is_empty() && sections.is_empty() {
            return Err(NotesError {
                line: i + 1,
                problem: NotesProblem::TextBeforeHeading,
            });
        }
        body.line(line, &mut sections);
        i += 1;
    }
    body.flush(&mut sections);
    Ok(sections)
}

/// The paragraph or list item being gathered.
#[derive(Default)]
struct Body {
    text: String,
    item: bool,
}

impl Body {
    fn line(&mut self, line: &str, sections: &mut [NoteSection]) {
        if line.is_empty() || is_rule(line) {
            self.flush(sections);
            return;
        }
        if let Some(rest) = ["- ", "* ", "+ "].iter().find_map(|m| line.strip_prefix(m)) {
            self.flush(sections);
            self.item = true;
            self.text = rest.trim().to_owned();
            return;
        }
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(line);
    }

    fn flush(&mut self, sections: &mut [NoteSection]) {
        let text = std::mem::take(&mut self.text);
        let item = std::mem::take(&mut self.item);
        if text.is_empty() {
            return;
        }
        if let Some(section) = sections.last_mut() {
            section.blocks.push(if item {
                Block::Item(text)
            } else {
                Block::Para(text)
            });
        }
    }
}

/// The headings of the file: (line index, level, title). ATX (`# Title`, `## Title`) and
/// setext (a line underlined with `===` or `---`); a heading left empty is not one.
fn headings(lines: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) {
            let rest = &line[hashes..];
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                let title = clean_title(&plain(rest.trim().trim_end_matches('#')));
                if !title.is_empty() {
                    out.push((i, hashes, title));
                }
            }
        } else if !line.is_empty()
            && !line.starts_with(['-', '*', '+'])
            && (i == 0 || lines[i - 1].trim().is_empty())
            && is_underline(lines.get(i + 1).copied())
        {
            let level = if lines[i + 1].trim().starts_with('=') {
                1
            } else {
                2
            };
            let title = clean_title(&plain(line));
            if !title.is_empty() {
                out.push((i, level, title));
                i += 1;
            }
        }
        i += 1;
    }
    out
}

/// A thematic break (`---`, `***`, `___`): it separates, it says nothing.
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| marks.chars().all(|c| c == m))
}

/// `===` or `---` alone on a line.
fn is_underline(line: Option<&str>) -> bool {
    line.map(str::trim).is_some_and(|l| {
        l.len() >= 2 && (l.chars().all(|c| c == '=') || l.chars().all(|c| c == '-'))
    })
}

/// A heading's title without the number its writer gave it ("II. Hạn chế", "2) Hạn chế",
/// "a. …"): the report numbers its sections itself.
fn clean_title(title: &str) -> String {
    let title = title.trim();
    let marker = title
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "IVXLivxl".contains(*c))
        .last()
        .map(|(at, c)| at + c.len_utf8());
    let single_letter = title
        .chars()
        .next()
        .filter(|c| c.is_ascii_lowercase())
        .map(char::len_utf8);
    for end in [marker, single_letter].into_iter().flatten() {
        let rest = &title[end..];
        if let Some(rest) = rest.strip_prefix(['.', ')'])
            && (rest.starts_with([' ', '\t']) || rest.is_empty())
            && !rest.trim().is_empty()
        {
            return rest.trim().to_owned();
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Block {
        Block::Para(s.to_owned())
    }

    #[test]
    fn each_top_heading_is_a_section_with_its_paragraphs_and_items() {
        let text = "\u{feff}# Đánh giá chung\r\n\r\nChi bộ đã\r\nhoàn thành.\r\n\r\n## Ưu điểm\n- Một\n- Hai\n  tiếp\n\n## Hạn chế\n### Chi tiết\nCòn chậm.\n\n# Kiến nghị\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "Đánh giá chung");
        assert_eq!(
            s[0].blocks,
            vec![
                para("Chi bộ đã hoàn thành."),
                Block::Heading(Some(1), "Ưu điểm".into()),
                Block::Item("Một".into()),
                Block::Item("Hai tiếp".into()),
                Block::Heading(Some(2), "Hạn chế".into()),
                Block::Heading(None, "Chi tiết".into()),
                para("Còn chậm."),
            ]
        );
        assert_eq!(s[1].title, "Kiến nghị");
        assert!(s[1].blocks.is_empty());
    }

    #[test]
    fn the_top_level_is_the_files_own_and_numbers_written_in_go() {
        let s = parse("## III. Phương hướng\nx\n## 4) Kiến nghị\n## I.\n## Về việc\n").unwrap();
        let titles: Vec<&str> = s.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Phương hướng", "Kiến nghị", "I.", "Về việc"]);
    }

    #[test]
    fn setext_headings_count_and_a_rule_is_not_one() {
        let s = parse("Đánh giá\n========\n\nTốt.\n\nHạn chế\n-------\nChậm.\n").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].blocks,
            vec![
                para("Tốt."),
                Block::Heading(Some(1), "Hạn chế".into()),
                para("Chậm.")
            ]
        );
    }

    #[test]
    fn text_before_the_first_heading_or_no_heading_is_refused() {
        assert_eq!(
            parse("\n\nChi bộ tốt.\n# Đánh giá\n"),
            Err(NotesError {
                line: 3,
                problem: NotesProblem::TextBeforeHeading
            })
        );
        assert_eq!(parse("").unwrap_err().problem, NotesProblem::NoSections);
        assert_eq!(
            parse("#hashtag\n").unwrap_err().problem,
            NotesProblem::NoSections
        );
    }

    #[test]
    fn emphasis_hugs_its_words_and_other_stars_are_text() {
        let s = spans("Chi bộ **nền nếp**, *đúng giờ*; 5 * 3 * 2 và **chưa đóng");
        let got: Vec<(&str, bool, bool)> = s
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic))
            .collect();
        assert_eq!(
            got,
            [
                ("Chi bộ ", false, false),
                ("nền nếp", true, false),
                (", ", false, false),
                ("đúng giờ", false, true),
                ("; 5 * 3 * 2 và **chưa đóng", false, false),
            ]
        );
        assert_eq!(plain("a **b** c"), "a b c");
        assert_eq!(plain(""), "");
    }

    #[test]
    fn text_is_nfc() {
        // "ế" typed as e + circumflex + acute.
        let s = parse("# Ke\u{302}\u{301}t\n").unwrap();
        assert_eq!(s[0].title, "Kết");
    }
}
