//! The document model every stage shares: what a reader makes of a file (blocks), what the
//! segmenter adds (sentences), and the extraction record that is printed and indexed.
//!
//! Spans are byte offsets into [`Document::text`], the cleaned text of the document: blocks are
//! laid end to end in it, separated by a blank line, so a span always slices valid UTF-8.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A half-open byte range into a document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// One unit of layout as a reader found it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Heading level (1 is the top); 0 for other blocks.
    pub level: u8,
    pub span: Span,
    /// For a list item: the block that introduces the list ("X should:").
    pub lead_in: Option<usize>,
    /// The nearest heading above this block.
    pub heading: Option<usize>,
    /// For a table cell: which table, row and column, and the column's header text.
    pub table: Option<CellRef>,
    /// The page the block starts on, for paged formats (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CellRef {
    pub table: usize,
    pub row: usize,
    pub col: usize,
    pub header: Option<String>,
}

/// A table as rows of cleaned cell texts, kept whole for action-plan extraction.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
}

/// Metadata a file states outright (a record file's title, date, area and addressee; a web
/// page's publisher), which extraction takes as given rather than guessing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenMeta {
    pub title: Option<String>,
    /// ISO date (YYYY-MM-DD) when the field could be read as a date, otherwise as written.
    pub date: Option<String>,
    pub area: Option<String>,
    pub addressee: Option<String>,
    /// Who published the document, where only its page says so: the site's name after a web
    /// page's main heading in its title ("... | Care Inspectorate").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

/// A read and segmented document.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub path: String,
    pub format: String,
    pub title: Option<String>,
    pub text: String,
    pub blocks: Vec<Block>,
    pub tables: Vec<Table>,
    pub sentences: Vec<Sentence>,
    pub warnings: Vec<String>,
    /// Metadata stated by a record file, when the document came from one.
    pub given: Option<GivenMeta>,
    /// Blake3 hash of the raw bytes, hex.
    pub id: String,
    pub bytes: usize,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
    pub fn block_text(&self, block: usize) -> &str {
        self.slice(self.blocks[block].span)
    }
    pub fn sentence_text(&self, sentence: usize) -> &str {
        self.slice(self.sentences[sentence].span)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    PressRelease,
    InspectionReport,
    AuditReport,
    CommitteeReport,
    Other,
}

impl DocType {
    pub fn as_str(&self) -> &'static str {
        match self {
            DocType::PressRelease => "press_release",
            DocType::InspectionReport => "inspection_report",
            DocType::AuditReport => "audit_report",
            DocType::CommitteeReport => "committee_report",
            DocType::Other => "other",
        }
    }
    pub const ALL: [DocType; 5] =
        [DocType::PressRelease, DocType::InspectionReport, DocType::AuditReport, DocType::CommitteeReport, DocType::Other];
    pub fn parse(s: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Local,
    National,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Strength,
    Weakness,
    Neutral,
}

impl Polarity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Polarity::Strength => "strength",
            Polarity::Weakness => "weakness",
            Polarity::Neutral => "neutral",
        }
    }
}

/// Why a sentence was tagged with a theme: the phrase that matched and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeHit {
    pub theme: String,
    pub phrase: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    /// The page it is on, for paged formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub text: String,
    pub polarity: Polarity,
    pub themes: Vec<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recommendation {
    /// The page it is on, for paged formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub text: String,
    /// Who is called on to act, as written ("The Scottish Government and COSLA"); None when
    /// the text names no one.
    pub actor: Option<String>,
    pub themes: Vec<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Action {
    pub priority: Option<String>,
    pub action: String,
    pub responsibility: Option<String>,
    /// red, amber, green or blue.
    pub status: Option<String>,
    /// ISO date.
    pub due: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rating {
    pub aspect: String,
    pub grade: String,
}

/// The extraction record of one document: what `extract` prints and `ingest` stores.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub path: String,
    pub id: String,
    pub format: String,
    pub title: Option<String>,
    pub doc_type: DocType,
    pub scope: Scope,
    pub regulators: Vec<String>,
    pub areas: Vec<String>,
    pub date: Option<String>,
    /// Theme id to the number of sentences tagged with it.
    pub themes: BTreeMap<String, usize>,
    /// Every theme match, so a reader can see why a theme was given.
    pub theme_hits: Vec<ThemeHit>,
    pub findings: Vec<Finding>,
    pub recommendations: Vec<Recommendation>,
    pub actions: Vec<Action>,
    pub quotes: Vec<Quote>,
    pub ratings: Vec<Rating>,
    pub warnings: Vec<String>,
    pub bytes: usize,
    pub sentences: usize,
}

impl Record {
    /// The year of the document's date, when it has one.
    pub fn year(&self) -> Option<i32> {
        self.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok())
    }
}
