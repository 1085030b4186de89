use crate::model::{Action, Document};
pub fn extract(_doc: &Document) -> Vec<Action> {
    vec![]
}
