//! The bundled rules, read once per fuzzing process.

use crosscheck::rules::Rules;
use std::path::Path;
use std::sync::OnceLock;

pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
        let (texts, errors) = crosscheck::files::read_rules(&[root]);
        assert!(errors.is_empty(), "{errors:?}");
        Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"))
    })
}
