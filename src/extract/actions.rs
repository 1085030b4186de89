//! Action-plan rows: a table whose columns name a priority, an action, who is responsible, a
//! RAG status and a due date. Columns are found by their headers; a status word or a date
//! standing alone in a cell is used when the headers do not say.

use super::dates::{find_dates, parse_date};
use crate::model::{Action, Document, Table};
use regex::Regex;
use std::sync::LazyLock;

static STATUS: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?i)^\W*(red|amber|green|blue)\W*$").unwrap());
/// What a status column may say in words instead of a colour. Only read in a column headed as
/// a status: standing alone elsewhere, "Open" or "Met" says nothing of progress.
static STATUS_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)^\W*(completed?|on\s+track|off\s+track|on\s+target|behind\s+schedule|delayed|at\s+risk|not\s+(yet\s+)?started|in\s+progress|ongoing|overdue|closed|achieved|not\s+achieved|partially\s+(complete|completed|achieved|met))\W*$").unwrap()
});
/// A label that says the date after it is when an action is due, written into the action's own
/// cell where a plan has no column for it ("... Responsible officer: Chief Finance Officer.
/// Agreed date: 31 March 2026", as audit action plans set out management's responses).
static DUE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(agreed|target|due|implementation|completion|revised)\s+date\s*:?\s*$|(?-u:\b)(timescale|timing|deadline|due|by)\s*:?\s*$").unwrap()
});
/// Who is to act, labelled inside a cell: "Responsible officer: Head of Strategy".
static RESPONSIBLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(responsible\s+(officer|officers|person|lead|owner)|lead\s+officer|action\s+owner)\s*:\s*(?P<who>[^.;:\n]{2,80}?)\s*(?:[.;\n]|$|(?-u:\b)(agreed|target|due|implementation|completion)\s+date(?-u:\b))").unwrap()
});
/// The first label of either kind, where a cell's action text ends.
static ANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)(?-u:\b)(responsible\s+(officer|officers|person|lead|owner)|lead\s+officer|action\s+owner|(agreed|target|due|implementation|completion|revised)\s+date)\s*:").unwrap()
});

/// The due date a cell gives after a label, if it gives one.
fn labelled_due(cell: &str) -> Option<String> {
    find_dates(cell).into_iter().find(|d| DUE_LABEL.is_match(&cell[..d.start])).map(|d| d.iso)
}

/// Who a cell names as responsible after a label.
fn labelled_responsibility(cell: &str) -> Option<String> {
    RESPONSIBLE_LABEL.captures(cell).map(|c| c["who"].trim().to_string()).filter(|w| !w.is_empty())
}

/// An item's number, alone or after a word or letter that says what it numbers ("Priority 2",
/// "R3", "Rec 4").
static PRIORITY_NO: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"^\s*(?:(?i:priority|rec(?:ommendation)?\.?)\s*|[A-Z]\.?\s?)?(\d{1,3})(?:[.)]|\s|$)").unwrap());

/// A due date a plan's column gives as a month and a two-digit year, as spreadsheets print
/// them ("Mar-26", "Sep 25").
fn month_and_short_year(cell: &str) -> Option<String> {
    static SHORT: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(r"(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s/]?(\d{2})$").unwrap());
    let c = SHORT.captures(cell.trim())?;
    let month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| c[1].eq_ignore_ascii_case(m))?;
    Some(format!("20{}-{:02}", &c[2], month + 1))
}

/// The month a quarter of a financial year ends ("Q2 2026/27": September 2026), as public
/// bodies in the UK, whose year runs from April, set their timescales.
fn quarter_of_financial_year(cell: &str) -> Option<String> {
    static QUARTER: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(r"(?i)(?-u:\b)q([1-4])\s*(?:of\s+)?(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})(?-u:\b)").unwrap());
    let c = QUARTER.captures(cell)?;
    let q: u32 = c[1].parse().ok()?;
    let start: u32 = c[2].parse().ok()?;
    let (year, month) = if q == 4 { (start + 1, 3) } else { (start, 3 + 3 * q) };
    Some(format!("{year}-{month:02}"))
}

