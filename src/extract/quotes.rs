use crate::model::{Document, Quote};
pub fn extract(_doc: &Document) -> Vec<Quote> {
    vec![]
}
