//! Bytes → text, separator sniffing and CSV records with their line numbers.
//!
//! Files reach Docket in whatever encoding the program that wrote them used: UTF-8 with or
//! without a byte-order mark, UTF-16 ("Unicode text" from Excel), or a legacy 8-bit code page
//! (Windows-1252 from Excel on Windows, Mac Roman from old Mac spreadsheets, Windows-1250 in
//! central Europe, ISO-8859-15...). [`decode`] tells them apart: byte-order marks first, then
//! UTF-8 validity, then, for 8-bit files, by decoding with each plausible code page and scoring
//! how much the result looks like text written by a person (see [`decode`] for the scoring).
//!
//! [`sniff_delimiter`] guesses the separator of a CSV file, [`records`] reads its records one by
//! one (streaming, with the line where each record starts) and [`header_index`] finds a column by
//! its name.

use std::borrow::Cow;

use encoding_rs::{
    Encoding as RsEncoding, IBM866, ISO_8859_15, ISO_8859_2, MACINTOSH, UTF_16BE, UTF_16LE, UTF_8,
    WINDOWS_1250, WINDOWS_1251, WINDOWS_1252,
};

use super::Problem;
use crate::Error;

/// A character encoding, as provided by `encoding_rs` (WHATWG encodings).
pub type Encoding = &'static RsEncoding;

/// Text decoded from a file's bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without any byte-order mark: borrowed from the bytes when they are UTF-8 (or
    /// plain ASCII), so that a large file is not held twice.
    pub text: Cow<'a, str>,
    /// The encoding used, by its WHATWG name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1252`,
    /// `macintosh`, `ISO-8859-15`, `windows-1250`...
    pub encoding: &'static str,
    /// Whether the file started with a byte-order mark (removed from [`Decoded::text`]).
    pub had_bom: bool,
    /// How many U+FFFD replacement characters decoding introduced for bytes that are not valid
    /// in the encoding (0 for a clean file). For UTF-16, U+FFFD characters present in the file
    /// itself are counted too when the file also has invalid sequences.
    pub replaced: usize,
}

impl Decoded<'_> {
    /// The same, owning its text.
    pub fn into_owned(self) -> Decoded<'static> {
        Decoded {
            text: Cow::Owned(self.text.into_owned()),
            encoding: self.encoding,
            had_bom: self.had_bom,
            replaced: self.replaced,
        }
    }
}

/// How many bytes from the start are examined for binary content and UTF-16 patterns.
const SNIFF_LEN: usize = 64 * 1024;
/// How many bytes are decoded at a time into the text, which grows by that much (an encoder's
/// worst case for the whole file at once would be up to three times its size).
const DECODE_CHUNK: usize = 1024 * 1024;
/// How many bytes chardetng sees.
const CHARDET_LEN: usize = 1024 * 1024;
/// How many non-ASCII bytes are scored per candidate code page (enough for any real file).
const MAX_SCORED: usize = 200_000;

/// Single-byte code pages always considered for a non-UTF-8 file, in tie-break order after
/// chardetng's guess.
const LEGACY_CANDIDATES: [Encoding; 6] = [
    WINDOWS_1252,
    MACINTOSH,
    ISO_8859_15,
    WINDOWS_1250,
    ISO_8859_2,
    WINDOWS_1251,
];

/// A few encoding labels shown when the user gives an unknown one.
const SOME_LABELS: &str = "utf-8, utf-16le, utf-16be, windows-1252, macintosh, iso-8859-1, \
                           iso-8859-15, windows-1250, iso-8859-2, windows-1251";

/// Decodes a file's bytes to text.
///
/// `forced` is an encoding label the user chose (any WHATWG label such as `utf-8`,
/// `utf-16le`, `windows-1252`, `macintosh`, `iso-8859-1`; note that, as in browsers,
/// `iso-8859-1` and `latin1` mean `windows-1252`). An unknown label is refused with
/// [`Error::InvalidInput`] listing valid names. A byte-order mark matching the forced encoding
/// is removed.
///
/// Without `forced`, in order:
/// 1. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE) and is removed;
/// 2. UTF-16 without a mark is recognised by its zero bytes at every other position;
/// 3. valid UTF-8 is UTF-8;
/// 4. otherwise the file is in an 8-bit code page, chosen by content: the bytes are decoded
///    with Windows-1252, Mac Roman (`macintosh`), ISO-8859-15, Windows-1250, ISO-8859-2,
///    Windows-1251 and chardetng's guess, and each result is scored character by character
///    (only non-ASCII characters count, looking at their neighbours). Accented letters common in
///    European languages (é è à ç ñ ü ö á í ó ú â ê ô č š ž ã õ ...) inside words score up, less
///    common ones a little, and letters of one non-Latin script (Cyrillic...) next to each other
///    too; control characters (C0 and C1), unmapped bytes, symbols and mathematical signs (√ ≈ ∆
///    ◊ ‰ ˆ ¶ ¤ ...) inside or next to words, an uppercase accented letter right after a lowercase
///    letter (`EquitŽ`), an accented lowercase letter followed by an uppercase one (`díIvoire`),
///    runs of three accented Latin letters, and text mixing western (è, à) with central
///    European (č, ř) letters score down. The highest score wins; ties go to chardetng's guess,
///    then to Windows-1252.
///
/// Refused with [`Error::InvalidInput`] and a message for a person: empty input, and files that
/// are not text (ZIP-based Office files such as .xlsx/.docx, old or password-protected Office
/// files, PDF, or anything with NUL bytes or many control characters).
pub fn decode<'a>(bytes: &'a [u8], forced: Option<&str>) -> Result<Decoded<'a>, Error> {
    if bytes.is_empty() {
        return Err(Error::InvalidInput("The file is empty.".to_string()));
    }
    check_signatures(bytes)?;

    if let Some(label) = forced {
        let encoding = encoding_for_label(label)?;
        return decode_forced(bytes, encoding);
    }

    if let Some((encoding, bom_len)) = RsEncoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return finish(decode_with(body, encoding), encoding, true);
    }

    if let Some(encoding) = sniff_utf16(bytes) {
        return finish(decode_with(bytes, encoding), encoding, false);
    }

    if let Ok(text) = std::str::from_utf8(bytes) {
        check_not_binary_text(bytes)?;
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
            had_bom: false,
            replaced: 0,
        });
    }

    check_not_binary_text(bytes)?;
    let encoding = guess_legacy(bytes);
    let (text, replaced) = decode_with(bytes, encoding);
    if encoding == UTF_8 || !is_single_byte(encoding) {
        // A multi-byte guess (Shift_JIS, GBK...) or UTF-8: decoded as is.
        return finish((text, replaced), encoding, false);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        had_bom: false,
        replaced,
    })
}

