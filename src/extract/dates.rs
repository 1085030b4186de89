use crate::model::{DocType, Document};
pub fn document_date(_doc: &Document, _t: DocType) -> Option<String> {
    None
}
