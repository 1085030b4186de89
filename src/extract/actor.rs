//! Who a recommendation calls on: the subject before its modal verb ("The partnership
//! should"), the object of a verb of urging ("called on the partnership to"), the subject of a
//! recommended clause ("recommend that North Lanarkshire monitors"), or a list's lead-in.

use crate::line_shapes::after_item_mark;
use regex::Regex;
use std::sync::LazyLock;

/// Words for a group that can act, as the head of a noun phrase ("system leaders", "the
/// council", "NHS boards").
pub(crate) const GROUP_WORDS: &str = r"partnerships?|partners|councils?|boards?|government|authorit(?:y|ies)|IJBs?|NHS|ICBs?|HSCPs?|IAs|COSLA|CCGs?|leaders|leadership|managers?|commissioners|services?|system|organisations?|agencies|practitioners|staff|providers?|trusts?|committees?|officers?|executives?|teams?|bodies|departments?|ministers?|schools|settings|professionals|inspectorates?|regulators?|registered\s+(?:persons?|managers?|providers?)|responsible\s+individuals?|nominated\s+individuals?";

/// Words that head a noun phrase naming an organisation or group that can act: the group
/// words, or a name.
fn actor_heads() -> String {
    format!(r"(?:{GROUP_WORDS}|[A-Z][\w&’'-]*)")
}

/// Modal verbs of obligation that follow the actor they call on.
const MODALS: &str =
    r"should|must|shall|needs?\s+to|will\s+need\s+to|ought\s+to|has\s+to|have\s+to|is\s+required\s+to|are\s+required\s+to|will\s+have\s+to";

static SUBJECT_MODAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(&format!(r"^(?:[^,]{{0,60}},\s+)?(?P<subj>[^,:;]*?(?:,[^,:;]*?){{0,5}})\s+(?:also\s+|now\s+|still\s+|further\s+|urgently\s+|therefore\s+|jointly\s+|then\s+|all\s+|each\s+|continue\s+to\s+)?(?:{MODALS})(?-u:\b)")).unwrap()
});
static MODAL_WORD: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&format!(r"\s(?:{MODALS})(?-u:\b)")).unwrap());
/// A call on someone to act ("calls on the partnership to", "expects councils to"). Its object
/// runs over commas only as a list of names ("calls on the Scottish Government, councils and
/// NHS boards to"); see [`urged`].
static URGE_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(?:call(?:ed|s)? on|call(?:ed|s)? upon|urg(?:e|ed|es)|encourag(?:e|ed|es)|ask(?:ed|s)?|advis(?:e|ed|es)|invit(?:e|ed|es)|expect(?:s|ed)?|want(?:s|ed)?|important for|essential for|vital for|crucial for|necessary for)\s+(?P<obj>[^;:]{2,160}?)\s+to(?-u:\b)").unwrap()
});
/// An object without a comma is a name or a short phrase.
const URGED_MAX_CHARS: usize = 90;
/// "The Board is asked to approve": the subject of a passive request.
static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^(?P<subj>[^,;:]{2,90}?)\s+(?:is|are)\s+(?:asked|invited|requested|recommended)\s+to(?-u:\b)").unwrap()
});
/// A lead-in that says what its writer asks of a body ("What we are asking the board to do:",
/// "Actions we want the council to take:"), as ombudsmen and reviewers head their requests.
static ASKED_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)^(?:what|the\s+things?|the\s+actions?|actions?)\s+we\s+(?:are\s+asking|ask|want|would\s+like|expect)\s+(?P<subj>[^,;:]{2,60}?)\s+to\s+(?:do|take|carry\s+out)(?-u:\b)").unwrap()
});
/// Whether a sentence asks a body to act in the passive ("The Committee is asked to note the
/// report"), as a committee paper puts what it recommends, or as what its writer asks of the
/// body ("What we want the board to do:").
pub fn is_asked_to(sentence: &str) -> bool {
    ASKED.is_match(sentence.trim_start()) || ASKED_OF.is_match(sentence.trim_start())
}
static RECOMMEND_THAT: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)(?-u:\b)recommend(?:s|ed)?(?:\s+that)?\s+(?P<rest>.+)$").unwrap());
/// A body's name as resolutions and calls set it: capitalised words, perhaps after "the", and
/// the small words that join them ("the Audit and Performance Committee", "The Department of
/// Health and Social Care").
macro_rules! body_name {
    () => {
        r"(?:[Tt]he\s+)?[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|and|of|for|the|&))*"
    };
}

