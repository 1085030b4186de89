use crate::model::{Document, Recommendation, ThemeHit};
pub fn extract(_doc: &Document, _t: &[Vec<ThemeHit>]) -> Vec<Recommendation> {
    vec![]
}
