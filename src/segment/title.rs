//! A document's title, when its reader found none: the line at the top that names it. Covers
//! of reports and committee papers open with addresses, dates, logos and labels, and PDF
//! conversions wrap a title over several lines; the first line is often none of the title.

use crate::line_shapes::{ends_in_postcode, is_date_line, is_function_word, label_end};
use crate::model::{Block, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

/// Titles are looked for among this many blocks from the top.
const COVER_BLOCKS: usize = 12;
/// Words a title in capitals throughout needs, besides kind and function words, to name
/// something particular.
const ALL_CAPITALS_MIN_WORDS: usize = 4;
/// A title longer than this is cut, with an ellipsis.
const MAX_CHARS: usize = 200;

/// Words that say what kind of document a line names ("Inspection of ...", "Annual Report and
/// Accounts 2024-25"), in lower case. Not "audit" nor "accounts": they name bodies and
/// committees ("Audit Scotland", "Accounts Commission") as often as documents.
const KIND_WORDS: &[&str] = &[
    "inspection",
    "report",
    "review",
    "assessment",
    "visit",
    "evaluation",
    "investigation",
    "inquiry",
    "progress",
    "update",
    "summary",
    "plan",
    "strategy",
    "statement",
    "minutes",
    "agenda",
    "meeting",
    "briefing",
    "bulletin",
    "overview",
];

/// A label and its value ("Subject: Joint inspection ..."), where the value is the title.
static SUBJECT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)^(?:subject|title|report title|title of report|re)\s*:\s*(.+)$").unwrap());
/// A label inside a cover line ("... children's services Inspection dates: 19 to 23 May"),
/// which ends the title before it.
static INNER_LABEL: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"\s[A-Z][a-z]+(?: [a-z]+){0,2}:(?:\s|$)").unwrap());
static KIND_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)^(?:(?:(?-i:[A-Z])[\w’'&-]*\s+){0,5}(?:(?:press|news|media)\s+release|news)|for\s+immediate\s+release|embargoed(?-u:\b).*|(?:inspection\s+)?report)\W*$",
    )
    .unwrap()
});
/// A committee paper's line that says who wrote it ("Report by the Chief Officer", "Report of
/// the Director of Adult Social Care", "Briefing prepared by the auditor for the board"), which
/// names its author, not its subject.
static AUTHOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)^(?:joint\s+)?report\s+(?:of|by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:director|chief|officer|head|executive|manager|treasurer|clerk|secretary|solicitor|controller|convener|chair|leader|member|lead)(?-u:\b)|^(?:an?\s+)?(?:joint\s+)?(?:report|briefing|paper|summary)\s+(?:(?:prepared|produced|written|commissioned)\s+(?:by|for|on\s+behalf\s+of)|by|from)\s").unwrap()
});
/// What a title is about, after a preposition ("inspection of Northshire", "visit to the
/// Riverside Ward").
static ABOUT: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?-u:\b)(?:of|in|for|on|into|to|at)\s+(?:the\s+)?[A-Z]").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?-u:\b)(?:19|20)\d\d(?-u:\b)").unwrap());

