//! PL-3: any bytes as the Solved plugin's answer. Never panics; every post
//! read becomes a forum solution keyed by its post id.
#![no_main]

use guildhall::integrations::discourse::{parse_page, Forum};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(posts) = parse_page(data) else { return };
    let forum = Forum::new("https://forum.example.com").expect("a client");
    for p in &posts {
        if let Some((_, _, key)) = forum.contribution(p) {
            assert_eq!(key, format!("discourse:{}", p.post_id));
        }
    }
});
