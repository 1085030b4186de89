//! Findings: what inspectors or auditors found. A press release reports them ("inspectors
//! found that ..."); an inspection or audit report states them in its own voice, and its
//! headings ("What is working well", "What needs to be better", "Key messages") say where they
//! are and which way they point. A committee paper is the inspected body's own voice, so only
//! the inspectors' findings it reports count there.

use super::doc_type::Voice;
use super::polarity::{is_evaluative, polarity};
use super::sections::Section;
#[cfg(doc)]
use super::sections::block_sections;
use super::{has_words, theme_ids};
use crate::line_shapes::after_item_mark;
use crate::model::{BlockKind, DocType, Document, Finding, Polarity, Recommendation, ThemeHit};
use crate::rx::Gated;
use regex::Regex;
use std::sync::LazyLock;

static REPORTED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &[
            "found",
            "find",
            "note",
            "judged",
            "identified",
            "prais",
            "highlighted",
            "observed",
            "saw",
            "concluded",
            "reported",
            "heaped",
            "rated",
            "recognised",
            "acknowledged",
            "criticised",
            "raised",
            "said",
        ],
        r"(?i)(?-u:\b)(inspectors?|reviewers?|inspection(\s+team)?|the\s+(review|report|inspection|investigation|audit|regulator|team)|auditors?|we|they|cqc|ofsted|an\s+investigation|our\s+(review|inspection|work|audit))(?-u:\b)[^.;:]{0,60}?(?-u:\b)(found|find|finds|noted|notes|judged|identified|praised|praise|highlighted|observed|saw|concluded|reported|heaped|rated|recognised|acknowledged|criticised|raised)(?-u:\b)|(?-u:\b)(inspectors|auditors|the\s+regulator)\s+(have\s+|has\s+)?(said|found)\W*$",
    )
});
static CONTINUES: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &["moreover", "also", "addition", "furthermore", "similarly", "likewise"],
        r"(?i)^\W*(moreover|also|in addition|additionally|furthermore|similarly|likewise)(?-u:\b)|(?-u:\b)also(?-u:\b)",
    )
});
/// What gives an investigator concern: a failure, a lack, a risk, a delay, what was not done.
static CONCERN: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &[
            "concern",
            "worr",
            "fail",
            "lack",
            "risk",
            "unable",
            "no",
            "n't",
            "n’t",
            "should have",
            "insufficient",
            "inadequate",
            "delay",
            "absen",
            "without",
            "never",
        ],
        r"(?i)(?-u:\b)(concern\w*|worr\w*|fail\w*|lack\w*|risks?|unable|not|no|none|never|should\s+have|insufficient\w*|inadequate\w*|delay\w*|absen\w*|without)(?-u:\b)|n['’]t(?-u:\b)",
    )
});
/// Sentences that say nothing about the inspected service: site and report furniture ("the
/// report is available online", "inspectors will monitor progress", "we expect local
/// authorities to ...", the standard a finding is held to, what inspections of a kind look
/// at), and how the inspection was
/// done ("we sampled 40 cases"),
/// the part named `method`. One gate serves both, as every sentence is asked.
static NOT_A_FINDING: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &[
            "want",
            "available",
            "click",
            "read",
            "information",
            "published",
            "aim",
            "purpose",
            "found",
            "sets",
            "carried",
            "recommendations",
            "assessed",
            "looked",
            "reviewed",
            "visited",
            "spoke",
            "met",
            "examined",
            "considered",
            "sampled",
            "tracked",
            "talked",
            "inspected",
            "resulted",
            "account",
            "letter",
            "will",
            "follows",
            "duty",
            "deaths",
            "giving",
            "expect",
            "inspection",
        ],
        // "is available" only with a subject that is a publication: "short breaks provision is
        // available" is what inspectors found.
        r"(?i)(?-u:\b)(want(s|ed)? to know|(report|reports|document|version|copy|summary|information|details|findings|guidance|it|this)\s+(is|are)\s+((now|also)\s+)?available|click here|read more|for more information|will be published|aims? to|purpose of (the|our|this)|what we found|this report sets out|(was|were) carried out by|(made|make|makes|set out|sets out)\s+(\w+\s+)?recommendations|resulted\s+in\s+(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+(areas?\s+of\s+good\s+practice|recommendations?|requirements?|areas?\s+for\s+improvement)|tak(e|es|en|ing)\s+(the\s+|these\s+|its\s+)?findings\s+[^.;]{0,60}?into\s+account|this\s+letter\s+(summarises|sets\s+out|will\s+be\s+published)|^\W*(we|inspectors|our\s+(link\s+)?inspectors?|the\s+inspectorates?|the\s+regulators?|ofsted|cqc|the\s+care\s+inspectorate)\s+will\s+(also\s+|continue\s+to\s+)?(monitor|ask|follow|return|keep|report|revisit|visit|check|review|publish|carry\s+out))(?-u:\b)|(is|are)\s+as\s+follows|statutory\s+duty|future\s+deaths\s+(will|could|may|might)\s+occur|giving\s+rise\s+to\s+concern|^\W*we\s+expect(?-u:\b)|inspections\s+(look|focus|assess|examine|consider|check)(?-u:\b)|inspection\s+(looks|focuses|assesses|examines|considers|checks)(?-u:\b)|(?P<method>(?-u:\b)(we|inspectors|reviewers|the inspection( team)?|the review( team)?|the audit|auditors)((\s*,[^,.;]{2,150}){1,3},)?\s+(also\s+)?(assessed|looked at|looked|reviewed|visited|spoke|met|examined|considered|read|sampled|tracked|talked|inspected|carried\s+out\s+(this|the|an?|our)\s+(assessment|inspection|review|visit|audit))(?-u:\b))",
    )
});

