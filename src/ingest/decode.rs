//! Bytes to text: UTF-8 first, UTF-16 when a byte-order mark says so, Windows-1252 as the
//! fallback for old Word exports (noted as a warning). Binary content is refused here so no
//! reader has to guess.

/// What decoding made of a file's bytes.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decode `bytes`; `Err` carries the reason the file is not text. Terminal escape sequences and
/// other control characters are removed (with a warning): they are never content, and left in
/// they glue themselves to words (`\x1b[31mimprove` would index as `31mimprove`).
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut d = decode_raw(bytes)?;
    if let Some(clean) = strip_controls(&d.text) {
        d.text = clean;
        let note = "control characters and terminal escape sequences removed".to_string();
        d.warning = Some(match d.warning.take() {
            Some(w) => format!("{w}; {note}"),
            None => note,
        });
    }
    Ok(d)
}

/// `s` without escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL or ESC \\`, and
/// two-character `ESC x`) and without control characters other than tab, line feed, carriage
/// return and form feed; `None` when there is nothing to remove. One pass, linear in `s`.
fn strip_controls(s: &str) -> Option<String> {
    let keep = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c');
    if !has_controls(s) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            match chars.next() {
                Some('[') => {
                    // Parameters and intermediates, then one final byte.
                    while let Some(&n) = chars.peek() {
                        if ('\x20'..='\x3f').contains(&n) {
                            chars.next();
                        } else {
                            if ('\x40'..='\x7e').contains(&n) {
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(n) = chars.next() {
                        if n == '\x07' || (n == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            }
        } else if keep(c) {
            out.push(c);
        }
    }
    Some(out)
}

/// Whether `s` holds a control character other than tab, line feed, carriage return and form
/// feed. Every text file passes here and few hold one, so the bytes are tested a block at a
/// time with comparisons the compiler turns into vector instructions, where decoding each
/// char stepped through the text one char at a time.
fn has_controls(s: &str) -> bool {
    const BLOCK: usize = 32;
    let bytes = s.as_bytes();
    bytes.chunks(BLOCK).enumerate().any(|(k, block)| {
        block.iter().fold(false, |any, &b| any | may_start_control(b))
            && (k * BLOCK..k * BLOCK + block.len()).any(|i| starts_control(bytes, i))
    })
}

/// Whether `b` may start a control character: the C0 controls and DEL are single bytes, and
/// the C1 controls (U+0080 to U+009F) are 0xC2 followed by 0x80 to 0x9F.
fn may_start_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r' && b != 0x0c) | (b == 0x7f) | (b == 0xc2)
}

/// Whether a control character starts at `i`, which is a char boundary or a continuation byte.
fn starts_control(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        b => may_start_control(b),
    }
}

fn decode_raw(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if let Some(kind) = sniff_binary_format(bytes) {
        return Err(format!("{kind}, not text"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(utf8_or_fallback(rest));
    }
    for (bom, enc) in [(&[0xFF, 0xFE][..], encoding_rs::UTF_16LE), (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            let warning = had_errors.then(|| "invalid UTF-16 sequences replaced".to_string());
            return Ok(Decoded { text: text.into_owned(), warning });
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    Ok(utf8_or_fallback(bytes))
}

fn utf8_or_fallback(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: s.to_string(), warning: None },
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                warning: Some(format!("not valid UTF-8 (first bad byte at offset {}); read as Windows-1252", e.valid_up_to())),
            }
        }
    }
}

/// Formats that are often renamed to .txt by mistake.
fn sniff_binary_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"%PDF-", "PDF content"),
        (b"PK\x03\x04", "ZIP or Office document content"),
        (b"\xD0\xCF\x11\xE0", "legacy Office document content"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
    ];
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Care at home — improved".as_bytes()).unwrap();
        assert_eq!(d.text, "Care at home — improved");
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_falls_back_with_warning() {
        let d = decode(b"the partnership\x92s plan \x96 2019").unwrap();
        assert_eq!(d.text, "the partnership\u{2019}s plan \u{2013} 2019");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Leaders should act.".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Leaders should act.");
    }

    #[test]
    fn escape_sequences_and_controls_are_removed_with_a_warning() {
        let d =
            decode(b"The board should \x1b[31mimprove\x1b[0m care.\x07 \x1b]0;title\x07Done\x1b]2;x\x1b\\.\x1b[2J\x01\tok\r\n").unwrap();
        assert_eq!(d.text, "The board should improve care. Done.\tok\r\n");
        assert!(d.warning.unwrap().contains("control characters"));
        // An escape at the very end, or an unterminated sequence, is dropped without panicking.
        assert_eq!(decode(b"text\x1b").unwrap().text, "text");
        assert_eq!(decode(b"text\x1b[12;").unwrap().text, "text");
        assert_eq!(decode(b"text\x1b]never ends").unwrap().text, "text");
        assert!(decode("plain — text\n".as_bytes()).unwrap().warning.is_none());
    }

    /// The char-by-char rule the byte test stands in for.
    fn has_controls_by_chars(s: &str) -> bool {
        !s.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
    }

    #[test]
    fn control_test_on_bytes_agrees_with_the_char_rule() {
        // Every char up to U+0800 (C0, DEL, C1 and the two-byte chars around them), alone,
        // between letters, and at each offset around a block boundary.
        let mut cases: Vec<String> = Vec::new();
        for c in (0u32..0x800).filter_map(char::from_u32) {
            cases.push(c.to_string());
            cases.push(format!("ab{c}cd"));
            for pad in 28..36 {
                cases.push(format!("{}{c}", "x".repeat(pad)));
                cases.push(format!("{}{c}{}", "é".repeat(pad / 2), "y".repeat(pad)));
            }
        }
        cases.extend(
            ["", "plain text\n", "tabs\tand\r\nbreaks\x0c", "£ · \u{a0} — ’", "\u{c2}\u{80}", "\u{2028}\u{feff}"].map(String::from),
        );
        cases.push(format!("{}\u{85}", "long line of text ".repeat(40)));
        cases.push(format!("{}\u{1b}[0m", "£".repeat(100)));
        for s in &cases {
            assert_eq!(has_controls(s), has_controls_by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn binary_empty_and_pdf_are_refused() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n").unwrap_err().contains("empty"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("binary"));
        assert!(decode(b"%PDF-1.7 ...").unwrap_err().contains("PDF"));
    }
}
