use crate::model::{DocType, Document, Finding, Recommendation, ThemeHit};
pub fn extract(_doc: &Document, _d: DocType, _t: &[Vec<ThemeHit>], _r: &[Recommendation]) -> Vec<Finding> {
    vec![]
}
