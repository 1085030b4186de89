//! HTML pages: headings, paragraphs, list items and table cells become blocks; scripts,
//! styles, navigation, cookie banners and other site furniture are dropped.

use super::{RawBlock, RawDoc};
use crate::model::{BlockKind, CellRef, Table};
use scraper::{ElementRef, Html, Node};

const SKIP_TAGS: &[&str] =
    &["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "template", "select", "head"];
const BOILERPLATE_HINTS: &[&str] = &[
    "cookie",
    "consent",
    "banner",
    "breadcrumb",
    "navbar",
    "nav-",
    "menu",
    "skip-link",
    "site-footer",
    "site-header",
    "share",
    "social",
    "newsletter",
    "related",
];
/// Deeper nesting than any real page is read as plain text, not walked: malformed HTML must not
/// cost unbounded recursion.
const MAX_DEPTH: usize = 256;

/// Read an HTML page.
pub fn read(input: &str) -> RawDoc {
    let html = Html::parse_document(input);
    let mut doc = RawDoc::default();
    let title_sel = scraper::Selector::parse("title").unwrap();
    doc.title = html.select(&title_sel).next().map(|t| normalise_space(&t.text().collect::<String>())).filter(|t| !t.is_empty());
    let mut w = Walker { doc: &mut doc, table: None, truncated: false };
    w.walk(html.root_element(), 0);
    if w.truncated {
        doc.warnings.push(format!("HTML nested deeper than {MAX_DEPTH} levels; the deepest parts were read as plain text"));
    }
    // A page's <title> is often its main heading with the site's name after it ("Joint
    // inspection of ... | Care Inspectorate"): the heading alone names the document.
    let h1 = doc.blocks.iter().find(|b| b.kind == BlockKind::Heading && b.level == 1).map(|b| b.text.trim());
    if let (Some(t), Some(h)) = (doc.title.as_deref(), h1)
        && h.len() >= 10
        && t.starts_with(h)
        && let Some(sep) = [" | ", " - ", " – ", " — ", " :: "].iter().find(|sep| t[h.len()..].starts_with(**sep))
    {
        let site = t[h.len() + sep.len()..].trim();
        if !site.is_empty() {
            doc.given = Some(crate::model::GivenMeta { publisher: Some(site.to_string()), ..Default::default() });
        }
        doc.title = Some(h.to_string());
    }
    if doc.title.is_none() {
        doc.title = doc.blocks.iter().find(|b| b.kind == BlockKind::Heading).map(|b| b.text.clone());
    }
    doc
}

struct Walker<'a> {
    doc: &'a mut RawDoc,
    table: Option<Table>,
    truncated: bool,
}

fn is_boilerplate(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name()) {
        // An article's own header holds its headline and date, not the site's furniture.
        return !(v.name() == "header" && in_an_article(el));
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(v.attr("role"), Some("navigation" | "banner" | "contentinfo" | "search")) {
        return true;
    }
    let attrs = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or("")).to_ascii_lowercase();
    BOILERPLATE_HINTS.iter().any(|h| attrs.contains(h))
}

fn in_an_article(el: &ElementRef) -> bool {
    el.ancestors().any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "article" | "main")))
}