/// Whether a sentence is furniture or method rather than a finding. Under a heading that says
/// what is working well or not, a method sentence that also judges ("inspectors spoke to
/// practitioners who were passionate about ...") is a finding all the same.
fn is_not_a_finding(text: &str, section: Section) -> bool {
    // A score line, or an entry of a contents list or grid cut at its dot leader ("Safeguarding
    // .........").
    static DOTS: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"...."));
    if is_a_score_line(text) || DOTS.find(text.as_bytes()).is_some() {
        return true;
    }
    if !NOT_A_FINDING.is_match(text) {
        return false;
    }
    let (mut furniture, mut method) = (false, false);
    for c in NOT_A_FINDING.rule().captures_iter(text) {
        if let Some(m) = c.name("method") {
            // "for a third of the patients we reviewed": a relative clause that says which
            // patients, in a sentence that states what was found.
            method |= !after_a_noun(&text[..m.start()]);
        } else {
            furniture = true;
        }
    }
    furniture || method && !(matches!(section, Section::Strengths | Section::Weaknesses) && is_evaluative(text))
}

/// A line that gives a grade or score ("Score: 3 - Evidence shows a good standard", "Overall
/// rating: Good"): a rating, read as one elsewhere, not a finding.
fn is_a_score_line(text: &str) -> bool {
    const LABELS: [&str; 8] = ["score", "overall score", "rating", "overall rating", "grade", "overall grade", "judgement", "evaluation"];
    // Asked of every sentence: the label's colon comes within its first words or not at all.
    let head = &text.as_bytes()[..text.len().min(24)];
    memchr::memchr(b':', head).is_some()
        && crate::line_shapes::label_end(text).is_some_and(|end| {
            let label = text[..end].trim_end().trim_end_matches(':').trim_end();
            LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
        })
}

/// Whether `before` ends in a word that a relative clause could qualify: a lower-case word
/// that is no conjunction or adverb opening a clause of its own.
fn after_a_noun(before: &str) -> bool {
    const OPENERS: [&str; 16] =
        ["and", "but", "then", "also", "so", "when", "where", "as", "that", "which", "while", "whilst", "once", "if", "because", "since"];
    let t = before.trim_end();
    let last = t.rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').next().unwrap_or("");
    !t.ends_with([',', ';', ':', '.', '(', '“', '"'])
        && !last.is_empty()
        && last.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’')
        && !OPENERS.contains(&last)
}

