//! A language made up in YAML alone (no Rust changes) reads figures.

use crosscheck::figure::{find_figures, read_figure, Approx, FigureLang, FigureLangFile};

/// "Zorbish": numbers are `zo` (1) .. `ni` (9), `ka` is ten (a multiplier), `mega-blob` a
/// million, the currency is the `glim` (code GLM) with 100 `pix` to the glim, `sorta` means
/// about, and ranges are `X thru Y`. Decimal comma, dots between thousands.
const ZORBISH: &str = r#"
lang: zz
settings:
  decimal: ","
  group: ["."]
values:
  zo: 1
  bi: 2
  tri: 3
  ni: 9
multipliers:
  ka: 10
scales:
  mega-blob*: 1e6
  =MB: 1e6
currencies:
  glim*: GLM
  "₲": GLM
subunits:
  pix: 0.01
units:
  zorbwatt*: GW
approx:
  sorta: about
  beyond: over
vague:
  heaps: {lo: 10, hi: 100}
range_sep: [thru]
minus: [neg]
point: [dot]
fillers: [of]
approx_widths:
  about: {lo: 0.75, hi: 1.25}
"#;

fn zorbish() -> FigureLang {
    let file: FigureLangFile = serde_saphyr::from_str(ZORBISH).unwrap();
    FigureLang::build(&[&file]).unwrap()
}

#[test]
fn reads_figures_in_a_made_up_language() {
    let zz = zorbish();
    let f = read_figure("bi ka tri mega-blobs glims", &zz).unwrap();
    assert_eq!(f.value, 23e6);
    assert_eq!(f.unit.as_deref(), Some("GLM"));

    let f = read_figure("sorta 1.250,5 ₲", &zz).unwrap();
    assert_eq!(f.value, 1250.5);
    assert_eq!(f.approx, Some(Approx::About));
    assert!((f.lo - 1250.5 * 0.75).abs() < 1e-9 && (f.hi - 1250.5 * 1.25).abs() < 1e-9);

    let f = read_figure("3 glim 50 pix", &zz).unwrap();
    assert!((f.value - 3.5).abs() < 1e-12);

    let f = read_figure("4 thru 7 zorbwatts", &zz).unwrap();
    assert_eq!(f.approx, Some(Approx::Range));
    assert_eq!(f.ends, Some((4.0, 7.0)));
    assert_eq!(f.unit.as_deref(), Some("GW"));

    let f = read_figure("heaps of mega-blobs", &zz).unwrap();
    assert_eq!(f.approx, Some(Approx::Vague));
    assert!((f.lo - 1e7).abs() < 1e-3 && (f.hi - 1e8).abs() < 1e-3);

    let f = read_figure("neg zo dot ni", &zz).unwrap();
    assert!((f.value + 1.9).abs() < 1e-12);

    let f = read_figure("beyond 2 MB glim", &zz).unwrap();
    assert_eq!((f.value, f.approx), (2e6, Some(Approx::Over)));

    let text = "we spent tri mega-blob glims and got 5 zorbwatts";
    let found = find_figures(text, &zz);
    let spans: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(spans, vec!["tri mega-blob glims", "5 zorbwatts"]);

    // English words mean nothing here
    assert!(read_figure("two billion", &zz).is_err());
}
