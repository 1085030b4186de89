//! The kind of document, from the language of its opening: a committee paper names its
//! meeting and author, an inspection report its dates and inspectors, an audit its auditor,
//! and a press release reports what inspectors said.

use crate::model::{DocType, Document};
use regex::Regex;
use std::sync::LazyLock;

/// How much of the opening text the cues are looked for in.
const HEAD_BYTES: usize = 3000;
const PRESS_MAX_BYTES: usize = 40_000;

static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?im)(^\s*agenda\s*$|(?-u:\b)agenda item(?-u:\b))|(?-u:\b)(report by|report no|report of the|wards? affected|key decision|cabinet member|portfolio holder|contact officer|minutes of|meeting of|committee|board meeting|it is recommended that the|for (decision|noting|approval)|purpose of (the )?report|report author|responsible (executive|director|officer)|(board|members|cabinet|council) (is|are) (asked|invited|requested|recommended) to)(?-u:\b)|^\s*meeting( date)?\s*:|^\s*report to\s*:").unwrap()
});
static INSPECTION: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)((?m:^)\s*report\s+(?:of|on)\s+(?:an?\s+|the\s+)?(?:joint\s+|unannounced\s+|announced\s+)?inspection(?-u:\b)|(?-u:\b)inspection dates?(?-u:\b)|(?-u:\b)lead inspector(?-u:\b)|^\s*(joint |area send |local area )?inspection (of|report)(?-u:\b)|(?-u:\b)inspection report(?-u:\b)|(?-u:\b)judgement(?-u:\b).*(?-u:\b)grade(?-u:\b)|(?-u:\b)overall effectiveness(?-u:\b)|(?-u:\b)type of inspection(?-u:\b)|(?-u:\b)we evaluated (this|the) (service|key question)(?-u:\b)|(?-u:\b)((focused|monitoring|themed|thematic) visit to|(themed|thematic|local) visit report)(?-u:\b)|(?-u:\b)report on (an\s+)?(announced|unannounced) visit(?-u:\b)|(?-u:\b)date of (the\s+)?visit\s*:|(?-u:\b)(assessment dates?|date of assessment)\s*:|(?-u:\b)our view of the (service|location|provider)(?-u:\b)|(?-u:\b)(his|her) majesty[’']?s inspectors?(?-u:\b)|:\s*(local authority|integrated care system|provider|service) assessment\s*(\n|$)|(?-u:\b)how we assess (local authorities|integrated care systems|care providers|providers|services)(?-u:\b)|(?-u:\b)quality statement scores?(?-u:\b)|(?-u:\b)thematic\s+(?:review|inspection)(?-u:\b)|(?-u:\b)revisit\s+(?:to|in|of)(?-u:\b)|(?-u:\b)purpose of the (?:re)?visit(?-u:\b)|(?-u:\b)progress judgement(?-u:\b))").unwrap()
});
static AUDIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(audit scotland|accounts commission|national audit office|audit wales|wales audit office|auditor general|controller of audit|performance audit)(?-u:\b)").unwrap()
});
static PRESS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)((?-u:\b)(inspectors|the regulator|auditors)\s+(have\s+|has\s+)?(said|found|praised|praise|noted|heaped|judged|criticised|highlighted|identified|warned|welcomed|concluded)(?-u:\b)|(?-u:\b)said\s*:\s*[“‘\x22]|[”’],?\s+[A-Z]\w+\s+(said|explained|added)(?-u:\b)|(?-u:\b)published today(?-u:\b)|(?-u:\b)press release(?-u:\b)|(?-u:\b)news release(?-u:\b))").unwrap()
});

/// The statutory voice of a coroner's report to prevent future deaths: what its author found
/// gives rise to concern.
static INVESTIGATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(?:my\s+statutory\s+duty\s+to\s+report|future\s+deaths\s+(?:will|could|may|might)\s+occur|regulation\s+28\s+report|matters?\s+of\s+concerns?\s+(?:is|are)\s+as\s+follows)(?-u:\b)").unwrap()
});

/// How a document of none of the four kinds speaks, which decides what of its language is a
/// finding or a call to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// An investigator's report ([`is_investigation_report`]).
    Investigation,
    /// A body's account of itself ("Annual Report and Accounts", "Quality Account"): the duties
    /// it quotes from codes and manuals ("The board should set out ...") call on no one.
    OwnAccount,
    Ordinary,
}