/// The title of a document laid out in `blocks` over `text`, if it has any blocks. In order:
/// a labelled subject ("Subject: ..."); a letter's subject line; a line near the top that
/// names a kind of document and what it is about, with the lines it wraps onto; the first
/// heading near the top; the first block. Addresses and dates are passed over throughout.
pub fn choose(blocks: &[Block], text: &str) -> Option<String> {
    let texts: Vec<&str> = blocks.iter().take(COVER_BLOCKS).map(|b| text[b.span.start..b.span.end].trim()).collect();
    if let Some(t) = texts.iter().find_map(|t| SUBJECT_LABEL.captures(t).map(|c| c.get(1).map_or("", |m| m.as_str()).trim()))
        && t.chars().count() >= 10
    {
        return Some(truncate_chars(t, MAX_CHARS));
    }
    if let Some(i) = letter_subject(&texts) {
        return Some(truncate_chars(texts[i], MAX_CHARS));
    }
    if let Some(t) = naming_line(blocks, &texts) {
        return Some(truncate_chars(&t, MAX_CHARS));
    }
    // A heading near the top names the document better than a first paragraph does; one after
    // running text heads a section or signs a letter.
    // The line over "News release" names who releases it ("Audit Scotland" / "News release" /
    // the headline).
    let publisher = |i: usize| texts.get(i + 1).is_some_and(|next| KIND_ONLY.is_match(next));
    let first_heading = blocks
        .iter()
        .zip(&texts)
        .enumerate()
        .take(5)
        .take_while(|(_, (b, t))| !is_body(b, t))
        .find(|&(i, (b, t))| b.kind == BlockKind::Heading && t.len() > 10 && !is_cover_matter(t) && !publisher(i))
        .map(|(_, (_, t))| *t);
    let first = || {
        texts.iter().enumerate().find(|&(i, t)| !is_cover_matter(t) && !publisher(i)).or(texts.iter().enumerate().next()).map(|(_, t)| *t)
    };
    let chosen = first_heading.or_else(first)?;
    // A publisher's name over a title with a subtitle ("Mental Welfare Commission" over
    // "Rights in practice: a themed visit to care homes") or one that names a kind of document
    // ("Response to the inspection: improvement plan"): the title names the document.
    let naming = || {
        blocks.iter().zip(&texts).take(5).take_while(|(b, t)| !is_body(b, t)).map(|(_, t)| *t).find(|t| {
            is_title_shaped(t)
                && !is_cover_matter(t)
                && (label_end(t).is_some_and(|end| is_subtitle(&t[end..]))
                    || has_kind_word(t) && says_what_about(t) && !names_only_kinds(t, &["meeting", "agenda", "minutes"]))
        })
    };
    let chosen = if is_name_line(chosen) { naming().unwrap_or(chosen) } else { chosen };
    Some(truncate_chars(chosen, MAX_CHARS))
}

/// Cover matter that names no document: an address, a date, a label and its value
/// ("Inspection completed on: 9 October 2025", where "Northshire Council: local authority
/// assessment" names one), an author ("Report by the Chief Officer"), a line that says only what kind of document
/// follows ("News release", "Care Inspectorate news") or when it may be read ("Embargoed until 00:01 ...").
fn is_cover_matter(line: &str) -> bool {
    ends_in_postcode(line)
        || is_date_line(line)
        || label_end(line).is_some_and(|end| !has_kind_word(&line[end..]) && !names_a_report(&line[..end]) && !is_subtitle(&line[end..]))
        || KIND_ONLY.is_match(line)
        || AUTHOR_LINE.is_match(line)
}

/// What follows a title's colon rather than a label's: a phrase in lower case of four words or
/// more ("Waiting well: people's experiences of waiting for care"), where a label's value is
/// a name, a date or a word or two ("Status: not started").
fn is_subtitle(value: &str) -> bool {
    value.trim_start().chars().next().is_some_and(char::is_lowercase) && words(value).count() >= 4
}

/// A paragraph of running text: the cover is over.
fn is_body(block: &Block, text: &str) -> bool {
    block.kind == BlockKind::Paragraph && text.len() >= 100 && text.ends_with(['.', '!', '?'])
}