/// A committee paper's draft resolution, which lists what the body it names is to do ("That
/// Cabinet:" then "notes the rating; approves the plan"), for a number, perhaps, and the body.
pub const RESOLUTION_LEAD_IN: &str = concat!(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\s+)?That\s+(?P<body>", body_name!(), r")\s*:\s*$");
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(RESOLUTION_LEAD_IN).unwrap());
/// A resolution on its own line: "That the Committee approves the plan" names the body that
/// is to act; "That the report be noted", "That a review be undertaken" put it in the
/// subjunctive and name no one.
static RESOLUTION_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(concat!(r"^That\s+(?:(?P<body>", body_name!(), r")\s+(?:notes|approves|agrees|endorses|considers|supports|requests|asks|instructs|delegates|recommends|receives|accepts|welcomes|reviews|authori[sz]es|adopts|confirms|commits|resolves)|[^,;:]{2,120}?\s+be\s+(?:\w+ed|given|taken|made|undertaken|drawn|sought|set|kept|held|brought|shown|put|sent|done|written|seen)(?-u:\b))")).unwrap()
});

/// Whether a line is a resolution ([`RESOLUTION_ITEM`]), and the body it names, if any.
pub fn resolution(line: &str) -> Option<Option<String>> {
    // Asked of every sentence: most have no "That" at their start, after any item mark.
    let opening = after_item_mark(line).trim_start_matches(|c: char| !c.is_alphabetic());
    if !opening.starts_with("That ") {
        return None;
    }
    RESOLUTION_ITEM.captures(opening).map(|c| c.name("body").and_then(|b| clean(b.as_str())))
}
/// A short clause that reports what a speaker says before the words it reports ("The
/// Commission says", "Inspectors concluded that").
static REPORTING_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^(?:[\w’'-]+\s+){1,5}?(?:says|said|believes|believed|considers|concludes|concluded|states|stated|warns|warned|adds|added)\s+(?:that\s+)?").unwrap()
});
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)^(it|this|that|these|those|there|they|we|you|i|he|she|all|which|what|action|work|more|further work)$").unwrap()
});

/// A word that links a sentence to the one before ("Alternatively there should be ..."), not
/// part of the subject after it.
static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)^(but|and|so|yet|however,?|alternatively|additionally|finally|furthermore|moreover|similarly|likewise|equally|secondly|thirdly|lastly|importantly|crucially|also|instead|meanwhile|consequently|accordingly|therefore|thus|further|then)\s+").unwrap()
});
/// A run that ends in an article is no noun phrase: "There is a" before the noun "need to".
static ENDS_IN_ARTICLE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?i)(?-u:\b)(a|an|the)$").unwrap());

/// A capitalised "The" inside a run starts the subject after a label run into the same line
/// ("Recommendation(s) The Board is asked to", "Purpose The committee should"), unless a word
/// joins it to what comes before ("Friends of The Trust").
///
/// A label that names a part of a paper does so too before any capitalised word
/// ("Recommendation(s) Board is recommended to"): no body's name starts with it.
fn after_a_label(np: &str) -> &str {
    static PART_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"^(?i:recommendations?|recommendation\(s\)|purpose|actions?\s+required)\s+(?-i:[A-Z])").unwrap()
    });
    if let Some(m) = PART_LABEL.find(np) {
        return &np[m.end() - 1..];
    }
    let Some(at) = np.find(" The ") else { return np };
    let joined = np[..at].rsplit(' ').next().is_some_and(|w| {
        matches!(w.to_lowercase().as_str(), "of" | "and" | "&" | "for" | "to" | "by" | "with" | "at" | "in" | "on" | "from")
    });
    if joined { np } else { &np[at + 1..] }
}

