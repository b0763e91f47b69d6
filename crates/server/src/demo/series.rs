//! A demo series (UG-16): Lisboa .NET meets the second Wednesday of each
//! month; a few regulars registered for all of it at once.

use chrono::{Datelike, Duration, Utc};
use guildhall_domain::ids::MemberId;
use guildhall_domain::series::RecurrenceFields;
use guildhall_storage::{groups, members};

use crate::app::AppState;
use crate::auth::SignedIn;
use crate::services::series::{self as service, SeriesInput};

pub async fn fill(state: &AppState, crowd: &[MemberId]) -> anyhow::Result<()> {
    let leader = super::governance::actor(state, "tomas.ferreira@example.org").await?;
    let Some(g) = groups::by_slug(state.services.db.reader(), "lisboa-net").await? else { return Ok(()) };
    // From the first of next month: six monthly talks, the summer one skipped.
    // At the group's usual room.
    let venue = guildhall_storage::venues::in_country(state.services.db.reader(), g.profile.country)
        .await?
        .into_iter()
        .find(|v| v.profile.name.as_str().starts_with("LX Factory"))
        .map(|v| v.id.to_string())
        .unwrap_or_default();
    let today = Utc::now().date_naive();
    let next_month = (today + Duration::days(32)).with_day(1).unwrap_or(today);
    let input = SeriesInput {
        title: "Second Wednesday talks".into(),
        description: "One talk a month from someone in the community, then questions and pizza. \
                      Register once for every date; give up one date's ticket when you cannot come."
            .into(),
        capacity: "40".into(),
        online_link: String::new(),
        venue_id: venue,
        waitlist_mode: "offers".into(),
        rule: RecurrenceFields {
            from: next_month.to_string(),
            frequency: "monthly".into(),
            weekday: "WE".into(),
            nth: "2".into(),
            starts: "18:30".into(),
            ends: "20:30".into(),
            count: "6".into(),
            ..Default::default()
        },
    };
    let id = service::create(&state.services, &leader, g.id, &input).await?;
    service::publish(&state.services, &leader, id).await?;
    for m in crowd.iter().take(5) {
        let member = members::by_id(state.services.db.reader(), *m).await?;
        let Some(member) = member else { continue };
        let actor = members::actor(state.services.db.reader(), *m).await?;
        service::join(&state.services, &SignedIn { member, actor }, id).await?;
    }
    Ok(())
}
