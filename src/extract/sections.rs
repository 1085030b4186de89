//! What a heading says about the text under it: a list of strengths, of weaknesses, of
//! recommendations, key findings, or background that holds no evaluation.

use crate::model::{Block, BlockKind, Document};
use regex::{Regex, RegexSet, RegexSetBuilder};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Strengths,
    Weaknesses,
    Recommendations,
    KeyFindings,
    Background,
    Other,
}

/// What each kind of heading says, searched for together: a heading is read once for all of
/// them rather than once for each.
static HEADINGS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new([
        r"(?i)(?-u:\b)(recommendations?|areas? (for|of|needing|requiring) (priority |further )?(improvement|development|action)|areas? to improve|what needs to (improve|change|happen)|improvement (priorities|actions|required|plan)|priority actions?|actions? (required|needed)|next steps|requirements?|what (should|must) (happen|change)|points? for action|(where|how) [^.?]{0,40}(could|can|should|must|needs? to) improve|what we are asking [^.?]{0,40}to do)(?-u:\b)",
        r"(?i)(?-u:\b)(need(s)? to do better|weakness(es)?|areas? (of|for) concern|matters? of concern|concerns|what (is not|isn't|was not|wasn't) working|what (could|should) be better|challenges|risks)(?-u:\b)|(?i)^\W*((\d+\.?|first|second|third|further)\s+)?concern(?-u:\b)",
        r"(?i)(?-u:\b)(is effective|are effective|doing (that|which) is effective|strengths?|what (is|was|'s) working( well)?|what works well|going well|good practice|areas? of (strength|good practice)|what we liked|(did|does|do) well|(is|are) doing well)(?-u:\b)",
        r"(?i)^(\d+(\.\d+)*\.?\s*)?(key (messages|findings|points)|summary|main findings|our findings|inspection findings|detailed findings|summary of (the )?findings|what we found|findings|conclusions?|overall (findings|judgement|effectiveness)|inspection outcome|executive summary)(?-u:\b)",
        r"(?i)^(\d+(\.\d+)*\.?\s*)?(background|purpose( of report)?|introduction|about (this|the|us)|information (about|on)|legislation|contact|inspection team|members|agenda|author|appendix|context|methodology|how we|local (area )?partnership details|notes? to editors|further information)(?-u:\b)",
    ])
    .dfa_size_limit(crate::rx::LAZY_DFA_CACHE)
    .build()
    .unwrap()
});
// Places of the patterns in HEADINGS.
const RECOMMENDATIONS: usize = 0;
const WEAKNESSES: usize = 1;
const STRENGTHS: usize = 2;
const KEY_FINDINGS: usize = 3;
const BACKGROUND: usize = 4;

pub fn classify_heading(text: &str) -> Section {
    let said = HEADINGS.matches(text.trim());
    // Order matters: "Areas for improvement" names recommendations even though it mentions
    // improvement; "what does X need to do better" is a list of weaknesses.
    if said.matched(WEAKNESSES) && !said.matched(STRENGTHS) {
        return Section::Weaknesses;
    }
    // "Summary of strengths, areas for development and next steps", "Strengths and
    // weaknesses": a heading over both kinds says nothing of any one sentence under it.
    if said.matched(STRENGTHS) && (said.matched(WEAKNESSES) || said.matched(RECOMMENDATIONS)) {
        return Section::KeyFindings;
    }
    if said.matched(STRENGTHS) {
        return Section::Strengths;
    }
    if said.matched(RECOMMENDATIONS) {
        return Section::Recommendations;
    }
    if said.matched(KEY_FINDINGS) {
        return Section::KeyFindings;
    }
    if said.matched(BACKGROUND) {
        return Section::Background;
    }
    Section::Other
}

