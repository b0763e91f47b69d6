//! PL-3: any text as a contributions CSV file. Never panics; a file with
//! no problem has every row ready, and every problem names a line.
#![no_main]

use guildhall::i18n::Tr;
use guildhall::services::imports::read_csv;
use guildhall_domain::values::Locale;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((report, rows)) = read_csv(text, Tr(Locale::En)) {
        assert!(rows.len() as u64 <= report.rows);
        assert!(report.problems.iter().all(|p| p.line >= 2 && !p.field.is_empty()));
        if report.problems.is_empty() {
            assert!(rows.iter().all(|r| r.ready()));
        }
    }
});
