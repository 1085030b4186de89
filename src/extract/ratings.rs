//! Ratings: grade words ("good", "requires improvement to be good", "adequate") with the
//! aspect they grade, from a judgement grid (an aspect line, then its grade on a line of its
//! own), from "aspect: grade" headings, and from prose ("rated X as adequate", "found that X
//! were good").

use crate::model::{BlockKind, Document, Rating};
use crate::rx::Gated;
use regex::Regex;
use std::sync::LazyLock;

use crate::line_shapes::{GRADES, grade_of_line};

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
        // "grade" for NUMBERED, which runs behind this gate.
        &["found", "judged", "rated", "graded", "evaluated", "assessed", "grade"],
        &format!(
            r"(?i)(?-u:\b)(?:found\s+that|judged\s+that|judged|rated|graded|evaluated|assessed)\s+(?:the\s+)?(?P<aspect>(?:[^,.;]|\.[0-9]){{3,100}}?)\s+(?:was|were|is|are|as\s+being|as|to\s+be)\s+(?P<grade>{GRADES})(?-u:\b)"
        ),
    )
});
/// A grade given in the passive, after what it grades ("Key performance outcomes were
/// evaluated as adequate", "The partnership was rated very good for its impact on staff").
/// Runs behind [`PROSE`]'s gate, which holds its verbs.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(
        r"(?i)^(?:[^,;]{{0,40}},\s+)?(?P<aspect>[^,;]{{3,100}}?)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:rated|graded|evaluated|assessed|judged)\s+(?:as\s+(?:being\s+)?|to\s+be\s+|to\s+)?(?P<grade>{GRADES})(?-u:\b)"
    ))
    .unwrap()
});
/// "a grade of 5 (very good) for care and support": the grade's word in brackets after its
/// number. Runs behind [`PROSE`]'s gate, which holds "grade".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"(?i)(?-u:\b)grades?\s+of\s+[1-6]\s*\((?P<grade>{GRADES})\)")).unwrap());
/// What a grade is for, right after it ("good for leadership and direction").
static FOR: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)^\s+(?:for|in\s+relation\s+to|in\s+terms\s+of)\s+(?:(?:the|its|their)\s+)?").unwrap());
/// A second grade coordinated with the first: ", and adequate for delivery of key processes",
/// ", and the impact on people as good".
static ALSO: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(
        r"(?i)^,?\s+and\s+(?:(?:as\s+)?(?P<grade>{GRADES})\s+(?:for|in\s+relation\s+to|in\s+terms\s+of)\s+(?:(?:the|its|their)\s+)?|(?:the\s+)?(?P<aspect>[^,.;]{{3,100}}?)\s+as\s+(?:being\s+)?(?P<grade2>{GRADES})(?-u:\b))"
    ))
    .unwrap()
});
/// Where an aspect named after its grade ends: at a stop, or at the next grade coordinated
/// with it (" and adequate for ...").
static ASPECT_END: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"(?i)[,.;:]|\s+and\s+(?:as\s+)?(?:{GRADES})(?-u:\b)")).unwrap());
/// The value after a dot leader or a dash that grades: a grade in words, its number before it
/// or not ("3 - Adequate"), or a score on CQC's scale of four ("Score: 2").
static GRADE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(
        r"(?i)^(?:(?:[1-6]\s*[-–—:]\s*)?(?P<grade>{GRADES})|scored?\s*:?\s*(?P<score>[1-4])(?:\s*[-–—]\s*[A-Za-z][A-Za-z ,]{{0,60}})?)\W*$"
    ))
    .unwrap()
});
/// "Safeguarding - Score: 2": an aspect and its score set apart by a dash or a colon; or a
/// score alone ("Score: 2 - Evidence shows some shortfalls"), for what the heading above names.
/// The words after the number say what it means on the scale.
static ASPECT_SCORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)^(?:(?P<aspect>[A-Z][^:]{3,120}?)\s*[-–—:]\s*)?score\s*:?\s*(?P<score>[1-4])(?:\s*[-–—]\s*[A-Za-z][A-Za-z ,]{0,60})?\W*$",
    )
    .unwrap()
});
static NOT_AN_ASPECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)^((progress )?(grade|judgement|judgment|rating|score|evaluation)|overall evaluation)s?$").unwrap()
});

