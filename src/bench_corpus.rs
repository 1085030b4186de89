//! Benchmark corpora: a folder of documents of a chosen size, made from real reports.
//!
//! Measuring ingest on a handful of files says little about a national corpus, and copying a
//! file many times measures nothing (an incremental ingest skips identical content). So each
//! copy of a source report has its paragraphs reordered and a reference line of its own, which
//! gives every file a distinct hash while keeping the language, sentence lengths and structure
//! of real reports. Copies come in the mix of formats real corpora have: mostly plain text,
//! some HTML pages wrapped in site boilerplate, some Markdown.
//!
//! The builder is deterministic (same sources, size and seed give the same bytes), and a
//! finished corpus records what it was built from, so benchmarks and scale tests reuse it.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Copies are spread over sub-folders of this many files, as large archives are.
const FILES_PER_FOLDER: usize = 500;
/// Hidden, so ingesting the corpus does not read it. Written last, so a corpus interrupted while being built is rebuilt rather than reused.
const MANIFEST: &str = ".corpus-manifest.json";

/// What to build.
#[derive(Debug, Clone)]
pub struct CorpusSpec {
    /// Folders (or files) holding the source reports; only plain text and Markdown are used.
    pub sources: Vec<PathBuf>,
    /// Stop once the corpus holds at least this many bytes.
    pub target_bytes: u64,
    /// Varies the reordering, so two corpora of one size can differ.
    pub seed: u64,
}

/// What was built.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BuiltCorpus {
    pub dir: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Files and bytes per format ("txt", "html", "md").
    pub by_format: BTreeMap<String, (usize, u64)>,
    /// Source reports the copies were made from.
    pub sources: usize,
    /// Fingerprint of the spec, so a corpus built from other sources or sizes is not reused.
    pub spec_key: String,
}

/// The shared corpus of real reports when it is beside the project, else the bundled samples.
pub fn default_sources(project_root: &Path) -> Vec<PathBuf> {
    let shared = project_root.join("../shared/corpus");
    if shared.is_dir() { vec![shared] } else { vec![project_root.join("corpus")] }
}

/// Build the corpus into `dir`, or reuse the one already there if it was built from the same
/// spec. Anything else in `dir` is replaced.
pub fn build_or_reuse(spec: &CorpusSpec, dir: &Path) -> io::Result<BuiltCorpus> {
    let sources = load_sources(&spec.sources)?;
    if sources.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("no .txt or .md reports to build a corpus from in {}", display_list(&spec.sources)),
        ));
    }
    let key = spec_key(spec, &sources);
    if let Ok(text) = fs::read_to_string(dir.join(MANIFEST))
        && let Ok(built) = serde_json::from_str::<BuiltCorpus>(&text)
        && built.spec_key == key
    {
        return Ok(BuiltCorpus { dir: dir.to_path_buf(), ..built });
    }
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    let mut rng = SplitMix(spec.seed ^ 0x5eed_c0de);
    let mut built =
        BuiltCorpus { dir: dir.to_path_buf(), files: 0, bytes: 0, by_format: BTreeMap::new(), sources: sources.len(), spec_key: key };
    let mut copy = 0usize;
    while built.bytes < spec.target_bytes {
        let source = &sources[copy % sources.len()];
        let format = pick_format(&mut rng);
        let body = render(source, copy, format, &mut rng);
        let folder = dir.join(format!("part-{:04}", copy / FILES_PER_FOLDER));
        if copy.is_multiple_of(FILES_PER_FOLDER) {
            fs::create_dir_all(&folder)?;
        }
        let path = folder.join(format!("{}-{copy:07}.{}", source.stem, format.ext()));
        fs::File::create(&path)?.write_all(body.as_bytes())?;
        let entry = built.by_format.entry(format.ext().to_string()).or_default();
        entry.0 += 1;
        entry.1 += body.len() as u64;
        built.files += 1;
        built.bytes += body.len() as u64;
        copy += 1;
    }
    fs::write(dir.join(MANIFEST), serde_json::to_string_pretty(&built)?)?;
    Ok(built)
}

