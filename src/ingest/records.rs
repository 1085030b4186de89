//! Record files: `.json` (one object, an array of objects, or an object holding such an
//! array), `.jsonl` (one object a line) and `.csv` (a header row, then one record a row).
//! Each record is one document. Fields that name the record (title, date, area, addressee)
//! are taken as given metadata; the remaining long text fields, in order, are its body: each a
//! heading (the field name made readable) followed by its paragraphs.

use super::RawBlock;
use super::RawDoc;
use crate::model::BlockKind;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::path::Path;

pub use crate::model::GivenMeta;

/// One record of a record file, read as a document.
#[derive(Debug, Clone)]
pub struct RecordDoc {
    pub raw: RawDoc,
    /// Tells this record apart from the others in its file: its id field, or its number.
    pub id_suffix: String,
    pub given: GivenMeta,
}

const TITLE_KEYS: &[&str] = &["title", "name", "ref", "reference", "subject", "heading"];
const DATE_KEYS: &[&str] = &["date", "date_of_report", "report_date", "published", "publication_date", "date_published"];
const AREA_KEYS: &[&str] = &["area", "coroner_area", "location", "local_authority", "region", "council"];
const ADDRESSEE_KEYS: &[&str] = &["receiver", "receivers", "addressee", "addressees", "sent_to", "recipient", "recipients"];
const ID_KEYS: &[&str] = &["id", "ref", "reference", "report_id", "urn"];
/// Fields that are never body text.
const SKIP_KEYS: &[&str] = &["url", "link", "href", "source", "path", "file"];
/// Shorter text fields are metadata, not body.
pub const MIN_BODY_CHARS: usize = 80;

/// A JSON value whose objects keep their keys in file order (body sections are read in the
/// order the record gives them).
#[derive(Debug, Clone)]
enum OJson {
    Obj(Vec<(String, OJson)>),
    Arr(Vec<OJson>),
    Leaf(Value),
}

/// A record: its fields in order.
type Fields = Vec<(String, OJson)>;

impl<'de> Deserialize<'de> for OJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OJson;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<OJson, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, OJson>()? {
                    out.push((k, v));
                }
                Ok(OJson::Obj(out))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<OJson, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = s.next_element::<OJson>()? {
                    out.push(v);
                }
                Ok(OJson::Arr(out))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::String(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::String(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::Bool(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::from(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<OJson, E> {
                Ok(OJson::Leaf(Value::Null))
            }
        }
        d.deserialize_any(V)
    }
}

/// The record kinds, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    Json,
    Jsonl,
    Csv,
}

impl RecordFormat {
    pub fn from_path(path: &Path) -> Option<RecordFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(RecordFormat::Json),
            "jsonl" | "ndjson" => Some(RecordFormat::Jsonl),
            "csv" => Some(RecordFormat::Csv),
            _ => None,
        }
    }
}

/// Read every record of a record file (`.json`, `.jsonl`, `.csv`), one document each.
pub fn read_records(path: &Path, bytes: &[u8]) -> Result<Vec<RecordDoc>, String> {
    let format = RecordFormat::from_path(path).ok_or("not a record file (.json, .jsonl, .csv)")?;
    let decoded = super::decode::decode(bytes)?;
    let mut recs = parse_records(format, &decoded.text)?;
    if let Some(w) = decoded.warning {
        for r in &mut recs {
            r.raw.warnings.insert(0, w.clone());
        }
    }
    Ok(recs)
}

/// Parse every record of a record file's text.
pub fn parse_records(format: RecordFormat, text: &str) -> Result<Vec<RecordDoc>, String> {
    let objects = match format {
        RecordFormat::Json => json_objects(text)?,
        RecordFormat::Jsonl => jsonl_objects(text)?,
        RecordFormat::Csv => csv_objects(text)?,
    };
    if objects.is_empty() {
        return Err("no records found".into());
    }
    let docs: Vec<RecordDoc> = objects.iter().enumerate().map(|(i, o)| record_doc(o, i)).collect();
    Ok(docs)
}