/// Looks up a WHATWG encoding label (case-insensitive, surrounding spaces ignored).
///
/// Returns [`Error::InvalidInput`] listing a few valid names when the label is unknown.
pub fn encoding_for_label(label: &str) -> Result<Encoding, Error> {
    match RsEncoding::for_label(label.trim().as_bytes()) {
        Some(encoding) if encoding != encoding_rs::REPLACEMENT => Ok(encoding),
        _ => Err(Error::InvalidInput(format!(
            "\"{}\" is not an encoding Docket knows. Use one of: {SOME_LABELS} (or another \
             standard name such as shift_jis or gbk).",
            label.trim()
        ))),
    }
}

/// Decodes with the user's encoding, removing a byte-order mark of that encoding.
fn decode_forced(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, Error> {
    let (body, had_bom) = match RsEncoding::for_bom(bytes) {
        Some((bom_encoding, bom_len)) if bom_encoding == encoding => {
            (bytes.get(bom_len..).unwrap_or_default(), true)
        }
        _ => (bytes, false),
    };
    if encoding != UTF_16LE && encoding != UTF_16BE {
        check_not_binary_text(body)?;
    }
    finish(decode_with(body, encoding), encoding, had_bom)
}

/// Checks the decoded text for NULs (binary content) and wraps it up.
fn finish(
    (text, replaced): (Cow<'_, str>, usize),
    encoding: Encoding,
    had_bom: bool,
) -> Result<Decoded<'_>, Error> {
    if text.contains('\0') {
        return Err(not_text("it contains NUL characters"));
    }
    if text.is_empty() {
        return Err(Error::InvalidInput("The file is empty.".to_string()));
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        had_bom,
        replaced,
    })
}

/// Decodes without BOM handling, counting the replacement characters introduced. Valid UTF-8,
/// and ASCII in an encoding that agrees with ASCII, is borrowed; anything else is decoded a chunk
/// at a time into a text of its exact size.
fn decode_with(bytes: &[u8], encoding: Encoding) -> (Cow<'_, str>, usize) {
    if encoding == UTF_8 || (encoding.is_ascii_compatible() && bytes.is_ascii()) {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (Cow::Borrowed(text), 0);
        }
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut had_errors = false;
    let mut rest = bytes;
    loop {
        let (chunk, last) = match rest.get(..DECODE_CHUNK) {
            Some(chunk) if rest.len() > DECODE_CHUNK => (chunk, false),
            _ => (rest, true),
        };
        let room = decoder
            .max_utf8_buffer_length(chunk.len())
            .unwrap_or(chunk.len().saturating_mul(3).saturating_add(16));
        text.reserve_exact(room);
        let (result, read, errors) = decoder.decode_to_string(chunk, &mut text, last);
        had_errors |= errors;
        rest = rest.get(read..).unwrap_or_default();
        if last && result == encoding_rs::CoderResult::InputEmpty {
            break;
        }
    }
    text.shrink_to_fit();
    let replaced = if had_errors {
        text.chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count()
    } else {
        0
    };
    (Cow::Owned(text), replaced)
}

/// The generic "not text" refusal.
fn not_text(reason: &str) -> Error {
    Error::InvalidInput(format!(
        "This file is not text (it looks like a binary file: {reason}). Choose a CSV or text \
         file, or open this file in the program that made it and save it as \"CSV UTF-8\" or \
         plain text, then import that file."
    ))
}

/// Refuses known binary formats with a specific message.
fn check_signatures(bytes: &[u8]) -> Result<(), Error> {
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        return Err(Error::InvalidInput(
            "This is a ZIP-based file such as an Excel .xlsx or Word .docx; it is not plain \
             text. Import it as a spreadsheet or a Word document, or open it in Excel, Word or \
             LibreOffice and save it as \"CSV UTF-8\" (for a table) or plain text, then import \
             that file."
                .to_string(),
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::InvalidInput(
            "This is an old-format Office file (Excel .xls or Word .doc) or a password-protected \
             Office file; it is not plain text. If it has a password, open it in Excel or Word \
             and remove the password; then save it as \"CSV UTF-8\" (for a table), .xlsx, .docx \
             or plain text and import that file."
                .to_string(),
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(Error::InvalidInput(
            "This is a PDF file; it is not plain text. Import it as a Working Group report \
             (PDF), or open it, copy its text and paste it into the import box."
                .to_string(),
        ));
    }
    let generic: [(&[u8], &str); 5] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"SQLite format 3\0", "an SQLite database"),
    ];
    for (signature, what) in generic {
        if bytes.starts_with(signature) {
            return Err(not_text(what));
        }
    }
    Ok(())
}