/// A form's bracketed instruction left in place of its answer ("[BRIEF SUMMARY OF MATTERS OF
/// CONCERN]"), which says what a section holds, not what was found.
fn is_placeholder(t: &str) -> bool {
    t.starts_with('[') && t.ends_with(']') && !t.chars().any(char::is_lowercase)
}

/// Whether a sentence opens with an item's mark ("1. That ...", "(b) Whether ..."), as a
/// list run into one paragraph sets its items.
fn opens_with_an_item_mark(text: &str) -> bool {
    after_item_mark(text).len() < text.trim_start().len()
}

/// An item of a list of concerns that names a matter rather than stating a fact: a noun made
/// from a verb or quality heads it ("The recruitment and retention of midwives", "Staffing
/// within the in-reach team ...", "Whether standalone units are safe"), with no verb of its
/// own. Facts around the concerns are sentences ("Mr Smith suffered a fall at night"). So is
/// an item that states the matter as what the lead-in announces ("That the trust will not ask
/// for more resources when its crisis team has no capacity").
fn names_a_matter(text: &str) -> bool {
    static THAT: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"^\W*That\s+\w+").unwrap());
    if THAT.is_match(after_item_mark(text)) {
        return true;
    }
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(
            r"(?i)^\W*(?:whether|how)(?-u:\b)|^\W*(?:(?:the|a|an|any)\s+)?(?:\w+\s+)?\w+(?:tion|sion|ment|ness|ity|ance|ence|ing|acy)\s+(?:of|and|or|within|in|to|for|around|between|across)(?-u:\b)",
        )
        .unwrap()
    });
    HEAD.is_match(text) && super::recommendations::is_nominal(text)
}

