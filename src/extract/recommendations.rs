//! Recommendations: sentences and list items that call on someone to act. Three kinds of
//! evidence: the language of the sentence (a modal verb in its main clause, "recommend that",
//! "called on", "expect to see"), its structure (a list item under a lead-in that says who
//! should act, a cell in a table's recommendation column), and its section (the items under
//! "Areas for improvement" or "What needs to improve?").

use super::actor;
use super::doc_type::Voice;
use super::sections::Section;
#[cfg(doc)]
use super::sections::block_sections;
use super::{has_words, theme_ids};
use crate::model::{BlockKind, Document, Recommendation, ThemeHit};
use crate::rx::Gated;
use regex::Regex;
use std::sync::LazyLock;

static CUE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &[
            "recommend",
            "call",
            "urg",
            "encourage",
            "see",
            "important",
            "essential",
            "vital",
            "crucial",
            "necessary",
            "critical",
            "imperative",
            "cannot",
            "asked",
            "expect",
        ],
        r"(?i)(?-u:\b)((?P<told>(had|did)\s+(\w+\s+)?)?recommend(s|ed)?\s+that|(call(ed|s)|(we|i)\s+(would\s+|also\s+|therefore\s+)?call)\s+(on|upon)\s+(?:(?P<when>\d+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)|\S)|urg(ed|es)\s+(\w+\s+){1,5}to(?-u:\b)|(would|we|I|inspectors)\s+(strongly\s+)?(urge|encourage)\s+(\w+\s+){1,6}to(?-u:\b)|(we|i|inspectors|auditors|regulators?|would|also)\s+(would\s+)?(\w+\s+)?(expect|like|want|wish|hope)\s+to\s+see|(?P<sub>(when|where|if|unless|whether|as|because|since|while|whilst)\s+)?(it|this)\s+(is|will\s+be|would\s+be)\s+(important|essential|vital|crucial|necessary|critical|imperative)\s+(for\s+[^,]{1,60}\s+)?to(?-u:\b)|cannot\s+(happen|succeed|work|be\s+achieved)\s+without|(inspectors|we|auditors|regulators?|the\s+inspectorate|the\s+commission|the\s+regulator)\s+(have|has)\s+(also\s+)?asked\s+(\w+\s+){1,6}to(?-u:\b)|(we|i|inspectors|auditors)\s+(would\s+|now\s+|also\s+|will\s+)?expect\s+(the|all|each|every)\s+(\w+\s+){0,5}to\s+([ac-z][a-z]*|b[a-df-z][a-z]*|be[a-z]+)(?-u:\b))",
    )
});
/// "We want councils to review ...": a call on a body. "We want people to feel safe" states
/// an aim, and "we want to thank" a wish of the writer's.
static WANTED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(?:we|i)\s+(?:also\s+|therefore\s+|still\s+)?(?:want|would like)\s+(?P<wanted>(?:\w+\s+){1,6}?)to\s+[a-z]+",
    )
    .unwrap()
});

fn wants_a_body_to_act(text: &str) -> bool {
    // Asked of nearly every sentence, and the verb follows "we" or "I", so is in lower case:
    // one plain search refuses most sentences before the rule runs ("would like" holds "l").
    static VERBS: LazyLock<crate::rx::Words> = LazyLock::new(|| crate::rx::Words::new(&["want", "would like"]));
    if !VERBS.is_match(text.as_bytes()) {
        return false;
    }
    let reported_at = || REPORTED_SPEECH.find(text).map_or(usize::MAX, |m| m.start());
    WANTED.captures_iter(text).any(|c| {
        let wanted = &c["wanted"];
        !wanted.starts_with("to ") && actor::names_a_group(wanted.trim()) && c.get(0).is_some_and(|m| m.start() <= reported_at())
    })
}

/// "There is a need to ..." as the main clause, not inside one ("where there is a need for").
static THERE_IS_A_NEED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &["need"],
        r"(?i)^\W*(?:[^,]{0,60},\s+)?there\s+(is|remains)\s+(a|an)?\s*(clear\s+|urgent\s+|continuing\s+|continued\s+|pressing\s+)?need\s+(for|to)(?-u:\b)",
    )
});
/// A modal verb of obligation in the main clause, after a plain subject, which may follow a
/// short phrase and a comma ("In the next year, the partnership should ..."): see
/// [`modal_captures`] for that phrase.
static MODAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^(?P<subj>[^:;]*?)\s+(?:also\s+|now\s+|still\s+|further\s+|urgently\s+|therefore\s+|jointly\s+|then\s+|all\s+|each\s+)?(?P<modal>should|must|shall|needs?\s+to|will\s+need\s+to|ought\s+to)\s+(?P<rest>\w.*)$").unwrap()
});
static NOT_A_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(who|which|that|whether|if|how|when|where|what|why|is|are|was|were|has|have|had|do|does|did|as|than|so|because|unless|until|once|means|meant|shows|showed|suggests|indicates|ensures|requires|found|said|says|knows|know|can|could|will|would|may|might|though|although|while|whilst|since)(?-u:\b)").unwrap()
});
/// A directive that only restates the verdict ("must work jointly to make improvements").
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)^(work\s+(jointly|together)\s+to\s+)?(make|deliver|secure)\s+(further\s+|urgent\s+|significant\s+|the\s+)?improvements?\W*$",
    )
    .unwrap()
});
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)^(?:\(?\d{1,2}[.)]?\s+|[a-z][.)]\s+)?(?:urgently\s+|further\s+|jointly\s+|continue\s+to\s+|also\s+|then\s+)?(improve|develop|ensure|review|put|build|monitor|increase|commit|support|agree|share|address|view|continue|strengthen|establish|consider|implement|work|provide|reduce|embed|set|make|take|undertake|publish|prioriti[sz]e|introduce|identify|clarify|resolve|create|deliver|evaluate|assess|invest|involve|engage|align|produce|complete|update|maintain|enable|promote|streamline|secure|extend|expand|focus|plan|use|seek|report|record|act|respond|tackle|raise|target|recruit|retain|train|demonstrate|set out|appoint|strengthen|note|approve|endorse|scrutinise|explore|redesign|refresh|revise|simplify|integrate|co-?produce|communicate|listen|learn|measure|track|test|pilot|accelerate|facilitate|coordinate|co-ordinate|collaborate|fund|allocate|reallocate|ensure|apologi[sz]e|remind|arrange|carry out|conduct|check|inform|notify|reimburse|reconsider|reassess|adopt|reflect on|discuss|confirm|escalate|apply)(?-u:\b)",
    )
    .unwrap()
});
/// Lead-ins that hand a list over as things to do: a call ("should", "recommends") or a
/// committee's draft resolution ("That Cabinet:"). Not "required to": "In preparing the
/// accounts the directors are required to:" lists duties the law already sets, not what a
/// report asks for. Nor a bare "to:" or "include:": "The partnership has worked to:" and
/// "Areas of strength include:" list what was done or found.
static LEAD_IN_CUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(
        r"(?i)(?-u:\b)((?P<modal>should|must|need(s)?\s+to)|recommend\w*|priorities|priority\s+areas?|actions|areas?\s+(?:for|of|requiring)\s+(?:further\s+)?(?:improvement|development)|improvements?\s+(?:are|is|were|was)\s+(?:still\s+)?(?:needed|required))(?-u:\b)|{}",
        actor::RESOLUTION_LEAD_IN
    ))
    .unwrap()
});
static REC_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(recommendation|priority|priorities|area for improvement|improvements? (required|needed)|requirement)s?(?-u:\b)",
    )
    .unwrap()
});
static NON_REC_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(action|update|measure|impact|progress|status|responsib\w*|timescale|rag|next steps|comment|evidence|lead|owner|date)(?-u:\b)",
    )
    .unwrap()
});

/// "It was suggested to me in evidence that children ..., should undergo", "He told the
/// court that in 2015 the inspectorate recommended that": a witness's words, which the report
/// records as evidence, not what it asks for. So too what those inspected know or accept
/// ("Leaders know that, as corporate parents, they need to do more"): a finding about them.
static REPORTED_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(it\s+was\s+(suggested|explained|accepted|acknowledged|confirmed|said|stated|conceded|submitted|argued)|(told|assured|informed)\s+(the\s+)?(court|inquest|jury|coroner|tribunal|me|us|inspectors)|gave\s+evidence|heard\s+evidence|evidence\s+was\s+(heard|given)|in\s+(\w+\s+)?evidence\s+that|(know|knows|recogni[sz]es?|acknowledges?|understands?|accepts?)\s+that)(?-u:\b)").unwrap()
});

