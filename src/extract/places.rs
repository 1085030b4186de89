use crate::model::{DocType, Document};
pub fn regulators_of(_doc: &Document) -> Vec<String> {
    vec![]
}
pub fn areas_of(_doc: &Document, _t: DocType) -> Vec<String> {
    vec![]
}