impl Walker<'_> {
    fn walk(&mut self, el: ElementRef, depth: usize) {
        if is_boilerplate(&el) {
            return;
        }
        if depth > MAX_DEPTH {
            // Deeper structure is not walked, but its text is still kept, as one paragraph.
            self.truncated = true;
            self.emit(RawBlock::new(BlockKind::Paragraph, text_of(el)));
            return;
        }
        let name = el.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(2);
                self.emit(RawBlock::heading(level, text_of(el)));
            }
            "p" | "blockquote" | "dt" | "dd" | "figcaption" | "caption" => self.emit(RawBlock::new(BlockKind::Paragraph, text_of(el))),
            "li" => {
                // Nested lists are their own items; the item's text is its own lines only.
                let own = own_text(el);
                self.emit(RawBlock::new(BlockKind::ListItem, own));
                for child in el.children().filter_map(ElementRef::wrap) {
                    if matches!(child.value().name(), "ul" | "ol") {
                        self.walk(child, depth + 1);
                    }
                }
            }
            "table" => {
                let outer = self.table.replace(Table::default());
                for child in el.children().filter_map(ElementRef::wrap) {
                    self.walk(child, depth + 1);
                }
                if let Some(t) = self.table.take()
                    && (!t.rows.is_empty() || !t.header.is_empty())
                {
                    self.doc.tables.push(t);
                }
                self.table = outer;
            }
            "tr" => self.row(el),
            "br" => {}
            _ => {
                if has_block_children(el) {
                    for child in el.children() {
                        if let Some(c) = ElementRef::wrap(child) {
                            self.walk(c, depth + 1);
                        } else if let Node::Text(t) = child.value() {
                            let s = normalise_space(t);
                            if !s.is_empty() {
                                self.emit(RawBlock::new(BlockKind::Paragraph, s));
                            }
                        }
                    }
                } else {
                    self.emit(RawBlock::new(BlockKind::Paragraph, text_of(el)));
                }
            }
        }
    }

    fn emit(&mut self, b: RawBlock) {
        if !b.text.trim().is_empty() {
            self.doc.blocks.push(b);
        }
    }

    fn row(&mut self, tr: ElementRef) {
        let cells: Vec<(bool, String)> = tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .map(|c| (c.value().name() == "th", text_of(c)))
            .collect();
        if cells.is_empty() {
            return;
        }
        let table_no = self.doc.tables.len();
        let table = self.table.get_or_insert_with(Table::default);
        let texts: Vec<String> = cells.iter().map(|(_, t)| t.clone()).collect();
        if table.header.is_empty() && table.rows.is_empty() && cells.iter().all(|(th, _)| *th) {
            table.header = texts;
            return;
        }
        let row = table.rows.len();
        let headers = table.header.clone();
        table.rows.push(texts.clone());
        for (col, text) in texts.into_iter().enumerate() {
            let header = headers.get(col).filter(|h| !h.is_empty()).cloned();
            self.emit(RawBlock {
                kind: BlockKind::TableCell,
                level: 0,
                text,
                table: Some(CellRef { table: table_no, row, col, header }),
                page: None,
            });
        }
    }
}

const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// Whether an element holds structure of its own (then it is walked) or only running text.
fn has_block_children(el: ElementRef) -> bool {
    el.children().filter_map(ElementRef::wrap).any(|c| !INLINE_TAGS.contains(&c.value().name()))
}

fn text_of(el: ElementRef) -> String {
    let mut s = String::new();
    collect_text(el, &mut s);
    normalise_space(&s)
}

/// The text under `el`, without script and other skipped elements. Iterative, so any depth of
/// nesting is read without risk to the stack.
fn collect_text(el: ElementRef, out: &mut String) {
    let mut stack: Vec<ego_tree::NodeRef<Node>> = el.children().rev().collect();
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if SKIP_TAGS.contains(&e.name()) {
                    continue;
                }
                if e.name() == "br" {
                    out.push(' ');
                }
                stack.extend(node.children().rev());
            }
            _ => {}
        }
    }
}

fn own_text(li: ElementRef) -> String {
    let mut s = String::new();
    for child in li.children() {
        match child.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) if !matches!(e.name(), "ul" | "ol") => {
                if let Some(c) = ElementRef::wrap(child) {
                    collect_text(c, &mut s);
                }
            }
            _ => {}
        }
    }
    normalise_space(&s)
}

pub fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of an HTML fragment (a table cell exported from Word, say): one per paragraph,
/// list item or line break, with entities decoded.
/// The rows of the tables in an HTML fragment (a `<table>` set into plain text), each row its
/// cells and each cell its lines of text.
pub fn table_rows(fragment: &str) -> Vec<Vec<Vec<String>>> {
    let html = Html::parse_fragment(fragment);
    let tr = scraper::Selector::parse("tr").expect("a valid selector");
    html.select(&tr)
        .map(|row| {
            row.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| fragment_lines(&c.inner_html()).into_iter().map(|l| normalise_space(&l)).filter(|l| !l.is_empty()).collect())
                .collect::<Vec<Vec<String>>>()
        })
        .filter(|cells| !cells.is_empty())
        .collect()
}