fn clean(np: &str) -> Option<String> {
    let np = after_item_mark(np);
    let np = np.trim().trim_matches(|c: char| c == '“' || c == '"' || c == '‘' || c == '\'').trim();
    let np = CONNECTIVE.find(np).map_or(np, |m| &np[m.end()..]);
    let np = after_a_label(np);
    if np.is_empty() || super::has_words(np, 17) || PRONOUN.is_match(np) || ENDS_IN_ARTICLE.is_match(np) {
        return None;
    }
    Some(np.to_string())
}

/// The noun phrase at the start of `text` that ends in an actor word ("system leaders shift
/// focus" gives "system leaders").
fn leading_actor(text: &str) -> Option<String> {
    static NP: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(&format!(r"^(?:the\s+|all\s+)?(?:[\w&’'-]+\s+){{0,6}}?{}(?-u:\b)", actor_heads())).unwrap());
    let text = text.trim_start();
    let m = NP.find(text)?;
    // Extend over the rest of a name or compound ("North" + "Lanarkshire", "system" + "leaders").
    static NEXT: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(&format!(r"^\s+(?:(?:and|of|&)\s+)?{}(?-u:\b)", actor_heads())).unwrap());
    let mut end = m.end();
    while let Some(n) = NEXT.find(&text[end..]) {
        end += n.end();
    }
    clean(&text[..end])
}

/// What says what a call is, before its subject ("The recommendation is that", "These include
/// that").
pub(crate) const CALL_IS: &str = r"(?i)(?:(?-u:\b)recommendations?\s+(?:is|was|are|were)|(?-u:\b)(?:include|includes))\s+that\s+";

/// Whether a phrase after a comma is an aside about the noun before it ("including the
/// council", "consisting of partners across ...").
pub(crate) fn is_aside(phrase: &str) -> bool {
    static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"(?i)^(including|consisting|comprising|such as|led by|made up|which|who|particularly|especially|together with|along with)(?-u:\b)").unwrap()
    });
    APPOSITIVE.is_match(phrase.trim_start())
}

/// Whether a run of words split by commas reads as one list of names ("The Government,
/// councils and NHS boards", "Leaders across education, health and care") rather than an
/// opening phrase and what follows it: short parts, the last joined on by "and".
pub(crate) fn is_list_of_names(run: &str) -> bool {
    let parts: Vec<&str> = run.split(',').collect();
    parts.len() > 1
        && parts.iter().all(|part| !super::has_words(part, 7))
        && parts.last().is_some_and(|p| p.contains(" and ") || p.contains('&'))
        && !super::has_words(run, 17)
}