/// The line of the cover that names a kind of document ("inspection", "report", ...) and
/// something particular (a capitalised word past the first that is not itself a kind word, or
/// a year), joined with the lines it wraps onto. The first that says what it is about ("...
/// inspection of Northshire ...") wins over one before it that only names a kind of report
/// ("Local Area Partnership report"). A line that names only a kind of report takes the name
/// on the line under it ("Hospital Inspection Report (Unannounced)" over "Northvale Hospital").
fn naming_line(blocks: &[Block], texts: &[&str]) -> Option<String> {
    let mut first: Option<String> = None;
    let mut generic: Option<String> = None;
    // "Board Meeting – 27 November 2025" over "Integrated Performance Report": the meeting
    // the paper goes to, which names the paper only when nothing else does.
    let mut meeting: Option<String> = None;
    for (i, (b, t)) in blocks.iter().zip(texts).enumerate() {
        if is_body(b, t) {
            break;
        }
        let line = before_inner_label(t, 15);
        if !is_title_shaped(line) || is_cover_matter(line) || !has_kind_word(line) {
            continue;
        }
        let mut title = line.to_string();
        // A label after the title on its line ("... services Inspection dates: ...") shows
        // where the title ended.
        let mut ended = line.len() < t.len();
        let mut last = i;
        for (j, next) in texts.iter().enumerate().skip(i + 1) {
            if ended {
                break;
            }
            let cut = before_inner_label(next, 1);
            ended = cut.len() < next.len();
            // So does cover matter on the line after ("Partnership" over "Inspection dates:").
            let last_line = ended || texts.get(j + 1).is_some_and(|t| is_cover_matter(t));
            if !continues_title(&title, cut, if last_line { 1 } else { 2 }) {
                break;
            }
            title.push(' ');
            title.push_str(cut);
            last = j;
        }
        if names_something(&title) && names_only_kinds(&title, &["meeting", "agenda"]) {
            meeting.get_or_insert(title);
        } else if meeting.is_some() && names_only_kinds(&title, &["meeting", "agenda", "minutes"]) {
            // An item of the meeting's business ("Minutes of the previous meeting") names no
            // paper either.
        } else if names_something(&title) {
            if ABOUT.is_match(&title) {
                return Some(title);
            }
            first.get_or_insert(title);
        } else if generic.is_none()
            && !ended
            && let Some(name) = texts.get(last + 1).filter(|n| is_name_line(n))
        {
            generic = Some(format!("{title}: {name}"));
        }
    }
    first.or(generic).or(meeting)
}

/// Whether a line that names a kind of document says what it is about, after a colon or a
/// preposition ("Review: Mr B", "Response to the inspection of adult services"), where a
/// kind alone ("Care service inspection report") names none in particular.
fn says_what_about(t: &str) -> bool {
    t.contains(':') || words(t).any(|w| matches!(w, "of" | "to" | "on" | "into" | "for"))
}

/// Whether every kind of document a line names is one of `kinds` ("meeting", "agenda").
fn names_only_kinds(t: &str, kinds: &[&str]) -> bool {
    let named: Vec<String> = words(t).map(bare).filter(|w| KIND_WORDS.contains(&w.as_str())).collect();
    !named.is_empty() && named.iter().all(|k| kinds.contains(&k.as_str()))
}

/// A cover line that is only a name ("Northvale Hospital, Northvale Health Board"): its words
/// are capitalised, but for those that join names, and it names no kind of document.
fn is_name_line(t: &str) -> bool {
    is_title_shaped(t)
        && !is_cover_matter(t)
        && !has_kind_word(t)
        && words(t).count() <= 12
        && words(t).all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_function_word(&bare(w)))
}

/// A cover line up to a label inside it, when that label starts at byte `min_start` or later
/// (a title may hold a colon of its own: "Joint inspection of adult services: Northshire").
/// Nor is a colon before what names a kind of document a label's ("Local government in
/// Scotland: Financial bulletin 2024/25").
fn before_inner_label(t: &str, min_start: usize) -> &str {
    let Some(m) = INNER_LABEL.find(t).filter(|m| m.start() >= min_start) else {
        return t;
    };
    // The words just after the colon: a label's value may run on into the next label.
    let value: String = words(&t[m.end()..]).take(4).collect::<Vec<_>>().join(" ");
    if has_kind_word(&value) { t } else { t[..m.start()].trim_end() }
}

fn is_title_shaped(t: &str) -> bool {
    (10..=MAX_CHARS).contains(&t.chars().count())
        && !t.ends_with(['.', ':', ';', ',', '!', '?'])
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn words(t: &str) -> impl DoubleEndedIterator<Item = &str> {
    t.split(|c: char| c.is_whitespace() || c == '/' || c == '–' || c == '-').filter(|w| !w.is_empty())
}

fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

fn has_kind_word(t: &str) -> bool {
    words(t).any(|w| KIND_WORDS.contains(&bare(w).as_str()))
}

/// Whether a label is itself the name of a report, its subject after the colon ("Internal
/// Audit Report: Financial Planning"), unlike "Inspection dates:" or "Type of inspection:".
fn names_a_report(label: &str) -> bool {
    const REPORT_HEADS: [&str; 6] = ["report", "review", "update", "briefing", "bulletin", "summary"];
    let last = words(label.trim_end_matches([':', ' '])).last().map(bare).unwrap_or_default();
    REPORT_HEADS.contains(&last.as_str())
}

/// Whether a title names something particular. A line in capitals throughout marks no names
/// by its capitals: it names what it is about by a year, or by words enough to say what
/// about ("ADULT SOCIAL CARE: RESPONSE TO THE CQC ASSESSMENT", not "PART A – ANNUAL REPORT").
fn names_something(t: &str) -> bool {
    if words(t).count() < 3 {
        return false;
    }
    let particular = |b: &str| !KIND_WORDS.contains(&b) && !is_function_word(b);
    if YEAR.is_match(t) {
        return true;
    }
    if !t.chars().any(char::is_lowercase) {
        return words(t).map(bare).filter(|b| b.chars().count() > 1 && particular(b)).count() >= ALL_CAPITALS_MIN_WORDS;
    }
    words(t).skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase) && particular(&bare(w)))
}

