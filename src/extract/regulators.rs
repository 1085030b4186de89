//! Regulators, inspectorates, audit bodies and ombudsmen, with their aliases.
//!
//! The list lives in `data/regulators.tsv` (`name<TAB>aliases`, aliases
//! `;`-separated) and is compiled into the binary. Mentions are found with the
//! gazetteer's matcher (see [`super::gazetteer`]): capitals as written in the data
//! must be capitals in the text, so acronyms ("CQC", "HIS") match only in capitals
//! and "his" is never Healthcare Improvement Scotland; word boundaries at both ends
//! ("CQC’s" is a mention of the CQC); leftmost-longest, so "Care Inspectorate Wales"
//! wins over "Care Inspectorate".

use super::gazetteer::{Collapsed, PhraseMatcher, normalise_key};
use std::collections::HashMap;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../data/regulators.tsv");

/// A regulator named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegulatorMatch {
    /// The regulator's canonical name.
    pub name: &'static str,
    /// Byte offset of the mention's start in the text.
    pub start: usize,
    /// Byte offset just past the mention's end.
    pub end: usize,
}

struct Regulators {
    names: Vec<&'static str>,
    matcher: PhraseMatcher<usize>,
    /// Normalised name or alias -> (regulator index, alias is an acronym).
    lookup: HashMap<String, (usize, bool)>,
}

static REGULATORS: LazyLock<Regulators> = LazyLock::new(|| Regulators::from_tsv(DATA));

impl Regulators {
    fn from_tsv(data: &'static str) -> Regulators {
        let mut names = Vec::new();
        let mut phrases = Vec::new();
        let mut lookup = HashMap::new();
        for line in data.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("name\t") {
                continue;
            }
            let (name, aliases) = line.split_once('\t').unwrap_or((line, ""));
            let name = name.trim();
            assert!(!name.is_empty(), "regulators: empty name in line {line:?}");
            let idx = names.len();
            names.push(name);
            let all = std::iter::once(name).chain(aliases.split(';').map(str::trim).filter(|a| !a.is_empty()));
            for phrase in all {
                phrases.push((phrase, idx));
                let acronym = is_acronym(phrase);
                if let Some(&(other, _)) = lookup.get(&normalise_key(phrase)) {
                    assert_eq!(other, idx, "regulators: {phrase:?} names both {} and {name}", names[other]);
                    continue;
                }
                lookup.insert(normalise_key(phrase), (idx, acronym));
            }
        }
        Regulators { names, matcher: PhraseMatcher::new(phrases), lookup }
    }
}

/// An alias written wholly in capitals, such as "CQC" or "HMICFRS".
fn is_acronym(phrase: &str) -> bool {
    phrase.chars().all(|c| !c.is_lowercase() && !c.is_whitespace()) && phrase.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Every mention of a regulator in `text`: byte spans into `text`, in order,
/// leftmost-longest and non-overlapping.
pub fn find_all(text: &str) -> Vec<RegulatorMatch> {
    find_all_in(&Collapsed::new(text))
}

/// [`find_all`] on text already collapsed.
pub fn find_all_in(text: &Collapsed<'_>) -> Vec<RegulatorMatch> {
    let r = &*REGULATORS;
    r.matcher.find_in(text).into_iter().map(|m| RegulatorMatch { name: r.names[m.value], start: m.start, end: m.end }).collect()
}

/// The canonical name of an exact name or alias, ignoring case (except that an
/// acronym must be given in capitals), runs of white space, "&"/"and", a leading
/// "the" and a trailing possessive "’s".
pub fn canonical(name: &str) -> Option<&'static str> {
    let r = &*REGULATORS;
    let trimmed = name.trim();
    let trimmed = ["'s", "\u{2019}s", "'S", "\u{2019}S"].iter().find_map(|s| trimmed.strip_suffix(s)).unwrap_or(trimmed);
    let &(idx, acronym) = r.lookup.get(&normalise_key(trimmed))?;
    if acronym && trimmed.chars().any(char::is_lowercase) {
        return None;
    }
    Some(r.names[idx])
}