/// The first call on someone to act in `s` whose object is a name, a short phrase, or a list
/// of names. Where the object runs over a comma that ends no list ("urges the board, as it
/// asked councils to"), a later call may start inside it.
fn urged(s: &str) -> Option<regex::Captures<'_>> {
    let mut at = 0;
    while let Some(c) = URGE_OBJECT.captures_at(s, at) {
        let obj = &c["obj"];
        let fits = if obj.contains(',') { is_list_of_names(obj) } else { obj.chars().count() <= URGED_MAX_CHARS };
        if fits {
            return Some(c);
        }
        let start = c.get(0).map_or(at, |m| m.start());
        at = start + s[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The actor a sentence names, if any.
pub fn from_sentence(sentence: &str) -> Option<String> {
    let s = after_item_mark(sentence.trim_start_matches(['“', '"', '‘']));
    // A longer label may name no one ("What the organisation should do: Staff should ...") or
    // the one asked ("What we are asking the board to do: Share ..."): the call speaks first.
    match crate::line_shapes::long_label_end(s) {
        Some(end) if crate::line_shapes::label_end(s).is_none() => from_clause(&s[end..]).or_else(|| from_clause(s)),
        _ => from_clause(s),
    }
}

fn from_clause(s: &str) -> Option<String> {
    // "Recommendation 1: The partnership should": the label names no one.
    let s = match crate::line_shapes::label_end(s) {
        Some(end) if end < s.len() => s[end..].to_string(),
        _ => s.to_string(),
    };
    // "The Commission says councils need to ...": the call is on whom the reporting clause
    // names after its verb, not on its speaker.
    let s = match REPORTING_CLAUSE.find(&s) {
        Some(m) if m.end() < s.len() => s[m.end()..].to_string(),
        _ => s,
    };
    if let Some(c) = RECOMMEND_THAT.captures(&s)
        && let Some(a) = leading_actor(&c["rest"])
    {
        return Some(a);
    }
    if let Some(c) = ASKED.captures(&s).or_else(|| ASKED_OF.captures(&s))
        && let Some(a) = clean(&c["subj"])
    {
        return Some(a);
    }
    // "should ensure ... the outcomes they want children to achieve": a verb of wanting after
    // the modal belongs to a clause inside the directive, whose actor is the modal's subject.
    // "calls on the Scottish Government, councils and NHS boards to": a list of names.
    if let Some(c) = urged(&s)
        && !c["obj"].starts_with("to ")
        && MODAL_WORD.find(&s).is_none_or(|m| m.start() > c.get(0).unwrap().start())
        && let Some(a) = clean(&c["obj"])
    {
        return Some(a);
    }
    // The rule reads a run up to the first comma as an opening phrase; when that run has a
    // modal of its own ("Leaders must ensure that all social care, health and education staff
    // have the training they need to"), it is the main clause and the later modal is not.
    let opening_has_modal = |c: &regex::Captures<'_>| MODAL_WORD.is_match(&s[..c.name("subj").unwrap().start()]);
    let main = SUBJECT_MODAL.captures(&s).and_then(|c| match s.split_once(',') {
        Some((head, _)) if opening_has_modal(&c) => SUBJECT_MODAL.captures(head),
        _ => Some(c),
    });
    if let Some(c) = main {
        // "Families should be kept informed": the subject of a passive is acted on.
        if is_passive(&s[c.get(0).unwrap().end()..]) {
            return None;
        }
        // The whole run before the modal when it reads as a list of names ("The Government,
        // councils and NHS boards"); otherwise what follows an opening phrase ("In future, the
        // council").
        let whole = s[..c.name("subj").unwrap().end()].trim_end_matches([',', ' ']);
        // "made four recommendations, including that the partnership should": the subject
        // follows "including that"; what comes before it counts the calls. So in "The
        // recommendation is that the board should".
        if let Some(called) = c["subj"].trim_start().strip_prefix("including that ") {
            return clean(called);
        }
        static SAYS_WHAT_A_CALL_IS: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(CALL_IS).unwrap());
        if let Some(m) = SAYS_WHAT_A_CALL_IS.find(&c["subj"]) {
            return clean(&c["subj"][m.end()..]);
        }
        // "The group, consisting of partners across ..., should": the head before the aside;
        // but an aside that names who is included ("Leaders, including the council and the
        // ICB, should") names them as asked too, when it is short.
        if is_aside(&c["subj"])
            && let Some((head, _)) = whole.split_once(',')
        {
            let names_members = ["including ", "such as "].iter().any(|w| c["subj"].trim_start().starts_with(w));
            return if names_members { clean(whole).or_else(|| clean(head)) } else { clean(head) };
        }
        if is_list_of_names(whole) {
            return clean(whole);
        }
        // An opening phrase too long for the rule to set apart ("To ensure an understanding of
        // the services which are available, the local partnership"): the subject follows its
        // last comma (or stop, when the text is a paragraph and not one sentence).
        // When the words after one of its commas are a list of names, the list is the subject
        // ("If integration is to work, councils, NHS boards and the Government need to").
        let run = &c["subj"];
        let subj = std::iter::once(run)
            .chain(run.match_indices([',', '.']).map(|(i, _)| run[i + 1..].trim_start()))
            .find(|tail| is_list_of_names(tail))
            .or_else(|| run.rsplit_once([',', '.']).map(|(_, last)| last))
            .unwrap_or(run);
        // "the support that the child needs to", "so that they are clear about what needs to":
        // a clause inside the sentence, not the subject of its modal.
        static CLAUSE_WORD: LazyLock<Regex> = LazyLock::new(|| {
            crate::rx::regex(r"(?i)(?-u:\b)(that|which|who|whom|whose|what|when|where|if|because|so|than)(?-u:\b)").unwrap()
        });
        // "Leaders have a clear vision, but they need to": "they" are the sentence's subject.
        let bare = subj.trim();
        let bare = CONNECTIVE.find(bare).map_or(bare, |m| &bare[m.end()..]);
        if bare.eq_ignore_ascii_case("they") {
            return antecedent(&s);
        }
        if ends_in_pronoun(subj) || CLAUSE_WORD.is_match(subj) {
            return None;
        }
        return clean(subj).map(owner_of_a_thing);
    }
    // A list of calls under "We recommend:" may give each its body and an infinitive ("The
    // Department of Health and Social Care to publish ...", "Councils to give ...").
    static INFINITIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(concat!(r"^(?P<subj>", body_name!(), r")\s+to\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)(?-u:\b)")).unwrap()
    });
    if let Some(c) = INFINITIVE.captures(&s)
        && &c["verb"] != "be"
    {
        let subj = &c["subj"];
        if names_a_group(subj) || subj.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() >= 2 {
            return clean(subj);
        }
    }
    None
}