/// Refuses 8-bit or UTF-8 input with NUL bytes or a high share of control characters.
fn check_not_binary_text(bytes: &[u8]) -> Result<(), Error> {
    if bytes.contains(&0) {
        return Err(not_text("it contains NUL bytes"));
    }
    let sample = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    if controls > 0 && controls * 20 > sample.len() {
        return Err(not_text("it contains many control characters"));
    }
    Ok(())
}

/// Recognises UTF-16 without a byte-order mark by its zero bytes at every other position.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even_zeros += usize::from(*a == 0);
            odd_zeros += usize::from(*b == 0);
        }
    }
    // Latin text in UTF-16 has a zero in nearly every pair, on the same side.
    if odd_zeros * 10 >= pairs * 6 && even_zeros * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_zeros * 10 >= pairs * 6 && odd_zeros * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether every byte maps to exactly one character (all the candidates scored by tables).
fn is_single_byte(encoding: Encoding) -> bool {
    encoding.is_single_byte() && encoding != UTF_16LE && encoding != UTF_16BE
}

/// chardetng's guess for a non-UTF-8 file.
fn chardetng_guess(bytes: &[u8]) -> Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = bytes.get(..CHARDET_LEN).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Chooses the 8-bit code page (or chardetng's multi-byte guess) of a non-UTF-8 file.
fn guess_legacy(bytes: &[u8]) -> Encoding {
    let scored = non_ascii_positions(bytes);
    if scored.len() <= SETTLED_WITHOUT_CHARDETNG {
        if let Some(encoding) = settled_without_chardetng(bytes, &scored) {
            return encoding;
        }
    }
    guess_legacy_with_chardetng(bytes, &scored)
}

/// Up to how many non-ASCII bytes [`settled_without_chardetng`] is tried first (scoring every
/// single-byte encoding over them is then much cheaper than chardetng over the first megabyte).
const SETTLED_WITHOUT_CHARDETNG: usize = 4096;

/// Every single-byte encoding (chardetng's guess is one of these, or a multi-byte one).
const SINGLE_BYTE_ENCODINGS: [Encoding; 29] = [
    IBM866,
    encoding_rs::ISO_8859_2,
    encoding_rs::ISO_8859_3,
    encoding_rs::ISO_8859_4,
    encoding_rs::ISO_8859_5,
    encoding_rs::ISO_8859_6,
    encoding_rs::ISO_8859_7,
    encoding_rs::ISO_8859_8,
    encoding_rs::ISO_8859_8_I,
    encoding_rs::ISO_8859_10,
    encoding_rs::ISO_8859_13,
    encoding_rs::ISO_8859_14,
    ISO_8859_15,
    encoding_rs::ISO_8859_16,
    encoding_rs::KOI8_R,
    encoding_rs::KOI8_U,
    MACINTOSH,
    encoding_rs::WINDOWS_874,
    WINDOWS_1250,
    WINDOWS_1251,
    WINDOWS_1252,
    encoding_rs::WINDOWS_1253,
    encoding_rs::WINDOWS_1254,
    encoding_rs::WINDOWS_1255,
    encoding_rs::WINDOWS_1256,
    encoding_rs::WINDOWS_1257,
    encoding_rs::WINDOWS_1258,
    encoding_rs::X_MAC_CYRILLIC,
    encoding_rs::X_USER_DEFINED,
];

/// The choice of [`guess_legacy_with_chardetng`] when it does not depend on chardetng's guess:
/// when one of [`LEGACY_CANDIDATES`] scores higher than every other single-byte encoding, and
/// above zero. chardetng's guess only adds a candidate (a single-byte encoding, which scores
/// lower), breaks ties (there is none), or matters when no score is positive (it is).
fn settled_without_chardetng(bytes: &[u8], scored: &[usize]) -> Option<Encoding> {
    let mut best: Option<(Encoding, i64)> = None;
    let mut tied = false;
    for candidate in SINGLE_BYTE_ENCODINGS {
        if candidate == IBM866 {
            // Never a candidate (see `guess_legacy_with_chardetng`).
            continue;
        }
        let score = score_bytes(bytes, scored, &byte_table(candidate));
        match best {
            Some((_, best_score)) if score < best_score => {}
            Some((_, best_score)) if score == best_score => tied = true,
            _ => {
                best = Some((candidate, score));
                tied = false;
            }
        }
    }
    let (encoding, score) = best?;
    (!tied && score > 0 && LEGACY_CANDIDATES.contains(&encoding)).then_some(encoding)
}

/// Chooses among [`LEGACY_CANDIDATES`] and chardetng's guess (which goes first, so that it wins
/// ties), by score; `scored` are the non-ASCII bytes' offsets ([`non_ascii_positions`]).
fn guess_legacy_with_chardetng(bytes: &[u8], scored: &[usize]) -> Encoding {
    let guess = chardetng_guess(bytes);
    let mut candidates: Vec<Encoding> = Vec::with_capacity(LEGACY_CANDIDATES.len() + 1);
    if is_single_byte(guess) && guess != IBM866 {
        candidates.push(guess);
    }
    for candidate in LEGACY_CANDIDATES {
        if !candidates.contains(&candidate) {
            candidates.push(candidate);
        }
    }
    let mut best: Option<(Encoding, i64)> = None;
    for candidate in candidates {
        let score = score_bytes(bytes, scored, &byte_table(candidate));
        // Strictly greater: earlier candidates (chardetng's guess, then Windows-1252) win ties.
        if best.is_none_or(|(_, best_score)| score > best_score) {
            best = Some((candidate, score));
        }
    }
    let (encoding, score) = best.unwrap_or((WINDOWS_1252, 0));
    if !is_single_byte(guess) && score <= 0 && decodes_cleanly(bytes, guess) {
        // No convincing European text: trust chardetng's multi-byte guess if it decodes cleanly.
        return guess;
    }
    encoding
}

/// Whether `bytes` decode without errors in `encoding` (checked a chunk at a time, keeping none
/// of the text).
fn decodes_cleanly(bytes: &[u8], encoding: Encoding) -> bool {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut rest = bytes;
    loop {
        let (chunk, last) = match rest.get(..DECODE_CHUNK) {
            Some(chunk) if rest.len() > DECODE_CHUNK => (chunk, false),
            _ => (rest, true),
        };
        text.clear();
        let room = decoder
            .max_utf8_buffer_length_without_replacement(chunk.len())
            .unwrap_or(chunk.len().saturating_mul(3).saturating_add(16));
        text.reserve(room);
        let (result, read) = decoder.decode_to_string_without_replacement(chunk, &mut text, last);
        match result {
            encoding_rs::DecoderResult::Malformed(_, _) => return false,
            encoding_rs::DecoderResult::InputEmpty if last => return true,
            _ => rest = rest.get(read..).unwrap_or_default(),
        }
    }
}

/// The character each byte stands for in a single-byte encoding.
fn byte_table(encoding: Encoding) -> [char; 256] {
    let mut table = [char::REPLACEMENT_CHARACTER; 256];
    // All 256 bytes at once: a single-byte encoding gives one character for each (U+FFFD for a
    // byte it does not map).
    let all: Vec<u8> = (0u8..=255).collect();
    let (text, _) = encoding.decode_without_bom_handling(&all);
    if text.chars().count() == table.len() {
        for (slot, c) in table.iter_mut().zip(text.chars()) {
            *slot = c;
        }
        return table;
    }
    for (byte, slot) in (0u8..=255).zip(table.iter_mut()) {
        let buffer = [byte];
        let (text, _) = encoding.decode_without_bom_handling(&buffer);
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            *slot = c;
        }
    }
    table
}

