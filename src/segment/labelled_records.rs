//! Records laid out label by label: a table too wide for the page, such as an audit's action
//! plan, set out one item at a time, each field a short label line ("Issue / risk",
//! "Recommendation", "Responsible officer", "Target date") with its text below. The same labels
//! over two items or more make a table, a column for each label, so that what is read from
//! tables (action-plan rows) is read from these too.

use crate::model::{Block, BlockKind, Table};

/// A label is a few words on a line of their own.
const MAX_LABEL_WORDS: usize = 5;
const MAX_LABEL_BYTES: usize = 48;
/// A table laid out this way has a few columns, one of them in prose.
const MAX_LABELS: usize = 8;
const PROSE_WORDS: usize = 6;
/// A label's text runs to this many blocks at most.
const MAX_VALUE_BLOCKS: usize = 8;
/// Blocks between two items (a page's furniture, the next item's heading), at most.
const MAX_GAP: usize = 3;

/// The tables a document's blocks lay out label by label.
pub fn tables(blocks: &[Block], text: &str) -> Vec<Table> {
    // Labels are told apart by a hash of their words: every heading of every document is
    // asked, and few documents have a label that recurs.
    let keys: Vec<Option<u64>> = blocks.iter().map(|b| label_key(b, text)).collect();
    let mut seen: Vec<u64> = keys.iter().flatten().copied().collect();
    seen.sort_unstable();
    let recurring: Vec<u64> = seen.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
    // A table needs two labels, each recurring.
    if recurring.len() < 2 {
        return Vec::new();
    }
    // Only labels that recur can head a column.
    let keys: Vec<Option<u64>> = keys.into_iter().map(|k| k.filter(|k| recurring.binary_search(k).is_ok())).collect();
    let mut out = Vec::new();
    // A label that opened no table from one place opens none from a later one, which would read
    // the same items less the first: each is tried once.
    let mut failed: Vec<u64> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let Some(key) = keys[i].filter(|k| !failed.contains(k)) else {
            i += 1;
            continue;
        };
        match records_from(blocks, text, &keys, i) {
            Some((table, end)) => {
                out.push(table);
                i = end;
            }
            None => {
                failed.push(key);
                i += 1;
            }
        }
    }
    out
}