/// Whether reported speech opens before byte `at` of the sentence.
fn reported_before(text: &str, at: usize) -> bool {
    REPORTED_SPEECH.find(text).is_some_and(|m| m.start() < at)
}

/// Does the sentence, on its own language, call for action?
pub fn has_cue(text: &str) -> bool {
    calls_on_someone(text) || modal_in_a_main_clause(text, true)
}

/// Whether a sentence's words call on someone to act ("We recommend that", "urged the board
/// to", "There is a need to"), besides a modal, which may state a duty instead.
fn calls_on_someone(text: &str) -> bool {
    CUE.is_match(text) && cued_in_a_main_clause(text) || THERE_IS_A_NEED.is_match(text) || wants_a_body_to_act(text)
}

/// Under a heading that asks for improvement, a modal clause calls for action whatever its
/// subject ("EHC plans must reflect ...", "These plans should set out ..."): the heading says
/// what the sentence is. Such a subject names no one to act, and a table's cut cell ("panel
/// for the posts should include at least") reads the same, so the sentence must end.
pub fn has_modal_directive(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['"', '”', '’', ')']);
    t.ends_with(['.', ';', '!']) && modal_in_a_main_clause(text, false)
}

/// Whether a clause of the sentence has a modal of obligation as its main verb, after a
/// subject that names who is to act when `of_an_actor`.
fn modal_in_a_main_clause(text: &str, of_an_actor: bool) -> bool {
    let t = text.trim_start_matches(['“', '"', '‘', '\'']);
    let quoted = t.len() < text.len();
    // Each coordinated clause may carry its own subject ("X must be in place and all partners
    // need to ..."), as may what follows a label ("Recommendation 1: The partnership should") or
    // a report's count of its calls ("made four recommendations, including that the partnership
    // should ...") or what a call says ("The recommendation is that the board should ...",
    // "These include that the board should ...").
    static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(
            r"(?i)[,;:]\s+(?:(?:and|but|while|whilst)\s+|including\s+(?:that\s+)?)?|\s(?:and|but)\s+(?:all|every|each)(?-u:\b)",
        )
        .unwrap()
    });
    // Most sentences hold none of the words MODAL needs (it is case-sensitive), and then no
    // clause of theirs needs the slower capturing match; nor does a clause after the last one.
    let Some(last_modal) = MODAL_WORDS.last_start(t.as_bytes()) else {
        return false;
    };
    // A modal inside a label ("Evidence we need to check that this has happened: A copy of
    // the apology") says what the field holds, not what anyone is to do. Looked for only in a
    // sentence with a modal word, as few have one.
    let label = crate::line_shapes::long_label_end(t).unwrap_or(0);
    if last_modal < label {
        return false;
    }
    let (t, last_modal) = (&t[label..], last_modal - label);
    if reported_before(t, last_modal) {
        return false;
    }
    // "‘The manager shall send a copy ...’": "shall" in quotation marks cites a rule's words.
    if quoted && t[last_modal..].starts_with("shall") {
        return false;
    }
    // Searched apart from the clause marks, and only where the word is, as few sentences
    // say what a call is.
    static CALL_IS: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(crate::extract::actor::CALL_IS).unwrap());
    static CALL_WORDS: LazyLock<crate::rx::Words> = LazyLock::new(|| crate::rx::Words::new(&["ecommendation", "nclude"]));
    let call_is = CALL_WORDS.is_match(t.as_bytes()).then(|| CALL_IS.find(t)).flatten().map(|m| m.end()).filter(|&e| e <= last_modal);
    std::iter::once(0)
        .chain(call_is)
        // A colon opens a clause only after a label at the start, not inside what is quoted.
        .chain(CLAUSE.find_iter(t).filter(|m| m.start() <= LABEL_MAX || !m.as_str().starts_with(':')).map(|m| m.end()))
        .take_while(|&start| start <= last_modal)
        .any(|start| if of_an_actor { modal_clause(&t[start..]) } else { modal_captures(&t[start..]).is_some_and(|c| obliges(&c, false)) })
}

/// Whether a match of [`CUE`] stands in a main clause and calls for action: "it is necessary
/// to" in a subordinate one ("when it is necessary to initiate proceedings, ...") says when
/// things happen, not what should; "called on 6 August" says when someone was summoned; and
/// "had recommended that", "did however recommend that" tell what was advised before.
/// Asked only of the few sentences the cue matches.
///
/// "We expect to see an improvement over the next three months" forecasts an outcome, or, from
/// an inspector, asks for improvement in general, as [`VAGUE`] directives do: neither says what
/// to do.
fn cued_in_a_main_clause(text: &str) -> bool {
    static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^\s+(?:(?:an?|some|further|continued|more|a\s+further|significant|steady|gradual|clear|real|sustained)\s+)*(?:evidence\s+of\s+(?:(?:an?|clear|real|sustained|further)\s+)*)?(?:improvements?|increases?|reductions?|decreases?|rises?|falls?|recovery|growth|progress)(?-u:\b)").unwrap()
    });
    // "discussed what additional data it would like to see": what is wanted, as the object of
    // another verb, asks nothing of anyone.
    static ASKED_ABOUT: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(r"(?i)(?-u:\b)(what|which|whether)\s+(?:[a-z’'-]+\s+){0,5}$").unwrap());
    let reported_at = REPORTED_SPEECH.find(text).map_or(usize::MAX, |m| m.start());
    CUE.rule().captures_iter(text).any(|c| {
        c.name("sub").is_none()
            && c.name("when").is_none()
            && c.name("told").is_none()
            && c.get(0).is_some_and(|m| {
                m.start() <= reported_at
                    && !(m.as_str().ends_with("see") && (OUTCOME.is_match(&text[m.end()..]) || ASKED_ABOUT.is_match(&text[..m.start()])))
            })
    })
}

/// A label before a sentence ("Recommendation 12:") ends within this many bytes.
const LABEL_MAX: usize = 40;

/// Words one of which every match of [`MODAL`] holds.
static MODAL_WORDS: LazyLock<crate::rx::Words> = LazyLock::new(|| crate::rx::Words::new(&["should", "must", "shall", "need", "ought"]));

/// [`MODAL`] after an optional lead phrase: at most 60 characters to the first comma, then
/// white space. Tried in the order a backtracking match of `(?:[^,]{0,60},\s+)?` ahead of the
/// rule would try them (with all the white space, then less, then without the phrase), so the
/// captures are the same; written into the rule, the bounded run made its automaton and its
/// capturing search many times larger, and this rule runs on every clause with a modal word.
fn modal_captures(t: &str) -> Option<regex::Captures<'_>> {
    if let Some(comma) = t.find(',')
        && t[..comma].chars().nth(60).is_none()
    {
        let after = comma + 1;
        let run = t[after..].find(|c: char| !c.is_whitespace()).unwrap_or(t.len() - after);
        let ends = t[after..after + run].char_indices().rev().map(|(i, c)| after + i + c.len_utf8());
        if let Some(c) = ends.filter_map(|start| MODAL.captures(&t[start..])).next() {
            return Some(c);
        }
    }
    MODAL.captures(t)
}

/// A clause whose main verb is a modal of obligation after a subject that names an actor.
///
/// A comma near the start may close an opening phrase ("In the next year, the partnership
/// should") or fall inside the subject ("Leaders across education, health and care should");
/// the second reading is tried when the first names no one.
fn modal_clause(t: &str) -> bool {
    let Some(lead) = modal_captures(t) else {
        return false;
    };
    if obliges_an_actor(&lead) {
        return true;
    }
    // Without an opening phrase there is no second reading. With one, it can only pass with a
    // modal before the first comma or a subject that ends as a list does, in "and"; most
    // clauses are refused here without another search.
    let lead_subj = lead.name("subj").map_or("", |m| m.as_str());
    // `modal_captures` matches on the rest of `t` after a phrase: the match starts later in `t`.
    let after_a_phrase = lead.get(0).is_some_and(|m| !std::ptr::eq(m.as_str().as_ptr(), t.as_ptr()));
    let before_comma = t.split(',').next().unwrap_or(t);
    if !after_a_phrase || !(lead_subj.contains(" and ") || lead_subj.contains('&') || MODAL_WORDS.is_match(before_comma.as_bytes())) {
        return false;
    }
    let Some(whole) = MODAL.captures(t) else {
        return false;
    };
    let subj = whole.name("subj").map_or("", |m| m.as_str());
    // A comma inside a subject joins a list; "Leaders act well, though more needs to" is two clauses.
    (!subj.contains(',') || actor::is_list_of_names(subj)) && subj != lead_subj && obliges_an_actor(&whole)
}