/// "The board's complaint handling should be in line with ...": what a body owns does not act;
/// the body that owns it is asked to. A group that belongs to a body ("the council's
/// leaders") acts itself.
fn owner_of_a_thing(subj: String) -> String {
    let head = subj.rsplit(' ').next().unwrap_or("");
    if !subj.contains(['\'', '’']) || names_a_group(head) {
        return subj;
    }
    possessor(&subj).unwrap_or(subj)
}

/// Whether the words after a modal put it in the passive ("be kept informed", "not be
/// discharged"), but for a participle that says how its subject stands ("be assured", "be
/// prepared"), which leaves the subject to act.
fn is_passive(after_modal: &str) -> bool {
    static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"^\s+(?:not\s+)?be\s+(?:[a-z]+ly\s+)?(?P<participle>[a-z]+ed|given|taken|made|kept|shown|seen|told|done|sent|held|brought|put|set|drawn|written|known|paid|met|heard|found|built|spent|left|understood)(?-u:\b)").unwrap()
    });
    PASSIVE.captures(after_modal).is_some_and(|c| {
        !matches!(
            &c["participle"],
            "assured" | "satisfied" | "prepared" | "committed" | "focused" | "determined" | "concerned" | "interested"
        )
    })
}

/// The group a sentence opens with as the subject of its first verb ("Leaders in Northshire
/// have ..."), which a later "they" refers to.
fn antecedent(s: &str) -> Option<String> {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(r"^(?P<np>[A-Z][\w’'&-]*(?:\s+[\w’'&-]+){0,6}?)\s+(?:have|has|had|are|is|were|was|know|knew|do|did|agreed|accepted|recognise|recognised|acknowledged)(?-u:\b)").unwrap()
    });
    let np = OPENING.captures(s)?.name("np")?.as_str();
    if names_a_group(np) { clean(np) } else { None }
}

/// A phrase closed by a pronoun ("access to the information they" before "need to") is a
/// relative clause, not the subject of the modal after it.
pub(crate) fn ends_in_pronoun(subj: &str) -> bool {
    static TRAILING_PRONOUN: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?i)\S\s+(they|we|you|he|she|it|i)$").unwrap());
    TRAILING_PRONOUN.is_match(subj.trim())
}

