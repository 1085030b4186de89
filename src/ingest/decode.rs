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
    if s.chars().all(keep) {
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

    #[test]
    fn binary_empty_and_pdf_are_refused() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n").unwrap_err().contains("empty"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("binary"));
        assert!(decode(b"%PDF-1.7 ...").unwrap_err().contains("PDF"));
    }
}