/// Which family of letters a character belongs to, for the mixing penalty.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Letters of western European languages (French, Spanish, Portuguese, German...).
    Western,
    /// Letters of central European languages (Slovenian, Czech, Polish, Hungarian...).
    Central,
    /// Letters found in both (á í ó ú é ö ü ...), or not a letter.
    Shared,
}

/// How welcome a letter is inside a word (0: possible but unusual), and its family.
fn letter_weight(c: char) -> (i64, Family) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'é' | 'á' | 'í' | 'ó' | 'ú' | 'ö' | 'ü' | 'ä' | 'ý' => (3, Family::Shared),
        'è' | 'à' | 'ç' | 'ñ' | 'â' | 'ê' | 'ô' | 'î' | 'û' | 'ã' | 'õ' | 'ë' | 'ï' | 'ù' | 'œ'
        | 'æ' | 'ø' | 'å' | 'ÿ' | 'ì' | 'ò' => (3, Family::Western),
        'ß' => (3, Family::Shared),
        'č' | 'š' | 'ž' | 'ć' | 'đ' | 'ř' | 'ě' | 'ů' | 'ł' | 'ą' | 'ę' | 'ń' | 'ś' | 'ź' | 'ż'
        | 'ő' | 'ű' | 'ť' | 'ď' | 'ň' | 'ľ' | 'ĺ' | 'ŕ' | 'ă' | 'ş' | 'ţ' => {
            // Letters that are rare even in their own languages count less.
            let weight = if matches!(lower, 'ĺ' | 'ŕ' | 'ľ' | 'ť' | 'ď' | 'ň' | 'ţ') {
                1
            } else {
                3
            };
            (weight, Family::Central)
        }
        _ => (0, Family::Shared),
    }
}

/// Whether a non-letter, non-ASCII character is ordinary punctuation in text.
fn is_plain_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '’'
            | '‘'
            | '“'
            | '”'
            | '«'
            | '»'
            | '–'
            | '—'
            | '…'
            | '•'
            | '€'
            | '£'
            | '°'
            | '§'
            | '©'
            | '®'
            | '„'
    )
}

/// Whether a character is a non-ASCII Latin letter.
fn is_latin_extended(c: char) -> bool {
    c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷'
}

/// The offsets of the first [`MAX_SCORED`] non-ASCII bytes: the only ones scored. Found once for
/// all candidates, skipping ASCII a block at a time (a real export is nearly all ASCII).
fn non_ascii_positions(bytes: &[u8]) -> Vec<usize> {
    const BLOCK: usize = 64;
    let mut positions = Vec::new();
    for (b, block) in bytes.chunks(BLOCK).enumerate() {
        if block.is_ascii() {
            continue;
        }
        for (i, &byte) in block.iter().enumerate() {
            if byte >= 0x80 {
                if positions.len() == MAX_SCORED {
                    return positions;
                }
                positions.push(b * BLOCK + i);
            }
        }
    }
    positions
}