pub fn fragment_lines(fragment: &str) -> Vec<String> {
    let html = Html::parse_fragment(fragment);
    let mut lines = vec![String::new()];
    fn walk(node: ego_tree::NodeRef<Node>, lines: &mut Vec<String>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in node.children() {
            match child.value() {
                Node::Text(t) => lines.last_mut().unwrap().push_str(t),
                Node::Element(e) => {
                    let block = matches!(e.name(), "p" | "li" | "br" | "div" | "tr" | "ol" | "ul" | "h1" | "h2" | "h3" | "h4");
                    if block {
                        lines.push(String::new());
                    }
                    if !SKIP_TAGS.contains(&e.name()) {
                        walk(child, lines, depth + 1);
                    }
                    if block {
                        lines.push(String::new());
                    }
                }
                _ => {}
            }
        }
    }
    walk(html.tree.root(), &mut lines, 0);
    lines.iter().map(|l| normalise_space(l)).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_dropped_and_content_kept() {
        let page = r#"<html><head><title>Joint inspection of Northshire</title><style>p{}</style></head>
        <body><nav><a>Home</a></nav><div class="cookie-banner"><p>We use cookies</p></div>
        <main><h1>Joint inspection</h1><p>Inspectors found strong <b>leadership</b>.</p>
        <p>The board should:</p><ul><li>review its plan</li><li>publish data</li></ul>
        <table><tr><th>Priority</th><th>RAG</th></tr><tr><td>1</td><td>Green</td></tr></table></main>
        <footer>Copyright</footer><script>var x;</script></body></html>"#;
        let doc = read(page);
        assert_eq!(doc.title.as_deref(), Some("Joint inspection of Northshire"));
        // The site's name after the page's main heading is not part of the title.
        let site_page = "<html><head><title>Joint inspection of Northshire | Care Inspectorate</title></head><body><h1>Joint inspection of Northshire</h1><p>Text.</p></body></html>";
        let titled = read(site_page);
        assert_eq!(titled.title.as_deref(), Some("Joint inspection of Northshire"));
        assert_eq!(titled.given.and_then(|g| g.publisher).as_deref(), Some("Care Inspectorate"));
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Joint inspection",
                "Inspectors found strong leadership.",
                "The board should:",
                "review its plan",
                "publish data",
                "1",
                "Green"
            ]
        );
        assert_eq!(doc.blocks[3].kind, BlockKind::ListItem);
        assert_eq!(doc.tables[0].header, ["Priority", "RAG"]);
        assert_eq!(doc.blocks[6].table.as_ref().unwrap().header.as_deref(), Some("RAG"));
        // An article's own header is its headline and date; the site's is furniture.
        let news = "<html><body><header><p>Site name</p></header><main><article><header><h1>Inspection finds caring staff</h1>\
            <p>Published: <time>3 March 2026</time></p></header><p>Inspectors visited.</p></article></main></body></html>";
        let texts: Vec<String> = read(news).blocks.into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["Inspection finds caring staff", "Published: 3 March 2026", "Inspectors visited."]);
    }

    #[test]
    fn malformed_and_deep_html_does_not_panic() {
        let deep = "<div>".repeat(5000) + "text" + &"</div>".repeat(10);
        let doc = read(&deep);
        assert!(doc.warnings.iter().any(|w| w.contains("nested")));
        assert_eq!(doc.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["text"], "deep text is kept");
        let deep = "<div>".repeat(10_000) + "<p>The board should act.</p><script>x()</script>" + &"</div>".repeat(10_000);
        assert_eq!(read(&deep).blocks[0].text, "The board should act.");
        let doc = read("<p>unclosed <b>bold <td>stray cell</p></table>");
        assert!(!doc.blocks.is_empty());
    }

    #[test]
    fn fragments_split_on_paragraphs_and_decode_entities() {
        assert_eq!(fragment_lines("<p>one &amp; two</p> <p>three</p>"), ["one & two", "three"]);
        assert_eq!(fragment_lines("<ol><li>a</li><li>b</li></ol>"), ["a", "b"]);
    }
}
