//! Whether a sentence speaks well or ill of what was inspected: a small lexicon of evaluative
//! words, with negation ("not effective"), reversal ("reduced delays") and contrast ("although
//! X, Y" and "Y despite X": the main clause decides).

use super::openings::Opened;
use crate::model::Polarity;
use crate::rx::Gated;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

static POSITIVE: LazyLock<Opened> = LazyLock::new(|| {
    Opened::new(
        r"(?i)(?-u:\b)(strong(er|ly)?|purposeful(ly)?|warmth|realistic (understanding|view|picture|assessment|appraisal)|strengthened|(recruited|deployed) safely|(is|are|was|were) respected|constructive|(was|were|is|are|been) (entirely |wholly |broadly )?reasonable|unmodified (audit )?opinions?|(is|are|was|were) unmodified|work(ing|ed)? hard to|(completed|carried out|recorded|applied|followed|used|undertaken) consistently|kept (them |people |children |adults |patients )?safe(r)?|(stored|kept|managed|administered|handled) (securely|safely)|strengths?|effective(ly|ness)?|good|improved|improvements?|improving|progress|positive(ly)?|clear(ly)?|well[- ](established|planned|coordinated|co-ordinated|attended|supported|led|considered|developed)|committed|commitment|prais\w+|innovative|comprehensive|robust|successful(ly)?|high[- ]quality|timely|consistent(ly)?|productive|sound|welcome|benefit(s|ed|ing)?|valued|valuable|ambitious|ambition|enhanced|in place|shining|collaborative(ly)?|cooperatively|joined[- ]up|thrive|excellent|exemplary|(spoke|speak|speaks|spoken) highly|thorough(ly)?|(value|values|appreciate|appreciates) the|proud|growing in confidence|heart of|outstanding|impressive(ly)?|coherent(ly)?|(highly|fully|actively|well) engaged|embraced|at pace|proactive(ly)?|responsive|prompt(ly)?|skilled|sensitive(ly)?|empowered|achiev\w+|embedded|evolving|buy-in|better|right help|meaningful|transformative|well|carefully|appropriate(ly)?|swift(ly)?|quickly|creative|help(s|ed|ing)?|supportive|passionate(ly)?|(person|child|family|people)[- ]centred|trauma[- ]informed|strengths[- ]based|listened to|with (dignity|respect|compassion|kindness)|respectful(ly)?|approachable|visible|trusting relationships?|trusted|(is|are|was|were|very|so) (kind|caring)|kindness|(feel|feels|felt) safe|(is|are|was|were|be|been|feel|feels|felt) safer|compassionate(ly)?|attentive(ly)?|friendly|welcoming|(is|are|was|were|very|kept) (clean|tidy)|enjoy(s|ed)?|manageable|influential|lifeline|(consulted|engaged) widely|personalised|confident(ly)?|visibly clean|(did|do|does|doing) their best|(knew|know|knows) how to (recognise|report|raise|respond|escalate|keep)|(go|goes|going|went) (out of their way|the extra mile|above and beyond)|(is|are|was|were) (very |highly |well )?experienced|(followed|follow|follows|following) (the )?([a-z]+ ){0,3}(procedures|guidance|policy|policies|protocols)|(compliance|uptake|take-up|completion|attendance|satisfaction)( [a-z]+){0,5} (is|are|was|were|remains?|remained) (well |consistently )?(above|better than)|remarkabl(e|y)|cohesive|(has|have) been restored|sensible|pleasant|fit for purpose|(is|are|was|were) in order|easy to (find|access|use|read|understand|follow|navigate)|culture of (learning|openness|continuous improvement|transparency|respect)|(work|works|worked|working) closely|(given|carried out|completed|managed|done|recorded|delivered) in line with|meets (the |their |his |her )?([a-z]+ ){0,2}needs)(?-u:\b)",
    )
});
static NEGATIVE: LazyLock<Opened> = LazyLock::new(|| {
    Opened::new(
        r"(?i)(?-u:\b)(weak(ness|nesses|er)?|struggl(e|es|ed) to|(reserves|funds|funding|budgets?)( \w+){0,3} (fully|already|largely) committed|(fully|already|largely) committed (its|their|the) (reserves|funds|funding|budgets?)|(rely|relies|relied|relying|reliance)( \w+){0,2} (on|upon)( \w+){0,2} reserves|(compliance|uptake|take-up|attendance|completion|morale)( \w+){0,2} (is|are|was|were|remains?|remained) (too |very |relatively |still )?low|lack(s|ing|ed)?|poor(ly)?|slow(ly|er)?|delay(s|ed)?|too (long|many|few|slow|late|often|high|low)|(is|are|was|were|remains?|remained|still) (at|in) (an?|the|its|their) (very )?early stages?|(is|are|was|were|remains?|remained) (more |very |rather |somewhat )?mixed|insufficient progress|insufficient(ly)?|(been|are|were|was|is|remain|remained|left) without (a|an|any) |on an interim basis|less than half|inconsistent(ly)?|inconsistenc(y|ies)|variab(le|ility)|varied|limited|gaps?|problems?|pressures?|concerns?|criticis\w+|fail(s|ed|ing|ure|ures)?|unable|inability|unwilling\w*|barriers?|underdeveloped|disagreement|turnover|missed|wait(s|ing)? (too long|lists?|times?)|waiting|declin\w+|worse|deteriorat\w+|unmet|difficult(y|ies)?|challenging|shortfalls?|not (yet )?(effective|consistent|robust|sufficient|realistic|integrated|clear|timely|joined|always|enough|fully)|no single|unassessed|disrupted|breakdown|vulnerable to|reliant|fragmented|complex care|issues|absence|longer than (is )?(necessary|needed|expected|recommended|(the )?(\w+ )?(targets?|standards?))|longer than (they|it|he|she|we|you) (need|needs|needed|should) to|exclusions?|anxiety|disengagement|stretched|harder|unclear|unsafe|incomplete|inaccurate|out[- ]of[- ]date|ineffective(ly)?|overdue|risky|unsustainable|unaffordable|overspen(d|ds|t|ding)|hard to (get|access|find|contact|obtain)|in need of (refurbishment|repair|redecoration|updating|replacement)|short of staff|short-staffed|understaffed|shortages?|breach(es|ed)?|found it (hard|difficult)|frustrat(ed|ing|ion|ions)|confus(ed|ing|ion)|crisis point|reach(es|ed|ing)? (a )?crisis|(resulted|results|resulting) in (a )?crisis|unnecessar(y|ily)|yet to (demonstrate|show|be|have|make|see|achieve|embed|take|deliver|realise|realize|translate|impact|improve)|no (option|choice) (other )?than|(excluded|suspended) from|(fight|fighting|battle|battling)(\x22|”|’|')? (for|to get|to be)|(fell|falls|fallen|falling) below|(well|far|significantly|considerably) below|below (the |its |their |our )?([a-z0-9]+('s|’s)? ){0,4}(targets?|averages?|standards?|expected|benchmarks?|trajector(y|ies)|establishment|minimum|level (set|required|expected|agreed|needed))|waited (for )?(over|more than|longer than|up to|until)|only (a )?(minority|few|small number|handful)|only [0-9]+(%( of)?| (of|per cent|out of))|only [0-9]+ (people|patients|children|adults|staff|records|cases|families|carers) (had|were|received|have|are)|(rarely|seldom) (received|receive|given|offered|had|involved|consulted|informed|told|reviewed|updated|visited|available|able)|exceed(s|ed)? (the )?(capacity|supply)|unreasonabl(e|y)|upheld (this|the|these|her|his|their|both|all) (complaints?|aspects?)|over capacity|exposed to (avoidable )?(risks?|harm)|not all|affected (their )?(morale|consistency|continuity)|invisible to|(is|are|was|were|remains?|remained) (an?|the|a recognised|a key) areas? for development|(left )?unlocked and unattended|left (unlocked|unattended|unsecured)|(achieved|delivered|met|reached) only|only (achieved|delivered|met|reached)|(almost |nearly )?impossible|undervalued|unsupported|overwhelmed|let down|(said|says|say|showed|shows|included|contained|gave|gives) little|adversely|adverse (impact|effect)s? on|detrimental(ly)?|negative(ly)? (impact|effect|affect|experience|outcome|feedback)\w*|instability|(we were|we are|inspectors were|i am|i was|we remain) (also |very |particularly |seriously )?concerned|(few|limited) opportunit(y|ies)|no (record|records) (of|that)|unacceptabl(e|y)|lapsed|compromised|(very |too |extremely )?long waits|(repeat|repeating|retell|retelling) their (story|stories|history|histories)|little (evidence|use|progress|impact|assurance|involvement|analysis|understanding|scrutiny|challenge|joint|change|difference)|(changed|improved|progressed|shifted|moved) little|(has|have|had) been (very |too |)?limited|under (severe |significant |considerable |extreme |great |intense )?strain|(few|none of the|not all) ([a-z-]+ ){0,3}(can|could|were able to|are able to) (show|demonstrate|evidence)|at (a|the|some) cost to (their|its|his|her)|unsure|uncertain(ty)?|no longer (reflects?|meets?|fits?|matches|relevant|accurate|up to date|fit for purpose)|only (by|through) (using|drawing on|the use of) ([a-z-]+ ){0,2}reserves|(has|have|had) no (influence|control|say|oversight|assurance|means|access)|(has|have|had) to wait|(continue|continues|continued|continuing) to wait|(spending|spent|spend|spends|staying|stayed|stay|stays) (more|longer) than ([0-9]+|[a-z]+) (hours|days|weeks)|(activity|activities|inputs|outputs|process|processes) rather than (on )?(outcomes|impact|results)|(caseloads?|workloads?|vacanc(y|ies)|vacancy rates?|sickness( absence)?( rates?)?|turnover|waiting times?|waits) (is|are|was|were|remains?|remained) (very |too |particularly |still |consistently )?high|(heavy |over-|over|excessive |high )reliance|(need|needs|needed|require|requires|required) (further |more |some )?strengthening|(reduc(ed|es|ing)|weaken(ed|s|ing)|undermin(ed|es|ing)|diminish(ed|es|ing)|limit(ed|s|ing)|restrict(ed|s|ing)) (the |their |its )?(effectiveness|quality|ability|capacity|value)|without (sufficient|adequate|enough|proper) |too (early|soon) to (see|tell|judge|assess|know|say|evaluate|measure|determine|demonstrate|show)( [a-z]+(-[a-z]+)?){0,8})(?-u:\b)",
    )
});
/// Words that deny the good word after them ("not effective", "lacks the commitment") or hold
/// it back ("slowed progress", "limited improvement").
static NEGATOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(not|no|never|less|lack of|lacks|lacked|lacking|slowed|hampered|hindered|undermined|impeded|limited|without|nor|cannot|can't|don't|doesn't|didn't|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't)(?-u:\b)",
    )
    .unwrap()
});
static REVERSER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(reduc\w+|cut|cutting|fewer|less|lower(ed)?|tackl\w+|address\w*|overcom\w+|minimis\w+|prevent\w*|avoid\w*|decreas\w+|resolv\w+)(?-u:\b)").unwrap()
});
static CONTRAST_AFTER: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &["but", "however", "yet", "nevertheless", "nonetheless", "although"],
        r"(?i)(,|;)?\s(?-u:\b)(but|however|yet|nevertheless|nonetheless|although)(?-u:\b)|^\s*(however|nevertheless|but)(?-u:\b)",
    )
});
/// Gated on its conjunctions: with its run of up to 60 characters it cannot be refused early,
/// and it is asked of every sentence polarity judges. "After years of instability, ..." sets
/// the past against the present as a concession does.
static CONCESSIVE_START: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &["though", "while", "whilst", "despite", "notwithstanding", "after"],
        r"(?i)^\W*(?:[^,]{0,60}?(?-u:\b)(?:says|said|found|finds|notes|noted|concluded|concludes|reports|reported|judged|considered)\s+that\s+)?(although|though|while|whilst|despite|notwithstanding|even though|while acknowledging|after\s+(?:a\s+(?:long\s+)?(?:period|number\s+of\s+(?:years|months))|(?:several|many|two|three|four|five)\s+(?:years|months)|years|months)\s+of)(?-u:\b)",
    )
});