fn display_list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

struct Source {
    stem: String,
    /// The first paragraph (the title block) stays first: readers take titles and dates from it.
    head: String,
    paragraphs: Vec<String>,
    bytes: usize,
}

fn load_sources(roots: &[PathBuf]) -> io::Result<Vec<Source>> {
    let (files, _) = crate::ingest::discover(roots);
    let mut out = Vec::new();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if ext != "txt" && ext != "md" {
            continue;
        }
        let Ok(bytes) = fs::read(&path) else { continue };
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let mut paragraphs: Vec<String> =
            text.split("\n\n").map(|p| p.trim_matches('\n').to_string()).filter(|p| !p.trim().is_empty()).collect();
        if paragraphs.len() < 2 {
            continue;
        }
        let head = paragraphs.remove(0);
        let stem: String = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("doc")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(40)
            .collect();
        out.push(Source { stem, head, paragraphs, bytes: bytes.len() });
    }
    // Discovery order is the file system's; sort so the corpus does not depend on it.
    out.sort_by(|a, b| a.stem.cmp(&b.stem).then(a.bytes.cmp(&b.bytes)));
    Ok(out)
}

fn spec_key(spec: &CorpusSpec, sources: &[Source]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(&spec.target_bytes.to_le_bytes());
    h.update(&spec.seed.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    for s in sources {
        h.update(s.stem.as_bytes());
        h.update(&(s.bytes as u64).to_le_bytes());
    }
    h.finalize().to_hex()[..16].to_string()
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Html,
    Markdown,
}

impl Kind {
    fn ext(self) -> &'static str {
        match self {
            Kind::Text => "txt",
            Kind::Html => "html",
            Kind::Markdown => "md",
        }
    }
}

/// Roughly 70% text, 20% HTML, 10% Markdown.
fn pick_format(rng: &mut SplitMix) -> Kind {
    match rng.below(10) {
        0 => Kind::Markdown,
        1 | 2 => Kind::Html,
        _ => Kind::Text,
    }
}

