//! Form and JSON bodies into a domain command (a contribution, PL-2):
//! never panics, whatever the bytes.
#![no_main]

use guildhall_domain::contribution::ContributionFields;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(f) = serde_urlencoded::from_bytes::<ContributionFields>(data) {
        let _ = f.parse();
    }
    if let Ok(f) = serde_json::from_slice::<ContributionFields>(data) {
        let _ = f.parse();
    }
});