/// What a block says when read as a label, hashed: its words in lower case, without a
/// closing colon.
fn label_key(b: &Block, text: &str) -> Option<u64> {
    // A line standing as a heading, or one that says it is a label: the cells of a table
    // flattened into short paragraphs are neither.
    let heading = match b.kind {
        BlockKind::Heading => true,
        BlockKind::Paragraph => false,
        _ => return None,
    };
    if b.span.end - b.span.start > MAX_LABEL_BYTES + 8 {
        return None;
    }
    let t = label_words(&text[b.span.start..b.span.end], heading)?;
    // FNV-1a over the words, ASCII case folded, one space between them.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in t.split_ascii_whitespace().enumerate() {
        for c in (i > 0).then_some(b' ').into_iter().chain(w.bytes().map(|c| c.to_ascii_lowercase())) {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Some(h)
}

/// The words of a line that reads as a label, without a closing colon: a heading's, or a line
/// that ends in a colon when it is no heading.
fn label_words(t: &str, heading: bool) -> Option<&str> {
    // Byte by byte and ASCII only: every heading of every document is asked. A label opens on
    // a capital ("Issue / risk", "Target date"), which a label in another script may not.
    let t = t.trim_ascii();
    let t = match (heading, t.strip_suffix(':')) {
        (true, bare) => bare.unwrap_or(t).trim_ascii_end(),
        (false, Some(bare)) => bare.trim_ascii_end(),
        (false, None) => return None,
    };
    // A date, a number, a sentence or a label with its value ("Responsible officer: Chief
    // Finance Officer") is a value, not a label.
    let bytes = t.as_bytes();
    let a_value = !bytes.first().is_some_and(u8::is_ascii_uppercase)
        || t.len() > MAX_LABEL_BYTES
        || bytes.iter().any(|&c| c == b':' || c.is_ascii_digit())
        || t.ends_with(['.', '?', '!', ';', ','])
        || t.split_ascii_whitespace().nth(MAX_LABEL_WORDS).is_some();
    (!a_value).then_some(t)
}

/// One item: its heading, if it has one, and each label's text.
struct Record {
    title: String,
    fields: Vec<(usize, String)>,
}

/// The records that start at `start`, whose first label opens each of them, and the block
/// after the last.
fn records_from(blocks: &[Block], text: &str, keys: &[Option<u64>], start: usize) -> Option<(Table, usize)> {
    let first = keys[start]?;
    let block_text = |j: usize| text[blocks[j].span.start..blocks[j].span.end].trim();
    let is_heading = |j: usize| blocks[j].kind == BlockKind::Heading;
    // An item's heading stands just above its first label: a numbered one if there is one
    // ("2. Reserves"), as a page's running line may stand between. A numbered title set
    // straight above the label is read as a list item of one line.
    let is_title = |j: usize| is_heading(j) || blocks[j].kind == BlockKind::ListItem && label_words(block_text(j), true).is_some();
    let title_before = |from: usize, to: usize| {
        let near = (from..to).rev().take(MAX_GAP).filter(|&j| is_title(j));
        let numbered = near.clone().find(|&j| blocks[j].kind == BlockKind::ListItem || numbered_title(block_text(j)));
        numbered.or_else(|| near.clone().next()).map(|j| block_text(j).to_string()).unwrap_or_default()
    };
    let mut labels: Vec<(u64, String)> = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    let mut open: Option<Record> = None;
    let mut expecting_value = false;
    // The block after the last one that belonged to an item.
    let mut last = start;
    // Where the text of the last label began.
    let mut value_from = start;
    let mut j = start;
    while j < blocks.len() {
        let key = keys[j];
        if expecting_value {
            // Whatever stands under a label is its text, a heading-like line too ("31 March 2026").
            if let Some(f) = open.as_mut().and_then(|r| r.fields.last_mut()) {
                f.1 = block_text(j).to_string();
            }
            expecting_value = false;
            value_from = j;
            last = j + 1;
        } else if key == Some(first) {
            // An item of one label is no record: the label is a heading that recurs.
            if open.as_ref().is_some_and(|r| r.fields.len() < 2) {
                return None;
            }
            let title = title_before(if records.is_empty() && open.is_none() { start.saturating_sub(MAX_GAP) } else { last }, j);
            records.extend(open.take());
            labels_at(&mut labels, first, block_text(j));
            open = Some(Record { title, fields: vec![(0, String::new())] });
            expecting_value = true;
            last = j + 1;
        } else if let (Some(k), Some(r)) = (key, open.as_mut())
            && !r.fields.iter().any(|(c, _)| labels[*c].0 == k)
            && (records.is_empty() || labels.iter().any(|(l, _)| *l == k))
        {
            let column = labels_at(&mut labels, k, block_text(j));
            r.fields.push((column, String::new()));
            expecting_value = true;
            last = j + 1;
        } else if j == last
            && j < value_from + MAX_VALUE_BLOCKS
            && (!is_heading(j) || crate::line_shapes::is_label_line(block_text(j)))
            && blocks[j].kind != BlockKind::TableCell
            && keys.get(j + 1).copied().flatten() != Some(first)
        {
            // A further paragraph of the last label's text, or a line of it labelled within
            // ("Responsible officer: Chief Finance Officer").
            if let Some(f) = open.as_mut().and_then(|r| r.fields.last_mut()) {
                if !f.1.is_empty() {
                    f.1.push(' ');
                }
                f.1.push_str(block_text(j));
            }
            last = j + 1;
        } else if j >= last + MAX_GAP {
            // Blocks that belong to no item: a page's running line or the next item's heading
            // may stand between two items, but no more.
            break;
        }
        j += 1;
    }
    records.extend(open);
    // Two items or more, each giving most of the labels the first gave, in the same order, and
    // some of it in prose: what a table too wide for the page holds.
    let full = |r: &Record| r.fields.len() * 2 > labels.len() && r.fields.windows(2).all(|w| w[0].0 < w[1].0);
    let prose = |r: &Record| r.fields.iter().any(|(_, v)| v.split_whitespace().nth(PROSE_WORDS - 1).is_some());
    if records.len() < 2 || !(2..=MAX_LABELS).contains(&labels.len()) || !records.iter().all(full) || !records.iter().any(prose) {
        return None;
    }
    let mut header = vec![String::new()];
    header.extend(labels.iter().map(|(_, shown)| shown.clone()));
    let rows = records
        .into_iter()
        .map(|r| {
            let mut row = vec![String::new(); header.len()];
            row[0] = r.title;
            for (c, v) in r.fields {
                row[c + 1] = v;
            }
            row
        })
        .collect();
    Some((Table { header, rows }, last))
}

/// A title numbered as an item is ("2. Reserves", "3 Workforce"), not a year ("2025/26 ...").
fn numbered_title(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && t[digits..].trim_start_matches(['.', ')']).starts_with(' ')
}

/// The column a label heads, added when first seen; the label as written is the header.
fn labels_at(labels: &mut Vec<(u64, String)>, key: u64, shown: &str) -> usize {
    if let Some(c) = labels.iter().position(|(l, _)| *l == key) {
        return c;
    }
    labels.push((key, shown.trim_end_matches(':').trim_end().to_string()));
    labels.len() - 1
}

#[cfg(test)]
mod tests {
    use crate::ingest::text;

    fn tables_of(input: &str) -> Vec<crate::model::Table> {
        crate::segment::build(text::read(input), "x.txt", "id".into(), 0).tables
    }

    const PLAN: &str = "Appendix 1: Action plan\n\n\
        1. Financial plan\n\nIssue / risk\nThe board relies on reserves to balance its budget.\n\n\
        Recommendation\nThe board should approve a recovery plan.\n\n\
        Agreed management action\nA plan will be presented for approval.\n\n\
        Responsible officer\nChief Finance Officer\n\nTarget date\n31 March 2026\n\n\
        2. Reserves\n\nIssue / risk\nReserves are below the target in the policy.\n\n\
        Recommendation\nThe board should review its reserves policy.\n\n\
        Agreed management action\nThe policy will be reviewed.\n\nIt will be agreed with partners.\n\n\
        Responsible officer\nChief Finance Officer\n\nTarget date\n28 February 2026\n\n\
        Follow-up of prior year recommendations\n\nAll three are complete.\n";

    #[test]
    fn items_laid_out_label_by_label_make_a_table() {
        let t = tables_of(PLAN);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, ["", "Issue / risk", "Recommendation", "Agreed management action", "Responsible officer", "Target date"]);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].rows[0][0], "1. Financial plan");
        assert_eq!(t[0].rows[1][3], "The policy will be reviewed. It will be agreed with partners.");
        assert_eq!(t[0].rows[1][5], "28 February 2026");
    }

    #[test]
    fn their_rows_are_actions_with_a_lead_and_a_date() {
        let doc = crate::segment::build(text::read(PLAN), "x.txt", "id".into(), 0);
        let a = crate::extract::Extractor::default().extract(&doc).actions;
        let row = |a: &crate::model::Action| format!("{:?} | {} | {:?} | {:?}", a.priority, a.action, a.responsibility, a.due);
        let got: Vec<String> = a.iter().map(row).collect();
        assert_eq!(
            got,
            [
                r#"Some("1") | A plan will be presented for approval. | Some("Chief Finance Officer") | Some("2026-03-31")"#,
                r#"Some("2") | The policy will be reviewed. It will be agreed with partners. | Some("Chief Finance Officer") | Some("2026-02-28")"#,
            ]
        );
    }

    #[test]
    fn items_set_close_with_labelled_lines_of_their_own() {
        let item = |n: usize, title: &str, date: &str| {
            format!(
                "{n}. {title}\nIssue/risk\nThe plan has not been updated since 2024.\nRecommendation\nThe board should update its plan.\n\
                 Agreed management action/timing\nAccepted. A new plan will be presented.\nResponsible officer: Chief Finance Officer\nAgreed date: {date}\n\n"
            )
        };
        let text =
            format!("2025/26 recommendations\n\n{}{}", item(1, "Financial plan", "31 March 2027"), item(2, "Savings", "30 November 2026"));
        let t = tables_of(&text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, ["", "Issue/risk", "Recommendation", "Agreed management action/timing"]);
        let titles: Vec<&str> = t[0].rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(titles, ["1. Financial plan", "2. Savings"]);
        assert_eq!(
            t[0].rows[1][3],
            "Accepted. A new plan will be presented. Responsible officer: Chief Finance Officer Agreed date: 30 November 2026"
        );
    }

    #[test]
    fn a_label_used_once_or_a_lone_label_that_recurs_make_no_table() {
        assert!(tables_of("Recommendation\nThe board should act.\n\nTarget date\n31 March 2026\n").is_empty());
        assert!(tables_of("Summary\nStaff are kind.\n\nSummary\nMeals are good.\n").is_empty());
    }
}
