//! Writes a realistic synthetic corpus: `cargo run --release --example gen_corpus -- N DIR`.
//!
//! N claims in `DIR/claims/`, one file per source document with 3–12 claims each, figures written
//! as the six seed languages write them (scale words, decimal commas, currency words), relative
//! and fiscal periods, about 1% contradictions, and some relations. The companies are synthetic
//! and declared in `DIR/rules/entities.yaml`, to be read after the bundled rules:
//! `crosscheck --rules rules --rules DIR/rules --claims DIR/claims check`.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (xorshift64*), so that a corpus can be made again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const LANGS: [&str; 6] = ["en", "ru", "zh", "bg", "pl", "th"];
const METRICS: [&str; 3] = ["capex", "revenue", "investment"];

/// A figure in billions of dollars, written as `lang` writes it.
fn money(lang: &str, billions: f64, rng: &mut Rng) -> String {
    let one = format!("{billions:.1}");
    let comma = one.replace('.', ",");
    match lang {
        "en" => match rng.below(3) {
            0 => format!("${one} billion"),
            1 => format!("about ${one} bn"),
            _ => format!("US${one}bn"),
        },
        "ru" => format!("{comma} млрд долларов"),
        "zh" => format!("{} 亿美元", (billions * 10.0).round() as i64),
        "bg" => format!("{comma} милиарда долара"),
        "pl" => format!("{comma} mld dolarów"),
        _ => format!("{one} พันล้านดอลลาร์"),
    }
}

/// A period for `year`, as written in a document of `published_year`.
fn period(lang: &str, year: i32, published_year: i32, fiscal: bool, rng: &mut Rng) -> String {
    if year == published_year && rng.chance(40) {
        return match lang {
            "en" => "this year",
            "ru" => "в этом году",
            "zh" => "今年",
            "bg" => "тази година",
            "pl" => "w tym roku",
            _ => "ปีนี้",
        }
        .to_string();
    }
    if fiscal && lang == "en" {
        return format!("FY{year}");
    }
    match lang {
        "th" => format!("ปี {}", year + 543),
        "zh" => format!("{year} 年"),
        "ru" => format!("{year} году"),
        "pl" => format!("{year} r."),
        _ => year.to_string(),
    }
}

#[allow(clippy::print_stdout)]
fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let dir = args.next().unwrap_or_else(|| "target/corpus".into());
    let dir = Path::new(&dir);
    let claims_dir = dir.join("claims");
    std::fs::create_dir_all(&claims_dir)?;
    std::fs::create_dir_all(dir.join("rules"))?;

    // Enough companies that a group holds about ten claims.
    let companies = (n / (METRICS.len() * 3 * 10)).max(1);
    let mut entities = String::from("# Synthetic companies for generated corpora.\nentities:\n");
    for c in 0..companies {
        let fiscal = if c.is_multiple_of(7) {
            "\n    fiscal_year_start: 7"
        } else {
            ""
        };
        writeln!(entities, "  Company {c}:\n    aliases: [Co{c}]{fiscal}").ok();
    }
    std::fs::write(dir.join("rules/entities.yaml"), entities)?;

    let mut rng = Rng(0x5eed_cafe_f00d_u64);
    let mut written = 0usize;
    let mut document = 0usize;
    let mut contradictions = 0usize;
    while written < n {
        let lang = LANGS[rng.below(6) as usize];
        let published_year = 2024 + rng.below(3) as i32;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let publisher = format!("Outlet {}", rng.below(400));
        let via = if rng.chance(20) {
            format!("  via: Agency {}\n", rng.below(20))
        } else {
            String::new()
        };
        let mut text = format!(
            "source:\n  publisher: {publisher}\n  published: {published_year}-{month:02}-{day:02}\n  lang: {lang}\n{via}claims:\n"
        );
        let count = (3 + rng.below(10) as usize).min(n - written);
        for k in 0..count {
            let company = rng.below(companies as u64) as usize;
            let metric = METRICS[rng.below(3) as usize];
            let year = published_year - rng.below(2) as i32;
            // The "true" figure of this company, metric and year, in billions.
            let truth =
                5.0 + ((company * 31 + year as usize * 67 + metric.len() * 13) % 200) as f64;
            let contradict = rng.chance(1);
            contradictions += usize::from(contradict);
            let billions = if contradict { truth * 1.3 } else { truth };
            let fiscal = company.is_multiple_of(7);
            let id = format!("d{document}-c{k}");
            let status = if year < published_year {
                "actual"
            } else {
                "plan"
            };
            if k > 0 && rng.chance(3) {
                writeln!(
                    text,
                    "  - {{id: {id}, entity: Company {company}, metric: {metric}, period: \"{}\", status: plan, growth: {{from: {}, factor: 1.1}}}}",
                    year,
                    year - 1
                )
                .ok();
            } else {
                writeln!(
                    text,
                    "  - {{id: {id}, entity: Company {company}, metric: {metric}, period: \"{}\", status: {status}, value: \"{}\"}}",
                    period(lang, year, published_year, fiscal, &mut rng),
                    money(lang, billions, &mut rng)
                )
                .ok();
            }
        }
        let shard = claims_dir.join(format!("{:03}", document / 1000));
        if document.is_multiple_of(1000) {
            std::fs::create_dir_all(&shard)?;
        }
        std::fs::write(shard.join(format!("doc-{document}.yaml")), text)?;
        written += count;
        document += 1;
    }
    println!(
        "wrote {written} claims in {document} files under {} ({companies} companies, {contradictions} planted contradictions)",
        claims_dir.display()
    );
    Ok(())
}