/// Who owns what an item names as needing to improve ("The pace of leaders’ actions",
/// "leaders and managers’ oversight"): the possessor, when it is a group that can act, with
/// the words of its name before it (up to one that cannot be part of a name, such as "of").
/// Only the group words count, not names: a capitalised possessor is as often what is owned
/// about ("Children’s services").
pub fn possessor(text: &str) -> Option<String> {
    static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(&format!(r"(?i)(?P<before>(?:[\w-]+\s+){{0,4}})(?P<head>(?-u:\b)(?:{GROUP_WORDS}))['’]s?\s+\w")).unwrap()
    });
    static HEAD: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&format!(r"(?i)^(?:{GROUP_WORDS})$")).unwrap());
    const NOT_IN_A_NAME: [&str; 18] =
        ["of", "the", "a", "an", "in", "for", "to", "by", "with", "on", "at", "from", "its", "their", "our", "how", "that", "which"];
    let c = POSSESSIVE.captures(text)?;
    let words: Vec<&str> = c["before"].split_whitespace().collect();
    let mut from = words.len();
    while from > 0 {
        let w = words[from - 1].to_lowercase();
        if w == "and" || w == "&" {
            // Joined to another group ("leaders and managers’"), not to what is owned.
            if from >= 2 && HEAD.is_match(words[from - 2]) {
                from -= 2;
                continue;
            }
            break;
        }
        if NOT_IN_A_NAME.contains(&w.as_str()) {
            break;
        }
        from -= 1;
    }
    // "the council’s response": the article goes with the name, as a subject keeps its own.
    if from > 0 && words[from - 1].eq_ignore_ascii_case("the") {
        from -= 1;
    }
    let mut name = words[from..].join(" ");
    if !name.is_empty() {
        name.push(' ');
    }
    name.push_str(&c["head"]);
    clean(&name)
}

/// Whether an actor names a group that can act ("Area leaders", "NHS Fife"), not only a
/// pronoun or a thing ("In particular they", "Their work").
pub fn names_a_group(actor: &str) -> bool {
    static GROUP: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&format!(r"(?i)(?-u:\b)(?:{GROUP_WORDS})(?-u:\b)")).unwrap());
    GROUP.is_match(actor)
}

