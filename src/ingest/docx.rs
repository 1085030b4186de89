//! DOCX: the paragraphs and tables of `word/document.xml`. Headings come from paragraph
//! styles (Title, Heading 1 to 6, or an outline level), list items from numbering or a list
//! style, and tables go through the same table builder as tab-separated text, so a Word action
//! plan gives the same rows as its text export.

use super::text::Builder;
use super::{RawBlock, RawDoc};
use crate::model::BlockKind;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// Largest `document.xml` read, uncompressed (a guard against zip bombs).
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

/// Read a DOCX file's bytes.
pub fn read(bytes: &[u8]) -> Result<RawDoc, String> {
    let xml = document_xml(bytes)?;
    let mut doc = parse(&xml)?;
    if doc.blocks.is_empty() {
        return Err("no text found in the Word document".into());
    }
    if doc.title.is_none() {
        doc.title = doc.blocks.iter().find(|b| b.kind == BlockKind::Heading && b.level == 1).map(|b| b.text.clone());
    }
    Ok(doc)
}

fn document_xml(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a readable DOCX (zip): {e}"))?;
    let mut entry = match zip.by_name("word/document.xml") {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Err("not a Word document (no word/document.xml)".into()),
        Err(e) => return Err(format!("not a readable DOCX (zip): {e}")),
    };
    if entry.encrypted() {
        return Err("encrypted DOCX (no password)".into());
    }
    let mut raw = Vec::new();
    (&mut entry).take(MAX_XML_BYTES).read_to_end(&mut raw).map_err(|e| format!("not a readable DOCX (word/document.xml): {e}"))?;
    String::from_utf8(raw).map_err(|_| "not a readable DOCX (word/document.xml is not UTF-8)".to_string())
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name).map(|a| a.value.to_string())
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    numbered: bool,
    bold_chars: usize,
    plain_chars: usize,
}

/// A table being read: its rows of cells, each cell its paragraphs.
#[derive(Default)]
struct TableState {
    row: Vec<Vec<String>>,
    cell: Option<Vec<String>>,
}

fn heading_level(p: &Para) -> Option<u8> {
    let style = p.style.as_deref().unwrap_or("").to_ascii_lowercase().replace([' ', '-', '_'], "");
    if style == "title" {
        return Some(1);
    }
    if let Some(n) = style.strip_prefix("heading").and_then(|d| d.parse::<u8>().ok())
        && (1..=6).contains(&n)
    {
        return Some(n);
    }
    p.outline.filter(|&l| l < 6).map(|l| l + 1)
}

fn is_list(p: &Para) -> bool {
    let style = p.style.as_deref().unwrap_or("").to_ascii_lowercase();
    p.numbered || style.starts_with("list") || style.contains("bullet")
}