static NEGATED_VERB: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        &["not", "n't", "never"],
        r"(?i)(?-u:\b)(has|have|had|was|were|is|are|do|does|did|can|could|will|would)( often| sometimes| still| frequently)?( not|n't| never)( yet| always| consistently| fully| routinely| sufficiently)?( been| be)? [a-z]+(?-u:\b)",
    )
});

/// How the words of the negative lexicon start that weigh twice: a verdict of their own
/// ("too long", "poor", "not effective"), where a word such as "delay" or "gaps" may only
/// describe.
const STRONG: [&str; 18] = [
    "wait",
    "ineffective",
    "not ",
    "lack",
    "weak",
    "too ",
    "poor",
    "slow",
    "breach",
    "found it",
    "hard to",
    "deteriorat",
    "inconsisten",
    "advers",
    "detrimental",
    "negative",
    "fight",
    "battl",
];

/// A finding of nothing wrong ("did not identify any material misstatements"). Every match
/// holds a match of [`NEGATED_VERB`], which gates it.
static FOUND_NOTHING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i)(?-u:\b)(?:did|do|does|have|has|had)\s+not\s+(?:identify|identified|find|found|note|noted|observe|observed|see|seen|detect|detected)\s+(?:any\s+)?(?:material\s+|significant\s+|major\s+|serious\s+|further\s+)?(?:misstatements?|errors?|issues?|concerns?|weakness(?:es)?|breaches|problems?|gaps?|risks?|deficienc(?:y|ies)|failings?)(?-u:\b)",
    )
    .unwrap()
});

/// How far after a word of the negative lexicon, in bytes, a verb may say it has shrunk.
const SHRINK_REACH: usize = 50;