/// Whether one reading of a modal clause has a subject that names who is to act and a
/// directive that asks for more than improvement in general.
fn obliges_an_actor(c: &regex::Captures<'_>) -> bool {
    obliges(c, true)
}

/// Whether one reading of a modal clause is a directive: a plain subject (one that names who
/// is to act, when `of_an_actor`), and more asked for than improvement in general.
fn obliges(c: &regex::Captures<'_>, of_an_actor: bool) -> bool {
    let subj = c.name("subj").map(|m| m.as_str()).unwrap_or("");
    let rest = c.name("rest").map(|m| m.as_str()).unwrap_or("");
    // "to meet local need to improve": "need" is a noun after an infinitive phrase.
    let modal = c.name("modal").map(|m| m.as_str()).unwrap_or("");
    if modal.starts_with("need") && subj.contains(" to ") {
        return false;
    }
    // "alongside their individual needs to ensure": the noun "needs", which reports about care
    // use all the time, after a word that describes them.
    static DESCRIBES_NEEDS: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(individual|own|specific|additional|complex|changing|emerging|unmet|identified|assessed|health|care|support|learning|educational|medical|emotional|communication|sensory|physical|cultural|identity|particular|different|varying|current|future|immediate|basic|practical|housing|wider|holistic|his|her|your|whose)$").unwrap()
    });
    if modal.starts_with("needs") && DESCRIBES_NEEDS.is_match(subj.trim_end()) {
        return false;
    }
    // A long run with a comma that is no list of names holds a clause of its own before the
    // subject ("Practitioners prioritise assessments from the outset, informing decisions
    // about the support families need to"): the clause after the comma is read on its own.
    let run = subj.trim_end_matches([',', ' ']);
    if let Some((_, after)) = run.split_once(',')
        && has_words(run, 9)
        && !actor::is_list_of_names(run)
        && !actor::is_aside(after)
    {
        return false;
    }
    // "should have been made sooner", "should not have agreed the plan": what ought to have
    // happened, a finding about the past, not a call to act. A participle counts before an
    // object or a preposition only: "should have delegated authority" asks for a power.
    static RETROSPECTIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^(not\s+)?have\s+(been|had|already|known|taken|seen|done|made|gone|given|told|\w+ed\s+(the|a|an|this|that|these|those|their|his|her|its|it|them|him|on|to|with|for|about))(?-u:\b)").unwrap()
    });
    if (modal == "should" || modal.starts_with("ought")) && RETROSPECTIVE.is_match(rest) {
        return false;
    }
    // "they must wait a long time for an appointment": what people are made to bear, which no
    // one is asked to do.
    static ENDURED: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^(still\s+|often\s+)?((wait|travel|endure)\s+(a\s+long|too\s+long|long|longer|up\s+to|over|more\s+than|many|several|months|years|weeks|\d)|repeat\s+their\s+stor(y|ies))(?-u:\b)").unwrap()
    });
    if ENDURED.is_match(rest) {
        return false;
    }
    // "I should stress that", "we must emphasise": the writer speaking of what they say.
    static SPEAKING: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^(stress|emphasi[sz]e|add|say|note|point\s+out|make\s+(it\s+)?clear|mention|acknowledge|clarify|explain|record|repeat|observe)(?-u:\b)").unwrap()
    });
    let first_person = |w: &str| w.eq_ignore_ascii_case("i") || w.eq_ignore_ascii_case("we");
    if subj.split_whitespace().last().is_some_and(first_person) && SPEAKING.is_match(rest) {
        return false;
    }
    // "does not support reflective thinking, promote curiosity or provide the guidance
    // practitioners need to": a comma inside a run of verb phrases leaves a verb where a
    // subject would start, and a subject never opens on a bare verb in lower case.
    static OPENS_ON_A_VERB: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"^(promote|provide|ensure|enable|improve|develop|deliver|reduce|increase|strengthen|identify|establish|consider|address|meet|make|take|give|offer|prevent|protect|achieve|maintain|encourage|help|allow|bring|keep|create|build|reflect)\s").unwrap()
    });
    if OPENS_ON_A_VERB.is_match(subj.trim_start()) {
        return false;
    }
    // "should they wish to" is a condition, not a call to act.
    let inverted = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "they" | "we" | "you" | "he" | "she" | "it" | "there" | "this"));
    // "The board should set" with nothing after: a line cut from a table, not a directive.
    let cut_short = !has_words(rest, 2) && !rest.trim_end().ends_with(['.', '!', ';']);
    has_words(subj, 1)
        && !cut_short
        && !has_words(subj, 17)
        && !NOT_A_SUBJECT.is_match(subj)
        && !VAGUE.is_match(rest)
        && !inverted
        && if of_an_actor { names_an_actor(subj) } else { !is_a_clause_within(subj) }
}

/// Whether the main clause calls on someone to improve and says no more ("The partnership
/// must work jointly to make improvements"): not a recommendation, but an inspection's verdict
/// that things are not yet good enough.
pub fn demands_improvement(text: &str) -> bool {
    // Asked of every finding: the capturing search runs only on the few that could match.
    if !text.contains("mprovement") || !MODAL_WORDS.is_match(text.as_bytes()) {
        return false;
    }
    modal_captures(text).is_some_and(|c| {
        let subj = c.name("subj").map_or("", |m| m.as_str());
        let rest = c.name("rest").map_or("", |m| m.as_str());
        VAGUE.is_match(rest) && !NOT_A_SUBJECT.is_match(subj) && names_an_actor(subj)
    })
}

/// Words that name who could act; the subject of a modal must contain one ("The extent of
/// this work must not be underestimated" calls on no one): the group words an actor is named
/// by, and people and pronouns.
static ACTOR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(
        r"(?i)(?-u:\b)(?:{}|local\s+areas?|everyone|all|they|we|you|i|there|workers|nurses|clinicians|GPs)(?-u:\b)|(?-i:\s[A-Z]\w+)",
        actor::GROUP_WORDS
    ))
    .unwrap()
});

fn names_an_actor(subj: &str) -> bool {
    !is_a_clause_within(subj) && ACTOR_WORD.is_match(subj)
}

/// Whether the words before a modal are no subject of it: a phrase that opens with a
/// preposition, a relative clause closed by a pronoun ("the help they need to"), or a noun
/// "need" ("the need to act").
fn is_a_clause_within(subj: &str) -> bool {
    static PREPOSITION_START: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^(without|with|for|in|on|at|from|by|of|to|after|before|despite|through|under|into)(?-u:\b)").unwrap()
    });
    static NOUN_NEED: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(r"(?i)((?-u:\b)(the|a|an|this|that|their|its|our|any|no|of)|['’]s|s['’])$").unwrap());
    let subj = subj.trim();
    // "This needs to": a pronoun subject, where "the need to" is a noun.
    let pronoun = subj.eq_ignore_ascii_case("this") || subj.eq_ignore_ascii_case("that");
    PREPOSITION_START.is_match(subj) || actor::ends_in_pronoun(subj) || (!pronoun && NOUN_NEED.is_match(subj))
}

/// Whether a block opens on a label that says its value is what someone is to do ("What the
/// organisation should do: Apologise ...", "Action required: ..."), as decisions and reports
/// set out their calls field by field.
fn labelled_a_call(text: &str) -> bool {
    static ASKS: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(should|must|needs?\s+to|asked\s+to|asking\s+[a-z]+(\s+[a-z]+)?\s+to)\s+do$|^(recommendations?|actions?\s+(required|needed)|required\s+actions?|what\s+needs\s+to\s+(happen|change|improve))$").unwrap()
    });
    crate::line_shapes::long_label_end(text).is_some_and(|end| ASKS.is_match(text[..end].trim_end().trim_end_matches(':').trim_end()))
}

/// A cell that only points to a recommendation made elsewhere ("Domain 4.1 – Requirement 1
/// (additional beds)", "R3"): capitalised words, numbers and dashes, a number among them,
/// and what brackets hold.
fn is_a_reference(text: &str) -> bool {
    let bare = text.split('(').next().unwrap_or(text);
    let mut numbered = false;
    let mut words = 0;
    for w in bare.split_whitespace() {
        words += 1;
        let w = w.trim_end_matches([':', '.', ',']);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            numbered = true;
        } else if !(w.starts_with(char::is_uppercase) || matches!(w, "–" | "-" | "—")) {
            return false;
        }
        numbered |= w.ends_with(|c: char| c.is_ascii_digit());
    }
    numbered && words <= 6
}