fn words(s: &str) -> Vec<String> {
    s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Whether this aspect was already rated with the same grade, as when a grid and a section
/// heading both grade it: nearly the same words both ways, or one name is the other's with a
/// word or two left out ("The experiences of children in care" under a grid's "The
/// experiences and progress of children in care").
fn duplicate(found: &[Rating], aspect: &str, grade: &str) -> bool {
    // "Are services safe?" in a grid and "Is the service safe?" over its part ask one question.
    const ASKING: [&str; 6] = ["is", "are", "the", "service", "services", "this"];
    let words = |s: &str| -> Vec<String> { words(s).into_iter().filter(|w| !ASKING.contains(&w.as_str())).collect() };
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
        let aspect = aspect.trim().trim_end_matches([':', ',', '.', ' ']);
        // "judged to require improvement to be good": the grade's name is "requires ...".
        let grade = grade.to_lowercase().replacen("require improvement", "requires improvement", 1);
        if aspect.is_empty() || NOT_AN_ASPECT.is_match(aspect) || duplicate(out, aspect, &grade) {
            return;
        }
        out.push(Rating { aspect: aspect.to_string(), grade });
    };
    for (i, b) in doc.blocks.iter().enumerate() {
        let t = doc.block_text(i);
        // Most blocks are not grades: the plain search refuses them at less cost than the
        // capturing one.
        if let Some(grade) = grade_of_line(t) {
            // The grid's aspect is the block just above, when that is not itself a grade.
            if i > 0 {
                let prev = doc.block_text(i - 1);
                if grade_of_line(prev).is_none() && !super::has_words(prev, 21) && b.kind != BlockKind::ListItem {
                    push(prev, grade, &mut out);
                }
            }
            continue;
        }
        // "Key performance outcomes ........ 3 - Adequate": a grid set with dot leaders.
        if t.len() < 200
            && let Some((name_end, value_start)) = crate::line_shapes::dot_leader(t)
            && let Some(c) = GRADE_VALUE.captures(&t[value_start..])
        {
            let grade = c.name("grade").or(c.name("score")).map_or("", |m| m.as_str());
            push(&t[..name_end], grade, &mut out);
            continue;
        }
        if t.len() < 200
            && t.contains(':')
            && (t.contains("core") || t.contains("CORE"))
            && let Some(c) = ASPECT_SCORE.captures(t)
        {
            let aspect = c.name("aspect").map(|m| m.as_str()).or_else(|| heading_above(doc, i)).unwrap_or("");
            push(aspect, &c["score"], &mut out);
            continue;
        }
        if let Some(c) = (t.contains(':') && ASPECT_COLON_GRADE.is_match(t)).then(|| ASPECT_COLON_GRADE.captures(t)).flatten() {
            // "Evaluation: Effective" grades what the line above names ("Key process: Initial
            // inquiries"), after its own label.
            let aspect = match &c["aspect"] {
                // The line above names what is graded, unless it is prose ("Progress judgement:
                // sufficient progress" under the area's heading and a paragraph on it).
                a if NOT_AN_ASPECT.is_match(a.trim()) && i > 0 => {
                    let prev = doc.block_text(i - 1).trim();
                    if doc.blocks[i - 1].kind != BlockKind::Heading && super::has_words(prev, 16) {
                        heading_above(doc, i).unwrap_or(prev)
                    } else {
                        crate::line_shapes::label_end(prev).map_or(prev, |end| &prev[end..])
                    }
                }
                a => a,
            };
            push(aspect, &c["grade"], &mut out);
            continue;
        }
        // A grid's lines may read as a numbered list ("1.1 People get the most out of life
        // 3 - Adequate").
        let grid_line = matches!(b.kind, BlockKind::Heading | BlockKind::ListItem);
        if let Some(c) = (grid_line && t.len() < 200 && ASPECT_SCORE_GRADE.is_match(t)).then(|| ASPECT_SCORE_GRADE.captures(t)).flatten() {
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
        for (aspect, grade) in prose(doc.slice(s.span)) {
            // "We evaluated this quality indicator as adequate": the heading above says which.
            let aspect = if refers_back(aspect) { heading_above(doc, s.block).unwrap_or(aspect) } else { aspect };
            push(aspect, grade, &mut out);
        }
    }
    out
}

/// Whether an aspect only points at what the text is about ("this quality indicator", "it").
fn refers_back(aspect: &str) -> bool {
    let first = aspect.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    matches!(first.as_str(), "this" | "these" | "it" | "they")
}

/// The nearest heading above a block.
fn heading_above(doc: &Document, block: usize) -> Option<&str> {
    (0..block).rev().find(|&i| doc.blocks[i].kind == BlockKind::Heading).map(|i| doc.block_text(i).trim())
}

/// The grades a sentence gives in prose, each with its aspect: what the verb grades ("rated the
/// partnership as good"), or what the grade is for when it says ("as good for leadership"),
/// and any grade coordinated after it.
fn prose(t: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    // Where each grade ends, what the rule read as its aspect, and the grade.
    fn graded_by(c: regex::Captures<'_>) -> (usize, &str, &str) {
        let grade = c.name("grade").unwrap();
        (grade.end(), c.name("aspect").map_or("", |a| a.as_str()), grade.as_str())
    }
    // One gate for the three rules: most sentences grade nothing.
    if !PROSE.opens(t) {
        return found;
    }
    // "Since the last inspection in 2023, when services were judged to require improvement":
    // a grade after words of an earlier inspection is the grade it gave, not this report's.
    static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(last|previous|prior|preceding|earlier)\s+(full\s+|standard\s+|ILACS\s+)?inspection(?-u:\b)")
            .unwrap()
    });
    let now = |c: &regex::Captures<'_>| {
        let from = c.name("aspect").unwrap_or_else(|| c.name("grade").unwrap()).start();
        !EARLIER.is_match(&t[..from])
    };
    // "was judged to require improvement to be good": the words after "judged" are the grade
    // in the infinitive, not an aspect; the passive rule reads them.
    let active: Vec<regex::Captures<'_>> =
        PROSE.rule().captures_iter(t).filter(|c| c.name("aspect").is_none_or(|a| !a.as_str().starts_with("to ")) && now(c)).collect();
    let starts: Vec<usize> = active.iter().map(|c| c.get(0).unwrap().start()).collect();
    let mut graded: Vec<(usize, &str, &str)> = active.into_iter().map(graded_by).collect();
    if graded.is_empty() {
        graded.extend(PASSIVE.captures(t).filter(now).map(graded_by));
    }
    if graded.is_empty() {
        // After the bracket that closes the grade.
        graded.extend(NUMBERED.captures(t).filter(now).map(graded_by).map(|(end, a, g)| (end + 1, a, g)));
    }
    for (mut end, aspect, grade) in graded {
        let aspect = match for_aspect(&t[end..]) {
            Some((a, after)) => {
                end += after;
                a
            }
            None => aspect,
        };
        found.push((aspect, grade));
        // ", and adequate for delivery of key processes"
        let mut at = end;
        while let Some(c) = ALSO.captures(&t[at..]) {
            // ", and rated the outcomes as adequate": a grade of its own, read by its rule.
            if starts.iter().any(|&s| at < s && s < at + c.get(0).unwrap().end()) {
                break;
            }
            if let Some(g) = c.name("grade2") {
                found.push((c.name("aspect").unwrap().as_str(), g.as_str()));
                at += c.get(0).unwrap().end();
            } else {
                let rest = &t[at + c.get(0).unwrap().end()..];
                let a = &rest[..ASPECT_END.find(rest).map_or(rest.len(), |m| m.start())];
                found.push((a, c.name("grade").unwrap().as_str()));
                at = t.len() - rest.len() + a.len();
            }
        }
    }
    found
}