/// Positive and negative weight of a stretch of text.
fn score(text: &str) -> (i32, i32) {
    let mut pos = 0;
    let mut neg = 0;
    let negated = |start: usize| -> bool {
        let window_start = text[..start].char_indices().rev().nth(24).map(|(i, _)| i).unwrap_or(0);
        let window = &text[window_start..start];
        NEGATOR.find_iter(window).last().is_some_and(|m| {
            // Only when nothing clause-breaking sits between the negator and the word.
            !window[m.end()..].contains([',', ';', '.'])
        })
    };
    // "reduced delays", and further off "reducing the number of people whose discharge was
    // delayed".
    let reversed = |start: usize| -> bool {
        static FEWER_OF: LazyLock<Regex> = LazyLock::new(|| {
            crate::rx::regex(r"(?i)(?-u:\b)(?:reduc\w+|cut|cutting|lower(?:ed|ing)?|decreas\w+)\s+the\s+(?:number|proportion|rate|percentage|level|length)\s+of\s+[^,.;]*$").unwrap()
        });
        let window_start = text[..start].char_indices().rev().nth(30).map(|(i, _)| i).unwrap_or(0);
        // Gated on its nouns: it is asked before every word of the negative lexicon.
        static FEWER_OF_NOUNS: LazyLock<crate::rx::Words> =
            LazyLock::new(|| crate::rx::Words::new(&["number of", "proportion of", "rate of", "percentage of", "level of", "length of"]));
        let far_start = text[..start].char_indices().rev().nth(100).map(|(i, _)| i).unwrap_or(0);
        let far = &text[far_start..start];
        REVERSER.is_match(&text[window_start..start]) || FEWER_OF_NOUNS.is_match(far.as_bytes()) && FEWER_OF.is_match(far)
    };
    // "without delay", "no concerns", "without unnecessary delay": a shortfall said to be absent.
    let denied = |start: usize| -> bool {
        const DENIERS: [&str; 2] = ["without", "no"];
        const BETWEEN: [&str; 6] = ["unnecessary", "undue", "further", "any", "significant", "major"];
        let is = |w: &str, set: &[&str]| set.iter().any(|d| w.eq_ignore_ascii_case(d));
        word_before(text, start)
            .is_some_and(|(w, at)| is(w, &DENIERS) || is(w, &BETWEEN) && word_before(text, at).is_some_and(|(d, _)| is(d, &DENIERS)))
    };
    // "Bed days lost to delayed discharge had fallen by 18%": the shortfall has shrunk, said
    // within its clause and a few words after it.
    let shrunk = |end: usize| -> bool {
        static SHRANK: LazyLock<Regex> = LazyLock::new(|| {
            crate::rx::regex(r"(?i)(?-u:\b)(?:had|has|have|was|were|is|are)\s+(?:also\s+|steadily\s+|significantly\s+)?(?:lower\s+than|shorter\s+than|fewer\s+than|(?:fallen|fell|decreased|reduced|dropped)(?:\s*$|\s+(?:by|from|to|since|in|over|significantly|steadily|considerably|recently|markedly|sharply|further|slightly|this|last|during)(?-u:\b)))").unwrap()
        });
        let rest = &text[end..];
        let clause = &rest[..rest.find([',', ';', '.']).unwrap_or(rest.len())];
        SHRANK.find(clause).is_some_and(|m| m.start() <= SHRINK_REACH)
    };
    // "We did not identify any material misstatements": an auditor's finding of nothing wrong.
    // Each such phrase holds a negated verb, so only a sentence with one is searched.
    let negated_verbs: Vec<regex::Match<'_>> = NEGATED_VERB.find_iter(text).collect();
    let nothing_found: Vec<(usize, usize)> =
        if negated_verbs.is_empty() { Vec::new() } else { FOUND_NOTHING.find_iter(text).map(|m| (m.start(), m.end())).collect() };
    pos += nothing_found.len() as i32;
    let in_nothing_found = |start: usize| nothing_found.iter().any(|&(a, b)| a <= start && start < b);
    let mut negatives = NEGATIVE.find_iter(text);
    negatives.retain(|m| {
        !in_a_name(text, m.start())
            && !is_what_needs_strengthening(text, m)
            && !is_a_circumstance(text, m)
            && !is_a_topic(text, m.start())
            && !names_a_need(text, m)
            && !is_raised_freely(text, m.start())
            && !in_nothing_found(m.start())
    });
    // "Children do not remain in care for longer than necessary": to deny an excess is to
    // praise, however far the negator stands from it within the clause.
    let denied_excess: Vec<usize> = negatives
        .iter()
        .filter(|m| {
            let word = text[m.range()].to_ascii_lowercase();
            (word.starts_with("longer than") || word.ends_with("too long")) && negated_in_clause(text, m.start())
        })
        .map(|m| m.start())
        .collect();
    negatives.retain(|m| !denied_excess.contains(&m.start()));
    pos += denied_excess.len() as i32;
    // A word of praise inside a phrase of the other lexicon is that phrase's ("reserves are
    // fully committed").
    let inside_a_negative = |m: &regex_automata::Match| negatives.iter().any(|n| n.start() <= m.start() && m.end() <= n.end());
    for m in POSITIVE.find_iter(text).into_iter().filter(|m| {
        !in_a_name(text, m.start())
            && !inside_a_negative(m)
            && !is_asked(text, m.start())
            && !is_in_progress(text, m)
            && !in_the_name_of_a_grade_or_plan(text, m)
            && !is_wished(text, m.start())
            && !names_meaningful_activity(text, m)
            && !intensifies_a_comparison(text, m)
    }) {
        if negated(m.start()) {
            neg += 2;
        } else {
            pos += 1;
        }
    }
    let mut spared_at: Vec<usize> = Vec::new();
    for m in negatives {
        let word = text[m.range()].to_ascii_lowercase();
        let strong = STRONG.iter().any(|p| word.starts_with(p))
            || word.contains("early stage")
            || matches!(word.as_str(), "worse" | "undervalued" | "unsupported" | "overwhelmed" | "lapsed" | "compromised")
            || word.ends_with(" concerned")
            || word.ends_with(" limited");
        // "do not have to wait", "are not required to retell their stories": a burden spared.
        let spared = || ["have to", "has to", "had to", "repeat", "retell"].iter().any(|b| word.starts_with(b)) && negated(m.start());
        if spared() {
            spared_at.push(m.start());
            pos += 1;
        } else if reversed(m.start()) || denied(m.start()) || shrunk(m.end()) {
            pos += 1;
        } else {
            neg += if strong { 2 } else { 1 };
        }
    }
    // A bare negation of an action ("had not made", "were not given") reads as a shortfall.
    let denies_an_excess = |end: usize| denied_excess.iter().any(|&e| end <= e && !text[end..e].contains([',', ';', '.']));
    // Nor does the negation that spares a burden ("do not have to wait").
    let spares = |v: &regex::Match<'_>| spared_at.iter().any(|&s| v.start() <= s && s <= v.end() + 4);
    // "to reach people who were not in contact with services": who the people are, where
    // "a patient who had not received their medicine" says what was not done.
    let says_who = |v: &regex::Match<'_>| {
        const STATES: [&str; 6] = ["are", "is", "were", "was", "do", "does"];
        word_before(text, v.start()).is_some_and(|(w, _)| w.eq_ignore_ascii_case("who"))
            && STATES
                .iter()
                .any(|s| v.as_str().get(..s.len()).is_some_and(|h| h.eq_ignore_ascii_case(s)) && v.as_str()[s.len()..].starts_with(' '))
    };
    neg += 2 * negated_verbs
        .iter()
        .filter(|v| !denies_an_excess(v.end()) && !in_nothing_found(v.start()) && !spares(v) && !says_who(v))
        .count() as i32;
    (pos, neg)
}

/// Whether a negator stands before `start` in the same clause, within a dozen words.
fn negated_in_clause(text: &str, start: usize) -> bool {
    let window_start = text[..start].char_indices().rev().nth(80).map(|(i, _)| i).unwrap_or(0);
    let window = &text[window_start..start];
    NEGATOR.find_iter(window).last().is_some_and(|m| !window[m.end()..].contains([',', ';', '.']))
}

/// Whether a word of the negative lexicon at `start` is what information is about ("good
/// data on waiting times", "reports on vacancies and turnover"), a topic rather than a
/// shortfall. Information that is missing ("no data on waiting times") leaves it one.
fn is_a_topic(text: &str, start: usize) -> bool {
    // Asked before every word of the negative lexicon, so read word by word, not searched: the
    // word just before, or up to three before, is "on", "of", "about" or "regarding", and the
    // one before that names information.
    const INFORMATION: [&str; 14] = [
        "information",
        "data",
        "intelligence",
        "figures",
        "statistics",
        "reporting",
        "report",
        "reports",
        "understanding",
        "knowledge",
        "oversight",
        "insight",
        "analysis",
        "monitoring",
    ];
    const ABOUT: [&str; 4] = ["on", "of", "about", "regarding"];
    static MISSING: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(no|little|limited|poor|lack\s+of|lacked|lacks|without|insufficient|incomplete|inaccurate|not)\s+(?:[\w’'-]+\s+)?$").unwrap()
    });
    let before = &text[..start];
    // The five words before, last first: a preposition among the first four, then its noun.
    let mut words = [""; 5];
    let mut n = 0;
    for w in before.rsplit(char::is_whitespace).filter(|w| !w.is_empty()).take(5) {
        words[n] = w;
        n += 1;
    }
    for k in 0..n.min(4) {
        let w = words[k];
        if ABOUT.iter().any(|a| w.eq_ignore_ascii_case(a)) && k + 1 < n && INFORMATION.iter().any(|i| words[k + 1].eq_ignore_ascii_case(i))
        {
            // Information that is missing ("no data on waiting times") leaves a shortfall.
            let at = words[k + 1].as_ptr() as usize - before.as_ptr() as usize;
            return !MISSING.is_match(&before[..at]);
        }
        if !w.chars().all(|c| c.is_alphanumeric() || matches!(c, '’' | '\'' | '-')) {
            return false;
        }
    }
    false
}

/// Whether a hard word only sets the scene ("did their best in difficult circumstances",
/// "after a period of instability").
fn is_a_circumstance(text: &str, m: &regex_automata::Match) -> bool {
    // "built trust after a period of instability": a past state the verdict is set against.
    const AFTER: [&[u8]; 3] = [b"after a period of ", b"after a long period of ", b"after years of "];
    let before = &text.as_bytes()[..m.start()];
    if AFTER.iter().any(|a| before.len() >= a.len() && before[before.len() - a.len()..].eq_ignore_ascii_case(a)) {
        return true;
    }
    let word = text.as_bytes()[m.range()].to_ascii_lowercase();
    let rest = text.as_bytes()[m.end()..].trim_ascii_start();
    (word.starts_with(b"difficult") || word.starts_with(b"challenging"))
        && (rest.starts_with(b"circumstances") || rest.starts_with(b"conditions"))
        && word_before(text, m.start()).is_some_and(|(w, _)| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("very"))
}

