//! Ratings: grade words ("good", "requires improvement to be good", "adequate") with the
//! aspect they grade, from a judgement grid (an aspect line, then its grade on a line of its
//! own), from "aspect: grade" headings, and from prose ("rated X as adequate", "found that X
//! were good").

use crate::model::{BlockKind, Document, Rating};
use crate::rx::Gated;
use regex::Regex;
use std::sync::LazyLock;

const GRADES: &str = r"requires improvement to be good|requires improvement|outstanding|inadequate|good|adequate|excellent|very good|weak|unsatisfactory|satisfactory|poor|very effective|effective with areas for improvement|important areas for improvement|major areas for improvement|effective|ineffective";

static GRADE_ONLY: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&format!(r"(?i)^\W*({GRADES})\W*$")).unwrap());
static ASPECT_COLON_GRADE: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"(?i)^(?P<aspect>[A-Z][^:]{{3,120}}):\s*(?P<grade>{GRADES})\W*$")).unwrap());
/// "How good is our leadership? 2 - Weak", "Are services safe? Inadequate": a key question with
/// its grade, on the Care Inspectorate's six-point scale or in words alone as CQC sets them out;
/// and "Quality indicator 1: Key performance outcomes – Adequate", an aspect and its grade set
/// apart by a dash, the grade's number after it or not ("Good (4)").
static ASPECT_SCORE_GRADE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(
        r"(?i)^(?:(?P<aspect>[A-Z][^:]{{5,}}?)\s+[1-6]\s*[-–—:]\s*|(?P<question>[A-Z][^:?]{{5,}}\?)\s*|(?P<dashed>[A-Z][^–—]{{5,120}}?)\s+[–—]\s*)(?P<grade>{GRADES})(?:\s*\([1-6]\))?\W*$"
    ))
    .unwrap()
});
/// Gated on its verbs: in a report without a judgement grid it runs on every sentence, and
/// with its case-insensitive alternations and its run of up to 100 characters the automaton
/// has no literal to look for first, so it walked every byte of every one.
static PROSE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &["found", "judged", "rated", "graded", "evaluated", "assessed"],
        &format!(
            r"(?i)(?-u:\b)(?:found\s+that|judged\s+that|judged|rated|graded|evaluated|assessed)\s+(?:the\s+)?(?P<aspect>(?:[^,.;]|\.[0-9]){{3,100}}?)\s+(?:was|were|is|are|as\s+being|as|to\s+be)\s+(?P<grade>{GRADES})(?-u:\b)"
        ),
    )
});
static NOT_AN_ASPECT: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)^(grade|judgement|judgment|rating|score|evaluation|overall evaluation)s?$").unwrap());

