//! Placeholders for statements over many rows at once (CH-7's renewal
//! measures members in batches). SQLite looks a numbered parameter up by
//! walking its list, so a statement's cost grows with the square of its
//! parameters: multi-row inserts stay at [`ROWS`] rows per statement.

/// Rows per multi-row INSERT.
pub const ROWS: usize = 25;

/// `$1, $2, ... $n`: an `IN` list of `n` values.
pub fn in_list(n: usize) -> String {
    (1..=n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// `$k, ... $(k+n-1)`: an `IN` list of `n` values after `k - 1` others.
pub fn in_list_from(n: usize, k: usize) -> String {
    (k..k + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// `($1, $2), ($3, $4)`: `rows` value tuples of `cols` parameters each.
pub fn value_rows(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", (1..=cols).map(|c| format!("${}", r * cols + c)).collect::<Vec<_>>().join(", ")))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_every_value_once() {
        assert_eq!(in_list(3), "$1, $2, $3");
        assert_eq!(in_list_from(2, 3), "$3, $4");
        assert_eq!(value_rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }
}
