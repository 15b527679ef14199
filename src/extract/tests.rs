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

mod sentence_rules {
    use crate::extract::split_sentences;
    use crate::sentences::{skip_list_marker, SentenceLang, SentenceLangFile};

    fn lang(yaml: &str) -> SentenceLang {
        let common: SentenceLangFile = serde_saphyr::from_str(
            "terminators: [\".\", \"!\", \"?\"]\nhard_terminators: [\"。\"]\n\
             closers: [\"\\\"\", \"”\", \")\"]\nbullets: [\"•\", \"-\"]\nlist_number_ends: [\".\", \")\"]\n",
        )
        .unwrap();
        let own: SentenceLangFile = serde_saphyr::from_str(yaml).unwrap();
        SentenceLang::build(&[&common, &own]).unwrap()
    }

    fn split(l: &SentenceLang, text: &str) -> Vec<String> {
        split_sentences(text, l)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn list_markers_are_left_out() {
        let l = lang("lang: xx\n");
        assert_eq!(skip_list_marker("1. Total", 0, &l), 3);
        assert_eq!(skip_list_marker("  • Total", 0, &l), "  • ".len());
        assert_eq!(skip_list_marker("1.5 million", 0, &l), 0);
        assert_eq!(skip_list_marker("-5% in May", 0, &l), 0);
        assert_eq!(skip_list_marker("2024. Total", 0, &l), 0);
        assert_eq!(skip_list_marker("2.“同比”", 0, &l), 2);
        assert_eq!(
            split(&l, "Intro:\n1. Sales rose 5%. Costs fell.\n- Jobs: 300"),
            ["Intro:", "Sales rose 5%.", "Costs fell.", "Jobs: 300"]
        );
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let l = lang("lang: xx\n");
        assert_eq!(
            split(
                &l,
                "Sales rose by a lot in\nthe third quarter. Heading\nNext line."
            ),
            [
                "Sales rose by a lot in\nthe third quarter.",
                "Heading",
                "Next line."
            ]
        );
        // A number after a full line cut inside a sentence; a short heading stays apart.
        let long = "The company said that in the first quarter of the year it hired\n2000 people.";
        assert_eq!(split(&l, long), [long]);
        assert_eq!(
            split(&l, "Results\n2000 people."),
            ["Results", "2000 people."]
        );
        let off = lang("wrapped_lines: false\n");
        assert_eq!(split(&off, "a b\nc d."), ["a b", "c d."]);
    }

    #[test]
    fn unit_abbreviations_end_a_sentence_after_a_number_before_a_capital() {
        let l = lang("abbreviations: [долл. США, т.е.]\nunit_abbreviations: [руб., долл., г.]\n");
        assert_eq!(
            split(
                &l,
                "Выручка 1,5 трлн руб. Это много. В 2015 г. Компания росла. Он живёт в г. Москва."
            ),
            [
                "Выручка 1,5 трлн руб.",
                "Это много.",
                "В 2015 г.",
                "Компания росла.",
                "Он живёт в г. Москва."
            ]
        );
        assert_eq!(
            split(
                &l,
                "Вложили 36 млрд долл. США в проекты. Около 2,6 трлн руб. (за 2014 год)."
            ),
            [
                "Вложили 36 млрд долл. США в проекты.",
                "Около 2,6 трлн руб. (за 2014 год)."
            ]
        );
    }

    #[test]
    fn abbreviations_with_a_space_inside_starters_and_ordinals() {
        let l = lang(
            "abbreviations: [z. B., U.S.]\nstarters: [The, Die]\n\
             ordinal_words: [März, Quartal, Jan.]\n",
        );
        assert_eq!(
            split(
                &l,
                "Etwa z. B. Strom. Am 5. März und im 3. Quartal, am 2. Jan. und mehr."
            ),
            [
                "Etwa z. B. Strom.",
                "Am 5. März und im 3. Quartal, am 2. Jan. und mehr."
            ]
        );
        assert_eq!(
            split(&l, "Sales in the U.S. The firm grew. U.S. Steel rose."),
            ["Sales in the U.S.", "The firm grew.", "U.S. Steel rose."]
        );
        // Without the ordinal word the number ends the sentence.
        assert_eq!(
            split(&l, "Es waren 12. Die Polizei kam."),
            ["Es waren 12.", "Die Polizei kam."]
        );
    }
}

#[test]
fn long_sentences_are_quoted_around_the_figure_by_characters() {
    // 900 Chinese characters stay whole up to 800 characters, not bytes.
    let zh = "增长".repeat(300);
    assert_eq!(super::quote_around(&zh, 600, &(3..6)), 0..zh.len());
    let long = "word ".repeat(400);
    let q = super::quote_around(&long, 2000, &(1000..1004));
    assert!(q.start > 0 && q.end < long.len());
    assert!(long[q.clone()].chars().count() <= 820, "{}", long[q].len());
}