/// The section of every block, from the nearest heading above it. A heading that says
/// nothing (a title, a date) does not end the section its predecessor opened when it is
/// a lower-level or stray line; a recognised heading always does.
pub fn block_sections(doc: &Document) -> Vec<Section> {
    let mut out = Vec::with_capacity(doc.blocks.len());
    let mut current = Section::Other;
    let mut quiet_run = 0;
    // How many numbers the heading that opened the section has ("2.2 Background": two).
    let mut opened_depth: Option<usize> = None;
    // The rank of the heading that opened the section (1 is the top).
    let mut opened_level = u8::MAX;
    let marked_up = matches!(doc.format.as_str(), "markdown" | "html");
    let mut opened_in_capitals = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            let s = classify_heading(doc.block_text(i));
            // "The matters of concern are as follows:" over "Confusion over the local policy for
            // ...": what the lead-in announces is the section's first item, however long. A
            // form's short label ("Comments:", "Action for next year:") announces no list.
            // Plain text ranks headings by type: one in capitals after one in capitals opened
            // the section ("INTRODUCTION", then "AUDIT OF THE ANNUAL ACCOUNTS") is the next
            // part, though a line of capitalised words may otherwise only label what follows.
            let same_type = opened_in_capitals && crate::line_shapes::all_caps(doc.block_text(i));
            let announced = current != Section::Strengths && i > 0 && {
                let before = doc.block_text(i - 1);
                is_lead_in(before) && super::has_words(before, 5)
            };
            if s != Section::Other {
                current = s;
                quiet_run = 0;
                opened_depth = number_depth(doc.block_text(i));
                opened_level = b.level;
                opened_in_capitals = crate::line_shapes::all_caps(doc.block_text(i));
            } else if !heading_gives_a_grade(doc.block_text(i))
                && !same_type
                && (current != Section::Strengths && names_only(doc.slice(b.span).trim())
                    || crate::line_shapes::is_label_line(doc.slice(b.span).trim())
                    || is_lead_in(doc.slice(b.span))
                    || announced)
            {
                // A line of names, a label and its value ("Stated: Second time", "To be
                // completed by: 31 March 2025"), a lead-in ("Evidence showed:") or what one
                // announces labels what follows within the section; it starts no part. (After
                // strengths, a line of capitalised words is read as a topic heading: see below.)
            } else {
                quiet_run += 1;
                // Two unrecognised headings in a row, or a long one, start a new part. So does
                // any after a list of strengths, which is short and whose heading would make
                // every sentence under it praise: reports set such lists at the end of a topic,
                // before the next topic's heading ("Delivery of Safe and Effective Care").
                // Concerns and recommendations run on under subheadings of their own.
                // A heading numbered as the section's own or higher ("2.3 Assessment" after "2.2
                // Background") is the next part, not a part of it.
                // So is a part numbered at the top level after an unnumbered introduction
                // ("Introduction", then "1. Audit of the annual accounts").
                let depth = number_depth(doc.block_text(i));
                let sibling = match opened_depth {
                    Some(d) => depth.is_some_and(|e| e <= d),
                    None => current == Section::Background && depth == Some(1),
                };
                // And a heading that outranks the one that opened the section ("### Domain 4"
                // after a bold "Recommendation") is a part of its own; where the markup gives
                // every heading its rank, so is one of the same rank ("## Part 1" after "##
                // Recommendations"). Plain text gives all headings found by their shape one rank.
                let outranks = b.level > 0 && (b.level < opened_level || marked_up && b.level == opened_level);
                if sibling
                    || outranks
                    || same_type
                    || heading_gives_a_grade(doc.block_text(i))
                    || quiet_run >= 2
                    || current == Section::Strengths
                    || !is_subheading(doc, b)
                {
                    current = Section::Other;
                    opened_depth = None;
                    opened_level = u8::MAX;
                    opened_in_capitals = false;
                }
            }
        } else {
            quiet_run = 0;
        }
        out.push(current);
    }
    out
}

/// How many numbers a heading's own number has: "2.3 Assessment" two, "3. Evaluation" one.
fn number_depth(t: &str) -> Option<usize> {
    let number = t.split_whitespace().next()?.trim_end_matches(['.', ')']);
    let parts = || number.split('.');
    (!number.is_empty() && parts().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))).then(|| parts().count())
}

/// A heading that grades or scores what it names ("How good is our leadership?  3 - Adequate",
/// "Leadership: Good", "Assessing needs - Score: 2") opens the judged part on it, whatever
/// part came before.
fn heading_gives_a_grade(t: &str) -> bool {
    static GRADED: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(&format!(
            r"(?i)(?:\s{{2,}}|\s[-–]\s|[:?]\s*)(?:(?:[1-6]\s*[-–]\s*)?(?:{})|score\s*:?\s*[1-4])\s*$",
            crate::line_shapes::GRADES
        ))
        .unwrap()
    });
    t.len() <= 200 && GRADED.is_match(t)
}

