//! No input breaks crosscheck: each hostile or odd input ends in a clear error (exit 2), an
//! `unreadable` finding (exit 1), or a correct result — never a panic, within bounded output.

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::Command;

const GOOD: &str = "source:\n  publisher: Daily Ledger\n  published: 2025-02-07\n  lang: en\nclaims:\n  - {id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}\n";

fn claims_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    dir
}

fn check(dir: &Path) -> (i32, String, String) {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(dir)
        .arg("--rules")
        .arg(rules)
        .arg("check")
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stdout.len() + stderr.len() < 20_000,
        "output stays bounded: {} bytes",
        stdout.len() + stderr.len()
    );
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join("claims").join(name), bytes).unwrap();
}

#[test]
fn an_alias_bomb_is_refused() {
    let dir = claims_dir();
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..40 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    write(dir.path(), "bomb.yaml", text.as_bytes());
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bomb.yaml"), "{stderr}");
}

#[test]
fn nesting_ten_thousand_deep_is_refused() {
    let dir = claims_dir();
    write(
        dir.path(),
        "deep.yaml",
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).as_bytes(),
    );
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    let dir = claims_dir();
    let file = std::fs::File::create(dir.path().join("claims/huge.yaml")).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("over the 64 MiB limit"), "{stderr}");
}

#[test]
fn invalid_utf8_is_named() {
    let dir = claims_dir();
    write(
        dir.path(),
        "latin1.yaml",
        b"source:\n  publisher: Caf\xe9\n",
    );
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(
        stderr.contains("latin1.yaml") && stderr.contains("not UTF-8"),
        "{stderr}"
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_read() {
    let dir = claims_dir();
    let crlf = GOOD.replace('\n', "\r\n");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(crlf.as_bytes());
    write(dir.path(), "windows.yaml", &bytes);
    let (code, stdout, stderr) = check(dir.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
}

#[test]
fn crlf_errors_still_point_at_the_line() {
    let dir = claims_dir();
    write(
        dir.path(),
        "windows.yaml",
        GOOD.replace("metric", "metrc")
            .replace('\n', "\r\n")
            .as_bytes(),
    );
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("windows.yaml:6:"), "{stderr}");
}

#[test]
fn an_empty_file_is_named() {
    let dir = claims_dir();
    write(dir.path(), "empty.yaml", b"");
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(
        stderr.contains("empty.yaml") && stderr.contains("empty"),
        "{stderr}"
    );
}

#[test]
fn a_directory_named_like_a_file_is_walked() {
    let dir = claims_dir();
    std::fs::create_dir_all(dir.path().join("claims/x.yaml")).unwrap();
    write(dir.path(), "x.yaml/inner.yaml", GOOD.as_bytes());
    let (code, stdout, stderr) = check(dir.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("1 claim in 1 file"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ends() {
    let dir = claims_dir();
    write(dir.path(), "good.yaml", GOOD.as_bytes());
    std::os::unix::fs::symlink(dir.path().join("claims"), dir.path().join("claims/loop")).unwrap();
    let (code, stdout, stderr) = check(dir.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("1 claim in 1 file"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    let dir = claims_dir();
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.yaml"),
        dir.path().join("claims/dangling.yaml"),
    )
    .unwrap();
    let (code, _, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(
        stderr.contains("dangling.yaml") && stderr.contains("cannot read"),
        "{stderr}"
    );
}

#[test]
fn a_value_of_one_megabyte_is_unreadable_with_a_short_message() {
    let dir = claims_dir();
    let value = "1".repeat(1024 * 1024);
    let text = GOOD.replace("$100 billion", &value);
    write(dir.path(), "long.yaml", text.as_bytes());
    let (code, stdout, stderr) = check(dir.path());
    match code {
        // YAML itself refuses a number that large as a float, at its place...
        2 => assert!(stderr.contains("long.yaml:6:"), "{stderr}"),
        // ...or the figure reader calls it unreadable.
        1 => assert!(stdout.contains("[unreadable]"), "{stdout}"),
        _ => panic!("{stdout}{stderr}"),
    }
    let quoted = GOOD.replace("$100 billion", &format!("\"{}\"", "1".repeat(1024 * 1024)));
    write(dir.path(), "long.yaml", quoted.as_bytes());
    let (code, stdout, stderr) = check(dir.path());
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("[unreadable]"), "{stdout}");
}

#[test]
fn ten_to_the_four_hundredth_is_not_a_number_we_pretend_to_read() {
    let dir = claims_dir();
    for (i, value) in ["1e400", "10^400", "\"1 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000\""].iter().enumerate() {
        write(dir.path(), &format!("big{i}.yaml"), GOOD.replace("a, entity", &format!("a{i}, entity")).replace("$100 billion", value).as_bytes());
    }
    let (code, stdout, stderr) = check(dir.path());
    // 1e400 overflows YAML's floats: refused at its place, with exit 2.
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("big0.yaml:6:80") && stderr.contains("non-finite"),
        "{stderr}"
    );
    std::fs::remove_file(dir.path().join("claims/big0.yaml")).unwrap();
    let (code, stdout, stderr) = check(dir.path());
    assert!(code == 1 || code == 0, "{stdout}{stderr}");
    assert!(
        !stdout.contains("inf ") && !stdout.contains("NaN"),
        "{stdout}"
    );
}