/// Scores how much the bytes, read through `table`, look like human text (higher is better):
/// each non-ASCII byte at `positions` (see [`non_ascii_positions`]) between its neighbours.
fn score_bytes(bytes: &[u8], positions: &[usize], table: &[char; 256]) -> i64 {
    let at = |i: usize| bytes.get(i).map(|&b| table[usize::from(b)]);
    let mut score = 0i64;
    let (mut western, mut central) = (0i64, 0i64);
    for &i in positions {
        let Some(c) = at(i) else {
            continue;
        };
        let prev = i.checked_sub(1).and_then(at).unwrap_or(' ');
        let next = at(i + 1).unwrap_or(' ');
        score += score_char(prev, c, next);
        match letter_weight(c).1 {
            Family::Western if c.is_alphabetic() => western += 1,
            Family::Central if c.is_alphabetic() => central += 1,
            _ => {}
        }
    }
    // Text mixing western and central European letters is unlikely: the minority is suspect.
    score - 4 * western.min(central)
}

/// The score of one non-ASCII character between its neighbours.
fn score_char(prev: char, c: char, next: char) -> i64 {
    if c == char::REPLACEMENT_CHARACTER || c.is_control() {
        return -10;
    }
    if c.is_alphabetic() {
        let (weight, _) = letter_weight(c);
        if !is_latin_extended(c) {
            // Letters of other scripts (Cyrillic, Greek...): welcome next to their own kind.
            let same_script = |n: char| n.is_alphabetic() && !n.is_ascii() && !is_latin_extended(n);
            return if same_script(prev) || same_script(next) {
                2
            } else if prev.is_alphabetic() || next.is_alphabetic() {
                -3
            } else {
                -1
            };
        }
        if is_latin_extended(prev) && is_latin_extended(next) {
            return -2;
        }
        if c.is_uppercase() {
            if prev.is_lowercase() {
                // "EquitŽ": an accented capital inside a lowercase word.
                return -5;
            }
            return if next.is_alphabetic() || prev.is_alphabetic() {
                weight.min(2)
            } else {
                -1
            };
        }
        if next.is_uppercase() && prev.is_alphabetic() {
            // "díIvoire": a lowercase accented letter followed by a capital inside a word.
            return -4;
        }
        return if prev.is_alphabetic() || next.is_alphabetic() {
            weight
        } else if prev.is_whitespace() && next.is_whitespace() {
            // A one-letter word ("à", "é" in Portuguese...).
            weight / 2
        } else {
            0
        };
    }
    if c.is_whitespace() {
        return 0;
    }
    let inside_word = prev.is_alphabetic() && next.is_alphabetic();
    if matches!(c, '’' | '‘') && inside_word {
        return 2;
    }
    if is_plain_punctuation(c) {
        return if inside_word { -3 } else { 0 };
    }
    if inside_word {
        -4
    } else if prev.is_alphanumeric() || next.is_alphanumeric() {
        -3
    } else {
        -1
    }
}

/// Turns CRLF and bare CR line endings into LF; borrows when there is no CR.
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How many records [`sniff_delimiter`] looks at.
const SNIFF_RECORDS: usize = 50;
/// How many bytes [`sniff_delimiter`] looks at, at most.
const SNIFF_DELIMITER_LEN: usize = 256 * 1024;

/// Guesses a CSV file's separator among `,` `;` tab and `|`.
///
/// Each candidate splits the first 50 records (quoted fields, which may span lines, are
/// respected, with `""` as an escaped quote); the winner is the one whose most common field
/// count is above 1 on the most records, then the one with more fields, then the first in the
/// order `,` `;` tab `|`. Defaults to `,`.
pub fn sniff_delimiter(text: &str) -> u8 {
    let end = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= SNIFF_DELIMITER_LEN)
        .unwrap_or(text.len());
    let sample = text.get(..end).unwrap_or(text).as_bytes();
    let mut best = (b',', 0usize, 0usize);
    for delimiter in [b',', b';', b'\t', b'|'] {
        let counts = field_counts(sample, delimiter, end == text.len());
        let Some((mode, frequency)) = mode_of(&counts) else {
            continue;
        };
        if mode < 2 {
            continue;
        }
        if frequency > best.1 || (frequency == best.1 && mode > best.2) {
            best = (delimiter, frequency, mode);
        }
    }
    best.0
}

