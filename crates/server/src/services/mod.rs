//! Services: the only writers. Each public function is one change of state:
//! it opens the transaction, checks the rule, changes the rows, writes the
//! audit entry and the outbox email, and commits. Pages, the JSON API, jobs
//! and the command line all call these same functions.

pub mod accounts;
pub mod announcements;
pub mod benefits;
pub mod calendar_feeds;
pub mod conduct;
pub mod context;
pub mod contributions;
pub mod dashboard;
pub mod door;
pub mod email_preferences;
pub mod erasure;
pub mod event_changes;
pub mod event_messages;
pub mod event_view;
pub mod events;
pub mod expenses;
pub mod export;
pub mod follows;
pub mod forum_import;
pub mod group_lifecycle;
pub mod groups;
pub mod health;
pub mod imports;
pub mod invitations;
pub mod leadership;
pub mod limits;
pub mod linked_accounts;
pub mod materials;
pub mod notify;
pub mod offers;
pub mod program_evidence;
pub mod program_interviews;
pub mod program_memberships;
pub mod programs;
pub mod regions;
pub mod registrar;
pub mod registrations;
pub mod renewals;
pub mod review;
pub mod roles;
pub mod series;
pub mod sessions;
pub mod settings;
pub mod settings_cache;
pub mod speakers;
pub mod ticket_view;
pub mod tokens;

use guildhall_storage::audit::AuditEntry;

pub use context::{Services, Work};

/// Builds an audit entry (PL-7).
pub fn entry<'a>(
    actor: Option<guildhall_domain::ids::MemberId>,
    action: &'a str,
    entity_type: &'a str,
    entity_id: impl ToString,
    reason: Option<&'a str>,
    details: serde_json::Value,
) -> AuditEntry<'a> {
    AuditEntry { actor, action, entity_type, entity_id: entity_id.to_string(), reason, details }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    /// Services and jobs see `Services`, never the web state (decision 0012).
    #[test]
    fn services_and_jobs_import_nothing_from_the_web_or_the_app() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut read = 0;
        for dir in ["services", "jobs"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("source folder") {
                let path = entry.expect("entry").path();
                let text = std::fs::read_to_string(&path).expect("source file");
                // The code, not its tests (this test names what it forbids).
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                read += 1;
                for forbidden in ["crate::web", "crate::app", "AppState"] {
                    assert!(!code.contains(forbidden), "{} mentions {forbidden}", path.display());
                }
            }
        }
        assert!(read > 20, "read {read} files: the folders moved?");
    }
}
