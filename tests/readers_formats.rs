//! Readers for PDF, DOCX and record files, on files the tests write themselves (and, when the
//! shared corpus is beside the repository, on published PDFs against their text exports).

use scrutiny::extract::Extractor;
use scrutiny::model::{Document, Record};
use scrutiny::pipeline::process_bytes;
use std::io::Write;
use std::path::{Path, PathBuf};

fn run(name: &str, bytes: &[u8]) -> Result<(Document, Record), String> {
    process_bytes(Path::new(name), bytes, &Extractor::default()).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// A small PDF writer: Helvetica text placed at given positions, one content stream a page.

/// One line of text at (x, y) in points from the bottom left of a US-letter page.
type Placed<'a> = (f64, f64, &'a str);

fn pdf_escape(s: &str) -> String {
    let s = s.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    // WinAnsi codes for the typographic characters reports use, as octal escapes.
    s.chars()
        .map(|c| match c {
            '‘' => "\\221".to_string(),
            '’' => "\\222".to_string(),
            '“' => "\\223".to_string(),
            '”' => "\\224".to_string(),
            '•' => "\\225".to_string(),
            '–' => "\\226".to_string(),
            '—' => "\\227".to_string(),
            c if c.is_ascii() => c.to_string(),
            _ => "?".to_string(),
        })
        .collect()
}

fn write_pdf(pages: &[Vec<Placed>], extra_trailer: &str, extra_objects: &[String]) -> Vec<u8> {
    let n = pages.len();
    // 1 catalog, 2 pages, 3 font, then page and content pairs, then extras.
    let mut objects: Vec<String> = Vec::new();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into());
    for (i, page) in pages.iter().enumerate() {
        let content: String = page.iter().map(|(x, y, t)| format!("BT /F1 11 Tf {x} {y} Td ({}) Tj ET\n", pdf_escape(t))).collect();
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{content}endstream", content.len()));
    }
    objects.extend(extra_objects.iter().cloned());
    let mut out: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{o}\nendobj\n", i + 1).unwrap();
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for off in offsets {
        writeln!(out, "{off:010} 00000 n ").unwrap();
    }
    write!(out, "trailer\n<< /Size {} /Root 1 0 R {extra_trailer}>>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).unwrap();
    out
}

/// A page of a report: a running header, body lines from the top, a footer with the page.
fn report_page<'a>(n: usize, of: usize, body: &[&'a str], footer: &'a mut String) -> Vec<Placed<'a>> {
    *footer = format!("Page {n} of {of}");
    let mut v: Vec<Placed> = vec![(72.0, 760.0, "Area SEND inspection of Northshire Local Area Partnership")];
    let mut y = 700.0;
    for line in body {
        if line.is_empty() {
            y -= 14.0; // a paragraph gap
            continue;
        }
        v.push((72.0, y, line));
        y -= 14.0;
    }
    v.push((72.0, 40.0, "Northshire joint inspection report, 6 to 10 March 2023"));
    v.push((300.0, 25.0, footer.as_str()));
    v
}

fn three_page_pdf() -> Vec<u8> {
    let (mut f1, mut f2, mut f3) = (String::new(), String::new(), String::new());
    let p1 = report_page(
        1,
        3,
        &[
            "Inspection outcome",
            "",
            "Leaders have made steady progress since the last inspection and the",
            "partnership has agreed clear priorities for improve-",
            "ments in how families are supported.",
            "",
            "Children wait too long for assessments of their needs.",
        ],
        &mut f1,
    );
    let p2 = report_page(
        2,
        3,
        &[
            "Areas for improvement",
            "",
            "Leaders should reduce the time children wait for speech and language",
            "therapy and report progress to the board every quarter.",
        ],
        &mut f2,
    );
    let p3 = report_page(3, 3, &["Next steps", "", "The partnership should publish its updated strategic plan."], &mut f3);
    write_pdf(&[p1, p2, p3], "", &[])
}

