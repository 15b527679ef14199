//! Scripts: which characters belong to a script that writes its words together (Chinese,
//! Japanese, Thai...) and which to one that separates them with spaces, where a word must match
//! whole.

/// Whether a character belongs to a script written without spaces between words.
pub(crate) fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF          // Thai, Lao
        | 0x1000..=0x109F        // Myanmar
        | 0x1780..=0x17FF        // Khmer
        | 0x2E80..=0x2FDF        // CJK radicals
        | 0x3000..=0x9FFF        // CJK symbols, kana, ideographs
        | 0xF900..=0xFAFF        // CJK compatibility ideographs
        | 0xFF00..=0xFFEF        // full-width forms
        | 0x20000..=0x3FFFF)
}

/// Whether a character is a letter or digit of a script that separates words with spaces.
/// Whether a character is a Han ideograph or kana: text in these scripts may set digits off with
/// spaces for looks alone (`截至 2025 年 12 月 31 日`).
pub(crate) fn ideographic(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF)
}

pub(crate) fn spaced_alnum(c: char) -> bool {
    c.is_alphanumeric() && !unspaced(c)
}

/// Whether a character is a letter of a script that separates its words with spaces (Latin,
/// Cyrillic, Greek...).
pub(crate) fn spaced_letter(c: char) -> bool {
    c.is_alphabetic() && !unspaced(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert!(spaced_letter('q') && spaced_letter('ж') && spaced_letter('é'));
        assert!(!spaced_letter('年') && !spaced_letter('ป') && !spaced_letter('3'));
        assert!(unspaced('年') && unspaced('ไ') && !unspaced('a'));
    }
}