/// The number of fields of each non-blank record among the first [`SNIFF_RECORDS`].
fn field_counts(sample: &[u8], delimiter: u8, complete: bool) -> Vec<usize> {
    let mut counts = Vec::with_capacity(SNIFF_RECORDS);
    let (mut fields, mut at_field_start, mut in_quotes, mut blank) = (1usize, true, false, true);
    let mut i = 0;
    while i < sample.len() && counts.len() < SNIFF_RECORDS {
        let byte = sample.get(i).copied().unwrap_or(b'\n');
        if in_quotes {
            if byte == b'"' {
                if sample.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if byte == b'\n' || byte == b'\r' {
            if byte == b'\r' && sample.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            if !blank {
                counts.push(fields);
            }
            (fields, at_field_start, blank) = (1, true, true);
        } else if byte == delimiter {
            fields += 1;
            at_field_start = true;
            blank = false;
        } else if byte == b'"' && at_field_start {
            in_quotes = true;
            at_field_start = false;
            blank = false;
        } else {
            at_field_start = false;
            blank = false;
        }
        i += 1;
    }
    // The last record counts only when the whole text was seen and it was not cut in a quote.
    if complete && !blank && !in_quotes && counts.len() < SNIFF_RECORDS {
        counts.push(fields);
    }
    counts
}

/// The most common value and how often it occurs (the larger value on ties).
fn mode_of(counts: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    let mut iter = sorted.iter().peekable();
    while let Some(&value) = iter.next() {
        let mut run = 1;
        while iter.peek() == Some(&&value) {
            iter.next();
            run += 1;
        }
        if best.is_none_or(|(_, frequency)| run >= frequency) {
            best = Some((value, run));
        }
    }
    best
}

/// One CSV record with the line where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the text where the record starts (a quoted cell may continue it over
    /// further lines). CR, LF and CRLF all end a line.
    pub line: u64,
    /// The fields, unquoted, as written (not trimmed).
    pub fields: Vec<String>,
}

/// Streaming iterator over the records of a CSV text; see [`records`].
pub struct Records<'a> {
    reader: csv::Reader<&'a [u8]>,
    record: csv::ByteRecord,
    text: &'a str,
    delimiter: u8,
    last_start: Option<(u64, usize)>,
    lines: LineCounter,
    done: bool,
}

/// Counts lines up to a byte offset, with CR, LF and CRLF each ending one line (the csv crate's
/// own line numbers only count LF, so bare-CR files would all be "line 1").
#[derive(Debug, Clone, Copy)]
struct LineCounter {
    /// Bytes before this offset have been counted.
    offset: usize,
    /// The line at `offset`.
    line: u64,
    /// Whether the byte before `offset` is a CR (so a following LF ends no new line).
    after_cr: bool,
}

impl LineCounter {
    /// The 1-based line of `target` (an offset at or after the last one asked).
    fn line_at(&mut self, text: &[u8], target: usize) -> u64 {
        let target = target.min(text.len());
        if let Some(span) = text.get(self.offset..target) {
            // Every CR ends a line, and every LF but one right after a CR: counted a block of
            // bytes at a time (this runs over the whole file).
            let crs = count_byte(span, b'\r');
            let lfs = count_byte(span, b'\n');
            let crlfs = if lfs == 0 || (crs == 0 && !self.after_cr) {
                0
            } else {
                let first = usize::from(self.after_cr && span.first() == Some(&b'\n'));
                first + count_crlf(span)
            };
            self.line += (crs + lfs - crlfs) as u64;
            if let Some(&last) = span.last() {
                self.after_cr = last == b'\r';
            }
            self.offset = target;
        }
        self.line
    }
}

/// How many times `byte` occurs in `bytes`.
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    // Blocks of 255 so that a per-block count fits a byte, which the compiler vectorizes.
    bytes
        .chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(b == byte)));
            usize::from(n)
        })
        .sum()
}

/// How many CRLF pairs `bytes` holds.
fn count_crlf(bytes: &[u8]) -> usize {
    let next = bytes.get(1..).unwrap_or_default();
    bytes
        .chunks(255)
        .zip(next.chunks(255))
        .map(|(block, after)| {
            let n = block.iter().zip(after).fold(0u8, |n, (&a, &b)| {
                n.wrapping_add(u8::from(a == b'\r') & u8::from(b == b'\n'))
            });
            usize::from(n)
        })
        .sum()
}

impl std::fmt::Debug for Records<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records")
            .field("delimiter", &self.delimiter)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// Reads the records of a CSV text one at a time, with the line where each starts.
///
/// No header handling (the first record is the header, if any), records may have different
/// numbers of fields, quoted cells may span lines, and CR, LF and CRLF all end lines. Blank
/// lines are skipped. A record that cannot be read becomes a [`Problem`] with its line; a quoted
/// cell still open at the end of the text (a truncated file, or a stray quote) yields the
/// record as read and then a [`Problem`] at the line where that record starts. Never panics.
pub fn records(text: &str, delimiter: u8) -> Records<'_> {
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    Records {
        reader,
        record: csv::ByteRecord::new(),
        text,
        delimiter,
        last_start: None,
        lines: LineCounter {
            offset: 0,
            line: 1,
            after_cr: false,
        },
        done: false,
    }
}

/// One CSV record borrowed from a [`Records`] reader ([`Records::next_ref`]): its fields are
/// read without copying them.
#[derive(Debug, Clone, Copy)]
pub struct RecordRef<'r> {
    /// 1-based line where the record starts (see [`Record::line`]).
    pub line: u64,
    record: &'r csv::ByteRecord,
}

impl<'r> RecordRef<'r> {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.record.len()
    }

    /// Whether the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.record.is_empty()
    }

    /// Field `i`, unquoted, as written (not trimmed); `None` past the last field. Borrowed: the
    /// text is UTF-8 and the reader only splits it at ASCII bytes.
    pub fn get(&self, i: usize) -> Option<Cow<'r, str>> {
        self.record.get(i).map(field_text)
    }

    /// The fields, in order.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'r, str>> + 'r {
        self.record.iter().map(field_text)
    }
}

/// A field's text: borrowed when it is UTF-8 (always, for fields of a `&str`).
fn field_text(field: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(field) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(field),
    }
}