/// Whether "needs strengthening" names what someone knows of ("leaders know what needs
/// strengthening", "the areas that need strengthening"), not what the sentence finds.
fn is_what_needs_strengthening(text: &str, m: &regex_automata::Match) -> bool {
    const RELATIVE: [&str; 5] = ["what", "that", "which", "where", "who"];
    text.as_bytes()[m.range()].ends_with(b"strengthening")
        && word_before(text, m.start()).is_some_and(|(w, _)| RELATIVE.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// Whether "consistently" only says how steadily a measure compares ("consistently higher than
/// the England average"), which judges nothing of itself.
fn intensifies_a_comparison(text: &str, m: &regex_automata::Match) -> bool {
    const COMPARED: [&[u8]; 8] = [b"higher", b"lower", b"above", b"below", b"more ", b"less ", b"greater", b"fewer"];
    text.as_bytes()[m.range()].eq_ignore_ascii_case(b"consistently") && {
        let rest = text.as_bytes()[m.end()..].trim_ascii_start();
        COMPARED.iter().any(|c| rest.get(..c.len()).is_some_and(|r| r.eq_ignore_ascii_case(c)))
    }
}

/// Whether "meaningful" names what care homes offer ("access to meaningful activity"), a
/// topic of care inspections, not praise of it.
fn names_meaningful_activity(text: &str, m: &regex_automata::Match) -> bool {
    text.as_bytes()[m.range()].eq_ignore_ascii_case(b"meaningful") && text.as_bytes()[m.end()..].trim_ascii_start().starts_with(b"activit")
}

/// Whether a word of praise says what would be, not what is ("patients who would benefit from
/// therapy").
fn is_wished(text: &str, start: usize) -> bool {
    word_before(text, start).is_some_and(|(w, _)| ["would", "could", "might"].iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// Whether a word of praise belongs to the grade "requires improvement to be good", named
/// as often for an earlier inspection as for this one, or to the name of a kind of document
/// ("an improvement action plan"); neither judges anything by its words.
fn in_the_name_of_a_grade_or_plan(text: &str, m: &regex_automata::Match) -> bool {
    const AFTER: [&[u8]; 5] = [b" to be good", b" plan", b" action plan", b" notice", b" programme"];
    const BEFORE: &[u8] = b"improvement to be ";
    let (word, hay) = (&text.as_bytes()[m.range()], text.as_bytes());
    if word.eq_ignore_ascii_case(b"improvement") {
        let rest = &hay[m.end()..];
        AFTER.iter().any(|after| {
            rest.get(..after.len()).is_some_and(|a| a.eq_ignore_ascii_case(after))
                && rest.get(after.len()).is_none_or(|b| !crate::extract::openings::is_word_byte(*b))
        })
    } else {
        word.eq_ignore_ascii_case(b"good")
            && m.start() >= BEFORE.len()
            && hay[m.start() - BEFORE.len()..m.start()].eq_ignore_ascii_case(BEFORE)
    }
}

/// Whether "progress" says only that something is under way ("in progress", "work in
/// progress"), not that it has gone well.
fn is_in_progress(text: &str, m: &regex_automata::Match) -> bool {
    text[m.range()].eq_ignore_ascii_case("progress") && word_before(text, m.start()).is_some_and(|(w, _)| w.eq_ignore_ascii_case("in"))
}

/// The word just before byte `at`, with white space and nothing else between, and where it
/// starts: the lexicon's words are read in the light of the word before them ("no delays",
/// "how well", "in progress", "language difficulties").
fn word_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let before = text[..at].trim_end();
    let start = before.trim_end_matches(char::is_alphanumeric).len();
    (before.len() < at && start < before.len()).then(|| (&before[start..], start))
}

/// Whether concerns are what people feel free to raise ("staff felt able to raise concerns",
/// "know how to report concerns"), not what is wrong.
fn is_raised_freely(text: &str, start: usize) -> bool {
    static FREE_TO_RAISE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(?:able|confident|free|safe|encouraged|supported|how|comfortable)\s+to\s+(?:raise|report|share|voice|escalate)\s+(?:any\s+|their\s+)?$").unwrap()
    });
    // The phrase ends at the word: a few words before it are enough to read.
    let before = &text[text.floor_char_boundary(start.saturating_sub(60))..start];
    before.len() >= 10 && before.contains(" to ") && FREE_TO_RAISE.is_match(before)
}

/// Whether a word of praise is what is asked about ("variability in how well information is
/// shared", "know how effective their work is"), not said. After words of esteem it is said
/// ("families appreciate how sensitively workers engage", "due to how well supported carers
/// feel").
fn is_asked(text: &str, start: usize) -> bool {
    static ESTEEM: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)(?-u:\b)(appreciat[a-z]*|valu(e|es|ed)|prais[a-z]*|lik(e|es|ed)|impressed\s+(by|with)|due\s+to|because\s+of|proud\s+of|reflect(s|ed)?|testament\s+to|shows?|showed|demonstrat[a-z]+)\s*$").unwrap()
    });
    word_before(text, start).is_some_and(|(w, at)| w.eq_ignore_ascii_case("how") && !ESTEEM.is_match(&text[..at]))
}

/// Whether "difficulties" names a kind of need ("children with speech and language
/// difficulties", "social, emotional and mental health difficulties"), as reports on special
/// needs do throughout, or "lacked" the people mental capacity law speaks of ("people who
/// lacked capacity"), rather than a shortfall.
fn names_a_need(text: &str, m: &regex_automata::Match) -> bool {
    const KINDS: [&str; 14] = [
        "learning",
        "language",
        "communication",
        "speech",
        "sensory",
        "physical",
        "emotional",
        "behavioural",
        "health",
        "literacy",
        "hearing",
        "visual",
        "specific",
        "motor",
    ];
    let word = &text[m.range()];
    // "people who lacked capacity": those the law on mental capacity speaks of.
    if word.len() >= 4 && word[..4].eq_ignore_ascii_case("lack") {
        let after = text[m.end()..].trim_start();
        let after = after.strip_prefix("mental ").unwrap_or(after);
        return after.get(..8).is_some_and(|a| a.eq_ignore_ascii_case("capacity"))
            && word_before(text, m.start()).is_some_and(|(w, _)| w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("that"));
    }
    word.len() > 9
        && word[..9].eq_ignore_ascii_case("difficult")
        && word_before(text, m.start()).is_some_and(|(w, _)| KINDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
}

/// Whether a word of the lexicons, capitalised after the first word, belongs to a name
/// ("Healthcare Improvement Scotland", "the Better Care Fund") and judges nothing. Words in
/// capitals throughout are emphasis, and a capitalised word in quotation marks is a grade
/// ("rated 'Good' overall"), not names. A list item's number or letter ("2.", "(b)") is not a
/// first word: "2. Strong leadership ..." starts its sentence with "Strong".
fn in_a_name(text: &str, start: usize) -> bool {
    let mut chars = text[start..].chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
        && text[..start].split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
        && !text[..start].ends_with(['\'', '"', '‘', '“'])
}

/// The verb that takes up a main clause after a concession set between commas.
static RESUMED_VERB: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)^\s*(has|have|had|is|are|was|were|will|would|can|could|continues?|remains?)(?-u:\b)").unwrap());

