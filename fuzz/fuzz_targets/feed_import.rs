//! PL-3: any bytes as an RSS or Atom feed. Never panics; entries are either
//! ready content pieces or problems, never both missing.
#![no_main]

use guildhall::i18n::Tr;
use guildhall::services::imports::read_feed;
use guildhall_domain::values::Locale;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((report, ready)) = read_feed(data, Tr(Locale::En)) {
        assert_eq!(ready.len() as u64 + report.problems.len() as u64 >= report.rows, true);
    }
});