fn render(source: &Source, copy: usize, kind: Kind, rng: &mut SplitMix) -> String {
    let mut order: Vec<usize> = (0..source.paragraphs.len()).collect();
    rng.shuffle(&mut order);
    let reference = format!("Benchmark copy reference SCR-{copy:07}-{:08x}", rng.next() as u32);
    let mut out = String::with_capacity(source.bytes + 2048);
    match kind {
        Kind::Text => {
            out.push_str(&source.head);
            out.push_str("\n\n");
            out.push_str(&reference);
            for &i in &order {
                out.push_str("\n\n");
                out.push_str(&source.paragraphs[i]);
            }
            out.push('\n');
        }
        Kind::Markdown => {
            let title = source.head.lines().next().unwrap_or("Report").trim_start_matches('#').trim();
            out.push_str(&format!("# {title}\n\n{reference}\n"));
            for &i in &order {
                out.push('\n');
                out.push_str(&source.paragraphs[i]);
                out.push('\n');
            }
        }
        Kind::Html => {
            let title = escape(source.head.lines().next().unwrap_or("Report"));
            out.push_str(&format!(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
                 <link rel=\"stylesheet\" href=\"/assets/site.css\"><script src=\"/assets/site.js\"></script></head>\n<body>\n\
                 <div class=\"cookie-banner\">We use cookies to make this site work. <a href=\"/cookies\">Cookie settings</a></div>\n\
                 <header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/reports\">Reports</a></li>\
                 <li><a href=\"/news\">News</a></li><li><a href=\"/contact\">Contact us</a></li></ul></nav></header>\n\
                 <main>\n<h1>{title}</h1>\n<p>{}</p>\n",
                escape(&reference)
            ));
            for line in source.head.lines().skip(1) {
                out.push_str(&format!("<p>{}</p>\n", escape(line)));
            }
            for &i in &order {
                let p = &source.paragraphs[i];
                let items: Vec<&str> = p.lines().collect();
                if items.len() > 1 && items.iter().all(|l| l.trim_start().starts_with(['-', '*', '•'])) {
                    out.push_str("<ul>\n");
                    for l in items {
                        out.push_str(&format!("<li>{}</li>\n", escape(l.trim_start().trim_start_matches(['-', '*', '•']).trim())));
                    }
                    out.push_str("</ul>\n");
                } else {
                    out.push_str(&format!("<p>{}</p>\n", escape(&p.replace('\n', " "))));
                }
            }
            out.push_str(
                "</main>\n<footer><p>Accessibility | Privacy | Terms and conditions</p>\
                 <p>Follow us on social media. Sign up for email updates.</p></footer>\n</body></html>\n",
            );
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A small deterministic generator; the corpus must not change between runs or machines.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(dir: &Path) -> PathBuf {
        let src = dir.join("src");
        fs::create_dir_all(&src).unwrap();
        for n in 0..3 {
            let body = format!(
                "Report {n} on a partnership\nPublished 1 May 2024\n\nFirst paragraph of report {n}.\n\nSecond paragraph.\n\n\
                 - a listed point\n- another point\n\nLast paragraph of report {n}.\n"
            );
            fs::write(src.join(format!("r{n}.txt")), body).unwrap();
        }
        src
    }

    #[test]
    fn builds_distinct_files_to_size_in_a_format_mix_and_reuses_them() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = CorpusSpec { sources: vec![sources(tmp.path())], target_bytes: 60_000, seed: 7 };
        let out = tmp.path().join("corpus");
        let built = build_or_reuse(&spec, &out).unwrap();
        assert!(built.bytes >= 60_000);
        assert_eq!(built.sources, 3);
        let (files, _) = crate::ingest::discover(std::slice::from_ref(&out));
        let docs = files;
        assert_eq!(docs.len(), built.files);
        let hashes: std::collections::HashSet<_> = docs.iter().map(|p| blake3::hash(&fs::read(p).unwrap())).collect();
        assert_eq!(hashes.len(), docs.len(), "every copy must have its own content hash");
        for ext in ["txt", "html", "md"] {
            assert!(built.by_format.get(ext).is_some_and(|(n, _)| *n > 0), "no {ext} files in {:?}", built.by_format);
        }
        assert!(built.by_format["txt"].0 > built.by_format["html"].0);
        // Reused as is: same manifest, and files are not rewritten.
        let stamp = fs::metadata(&docs[0]).unwrap().modified().unwrap();
        let again = build_or_reuse(&spec, &out).unwrap();
        assert_eq!(again, built);
        assert_eq!(fs::metadata(&docs[0]).unwrap().modified().unwrap(), stamp);
        // Another size is a different corpus.
        let bigger = build_or_reuse(&CorpusSpec { target_bytes: 90_000, ..spec }, &out).unwrap();
        assert!(bigger.bytes >= 90_000 && bigger.files > built.files);
    }

    #[test]
    fn copies_keep_every_paragraph_of_their_source() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = CorpusSpec { sources: vec![sources(tmp.path())], target_bytes: 1, seed: 1 };
        let built = build_or_reuse(&spec, &tmp.path().join("c")).unwrap();
        assert_eq!(built.files, 1);
        let (files, _) = crate::ingest::discover(&[tmp.path().join("c")]);
        let doc = &files[0];
        let text = fs::read_to_string(doc).unwrap();
        for want in ["First paragraph of report 0", "Second paragraph", "Last paragraph of report 0", "another point", "SCR-0000000"] {
            assert!(text.contains(want), "{want} missing from {text}");
        }
    }

    #[test]
    fn no_sources_is_an_error_naming_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = CorpusSpec { sources: vec![tmp.path().join("nothing-here")], target_bytes: 10, seed: 1 };
        let err = build_or_reuse(&spec, &tmp.path().join("out")).unwrap_err();
        assert!(err.to_string().contains("nothing-here"), "{err}");
    }
}
