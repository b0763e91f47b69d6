//! Every CSV Guildhall writes goes through [`CsvOut`]: people open these
//! files in spreadsheets, which run a cell that begins with `=`, `+`, `-`,
//! `@`, a tab or a carriage return as a formula (`=HYPERLINK(...)` in a
//! group's name). Such a cell is written with a leading `'`, which
//! spreadsheets show as text (OWASP's advice on CSV injection).

use std::borrow::Cow;

/// A cell as it is safe to open in a spreadsheet.
pub fn cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// A CSV document being written, every cell neutralised.
pub struct CsvOut(csv::Writer<Vec<u8>>);

impl CsvOut {
    pub fn new() -> Self {
        Self(csv::Writer::from_writer(Vec::new()))
    }

    pub fn row<I, S>(&mut self, cells: I) -> anyhow::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells.into_iter().map(|c| cell(c.as_ref()).into_owned()).collect();
        self.0.write_record(&cells)?;
        Ok(())
    }

    pub fn finish(self) -> anyhow::Result<String> {
        let bytes = self.0.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
        Ok(String::from_utf8(bytes)?)
    }
}

impl Default for CsvOut {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_text() {
        for bad in ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in ["Lisboa .NET", "120.50", "", "a=b", "2026"] {
            assert_eq!(cell(fine), fine);
        }
        let mut out = CsvOut::new();
        out.row(["=cmd|' /C calc'!A0", "ok"]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.finish().unwrap_or_default(), "'=cmd|' /C calc'!A0,ok\n");
    }
}