/// The actor of a list's lead-in ("The Scottish Government and COSLA should:").
/// A committee paper asks its committee in the passive ("The Audit Committee is asked to:").
pub fn from_lead_in(lead_in: &str) -> Option<String> {
    let lead_in = lead_in.trim();
    if let Some(c) = RESOLUTION.captures(lead_in) {
        return clean(&c["body"]);
    }
    if let Some(c) = ASKED.captures(lead_in).or_else(|| ASKED_OF.captures(lead_in)) {
        return clean(&c["subj"]);
    }
    // "the following priority areas for the partnership:": the body the list is for.
    static FOR_A_BODY: LazyLock<Regex> = LazyLock::new(|| {
        crate::rx::regex(&format!(
            r"(?i)(?-u:\b)(?:areas?|priorities|actions|improvements?)(?:\s+for\s+(?:improvement|action|development))?\s+for\s+(?P<body>(?:the|this|each)\s+(?:[a-z-]+\s+){{0,5}}(?:{GROUP_WORDS}))\s*:$"
        ))
        .unwrap()
    });
    if let Some(c) = FOR_A_BODY.captures(lead_in) {
        return clean(&c["body"]);
    }
    from_sentence(lead_in.trim_end_matches(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rule` gives each text's expected actor.
    fn assert_actors(rule: fn(&str) -> Option<String>, cases: &[(&str, Option<&str>)]) {
        for &(text, want) in cases {
            assert_eq!(rule(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_call_in_the_infinitive_names_its_body() {
        assert_actors(
            from_sentence,
            &[
                (
                    "The Department of Health and Social Care to publish national data on waits.",
                    Some("The Department of Health and Social Care"),
                ),
                ("Councils to give every person waiting a named contact.", Some("Councils")),
                ("2. NHS England and ICBs to jointly agree a plan.", Some("NHS England and ICBs")),
                // A passive, and a word that names no body, name no actor.
                ("Councils to be given more money.", None),
                ("Plans to improve the service were agreed.", None),
            ],
        );
    }

    #[test]
    fn a_resolution_names_its_body_or_no_one() {
        assert_eq!(resolution("1. That the Committee approves the revised plan."), Some(Some("the Committee".to_string())));
        assert_eq!(resolution("That Cabinet notes the rating."), Some(Some("Cabinet".to_string())));
        assert_eq!(resolution("2. That the report be noted."), Some(None));
        assert_eq!(resolution("That a drafting committee be convened to consider the rules."), Some(None));
        assert_eq!(resolution("That evening, he was found at home."), None);
        assert_eq!(resolution("That is why the board acted."), None);
    }

    #[test]
    fn a_lead_in_names_who_its_list_asks() {
        assert_actors(
            from_lead_in,
            &[
                ("The Scottish Government and COSLA should:", Some("The Scottish Government and COSLA")),
                ("That Cabinet:", Some("Cabinet")),
                ("The Audit and Performance Committee is asked to:", Some("The Audit and Performance Committee")),
                ("Members are invited to:", Some("Members")),
                ("It is recommended that the Integration Joint Board:", Some("the Integration Joint Board")),
                ("What we want the board to do to improve its services:", Some("the board")),
                ("What we are asking the council to do for Mr B:", Some("the council")),
                ("What we found:", None),
                ("To support improvement, we have identified the following priority areas for the partnership:", Some("the partnership")),
                (
                    "We found areas for improvement for the health and social care partnership:",
                    Some("the health and social care partnership"),
                ),
                ("Areas for improvement for 2026:", None),
            ],
        );
    }

    #[test]
    fn subject_of_a_modal() {
        assert_actors(
            from_sentence,
            &[
                ("The board should publish its plan.", Some("The board")),
                ("Ward managers also need to record checks.", Some("Ward managers")),
                ("In future, the council must act.", Some("the council")),
                (
                    "The Welsh Government, councils and health boards should work together to:",
                    Some("The Welsh Government, councils and health boards"),
                ),
                ("It should be used to report.", None),
                // A relative clause before "need to": no subject of a modal at all.
                ("ensure that carers have the information they need to plan.", None),
                ("plans hold the support that the young person needs to prepare for adulthood;", None),
                (
                    "To ensure a better understanding of the services which are on offer, the local partnership should act.",
                    Some("the local partnership"),
                ),
                ("The board should set out the outcomes they want children to achieve.", Some("The board")),
                (
                    "If the plan is to make a real difference to people, councils, NHS boards and the Government need to act.",
                    Some("councils, NHS boards and the Government"),
                ),
            ],
        );
    }

    #[test]
    fn the_first_modal_is_the_main_one() {
        assert_actors(
            from_sentence,
            &[
                ("Leaders must ensure that all health, care and school staff have the training they need to help.", Some("Leaders")),
                (
                    "Leaders across education, health and social care should ensure that plans are reviewed.",
                    Some("Leaders across education, health and social care"),
                ),
            ],
        );
    }

    #[test]
    fn object_of_urging_and_recommended_clause() {
        assert_actors(
            from_sentence,
            &[
                ("Inspectors called on the trust to review staffing.", Some("the trust")),
                ("It will be important for partners to keep going.", Some("partners")),
                ("The regulator recommended that care home managers review rotas.", Some("care home managers")),
                ("We recommend that Angus Council reviews its budget.", Some("Angus Council")),
                // A list of names runs over commas; an aside between commas ends no object,
                // and a call inside it names whom it calls on.
                (
                    "The Commission expects the council, the board and NHS Fife to agree a plan.",
                    Some("the council, the board and NHS Fife"),
                ),
                ("The report urges the board, as it asked councils to do last year, to act.", Some("councils")),
                ("Inspectors urge councils to work with the NHS, charities and carers to plan.", Some("councils")),
            ],
        );
    }

    #[test]
    fn the_owner_of_what_is_to_improve() {
        assert_actors(
            possessor,
            &[
                ("The pace of leaders’ actions to find homes.", Some("leaders")),
                ("The quality of leaders and managers’ oversight of practice.", Some("leaders and managers")),
                ("Senior leaders' understanding of practice.", Some("Senior leaders")),
                ("The effectiveness of the council's response to neglect.", Some("the council")),
                ("Consistency of practitioners’ recording.", Some("practitioners")),
            ],
        );
    }

    #[test]
    fn no_actor_in_an_existential_sentence_nor_a_linking_word_or_label() {
        assert_actors(
            from_sentence,
            &[
                ("There is a need to review these scoring systems.", None),
                ("Alternatively there should be traffic calming measures.", None),
                ("Additionally the council should review its policy.", Some("the council")),
                ("Finally NHS Fife should publish its plan.", Some("NHS Fife")),
                ("But the partnership must now set out a plan.", Some("the partnership")),
                ("Leaders in Northshire have a clear vision, but they need to act on it.", Some("Leaders in Northshire")),
                ("The figures are clear, but they need to be explained.", None),
                ("What we are asking the board to do: Share the findings with staff.", Some("the board")),
                // The subject of a passive is acted on.
                ("Families should be kept informed when a patient's condition changes.", None),
                ("Carers must not be discharged from the service without a review.", None),
                ("The board should be assured that plans are in place.", Some("The board")),
                ("Recommendation(s) The Board is asked to approve the plan.", Some("The Board")),
                ("Recommendation(s) Board is recommended to note the report.", Some("Board")),
                ("Recommendations Committee members are asked to note the report.", Some("Committee members")),
                ("The Friends of The Trust should publish a plan.", Some("The Friends of The Trust")),
            ],
        );
    }

    #[test]
    fn no_owner_that_can_act() {
        assert_actors(
            possessor,
            &[
                ("The timeliness of assessments for children in need.", None),
                ("The quality of young people’s plans.", None),
                ("Children’s access to dentists.", None),
                ("Leaders know their services well.", None),
            ],
        );
    }
}

#[cfg(test)]
mod appositive_tests {
    use super::from_sentence;

    #[test]
    fn an_aside_after_the_subject_is_not_the_actor() {
        assert_eq!(
            from_sentence("The new steering group, made up of partners from health and education, should publish a plan.").as_deref(),
            Some("The new steering group")
        );
        assert_eq!(
            from_sentence("Leaders, including the council, the board, and school leaders, must act.").as_deref(),
            Some("Leaders, including the council, the board, and school leaders")
        );
        assert_eq!(
            from_sentence("The group, consisting of partners across education, health and care in the area, should meet monthly.")
                .as_deref(),
            Some("The group")
        );
    }

    #[test]
    fn reporting_clauses_and_labels_are_not_the_actor() {
        let cases = [
            ("The Commission says councils and NHS boards need to work together.", "councils and NHS boards"),
            ("Inspectors concluded that leaders should act faster.", "leaders"),
            ("Recommendation 1: The partnership should publish a plan.", "The partnership"),
            ("Area for improvement 2: Managers should audit care plans.", "Managers"),
            ("What the organisation should do: Staff should record who holds power of attorney.", "Staff"),
            // What a body owns does not act; a group of the body's does.
            ("The board's complaint handling should be in line with the procedure.", "The board"),
            ("The council's leaders should set out a plan.", "The council's leaders"),
            ("Inspectors made four recommendations, including that the partnership should plan its workforce.", "the partnership"),
            ("The recommendation is that the health board should review how it plans discharge.", "the health board"),
            ("These include that the health board should review how it plans discharge.", "the health board"),
            (
                "The report calls on the Scottish Government, councils and NHS boards to agree priorities.",
                "the Scottish Government, councils and NHS boards",
            ),
        ];
        for (sentence, actor) in cases {
            assert_eq!(from_sentence(sentence).as_deref(), Some(actor), "{sentence}");
        }
    }
}