/// Whether `next` carries on the title so far, as a title wrapped over lines does: after a
/// word that cannot end a title ("Inspection of"), from a lower-case word ("and Accounts"), a
/// year ("2024-2025"), or a short run of capitalised words ending a name ("Derbyshire Local" /
/// "Area Partnership"). A single word on its own line is a label ("Grade"), not a name's end,
/// unless a label follows it (`min_words` 1): then the title ended with it.
fn continues_title(title: &str, next: &str, min_words: usize) -> bool {
    if next.is_empty() || next.chars().count() > 80 || next.ends_with(['.', ':', ';', '!', '?']) || next.contains(':') {
        return false;
    }
    if title.chars().count() + next.chars().count() > MAX_CHARS || is_cover_matter(next) {
        return false;
    }
    let last = words(title).last().map(bare).unwrap_or_default();
    let first_char = next.chars().next().unwrap_or(' ');
    if is_function_word(&last) || first_char.is_lowercase() {
        return true;
    }
    if YEAR.is_match(next) && next.chars().all(|c| c.is_ascii_digit() || "-–/ ".contains(c)) {
        return true;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let next_words: Vec<&str> = words(next).collect();
    // "Inspection of Bath and North East" / "Somerset local authority children's": a name
    // after "of" that the line break cut, which goes on in lower case after its last word.
    if in_a_name_after_a_preposition(title)
        && next_words.first().is_some_and(|w| capitalised(w))
        && (2..=8).contains(&next_words.len())
        && next_words.iter().any(|w| !capitalised(w) && !is_function_word(&bare(w)))
    {
        return true;
    }
    words(title).last().is_some_and(capitalised)
        && (min_words..=4).contains(&next_words.len())
        && next_words.iter().all(|w| capitalised(w) || is_function_word(&bare(w)))
        && !has_kind_word(next)
}

/// Whether a title ends in a name that follows a preposition ("Inspection of Bath and North
/// East"): from the end, capitalised words and the words that join names, then "of", "into",
/// "for", "in" or "on".
fn in_a_name_after_a_preposition(title: &str) -> bool {
    let mut names = 0;
    for w in words(title).rev() {
        let b = bare(w);
        if matches!(b.as_str(), "of" | "into" | "for" | "in" | "on") {
            return names > 0;
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            names += 1;
        } else if !matches!(b.as_str(), "and" | "&" | "the") {
            return false;
        }
    }
    false
}

/// A letter's subject line, the short line after its salutation ("Dear Jane" then "Focused
/// visit to Northshire children's services"): above it stand addresses and a date, which name
/// no document.
fn letter_subject(texts: &[&str]) -> Option<usize> {
    let dear = texts.iter().position(|t| t.starts_with("Dear ") && t.len() < 60)?;
    texts.get(dear + 1).filter(|t| (10..=150).contains(&t.len()) && !t.ends_with('.')).map(|_| dear + 1)
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::text;
    use crate::segment::build;

    fn title(text: &str) -> Option<String> {
        build(text::read(text), "x.txt", "id".into(), 0).title
    }

    #[test]
    fn a_letter_is_named_by_its_subject_line() {
        let letter = "Ofsted\nPiccadilly Gate\nManchester M1 2WD\n\n14 March 2025\n\nDear Jane\n\nFocused visit to Northshire children's services\n\nThis letter summarises the findings of the visit.\n";
        assert_eq!(title(letter).as_deref(), Some("Focused visit to Northshire children's services"));
        // After a salutation, a sentence is the letter's start, not its subject.
        assert_ne!(
            title("Piccadilly Gate\n\nDear Jane\n\nThank you for your letter of 3 May.\n").as_deref(),
            Some("Thank you for your letter of 3 May.")
        );
    }

    #[test]
    fn a_paper_is_named_by_itself_not_by_the_meeting_it_goes_to() {
        let paper = "NHS Northvale\nBoard Meeting – 27 November 2025\nAgenda item 7.2\n\nIntegrated Performance Report – September 2025\n\nResponsible Director: Director of Planning\n";
        assert_eq!(title(paper).as_deref(), Some("Integrated Performance Report – September 2025"));
        // A bundle of papers has only its meeting to be named by.
        assert_eq!(
            title("Public Board Meeting 4 September 2025\n\nMinutes of the Previous Meeting and Matters Arising\n").as_deref(),
            Some("Public Board Meeting 4 September 2025")
        );
    }

    #[test]
    fn a_labelled_subject_names_a_committee_paper() {
        let paper = "Civic Centre\nHigh Street\nNorthtown\nNT1 4AB\n\n3 March 2025\n\nNORTHSHIRE INTEGRATION JOINT BOARD\n\nSubject: Winter Planning Progress Report\n\nReport by Chief Officer\n\n1. The Board is asked to note the report.\n";
        assert_eq!(title(paper).as_deref(), Some("Winter Planning Progress Report"));
    }

    #[test]
    fn a_cover_line_that_names_the_report_wins_over_a_generic_one() {
        let cases = [
            // The wrapped name is joined, and the labels after it are not part of it.
            (
                "Local area partnership report\n\nArea SEND inspection of Northshire Local\nArea Partnership\nInspection dates: 1 to 5 May 2024\n\nInspection outcome\nThe partnership works well together and children are supported to achieve their goals.\n",
                "Area SEND inspection of Northshire Local Area Partnership",
            ),
            (
                "Local Area Partnership report\n\nArea SEND inspection of Northshire Local Area\nPartnership\nInspection dates: 1 to 5 May 2024\n\nInspection outcome\n",
                "Area SEND inspection of Northshire Local Area Partnership",
            ),
            // A name cut after its first words goes on in lower case on the next line.
            (
                "Inspection of Northshire and West\nVale local authority children’s\nservices\nInspection dates: 9 to 13 June 2025\nLead inspector: A Name\n",
                "Inspection of Northshire and West Vale local authority children’s services",
            ),
            // A word on its own line that the cover's labels do not follow heads what comes next.
            (
                "Inspection of the Northshire Children and Families Trust\n\nGrade\n\nOutstanding\n",
                "Inspection of the Northshire Children and Families Trust",
            ),
            (
                "Inspection of Northshire local authority\nchildren's services\nInspection dates: 19 to 23 May 2025\nLead inspector: Jane Roe\n\nJudgement\n\nGrade\n",
                "Inspection of Northshire local authority children's services",
            ),
            (
                "Northshire Community Health Trust\n\nAnnual Report\n\nand Accounts 2024-2025\n\nContents\n\nForeword\n",
                "Annual Report and Accounts 2024-2025",
            ),
            // The author's line is not the subject; a subject in capitals names it by its words.
            (
                "NORTHSHIRE COUNCIL\n\nCABINET\n\n12 March 2025\n\nReport of the Director of Adult Social Care\n\nADULT SOCIAL CARE: RESPONSE TO THE LOCAL AUTHORITY ASSESSMENT\n\n1. PURPOSE OF REPORT\n",
                "ADULT SOCIAL CARE: RESPONSE TO THE LOCAL AUTHORITY ASSESSMENT",
            ),
            // Nor is the publisher's line ("A report by ...") under a title that names no kind.
            (
                "Waiting well: people's experiences of waiting for social care assessments\n\nA report by Carewatch England, October 2025\n\nSummary\n",
                "Waiting well: people's experiences of waiting for social care assessments",
            ),
            (
                "Northshire Welfare Commission\n\nRights in practice: a themed visit to people in care homes\n\nPublished: 21 January 2026\n\nSummary\n",
                "Rights in practice: a themed visit to people in care homes",
            ),
            (
                "Northshire Health and Social Care Partnership\n\nResponse to the inspection of adult services: improvement plan\n\nReport to: Integration Joint Board\n",
                "Response to the inspection of adult services: improvement plan",
            ),
            (
                "Care at home: staffing and waiting lists 2025\n\nBriefing prepared by the Auditor General for the Scottish Parliament\nMay 2025\n\nKey messages\n",
                "Care at home: staffing and waiting lists 2025",
            ),
            // A name before a colon is not a label when what follows names a kind of document.
            (
                "Northshire Borough Council: local authority assessment\n\nHow we assess local authorities\n\nAssessment published: 20 February 2025\n",
                "Northshire Borough Council: local authority assessment",
            ),
            // A label that names a report has the report's subject after it.
            (
                "Northshire Integration Joint Board\n\nAudit and Risk Committee – 24 June 2025\n\nInternal Audit Report: Financial Planning\n\nReport by Chief Internal Auditor\n\nAudit opinion: Limited assurance\n",
                "Internal Audit Report: Financial Planning",
            ),
            // A line that names only a kind of report takes the name under it.
            (
                "Northshire Healthcare Inspectorate\n\nHospital Inspection Report (Unannounced)\n\nNorthvale Hospital, Northshire Health Board\n\nInspection date: 4 February 2025\n",
                "Hospital Inspection Report (Unannounced): Northvale Hospital, Northshire Health Board",
            ),
        ];
        for (cover, want) in cases {
            assert_eq!(title(cover).as_deref(), Some(want), "{cover}");
        }
    }

    #[test]
    fn labelled_cover_lines_are_not_titles() {
        let cover = "Northfield House Care Home\nCare service inspection report\n\nService provided by: Northfield Care Ltd\nInspection completed on: 9 October 2025\n\nHow good is our leadership?  2 - Weak\n";
        assert_eq!(title(cover).as_deref(), Some("Northfield House Care Home"));
    }

    #[test]
    fn addresses_and_dates_are_not_titles() {
        let paper = "Council Building 2 High Street Northtown NT1 5PH\n\n25 November 2020\n\nAttached is a supplementary agenda for the meeting of the Audit and Performance Committee of the Northshire Integration Joint Board.\n\nGordon Smith\n\nChief Officer\n";
        let t = title(paper).unwrap();
        assert!(t.starts_with("Attached is a supplementary agenda"), "{t}");
    }

    #[test]
    fn a_headline_stays_the_title() {
        let release = "Inspectors praise joint working in Northshire\n\nA report published today by the Care Inspectorate found that the partnership had made good progress in several areas of its work.\n";
        assert_eq!(title(release).as_deref(), Some("Inspectors praise joint working in Northshire"));
        let release = "News release\nEmbargoed until 00:01, Thursday 13 March 2025\n\nPartnerships face growing pressures\n\nA report published today by the Accounts Commission found that costs had risen across the country.\n";
        assert_eq!(title(release).as_deref(), Some("Partnerships face growing pressures"));
        let release = "Northshire Audit Office\nNews release\n\nCouncils face growing pressures on social care\n\nA report published today found that costs had risen across the country.\n";
        assert_eq!(title(release).as_deref(), Some("Councils face growing pressures on social care"));
        // A publisher's news page names itself above the headline.
        let release = "Northshire Inspectorate news\n\nInspectors highlight strong support for young carers\n\n17 September 2025\n\nA joint inspection has found that young carers are well supported by staff across the area.\n";
        assert_eq!(title(release).as_deref(), Some("Inspectors highlight strong support for young carers"));
        // A headline that ends in "news" is no publisher's page name.
        let release = "Carers welcome the news\n\nA report published today found that carers in Northshire are well supported by staff.\n";
        assert_eq!(title(release).as_deref(), Some("Carers welcome the news"));
        // A colon before a kind of document is no label's.
        let bulletin = "Northshire Audit Office\n\nLocal government in Northshire: Financial bulletin 2024/25\n\nKey messages\n";
        assert_eq!(title(bulletin).as_deref(), Some("Local government in Northshire: Financial bulletin 2024/25"));
        // A generic line that names nothing in particular does not displace a first heading.
        let review = "Integrating health and social care: a progress review\n\nKey messages\n\nPartners have made progress in some areas of their work over the last year.\n";
        assert_eq!(title(review).as_deref(), Some("Integrating health and social care: a progress review"));
    }
}