/// The [`Voice`] of a document; see [`is_investigation_report`] for `in_concerns`.
pub fn voice(doc: &Document, doc_type: DocType, in_concerns: impl Fn(usize) -> bool) -> Voice {
    static OWN_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(
            r"(?i)(?-u:\b)(?:annual\s+report|report\s+and\s+accounts|quality\s+account|annual\s+governance\s+statement)(?-u:\b)",
        )
        .unwrap()
    });
    if is_investigation_report(doc, doc_type, in_concerns) {
        Voice::Investigation
    } else if doc_type == DocType::Other && doc.title.as_deref().is_some_and(|t| OWN_ACCOUNT.is_match(t)) {
        Voice::OwnAccount
    } else {
        Voice::Ordinary
    }
}

/// Whether a document of none of the four kinds is an investigator's report, such as a
/// coroner's report to prevent future deaths: like an inspection report, it states in its own
/// voice what gives rise to concern. The statutory words stand under its concerns heading, so
/// only blocks in that section (`in_concerns`) are read, not the whole of every document.
/// A title that names the report's statutory kind says so too, when its concerns leave the
/// formula out, as does one that names a review of a case (a learning review, a safeguarding
/// adults review, a domestic homicide review): its reviewers state what they found. So does an
/// ombudsman's decision on a complaint ("Decision Report"), on whether a body acted reasonably.
fn is_investigation_report(doc: &Document, doc_type: DocType, in_concerns: impl Fn(usize) -> bool) -> bool {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(prevention\s+of\s+future\s+deaths?|regulation\s+28|(?:learning|case|practice|safeguarding\s+adults?|(?:domestic\s+)?homicide)\s+review|decision\s+report|(?:public\s+services|health\s+service|local\s+government(?:\s+and\s+social\s+care)?)\s+ombudsman)(?-u:\b)").unwrap()
    });
    // The cover's first lines, as the title may be the publisher's name ("Northshire
    // Safeguarding Adults Board") over the report's ("Safeguarding Adults Review: Mr B").
    let cover = (0..doc.blocks.len().min(4)).map(|i| doc.block_text(i)).filter(|t| t.len() < 160);
    doc_type == DocType::Other
        && (doc.title.as_deref().is_some_and(|t| TITLE.is_match(t))
            || cover.into_iter().any(|t| TITLE.is_match(t))
            || (0..doc.blocks.len()).any(|i| in_concerns(i) && INVESTIGATION.is_match(doc.block_text(i))))
}

