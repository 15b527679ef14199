//! Numbers and names written for people, shared by the renderers: figures in words, short
//! numbers, the anchor of a claim's row and the publisher of a source.

/// The anchor of a claim's table row: the id with every character outside `[A-Za-z0-9-]`
/// written as `_` and its UTF-8 bytes in hex, so that any id gives a distinct, valid anchor.
pub fn anchor(claim: &str) -> String {
    let mut out = String::from("claim-");
    for c in claim.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("_{b:02x}"));
            }
        }
    }
    out
}

/// The publisher part of a row's `source` ("Publisher 2025-02-07").
pub fn publisher(source: &str) -> &str {
    source.rsplit_once(' ').map_or(source, |(p, _)| p)
}

/// A number with at most four significant digits, no trailing zeros.
pub fn short(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let digits = (3 - v.abs().log10().floor() as i32).clamp(0, 6) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A figure in words: `200 billion USD`, `8.5 GW`, `3 %`.
pub fn in_words(value: f64, unit: &str) -> String {
    let n = short;
    let big: &[(f64, &str)] = &[(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    match unit {
        "W" => {
            for (d, p) in [(1e12, "TW"), (1e9, "GW"), (1e6, "MW"), (1e3, "kW")] {
                if value.abs() >= d {
                    return format!("{} {p}", n(value / d));
                }
            }
            format!("{} W", n(value))
        }
        "%" => format!("{}%", n(value)),
        _ => {
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            for (d, word) in big {
                if value.abs() >= *d {
                    return format!("{} {word}{unit}", n(value / d));
                }
            }
            format!("{}{unit}", n(value))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_words() {
        assert_eq!(in_words(2e11, "USD"), "200 billion USD");
        assert_eq!(in_words(8.5e9, "W"), "8.5 GW");
        assert_eq!(in_words(3.0, "%"), "3%");
        assert_eq!(in_words(30000.0, ""), "30000");
    }
}