impl Records<'_> {
    /// Reads the next record into the reader's buffer; returns the line where it starts, or the
    /// problem that stopped it.
    fn advance(&mut self) -> Option<Result<u64, Problem>> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                let byte = self.record.position().map_or(0, |p| p.byte());
                let mut start = usize::try_from(byte).unwrap_or(usize::MAX);
                // The csv crate skips blank lines but reports the record from where they start:
                // the record itself begins after them.
                while matches!(self.text.as_bytes().get(start), Some(b'\r' | b'\n')) {
                    start += 1;
                }
                let line = self.lines.line_at(self.text.as_bytes(), start);
                self.last_start = Some((line, start));
                Some(Ok(line))
            }
            Ok(false) => {
                self.done = true;
                let (line, start) = self.last_start?;
                let rest = self.text.as_bytes().get(start..)?;
                ends_in_open_quote(rest, self.delimiter).then(|| {
                    Err(Problem::at(
                        line,
                        None,
                        format!(
                            "The quoted cell in the record starting on line {line} is never \
                             closed: the file may be cut short, or a cell has a stray double \
                             quote (\"). Check that line in the original file."
                        ),
                    ))
                })
            }
            Err(error) => {
                let start = error.position().map_or(0, |p| p.byte());
                let start = usize::try_from(start).unwrap_or(usize::MAX);
                let line = self.lines.line_at(self.text.as_bytes(), start);
                if matches!(error.kind(), csv::ErrorKind::Io(_)) {
                    self.done = true;
                }
                Some(Err(Problem::at(
                    line,
                    None,
                    format!("This line could not be read as CSV ({error}). Check it in the original file."),
                )))
            }
        }
    }

    /// The next record, borrowed until the next call (no copy of its fields): the same records
    /// and problems as the iterator gives.
    pub fn next_ref(&mut self) -> Option<Result<RecordRef<'_>, Problem>> {
        match self.advance()? {
            Ok(line) => Some(Ok(RecordRef {
                line,
                record: &self.record,
            })),
            Err(problem) => Some(Err(problem)),
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.advance()? {
            Ok(line) => Some(Ok(Record {
                line,
                fields: self
                    .record
                    .iter()
                    .map(|field| field_text(field).into_owned())
                    .collect(),
            })),
            Err(problem) => Some(Err(problem)),
        }
    }
}

/// Whether a record's raw text (to the end of the file) ends inside a quoted cell.
fn ends_in_open_quote(raw: &[u8], delimiter: u8) -> bool {
    let (mut at_field_start, mut in_quotes) = (true, false);
    let mut bytes = raw.iter().peekable();
    while let Some(&byte) = bytes.next() {
        if in_quotes {
            if byte == b'"' {
                if bytes.peek() == Some(&&b'"') {
                    bytes.next();
                } else {
                    in_quotes = false;
                }
            }
        } else if byte == b'"' && at_field_start {
            in_quotes = true;
            at_field_start = false;
        } else {
            at_field_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        }
    }
    in_quotes
}

/// Trims a header cell or wanted name: spaces, a UTF-8 BOM and surrounding double quotes.
fn clean_header(name: &str) -> &str {
    let name = name.trim().trim_start_matches('\u{FEFF}').trim();
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name);
    name.trim()
}

