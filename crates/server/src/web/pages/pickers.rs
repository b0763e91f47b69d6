//! Choosing a person by searching their name (issue 17 item 6): a search
//! form on the page itself, then one button per person found. It needs no
//! script, and nobody types a member id or has to know an address.

use guildhall_domain::access::{authorize, Action};
use guildhall_domain::values::SearchQuery;
use guildhall_storage::members::{self, Found};

use crate::app::AppState;
use crate::error::AppResult;
use crate::web::ctx::PageCtx;

/// How many people one search shows: a longer list wants a longer name.
const SHOWN: usize = 8;

/// One picker as a page shows it.
pub struct Finder {
    /// The search field's name and id; its value is carried in the page's
    /// address (`?appoint=ana#leaders`).
    pub field: &'static str,
    pub label: String,
    /// Where the search is made (the page itself) and where it returns.
    pub page: String,
    pub anchor: &'static str,
    /// Where a chosen person is sent, as `member`.
    pub action: String,
    pub button: String,
    pub q: String,
    pub found: Vec<Found>,
    /// More people match than are shown: the page asks for more of the name.
    pub more: bool,
}

/// What a picker is for, in the page's words.
pub struct Purpose {
    /// The page the picker is on (not the address a refused form was
    /// sent to, which may take POST only).
    pub page: String,
    pub field: &'static str,
    pub label_key: &'static str,
    pub button_key: &'static str,
    pub anchor: &'static str,
    pub action: String,
}

impl Finder {
    /// The picker for `purpose`, with the people matching what was typed,
    /// when the viewer may do `may` (None when they may not: no picker).
    pub async fn on(state: &AppState, ctx: &PageCtx, purpose: Purpose, may: Action) -> AppResult<Option<Finder>> {
        let Some(me) = ctx.user.as_ref() else { return Ok(None) };
        if authorize(&me.actor, may).is_err() {
            return Ok(None);
        }
        let q = ctx.query_value(purpose.field).unwrap_or_default();
        let search = SearchQuery::parse(&q);
        let mut found = if search.is_empty() {
            Vec::new()
        } else {
            members::find_by_name(state.services.db.reader(), &search, SHOWN + 1).await?
        };
        let more = found.len() > SHOWN;
        found.truncate(SHOWN);
        Ok(Some(Finder {
            field: purpose.field,
            label: ctx.t(purpose.label_key),
            page: purpose.page,
            more,
            anchor: purpose.anchor,
            action: purpose.action,
            button: ctx.t(purpose.button_key),
            q,
            found,
        }))
    }
}