/// All canonical names, in data order.
pub fn names() -> Vec<&'static str> {
    REGULATORS.names.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_starts_find_what_a_whole_text_walk_finds() {
        crate::extract::gazetteer::assert_candidates_agree_with_whole_text_walk("regulators", &REGULATORS.matcher);
    }

    fn found(text: &str) -> Vec<&'static str> {
        find_all(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn every_name_finds_itself() {
        let names = names();
        assert!(names.len() >= 18);
        for name in names {
            let text = format!("A report by {name} was issued.");
            let hits = find_all(&text);
            assert_eq!(hits.len(), 1, "{name}: {hits:?}");
            assert_eq!(hits[0].name, name);
            assert_eq!(&text[hits[0].start..hits[0].end], name);
            assert_eq!(canonical(name), Some(name));
        }
    }

    #[test]
    fn aliases_and_slips_resolve() {
        assert_eq!(
            found("Health Improvement Scotland and Health Care Improvement Scotland agreed."),
            ["Healthcare Improvement Scotland", "Healthcare Improvement Scotland"]
        );
        assert_eq!(found("The CQC’s view differed from the CQC's earlier one."), ["Care Quality Commission", "Care Quality Commission"]);
        assert_eq!(found("OFSTED and Ofsted"), ["Ofsted", "Ofsted"]);
        assert_eq!(found("the Office for Standards in Education, Children's Services and Skills"), ["Ofsted"]);
        assert_eq!(found("the Wales Audit Office"), ["Audit Wales"]);
        assert_eq!(
            found("RQIA, HIW and HMICFRS"),
            [
                "Regulation and Quality Improvement Authority",
                "Healthcare Inspectorate Wales",
                "HM Inspectorate of Constabulary and Fire & Rescue Services"
            ]
        );
        assert_eq!(
            found("HM Inspectorate of Constabulary and Fire and Rescue Services"),
            ["HM Inspectorate of Constabulary and Fire & Rescue Services"]
        );
        assert_eq!(found("the Mental Welfare Commission visited"), ["Mental Welfare Commission for Scotland"]);
        assert_eq!(found("Social Care and Social Work Improvement Scotland"), ["Care Inspectorate"]);
    }

    #[test]
    fn acronyms_only_in_capitals() {
        assert!(found("He gave his view to the board.").is_empty());
        assert!(found("His view was clear.").is_empty());
        assert_eq!(found("HIS inspected the ward."), ["Healthcare Improvement Scotland"]);
        assert!(found("cqc and nao and Spso").is_empty());
        assert!(found("a national audit office in each region").is_empty());
        assert_eq!(found("NAO and SPSO"), ["National Audit Office", "Scottish Public Services Ombudsman"]);
    }

    #[test]
    fn leftmost_longest_and_boundaries() {
        assert_eq!(found("Care Inspectorate Wales and the Care Inspectorate"), ["Care Inspectorate Wales", "Care Inspectorate"]);
        assert_eq!(found("the Care Inspectorate Wales team"), ["Care Inspectorate Wales"]);
        assert_eq!(found("HM Inspectorate of Prisons for Scotland"), ["HM Inspectorate of Prisons for Scotland"]);
        assert_eq!(
            found("His Majesty's Inspectorate of Constabulary in Scotland (HMICS)"),
            ["HM Inspectorate of Constabulary in Scotland", "HM Inspectorate of Constabulary in Scotland"]
        );
        assert!(found("CQCX and XCQC and HISTORY").is_empty());
        let text = "Findings (see Audit Scotland, 2024).";
        let hits = find_all(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "Audit Scotland");
    }

    #[test]
    fn canonical_lookups() {
        assert_eq!(canonical("care inspectorate"), Some("Care Inspectorate"));
        assert_eq!(canonical("the Care Inspectorate"), Some("Care Inspectorate"));
        assert_eq!(canonical("CQC’s"), Some("Care Quality Commission"));
        assert_eq!(canonical("HIS"), Some("Healthcare Improvement Scotland"));
        assert_eq!(canonical("his"), None);
        assert_eq!(canonical("Health Improvement Scotland"), Some("Healthcare Improvement Scotland"));
        assert_eq!(canonical("Regulation & Quality Improvement Authority"), Some("Regulation and Quality Improvement Authority"));
        assert_eq!(canonical("Inspectorate"), None);
    }
}