/// Collapse whitespace and normalise odd characters.
fn clean(s: &str) -> String {
    super::pdf::normalise(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse(xml: &str) -> Result<RawDoc, String> {
    let mut reader = Reader::from_str(xml);
    let mut b = Builder::default();
    let mut doc = RawDoc::default();
    let mut para: Option<Para> = None;
    let mut tables: Vec<TableState> = Vec::new();
    let mut in_text = false;
    let mut in_rpr = false;
    let mut run_bold = false;
    let mut in_ppr = false;
    loop {
        let ev = reader.read_event().map_err(|e| format!("malformed DOCX XML at byte {}: {e}", reader.buffer_position()))?;
        let start = match &ev {
            Event::Start(e) => Some((e, false)),
            Event::Empty(e) => Some((e, true)),
            _ => None,
        };
        if let Some((e, empty)) = start {
            match e.local_name().as_ref() {
                "p" if empty => {}
                "p" => para = Some(Para::default()),
                "pPr" => in_ppr = !empty,
                "pStyle" if in_ppr => {
                    if let Some(p) = para.as_mut() {
                        p.style = attr(e, "val");
                    }
                }
                "outlineLvl" if in_ppr => {
                    if let Some(p) = para.as_mut() {
                        p.outline = attr(e, "val").and_then(|v| v.parse().ok());
                    }
                }
                "numPr" if in_ppr => {
                    if let Some(p) = para.as_mut() {
                        p.numbered = true;
                    }
                }
                "r" => run_bold = false,
                "rPr" => in_rpr = !empty,
                "b" if in_rpr && !in_ppr => {
                    run_bold = !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"));
                }
                "t" => in_text = !empty,
                "tab" | "br" | "cr" if !in_ppr => {
                    if let Some(p) = para.as_mut() {
                        p.text.push(' ');
                    }
                }
                "tbl" | "tr" | "tc" if empty => {}
                "tbl" => {
                    flush_para(&mut b, &mut para, &mut tables);
                    if tables.is_empty() {
                        b.close_table();
                    }
                    tables.push(TableState::default());
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.row.clear();
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell = Some(Vec::new());
                    }
                }
                _ => {}
            }
            continue;
        }
        match ev {
            Event::End(e) => match e.local_name().as_ref() {
                "p" => flush_para(&mut b, &mut para, &mut tables),
                "pPr" => in_ppr = false,
                "rPr" => in_rpr = false,
                "t" => in_text = false,
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        let cell = t.cell.take().unwrap_or_default();
                        t.row.push(cell);
                    }
                }
                "tr" => {
                    let depth = tables.len();
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        if depth == 1 {
                            if row.iter().any(|c| !c.is_empty()) {
                                b.table_cells(row);
                            }
                        } else if let Some(outer) = tables.get_mut(depth - 2).and_then(|o| o.cell.as_mut()) {
                            // A table inside a cell: its rows as lines of that cell.
                            let line = row.iter().map(|c| c.join(" ")).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" | ");
                            if !line.is_empty() {
                                outer.push(line);
                            }
                        }
                    }
                }
                "tbl" => {
                    tables.pop();
                    if tables.is_empty() {
                        b.close_table();
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    let s = t.xml10_content();
                    count_chars(p, &s, run_bold);
                    p.text.push_str(&s);
                }
            }
            Event::CData(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    let s = t.xml10_content();
                    count_chars(p, &s, run_bold);
                    p.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = para.as_mut() {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match r.xml10_content().as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    if let Some(c) = c {
                        count_chars(p, c.encode_utf8(&mut [0; 4]), run_bold);
                        p.text.push(c);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush_para(&mut b, &mut para, &mut tables);
    let (blocks, tables) = b.finish();
    doc.blocks = blocks;
    doc.tables = tables;
    Ok(doc)
}

fn count_chars(p: &mut Para, s: &str, bold: bool) {
    let n = s.chars().filter(|c| !c.is_whitespace()).count();
    if bold {
        p.bold_chars += n;
    } else {
        p.plain_chars += n;
    }
}

/// A finished paragraph goes into the open table cell, or becomes a block.
fn flush_para(b: &mut Builder, para: &mut Option<Para>, tables: &mut [TableState]) {
    let Some(p) = para.take() else { return };
    let text = clean(&p.text);
    if text.is_empty() {
        return;
    }
    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
        cell.push(text);
        return;
    }
    if let Some(level) = heading_level(&p) {
        b.push(RawBlock::heading(level, text));
    } else if is_list(&p) {
        b.push(RawBlock::new(BlockKind::ListItem, text));
    } else if p.plain_chars == 0 && p.bold_chars > 0 && looks_like_heading(&text) {
        // Bold, short and open-ended: a heading set by hand rather than by style.
        b.push(RawBlock::heading(3, text));
    } else {
        b.push(RawBlock::new(BlockKind::Paragraph, text));
    }
}

fn looks_like_heading(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=14).contains(&words)
        && t.chars().count() <= 100
        && !t.ends_with(['.', ',', ';', ':'])
        && t.chars().next().is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_lists_and_tables() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Action plan</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The board </w:t></w:r><w:r><w:t>should act &amp; report.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>first item</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>RAG</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Do it</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Green</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let doc = parse(xml).unwrap();
        let k: Vec<(BlockKind, &str)> = doc.blocks.iter().map(|b| (b.kind.clone(), b.text.as_str())).collect();
        assert_eq!(k[0], (BlockKind::Heading, "Action plan"));
        assert_eq!(k[1], (BlockKind::Paragraph, "The board should act & report."));
        assert_eq!(k[2], (BlockKind::ListItem, "first item"));
        assert_eq!(doc.tables[0].header, vec!["Action", "RAG"]);
        assert_eq!(doc.tables[0].rows, vec![vec!["Do it".to_string(), "Green".to_string()]]);
        assert_eq!(doc.blocks.len(), 5);
    }
}
