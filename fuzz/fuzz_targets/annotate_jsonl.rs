//! Any bytes as `annotate --jsonl` input: never a panic; one JSON line per document
//! written, each whole (on error, those before the bad line).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    match gloss::export::annotate_jsonl(data, &mut out) {
        Ok(n) => {
            let lines: Vec<&[u8]> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
            assert_eq!(lines.len(), n, "one output line per document");
            for line in lines {
                assert!(serde_json::from_slice::<serde_json::Value>(line).is_ok(), "output is JSON");
            }
        }
        Err(_) => {
            assert!(out.is_empty() || out.ends_with(b"\n"), "no half line on error");
            for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                assert!(serde_json::from_slice::<serde_json::Value>(line).is_ok(), "output is JSON");
            }
        }
    }
});