fn find_block(doc: &Document, needle: &str) -> usize {
    (0..doc.blocks.len())
        .find(|&i| doc.block_text(i).contains(needle))
        .unwrap_or_else(|| panic!("no block contains {needle:?}; text was:\n{}", doc.text))
}

#[test]
fn pdf_blocks_carry_their_pages() {
    let (doc, _) = run("report.pdf", &three_page_pdf()).unwrap();
    assert_eq!(doc.format, "pdf");
    assert_eq!(doc.blocks[find_block(&doc, "Inspection outcome")].page, Some(1));
    assert_eq!(doc.blocks[find_block(&doc, "Children wait too long")].page, Some(1));
    assert_eq!(doc.blocks[find_block(&doc, "speech and language therapy")].page, Some(2));
    assert_eq!(doc.blocks[find_block(&doc, "publish its updated strategic plan")].page, Some(3));
    assert!(doc.blocks.iter().all(|b| b.page.is_some()));
}

#[test]
fn pdf_running_headers_footers_and_page_numbers_are_removed() {
    let (doc, _) = run("report.pdf", &three_page_pdf()).unwrap();
    assert!(!doc.text.contains("Area SEND inspection of Northshire"), "{}", doc.text);
    assert!(!doc.text.contains("joint inspection report"), "{}", doc.text);
    assert!(!doc.text.contains("Page 2 of 3"), "{}", doc.text);
    assert!(doc.warnings.iter().any(|w| w.contains("running header")), "{:?}", doc.warnings);
}

#[test]
fn pdf_hyphenated_words_rejoin_and_lines_join_into_paragraphs() {
    let (doc, _) = run("report.pdf", &three_page_pdf()).unwrap();
    let i = find_block(&doc, "steady progress");
    assert_eq!(
        doc.block_text(i),
        "Leaders have made steady progress since the last inspection and the partnership has agreed clear priorities for improvements in how families are supported."
    );
}

#[test]
fn pdf_recommendation_is_extracted_with_its_page() {
    let (_, rec) = run("report.pdf", &three_page_pdf()).unwrap();
    let r = rec.recommendations.iter().find(|r| r.text.contains("speech and language")).expect("recommendation");
    assert_eq!(r.page, Some(2));
}

#[test]
fn cli_text_pages_marks_page_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, three_page_pdf()).unwrap();
    let out = assert_cmd::Command::cargo_bin("scrutiny").unwrap().args(["text", "--pages"]).arg(&path).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let p1 = s.find("--- page 1 ---").expect("page 1 marker");
    let p2 = s.find("--- page 2 ---").expect("page 2 marker");
    let p3 = s.find("--- page 3 ---").expect("page 3 marker");
    let rec = s.find("speech and language").unwrap();
    assert!(p1 < p2 && p2 < rec && rec < p3, "{s}");
}

#[test]
fn pdf_two_columns_are_read_column_by_column() {
    let left = [
        "Left one: leaders know the area well.",
        "Left two: plans are agreed by all.",
        "Left three: families are listened to.",
        "Left four: waiting lists are shorter.",
        "Left five: schools include children.",
        "Left six: health visitors are trained.",
    ];
    let right = [
        "Right one: transport is unreliable.",
        "Right two: some plans are late.",
        "Right three: short breaks are scarce.",
        "Right four: therapy waits are long.",
        "Right five: data is not shared.",
        "Right six: reviews are not timely.",
    ];
    let mut page: Vec<Placed> = vec![(72.0, 740.0, "Summary of findings across the whole local area partnership")];
    for (i, (l, r)) in left.iter().zip(right.iter()).enumerate() {
        let y = 700.0 - 30.0 * i as f64; // each sentence its own paragraph
        page.push((72.0, y, l));
        page.push((330.0, y, r));
    }
    let (doc, _) = run("columns.pdf", &write_pdf(&[page], "", &[])).unwrap();
    let pos = |s: &str| doc.text.find(s).unwrap_or_else(|| panic!("{s:?} missing from:\n{}", doc.text));
    let last_left = left.iter().map(|s| pos(s)).max().unwrap();
    let first_right = right.iter().map(|s| pos(s)).min().unwrap();
    assert!(pos("Summary of findings") < pos(left[0]));
    assert!(last_left < first_right, "left column must come before the right one:\n{}", doc.text);
    for w in left.windows(2).chain(right.windows(2)) {
        assert!(pos(w[0]) < pos(w[1]), "column order kept:\n{}", doc.text);
    }
}

