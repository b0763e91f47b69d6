//! Keyset paging for lists that grow (issue 16.7): a reader asks for rows
//! after the last one they saw, by the list's sort key and id, so a page is
//! found by the index whatever its depth and a row added meanwhile never
//! shows twice or pushes another off a page (as `OFFSET` does).

/// Where the previous page ended: its last row's sort key and id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct After {
    pub key: String,
    pub id: String,
}

impl After {
    /// The key of a list sorted by a stored time; a key that is not one is
    /// a cursor Guildhall did not give.
    pub fn time_key(&self) -> Result<i64, crate::StorageError> {
        self.key
            .parse()
            .map_err(|_| crate::StorageError::Rule(guildhall_domain::DomainError::field("cursor", "cursor_invalid")))
    }
}

/// One page of a list, and where the next one starts (none at the end).
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<After>,
}

/// The most rows one page holds, whatever a reader asks for.
pub const MAX_LIMIT: usize = 200;

/// A page size as asked, within 1 and [`MAX_LIMIT`].
pub fn clamp(limit: Option<usize>, default: usize) -> usize {
    limit.unwrap_or(default).clamp(1, MAX_LIMIT)
}

impl<T> Page<T> {
    /// From the `limit + 1` rows a query read: the first `limit`, and a
    /// cursor after the last of them when there was one more.
    pub fn from_rows(mut rows: Vec<T>, limit: usize, cursor_of: impl Fn(&T) -> After) -> Self {
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next = if more { rows.last().map(cursor_of) } else { None };
        Self { items: rows, next }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_knows_whether_another_follows() {
        let key = |n: &i32| After { key: n.to_string(), id: n.to_string() };
        let p = Page::from_rows(vec![1, 2, 3], 2, key);
        assert_eq!((p.items, p.next.map(|a| a.id)), (vec![1, 2], Some("2".to_owned())));
        let p = Page::from_rows(vec![1, 2], 2, key);
        assert_eq!((p.items, p.next), (vec![1, 2], None));
        assert_eq!((clamp(None, 50), clamp(Some(0), 50), clamp(Some(10_000), 50)), (50, 1, MAX_LIMIT));
    }
}
