//! Dates: finding them in UK forms ("7 February 2018", "February 2018", "07.02.18",
//! "2018-02-07") and choosing the document's own date: an inspection's last day, or a date
//! standing alone near the top (publication, meeting or letter), never one in passing.

use crate::model::{DocType, Document};
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})(?-u:\b)")).unwrap());
static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"(?i)(?-u:\b)({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})(?-u:\b)")).unwrap());
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"(?i)(?-u:\b)({MONTHS})\.?\s+(\d{{4}})(?-u:\b)")).unwrap());
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?-u:\b)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?-u:\b)").unwrap());
static ISO: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());
/// "16 to 20 June 2025", "13 May 2024 to 17 May 2024", "16 June to 20 June 2025".
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(r"(?i)(?-u:\b)(?:to|until|and|[-–])\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})(?-u:\b)"))
        .unwrap()
});
static INSPECTION_DATES: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(inspection dates?|dates? of (the )?inspection|inspection (took place|was carried out) (on|between|from))(?-u:\b)",
    )
    .unwrap()
});
/// What comes before the date of the meeting that minutes record ("... held in the Council
/// Chambers on Tuesday"), and words that put the meeting still to come.
static HELD_ON: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(meeting|minutes?)(?-u:\b).*(?-u:\b)held(?-u:\b)[^.]{0,120}?(?-u:\b)on\s+((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$").unwrap()
});
static TO_BE_HELD: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)(?-u:\b)((will|to)\s+be\s+held|next\s+meeting)(?-u:\b)").unwrap());
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(published|publication date|date of publication|date of meeting|meeting date|issued|date)\s*:?\s*(on\s+)?$",
    )
    .unwrap()
});
/// Words before a date that make it a deadline, not the document's date: "due" anywhere
/// before it, or a label just before it ("Agreed date:", "Target date:", "by").
static DUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)due(?-u:\b)|(?-u:\b)(deadline|by|(agreed|target|completion|review|implementation)\s+date)\s*:?\s*$")
        .unwrap()
});
static YEAR_MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"^\d{4}$").unwrap());

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_ascii_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|n| m.starts_with(n)).map(|i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A date found in text: where it is and its ISO form (YYYY-MM-DD or YYYY-MM).
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub iso: String,
}

/// Every date in `text`, in order; day-first for numeric forms, as in the UK.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut out: Vec<DateMatch> = Vec::new();
    let mut push = |start: usize, end: usize, iso: Option<String>| {
        if let Some(iso) = iso
            && !out.iter().any(|d| start < d.end && d.start < end)
        {
            out.push(DateMatch { start, end, iso });
        }
    };
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), month_number(&c[2]).and_then(|mo| iso(c[3].parse().ok()?, mo, c[1].parse().ok()?)));
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), month_number(&c[1]).and_then(|mo| iso(c[3].parse().ok()?, mo, c[2].parse().ok()?)));
    }
    for c in ISO.captures_iter(text) {
        let m = c.get(0).unwrap();
        push(m.start(), m.end(), iso(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0)));
    }
    for c in NUMERIC.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y: i32 = c[3].parse().unwrap_or(0);
        let y = if c[3].len() == 2 { if y < 70 { 2000 + y } else { 1900 + y } } else { y };
        push(m.start(), m.end(), iso(y, c[2].parse().unwrap_or(0), c[1].parse().unwrap_or(0)));
    }
    for c in MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y: i32 = c[2].parse().unwrap_or(0);
        push(m.start(), m.end(), month_number(&c[1]).filter(|_| (1900..=2100).contains(&y)).map(|mo| format!("{y:04}-{mo:02}")));
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Parse a string that is (mostly) one date.
pub fn parse_date(s: &str) -> Option<String> {
    find_dates(s).into_iter().next().map(|d| d.iso)
}

/// How many blocks from the top a standalone date may sit.
const HEAD_BLOCKS: usize = 25;