#[test]
fn image_only_pdf_is_refused_with_a_reason() {
    let pages = vec![vec![], vec![]];
    let err = run("scan.pdf", &write_pdf(&pages, "", &[])).unwrap_err();
    assert!(err.contains("no text layer (scanned images); OCR is not supported"), "{err}");
}

#[test]
fn encrypted_pdf_is_refused_with_a_reason() {
    let page = vec![(72.0, 700.0, "Secret text.")];
    // A standard security handler whose user password is not empty.
    let o = "<".to_string() + &"4F".repeat(32) + ">";
    let u = "<".to_string() + &"A5".repeat(32) + ">";
    let encrypt = format!("<< /Filter /Standard /V 1 /R 2 /O {o} /U {u} /P -44 >>");
    // Objects: catalog 1, pages 2, font 3, page 4, content 5, encrypt 6.
    let trailer = "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ";
    let err = run("locked.pdf", &write_pdf(&[page], trailer, &[encrypt])).unwrap_err();
    assert!(err.contains("encrypted PDF (no password)"), "{err}");
}

#[test]
fn truncated_or_garbage_pdf_gives_a_clear_error_not_a_panic() {
    let full = three_page_pdf();
    for cut in [9, 40, full.len() / 3, full.len() / 2] {
        match run("cut.pdf", &full[..cut]) {
            Ok((doc, _)) => assert!(!doc.blocks.is_empty()),
            Err(e) => {
                assert!(e.contains("cut.pdf"), "{e}");
                assert!(e.contains("PDF") || e.contains("no text"), "{e}");
                assert!(!e.contains("internal error"), "a panic escaped the PDF reader: {e}");
            }
        }
    }
    let err = run("junk.pdf", b"%PDF-1.7\nthis is not really a pdf").unwrap_err();
    assert!(err.contains("junk.pdf") && err.contains("PDF"), "{err}");
}

