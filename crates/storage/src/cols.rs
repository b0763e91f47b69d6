//! Reading one table's columns out of a joined row: a join names them
//! `<prefix><column>` (`e_id`, `g_id`), so the same mapper reads a table
//! alone or as part of a join.

use sqlx::any::AnyRow;
use sqlx::{Any, Row};

#[derive(Clone, Copy)]
pub(crate) struct Cols<'r> {
    row: &'r AnyRow,
    prefix: &'static str,
}

impl<'r> Cols<'r> {
    pub fn plain(row: &'r AnyRow) -> Self {
        Self { row, prefix: "" }
    }

    pub fn prefixed(row: &'r AnyRow, prefix: &'static str) -> Self {
        Self { row, prefix }
    }

    pub fn get<T: sqlx::Decode<'r, Any> + sqlx::Type<Any>>(&self, column: &str) -> Result<T, sqlx::Error> {
        if self.prefix.is_empty() {
            self.row.try_get(column)
        } else {
            self.row.try_get(format!("{}{column}", self.prefix).as_str())
        }
    }
}

/// `t.a AS p_a, t.b AS p_b` for a comma-separated column list.
pub(crate) fn aliased(table: &str, columns: &str, prefix: &str) -> String {
    columns
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| format!("{table}.{c} AS {prefix}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn aliases_each_column() {
        assert_eq!(
            super::aliased("e", "id, title,\n    status", "e_"),
            "e.id AS e_id, e.title AS e_title, e.status AS e_status"
        );
    }
}
