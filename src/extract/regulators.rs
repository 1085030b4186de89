//! Placeholder: regulators and their aliases.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegulatorMatch {
    pub name: &'static str,
    pub start: usize,
    pub end: usize,
}

pub fn find_all(_text: &str) -> Vec<RegulatorMatch> {
    Vec::new()
}

pub fn canonical(_name: &str) -> Option<&'static str> {
    None
}