/// A list item that names what must improve without a verb of its own ("The timeliness of
/// assessments for children in need.") rather than stating what was found ("Children wait too
/// long for assessments."). Only the words before any relative or subordinate clause count.
pub fn is_nominal(text: &str) -> bool {
    static CLAUSE_START: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(who|whom|which|that|where|when|whose|so that|because|once|if|while|whilst|including|ensuring|particularly|especially)(?-u:\b)|[(;:]").unwrap()
    });
    static FINITE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(is|are|was|were|has|have|had|do|does|did|can|cannot|could|will|would|may|might|must|should|shall|not|wait|waits|lack|lacks|describes|says|said|receive|receives|knows|knew|shows|makes|takes|took|gets|remain|remains|continues|struggle|struggles|varies|depends|benefit|benefits|feels|went|came|became|seems|appears|relies|sets|includes|provides|contains|outlines|explains|gives|means|helps|covers|requires|allows|aims)(?-u:\b)").unwrap()
    });
    static HOW: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?i)^(how|whether)(?-u:\b)").unwrap());
    let t = crate::line_shapes::after_item_mark(text).trim_end();
    if HOW.is_match(t) {
        return true;
    }
    let head = CLAUSE_START.find(t).map(|m| &t[..m.start()]).unwrap_or(t);
    // A verb in the past after the first word states what was found ("People continued to
    // experience delays"); first, it describes what is named ("Improved access to ...").
    const PAST: &[&str] = &[
        "continued",
        "waited",
        "experienced",
        "received",
        "reported",
        "remained",
        "reduced",
        "increased",
        "improved",
        "worked",
        "showed",
        "told",
        "felt",
        "found",
        "took",
        "gave",
        "used",
        "lacked",
        "struggled",
        "described",
        "needed",
        "wanted",
        "fell",
        "rose",
        "grew",
        "placed",
        "led",
        "caused",
        "meant",
        "resulted",
    ];
    // Not as a participle that describes ("the continued update", "and increased risk",
    // "information used by leaders").
    const DESCRIBES: &[&str] =
        &["the", "a", "an", "and", "or", "of", "their", "its", "his", "her", "our", "more", "less", "with", "for", "in"];
    let words: Vec<&str> = head.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let past = (1..words.len()).any(|i| {
        PAST.iter().any(|p| p.eq_ignore_ascii_case(words[i]))
            && !DESCRIBES.iter().any(|d| d.eq_ignore_ascii_case(words[i - 1]))
            && !words.get(i + 1).is_some_and(|n| n.eq_ignore_ascii_case("by"))
    });
    // "While there is no rule, ...": a clause from the first word, with no noun before it.
    !head.trim().is_empty() && !past && !FINITE.is_match(head)
}

pub fn is_imperative(text: &str) -> bool {
    // Many of the verbs are nouns too: "Work has started", "Support was available" state what
    // is, their noun the subject of the verb after it.
    static FINITE_NEXT: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|does|did|remains?|continues?)(?-u:\b)")
            .unwrap()
    });
    let t = text.trim_start_matches(['“', '"', '‘', '•', '-', ' ']);
    IMPERATIVE.find(t).is_some_and(|m| !FINITE_NEXT.is_match(&t[m.end()..]))
}

/// Whether a list's lead-in hands its items over as things to do. Only the sentence that
/// introduces the list counts, with the one before when it is as short as "In particular:":
/// a paragraph that mentions "actions" or "required to" early on may go on to list what was
/// done.
fn lead_in_hands_over_actions(doc: &Document, block: usize, voice: Voice, sections: &[Section]) -> bool {
    // Background ("Introduction", "Purpose of report") describes what a paper is about, its
    // subject's own priorities among it ("Key priorities for this winter include:").
    let strict = voice == Voice::OwnAccount || sections[block] == Section::Background;
    let cue = |t: &str| lead_in_cue(t, strict);
    let after = doc.sentences.partition_point(|s| s.block <= block);
    let first = doc.sentences[..after].partition_point(|s| s.block < block);
    let Some(last) = doc.sentences[first..after].last() else {
        return cue(doc.block_text(block));
    };
    if cue(doc.slice(last.span)) {
        return true;
    }
    let short = !has_words(doc.slice(last.span), 6);
    short && after - first >= 2 && cue(doc.slice(doc.sentences[after - 2].span))
}

/// Whether a lead-in's words hand a list over as things to do. A modal counts after a plain
/// subject only: in "there are other statutory tasks the governors must carry out. These
/// include:" it sits in a clause that describes duties, and the list names them.
///
/// A body's account of itself lists its own plans ("Our improvement plan includes actions in
/// six key areas:") and the duties a code puts on it ("the remuneration committee should
/// consider the following provisions:"): there (`strict`) only a lead-in that calls on
/// someone, or names what another found to improve, hands its list over.
fn lead_in_cue(text: &str, strict: bool) -> bool {
    // "The Committee is asked to:" puts a paper's recommendations in the passive.
    if actor::is_asked_to(text) {
        return true;
    }
    if strict {
        return calls_on_someone(text) || LEAD_IN_CUE.find_iter(text).any(|m| says_recommend_or_improve(m.as_str()));
    }
    LEAD_IN_CUE.captures_iter(text).any(|c| match c.name("modal") {
        None => true,
        Some(m) => {
            let before = &text[..m.start()];
            let subj = before.rfind([',', ';', ':']).map_or(before, |i| &before[i + 1..]);
            !NOT_A_SUBJECT.is_match(subj)
        }
    })
}

/// Whether a list item records what a meeting did ("adopted the draft annual report", "approved
/// the letter of representation"), as minutes list after "the Board accepted the
/// recommendations and:", rather than what is to be done.
fn records_a_decision(text: &str) -> bool {
    const DONE: [&str; 18] = [
        "adopted",
        "approved",
        "agreed",
        "noted",
        "received",
        "accepted",
        "endorsed",
        "ratified",
        "resolved",
        "considered",
        "discussed",
        "supported",
        "delegated",
        "confirmed",
        "authorised",
        "authorized",
        "welcomed",
        "thanked",
    ];
    let first = crate::line_shapes::after_item_mark(text).split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_lowercase) && DONE.contains(&first)
}

/// Words that name what someone recommends or what is to improve ("Recommendations", "Areas
/// for improvement"), rather than a body's own priorities, actions or requirements.
fn says_recommend_or_improve(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.contains("recommend") || t.contains("improv")
}

/// The sections of a body's account of itself, where a heading that names its own plans or
/// duties ("Priorities for 2025/26", "Provision Requirement", "Next steps") opens no list of
/// recommendations; only one that names recommendations or improvements does.
fn own_account_sections(doc: &Document, sections: &[Section]) -> Vec<Section> {
    let mut out = sections.to_vec();
    let mut keeps = true;
    for (i, b) in doc.blocks.iter().enumerate() {
        if sections[i] != Section::Recommendations {
            continue;
        }
        // Each heading that names a list of things to do decides anew; a topic heading within
        // the list ("Integrated finances") goes on with it.
        let opens = b.kind == BlockKind::Heading && super::sections::classify_heading(doc.block_text(i)) == Section::Recommendations;
        if opens {
            keeps = says_recommend_or_improve(doc.block_text(i));
        }
        if !keeps {
            out[i] = Section::Other;
        }
    }
    out
}

/// Who a list's lead-in calls on. A paragraph that runs on without a break may hold several
/// recommendations, each with its own actor, so the sentence just above the list speaks first
/// ("Health leaders should ensure, in respect of:"); when it names no group ("This should
/// include:"), the paragraph's first actor does.
fn lead_in_actor(doc: &Document, block: usize) -> Option<String> {
    let after = doc.sentences.partition_point(|s| s.block <= block);
    let last = after.checked_sub(1).map(|i| &doc.sentences[i]).filter(|s| s.block == block);
    last.and_then(|s| actor::from_lead_in(doc.slice(s.span)))
        .filter(|a| actor::names_a_group(a))
        .or_else(|| actor::from_lead_in(doc.block_text(block)))
}

/// Recommendations of a document, given the section of each block ([`block_sections`]).
/// "It should also ...", "They must ...": a modal after a pronoun, which asks for action only
/// when the sentence before was a recommendation whose actor the pronoun stands for. Not before
/// "be": "It should be multi-disciplinary", "They should be supported" say what a thing or
/// the people acted for should be, and "It should be noted that" asks nothing.
static PRONOUN_MODAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^\W*(?:It|They)\s+(?:also\s+|now\s+|further\s+)?(?:should|must|needs?\s+to|will\s+need\s+to)\s+(?P<verb>\w+)")
        .unwrap()
});