/// A header matcher, case-insensitive; built once, as every table of every document asks.
macro_rules! header {
    ($pattern:literal) => {{
        static RE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(concat!("(?i)", $pattern)).unwrap());
        &*RE
    }};
}

fn find_col(header: &[String], re: &Regex) -> Option<usize> {
    header.iter().position(|h| re.is_match(h))
}

fn table_actions(t: &Table) -> Vec<Action> {
    let h = &t.header;
    let status_col = find_col(h, header!(r"(?-u:\b)(rag|status|colour|color|progress)(?-u:\b)"));
    let due_col = find_col(h, header!(r"(?-u:\b)(timescale|due|deadline|target date|by when|completion date|date)(?-u:\b)"));
    let priority_col = find_col(h, header!(r"(?-u:\b)(priority|recommendation|ref|no\.?|number|area for improvement)(?-u:\b)"));
    // Without a column of actions, what was recommended, or else what management answered, is
    // what is to be done (an answer may be no more than "Agreed.").
    let other_than_priority = |c: &usize| Some(*c) != priority_col;
    let action_col = find_col(h, header!(r"(?-u:\b)action"))
        .filter(other_than_priority)
        .or_else(|| find_col(h, header!(r"(?-u:\b)(recommendation|improvement\s+(needed|required))(?-u:\b)")).filter(other_than_priority))
        .or_else(|| find_col(h, header!(r"(?-u:\b)(management\s+)?response(?-u:\b)")).filter(other_than_priority));
    let resp_col = find_col(h, header!(r"(?-u:\b)(responsib\w*|lead|owner|who)(?-u:\b)"));
    // A table of indicators rated red, amber or green ("Indicator | Target | Current | RAG")
    // reports performance: with no action, lead or date, it plans nothing.
    let measures =
        find_col(h, header!(r"(?-u:\b)(indicators?|measures?|metrics?|kpis?|targets?|current|trend|baseline|actual|performance)(?-u:\b)"));
    if measures.is_some() && action_col.is_none() && resp_col.is_none() && due_col.is_none() {
        return Vec::new();
    }
    let labelled = |r: &Vec<String>| action_col.and_then(|c| r.get(c)).is_some_and(|a| labelled_due(a).is_some());
    let looks_like_plan = status_col.is_some()
        || due_col.is_some()
        || t.rows.iter().any(|r| r.iter().any(|c| STATUS.is_match(c)))
        || t.rows.iter().any(labelled);
    if !looks_like_plan {
        return Vec::new();
    }
    let cell = |r: &Vec<String>, c: Option<usize>| c.and_then(|c| r.get(c)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for r in &t.rows {
        // A timescale column may say that the action is done ("Complete") instead of a date.
        let status = cell(r, status_col)
            .filter(|s| STATUS.is_match(s) || STATUS_PHRASE.is_match(s))
            .or_else(|| cell(r, due_col).filter(|s| STATUS_PHRASE.is_match(s)))
            .or_else(|| r.iter().rev().find(|c| STATUS.is_match(c)).cloned())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ").trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase());
        let action_cell = cell(r, action_col);
        let due = cell(r, due_col)
            .and_then(|s| parse_date(&s).or_else(|| month_and_short_year(&s)).or_else(|| quarter_of_financial_year(&s)))
            .or_else(|| action_cell.as_deref().and_then(labelled_due));
        let first = cell(r, priority_col).or_else(|| cell(r, Some(0)));
        // The number may lead the first column when a recommendation column holds the text.
        let number = |c: Option<String>| c.as_deref().and_then(|p| PRIORITY_NO.captures(p)).map(|c| c[1].to_string());
        let priority = number(first.clone()).or_else(|| number(cell(r, Some(0))));
        let responsibility = cell(r, resp_col).or_else(|| action_cell.as_deref().and_then(labelled_responsibility));
        // A row with none of these goes on the one before it (a cell cut over two rows); one
        // with someone to lead it is an action of its own, whatever its timescale says
        // ("Phased, 2026-2028").
        let starts_afresh = action_cell.as_deref().is_some_and(|a| a.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        if priority.is_none() && status.is_none() && due.is_none() && (responsibility.is_none() || !starts_afresh) {
            continue;
        }
        let action = match action_cell {
            // What management agreed to do, without the labels that follow it.
            Some(a) => ANY_LABEL.find(&a).map_or(a.clone(), |m| a[..m.start()].trim_end().to_string()),
            None => first.clone().unwrap_or_default(),
        };
        out.push(Action { priority, action, responsibility, status, due });
    }
    out
}

pub fn extract(doc: &Document) -> Vec<Action> {
    doc.tables.iter().flat_map(table_actions).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_an_action_plan() {
        let t = Table {
            header: vec!["Priority".into(), "Action".into(), "Lead".into(), "Timescale".into(), "RAG".into()],
            rows: vec![
                vec![
                    "1. Improve data".into(),
                    "Build a framework".into(),
                    "Chief Finance Officer".into(),
                    "31 March 2021".into(),
                    "GREEN".into(),
                ],
                vec!["".into(), "Report yearly".into(), "".into(), "".into(), "".into()],
                vec!["2. Plan better".into(), "Write a plan".into(), "".into(), "30/12/2020".into(), "Amber".into()],
            ],
        };
        let a = table_actions(&t);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].priority.as_deref(), Some("1"));
        assert_eq!(a[0].status.as_deref(), Some("green"));
        assert_eq!(a[0].due.as_deref(), Some("2021-03-31"));
        assert_eq!(a[0].responsibility.as_deref(), Some("Chief Finance Officer"));
        assert_eq!(a[1].due.as_deref(), Some("2020-12-30"));
        assert_eq!(a[1].status.as_deref(), Some("amber"));
    }

    #[test]
    fn a_progress_column_refs_and_short_dates_as_spreadsheets_print_them() {
        let t = Table {
            header: vec!["Ref".into(), "Recommendation".into(), "Action".into(), "Timescale".into(), "Progress".into()],
            rows: vec![
                vec!["R1".into(), "Review the plan.".into(), "Review".into(), "Mar-26".into(), "Complete".into()],
                vec!["Rec 2".into(), "Support carers.".into(), "New service".into(), "Sep 25".into(), "Not yet started".into()],
                vec!["Priority 3".into(), "Plan staffing.".into(), "Draft plan".into(), "Spring".into(), "See note".into()],
            ],
        };
        let got: Vec<(Option<String>, Option<String>, Option<String>)> =
            table_actions(&t).into_iter().map(|a| (a.priority, a.status, a.due)).collect();
        assert_eq!(
            got,
            [
                (Some("1".into()), Some("complete".into()), Some("2026-03".into())),
                (Some("2".into()), Some("not yet started".into()), Some("2025-09".into())),
                (Some("3".into()), None, None),
            ]
        );
    }

    #[test]
    fn quarters_of_a_financial_year_and_rows_with_a_lead_only() {
        let t = Table {
            header: vec!["Recommendation".into(), "Our response".into(), "Lead officer".into(), "Timescale".into()],
            rows: vec![
                vec!["Plans.".into(), "New template".into(), "Head of Service".into(), "Q1 2026/27".into()],
                vec!["Homes.".into(), "Open two homes".into(), "Assistant Director".into(), "Phased, 2026-2028".into()],
                vec!["Health.".into(), "Protocol".into(), "Designated Nurse".into(), "Q4 2025-26".into()],
                vec!["".into(), "and weekly escalation".into(), "".into(), "".into()],
                vec!["".into(), "with the health trust".into(), "Designated Nurse".into(), "".into()],
            ],
        };
        let got: Vec<(String, Option<String>)> = table_actions(&t).into_iter().map(|a| (a.action, a.due)).collect();
        assert_eq!(
            got,
            [
                ("New template".to_string(), Some("2026-06".to_string())),
                ("Open two homes".to_string(), None),
                ("Protocol".to_string(), Some("2026-03".to_string())),
            ]
        );
    }

    #[test]
    fn a_status_column_may_say_its_status_in_words() {
        let t = Table {
            header: vec!["Recommendation".into(), "Action".into(), "Due date".into(), "Status".into(), "Notes".into()],
            rows: vec![
                vec!["1. Planning".into(), "Refresh the plan".into(), "March 2026".into(), "On  track".into(), "".into()],
                vec!["2. Waiting".into(), "Review the pathway".into(), "December 2025".into(), "Complete".into(), "".into()],
                vec!["3. Carers".into(), "Offer plans".into(), "June 2026".into(), "See note".into(), "Open".into()],
            ],
        };
        let status: Vec<Option<String>> = table_actions(&t).into_iter().map(|a| a.status).collect();
        assert_eq!(status, [Some("on track".into()), Some("complete".into()), None]);
    }

    #[test]
    fn an_audit_action_plan_gives_its_dates_and_officers_inside_the_action_cell() {
        let t = Table {
            header: vec!["Issue/risk".into(), "Recommendation".into(), "Agreed management action/timing".into()],
            rows: vec![
                vec![
                    "1. Financial sustainability. No reserves are left.".into(),
                    "The board should develop a medium-term financial plan.".into(),
                    "A revised plan will be presented in March. Responsible officer: Chief Finance Officer. Agreed date: 31 March 2026"
                        .into(),
                ],
                vec![
                    "2. Reporting".into(),
                    "Reports should link spending to outcomes.".into(),
                    "The framework will be refreshed. Responsible officer: Head of Strategy Agreed date: 30 June 2026".into(),
                ],
            ],
        };
        let a = table_actions(&t);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].priority.as_deref(), Some("1"));
        assert_eq!(a[0].due.as_deref(), Some("2026-03-31"));
        assert_eq!(a[0].responsibility.as_deref(), Some("Chief Finance Officer"));
        assert_eq!(a[0].action, "A revised plan will be presented in March.");
        assert_eq!(a[1].due.as_deref(), Some("2026-06-30"));
        assert_eq!(a[1].responsibility.as_deref(), Some("Head of Strategy"));
        // A date in the text that no label names is not when the action is due.
        let t = Table {
            header: vec!["Recommendation".into(), "Management action".into()],
            rows: vec![vec!["1. Plan".into(), "Agreed at the meeting of 3 May 2025.".into()]],
        };
        assert!(table_actions(&t).is_empty());
    }

    #[test]
    fn without_an_action_column_the_recommendation_is_the_action() {
        let t = Table {
            header: ["No.", "Finding", "Recommendation", "Priority", "Management response", "Responsible officer", "Target date"]
                .map(String::from)
                .to_vec(),
            rows: vec![
                ["1", "The plan is out of date.", "Update the plan.", "High", "Agreed.", "Chief Finance Officer", "30 September 2025"]
                    .map(String::from)
                    .to_vec(),
            ],
        };
        let a = table_actions(&t);
        assert_eq!((a[0].priority.as_deref(), a[0].action.as_str()), (Some("1"), "Update the plan."));
        assert_eq!(a[0].due.as_deref(), Some("2025-09-30"));
    }

    #[test]
    fn a_timescale_may_say_the_action_is_done() {
        let t = Table {
            header: ["Improvement needed", "Service action", "Responsible officer", "Timescale"].map(String::from).to_vec(),
            rows: vec![["Check fridges daily.", "Checks added to the huddle.", "Ward Manager", "Complete"].map(String::from).to_vec()],
        };
        let a = table_actions(&t);
        assert_eq!((a[0].action.as_str(), a[0].status.as_deref()), ("Checks added to the huddle.", Some("complete")));
    }

    #[test]
    fn a_table_of_indicators_rated_by_colour_is_not_a_plan() {
        let t = Table {
            header: ["Indicator", "Target", "Current", "Trend", "RAG"].map(String::from).to_vec(),
            rows: vec![["Delayed discharges", "60", "88", "Worse", "Red"].map(String::from).to_vec()],
        };
        assert!(table_actions(&t).is_empty());
    }

    #[test]
    fn a_table_without_status_or_dates_is_not_a_plan() {
        let t = Table { header: vec!["Name".into(), "Role".into()], rows: vec![vec!["A Person".into(), "Chief Officer".into()]] };
        assert!(table_actions(&t).is_empty());
    }
}
