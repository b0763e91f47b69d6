//! The community manager's dashboard (UG-12): a region's open tasks from
//! every rule of the governance issue, newest first, each linking to its
//! action.

use chrono::{DateTime, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::group::GroupStatus;
use guildhall_domain::ids::RegionId;
use guildhall_domain::money::ClaimStatus;
use guildhall_domain::speaker::SpeakerStatus;
use guildhall_storage::{events, expenses, groups, leader_applications, speakers};

use super::Services;
use crate::error::AppError;

/// One thing waiting for the manager.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Task {
    /// leader_application, session_review, conduct_report, expense_claim,
    /// needs_support, expert_request or speaker_application.
    pub kind: &'static str,
    pub title: String,
    /// Where it stands, for kinds that have stages (`submitted`,
    /// `investigating`...).
    pub state: Option<&'static str>,
    pub at: DateTime<Utc>,
    /// The page where the manager acts on it.
    pub link: String,
}

/// UG-12: every open task of a region.
#[tracing::instrument(skip_all)]
pub async fn tasks(svc: &Services, actor: &Actor, region: RegionId) -> Result<Vec<Task>, AppError> {
    authorize(actor, Action::ViewRegion(region))?;
    let db = svc.db.reader();
    let mut out = Vec::new();
    for a in leader_applications::of_region(db, region, true).await? {
        out.push(Task {
            kind: "leader_application",
            title: format!("{} → {}", a.member_name, a.target_name()),
            state: Some(a.status.as_str()),
            at: a.updated_at,
            link: format!("/applications/lead/{}", a.id),
        });
    }
    for (id, title, waiting, at) in events::pending_reviews(db, region).await? {
        out.push(Task {
            kind: "session_review",
            title: format!("{title} ({waiting})"),
            state: None,
            at,
            link: format!("/events/{id}#talks"),
        });
    }
    for r in super::conduct::visible(svc, actor).await? {
        if r.region_id == region && !r.status.is_closed() {
            out.push(Task {
                kind: "conduct_report",
                title: r.group_name.clone(),
                state: Some(r.status.as_str()),
                at: r.updated_at,
                link: format!("/reports/{}", r.id),
            });
        }
    }
    for c in expenses::list(db, Some(region), None).await? {
        if c.status == ClaimStatus::Submitted {
            out.push(Task {
                kind: "expense_claim",
                title: format!("{}: {} ({})", c.group_name, c.event_title, c.amounts.total()),
                state: None,
                at: c.created_at,
                link: format!("/claims/{}", c.id),
            });
        }
    }
    for g in groups::in_region(db, region).await? {
        if g.status == GroupStatus::NeedsSupport {
            out.push(Task {
                kind: "needs_support",
                title: g.profile.name.to_string(),
                state: None,
                at: g.needs_support_since.unwrap_or(g.created_at),
                link: format!("/groups/{}#health", g.profile.slug),
            });
        }
    }
    for x in speakers::expert_requests(db, Some(region), None).await? {
        if !x.answered {
            out.push(Task {
                kind: "expert_request",
                title: format!("{}: {}", x.group_name, x.topic),
                state: None,
                at: x.created_at,
                link: format!("/expert-requests/{}", x.id),
            });
        }
    }
    for s in speakers::search(db, SpeakerStatus::Submitted, None, Some(region)).await? {
        out.push(Task {
            kind: "speaker_application",
            title: s.name.clone(),
            state: None,
            at: s.updated_at,
            link: "/speakers/review".into(),
        });
    }
    out.sort_by_key(|t| std::cmp::Reverse(t.at));
    Ok(out)
}