/// What a grade is for, when the words after it say ("for leadership and direction"), and
/// where that ends, from the start of `rest`.
fn for_aspect(rest: &str) -> Option<(&str, usize)> {
    // "good for the first time", "outstanding for three years": when, not what.
    static WHEN: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^(?:(?:first|second|third|last|next|only)\s+time|\d|(?:many|several|some|two|three|four|five|ten)\s+years)")
            .unwrap()
    });
    let m = FOR.find(rest)?;
    let tail = &rest[m.end()..];
    let aspect = &tail[..ASPECT_END.find(tail).map_or(tail.len(), |e| e.start())];
    (!aspect.trim().is_empty() && !WHEN.is_match(aspect)).then_some((aspect, m.end() + aspect.len()))
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
    fn a_grid_of_numbered_indicators_and_key_questions_asked_twice() {
        assert_eq!(
            ratings_of(
                "Detailed evaluations\n\nHow good is our leadership?                3 - Adequate\n2.2 Quality assurance is led well          3 - Adequate\n\nStaff were kind.\n"
            ),
            ["How good is our leadership? = adequate", "Quality assurance is led well = adequate"]
        );
        assert_eq!(
            ratings_of("Ratings\n\nAre services safe?: Good\n\nIs the service safe?\n\nGood\n\nStaff were kind.\n"),
            ["Are services safe? = good"]
        );
    }

    #[test]
    fn progress_judged_under_each_area_of_a_revisit() {
        assert_eq!(
            ratings_of(
                "Area for priority action 1: Shared governance\n\nLeaders across the partnership should set up shared governance so that they know how well the needs of children are met.\n\nProgress judgement: sufficient progress\n\nArea for priority action 2: Waiting times\n\nLeaders should cut waiting times for assessments of children and young people across the whole of the area.\n\nProgress judgement: insufficient progress\n"
            ),
            [
                "Area for priority action 1: Shared governance = sufficient progress",
                "Area for priority action 2: Waiting times = insufficient progress"
            ]
        );
    }

    #[test]
    fn grids_set_with_dot_leaders_and_scores_on_a_scale_of_four() {
        assert_eq!(
            ratings_of(
                "Our evaluations\n\n  Quality indicator 1 - Key outcomes ........ 3 - Adequate\n  Quality indicator 2 - Leadership ...... 5 - Very good\n\nStaff were kind.\n"
            ),
            ["Quality indicator 1 - Key outcomes = adequate", "Quality indicator 2 - Leadership = very good"]
        );
        assert_eq!(
            ratings_of("Scores\n\n  Assessing needs ........ Score: 2\n  Safeguarding ........... Score: 3\n\nPeople waited.\n"),
            ["Assessing needs = 2", "Safeguarding = 3"]
        );
        assert_eq!(ratings_of("Carers' support - Score: 2\n\nCarers waited.\n"), ["Carers' support = 2"]);
        assert_eq!(
            ratings_of("Equity in experience and outcomes\n\nScore: 2 - Evidence shows some shortfalls\n\nPeople waited.\n"),
            ["Equity in experience and outcomes = 2"]
        );
        // A contents list is no grid, and a score out of more than four is not this scale's.
        assert!(ratings_of("Contents\n\nKey messages ........ 4\nSafeguarding ........ 12\n\nThe board met.\n").is_empty());
        assert!(ratings_of("Risk score: 16\n\nThe board met.\n").is_empty());
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
    fn a_grade_an_earlier_inspection_gave_is_not_this_reports() {
        let t =
            "Since the last inspection in 2023, when services were judged to require improvement to be good, leaders have made progress.";
        assert!(super::prose(t).is_empty(), "{:?}", super::prose(t));
        let t =
            "Services were judged to require improvement to be good, a change from the inadequate judgement at the previous inspection.";
        assert_eq!(super::prose(t), [("Services", "require improvement to be good")]);
    }

    #[test]
    fn grades_in_prose_with_what_they_are_for() {
        assert_eq!(
            ratings_of(
                "Inspectors evaluated the partnership as good for leadership and direction, and adequate for delivery of key processes.\n"
            ),
            ["leadership and direction = good", "delivery of key processes = adequate"]
        );
        assert_eq!(ratings_of("The partnership was rated very good for its impact on staff.\n"), ["impact on staff = very good"]);
        assert_eq!(
            ratings_of(
                "Quality indicator 1: Key performance outcomes\n\nOutcomes improved. We evaluated this quality indicator as adequate.\n\n\
                 Quality indicator 9: Leadership and direction\n\nLeaders were visible.\n\nWe evaluated this quality indicator as good.\n"
            ),
            ["Quality indicator 1: Key performance outcomes = adequate", "Quality indicator 9: Leadership and direction = good"]
        );
        assert_eq!(
            ratings_of("The overall effectiveness of children's services was judged to require improvement to be good.\n"),
            ["The overall effectiveness of children's services = requires improvement to be good"]
        );
        assert_eq!(
            ratings_of("Key performance outcomes were evaluated as adequate, and the impact on people who use services as good.\n"),
            ["Key performance outcomes = adequate", "impact on people who use services = good"]
        );
        assert_eq!(
            ratings_of("The service was awarded a grade of 5 (very good) for care and support.\n"),
            ["care and support = very good"]
        );
        assert_eq!(
            ratings_of("Inspectors found that planning was good, and rated the outcomes for people as being adequate.\n"),
            ["planning = good", "outcomes for people = adequate"]
        );
        assert_eq!(ratings_of("Ofsted rated the service as good for the first time.\n"), ["service = good"]);
        // A grade with nothing to grade, and a past grade's year, give none.
        assert!(ratings_of("The service was rated in 2019.\n").is_empty());
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
        // PROSE's gate serves PASSIVE and NUMBERED too.
        for e in [
            "Outcomes were evaluated as adequate.",
            "Care was rated good.",
            "Leadership has been judged to be weak.",
            "Care is assessed as effective.",
            "It has grades of 5 (very good) for care.",
            "A GRADE OF 2 (weak).",
        ] {
            assert!(super::PASSIVE.is_match(e) || super::NUMBERED.is_match(e), "{e}");
            assert!(super::PROSE.opens(e), "the gate refuses {e:?}");
        }
    }
}