pub fn classify(doc: &Document) -> DocType {
    let mut end = doc.text.len().min(HEAD_BYTES);
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &doc.text[..end];
    let title = doc.title.as_deref().unwrap_or("");
    // Cues of different kinds: an action plan repeats its "Responsible officer:" label on
    // every row, in an auditor's report as in a committee's paper.
    let mut cues: Vec<String> = COMMITTEE.find_iter(head).map(|m| m.as_str().trim().to_lowercase()).collect();
    cues.sort_unstable();
    cues.dedup();
    if cues.len() >= 2 {
        return DocType::CommitteeReport;
    }
    if INSPECTION.is_match(head) {
        return DocType::InspectionReport;
    }
    let press = PRESS.find_iter(&doc.text).count();
    if AUDIT.is_match(head) && (press == 0 || doc.text.len() > PRESS_MAX_BYTES) {
        return DocType::AuditReport;
    }
    // Press releases are short; a long document that quotes people is a report.
    if press >= 1 && doc.text.len() <= PRESS_MAX_BYTES {
        return DocType::PressRelease;
    }
    if AUDIT.is_match(head) || title.to_ascii_lowercase().contains("audit") {
        return DocType::AuditReport;
    }
    if title.to_ascii_lowercase().contains("inspection") {
        return DocType::InspectionReport;
    }
    DocType::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> DocType {
        let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        classify(&crate::segment::build(raw, "t.txt", "id".into(), text.len()))
    }

    #[test]
    fn a_care_service_inspection_names_its_type_or_evaluates_the_service() {
        assert_eq!(
            kind("Northshire House Care Home\n\nType of inspection: Unannounced\nCompleted on: 14 March 2025\n"),
            DocType::InspectionReport
        );
        assert_eq!(
            kind("About the service\n\nFrom this inspection we evaluated this service as:\nHow good is our care? 4 - Good\n"),
            DocType::InspectionReport
        );
        assert_eq!(kind("Northshire House Care Home\n\nThe home has 40 rooms and a garden.\n"), DocType::Other);
    }

    #[test]
    fn a_release_reports_what_inspectors_highlighted_and_quotes_with_plain_marks() {
        let release = "Joint inspection finds improving picture in Northshire\n\nInspectors highlighted several strengths.\n\nThe chief executive said: \"We saw real commitment.\"\n";
        assert_eq!(kind(release), DocType::PressRelease);
    }

    #[test]
    fn a_visit_letter_from_inspectors_is_an_inspection() {
        let letter = "14 March 2025\n\nDear Jane\n\nFocused visit to Northshire children’s services\n\nThis letter summarises the findings. His Majesty’s Inspectors for this visit were A and B.\n";
        assert_eq!(kind(letter), DocType::InspectionReport);
        let revisit = "22 October 2024\n\nDear Ms Jones\n\nArea SEND revisit in Northshire\n\nInspectors found that leaders had made progress. The purpose of the revisit was to judge progress.\n";
        assert_eq!(kind(revisit), DocType::InspectionReport);
    }

    #[test]
    fn a_care_providers_assessment_report_is_an_inspection() {
        let report = "Riverside Care Home\n\nAssessment report\n\nAssessment date: 3 to 10 September 2025\n\nOur view of the service\n\nThe home is in Kent.\n";
        assert_eq!(kind(report), DocType::InspectionReport);
        assert_eq!(kind("Riverside Care Home\n\nOur view of the service\n\nThe home is in Kent.\n"), DocType::InspectionReport);
        assert_eq!(kind("Carers' needs\n\nA carer's assessment report is written for each carer.\n"), DocType::Other);
    }

    #[test]
    fn an_action_plans_repeated_label_is_one_cue_of_a_committee() {
        let audit = "Northshire IJB 2024/25 Annual Audit Report\n\nPrepared for the members and the Controller of Audit\n\n\
            | Recommendation | Agreed action |\n|---|---|\n\
            | The IJB should plan savings. | Savings plan. Responsible officer: Chief Finance Officer |\n\
            | Reports should show outcomes. | New framework. Responsible officer: Head of Strategy |\n";
        assert_eq!(kind(audit), DocType::AuditReport);
        let paper = "Audit Committee\n\nReport by: Chief Finance Officer\n\nResponsible officer: Chief Finance Officer\n";
        assert_eq!(kind(paper), DocType::CommitteeReport);
    }

    #[test]
    fn a_board_papers_cover_form_makes_it_a_committee_paper() {
        let paper = "NHS Northshire\n\nMeeting: NHS Northshire Board\nMeeting date: 29 July 2025\nTitle: Inspection report\nResponsible Executive: Director of Nursing\n\nInspectors found that staff were compassionate.\n";
        assert_eq!(kind(paper), DocType::CommitteeReport);
        // A paper's labels and the passive request it makes of the board.
        let response = "Improvement plan\n\nReport to: Integration Joint Board, 18 March 2026\n\nThe Integration Joint Board is asked to approve the plan.\n";
        assert_eq!(kind(response), DocType::CommitteeReport);
        // A council's cover table.
        let cabinet = "# Westshire Council\n\n## Cabinet, 9 December 2026\n\n| | |\n|---|---|\n| **Report of** | Corporate Director |\n\
            | **Wards affected** | All wards |\n| **Key decision** | Yes |\n\nThe regulator rated the council as requires improvement.\n";
        assert_eq!(kind(cabinet), DocType::CommitteeReport);
    }

    #[test]
    fn a_regulators_thematic_review_is_an_inspection() {
        assert_eq!(
            kind("# Thematic review of self-directed support\n\n## Key findings\n\n- Many people had not been told about their options.\n"),
            DocType::InspectionReport
        );
    }

    #[test]
    fn a_cover_that_calls_itself_a_report_of_an_inspection_is_one() {
        assert_eq!(
            kind(
                "Services for older people in Northshire\n\nReport of a joint inspection of health and social work services\n\nJune 2017\n"
            ),
            DocType::InspectionReport
        );
        // A release that says it has published one is still a release.
        assert_eq!(
            kind(
                "News release\n\nThe Care Inspectorate has published a report of a joint inspection in Northshire. Inspectors found that staff were caring, the chief inspector said: \"Well done.\"\n"
            ),
            DocType::PressRelease
        );
    }

    #[test]
    fn a_visit_report_is_an_inspection() {
        assert_eq!(
            kind("Report on announced visit to: Ward 4, Northshire Hospital\n\nDate of visit: 14 May 2025\n"),
            DocType::InspectionReport
        );
        assert_eq!(kind("Ward 4\n\nThe date of the visit was agreed with the ward.\n"), DocType::Other);
        assert_eq!(kind("Ready to leave\n\nThemed visit report: people whose discharge is delayed\n"), DocType::InspectionReport);
    }

    #[test]
    fn an_assessment_under_quality_statements_is_an_inspection() {
        assert_eq!(
            kind(
                "Northshire Council: local authority assessment\n\nHow we assess local authorities\n\nAssessment published: 4 February 2025\n"
            ),
            DocType::InspectionReport
        );
        assert_eq!(kind("Overall summary\n\nQuality statement scores\n\nAssessing needs\n\nScore: 2\n"), DocType::InspectionReport);
        // Named in passing, the assessment makes no report of the text.
        assert_eq!(kind("The council is preparing for its local authority assessment next year.\n"), DocType::Other);
    }
}