/// Findings of a document, given the section of each block ([`block_sections`]) and its
/// recommendations (a sentence is one or the other).
pub fn extract(
    doc: &Document,
    doc_type: DocType,
    voice: Voice,
    sections: &[Section],
    sentence_themes: &[Vec<ThemeHit>],
    recs: &[Recommendation],
) -> Vec<Finding> {
    // An investigator's report states its concerns in its own voice, under their heading; its
    // account of events elsewhere is evidence, not findings.
    let investigation = voice == Voice::Investigation;
    let own_voice = investigation || matches!(doc_type, DocType::PressRelease | DocType::InspectionReport | DocType::AuditReport);
    let mut out: Vec<Finding> = Vec::new();
    let mut prev_block_of_finding: Option<usize> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        let block = &doc.blocks[s.block];
        if matches!(block.kind, BlockKind::Heading | BlockKind::TableCell) {
            continue;
        }
        // Recommendations come in sentence order, so a binary search finds the one that holds
        // this sentence (an item's qualifier, "In particular, ...", is part of it).
        let before = recs.partition_point(|r| r.span.start <= s.span.start);
        if before > 0 && s.span.end <= recs[before - 1].span.end {
            continue;
        }
        let text = doc.slice(s.span);
        let trimmed = text.trim_end();
        let section = sections[s.block];
        if section == Section::Background
            || trimmed.ends_with(':')
            || is_placeholder(trimmed)
            || trimmed.ends_with('?')
            || !has_words(text, 4)
            || is_not_a_finding(text, section)
        {
            continue;
        }
        let explicit = || REPORTED.is_match(text);
        // "Inspectors highlighted the following strengths:" over its items: what the lead-in
        // announces is what each item is.
        let announced = (own_voice && block.kind == BlockKind::ListItem && block.lead_in.is_some())
            .then(|| block.lead_in.map(|l| super::sections::classify_heading(doc.block_text(l))))
            .flatten();
        let pol = match (section, announced) {
            (Section::Other | Section::KeyFindings, Some(Section::Strengths)) => Some(Polarity::Strength),
            (Section::Other | Section::KeyFindings, Some(Section::Weaknesses | Section::Recommendations)) => match polarity(text) {
                Polarity::Strength => None,
                _ => Some(Polarity::Weakness),
            },
            _ => None,
        };
        let pol = pol.or_else(|| match section {
            // Under "What needs to improve", an item that states what was found is a weakness.
            Section::Recommendations => (own_voice && block.kind == BlockKind::ListItem).then(|| match polarity(text) {
                Polarity::Neutral => Polarity::Weakness,
                p => p,
            }),
            Section::Strengths if own_voice => Some(Polarity::Strength),
            // An investigator's concerns are set among the facts that explain them ("Mr Smith
            // was 72"); only what is wrong, lacking or at risk is a finding, or an item of a list
            // of concerns that names what gives rise to one ("The recruitment of midwives").
            Section::Weaknesses if investigation => (polarity(text) == Polarity::Weakness
                || CONCERN.is_match(text)
                || (block.kind == BlockKind::ListItem || opens_with_an_item_mark(text)) && names_a_matter(text))
            .then_some(Polarity::Weakness),
            Section::Weaknesses if own_voice => Some(Polarity::Weakness),
            Section::KeyFindings if own_voice => Some(polarity(text)),
            _ if investigation => None,
            _ if !own_voice => (explicit() && is_evaluative(text)).then(|| polarity(text)),
            _ => (explicit() || is_evaluative(text)).then(|| polarity(text)),
        });
        if section == Section::Recommendations && pol.is_none() {
            continue;
        }
        // "In addition, ..." carries on the finding before it.
        let follows_a_finding = prev_block_of_finding.is_some_and(|pb| pb + 1 >= s.block);
        let pol = pol.or_else(|| (own_voice && follows_a_finding && CONTINUES.is_match(text)).then(|| polarity(text)));
        // A paper that reports another's findings ("The review found that ...") goes on
        // reporting them in the sentences of the same paragraph that judge.
        let pol = pol.or_else(|| {
            (!own_voice && !investigation && prev_block_of_finding == Some(s.block) && is_evaluative(text)).then(|| polarity(text))
        });
        let Some(mut pol) = pol else { continue };
        // "must work jointly to make improvements": the positive word is what is still to come.
        if section != Section::Strengths && super::recommendations::demands_improvement(text) {
            pol = Polarity::Weakness;
        }
        if pol == Polarity::Neutral
            && CONTINUES.is_match(text)
            && let (Some(prev), Some(pb)) = (out.last(), prev_block_of_finding)
            && pb + 1 >= s.block
        {
            pol = prev.polarity;
        }
        prev_block_of_finding = Some(s.block);
        out.push(Finding {
            text: text.to_string(),
            polarity: pol,
            themes: theme_ids(&sentence_themes[si]),
            span: s.span,
            page: block.page,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::{DocType, Polarity};
    use crate::{ingest, segment};

    #[test]
    fn gates_agree_with_their_rules() {
        crate::rx::assert_gate_agrees(
            "REPORTED",
            &super::REPORTED,
            &[
                "Inspectors found that plans were clear.",
                "The inspection team judged care to be safe.",
                "We noted good progress.",
                "They identified gaps.",
                "Inspectors praised the staff.",
                "The report highlighted delays.",
                "Auditors observed meetings and saw strong links.",
                "The review concluded that it worked.",
                "Our work reported a deficit.",
                "CQC heaped praise on staff.",
                "Ofsted rated the service good.",
                "The regulator recognised this and acknowledged it.",
                "The investigation criticised managers.",
                "The audit raised concerns.",
                "Inspectors have said:",
                "The regulator has found:",
            ],
        );
        crate::rx::assert_gate_agrees(
            "CONCERN",
            &super::CONCERN,
            &[
                "I am concerned by this.",
                "It is worrying.",
                "The trust failed to act.",
                "There is a lack of beds.",
                "There is a risk to patients.",
                "Staff were unable to call.",
                "No bed was found.",
                "It did not arrive.",
                "It didn't arrive.",
                "It didn’t arrive.",
                "The doctor should have noticed.",
                "Staffing was insufficient.",
                "Care was inadequate.",
                "There were delays.",
                "In the absence of a policy, staff guessed.",
                "He was discharged without a plan.",
                "There is none.",
                "It never came.",
            ],
        );
        crate::rx::assert_gate_agrees(
            "CONTINUES",
            &super::CONTINUES,
            &[
                "Moreover, staff were kind.",
                "In addition, plans were late.",
                "Additionally, it grew.",
                "Furthermore, it fell.",
                "Similarly, boards met.",
                "Likewise, carers helped.",
                "They also met.",
            ],
        );
        crate::rx::assert_gate_agrees(
            "NOT_A_FINDING",
            &super::NOT_A_FINDING,
            &[
                "Parents want to know more.",
                "Themed INSPECTIONS look at how wards keep people safe.",
                "A focused inspection examines one service.",
                "Ofsted will take the findings of this visit into account.",
                "This letter summarises the visit.",
                "We carried out this assessment because of concerns.",
                "The report is available online.",
                "Further details are now available from the council.",
                "Click here.",
                "Read more.",
                "For more information, call us.",
                "It will be published soon.",
                "The plan aims to help.",
                "The purpose of the review is set.",
                "What we found",
                "This report sets out the detail.",
                "It was carried out by inspectors.",
                "We made five recommendations.",
                "Inspectors assessed files.",
                "We looked at records.",
                "We reviewed cases.",
                "Inspectors visited homes.",
                "We spoke with carers.",
                "We met staff.",
                "Auditors examined accounts.",
                "We considered plans.",
                "We read files.",
                "We sampled cases.",
                "We tracked children.",
                "We talked to parents.",
                "The inspection team inspected homes.",
                "The inspection resulted in 3 areas of good practice, 2 recommendations and 4 requirements.",
                "The matters of concern are as follows.",
                "It is my statutory duty to report to you.",
                "There is a risk that future deaths will occur unless action is taken.",
                "The evidence revealed matters giving rise to concern.",
                "We expect local authorities to assess needs in a timely way.",
            ],
        );
    }

    fn record(text: &str) -> crate::model::Record {
        let raw = ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        let doc = segment::build(raw, "t.txt", "id".into(), text.len());
        Extractor::default().extract(&doc)
    }

    /// The text of each finding of `text`.
    fn finding_texts(text: &str) -> Vec<String> {
        record(text).findings.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn a_lead_in_says_what_its_items_are() {
        let r = record(
            "Inspectors praise child protection in Northshire\n\n\
             A joint inspection found that children at risk of harm were kept safer.\n\n\
             Inspectors highlighted the following strengths:\n\n\
             - Staff in rural areas travelled long distances to see families.\n\n\
             Inspectors also identified areas for improvement:\n\n\
             - Children waited too long for specialist mental health support.\n\
             - The quality of chronologies.\n",
        );
        let f: Vec<(&str, Polarity)> = r.findings.iter().map(|f| (f.text.as_str(), f.polarity)).collect();
        assert!(f.contains(&("Staff in rural areas travelled long distances to see families.", Polarity::Strength)), "{f:?}");
        assert!(f.contains(&("Children waited too long for specialist mental health support.", Polarity::Weakness)), "{f:?}");
        // What names what is to improve stays a call to improve it.
        let recs: Vec<&str> = r.recommendations.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(recs, ["The quality of chronologies."]);
    }

    #[test]
    fn reported_findings_in_a_press_release() {
        let r = record(
            "Inspectors praise home care in Northshire\n\n\
             Inspectors found that the partnership had a clear plan for its localities. \
             However, too many people waited in hospital after they were ready to leave. \
             The report is available on the website.\n",
        );
        assert_eq!(r.doc_type, DocType::PressRelease);
        let f: Vec<(&str, Polarity)> = r.findings.iter().map(|f| (f.text.as_str(), f.polarity)).collect();
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].1, Polarity::Strength);
        assert_eq!(f[1].1, Polarity::Weakness);
        assert!(r.findings[1].themes.contains(&"delayed-discharge".to_string()));
    }

    #[test]
    fn a_verdict_that_improvement_is_needed_is_a_weakness() {
        let r = record(
            "Inspection of Northshire local area partnership\nInspection dates: 3 to 7 June 2024\n\n\
             Inspection outcome\n\
             The partnership's arrangements lead to inconsistent outcomes for children. \
             The local area partnership must work jointly to make improvements.\n",
        );
        let verdict = r.findings.iter().find(|f| f.text.starts_with("The local area partnership must")).expect("the verdict is a finding");
        assert_eq!(verdict.polarity, Polarity::Weakness);
    }

    #[test]
    fn the_standard_a_finding_is_held_to_is_no_finding() {
        let f = finding_texts(
            "Northshire Council: local authority assessment\n\nType of inspection: local authority assessment\n\n\
             The local authority commitment\n\n\
             We expect local authorities to assess people's needs in a timely and effective way.\n\n\
             Key findings for this quality statement\n\n\
             People waited too long for their needs to be assessed.\n",
        );
        assert_eq!(f, ["People waited too long for their needs to be assessed."]);
    }

    #[test]
    fn a_coroners_concerns_are_weaknesses_and_the_facts_around_them_are_not() {
        let r = record(
            "Regulation 28: report to prevent future deaths\n\n\
             Circumstances of the death\n\n\
             Mr Smith was admitted to hospital on 3 May 2024 with a chest infection. He died two days later, and staff were upset.\n\n\
             Coroner's concerns\n\n\
             During the course of the inquest the evidence revealed matters giving rise to concern. \
             In my opinion there is a risk that future deaths will occur unless action is taken. \
             In the circumstances it is my statutory duty to report to you.\n\n\
             [BRIEF SUMMARY OF MATTERS OF CONCERN]\n\n\
             The MATTERS OF CONCERN are as follows.\n\n\
             (1) The ward had no written policy for observing patients at night.\n\
             (2) Staff were unable to reach the on-call doctor for three hours.\n\
             (3) Mr Smith was 81 years old and lived with his daughter in the town.\n",
        );
        assert_eq!(r.doc_type, DocType::Other);
        let f: Vec<(&str, Polarity)> = r.findings.iter().map(|f| (f.text.as_str(), f.polarity)).collect();
        assert_eq!(
            f,
            [
                // "(1)", "(2)": the items' numbers are their list's, not their text's.
                ("The ward had no written policy for observing patients at night.", Polarity::Weakness),
                ("Staff were unable to reach the on-call doctor for three hours.", Polarity::Weakness),
            ]
        );
    }

    #[test]
    fn a_paper_goes_on_reporting_a_reviews_findings_in_the_same_paragraph() {
        let text = "AUDIT AND RISK COMMITTEE\n\nReport by: Head of Strategy\n\n5. MAIN REPORT\n\n\
             5.1 The auditors identified several areas of good practice. The daily discharge huddle was well established and effective. The huddle meets at nine.\n\n\
             5.2 The huddle was well established and effective.\n";
        assert_eq!(
            finding_texts(text),
            ["The auditors identified several areas of good practice.", "The daily discharge huddle was well established and effective."]
        );
    }

    #[test]
    fn a_line_that_gives_a_score_is_no_finding() {
        let text = "Inspection report of Northshire Council\n\nAssessing needs\n\nScore: 3 - Evidence shows that care is of a good standard.\n\nWe found that people were assessed quickly and well.\n";
        assert_eq!(finding_texts(text), ["We found that people were assessed quickly and well."]);
    }

    #[test]
    fn what_a_review_looked_at_is_its_method() {
        let text = "Review of services for older people in Northshire\n\n\
             The review, one of 20 asked for by the Secretaries of State for Health, Housing and Communities, looked at how people move between services, including delayed transfers of care.\n\n\
             Reviewers found that people were not always able to leave hospital when they were ready.\n";
        assert_eq!(finding_texts(text), ["Reviewers found that people were not always able to leave hospital when they were ready."]);
    }

    #[test]
    fn a_grid_set_with_dot_leaders_gives_no_findings() {
        let text = "Assessment of Northshire Council\n\nScores\n\nTheme 4: Leadership\n  Governance and sustainability ........ Score: 2\n  Learning, improvement and innovation ....... Score: 3\n\n------\n\n\
             Inspectors found that carers waited too long for assessments.\n";
        assert_eq!(finding_texts(text), ["Inspectors found that carers waited too long for assessments."]);
    }

    #[test]
    fn what_inspections_of_a_kind_look_at_is_no_finding() {
        let text = "Inspectors find crowded wards at Northshire hospital\n\n\
             Themed inspections look at how hospitals deliver safe, effective and person-centred care.\n\n\
             Inspectors found that patients were waiting too long for a bed.\n";
        assert_eq!(finding_texts(text), ["Inspectors found that patients were waiting too long for a bed."]);
    }

    #[test]
    fn the_cases_inspectors_reviewed_do_not_make_a_finding_a_method() {
        let text = "Inspection of Northshire hospital\nInspection dates: 3 to 7 June 2024\n\nKey findings\n\n\
             Observation records were incomplete for a third of the patients we reviewed.\n\
             We reviewed 40 patient records.\n";
        assert_eq!(finding_texts(text), ["Observation records were incomplete for a third of the patients we reviewed."]);
    }

    #[test]
    fn a_coroners_list_of_concerns_may_name_matters_without_a_verb() {
        let text = "Regulation 28: report to prevent future deaths\n\n\
             Coroner's concerns\n\n\
             In my opinion there is a risk that future deaths will occur unless action is taken. \
             The MATTERS OF CONCERN are as follows:\n\n\
             1. The recruitment and retention of midwives on the unit\n\
             2. Whether the birth centre is a safe place to give birth\n\
             3. Mrs Smith suffered a fall at home in the night.\n\
             4. A photograph of the ward from the car park\n\
             5. That the crisis team will not ask for more staff when it has no capacity.\n";
        // Items run into one paragraph after the lead-in.
        let run_in = "Regulation 28: report to prevent future deaths\n\n\
             Coroner's concerns\n\n\
             In my opinion there is a risk that future deaths will occur unless action is taken. \
             The MATTERS OF CONCERN are as follows. 1. That lorries may stop on the bend to unload. 2. The road was resurfaced in 2019.\n";
        assert_eq!(finding_texts(run_in), ["1. That lorries may stop on the bend to unload."]);
        assert_eq!(
            finding_texts(text),
            [
                "The recruitment and retention of midwives on the unit",
                "Whether the birth centre is a safe place to give birth",
                "That the crisis team will not ask for more staff when it has no capacity."
            ]
        );
    }

    #[test]
    fn a_coroners_report_named_so_in_its_title_needs_no_formula() {
        let text = "Jane Doe Prevention of Future Deaths Report\n\n\
             Circumstances\n\n\
             Ms Doe was found at home on 4 March 2024.\n\n\
             Concerns\n\n\
             The ambulance service and the police do not share an understanding of the policy.\n";
        assert_eq!(finding_texts(text), ["The ambulance service and the police do not share an understanding of the policy."]);
        // Without the title's words, a document of no known kind states no findings here.
        let untitled = text.replacen(" Prevention of Future Deaths Report", "", 1);
        assert!(finding_texts(&untitled).is_empty(), "{:?}", finding_texts(&untitled));
    }

    #[test]
    fn a_review_of_a_case_states_its_key_findings() {
        let text = "Northshire Safeguarding Adults Board\n\nSafeguarding Adults Review: Mr B\n\n\
             Background\n\nMr B lived alone and was known to several services.\n\n\
             Key findings\n\n\
             Agencies held information about Mr B that was never brought together.\n\
             District nurses visited him often and knew him well.\n";
        assert_eq!(
            finding_texts(text),
            [
                "Agencies held information about Mr B that was never brought together.",
                "District nurses visited him often and knew him well."
            ]
        );
        // A paper of no known kind that is no review states none under the same heading.
        let plan = text.replacen("Safeguarding Adults Review: Mr B", "Annual report 2025", 1);
        assert!(finding_texts(&plan).is_empty(), "{:?}", finding_texts(&plan));
        // An ombudsman's decision on a complaint states its findings too.
        let decision = text.replacen("Northshire Safeguarding Adults Board", "Public Services Ombudsman", 1).replacen(
            "Safeguarding Adults Review: Mr B",
            "Decision Report",
            1,
        );
        assert_eq!(finding_texts(&decision).len(), 2, "{:?}", finding_texts(&decision));
    }

    #[test]
    fn section_headings_give_polarity_in_an_inspection_report() {
        let r = record(
            "Inspection of Northshire children's services\nInspection dates: 3 to 7 June 2024\n\n\
             What is the partnership doing that is effective?\n\
             ◼ Leaders know their families well.\n\n\
             What does the partnership need to do better?\n\
             ◼ Some families wait for assessments.\n",
        );
        assert_eq!(r.doc_type, DocType::InspectionReport);
        assert_eq!(r.date.as_deref(), Some("2024-06-07"));
        let f: Vec<(&str, Polarity)> = r.findings.iter().map(|f| (f.text.as_str(), f.polarity)).collect();
        assert_eq!(
            f,
            [("Leaders know their families well.", Polarity::Strength), ("Some families wait for assessments.", Polarity::Weakness)]
        );
    }

    #[test]
    fn a_letter_about_its_own_visit_is_no_finding() {
        let f = finding_texts(
            "Focused visit to Northshire children's services\n\nHis Majesty's Inspectors visited on 3 June 2025.\n\nMain findings\n\n\
             Social workers know their children well.\n\n\
             Ofsted will take the findings from this focused visit into account when planning your next inspection.\n",
        );
        assert_eq!(f, ["Social workers know their children well."]);
    }

    #[test]
    fn what_inspectors_will_do_next_is_no_finding() {
        let f = finding_texts(
            "Inspectors praise home care in Northshire\n\n\
             Inspectors found that staff were caring and well trained. \
             Inspectors will monitor progress and will return to review the improvements made. \
             We will ask the partnership to prepare an improvement plan.\n",
        );
        assert_eq!(f, ["Inspectors found that staff were caring and well trained."]);
    }

    #[test]
    fn a_count_of_the_reports_own_items_is_no_finding() {
        let f = finding_texts(
            "Unannounced inspection report\nInspection dates: 3 to 7 June 2024\n\n\
             Areas of good practice\n\n\
             The inspection resulted in 2 areas of good practice.\n\n\
             ◼ Staff were kind and compassionate when caring for patients.\n",
        );
        assert_eq!(f, ["Staff were kind and compassionate when caring for patients."]);
    }

    #[test]
    fn what_is_available_and_what_inspectors_saw_can_be_findings() {
        let r = record(
            "Inspection of Northshire local area partnership\nInspection dates: 3 to 7 June 2024\n\n\
             What is the partnership doing that is effective?\n\
             ◼ Respite care is available within the county.\n\
             ◼ Inspectors spoke to practitioners who were passionate about their work.\n\
             ◼ Inspectors spoke to twelve families.\n\n\
             What does the partnership need to do better?\n\
             ◼ Some carers do not know what support is available to them.\n\n\
             The full report is available on our website.\n",
        );
        let f: Vec<(&str, Polarity)> = r.findings.iter().map(|f| (f.text.as_str(), f.polarity)).collect();
        assert_eq!(
            f,
            [
                ("Respite care is available within the county.", Polarity::Strength),
                ("Inspectors spoke to practitioners who were passionate about their work.", Polarity::Strength),
                ("Some carers do not know what support is available to them.", Polarity::Weakness),
            ]
        );
    }

    #[test]
    fn a_committee_paper_speaks_in_its_own_voice() {
        let r = record(
            "AGENDA\n\nReport by Chief Officer\n\n1. PROGRESS\n\n\
             Performance monitoring is now strong and effective.\n\n\
             The inspection found that staff shortages had delayed reviews.\n",
        );
        assert_eq!(r.doc_type, DocType::CommitteeReport);
        assert_eq!(r.findings.len(), 1);
        assert!(r.findings[0].text.starts_with("The inspection found"));
    }
}