/// A line that leads into what follows ("During the inquest, evidence showed:-").
fn is_lead_in(t: &str) -> bool {
    t.trim_end().trim_end_matches(['-', '–', ' ']).ends_with(':')
}

/// A short heading inside a recommendations list ("Integrated finances") keeps the section.
fn is_subheading(doc: &Document, b: &Block) -> bool {
    let t = doc.slice(b.span);
    !super::has_words(t, 9) && !t.ends_with('?')
}

/// A line that only names bodies, however long: a table of priorities gives each its
/// responsible bodies ("Northshire Council and NHS Northshire Integrated Care Board"), one
/// line after another. Its words are all capitalised, but for those that join names.
fn names_only(t: &str) -> bool {
    const JOINERS: [&str; 5] = ["and", "of", "the", "for", "&"];
    t.split_whitespace().count() >= 2 && t.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()) || JOINERS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_classified_by_their_language() {
        assert_eq!(classify_heading("What needs to improve?"), Section::Recommendations);
        assert_eq!(classify_heading("Areas for improvement"), Section::Recommendations);
        assert_eq!(classify_heading("Areas of improvement"), Section::Recommendations);
        assert_eq!(classify_heading("Areas to improve"), Section::Recommendations);
        assert_eq!(classify_heading("Inspection findings"), Section::KeyFindings);
        assert_eq!(classify_heading("The MATTERS OF CONCERN are as follows: -"), Section::Weaknesses);
        // A concern of several, headed by what it is about.
        assert_eq!(classify_heading("Concern relates to the handover of care between wards"), Section::Weaknesses);
        assert_eq!(classify_heading("Second concern: discharge letters"), Section::Weaknesses);
        assert_eq!(classify_heading("Concerned residents meet the board"), Section::Other);
        assert_eq!(classify_heading("Where the service could improve"), Section::Recommendations);
        assert_eq!(classify_heading("What we are asking the board to do for Mrs C:"), Section::Recommendations);
        assert_eq!(classify_heading("What we found this service did well"), Section::Strengths);
        assert_eq!(classify_heading("What the service did well and where it could improve"), Section::KeyFindings);
        assert_eq!(classify_heading("Information on legislation and standards"), Section::Background);
        assert_eq!(classify_heading("Areas for priority action"), Section::Recommendations);
        assert_eq!(classify_heading("What does the partnership need to do better?"), Section::Weaknesses);
        assert_eq!(classify_heading("What is the partnership doing that is effective?"), Section::Strengths);
        assert_eq!(classify_heading("Key messages"), Section::KeyFindings);
        assert_eq!(classify_heading("Summary of strengths, areas for development and next steps"), Section::KeyFindings);
        assert_eq!(classify_heading("Strengths and weaknesses"), Section::KeyFindings);
        assert_eq!(classify_heading("Areas of strength"), Section::Strengths);
        assert_eq!(classify_heading("2. BACKGROUND"), Section::Background);
        assert_eq!(classify_heading("Integrated budgets"), Section::Other);
    }

    #[test]
    fn a_line_of_names_keeps_the_section_a_long_heading_ends_it() {
        let sections = |text: &str| {
            let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
            let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
            block_sections(&doc)
        };
        let names = "Areas for priority action\n\nLeaders should act now.\n\nBoard\n\nNorthshire County Council and NHS Northshire and Southshire Integrated Care Board\n\nHealth leaders must cut waits.\n";
        assert_eq!(sections(names).last(), Some(&Section::Recommendations));
        let prose = "Areas for priority action\n\nLeaders should act now.\n\nHow the council and its partners in the area were inspected last year\n\nHealth leaders must cut waits.\n";
        assert_eq!(sections(prose).last(), Some(&Section::Other));
        let labels = "Quality improvement plan\n\nArea for improvement 2\n\nRef: Standard 4.1\n\nStated: Second time\n\nTo be completed by: 31 March 2025\n\nThe registered person shall ensure that staff are trained.\n";
        assert_eq!(sections(labels).last(), Some(&Section::Recommendations));
        // Concerns run on under a subheading and after a lead-in.
        let concerns = "Matters of concern\n\nThe ward had no policy for night checks.\n\nThe national picture\n\nDuring the inquest, evidence showed:-\n\nStaff were unable to call a doctor.\n";
        assert_eq!(sections(concerns).last(), Some(&Section::Weaknesses));
        // A long heading that a lead-in announces is the first of the concerns.
        let announced = "Concerns\n\nThe matters of concern are as follows:\n\nConfusion over the local policy and working standards for handing over patients\n\nStaff did not know the policy.\n";
        assert_eq!(sections(announced).last(), Some(&Section::Weaknesses));
        let unannounced = "Concerns\n\nThe handover policy was unclear to staff.\n\nConfusion over the local policy and working standards for handing over patients\n\nStaff did not know the policy.\n";
        assert_eq!(sections(unannounced).last(), Some(&Section::Other));
        let labelled = "Actions required\n\nComments:\n\nDue to two retirements the trust is working hard to recruit more staff in the\n\nteam this year.\n";
        assert_eq!(sections(labelled).last(), Some(&Section::Other));
        // A heading numbered as the section's own is the next part.
        let parts = "Introduction\n\n1. This report sets out the findings of our audit.\n\n1. Audit of the annual accounts\n\n4. The accounts were approved late by the committee.\n\nBackground\n\nThe board met.\n\n1.1 Scope\n\nWe looked at two wards.\n";
        use Section::{Background, Other};
        assert_eq!(sections(parts), [Background, Background, Other, Other, Background, Background, Background, Background]);
        // A heading that grades what it names opens a part of its own.
        let graded = "Requirements\n\n1. The provider must train staff.\n\nHow good is our leadership?    3 - Adequate\n\nThe manager was visible and approachable.\n";
        assert_eq!(sections(graded).last(), Some(&Section::Other));
        // In plain text a heading in capitals after one in capitals that opened the section is
        // the next part; one in small letters is a part of it.
        let capitals = "INTRODUCTION\n\nThis summary sets out our findings.\n\nFinancial sustainability\n\nThe plan sets out scenarios.\n\nAUDIT OF THE ANNUAL ACCOUNTS\n\nWorking papers were not ready.\n";
        assert_eq!(sections(capitals), [Background, Background, Background, Background, Other, Other]);
        let scored = "Areas for improvement\n\nStaff must be trained.\n\nTheme 1: Working with people\n\nAssessing needs - Score: 2\n\nAssessments were person-centred.\n";
        assert_eq!(sections(scored).last(), Some(&Section::Other));
        // A heading that outranks the one that opened the section is a part of its own.
        let ranked = "### Domain 2\n\nStaff were kind.\n\n**Recommendation**\n\nThe board should share learning.\n\n### Domain 4\n\nBeds were placed in corridors.\n";
        assert_eq!(sections(ranked)[3], Section::Recommendations);
        assert_eq!(sections(ranked).last(), Some(&Section::Other));
        // Where markup ranks every heading, one of the same rank is the next part too; in plain
        // text, where headings found by their shape all share one rank, it is not.
        let sections_md = |text: &str| {
            let raw = crate::ingest::read_bytes(std::path::Path::new("t.md"), text.as_bytes()).unwrap();
            block_sections(&crate::segment::build(raw, "t.md", "id".into(), text.len()))
        };
        let siblings = "## Recommendations\n\nThe board should plan.\n\n## Part 1. Governance\n\nThe board has stable leadership.\n";
        assert_eq!(sections_md(siblings)[1], Section::Recommendations);
        assert_eq!(sections_md(siblings).last(), Some(&Section::Other));
        let nested = "## Recommendations\n\n### Governance\n\nThe board should plan.\n";
        assert_eq!(sections_md(nested).last(), Some(&Section::Recommendations));
        let sbar = "2.2 Background\nThe inspection looked at 12 wards.\n\n2.3 Assessment\nInspectors found that staff were kind.\n";
        assert_eq!(sections(sbar).last(), Some(&Section::Other));
        assert_eq!(sections(sbar)[0], Section::Background);
        // A list of strengths ends at the next topic's heading, even one of capitalised words.
        let topics = "What we found this service did well\n\n- Staff were kind\n- Meals were served promptly\n\nDelivery of Safe and Effective Care\n\nFridge temperatures had not been checked daily.\n";
        assert_eq!(sections(topics).last(), Some(&Section::Other));
    }
}