/// The index of the first header cell matching one of `names` (tried in order), comparing
/// case-insensitively after trimming spaces, a UTF-8 BOM and surrounding double quotes.
pub fn header_index(header: &[String], names: &[&str]) -> Option<usize> {
    let cells: Vec<String> = header
        .iter()
        .map(|cell| clean_header(cell).to_lowercase())
        .collect();
    names.iter().find_map(|name| {
        let wanted = clean_header(name).to_lowercase();
        cells.iter().position(|cell| *cell == wanted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(result: Result<Decoded, Error>) -> Decoded {
        match result {
            Ok(decoded) => decoded,
            Err(error) => panic!("decode failed: {error}"),
        }
    }

    fn message(result: Result<Decoded, Error>) -> String {
        match result {
            Err(Error::InvalidInput(message)) => message,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn mac_roman_accents_beat_windows_1252() {
        // "Instance Equité, très" in Mac Roman: é = 0x8E, è = 0x8F.
        let bytes = b"Instance Equit\x8E, tr\x8Fs bien";
        let decoded = text_of(decode(bytes, None));
        assert_eq!(decoded.encoding, "macintosh");
        assert_eq!(decoded.text, "Instance Equité, très bien");
    }

    #[test]
    fn windows_1252_french_with_right_quote() {
        let bytes = b"Soci\xE9t\xE9 civile, \xE9quit\xE9, C\xF4te d\x92Ivoire";
        let decoded = text_of(decode(bytes, None));
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "Société civile, équité, Côte d’Ivoire");
    }

    /// Byte strings of many kinds: words in several code pages, random mixes of ASCII and
    /// high bytes.
    fn legacy_samples() -> Vec<Vec<u8>> {
        let mut samples: Vec<Vec<u8>> = vec![
            b"Instance Equit\x8E, tr\x8Fs bien".to_vec(),
            b"Soci\xE9t\xE9 civile, \xE9quit\xE9, C\xF4te d\x92Ivoire".to_vec(),
            b"\xC8lovekove pravice, Ljubljana, \x9Aola, \x9Eena".to_vec(),
            b"\xCF\xF0\xE0\xE2\xE0 \xF7\xE5\xEB\xEE\xE2\xE5\xEA\xE0".to_vec(),
            b"\xC1\xE1\xF3\xE9\xEA\xDC \xE4\xE9\xEA\xE1\xE9\xFE\xEC\xE1\xF4\xE1".to_vec(),
            b"Budget: 5000 \x80 pour l'\xE9cole".to_vec(),
            b"Caf\xE9 \xFF\xFE odd \x81\x8D\x8F\x90\x9D".to_vec(),
            b"\x82\xA0\x82\xA2\x82\xA4 shift".to_vec(),
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in 0..3000usize {
            let mut bytes = Vec::new();
            for _ in 0..(8 + n % 60) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let r = (seed >> 33) as u8;
                bytes.push(match r % 4 {
                    0 => b' ',
                    1 | 2 => b'a' + r % 26,
                    _ => 0x80 | r,
                });
            }
            samples.push(bytes);
        }
        samples
    }

    #[test]
    fn settling_without_chardetng_chooses_what_chardetng_would() {
        let mut settled = 0;
        for bytes in legacy_samples() {
            let scored = non_ascii_positions(&bytes);
            if let Some(encoding) = settled_without_chardetng(&bytes, &scored) {
                settled += 1;
                assert_eq!(
                    encoding.name(),
                    guess_legacy_with_chardetng(&bytes, &scored).name(),
                    "{bytes:?}"
                );
            }
        }
        assert!(settled > 100, "only {settled} samples settled");
    }

    #[test]
    fn line_counter_counts_cr_lf_and_crlf_once_however_the_text_is_cut() {
        let text = b"a\r\nb\rc\nd\r\r\n\n\re\r\n".repeat(40);
        // One byte at a time, as the definition reads.
        let mut expected = vec![1u64];
        let (mut line, mut after_cr) = (1u64, false);
        for &byte in &text {
            if byte == b'\r' || (byte == b'\n' && !after_cr) {
                line += 1;
            }
            after_cr = byte == b'\r';
            expected.push(line);
        }
        for step in [1, 2, 3, 7, 255, 256, 1000] {
            let mut counter = LineCounter {
                offset: 0,
                line: 1,
                after_cr: false,
            };
            let mut target = 0;
            while target < text.len() {
                target = (target + step).min(text.len());
                assert_eq!(
                    counter.line_at(&text, target),
                    expected[target],
                    "step {step}, offset {target}"
                );
            }
        }
    }

    #[test]
    fn byte_tables_map_each_byte_as_decoding_it_alone_does() {
        for encoding in SINGLE_BYTE_ENCODINGS {
            let table = byte_table(encoding);
            for (byte, &c) in (0u8..=255).zip(table.iter()) {
                let one = [byte];
                let (text, _) = encoding.decode_without_bom_handling(&one);
                let mut chars = text.chars();
                let alone = match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => char::REPLACEMENT_CHARACTER,
                };
                assert_eq!(c, alone, "{} byte {byte:#04x}", encoding.name());
            }
        }
    }

    #[test]
    fn non_ascii_positions_stop_at_the_scoring_limit() {
        let mut bytes = vec![b'a'; 100];
        bytes.extend(std::iter::repeat_n(0xE9u8, MAX_SCORED + 10));
        let positions = non_ascii_positions(&bytes);
        assert_eq!(positions.len(), MAX_SCORED);
        assert_eq!(positions.first(), Some(&100));
        assert_eq!(positions.last(), Some(&(100 + MAX_SCORED - 1)));
    }

    #[test]
    fn scoring_penalizes_capital_inside_word() {
        assert!(score_char('t', 'Ž', ',') < 0);
        assert!(score_char('t', 'é', ',') > 0);
        assert!(score_char('e', '√', 's') < 0);
        assert!(score_char('d', '’', 'I') > 0);
        assert!(score_char('d', 'í', 'I') < 0);
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let bytes: Vec<u8> = "Text,From\nÉgalité,France\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = text_of(decode(&bytes, None));
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert!(!decoded.had_bom);
        assert_eq!(decoded.text, "Text,From\nÉgalité,France\n");
    }

    #[test]
    fn nul_bytes_in_8_bit_text_are_binary() {
        let msg = message(decode(b"abc\0def ghi jkl mno", None));
        assert!(msg.contains("not text"), "{msg}");
    }

    #[test]
    fn unknown_forced_label_lists_valid_names() {
        let msg = message(decode(b"abc", Some("klingon")));
        assert!(
            msg.contains("klingon") && msg.contains("windows-1252"),
            "{msg}"
        );
    }

    #[test]
    fn normalize_newlines_handles_all_endings() {
        assert_eq!(normalize_newlines("a\r\nb\rc\nd\r"), "a\nb\nc\nd\n");
        assert!(matches!(normalize_newlines("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn sniff_ignores_commas_inside_quotes() {
        let text = "a;b;c\n\"x, y, z\";2;3\n\"1,2\";\"3,4\";5\n";
        assert_eq!(sniff_delimiter(text), b';');
        assert_eq!(sniff_delimiter("just one column\nanother\n"), b',');
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n"), b'|');
    }

    #[test]
    fn open_quote_at_end_is_reported() {
        let items: Vec<_> = records("a,b\n1,\"unterminated\n2,3\n", b',').collect();
        let problems: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems.first().and_then(|p| p.line), Some(2));
    }

    #[test]
    fn header_index_ignores_case_bom_and_quotes() {
        let header: Vec<String> = ["\u{FEFF}To", " \"Text\" ", "FROM"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(header_index(&header, &["to"]), Some(0));
        assert_eq!(header_index(&header, &["text"]), Some(1));
        assert_eq!(header_index(&header, &["Recommending", "from"]), Some(2));
        assert_eq!(header_index(&header, &["missing"]), None);
    }
}
