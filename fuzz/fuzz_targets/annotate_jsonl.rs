//! Any bytes as `annotate --jsonl` input: never a panic; on success one JSON line per
//! document, on error nothing written.
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
        Err(_) => assert!(out.is_empty(), "no partial output on error"),
    }
});
