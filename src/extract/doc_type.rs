use crate::model::{DocType, Document};
pub fn classify(_doc: &Document) -> DocType {
    DocType::Other
}