fn json_objects(text: &str) -> Result<Vec<Fields>, String> {
    let v: OJson = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    match v {
        OJson::Arr(items) => objects_of(items),
        OJson::Obj(map) => {
            // An object that only wraps a list of records ({"reports": [...]}).
            let has_body = map.iter().any(|(_, v)| text_of(v).is_some_and(|t| t.chars().count() >= MIN_BODY_CHARS));
            let list = map.iter().find_map(|(_, v)| match v {
                OJson::Arr(items) if !items.is_empty() && items.iter().all(|i| matches!(i, OJson::Obj(_))) => Some(items.clone()),
                _ => None,
            });
            match list {
                Some(items) if !has_body => objects_of(items),
                _ => Ok(vec![map]),
            }
        }
        OJson::Leaf(_) => Err("JSON is neither an object nor an array of objects".into()),
    }
}

fn objects_of(items: Vec<OJson>) -> Result<Vec<Fields>, String> {
    let n = items.len();
    let objects: Vec<Fields> = items
        .into_iter()
        .filter_map(|v| match v {
            OJson::Obj(m) => Some(m),
            _ => None,
        })
        .collect();
    if objects.is_empty() && n > 0 {
        return Err("JSON array holds no objects".into());
    }
    Ok(objects)
}

fn jsonl_objects(text: &str) -> Result<Vec<Fields>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match serde_json::from_str::<OJson>(t) {
            Ok(OJson::Obj(m)) => out.push(m),
            Ok(_) => return Err(format!("line {} is not a JSON object", i + 1)),
            Err(e) => return Err(format!("invalid JSON on line {}: {e}", i + 1)),
        }
    }
    Ok(out)
}

fn csv_objects(text: &str) -> Result<Vec<Fields>, String> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        rdr.headers().map_err(|e| format!("invalid CSV header: {e}"))?.iter().map(|h| h.trim().to_string()).collect();
    let mut out = Vec::new();
    for (i, row) in rdr.records().enumerate() {
        let row = row.map_err(|e| format!("invalid CSV row {}: {e}", i + 2))?;
        let m: Fields = headers
            .iter()
            .zip(row.iter())
            .filter(|(h, _)| !h.is_empty())
            .map(|(h, v)| (h.clone(), OJson::Leaf(Value::String(v.to_string()))))
            .collect();
        if m.iter().any(|(_, v)| text_of(v).is_some_and(|t| !t.trim().is_empty())) {
            out.push(m);
        }
    }
    Ok(out)
}

/// A field's value as text: strings, numbers, and lists of strings (joined by "; ").
fn text_of(v: &OJson) -> Option<String> {
    match v {
        OJson::Leaf(Value::String(s)) => Some(s.clone()),
        OJson::Leaf(Value::Number(n)) => Some(n.to_string()),
        OJson::Arr(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    OJson::Leaf(Value::String(s)) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    }
}

/// A field that is never body text: one of [`SKIP_KEYS`], or named for one ("source_path",
/// "report_url").
fn is_skipped_key(key: &str) -> bool {
    SKIP_KEYS.iter().any(|skip| key == *skip || key.strip_suffix(skip).is_some_and(|head| head.ends_with('_')))
}

fn norm_key(k: &str) -> String {
    k.trim().to_ascii_lowercase().replace([' ', '-'], "_")
}

fn find_field(map: &Fields, keys: &[&str]) -> Option<(String, String)> {
    keys.iter().find_map(|want| {
        map.iter().find(|(k, _)| norm_key(k) == *want).and_then(|(k, v)| {
            let t = text_of(v)?;
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty()).then(|| (k.clone(), t))
        })
    })
}