/// The part of a sentence that carries its verdict.
fn main_clause(text: &str) -> &str {
    if CONCESSIVE_START.is_match(text)
        && let Some(i) = text.find(',')
    {
        return &text[i + 1..];
    }
    // "yet" contrasts only after a stop ("..., yet few staff knew of it"): in "does not yet
    // show" it is "so far".
    let contrast = |m: &regex::Match<'_>| !m.as_str().to_ascii_lowercase().ends_with("yet") || m.as_str().starts_with([',', ';']);
    if let Some(m) = CONTRAST_AFTER.find_iter(text).filter(contrast).last() {
        let rest = &text[m.end()..];
        // ", although not yet fully embedded, have started to strengthen practice": a
        // concession set between commas; the main clause goes on after it.
        if m.as_str().starts_with(',')
            && m.as_str().to_ascii_lowercase().ends_with("though")
            && let Some(i) = rest[..rest.floor_char_boundary(80)].find(',')
            && RESUMED_VERB.is_match(&rest[i + 1..])
            && super::has_words(&rest[i + 1..], 3)
        {
            return &rest[i + 1..];
        }
        if super::has_words(rest, 3) {
            // "found that X, but that Y": the second "that" goes on the report of what was
            // found; Y is the clause.
            let t = rest.trim_start();
            let t = t.strip_prefix("that ").unwrap_or(rest);
            // "However, while X is well established, Y needs strengthening": a concession
            // may open what the contrast leads to.
            let opened = t.trim_start_matches([',', ' ']);
            if CONCESSIVE_START.is_match(opened)
                && let Some(i) = opened.find(',')
                && super::has_words(&opened[i + 1..], 3)
            {
                return &opened[i + 1..];
            }
            return t;
        }
    }
    // "Staff worked well together despite significant pressures": what is conceded after the
    // verdict does not weigh against it.
    static CONCEDED: LazyLock<crate::rx::Words> =
        LazyLock::new(|| crate::rx::Words::new(&[" despite ", " in spite of ", " notwithstanding "]));
    if let Some(at) = CONCEDED.first_start(text.as_bytes()) {
        let head = &text[..at];
        if super::has_words(head, 3) {
            return head;
        }
    }
    text
}

/// "as well as" joins; it praises nothing.
fn without_as_well_as(text: &str) -> Cow<'_, str> {
    if text.contains("as well as") { Cow::Owned(text.replace("as well as", "and")) } else { Cow::Borrowed(text) }
}

pub fn polarity(text: &str) -> Polarity {
    let text = &*without_as_well_as(text);
    let main = main_clause(text);
    let (mut pos, mut neg) = score(main);
    if pos == neg && main.len() != text.len() {
        (pos, neg) = score(text);
    }
    // "Strong and effective leadership is needed": the good words name what is missing; and
    // a clause that only says something is needed ("the council needed to improve how it
    // listened to carers") names a shortfall.
    if pos >= neg && (is_called_for(main) || names_a_missing_plan(main)) {
        return Polarity::Weakness;
    }
    if pos > neg {
        Polarity::Strength
    } else if neg > pos {
        Polarity::Weakness
    } else {
        Polarity::Neutral
    }
}

/// Whether the clause says a plan, policy, process or service is not there ("There is no
/// structured development programme for board members", "there are no specific support
/// services for care leavers"), as audits and inspections name a shortfall. Only these nouns:
/// "there is no waiting list" praises.
fn names_a_missing_plan(clause: &str) -> bool {
    const PLANS: &[&str] = &[
        "plan",
        "strategy",
        "programme",
        "program",
        "policy",
        "framework",
        "process",
        "system",
        "approach",
        "oversight",
        "mechanism",
        "protocol",
        "pathway",
        "procedure",
        "register",
        "agreement",
        "timescale",
        "timetable",
        "budget",
        "assurance",
        "service",
        "support",
        "provision",
        "accommodation",
        "placement",
        "bed",
        "package",
    ];
    const AFTER_THE_NOUN: &[&str] = &["for", "of", "in", "on", "at", "with", "from", "about", "by", "which", "that", "who"];
    const THERE: &[&str] = &["there is", "there are", "there was", "there were", "there is still", "there is currently", "there remains"];
    memchr::memmem::find_iter(clause.as_bytes(), b" no ").any(|at| {
        let before = clause[..at].trim_end();
        let there =
            THERE.iter().any(|t| before.len() >= t.len() && before.as_bytes()[before.len() - t.len()..].eq_ignore_ascii_case(t.as_bytes()));
        there
            && clause[at + 4..]
                .split_whitespace()
                .take(6)
                // The noun is in the phrase after "no", not after a preposition: "no waiting
                // list for the service" names a list. Not "to", which joins "face to face".
                .take_while(|w| !AFTER_THE_NOUN.iter().any(|p| w.eq_ignore_ascii_case(p)))
                .map(|w| w.trim_end_matches(['.', ',', ';', ':']).trim_end_matches('s'))
                .any(|w| PLANS.iter().any(|p| p.trim_end_matches('s').eq_ignore_ascii_case(w)))
    })
}

/// Words one of which every clause that [`is_called_for`] holds.
static CALLED_FOR_WORDS: LazyLock<crate::rx::Words> =
    LazyLock::new(|| crate::rx::Words::new(&["needed", "required", "need to", "needs to", "requires improvement", "require improvement"]));

/// Whether the clause says that what it names is still needed ("... is needed", "... are
/// urgently required") or must get better ("needed to improve", "requires improvement"), not
/// that it is there. Not "required to", which may state a duty.
fn is_called_for(clause: &str) -> bool {
    static CALLED_FOR: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(
            r"(?i)(?-u:\b)(?:(is|are)\s+(still\s+|urgently\s+|now\s+|also\s+|clearly\s+)?(needed|required)(?-u:\b)(\s+to(?-u:\b))?|(?P<need>needs?|needed)\s+to\s+(?:improve|be\s+improved|be\s+strengthened|strengthen|do\s+better|do\s+more|be\s+clearer|make\s+better\s+use|make\s+(?:\w+\s+)?improvements?)(?-u:\b)|(?:requires?|required)\s+improvement(?-u:\b)|more\s+(?:\w+\s+)?needs\s+to\s+be\s+done(?-u:\b))",
        )
        .unwrap()
    });
    // Only in the main clause: "they know where improvement is needed" praises them.
    static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(
            r"(?i)(?-u:\b)(where|wherever|when|whenever|if|unless|until|once|as|because|since|that|which|what|whether|how|who)(?-u:\b)",
        )
        .unwrap()
    });
    CALLED_FOR_WORDS.is_match(clause.as_bytes())
        && CALLED_FOR.captures_iter(clause).any(|c| {
            let m = c.get(0).expect("a match");
            let before = &clause[..m.start()];
            (c.get(4).is_none() || c.get(3).is_some_and(|n| n.as_str().eq_ignore_ascii_case("needed")))
                && c.name("need").is_none_or(|_| is_plain_subject(before))
                && !SUBORDINATE.is_match(before)
        })
}

/// Whether the words before "need(s/ed) to" are only its subject ("The council", "Leaders"),
/// so that "need" is the verb: not a noun after a determiner ("the need to strengthen"), nor
/// a participle deep in a clause ("a focus on the actions needed to improve").
fn is_plain_subject(before: &str) -> bool {
    const DETERMINERS: [&str; 9] = ["the", "a", "an", "this", "that", "their", "its", "any", "no"];
    let words: Vec<&str> = before.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !before.contains(',')
        && words.last().is_none_or(|w| !DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d)))
}