fn words(s: &str) -> Vec<String> {
    s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Whether this aspect was already rated with the same grade, as when a grid and a section
/// heading both grade it: nearly the same words both ways, or one name is the other's with a
/// word or two left out ("The experiences of children in care" under a grid's "The
/// experiences and progress of children in care").
fn duplicate(found: &[Rating], aspect: &str, grade: &str) -> bool {
    let w = words(aspect);
    found.iter().any(|r| {
        let have = words(&r.aspect);
        let shared = w.iter().filter(|x| have.contains(x)).count();
        let back = have.iter().filter(|x| w.contains(x)).count();
        let nearly_same = shared * 100 >= w.len() * 85 && back * 100 >= have.len() * 85;
        // Short names ("Safe", "Well-led") are distinct grades, not shortenings.
        let long = w.len().min(have.len()) >= 3;
        let shortened = long && ((shared == w.len() && have.len() <= w.len() + 2) || (back == have.len() && w.len() <= have.len() + 2));
        r.grade == grade && !w.is_empty() && (nearly_same || shortened)
    })
}

pub fn extract(doc: &Document) -> Vec<Rating> {
    let mut out: Vec<Rating> = Vec::new();
    let push = |aspect: &str, grade: &str, out: &mut Vec<Rating>| {
        let aspect = aspect.trim().trim_end_matches([':', ',']).trim();
        let grade = grade.to_lowercase();
        if aspect.is_empty() || NOT_AN_ASPECT.is_match(aspect) || duplicate(out, aspect, &grade) {
            return;
        }
        out.push(Rating { aspect: aspect.to_string(), grade });
    };
    for (i, b) in doc.blocks.iter().enumerate() {
        let t = doc.block_text(i);
        // Most blocks are not grades: the plain search refuses them at less cost than the
        // capturing one.
        if let Some(c) = GRADE_ONLY.is_match(t).then(|| GRADE_ONLY.captures(t)).flatten() {
            // The grid's aspect is the block just above, when that is not itself a grade.
            if i > 0 {
                let prev = doc.block_text(i - 1);
                if !GRADE_ONLY.is_match(prev) && !super::has_words(prev, 21) && b.kind != BlockKind::ListItem {
                    push(prev, &c[1], &mut out);
                }
            }
            continue;
        }
        if let Some(c) = (t.contains(':') && ASPECT_COLON_GRADE.is_match(t)).then(|| ASPECT_COLON_GRADE.captures(t)).flatten() {
            // "Evaluation: Effective" grades what the line above names ("Key process: Initial
            // inquiries"), after its own label.
            let aspect = match &c["aspect"] {
                a if NOT_AN_ASPECT.is_match(a.trim()) && i > 0 => {
                    let prev = doc.block_text(i - 1).trim();
                    crate::line_shapes::label_end(prev).map_or(prev, |end| &prev[end..])
                }
                a => a,
            };
            push(aspect, &c["grade"], &mut out);
            continue;
        }
        if let Some(c) = (b.kind == BlockKind::Heading && t.len() < 200 && ASPECT_SCORE_GRADE.is_match(t))
            .then(|| ASPECT_SCORE_GRADE.captures(t))
            .flatten()
        {
            let aspect = c.name("aspect").or(c.name("question")).or(c.name("dashed")).map_or("", |m| m.as_str());
            push(aspect, &c["grade"], &mut out);
        }
    }
    // A judgement grid is authoritative; prose grades are read only where there is none
    // (prose also recalls past judgements, "judged inadequate by Ofsted in 2019").
    if !out.is_empty() {
        return out;
    }
    for s in &doc.sentences {
        let t = doc.slice(s.span);
        for c in PROSE.captures_iter(t) {
            push(&c["aspect"], &c["grade"], &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_heading_that_shortens_a_graded_aspect_is_not_a_second_rating() {
        let rating = |aspect: &str, grade: &str| super::Rating { aspect: aspect.to_string(), grade: grade.to_string() };
        let grid = [rating("The experiences and progress of children in care", "good"), rating("Safe", "good")];
        assert!(super::duplicate(&grid, "The experiences of children in care", "good"));
        assert!(!super::duplicate(&grid, "The experiences of children in care", "inadequate"));
        assert!(!super::duplicate(&grid, "The experiences and progress of care leavers", "good"));
        assert!(!super::duplicate(&grid, "Safe and effective", "good"));
    }

    /// The ratings of a text file's document, as "aspect = grade".
    fn ratings_of(text: &str) -> Vec<String> {
        let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, "t.txt", "id".into(), 0);
        super::extract(&doc).into_iter().map(|r| format!("{} = {}", r.aspect, r.grade)).collect()
    }

    #[test]
    fn an_evaluation_grades_the_process_named_above_it() {
        assert_eq!(
            ratings_of(
                "Key process: Initial inquiries into concerns\nEvaluation: Effective with areas for improvement\n\nKey process: Strategic leadership\nEvaluation: Very effective\n"
            ),
            ["Initial inquiries into concerns = effective with areas for improvement", "Strategic leadership = very effective"]
        );
    }

    #[test]
    fn key_questions_with_their_grades() {
        assert_eq!(
            ratings_of(
                "From this inspection we evaluated this service as:\n\nHow well do we support people's wellbeing? 3 - Adequate\nHow good is our leadership? 2 - Weak\nAre services safe? Inadequate\n\nStaff were kind.\n"
            ),
            [
                "How well do we support people's wellbeing? = adequate",
                "How good is our leadership? = weak",
                "Are services safe? = inadequate"
            ]
        );
    }

    #[test]
    fn quality_indicators_graded_after_a_dash() {
        assert_eq!(
            ratings_of(
                "Our evaluations\n\nQuality indicator 1: Key performance outcomes – Adequate\nQuality indicator 2: Experiences of people using services — Good (4)\n\nStaff were kind.\n"
            ),
            [
                "Quality indicator 1: Key performance outcomes = adequate",
                "Quality indicator 2: Experiences of people using services = good"
            ]
        );
        // A dash inside a heading that ends in no grade grades nothing.
        assert!(ratings_of("Leadership – good practice in Northshire\n\nStaff were kind.\n").is_empty());
    }

    #[test]
    fn key_questions_graded_after_a_colon_however_short_their_names() {
        assert_eq!(
            ratings_of(
                "Overall rating: Requires improvement\n\nSafe: Inadequate\nCaring: Good\nWell-led: Requires improvement\n\nStaff were kind.\n"
            ),
            ["Overall rating = requires improvement", "Safe = inadequate", "Caring = good", "Well-led = requires improvement"]
        );
    }

    #[test]
    fn a_numbered_quality_indicator_graded_in_prose() {
        assert_eq!(
            ratings_of("Evaluation\n\nFor this report, the joint inspection team evaluated quality indicator 2.1 as good.\n"),
            ["quality indicator 2.1 = good"]
        );
    }

    #[test]
    fn gate_agrees_with_its_rule() {
        crate::rx::assert_gate_agrees(
            "PROSE",
            &super::PROSE,
            &[
                "Inspectors found that leadership was good.",
                "We judged that the quality of care is adequate.",
                "Ofsted judged the local authority as inadequate.",
                "Ofsted rated the service as being outstanding.",
                "It graded the safety of services as requires improvement.",
                "Auditors evaluated financial management to be effective.",
                "The board assessed its governance as weak.",
            ],
        );
    }
}