pub fn document_date(doc: &Document, doc_type: DocType) -> Option<String> {
    // An inspection report's own date is its publication date when it gives one ("Date of
    // publication: 2 May 2025" beside "Date of inspection visit: ..."), else its last day.
    if doc_type == DocType::InspectionReport {
        static PUBLICATION: LazyLock<Regex> =
            LazyLock::new(|| crate::rx::regex(r"(?i)(?-u:\b)(published|publication date|date of publication)\s*:?\s*(on\s+)?$").unwrap());
        for i in 0..doc.blocks.len().min(HEAD_BLOCKS) {
            let t = doc.block_text(i);
            // Most blocks name no publication: a plain search refuses them before the date search.
            let names_it = ["ublish", "UBLISH", "ublication", "UBLICATION"].iter().any(|w| t.contains(w));
            if !names_it {
                continue;
            }
            if let Some(d) = find_dates(t).into_iter().find(|d| PUBLICATION.is_match(t[..d.start].trim_end())) {
                return Some(d.iso);
            }
        }
    }
    for (i, b) in doc.blocks.iter().enumerate().take(60) {
        if doc_type != DocType::InspectionReport {
            break;
        }
        let t = doc.block_text(i);
        if let Some(m) = INSPECTION_DATES.find(t) {
            let rest = &t[m.end()..];
            // A label on a line of its own ("Inspection dates:") has its dates in the next block.
            let rest = if i + 1 < doc.blocks.len() && !rest.bytes().any(|b| b.is_ascii_digit()) { doc.block_text(i + 1) } else { rest };
            let rest = &rest[..rest.floor_char_boundary(120)];
            if let Some(c) = RANGE_END.captures(rest) {
                let y: i32 = c[3].parse().ok()?;
                if let Some(d) = month_number(&c[2]).and_then(|mo| iso(y, mo, c[1].parse().ok()?))
                    && b.kind != crate::model::BlockKind::TableCell
                {
                    return Some(d);
                }
            }
            if let Some(d) = find_dates(rest).last() {
                return Some(d.iso.clone());
            }
        }
    }
    // A date that stands nearly alone near the top, or follows "Published:"; not one in a
    // table, where an action plan sets when things are due.
    for (i, b) in doc.blocks.iter().enumerate().take(HEAD_BLOCKS) {
        if b.kind == crate::model::BlockKind::TableCell || b.table.is_some() {
            continue;
        }
        let t = doc.block_text(i);
        for d in find_dates(t) {
            let before = &t[..d.start];
            let after = &t[d.end..];
            let others = before.split_whitespace().count() + after.split_whitespace().count();
            // A meeting's line ends in its date after a dash or a comma ("Audit and Risk
            // Committee – 24 June 2025"), a cover's after a bar or a dot ("Audit body |
            // Performance audit | April 2025").
            let closes_a_short_line =
                t.len() <= 100 && after.trim().is_empty() && before.trim_end().ends_with(['–', '—', '-', ',', '|', '·', '•']);
            // Minutes open with the meeting "held in the Council Chambers on Tuesday 14
            // October 2025 at 10.00am".
            let held = || HELD_ON.is_match(before) && !TO_BE_HELD.is_match(before);
            if others <= 4 || closes_a_short_line || PUBLISHED.is_match(before.trim_end()) || held() {
                if DUE.is_match(before) {
                    continue;
                }
                return Some(d.iso);
            }
        }
        if YEAR_MONTH_WORD.is_match(t.trim()) {
            return Some(t.trim().to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_forms() {
        assert_eq!(parse_date("7 February 2018").as_deref(), Some("2018-02-07"));
        assert_eq!(parse_date("Monday, 30th November 2020 at 09:30").as_deref(), Some("2020-11-30"));
        assert_eq!(parse_date("07.02.18").as_deref(), Some("2018-02-07"));
        assert_eq!(parse_date("31/03/2021").as_deref(), Some("2021-03-31"));
        assert_eq!(parse_date("Published November 2018").as_deref(), Some("2018-11"));
        assert_eq!(parse_date("2019-09-30").as_deref(), Some("2019-09-30"));
        assert_eq!(parse_date("31 February 2020"), Some("2020-02".to_string()));
        assert_eq!(parse_date("no date here"), None);
    }
}

#[cfg(test)]
mod document_date_tests {
    use super::*;
    use crate::{ingest, segment};

    fn doc(text: &str) -> Document {
        let raw = ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        segment::build(raw, "t.txt", "id".into(), text.len())
    }

    #[test]
    fn a_standalone_date_near_the_top_is_the_documents() {
        let d = doc(
            "Council Offices\nHigh Street\n\n3 March 2021\n\nThe meeting on Monday, 15 March 2021 will consider the plan due by 30 June 2021.\n",
        );
        assert_eq!(document_date(&d, DocType::CommitteeReport).as_deref(), Some("2021-03-03"));
        let d = doc(
            "Northshire Integration Joint Board\n\nAudit and Risk Committee – 24 June 2025\n\nInternal Audit Report: Financial Planning\n",
        );
        assert_eq!(document_date(&d, DocType::CommitteeReport).as_deref(), Some("2025-06-24"));
        let d = doc(
            "Northshire Council\n\nMINUTES of MEETING of the ADULT SERVICES COMMITTEE held in the Council Chambers on Tuesday 14 October 2025 at 10.00am\n\nPresent: Councillor A Brown.\n",
        );
        assert_eq!(document_date(&d, DocType::CommitteeReport).as_deref(), Some("2025-10-14"));
        // A meeting still to come dates nothing.
        let d = doc(
            "Northshire Council\n\nThe next meeting of the committee will be held on Tuesday 9 December 2025 in the Council Chambers.\n",
        );
        assert_eq!(document_date(&d, DocType::CommitteeReport), None);
    }

    #[test]
    fn dates_in_passing_are_not_the_documents() {
        let d = doc("Inspectors praise Northshire\n\nThe inspection was carried out between May and August 2017 and found strengths.\n");
        assert_eq!(document_date(&d, DocType::PressRelease), None);
    }

    #[test]
    fn an_inspection_report_without_a_publication_date_takes_the_last_day() {
        let d = doc("Inspection of Northshire\nInspection dates: 28 April to 2 May 2025\n\nText.\n");
        assert_eq!(document_date(&d, DocType::InspectionReport).as_deref(), Some("2025-05-02"));
    }

    #[test]
    fn an_inspection_report_with_a_publication_date_takes_it() {
        let d = doc(
            "Northshire General Hospital\nInspection report\n\nDate of inspection visit: 4 to 6 February 2025\nDate of publication: 2 May 2025\n\nWe found that staff were kind.\n",
        );
        assert_eq!(document_date(&d, DocType::InspectionReport).as_deref(), Some("2025-05-02"));
    }

    #[test]
    fn dates_under_a_label_of_their_own() {
        let d = doc(
            "Inspection of Northshire\nInspection dates:\n\n28 April 2025 to 2 May 2025\n\nDates of previous inspection:\n\n3 May 2019 to 7 May 2019\n",
        );
        assert_eq!(document_date(&d, DocType::InspectionReport).as_deref(), Some("2025-05-02"));
    }

    #[test]
    fn a_cover_date_under_a_long_line_not_an_action_plans_deadline() {
        let d = doc(
            "Northshire IJB 2024/25 Annual Audit Report\n\nPrepared for the Members of Northshire Integration Joint Board and the Controller of Audit\nSeptember 2025\n\nKey messages\n\n\
             | Issue | Agreed action |\n|---|---|\n| No savings plan. | Plan to be presented. Agreed date: 31 March 2026 |\n",
        );
        assert_eq!(document_date(&d, DocType::AuditReport).as_deref(), Some("2025-09"));
        // Without the cover's date, the deadline in the table is still not the document's.
        let d =
            doc("Northshire IJB Annual Audit Report\n\n| Issue | Agreed action |\n|---|---|\n| No plan. | Agreed date: 31 March 2026 |\n");
        assert_eq!(document_date(&d, DocType::AuditReport), None);
    }

    #[test]
    fn month_and_year_only() {
        let d = doc("Northshire integration review\n\nAudit body – June 2022\n\nKey messages\n");
        assert_eq!(document_date(&d, DocType::AuditReport).as_deref(), Some("2022-06"));
        let d = doc("Northshire integration review\n\nAudit body | Performance audit report | April 2025\n\nKey messages\n");
        assert_eq!(document_date(&d, DocType::AuditReport).as_deref(), Some("2025-04"));
    }
}