/// Whether a sentence carries any evaluation at all.
pub fn is_evaluative(text: &str) -> bool {
    // Every match of these adds to one side of `score`, so any match is enough; but a
    // sentence whose only such word is part of a name judges nothing.
    let text = &*without_as_well_as(text);
    // Only a sentence with a capitalised word after its first can hold a name, and only then
    // are the matches listed, which costs more than asking whether there is one.
    let may_name = text
        .trim_start()
        .split_once(' ')
        .is_some_and(|(_, rest)| rest.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_lowercase()));
    let judges = |lexicon: &Opened| {
        if may_name { lexicon.find_iter(text).iter().any(|m| !in_a_name(text, m.start())) } else { lexicon.is_match(text) }
    };
    // Most sentences have no word of what is called for, and then need no main clause.
    judges(&POSITIVE)
        || judges(&NEGATIVE)
        || NEGATED_VERB.is_match(text)
        || CALLED_FOR_WORDS.is_match(text.as_bytes()) && is_called_for(main_clause(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Polarity::*;

    #[test]
    fn gates_agree_with_their_rules() {
        crate::rx::assert_gate_agrees(
            "CONTRAST_AFTER",
            &CONTRAST_AFTER,
            &[
                "It is small, but good.",
                "It is small; however it works.",
                "It is small yet good.",
                "It was late, nevertheless it came.",
                "It was late, nonetheless fine.",
                "It was late although fine.",
                "However, it was late.",
            ],
        );
        crate::rx::assert_gate_agrees(
            "NEGATED_VERB",
            &NEGATED_VERB,
            &["Plans had not been made.", "Staff don't know.", "It has not yet begun."],
        );
        crate::rx::assert_gate_agrees(
            "CONCESSIVE_START",
            &CONCESSIVE_START,
            &[
                "Although late, it came.",
                "THOUGH small, it works.",
                "While slow, it works.",
                "Whilst slow, it works.",
                "Despite delays, it works.",
                "Notwithstanding delays, it works.",
                "The report says that while there is good practice, progress is slow.",
                "After several years of delays, the unit opened.",
                "AFTER a period of instability, it settled.",
            ],
        );
    }

    #[test]
    fn lexicons_searched_at_their_openings_find_what_they_find_everywhere() {
        let edges =
            ["Strong, STRONGLY: well-led and well led; not yet effective", "x_good goodness 2good good_ good", "praise\u{e9}d wait lists"];
        crate::extract::openings::assert_opened_agrees("POSITIVE", &POSITIVE, &edges);
        crate::extract::openings::assert_opened_agrees("NEGATIVE", &NEGATIVE, &edges);
    }

    #[test]
    fn records_and_care_plans_judged_by_their_state() {
        assert_eq!(polarity("Observation records were incomplete for a third of the patients."), Weakness);
        assert_eq!(polarity("Ligature risk assessments were out of date on one ward."), Weakness);
        assert_eq!(polarity("Care plans were person-centred."), Strength);
        assert_eq!(polarity("Practice is trauma-informed and strengths-based."), Strength);
    }

    #[test]
    fn a_wait_beyond_its_standard_is_a_shortfall() {
        assert_eq!(polarity("Patients waited 16 weeks for an appointment, far longer than the community standard."), Weakness);
        assert_eq!(polarity("Families waited longer than expected for a decision."), Weakness);
        assert_eq!(polarity("Staff worked longer than their contracted hours."), Neutral);
        // To deny the excess is to praise.
        assert_eq!(polarity("Children do not remain the subject of pre-proceedings work for longer than necessary."), Strength);
        assert_eq!(polarity("This means that children do not remain in care for longer than they need to."), Strength);
        assert_eq!(polarity("Families are not kept waiting too long."), Strength);
        assert_eq!(polarity("Some children remain on care orders for longer than is necessary."), Weakness);
        assert_eq!(polarity("Plans were not reviewed, and children stayed in care longer than necessary."), Weakness);
    }

    #[test]
    fn what_information_is_about_is_no_shortfall() {
        assert_eq!(polarity("The Health Board has good information on vacancies and turnover."), Strength);
        assert_eq!(polarity("Social workers have a good understanding of concerns about exploitation."), Strength);
        // Information that is missing or limited leaves its topic a shortfall.
        assert_eq!(polarity("There is no data on waiting times."), Weakness);
        assert_eq!(polarity("The board had limited oversight of waiting times."), Weakness);
        assert_eq!(polarity("Staff vacancies and turnover remain high."), Weakness);
    }

    #[test]
    fn plain_verdicts() {
        assert_eq!(polarity("Leaders have a clear and ambitious plan."), Strength);
        assert_eq!(polarity("There is a lack of oversight of practice."), Weakness);
        assert_eq!(polarity("The council met on Tuesday."), Neutral);
        assert_eq!(polarity("Medicines were stored securely."), Strength);
        assert_eq!(polarity("Adults at risk of harm were kept safe by staff who responded promptly to concerns."), Strength);
        assert_eq!(polarity("Mandatory training compliance was low, at 62%."), Weakness);
        assert_eq!(polarity("Staff said they struggled to find time for training."), Weakness);
        assert_eq!(polarity("Several councils are now relying on reserves to balance their budgets."), Weakness);
        // Money committed is money gone, not a commitment to do better.
        assert_eq!(polarity("Its reserves are now fully committed."), Weakness);
        assert_eq!(polarity("Staff are committed to improving care."), Strength);
        // Low, of itself, is no shortfall.
        assert_eq!(polarity("The number of complaints was low."), Neutral);
    }

    #[test]
    fn negation_and_reversal() {
        assert_eq!(polarity("Plans had not been effective in most localities."), Weakness);
        assert_eq!(polarity("The board had not made progress on its priorities."), Weakness);
        assert_eq!(polarity("Staff have reduced delays for families."), Strength);
        // A shortfall said to be absent.
        assert_eq!(polarity("Children are transferred without delay to the duty team."), Strength);
        assert_eq!(polarity("There are no concerns about staffing levels."), Strength);
        assert_eq!(polarity("There is no single point of access."), Weakness);
        assert_eq!(polarity("Plans progress without unnecessary delay."), Strength);
        assert_eq!(polarity("Families are seen with no further delays."), Strength);
        // What lacks a good thing has a shortfall.
        assert_eq!(polarity("The board currently lacks the commitment of its partners."), Weakness);
    }

    #[test]
    fn who_people_are_is_no_shortfall() {
        assert_eq!(polarity("Vulnerable children, such as those who go missing, are well supported."), Strength);
        assert_eq!(polarity("Leaders work well to support the most vulnerable families."), Strength);
        assert_eq!(polarity("The service is vulnerable to changes in funding."), Weakness);
        assert_eq!(polarity("The team supports children with speech and language difficulties effectively."), Strength);
        assert_eq!(polarity("Staff have difficulties recruiting to vacant posts."), Weakness);
    }

    #[test]
    fn what_is_asked_about_is_not_said() {
        assert_eq!(polarity("There is variability in how well information is shared."), Weakness);
        assert_eq!(polarity("The inspection looked at how well the partnership plans its services."), Neutral);
        assert_eq!(polarity("Families appreciate how sensitively workers engage with them."), Strength);
    }

    #[test]
    fn verdicts_not_yet_possible_or_things_made_worse() {
        assert_eq!(polarity("It is too early to see the impact of these improvements."), Weakness);
        assert_eq!(polarity("Many improvements are in the very early stages of development."), Weakness);
        assert_eq!(polarity("Parents told us that they have to fight to get help."), Weakness);
        assert_eq!(polarity("This delay impacts adversely on the whole family's well-being."), Weakness);
        assert_eq!(polarity("Inconsistencies across the partnership negatively impact the progress of children."), Weakness);
        assert_eq!(polarity("Since the last inspection, when services were judged good, their quality has deteriorated."), Weakness);
        assert_eq!(polarity("Staff recognise the adverse impact of domestic abuse, and help is promptly provided."), Strength);
    }

    #[test]
    fn words_of_inspection_prose() {
        assert_eq!(polarity("Leaders demonstrate exemplary leadership."), Strength);
        assert_eq!(polarity("Assessments are thorough."), Strength);
        assert_eq!(polarity("Parents value the support of the outreach team."), Strength);
        assert_eq!(polarity("Children are at the heart of planning."), Strength);
        assert_eq!(polarity("This contributes to continued frustration with the system."), Weakness);
        assert_eq!(polarity("The local offer is confusing for families."), Weakness);
        assert_eq!(polarity("Their work in this area is yet to demonstrate impact."), Weakness);
        assert_eq!(polarity("Many pupils have been excluded from school."), Weakness);
        assert_eq!(polarity("Some families reach crisis point before their needs are identified."), Weakness);
        assert_eq!(polarity("This wider support is often not identified in plans."), Weakness);
        // A service for a crisis is no shortfall.
        assert_eq!(polarity("Staff provide mental health crisis support."), Neutral);
    }

    #[test]
    fn audit_and_performance_language() {
        assert_eq!(polarity("The board set a savings target of £9.8 million but achieved only £6.1 million."), Weakness);
        assert_eq!(polarity("Uncommitted reserves are well below the policy target."), Weakness);
        assert_eq!(polarity("There is no structured development programme for board members."), Weakness);
        assert_eq!(polarity("Only 31% of people had been reviewed in the past year."), Weakness);
        assert_eq!(polarity("Only 23 people had a discharge plan with named responsibilities."), Weakness);
        assert_eq!(polarity("Carers told us that they were rarely given information about the placement."), Weakness);
        assert_eq!(polarity("Demand for care continues to exceed the capacity available."), Weakness);
        assert_eq!(polarity("The unit was over capacity."), Weakness);
        assert_eq!(polarity("Decisions made for people who lacked capacity were made in their best interests."), Neutral);
        assert_eq!(polarity("The service lacked capacity to meet demand."), Weakness);
        assert_eq!(polarity("People were exposed to risks to their safety."), Weakness);
        assert_eq!(polarity("Not all staff had completed the training they needed."), Weakness);
        assert_eq!(polarity("Workforce planning was an area for development."), Weakness);
        assert_ne!(polarity("Leaders know their strengths and areas for development."), Weakness);
        assert_eq!(polarity("Children who are missing education are tracked."), Neutral);
        assert_eq!(polarity("The reserve is 1.4 per cent, below the 2 per cent minimum set in its policy."), Weakness);
        assert_eq!(polarity("Staff were recruited safely."), Strength);
        assert_eq!(polarity("Most children are seen regularly, and visits are purposeful."), Strength);
        assert_eq!(polarity("Social workers know their children well and speak about them with warmth and concern."), Strength);
        assert_eq!(polarity("Senior leaders have a realistic understanding of where practice needs to improve."), Strength);
        assert_eq!(polarity("People's privacy and dignity were respected."), Strength);
        assert_eq!(polarity("The working relationship has strengthened since the appointment."), Strength);
        assert_eq!(polarity("Governance needs to be strengthened."), Weakness);
        // An ombudsman's judgements.
        assert_eq!(polarity("We found that the board's handling of the complaint was unreasonable."), Weakness);
        assert_eq!(polarity("We found that the decision to discharge Mr A was reasonable."), Strength);
        assert_eq!(polarity("The decision was not reasonable."), Weakness);
        assert_eq!(polarity("We upheld this complaint."), Weakness);
        assert_eq!(polarity("The council offers the option to buy, an option rarely seen elsewhere."), Neutral);
        assert_eq!(polarity("We found medicine trolleys left unlocked and unattended."), Weakness);
        assert_eq!(polarity("Our audit opinions on the annual accounts are unmodified."), Strength);
        assert_eq!(polarity("Staff were working hard to keep people's lives full."), Strength);
        assert_eq!(polarity("Sepsis screening was completed consistently in the department."), Strength);
        assert_eq!(polarity("Sepsis screening was not completed consistently in the department."), Weakness);
        assert_eq!(polarity("There is still no agreed protocol for transitions."), Weakness);
        assert_ne!(polarity("There is no waiting list for the service."), Weakness);
        // Letters outside ASCII anywhere before the "no".
        for pad in 0..20 {
            assert_eq!(polarity(&format!("{}’s care is no longer involved.", "a".repeat(pad))), Neutral);
        }
        assert_eq!(polarity("General reserves are below the level set out in the reserves policy."), Weakness);
        assert_eq!(polarity("Compliance with mandatory training was below the trust's target of 90%."), Weakness);
        assert_eq!(polarity("Staffing levels regularly fell below the planned establishment."), Weakness);
        assert_eq!(polarity("Some patients waited over two hours to be triaged."), Weakness);
        assert_eq!(polarity("We did not identify any material misstatements."), Strength);
        assert_eq!(polarity("Turnover in senior leadership has slowed progress on transformation."), Weakness);
        assert_eq!(polarity("Limited progress has been made."), Weakness);
        assert_eq!(polarity("The appointment of a chief officer was in progress."), Neutral);
        // A shortfall that has shrunk, said after it.
        assert_eq!(polarity("Bed days lost to delayed discharge had fallen by 18% over two years."), Strength);
        assert_eq!(polarity("Staff turnover has significantly reduced."), Strength);
        assert_eq!(polarity("Delays have reduced the support on offer."), Weakness);
    }

    #[test]
    fn what_people_and_carers_say() {
        assert_eq!(polarity("Carers told us they felt undervalued and unsure where to turn for help."), Weakness);
        assert_eq!(polarity("Only a minority of carers had been offered a support plan."), Weakness);
        assert_eq!(polarity("Many carers described a \"battle\" to get information."), Weakness);
        assert_eq!(polarity("Short breaks were almost impossible to arrange."), Weakness);
        assert_eq!(polarity("The experience of unpaid carers was more mixed."), Weakness);
        assert_eq!(polarity("Reports said little about outcomes for people."), Weakness);
        assert_eq!(polarity("Staff spoke highly of their managers and felt able to raise concerns."), Strength);
        assert_eq!(polarity("Inspectors raised concerns about staffing."), Weakness);
        assert_eq!(polarity("The board needs to make better use of performance information."), Weakness);
    }

    #[test]
    fn contrast_gives_the_main_clause() {
        assert_eq!(polarity("Although the service has improved, children still wait too long for a plan."), Weakness);
        assert_eq!(polarity("The team is small, but it is effective and well led."), Strength);
        assert_eq!(polarity("While there were some concerns, carers received strong praise from inspectors."), Strength);
        assert_eq!(polarity("Staff worked well together despite significant pressures."), Strength);
        assert_eq!(polarity("Strong and effective leadership is needed."), Weakness);
        assert_eq!(polarity("More robust data is urgently required."), Weakness);
        assert_eq!(polarity("Leaders know their services well and where improvement is needed."), Strength);
        assert_eq!(polarity("Staff are required to complete training, and they do so well."), Strength);
        assert_eq!(polarity("Waiting lists grew despite a strong and effective recovery plan."), Weakness);
        assert_eq!(polarity("Staff were skilled, but caseloads in some teams were too high."), Weakness);
        assert_eq!(polarity("The plan is clear, but reporting does not yet show how services are improving."), Weakness);
        assert_eq!(polarity("New training, although not yet fully embedded, has helped staff to plan well."), Strength);
        assert_eq!(
            polarity("Records show good oversight, although reviews are inconsistent, particularly where caseloads are high."),
            Weakness
        );
        assert_eq!(polarity("Its impact is evident, although it is not yet embedded across the service."), Weakness);
        assert_eq!(polarity("Few carers were offered an assessment, yet those who were felt well supported."), Strength);
        // A concession first in what is reported: the clause after it decides.
        assert_eq!(polarity("The report says that while there is some good practice, progress has been slow."), Weakness);
        assert_eq!(polarity("Leaders had plans in place, but these were at an early stage."), Weakness);
        assert_eq!(
            polarity(
                "Inspectors judged that although strategic planning was at an early stage, it was productive, with sound partnership."
            ),
            Strength
        );
    }

    #[test]
    fn a_clause_that_says_what_must_get_better_names_a_shortfall() {
        assert_eq!(polarity("The council needed to improve how it collected feedback from carers."), Weakness);
        assert_eq!(polarity("The quality of front door services continues to require improvement."), Weakness);
        assert_eq!(polarity("A new approach to commissioning is needed."), Weakness);
        assert_eq!(polarity("The partnership is making progress, but more needs to be done to support carers."), Weakness);
        assert_eq!(polarity("Carers told us that they found it hard to get a break."), Weakness);
        assert_eq!(polarity("Managers said they found it hard to obtain timely information."), Weakness);
        // "need" as a noun, or as a participle deep in a clause, says nothing of the kind.
        assert_eq!(polarity("Leaders rightly recognise the need to strengthen their offer."), Neutral);
        assert_eq!(
            polarity("Most plans are detailed, with an appropriate focus on the actions needed to improve each child's situation."),
            Strength
        );
        assert!(is_evaluative("The council needed to improve how it collected feedback from carers."));
    }

    #[test]
    fn words_of_a_name_judge_nothing() {
        assert_eq!(polarity("The Care Inspectorate and Healthcare Improvement Scotland carried out the inspection."), Neutral);
        assert_eq!(polarity("Money from the Better Care Fund was spent on reablement."), Neutral);
        assert_eq!(polarity("Good progress was made with the Better Care Fund."), Strength);
        assert_eq!(polarity("The service was rated as POOR by families."), Weakness);
        assert_eq!(polarity("The trust was rated 'Good' overall."), Strength);
        assert_eq!(polarity("2. Strong leadership has driven the changes."), Strength);
        assert_eq!(polarity("(b) Good use is made of data."), Strength);
        assert!(!is_evaluative("The Care Inspectorate and Healthcare Improvement Scotland carried out the inspection."));
    }

    #[test]
    fn how_people_say_they_were_treated() {
        assert_eq!(polarity("People told us that staff listened to them and treated them with respect."), Strength);
        assert_eq!(polarity("Senior leaders are visible and approachable."), Strength);
        assert_eq!(polarity("Most children had trusting relationships with key staff."), Strength);
        assert_eq!(polarity("Residents told us they felt safe and that staff were kind."), Strength);
        assert_eq!(polarity("Staff were attentive and compassionate."), Strength);
        assert_eq!(polarity("The home was clean and tidy, with a welcoming lounge."), Strength);
        assert_eq!(polarity("Children enjoy spending time with their carers."), Strength);
        assert_eq!(polarity("As a result, children are safer."), Strength);
        // What is done to keep someone safer is a purpose, not a verdict.
        assert_eq!(polarity("There are delays in agreeing actions to keep them safer."), Weakness);
        // "clean" judges only what is said to be so.
        assert_eq!(polarity("Staff used clean gloves for each task."), Neutral);
        assert_eq!(polarity("Shifts were often short of staff at weekends."), Weakness);
        assert_eq!(polarity("Some children do not feel safe at school."), Weakness);
        assert_eq!(polarity("This kind of support is offered at home."), Neutral);
        assert_eq!(polarity("Carers did not feel listened to."), Weakness);
        assert_eq!(polarity("People's experiences of assessment were mixed."), Weakness);
        assert_eq!(polarity("The board's financial position is unsustainable."), Weakness);
        assert_eq!(polarity("The partnership has reduced its overspend for a second year."), Strength);
        assert_eq!(polarity("We identified breaches of the regulations on staffing and good governance."), Weakness);
        assert_eq!(polarity("The ward environment was tired and in need of refurbishment."), Weakness);
        assert_eq!(polarity("Records of children in need of protection were reviewed."), Neutral);
    }

    #[test]
    fn stability_reach_and_what_needs_strengthening() {
        assert_eq!(polarity("Staffing in the fostering team has been unstable, with a heavy reliance on interim managers."), Weakness);
        assert_eq!(polarity("Practitioners have manageable workloads."), Strength);
        assert_eq!(polarity("The short breaks offer meets the needs of most families."), Strength);
        assert_eq!(polarity("The short breaks offer does not meet the needs of older children."), Weakness);
        assert_eq!(polarity("Young people have an influential voice in the design of services."), Strength);
        assert_eq!(polarity("Gaps in supervision have reduced the quality of assessments."), Weakness);
        assert_eq!(polarity("Plans are closed without sufficient review of the history."), Weakness);
        assert_eq!(polarity("Governance of the service, while present, needs strengthening."), Weakness);
        // A concession opening what a contrast leads to is not the verdict.
        assert_eq!(polarity("However, while advocacy is well used, the way it shapes services needs strengthening."), Weakness);
        // A grade named for context praises nothing; the verdict after it decides.
        assert_eq!(
            polarity(
                "Since the last visit, when the service was judged requires improvement to be good, managers have been ineffective in acting on audits."
            ),
            Weakness
        );
        assert_eq!(polarity("There are no dedicated support services for young carers in the north of the county."), Weakness);
        assert_eq!(polarity("There are no concerns about the safety of the building."), Strength);
        assert_eq!(polarity("After a long period of instability, new leaders have brought clear direction."), Strength);
        assert_eq!(polarity("Leaders know the areas of practice that need strengthening and act on them effectively."), Strength);
        assert_eq!(polarity("Leaders have reduced the impact of staff turnover on families."), Strength);
        assert_eq!(polarity("The board has published an improvement action plan."), Neutral);
        assert_eq!(polarity("Members are highly engaged in a coherent improvement plan."), Strength);
    }

    #[test]
    fn burdens_borne_and_spared() {
        assert_eq!(polarity("Families described having to repeat their story to each new worker."), Weakness);
        assert_eq!(polarity("Families do not have to repeat their story to each new worker."), Strength);
        assert_eq!(polarity("Young people had to wait for a first appointment."), Weakness);
        assert_eq!(polarity("Young people do not have to wait for a first appointment."), Strength);
        assert_eq!(polarity("Staff told us caseloads were too high."), Weakness);
        assert_eq!(polarity("The scheme of delegation no longer reflects how services are run."), Weakness);
        assert_eq!(polarity("There is little evidence that the board uses benchmarking."), Weakness);
        assert_eq!(polarity("The board has no influence over the hospital budget."), Weakness);
        assert_eq!(polarity("The hospital budget has never been delegated."), Weakness);
        assert_eq!(polarity("The plan is fit for purpose and sets sensible priorities."), Strength);
        assert_eq!(polarity("Consent forms were in order and easy to find."), Strength);
        assert_eq!(
            polarity("The new scheme has made steady progress in reducing the number of people whose discharge was delayed."),
            Strength
        );
        // What would help is a need, not praise.
        assert_eq!(polarity("Some carers would benefit from a break."), Neutral);
        assert_eq!(polarity("There was no bed available in the community."), Weakness);
        assert_eq!(polarity("Some families continue to wait for specialist advice."), Weakness);
        assert_eq!(polarity("Reports to the board describe activity rather than outcomes."), Weakness);
    }

    #[test]
    fn words_of_care_inspection() {
        assert_eq!(polarity("Meaningful activity was limited for people in their rooms."), Weakness);
        assert_eq!(polarity("We were concerned that people had few opportunities for meaningful activity."), Weakness);
        assert_eq!(polarity("A meeting had been held, but there was no record of what had changed."), Weakness);
        assert_eq!(polarity("Supervision had lapsed for night staff, and the manager had a plan in place to address this."), Weakness);
        assert_eq!(polarity("Privacy and dignity were compromised for patients in corridors."), Weakness);
        assert_eq!(polarity("Patients with mental health needs experienced very long waits for a bed."), Weakness);
        assert_eq!(polarity("Staff told us they felt confident in their roles."), Strength);
        assert_eq!(polarity("Bedrooms were personalised with people's own belongings."), Strength);
        assert_eq!(polarity("Staff did their best to protect privacy in difficult circumstances."), Strength);
        assert_eq!(polarity("Staff knew how to recognise and report abuse."), Strength);
        assert_eq!(polarity("Training compliance for nursing staff was above the trust target."), Strength);
        assert_eq!(polarity("The unit was visibly clean, and staff followed infection control procedures."), Strength);
        assert_eq!(polarity("We saw staff going out of their way to make patients comfortable despite the pressure."), Strength);
        assert_eq!(polarity("The leadership team was experienced."), Strength);
        assert_eq!(polarity("The partnership has made insufficient progress in two areas."), Weakness);
        assert_eq!(polarity("Some children have been without a school place for a term."), Weakness);
        assert_eq!(polarity("Senior posts have been filled on an interim basis for a year."), Weakness);
        assert_eq!(polarity("The council consulted widely on its budget."), Strength);
        assert_eq!(polarity("The number of twelve-hour waits was consistently higher than the England average."), Neutral);
        assert_eq!(polarity("Many patients were spending more than 12 hours in the department."), Weakness);
        assert_eq!(polarity("The board made good use of link workers to reach people who were not in contact with services."), Strength);
        assert_eq!(polarity("We saw one patient who had not received their medicine."), Weakness);
        assert_eq!(polarity("The board received a large volume of data but little analysis of what it meant."), Weakness);
        assert_eq!(polarity("Leaders had worked hard to build trust after a period of instability."), Strength);
        assert_eq!(polarity("Progress has been limited."), Weakness);
        assert_eq!(polarity("The share of spending on community services has changed little."), Weakness);
        assert_eq!(polarity("The social care workforce is under severe strain."), Weakness);
        assert_eq!(polarity("Few councils can show what difference their investment makes."), Weakness);
        assert_eq!(polarity("Carers provide more care, often at a cost to their own health."), Weakness);
        assert_eq!(polarity("Checks were completed consistently."), Strength);
        assert_eq!(polarity("The change to a permanent workforce is remarkable."), Strength);
        assert_eq!(polarity("Stability has been restored and partnerships are cohesive."), Strength);
    }
}
