use super::render::scalar;
use super::slug;

#[test]
fn scalars_are_plain_when_they_read_back_the_same() {
    assert_eq!(scalar("2000 亿美元"), "2000 亿美元");
    assert_eq!(scalar("Amazon"), "Amazon");
    assert_eq!(scalar("$ 100 พันล้าน"), "$ 100 พันล้าน");
    assert_eq!(scalar("2025"), "\"2025\"");
    assert_eq!(scalar("2025-02"), "\"2025-02\"");
    assert_eq!(scalar("yes"), "\"yes\"");
    assert_eq!(scalar(""), "\"\"");
    assert_eq!(scalar("80%"), "80%");
    assert_eq!(scalar("%80"), "\"%80\"");
    assert_eq!(scalar("Huang: „…to”"), "\"Huang: „…to”\"");
    assert_eq!(scalar("a # b"), "\"a # b\"");
    assert_eq!(scalar("«x»"), "«x»");
    assert_eq!(scalar("\"q\" and \\"), "\"\\\"q\\\" and \\\\\"");
    assert_eq!(scalar("a\nb\u{2028}"), "\"a\\nb\\u2028\"");
    assert_eq!(scalar(" lead"), "\" lead\"");
}

#[test]
fn slugs_keep_ascii_letters_and_digits() {
    assert_eq!(slug("Wall Street CN"), "wall-street-cn");
    assert_eq!(slug("Vesti.bg"), "vesti-bg");
    assert_eq!(slug("华尔街见闻"), "");
    assert_eq!(slug("  AI News!! "), "ai-news");
}
