use crate::model::{Document, Rating};
pub fn extract(_doc: &Document) -> Vec<Rating> {
    vec![]
}