/// Whether the sentence goes on from the recommendation just before it ("The partnership
/// should ensure ... It should also improve ...").
fn continues_a_recommendation(doc: &Document, si: usize, out: &[Recommendation], text: &str) -> bool {
    si > 0
        && out.last().is_some_and(|r| r.span == doc.sentences[si - 1].span)
        && PRONOUN_MODAL.captures(text).is_some_and(|c| !c["verb"].eq_ignore_ascii_case("be"))
}

/// In an investigator's report, its concerns may ask for what would prevent another death
/// without naming who is to act ("The junction should be redesigned as a roundabout"): a
/// directive there is a recommendation, as under a recommendations heading. A body's account
/// of itself quotes the duties codes put on it ("The board should keep ... under review"):
/// outside its lists and recommendations sections, only words that call on someone count.
pub fn extract(doc: &Document, sections: &[Section], sentence_themes: &[Vec<ThemeHit>], voice: Voice) -> Vec<Recommendation> {
    let investigation = voice == Voice::Investigation;
    let own_account;
    let sections = if voice == Voice::OwnAccount {
        own_account = own_account_sections(doc, sections);
        &own_account[..]
    } else {
        sections
    };
    let mut out = Vec::new();
    let mut first_in_block = usize::MAX;
    let mut last_block = usize::MAX;
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.block != last_block {
            last_block = s.block;
            first_in_block = si;
        }
        let block = &doc.blocks[s.block];
        if block.kind == BlockKind::Heading {
            continue;
        }
        let text = doc.slice(s.span);
        let trimmed = text.trim_end();
        if trimmed.ends_with(':') && !calls_for_more_than_its_list(trimmed) || trimmed.ends_with('?') || !has_words(text, 3) {
            continue;
        }
        let first = si == first_in_block;
        let section = sections[s.block];
        let lead_block = block.lead_in.filter(|&l| lead_in_hands_over_actions(doc, l, voice, sections));
        let lead_in = lead_block.map(|l| doc.block_text(l));
        let in_rec_column = block
            .table
            .as_ref()
            .is_some_and(|c| c.header.as_deref().is_some_and(|h| REC_COLUMN.is_match(h) && !NON_REC_COLUMN.is_match(h)));
        // "That the Committee approves the plan", "That the report be noted": a resolution, and
        // the body it names.
        let resolved = actor::resolution(text);
        // A directive whose subject names no one to act ("EHC plans must reflect ..."): its
        // subject is not its actor.
        let mut names_no_one = false;
        let mut directive = || {
            names_no_one = has_modal_directive(text);
            names_no_one
        };
        let is_rec = match block.kind {
            BlockKind::TableCell => in_rec_column && first && !is_a_reference(text),
            BlockKind::ListItem if first && lead_in.is_some() => {
                !records_a_decision(text) && !lead_in.is_some_and(|lead| states_what_was_found(text, lead))
            }
            _ if first && labelled_a_call(text) => true,
            BlockKind::ListItem if first && section == Section::Recommendations => {
                is_nominal(text) || is_imperative(text) || has_cue(text) || resolved.is_some() || directive()
            }
            _ if section == Section::Recommendations => {
                is_imperative(text) || has_cue(text) || actor::is_asked_to(text) || resolved.is_some() || directive()
            }
            // "That a review be undertaken": a resolution in the subjunctive asks for it.
            _ if investigation && section == Section::Weaknesses => {
                has_cue(text) || continues_a_recommendation(doc, si, &out, text) || resolved == Some(None) || directive()
            }
            _ if voice == Voice::OwnAccount => section != Section::Background && calls_on_someone(text),
            _ => section != Section::Background && (has_cue(text) || continues_a_recommendation(doc, si, &out, text)),
        };
        if !is_rec {
            continue;
        }
        // A table's recommendation column may hold passive directives too ("Savings should be
        // reported to the committee"), whose subject is no actor either.
        if block.kind == BlockKind::TableCell && !has_cue(text) {
            names_no_one = has_modal_directive(text);
        }
        let own_actor = match &resolved {
            Some(body) => body.clone(),
            None => actor::from_sentence(text).filter(|_| !names_no_one),
        };
        let lead_actor = if own_actor.is_none() { lead_block.and_then(|l| lead_in_actor(doc, l)) } else { None };
        // An item that names what must improve names who is to improve it as its owner
        // ("Leaders’ oversight of ..."), when nothing else says who.
        let own_actor = own_actor.or_else(|| (lead_actor.is_none() && is_nominal(text)).then(|| actor::possessor(text)).flatten());
        // The themes are what is to be done, not who is to do it ("Health leaders need to").
        let actor_span = own_actor.as_deref().and_then(|a| text.find(a).map(|i| (s.span.start + i, s.span.start + i + a.len())));
        let hits: Vec<ThemeHit> = sentence_themes[si]
            .iter()
            .filter(|h| !actor_span.is_some_and(|(a, b)| a <= h.span.start && h.span.end <= b))
            .cloned()
            .collect();
        // "It should also ..." after a recommendation goes on asking the same actor.
        let pronoun_actor = || {
            if continues_a_recommendation(doc, si, &out, text) { out.last().and_then(|r: &Recommendation| r.actor.clone()) } else { None }
        };
        let actor = own_actor.or(lead_actor).or_else(pronoun_actor);
        let mut span = s.span;
        let mut themes = theme_ids(&hits);
        if block.kind == BlockKind::ListItem {
            // "The support offered to care leavers. In particular, those in custody. (outcome 4,
            // national framework)": what narrows an item, or cites it, is part of it.
            for (sj, next) in doc.sentences.iter().enumerate().skip(si + 1).take_while(|(_, n)| n.block == s.block) {
                if !qualifies_an_item(doc.slice(next.span)) {
                    break;
                }
                span.end = next.span.end;
                for t in theme_ids(&sentence_themes[sj]) {
                    if !themes.contains(&t) {
                        themes.push(t);
                    }
                }
            }
        }
        out.push(Recommendation { text: doc.slice(span).to_string(), actor, themes, span, page: block.page });
    }
    out
}

/// Whether a lead-in asks for something of its own before its list ("Leaders should improve
/// the consistency of the support offered to children with SEND by ensuring:"), where "The
/// board should:" or "This should include:" only hands the list over: the modal has a long
/// clause after it.
fn calls_for_more_than_its_list(lead_in: &str) -> bool {
    MODAL_WORDS.first_start(lead_in.as_bytes()).is_some_and(|at| has_words(&lead_in[at..], 10))
}

/// Whether a list item under a lead-in that asks nothing itself ("Inspectors also identified
/// areas for improvement:") states what was found ("Children waited too long for specialist
/// support."), a finding, rather than naming what is to improve ("The timeliness of
/// assessments") or saying what to do. Under "The board should ensure that:" a statement
/// ("all children receive their checks") is what is to be made true.
fn states_what_was_found(item: &str, lead_in: &str) -> bool {
    // An item in small letters goes on the lead-in's sentence ("Cabinet:" over "notes the
    // rating ...").
    crate::line_shapes::after_item_mark(item).starts_with(char::is_uppercase)
        && MODAL_WORDS.first_start(lead_in.as_bytes()).is_none()
        && !lead_in.trim_end().trim_end_matches(':').trim_end().ends_with(" to")
        && !is_nominal(item)
        && !is_imperative(item)
        && !has_cue(item)
        && super::polarity::polarity(item) != crate::model::Polarity::Neutral
}