#[test]
fn pdf_content_renamed_to_txt_is_still_refused() {
    let err = run("report.txt", &three_page_pdf()).unwrap_err();
    assert!(err.contains("PDF content, not text"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// DOCX written with the zip crate.

fn docx(body: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        z.write_all(xml.as_bytes()).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn para(style: Option<&str>, text: &str) -> String {
    let ppr = style.map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)).unwrap_or_default();
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn row(cells: &[&str]) -> String {
    let tcs: String = cells
        .iter()
        .map(|c| {
            let ps: String = c.split('\n').map(|p| para(None, p)).collect();
            format!("<w:tc><w:tcPr/>{ps}</w:tc>")
        })
        .collect();
    format!("<w:tr>{tcs}</w:tr>")
}

const PLAN: [[&str; 5]; 4] = [
    ["Priority", "Action", "Lead", "Timescale", "RAG"],
    ["1. Improve data quality", "Build a performance framework", "Chief Finance Officer", "31 March 2021", "GREEN"],
    ["2. Plan better", "Write and agree the plan", "Director of Care", "30/12/2020", "Amber"],
    ["3. Listen to families", "Run a survey of carers", "Head of Engagement", "1 June 2021", "Red"],
];

#[test]
fn docx_action_plan_matches_its_tab_separated_twin() {
    let mut body = para(Some("Heading1"), "Improvement action plan");
    body += &para(None, "This plan responds to the inspection findings.");
    body += "<w:tbl><w:tblPr/>";
    for (i, r) in PLAN.iter().enumerate() {
        body += &row(r);
        if i == 1 {
            body += &row(&PLAN[0]); // the header repeated on a new page
        }
    }
    body += "</w:tbl>";
    let (ddoc, drec) = run("plan.docx", &docx(&body)).unwrap();
    let mut text = "Improvement action plan\n\nThis plan responds to the inspection findings.\n\n".to_string();
    for r in PLAN {
        text += &r.join("\t");
        text += "\n";
    }
    let (_, trec) = run("plan.txt", text.as_bytes()).unwrap();
    assert_eq!(ddoc.format, "docx");
    assert_eq!(ddoc.tables.len(), 1);
    assert_eq!(ddoc.tables[0].rows.len(), 3, "the repeated header row is skipped");
    let key = |r: &Record| -> Vec<String> {
        r.actions.iter().map(|a| format!("{:?} {} {:?} {:?} {:?}", a.priority, a.action, a.responsibility, a.status, a.due)).collect()
    };
    assert_eq!(key(&drec).len(), 3);
    assert_eq!(key(&drec), key(&trec));
    assert_eq!(drec.actions[0].status.as_deref(), Some("green"));
    assert_eq!(drec.actions[1].due.as_deref(), Some("2020-12-30"));
    let h = find_block(&ddoc, "Improvement action plan");
    assert_eq!(ddoc.blocks[h].kind, scrutiny::model::BlockKind::Heading);
}

#[test]
fn docx_headings_and_list_items_come_from_styles() {
    let mut body = para(Some("Title"), "Inspection of Northshire");
    body += &para(Some("Heading2"), "Areas for improvement");
    body += &para(None, "Leaders should:");
    body += r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>reduce waiting times for assessments;</w:t></w:r></w:p>"#;
    body += r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>publish the strategic plan.</w:t></w:r></w:p>"#;
    let (doc, rec) = run("report.docx", &docx(&body)).unwrap();
    use scrutiny::model::BlockKind;
    let kinds: Vec<(BlockKind, u8)> = doc.blocks.iter().map(|b| (b.kind.clone(), b.level)).collect();
    assert_eq!(kinds[0], (BlockKind::Heading, 1));
    assert_eq!(kinds[1], (BlockKind::Heading, 2));
    assert_eq!(kinds[2].0, BlockKind::Paragraph);
    assert_eq!(kinds[3].0, BlockKind::ListItem);
    assert_eq!(kinds[4].0, BlockKind::ListItem);
    assert_eq!(doc.title.as_deref(), Some("Inspection of Northshire"));
    assert!(rec.recommendations.iter().any(|r| r.text.contains("reduce waiting times")), "{:?}", rec.recommendations);
}

#[test]
fn truncated_or_foreign_docx_gives_a_clear_error_not_a_panic() {
    let full = docx(&para(None, "Some text in a document."));
    for cut in [4, 30, full.len() / 2, full.len() - 10] {
        let err = run("cut.docx", &full[..cut]).unwrap_err();
        assert!(err.contains("cut.docx") && err.contains("DOCX"), "{err}");
        assert!(!err.contains("internal error"), "{err}");
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("hello.txt", zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(b"hi").unwrap();
        z.finish().unwrap();
    }
    let err = run("other.docx", &buf.into_inner()).unwrap_err();
    assert!(err.contains("no word/document.xml"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Record files.

fn pfd_json() -> String {
    // Written out by hand, as key order matters: body sections follow the file's order.
    r#"{"url": "https://example.org/pfd/jane-doe/", "id": "2019-0003", "date": "2019-04-15", "coroner": "A N Other",
 "area": "North West Kent", "receiver": "Northshire NHS Foundation Trust",
 "investigation": "On 13th December 2017 I commenced an investigation into the death of Jane Doe. The investigation concluded at the end of the inquest.",
 "circumstances": "Ms Doe was brought to the emergency department by ambulance.\nShe had lost weight over several months and her feeding tube was not in use.",
 "concerns": "The MATTERS OF CONCERN are as follows:\n1. There was no clear process for escalating concerns about nutrition.\n2. Staff were not trained to use feeding tubes.",
 "_source": {"file": "x.csv"}}"#
        .replace('\n', " ")
}

#[test]
fn pfd_like_json_record_gives_given_metadata_and_sections() {
    let bytes = pfd_json();
    let raw = scrutiny::ingest::read_bytes(Path::new("pfd.json"), bytes.as_bytes()).unwrap();
    let given = raw.given.clone().expect("given metadata");
    assert_eq!(given.date.as_deref(), Some("2019-04-15"));
    assert_eq!(given.area.as_deref(), Some("North West Kent"));
    assert_eq!(given.addressee.as_deref(), Some("Northshire NHS Foundation Trust"));
    let headings: Vec<&str> =
        raw.blocks.iter().filter(|b| b.kind == scrutiny::model::BlockKind::Heading).map(|b| b.text.as_str()).collect();
    // No title field: the web address's last part names the record.
    assert_eq!(given.title.as_deref(), Some("Jane Doe"));
    assert_eq!(headings, vec!["Jane Doe", "Investigation", "Circumstances", "Concerns"]);
    let (doc, _) = run("pfd.json", bytes.as_bytes()).unwrap();
    assert_eq!(doc.format, "json");
    assert!(doc.text.contains("no clear process for escalating concerns"));
    assert!(!doc.text.contains("example.org"));
}

#[test]
fn multi_record_files_read_the_first_and_warn() {
    let one = pfd_json();
    let arr = format!("[{one},{one},{one}]");
    let (doc, _) = run("many.json", arr.as_bytes()).unwrap();
    assert!(doc.warnings.iter().any(|w| w.contains("3 records") && w.contains("2 not read")), "{:?}", doc.warnings);
    let all = scrutiny::ingest::records::read_records(Path::new("many.jsonl"), format!("{one}\n{one}\n").as_bytes()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id_suffix, "2019-0003");
    let body = "Leaders should improve the timeliness of reviews for every child in the area.";
    let csv = format!("title,published,local_authority,text\nReview,15 April 2019,Fife,\"{body}\"\n");
    let recs = scrutiny::ingest::records::read_records(Path::new("r.csv"), csv.as_bytes()).unwrap();
    assert_eq!(recs[0].given.date.as_deref(), Some("2019-04-15"));
    assert_eq!(recs[0].given.area.as_deref(), Some("Fife"));
    assert_eq!(recs[0].given.title.as_deref(), Some("Review"));
}

#[test]
fn real_pfd_reports_read_when_present() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/external/pfd-reports");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    let mut read = 0;
    for f in files.iter().take(20) {
        let bytes = std::fs::read(f).unwrap();
        let raw = scrutiny::ingest::read_bytes(f, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let g = raw.given.expect("given");
        assert!(g.date.as_deref().is_some_and(|d| d.len() == 10 && d.as_bytes()[4] == b'-'), "{f:?} {:?}", g.date);
        assert!(g.area.is_some(), "{f:?}");
        read += 1;
    }
    println!("read {read} PFD reports");
}

// ---------------------------------------------------------------------------------------------
// Published PDFs against their text exports.

/// Words of a text, lower case, punctuation trimmed.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect()
}

/// Length of the longest common subsequence of two word sequences.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// The text export without its running lines: lines whose shape (digits folded) recurs on
/// three or more pages, and bare page numbers.
fn drop_running_lines(text: &str) -> String {
    let shape = |l: &str| l.trim().chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect::<String>();
    let mut counts = std::collections::HashMap::new();
    for l in text.lines() {
        *counts.entry(shape(l)).or_insert(0) += 1;
    }
    text.lines()
        .filter(|l| {
            let t = l.trim();
            let s = shape(l);
            !(t.chars().all(|c| c.is_ascii_digit()) || counts[&s] >= 3 && s.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every published PDF that has a text export (made from the same file by another converter)
/// keeps at least 97% of the export's words in order, its running lines aside, and nearly every
/// one gives the same recommendations as its export. Where they differ the export is most often
/// the one at fault (a converter that weaves a side-by-side table into the prose), so identity
/// is asked of a share of the files, and the differing ones are printed. Recommendations are
/// matched on their opening words: the words-kept share already checks the text, and a side
/// table woven into a recommendation's tail in one of the two is not a different finding.
/// Words that open a recommendation, enough to tell any two of a report apart.
const OPENING_WORDS: usize = 8;

#[test]
fn published_pdfs_match_their_text_exports() {
    use rayon::prelude::*;
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/external");
    let pdf_dir = base.join("ofsted-cqc-area-send-pdf");
    let Ok(entries) = std::fs::read_dir(&pdf_dir) else {
        println!("skipped: {} is absent", pdf_dir.display());
        return;
    };
    let mut pairs: Vec<(PathBuf, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            let txt = base.join("ofsted-cqc-area-send").join(p.with_extension("txt").file_name().unwrap());
            (p, txt)
        })
        .filter(|(_, t)| t.is_file())
        .collect();
    pairs.sort();
    if pairs.is_empty() {
        println!("skipped: no PDF in {} has a text export", pdf_dir.display());
        return;
    }
    let results: Vec<(String, f64, bool)> = pairs
        .par_iter()
        .map(|(pdf_path, txt_path)| {
            let name = pdf_path.file_stem().unwrap().to_string_lossy().into_owned();
            let (pdf, txt) = (std::fs::read(pdf_path).unwrap(), std::fs::read(txt_path).unwrap());
            let (pdoc, prec) = process_bytes(pdf_path, &pdf, &Extractor::default()).unwrap_or_else(|e| panic!("{e}"));
            let (_, trec) = process_bytes(txt_path, &txt, &Extractor::default()).unwrap();
            let pw = words(&pdoc.text);
            let tw = words(&drop_running_lines(&String::from_utf8_lossy(&txt)));
            let kept = lcs(&tw, &pw) as f64 / tw.len().max(1) as f64;
            let norm = |r: &Record| -> Vec<String> { r.recommendations.iter().map(|x| words(&x.text).join(" ")).collect() };
            let (pr, tr) = (norm(&prec), norm(&trec));
            if pr != tr {
                println!("{name}: recommendations differ: pdf {} text {}", pr.len(), tr.len());
                for x in tr.iter().filter(|x| !pr.contains(x)) {
                    println!("  text only: {x}");
                }
                for x in pr.iter().filter(|x| !tr.contains(x)) {
                    println!("  pdf only:  {x}");
                }
            }
            let openings = |recs: &[String]| -> Vec<String> {
                recs.iter().map(|r| r.split(' ').take(OPENING_WORDS).collect::<Vec<_>>().join(" ")).collect()
            };
            (name, kept, openings(&pr) == openings(&tr) && !tr.is_empty())
        })
        .collect();
    let same = results.iter().filter(|r| r.2).count();
    let least = results.iter().map(|r| r.1).fold(1.0, f64::min);
    println!("{} PDFs: lowest share of the export's words kept {:.2}%; same recommendations {same}", results.len(), least * 100.0);
    for (name, kept, _) in &results {
        assert!(*kept >= 0.97, "{name}: only {:.2}% of the text export's words kept", kept * 100.0);
    }
    assert!(same * 100 >= results.len() * 85, "only {same} of {} PDFs give the same recommendations as their text export", results.len());
}

/// A seed report laid out as a PDF (its lines placed down pages, 48 to a page) gives the same
/// recommendations as its text.
#[test]
fn a_seed_rendered_as_pdf_gives_the_same_recommendations_as_its_text() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds/003_8e843b72affd4075.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        println!("skipped: {} is absent", seed.display());
        return;
    };
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    let pages: Vec<Vec<Placed>> = lines
        .chunks(48)
        .map(|chunk| {
            chunk.iter().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (72.0, 740.0 - 14.0 * i as f64, l.trim())).collect()
        })
        .collect();
    let pdf = write_pdf(&pages, "", &[]);
    let (_, prec) = run("seed.pdf", &pdf).unwrap();
    let (_, trec) = run("seed.txt", text.as_bytes()).unwrap();
    let norm = |r: &Record| -> Vec<String> { r.recommendations.iter().map(|x| words(&x.text).join(" ")).collect() };
    assert!(norm(&trec).len() >= 10);
    assert_eq!(norm(&prec), norm(&trec));
}

/// A page with a borderless two-column table between two paragraphs: body names on the left,
/// what each should do on the right, rows apart by a wider gap than lines.
fn borderless_table_page() -> Vec<Placed<'static>> {
    let mut page: Vec<Placed> = vec![
        (72.0, 740.0, "The inspection found that the partnership has begun to improve"),
        (72.0, 726.0, "its services, but several weaknesses remain in how it plans them."),
        (72.0, 690.0, "Responsible body"),
        (250.0, 690.0, "Areas for priority action"),
    ];
    let rows: [(&[&str], &[&str]); 2] = [
        (
            &["Northshire County Council", "and NHS Northshire", "Integrated Care Board"],
            &[
                "Leaders across the partnership should urgently",
                "improve the timeliness and quality of plans so that",
                "children receive the help they need without delay.",
            ],
        ),
        (
            &["Northshire County Council"],
            &["Leaders should strengthen how they gather the", "views of families and use them to shape services."],
        ),
    ];
    let mut y = 664.0;
    for (left, right) in rows {
        for k in 0..left.len().max(right.len()) {
            if let Some(l) = left.get(k) {
                page.push((72.0, y, l));
            }
            if let Some(r) = right.get(k) {
                page.push((250.0, y, r));
            }
            y -= 14.0;
        }
        y -= 16.0;
    }
    page.push((72.0, y - 10.0, "Local area partnership details"));
    page
}

#[test]
fn pdf_borderless_table_cells_stay_whole_instead_of_weaving_into_prose() {
    let (doc, rec) = run("table.pdf", &write_pdf(&[borderless_table_page()], "", &[])).unwrap();
    for cell in [
        "Northshire County Council and NHS Northshire Integrated Care Board",
        "Leaders across the partnership should urgently improve the timeliness and quality of plans so that children receive the help they need without delay.",
        "Leaders should strengthen how they gather the views of families and use them to shape services.",
    ] {
        assert!(doc.text.contains(cell), "{cell:?} not kept whole in:\n{}", doc.text);
    }
    let pos = |s: &str| doc.text.find(s).unwrap_or_else(|| panic!("{s:?} missing from:\n{}", doc.text));
    assert!(pos("The inspection found") < pos("Responsible body"));
    assert!(pos("Leaders across") < pos("Leaders should strengthen"), "rows keep their order:\n{}", doc.text);
    assert!(pos("Leaders should strengthen") < pos("Local area partnership details"));
    let recs: Vec<&str> = rec.recommendations.iter().map(|r| r.text.as_str()).collect();
    assert!(recs.iter().any(|r| r.starts_with("Leaders across the partnership should urgently improve")), "{recs:?}");
    assert!(recs.iter().all(|r| !r.contains("Northshire")), "body names must not be woven into recommendations: {recs:?}");
}

#[test]
fn pdf_prose_with_a_wide_word_gap_is_not_taken_for_a_table() {
    // A single line with a wide gap (a right-aligned date) has nothing aligned beneath it.
    let page: Vec<Placed> = vec![
        (72.0, 740.0, "Inspection report"),
        (450.0, 740.0, "12 March 2024"),
        (72.0, 710.0, "Leaders have a clear understanding of the needs of children in the area"),
        (72.0, 696.0, "and have set out how they will meet them over the coming year."),
    ];
    let (doc, _) = run("prose.pdf", &write_pdf(&[page], "", &[])).unwrap();
    assert!(doc.text.contains("Leaders have a clear understanding of the needs of children in the area and have set out"), "{}", doc.text);
}
