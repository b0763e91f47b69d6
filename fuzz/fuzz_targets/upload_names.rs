//! UG-13 receipts: any file name and bytes. Never panics; an accepted
//! receipt is one of the allowed types and within the size limit.
#![no_main]

use guildhall_domain::receipt::check;
use libfuzzer_sys::fuzz_target;

const MAX: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let name = String::from_utf8_lossy(&data[..split]);
    let bytes = data.get(split + 1..).unwrap_or_default();
    if let Ok(r) = check(&name, bytes, MAX) {
        assert!(bytes.len() <= MAX);
        assert!(["application/pdf", "image/png", "image/jpeg"].contains(&r.kind.content_type()));
    }
});