/// "investigation_and_inquest" → "Investigation and inquest".
pub fn humanise(key: &str) -> String {
    let words: String = key.replace(['_', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    // camelCase to words.
    let mut out = String::new();
    let mut prev_lower = false;
    for c in words.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.extend(c.to_lowercase());
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A date as ISO: "2019-04-15", "2019-04-15T10:00:00Z", "15/04/2019", "15 April 2019",
/// "15th April 2019"; None when it is none of these.
pub fn iso_date(s: &str) -> Option<String> {
    let t = s.trim();
    let valid = |y: i32, m: u32, d: u32| (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (t[..4].parse().ok()?, t[5..7].parse().ok()?, t[8..10].parse().ok()?);
        return valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())) {
        let (d, m, y): (u32, u32, i32) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
        let y = if y < 100 { 2000 + y } else { y };
        return valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    let words: Vec<String> = t.replace(',', " ").split_whitespace().map(|w| w.to_ascii_lowercase()).collect();
    if words.len() == 3 {
        let d: u32 = words[0].trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
        let m = MONTHS.iter().position(|mo| words[1].starts_with(mo))? as u32 + 1;
        let y: i32 = words[2].parse().ok()?;
        return valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    None
}

/// Fields that hold the record's web address, whose last part often names it.
const URL_KEYS: &[&str] = &["url", "link", "href", "web_url", "page_url"];

/// A title from the last part of a web address when it is a slug of words
/// (".../prevention-of-future-death-reports/jane-smith/" gives "Jane Smith"), for records
/// that carry no title field: better than the first field's name as what a result is called.
fn title_from_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?.trim_end_matches('/');
    let (_, last) = path.rsplit_once('/')?;
    let stem =
        last.rsplit_once('.').filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphabetic())).map_or(last, |(s, _)| s);
    let words: Vec<&str> = stem.split(['-', '_', '+']).filter(|w| !w.is_empty()).collect();
    let wordy = words.iter().filter(|w| w.chars().all(|c| c.is_alphabetic())).count();
    if words.len() < 2 || wordy * 2 < words.len() || stem.contains('%') {
        return None;
    }
    let title = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(title)
}

fn record_doc(map: &Fields, index: usize) -> RecordDoc {
    let title = find_field(map, TITLE_KEYS).or_else(|| {
        let (key, url) = find_field(map, URL_KEYS)?;
        Some((key, title_from_url(&url)?))
    });
    let date = find_field(map, DATE_KEYS);
    let area = find_field(map, AREA_KEYS);
    // "receiver_first_line": a part of the addressee is still the addressee, where a date of
    // something else ("date_of_death") is not the report's date.
    let addressee = find_field(map, ADDRESSEE_KEYS).or_else(|| {
        let named = |k: &str| ADDRESSEE_KEYS.iter().any(|a| k.strip_prefix(a).is_some_and(|rest| rest.starts_with('_')));
        let key = map.iter().map(|(k, _)| norm_key(k)).find(|k| named(k))?;
        find_field(map, &[key.as_str()])
    });
    let id = find_field(map, ID_KEYS);
    let used: Vec<&str> = [&title, &date, &area, &addressee].iter().filter_map(|f| f.as_ref().map(|(k, _)| k.as_str())).collect();
    let given = GivenMeta {
        title: title.as_ref().map(|(_, v)| v.clone()),
        date: date.as_ref().map(|(_, v)| iso_date(v).unwrap_or_else(|| v.clone())),
        area: area.as_ref().map(|(_, v)| v.clone()),
        addressee: addressee.as_ref().map(|(_, v)| v.clone()),
        publisher: None,
    };
    let mut raw = RawDoc { title: given.title.clone(), ..RawDoc::default() };
    for (key, value) in map {
        if used.contains(&key.as_str()) || key.starts_with('_') || is_skipped_key(&norm_key(key)) {
            continue;
        }
        let Some(text) = text_of(value) else { continue };
        if text.trim().chars().count() < MIN_BODY_CHARS || text.trim_start().starts_with("http") {
            continue;
        }
        raw.blocks.push(RawBlock::heading(2, humanise(key)));
        let body = super::text::read(&text);
        raw.blocks.extend(body.blocks.into_iter().filter(|b| b.kind != BlockKind::TableCell));
    }
    // A record without body text is not a document (an index row, say): it reads as empty.
    if !raw.blocks.is_empty()
        && let Some(t) = &given.title
    {
        raw.blocks.insert(0, RawBlock::heading(1, t.clone()));
    }
    let id_suffix = id.map(|(_, v)| v).unwrap_or_else(|| format!("{}", index + 1));
    raw.given = Some(given.clone());
    RecordDoc { raw, id_suffix, given }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_to_iso() {
        assert_eq!(iso_date("2019-04-15").as_deref(), Some("2019-04-15"));
        assert_eq!(iso_date("15/04/2019").as_deref(), Some("2019-04-15"));
        assert_eq!(iso_date("15th April 2019").as_deref(), Some("2019-04-15"));
        assert_eq!(iso_date("soon"), None);
    }

    #[test]
    fn pfd_like_record() {
        let long = "The coroner found that staff did not escalate concerns. ".repeat(3);
        let json = format!(
            r#"{{"id":"2019-0003","date":"2019-04-15","coroner":"A N Other","area":"North West Kent","receiver":"Oxleas NHS Foundation Trust","url":"https://example.org/x","concerns":"{long}","_source":{{"a":1}}}}"#
        );
        let recs = parse_records(RecordFormat::Json, &json).unwrap();
        assert_eq!(recs.len(), 1);
        let r = &recs[0];
        assert_eq!(r.id_suffix, "2019-0003");
        assert_eq!(r.given.date.as_deref(), Some("2019-04-15"));
        assert_eq!(r.given.area.as_deref(), Some("North West Kent"));
        assert_eq!(r.given.addressee.as_deref(), Some("Oxleas NHS Foundation Trust"));
        assert_eq!(r.raw.blocks[0].text, "Concerns");
        assert_eq!(r.raw.blocks[0].kind, BlockKind::Heading);
        assert_eq!(r.raw.blocks.len(), 2);
    }

    #[test]
    fn a_record_without_a_title_is_named_by_its_web_address() {
        let long = "The coroner found that staff did not escalate concerns. ".repeat(3);
        let json = format!(r#"{{"id":"7","url":"https://example.org/reports/jane-q-smith/","concerns":"{long}"}}"#);
        let r = &parse_records(RecordFormat::Json, &json).unwrap()[0];
        assert_eq!(r.given.title.as_deref(), Some("Jane Q Smith"));
        assert_eq!(r.raw.blocks[0].text, "Jane Q Smith");
        assert_eq!(title_from_url("https://example.org/docs/annual-report-2024.pdf").as_deref(), Some("Annual Report 2024"));
        // Not a slug of words: an id, a single word, an encoded name.
        assert_eq!(title_from_url("https://example.org/r/2019-0003"), None);
        assert_eq!(title_from_url("https://example.org/r/report"), None);
        assert_eq!(title_from_url("https://example.org/r/a%20b-c"), None);
    }

    #[test]
    fn csv_and_jsonl_give_one_record_a_row() {
        let body = "x".repeat(90);
        let csv = format!("title,date,summary\nOne,2020-01-02,{body}\nTwo,03/04/2021,{body}\n");
        let recs = parse_records(RecordFormat::Csv, &csv).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].given.date.as_deref(), Some("2021-04-03"));
        assert_eq!(recs[1].id_suffix, "2");
        let jsonl = format!("{{\"name\":\"A\",\"text\":\"{body}\"}}\n\n{{\"name\":\"B\",\"text\":\"{body}\"}}\n");
        assert_eq!(parse_records(RecordFormat::Jsonl, &jsonl).unwrap().len(), 2);
    }

    #[test]
    fn an_index_row_of_paths_has_no_body() {
        let long_path = format!("exports/reports/{}/inspection report - 05 may 2023.pdf", "northshire".repeat(6));
        let csv = format!(
            "file,local_authority,source_path,report_url
northshire.txt,Northshire,{long_path},https://example.org/{long_path}
"
        );
        let recs = parse_records(RecordFormat::Csv, &csv).unwrap();
        assert!(recs.iter().all(|r| r.raw.blocks.is_empty()), "{:?}", recs.iter().map(|r| &r.raw.blocks).collect::<Vec<_>>());
        let addressee = "The Chief Executive, Northshire Hospitals NHS Foundation Trust, and the Director of Public Health";
        let csv = format!("id,date,receiver_first_line\n1,2024-01-02,\"{addressee}\"\n");
        let recs = parse_records(RecordFormat::Csv, &csv).unwrap();
        assert_eq!(recs[0].given.addressee.as_deref(), Some(addressee));
        assert!(recs[0].raw.blocks.is_empty());
    }
}
