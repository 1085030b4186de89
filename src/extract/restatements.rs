//! Restatements: a report may repeat its calls, in a summary of recommendations before or
//! after the full ones, or a cover sheet repeating its paper's. An analyst counting calls
//! wants each once.

use crate::model::Recommendation;

/// A call's words, each once and sorted, and the numbers among them.
struct Words {
    all: Vec<String>,
    numbers: Vec<String>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut all = content_words(text);
        all.sort_unstable();
        all.dedup();
        let numbers = all.iter().filter(|w| w.bytes().all(|c| c.is_ascii_digit())).cloned().collect();
        Words { all, numbers }
    }

    /// How many of these words the other holds: both lists are sorted, so one pass.
    fn shared_with(&self, other: &Words) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < self.all.len() && j < other.all.len() {
            match self.all[i].cmp(&other.all[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

/// The recommendations without those a report restates: a summary that repeats its calls in
/// shorter words ("Managers should ensure that a regular audit of certificates is carried
/// out.") after or before the full ones, or a call repeated word for word. Of two such, the one
/// that says more is kept. Findings still skip the sentences of both.
pub fn without_restatements(recs: Vec<Recommendation>) -> Vec<Recommendation> {
    /// Beyond this many, a document is a dataset of calls, not a report that restates its own.
    const MAX: usize = 2000;
    if recs.len() < 2 || recs.len() > MAX {
        return recs;
    }
    let words: Vec<Words> = recs.iter().map(|r| Words::of(&r.text)).collect();
    // Calls that follow one another with only a list's marks between are items of one list,
    // which no report restates within itself.
    const ITEM_GAP: usize = 12;
    let mut list = vec![0usize; recs.len()];
    for i in 1..recs.len() {
        list[i] = if recs[i].span.start.saturating_sub(recs[i - 1].span.end) < ITEM_GAP { list[i - 1] } else { i };
    }
    // Whether `a` restates `b`: nearly all of its words (four in five) are among b's, and all
    // its numbers (items of one list may differ in an age band alone: "aged 18 to 21", "aged
    // 21 to 25"). The cheap refusals come first: b must have words enough to hold a's.
    let restates = |a: usize, b: usize| {
        let (wa, wb) = (&words[a], &words[b]);
        list[a] != list[b]
            && wa.all.len() >= 6
            && wb.all.len() * 10 >= wa.all.len() * 8
            && wa.numbers.iter().all(|n| wb.numbers.binary_search(n).is_ok())
            && wa.shared_with(wb) * 10 >= wa.all.len() * 8
    };
    let mut keep = vec![true; recs.len()];
    for i in 1..recs.len() {
        for j in 0..i {
            if !keep[j] {
                continue;
            }
            if restates(i, j) {
                keep[i] = false;
                break;
            }
            if restates(j, i) {
                keep[j] = false;
            }
        }
    }
    recs.into_iter().zip(keep).filter_map(|(r, k)| k.then_some(r)).collect()
}

/// A sentence's words in lower case, but for those that join others, and without a label
/// before it ("Recommendation 4:").
fn content_words(text: &str) -> Vec<String> {
    const JOINING: [&str; 16] = ["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "as", "that", "is"];
    let t = crate::line_shapes::after_item_mark(text);
    let t = crate::line_shapes::label_end(t).map_or(t, |end| &t[end..]);
    // What brackets hold cites or glosses ("(outcome 2, national framework)"), and many
    // items share it.
    let mut depth = 0usize;
    let unbracketed: String = t
        .chars()
        .map(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 || c == ')' { ' ' } else { c }
        })
        .collect();
    unbracketed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !JOINING.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;

    #[test]
    fn a_summary_that_restates_the_calls_adds_none() {
        let text = "Report on a visit to Northvale Ward\n\n\
             Care plans\n\n\
             Care plans were generic.\n\n\
             Recommendation 1: Managers should ensure that nursing care plans are person-centred and reviewed regularly, with evaluations that record progress.\n\n\
             Certificates\n\n\
             Recommendation 2: Managers should ensure that a regular audit of T2 and T3 certificates is carried out, so that all medication is authorised.\n\n\
             Summary of recommendations\n\n\
             1. Managers should ensure that nursing care plans are person-centred and regularly reviewed.\n\
             2. Managers should ensure that a regular audit of T2 and T3 certificates is carried out.\n\n\
             What needs to improve?\n\
             ◼ Keeping in touch with care leavers aged 18 to 21 who are closed to the service. (outcome 4, national framework)\n\
             ◼ Keeping in touch with and offering support to care leavers aged 21 to 25 who are closed to the service. (outcome 4, national framework)\n";
        let got = recs_of("t.txt", text);
        assert_eq!(
            got,
            [
                "Recommendation 1: Managers should ensure that nursing care plans are person-centred and reviewed regularly, with evaluations that record progress.",
                "Recommendation 2: Managers should ensure that a regular audit of T2 and T3 certificates is carried out, so that all medication is authorised.",
                "Keeping in touch with care leavers aged 18 to 21 who are closed to the service. (outcome 4, national framework)",
                "Keeping in touch with and offering support to care leavers aged 21 to 25 who are closed to the service. (outcome 4, national framework)",
            ]
        );
    }

    fn recs_of(path: &str, text: &str) -> Vec<String> {
        let raw = crate::ingest::read_bytes(std::path::Path::new(path), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, path, "id".into(), text.len());
        Extractor::default().extract(&doc).recommendations.into_iter().map(|r| r.text).collect()
    }
}
