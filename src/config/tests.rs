//! Tests of config parsing, lookup and error messages.

use super::*;

#[test]
fn empty_file_gives_defaults() {
    let config = Config::parse("", Path::new("c.toml"), &["quit"]).expect("empty config");
    assert_eq!(
        Config {
            path: None,
            ..config
        },
        Config::default()
    );
}