/// A sentence that narrows the list item before it ("In particular, care leavers in custody.")
/// or cites what it answers to ("(outcome 4, national framework)"), rather than saying
/// something of its own.
fn qualifies_an_item(text: &str) -> bool {
    const OPENERS: [&str; 6] = ["in particular", "particularly", "especially", "including", "notably", "specifically"];
    let t = text.trim();
    let head = t.get(..16).unwrap_or(t).to_ascii_lowercase();
    (t.starts_with('(') && t.trim_end_matches(['.', ';']).ends_with(')')) || OPENERS.iter().any(|o| head.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modal_captures_match_the_rule_with_its_lead_phrase_written_in() {
        let whole = crate::rx::regex(&format!(r"^(?:[^,]{{0,60}},\s+)?{}", &MODAL.as_str()[1..])).unwrap();
        let groups =
            |c: Option<regex::Captures<'_>>| c.map(|c| ["subj", "modal", "rest"].map(|g| c.name(g).map(|m| m.as_str().to_string())));
        let examples = [
            "In the coming year, the partnership should review its plans.",
            "However, should they wish to apply, staff must tell us.",
            "However,  \t the board must act.",
            "However,\u{a0}the board must act.",
            "Given how much has changed since the last inspection in the spring of 2023, leaders should act.",
            "Étant donné les délais, à Édimbourg, leaders should act.",
            "Leaders, managers and staff must work together.",
            "Where there is a need to act, partners need to agree.",
            "No comma and no modal here.",
            ",  should start.",
        ];
        // A lead phrase of 60 characters, and of 61, which is too long (counted in characters).
        let edges: Vec<String> = [59, 60, 61].map(|n| format!("{}, the board must act.", "é".repeat(n))).into();
        let texts = crate::rx::report_texts().iter().chain(&edges).map(String::as_str).chain(examples);
        let mut matched = 0;
        for t in texts {
            let want = groups(whole.captures(t));
            assert_eq!(groups(modal_captures(t)), want, "{t:?}");
            matched += usize::from(want.is_some());
        }
        assert!(matched > 5, "too few clauses matched: {matched}");
    }

    #[test]
    fn gates_agree_with_their_rules() {
        crate::rx::assert_gate_agrees(
            "CUE",
            &CUE,
            &[
                "We recommend that boards act.",
                "Inspectors called on the board to act.",
                "It urged leaders to act.",
                "We would urge the board to act.",
                "We strongly encourage partners to act.",
                "We would expect to see a plan.",
                "Inspectors would like to see more.",
                "Change cannot happen without money.",
                "Inspectors have asked the board to act.",
                "We would expect the board to act.",
                "We would call on boards to act.",
                "It is important for the council to act.",
                "It will be essential to act.",
                "This is vital to act.",
                "It would be crucial to act.",
                "It is necessary to act.",
                "It is critical to act.",
                "It is imperative to act.",
                "When it is necessary to act, staff act.",
            ],
        );
        crate::rx::assert_gate_agrees(
            "THERE_IS_A_NEED",
            &THERE_IS_A_NEED,
            &["There is a need to act.", "In short, there remains an urgent need for change."],
        );
    }

    #[test]
    fn modal_in_the_main_clause_is_a_cue() {
        assert!(has_cue("The trust should appoint a lead for discharge."));
        assert!(has_cue("Health leaders need to reduce waiting times."));
        assert!(has_cue("There should be a single plan."));
        // A report's count of its calls, then one of them.
        assert!(has_cue("Inspectors made four recommendations, including that the partnership should plan its workforce."));
        assert!(has_cue("The recommendation is that the health board should review how it plans discharge."));
        assert!(has_cue("These include that the health board should review how it plans discharge."));
        assert!(has_cue("We expect the partnership to complete its needs assessments."));
        assert!(!has_cue("Waiting times are expected to rise."));
        assert!(!has_cue("We expect the new data to be available from the spring."));
        assert!(!has_cue("Children do not achieve as well as they should."));
        assert!(!has_cue("Many wait too long, without the help they need to recover."));
        assert!(!has_cue("The partnership must work jointly to make improvements."));
        // A table cell cut off after its verb.
        assert!(!has_cue("The board should set"));
        assert!(has_cue("The board should act."));
    }

    #[test]
    fn a_call_to_improve_in_general_is_a_verdict() {
        let verdicts = [
            ("The partnership must work jointly to make improvements.", true),
            ("The trust should appoint a lead for discharge.", false),
            ("Leaders know what needs to improve and must make improvements.", false),
        ];
        assert_each(demands_improvement, &verdicts);
    }

    /// `rule` gives each text's expected answer.
    fn assert_each(rule: fn(&str) -> bool, cases: &[(&str, bool)]) {
        for &(text, want) in cases {
            assert_eq!(rule(text), want, "{text}");
        }
    }

    #[test]
    fn a_comma_may_fall_inside_the_subject() {
        let cases = [
            ("Leaders across education, health and social care should ensure that plans are reviewed.", true),
            ("In the next year, the partnership should review its plans.", true),
            // Neither reading names anyone who could act, or the run before the modal is no list.
            ("In the end, the outcome should improve.", false),
            ("As a result, waiting times should fall.", false),
            ("Leaders use data well, though more needs to be done.", false),
            ("The board of directors, but should ensure", false),
        ];
        assert_each(has_cue, &cases);
    }

    #[test]
    fn a_modal_directive_may_name_no_one() {
        let cases = [
            ("EHC plans must reflect the views of families.", true),
            ("This needs to deliver change that families can see.", true),
            ("These plans should set out clear timescales;", true),
            // A cell cut from a table, a comparison and a relative clause are no directives.
            ("panel for the posts should include at least", false),
            ("Children do not achieve as well as they should.", false),
            ("Many wait too long, without the help they need to recover.", false),
            ("The need to act is clear.", false),
        ];
        assert_each(has_modal_directive, &cases);
    }

    #[test]
    fn modal_words_in_other_roles_are_no_cue() {
        let cases = [
            // "needs" the noun, a condition, a subordinate "it is necessary", a habit.
            ("Social workers weigh children's wishes alongside their individual needs to ensure that plans are safe.", false),
            ("Social workers can explain the plans should these not succeed.", false),
            ("When it is necessary to act, staff act swiftly.", false),
            ("It is necessary for leaders to act.", true),
            ("They often call on staff whom they know to ask for help.", false),
            ("We call on the board to act.", true),
            // A clause before the comma, then one without a subject of its own.
            (
                "Practitioners prioritise assessments from the outset, informing decisions about the support families need to care for children.",
                false,
            ),
            ("Leaders, including the council and school and college leaders, should work together.", true),
        ];
        assert_each(has_cue, &cases);
    }

    #[test]
    fn a_cell_that_points_to_a_recommendation_is_none() {
        assert!(is_a_reference("Domain 4.1 – Requirement 1 (additional beds)"));
        assert!(is_a_reference("R3"));
        assert!(is_a_reference("Recommendation 2:"));
        assert!(!is_a_reference("Review the plan by 2026."));
        assert!(!is_a_reference("Reduce Waiting Times"));
    }

    #[test]
    fn what_happened_or_was_said_is_no_cue() {
        let cases = [
            // What ought to have happened: a finding about the past.
            ("The placing authority should not have agreed the care plan.", false),
            ("The ward should have noticed the change in her breathing.", false),
            ("Staff should have delegated authority to approve care packages.", true),
            ("The board should have a clear plan for recovery.", true),
            // The writer speaking of what they say.
            ("Finally, I should stress that I am not criticising the staff.", false),
            ("We must emphasise that this is a small sample.", false),
            ("We should all work together to reduce delays.", true),
            // A witness's words, and advice given before.
            ("It was suggested to me in evidence that patients, whose symptoms persist, should be scanned.", false),
            ("He told the court that in 2015 the inspectorate recommended that forces must keep a register.", false),
            ("The assessment did however recommend that observations should continue.", false),
            ("The CQC recommended that system leaders shift some focus to primary care.", true),
            ("Leaders know that, as corporate parents, they need to do more work.", false),
            // A comma within a run of verb phrases, where no subject starts.
            (
                "Supervision does not consistently support reflection, promote curiosity or provide the guidance staff need to improve practice.",
                false,
            ),
            ("Supervision is weak, and team managers need to provide the guidance staff need.", true),
            // What people are made to bear.
            ("Staff must travel long distances between visits.", false),
            ("Staff must wait for the outcome of the review before they act.", true),
            // Summoned on a day, not called on to act.
            ("The ambulance service was called on 6 August 2022 at 18.16 hours.", false),
            ("The ambulance was called on Monday morning.", false),
            ("Inspectors called on the partnership to act.", true),
        ];
        assert_each(has_cue, &cases);
    }

    #[test]
    fn what_people_are_made_to_bear_is_no_directive() {
        let cases = [
            ("For example, although families are supported, they must wait a long time for an appointment.", false),
            ("Children must still wait too long for an assessment.", false),
            ("Families should not have to repeat their story to each service.", true),
            ("Parents must repeat their story at every appointment.", false),
            ("Referrals must wait for a decision from the panel.", true),
        ];
        assert_each(has_modal_directive, &cases);
    }

    #[test]
    fn expecting_an_outcome_or_stating_an_aim_is_no_cue() {
        let cases = [
            ("We expect to see improvement over the next 3 months.", false),
            ("We will monitor progress, and we expect to see clear evidence of improvement when we next report.", false),
            ("By Q3 we expect to see an increase in the number of referrals accepted.", false),
            ("We would like to see a further reduction in delays.", false),
            ("We expect to see timely support to help people leaving hospital move back home.", true),
            ("We would like to see further involvement of carers in planning services.", true),
            ("We also want councils to review the information they give carers.", true),
            ("We want people to feel safe in their homes.", false),
            ("We want to thank the staff who spoke to us.", false),
        ];
        assert_each(has_cue, &cases);
    }

    #[test]
    fn urging_and_recommending_are_cues() {
        assert!(has_cue("Inspectors called on the board to act."));
        assert!(has_cue("We would like to see more involvement of carers."));
        assert!(has_cue("It will be important for the council to keep this up."));
        assert!(has_cue("Auditors recommend that councils publish data."));
        assert!(!has_cue("The council published its data in May."));
        // What an inspectorate asks for, not what anyone else asked.
        assert!(has_cue("Inspectors have asked the partnership to prepare an improvement plan."));
        assert!(!has_cue("The manager asked staff to complete the forms."));
        // Asked in the story of what happened, not as the report's request.
        assert!(!has_cue("When we asked volunteers to describe their role, they said it was fun."));
    }

    #[test]
    fn a_pronoun_goes_on_asking_the_actor_of_the_recommendation_before() {
        let recs = |text: &str| {
            let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
            let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
            crate::extract::Extractor::default().extract(&doc).recommendations
        };
        let r = recs("The partnership should ensure that carers are offered a plan. It should also improve how it measures impact.\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].actor.as_deref(), Some("The partnership"));
        // Not after a sentence that asks nothing, nor as the writer's aside.
        assert!(recs("Carers were offered plans. It should also improve how it measures impact.\n").is_empty());
        let r = recs("The partnership should ensure that carers are offered a plan. It should be noted that most were.\n");
        assert_eq!(r.len(), 1);
        let r = recs("Areas for improvement\n\nLeaders should set up a panel. It should be multi-disciplinary.\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].actor, None);
    }

    #[test]
    fn imperatives() {
        assert!(is_imperative("ensure that budgets are pooled"));
        assert!(is_imperative("2. Develop a workforce plan."));
        assert!(is_imperative("Apologise to Mrs C for failing to assess her risk of falls."));
        assert!(is_imperative("Remind staff of the need to record observations."));
        assert!(!is_imperative("Staff developed a plan."));
        assert!(!is_imperative("Work has started but there is no plan yet."));
        assert!(!is_imperative("Support was available at weekends."));
    }
}

#[cfg(test)]
mod lead_in_tests {
    use crate::extract::Extractor;

    /// Asserts each recommendation of `text`, read as file `path`, with its actor.
    fn assert_recs(path: &str, text: &str, want: &[(&str, Option<&str>)]) {
        let raw = crate::ingest::read_bytes(std::path::Path::new(path), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, path, "id".into(), text.len());
        let recs = Extractor::default().extract(&doc).recommendations;
        let got: Vec<(&str, Option<&str>)> = recs.iter().map(|r| (r.text.as_str(), r.actor.as_deref())).collect();
        assert_eq!(got, want, "{text}");
    }

    /// The actor of the recommendation starting "waiting times" in `text`'s list.
    fn item_actor(text: &str) -> Option<String> {
        let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
        let recs = Extractor::default().extract(&doc).recommendations;
        recs.into_iter().find(|r| r.text.starts_with("waiting times")).expect("the item is a recommendation").actor
    }

    #[test]
    fn a_lead_in_that_asks_for_something_of_its_own_is_a_call_too() {
        let text = "Areas for improvement\n\n\
             Leaders should improve the consistency of the support offered to young carers across the county by ensuring:\n\n\
             - every carer has an assessment\n\
             - assessments are reviewed each year\n\n\
             The board should:\n\n\
             - publish its plan\n";
        let lead = "Leaders should improve the consistency of the support offered to young carers across the county by ensuring:";
        assert_recs(
            "t.txt",
            text,
            &[
                (lead, Some("Leaders")),
                ("every carer has an assessment", Some("Leaders")),
                ("assessments are reviewed each year", Some("Leaders")),
                ("publish its plan", Some("The board")),
            ],
        );
    }

    #[test]
    fn resolutions_under_a_recommendations_heading_are_recommendations() {
        assert_recs(
            "t.txt",
            "Recommendations\n\n1. That the report be noted.\n2. That the Committee approves the revised improvement plan.\n\n\
             Background\n\nThat is why the council asked for the assessment.\n",
            &[("That the report be noted.", None), ("That the Committee approves the revised improvement plan.", Some("the Committee"))],
        );
    }

    #[test]
    fn a_committee_asked_to_act_in_the_passive_is_the_actor_of_its_list() {
        assert_recs(
            "t.txt",
            "Purpose\n\nThis report updates the committee on the improvement plan.\n\n\
             The Audit and Performance Committee is asked to:\n\n\
             1. note the progress made against each area for improvement;\n\
             2. agree that the completed actions are closed.\n",
            &[
                ("note the progress made against each area for improvement;", Some("The Audit and Performance Committee")),
                ("agree that the completed actions are closed.", Some("The Audit and Performance Committee")),
            ],
        );
    }

    #[test]
    fn a_bodys_account_of_itself_quotes_duties_and_makes_no_calls_of_them() {
        let text = "Northshire Community Health Trust\n\nAnnual Report and Accounts 2024-25\n\n\
             Corporate governance\n\n\
             The board of directors should keep engagement mechanisms under review.\n\n\
             The auditor recommended that the trust reviews its register of interests.\n";
        assert_recs("t.txt", text, &[("The auditor recommended that the trust reviews its register of interests.", Some("the trust"))]);
        // The same words in a paper of no known kind are a call on the board.
        let paper = text.replacen("Annual Report and Accounts 2024-25", "Engagement with staff", 1);
        assert_recs(
            "t.txt",
            &paper,
            &[
                ("The board of directors should keep engagement mechanisms under review.", Some("The board of directors")),
                ("The auditor recommended that the trust reviews its register of interests.", Some("the trust")),
            ],
        );
    }

    #[test]
    fn a_bodys_account_of_itself_lists_its_own_plans_and_duties() {
        let text = "Northshire Community Health Trust\n\nAnnual Report and Accounts 2024-25\n\n\
             Equality and inclusion\n\n\
             Our improvement plan for 2025/26 includes actions in three key areas:\n\n\
             - Leadership and accountability.\n\
             - Data and analysis.\n\
             - Culturally competent services.\n\n\
             In designing pay schemes, the remuneration committee should consider the following provisions:\n\n\
             - Whether the directors should be eligible for annual bonuses.\n\
             - Payouts under incentive schemes should be subject to performance criteria.\n\n\
             Provision requirements\n\n\
             - The board of directors should assess the basis on which the trust ensures its effectiveness.\n\n\
             Recommendations of the internal audit\n\n\
             - The trust should ensure that staff complete mandatory training.\n\n\
             The external review identified the following areas for improvement:\n\n\
             - The timeliness of discharge summaries.\n";
        assert_recs(
            "t.txt",
            text,
            &[
                ("The trust should ensure that staff complete mandatory training.", Some("The trust")),
                ("The timeliness of discharge summaries.", None),
            ],
        );
    }

    #[test]
    fn minutes_record_what_was_done_and_an_introduction_what_a_plan_is_about() {
        let text = "Northshire Integration Joint Board\n\nMinutes of the meeting of 4 September 2025\n\n\
             Annual accounts\n\n\
             Outcome: the Board accepted the recommendations of the Audit Committee and:\n\n\
             - adopted the draft annual accounts subject to minor changes\n\
             - approved the letter of representation\n\n\
             The Committee received the workforce data and discussed what further data it would like to see at future meetings.\n\n\
             1. Introduction\n\n\
             Key priorities for this winter include:\n\n\
             - Strengthening community pathways to support flow\n\
             - Managing sickness absence\n\n\
             Recommendation\n\n\
             The Board is asked to:\n\n\
             - note the winter plan;\n\
             - approve the escalation framework.\n";
        assert_recs(
            "t.txt",
            text,
            &[("note the winter plan;", Some("The Board")), ("approve the escalation framework.", Some("The Board"))],
        );
    }

    #[test]
    fn what_narrows_or_cites_an_item_is_part_of_it() {
        let text = "Inspection of Northshire local authority children's services\n\n\
             What needs to improve?\n\
             ◼ The quality of support offered to care leavers. In particular, care leavers who are in custody. (outcome 4, national framework)\n\
             ◼ The timeliness of assessments. Leaders know this and have a plan.\n";
        assert_recs(
            "t.txt",
            text,
            &[
                (
                    "The quality of support offered to care leavers. In particular, care leavers who are in custody. (outcome 4, national framework)",
                    None,
                ),
                ("The timeliness of assessments.", None),
            ],
        );
        let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
        let findings = Extractor::default().extract(&doc).findings;
        assert!(findings.iter().all(|f| !f.text.contains("In particular")), "{findings:?}");
    }

    #[test]
    fn a_coroners_concerns_ask_for_action_without_naming_who() {
        let text = "Regulation 28: report to prevent future deaths\n\n\
             Coroner's concerns\n\n\
             In my opinion there is a risk that future deaths will occur unless action is taken.\n\n\
             The MATTERS OF CONCERN are as follows.\n\n\
             (1) The junction should be redesigned as a roundabout.\n\
             (2) The crossing lights should have been repaired after the first collision.\n\
             (3) The county council should review the speed limit on the approach.\n";
        assert_recs(
            "t.txt",
            text,
            &[
                ("The junction should be redesigned as a roundabout.", None),
                ("The county council should review the speed limit on the approach.", Some("The county council")),
            ],
        );
        // Elsewhere a passive directive is no recommendation of the report's: it may describe
        // a rule or a plan.
        let account = "Circumstances of the death\n\nThe junction should be redesigned as a roundabout.\n";
        assert_recs("t.txt", account, &[]);
    }

    #[test]
    fn only_the_sentence_that_introduces_a_list_hands_it_over() {
        let recs = |text: &str| {
            let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
            let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
            Extractor::default().extract(&doc).recommendations.into_iter().map(|r| r.text).collect::<Vec<_>>()
        };
        let done = "Our plan set out concrete actions on equity. Over the last year the partnership has done the following:\n- set up a project group;\n- trained our staff.\n";
        assert!(recs(done).is_empty(), "{:?}", recs(done));
        let duties = "In preparing the accounts, the directors are required to:\n- apply suitable accounting policies;\n- make judgements on a reasonable basis.\n";
        assert!(recs(duties).is_empty(), "{:?}", recs(duties));
        let tasks = "There are other statutory tasks the governors must carry out. These include:\n- appointing the chair;\n- approving the accounts.\n";
        assert!(recs(tasks).is_empty(), "{:?}", recs(tasks));
        let asked = "The board should improve its oversight. In particular:\n- waiting times for assessments;\n- sharing of records.\n";
        let got = recs(asked);
        assert!(got.iter().any(|r| r.starts_with("waiting times")) && got.iter().any(|r| r.starts_with("sharing of records")), "{got:?}");
    }

    #[test]
    fn priority_areas_for_a_body_are_its_to_act_on() {
        let text = "Priority areas for improvement\n\nTo support improvement, we have identified the following priority areas for the partnership:\n\n\
            1. Strategic planning and commissioning for unpaid carers.\n2. Timely access to social work assessment and care at home.\n";
        assert_recs(
            "t.txt",
            text,
            &[
                ("Strategic planning and commissioning for unpaid carers.", Some("the partnership")),
                ("Timely access to social work assessment and care at home.", Some("the partnership")),
            ],
        );
    }

    #[test]
    fn a_call_set_out_field_by_field() {
        let text = "Decision\n\nWhat we found: The ward did not reposition Mr A as his care plan required.\nWhat the organisation should do: Apologise to Mrs C for the failings this decision identifies.\nEvidence we need to check that this has happened: A copy or record of the apology.\n";
        assert_recs(
            "t.txt",
            text,
            &[("What the organisation should do: Apologise to Mrs C for the failings this decision identifies.", None)],
        );
    }

    #[test]
    fn a_committees_draft_resolution_lists_what_the_body_is_to_do() {
        let text = "2. RECOMMENDATIONS\n\n2.1 That Cabinet:\n\na. notes the rating given by the regulator;\nb. approves the improvement plan at Appendix A;\nii. delegates authority to the Director to update the plan.\n\n3. BACKGROUND\n\n3.1 The plan sets out 14 actions under four priorities.\n";
        assert_recs(
            "t.txt",
            text,
            &[
                ("notes the rating given by the regulator;", Some("Cabinet")),
                ("approves the improvement plan at Appendix A;", Some("Cabinet")),
                ("delegates authority to the Director to update the plan.", Some("Cabinet")),
            ],
        );
    }

    #[test]
    fn a_committee_asked_to_act_and_a_plans_passive_directives() {
        let text = "Management action plan\n\n| No. | Recommendation | Target date |\n|---|---|---|\n| 1 | The Chief Finance Officer should update the plan. | 30 September 2025 |\n| 2 | Savings should be reported to the committee each quarter. | 31 December 2025 |\n\nRecommendation\n\nThe Audit and Risk Committee is asked to note the findings of this report.\n";
        assert_recs(
            "t.md",
            text,
            &[
                ("The Chief Finance Officer should update the plan.", Some("The Chief Finance Officer")),
                ("Savings should be reported to the committee each quarter.", None),
                ("The Audit and Risk Committee is asked to note the findings of this report.", Some("The Audit and Risk Committee")),
            ],
        );
    }

    #[test]
    fn a_list_takes_the_actor_of_the_sentence_just_above_it() {
        let text = "Areas for improvement\n\nThe board should publish its plan.\nHealth leaders should ensure progress in respect of:\n- waiting times for assessments;\n- sharing of records.\n";
        assert_eq!(item_actor(text).as_deref(), Some("Health leaders"));
    }

    #[test]
    fn under_a_heading_that_asks_for_improvement_a_passive_directive_is_a_recommendation() {
        let text = "Areas for improvement\n\nHealth leaders should cut waiting times. Care plans should be reviewed every year. The manager should audit medication.\n";
        assert_recs(
            "t.txt",
            text,
            &[
                ("Health leaders should cut waiting times.", Some("Health leaders")),
                ("Care plans should be reviewed every year.", None),
                // One person who can act is an actor too.
                ("The manager should audit medication.", Some("The manager")),
            ],
        );
    }

    #[test]
    fn a_registered_person_shall_act_under_a_quality_improvement_plans_labels() {
        let text = "Quality improvement plan\n\nArea for improvement 1\n\nRef: Regulation 13\n\nStated: Second time\n\nTo be completed by: 31 March 2025\n\n\
                    The registered person shall ensure that falls care plans are reviewed.\n\n\
                    \u{2018}The manager shall send a copy of any report to the Secretary of State.\u{2019}\n";
        let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
        let recs = Extractor::default().extract(&doc).recommendations;
        let got: Vec<(&str, Option<&str>)> = recs.iter().map(|r| (r.text.as_str(), r.actor.as_deref())).collect();
        // A rule quoted word for word calls on no one.
        assert_eq!(got, [("The registered person shall ensure that falls care plans are reviewed.", Some("The registered person"))]);
    }

    #[test]
    fn a_lead_in_that_names_areas_for_improvement_hands_over_its_list() {
        let text = "Inspectors visited in May.\n\nThe review highlighted a number of areas for improvement, including:\n\
                    • developing a shared approach to commissioning\n\
                    • reducing the number of people waiting for care at home\n";
        assert_recs(
            "t.txt",
            text,
            &[("developing a shared approach to commissioning", None), ("reducing the number of people waiting for care at home", None)],
        );
        // A list of what went well is not handed over.
        let strengths = text.replace("areas for improvement", "strengths");
        assert_recs("t.txt", &strengths, &[]);
    }

    #[test]
    fn a_lead_in_that_names_no_one_leaves_the_paragraphs_actor() {
        let text = "Areas for improvement\n\nHealth leaders should improve planning. This should include:\n- waiting times for assessments;\n- sharing of records.\n";
        assert_eq!(item_actor(text).as_deref(), Some("Health leaders"));
    }
}

#[cfg(test)]
mod nominal_tests {
    use super::is_nominal;

    #[test]
    fn items_that_name_what_must_improve() {
        assert!(is_nominal("The timeliness of assessments for children who are in need."));
        assert!(is_nominal("How well leaders oversee practice."));
        assert!(is_nominal("◼ Response and support to care leavers in custody."));
        assert!(is_nominal("Increased use of kinship care and ensuring children have contact with their families."));
        assert!(!is_nominal("Children wait too long for assessments."));
        assert!(!is_nominal("People continued to experience delays in leaving hospital, with 46 delayed each month."));
        assert!(is_nominal("Improved access to short breaks for families."));
        assert!(is_nominal("The continued update of pathway plans, when needs change."));
        assert!(is_nominal("The range of information used by leaders to evaluate performance."));
        assert!(is_nominal("Recognition of the increased vulnerability of disabled children."));
        // A comma inside a list of nouns does not end the words the verb is looked for in.
        assert!(!is_nominal("Completion of food, fluid and nutritional care records was inconsistent."));
        assert!(!is_nominal("The partnership does not have a workforce plan."));
        assert!(!is_nominal("While there is no rule on ratios, a working benchmark is ten a year."));
        assert!(!is_nominal("The plan sets out 14 actions under four priorities."));
    }
}
