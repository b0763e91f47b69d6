//! The authorization matrix of the governance rules (UG-2, UG-4, UG-6,
//! UG-8, UG-10, UG-11, UG-12, UG-13; PL-1) and of the programs built so far
//! (PL-2, CH-1 … CH-9): every role against every action, on its own and on
//! others' objects, by API and by page, on both databases. Each row writes down the answer each role gets, in the order
//!
//!   visitor, member, leader (this group), leader (other group),
//!   manager (this region), manager (other region), program staff, admin
//!
//! 401: sign in first (pages redirect, 303). 403: not allowed. 404: the
//! object is hidden from those outside its circle (reports, applications,
//! claims). Every cell acts on a fresh object.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::gov::{gov, page_client, Gov, Person};
use reqwest::Method;
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug)]
enum Object {
    /// Nothing to prepare; the path needs only the world's names.
    None,
    /// A leader application by the plain member to the leader's group.
    Application,
    /// Same, with an interview booked.
    InterviewBooked,
    /// A code-of-conduct report about the group (not about a leader).
    Report,
    /// A report about one of the group's leaders.
    ReportAboutLeader,
    /// A submitted expense claim for a completed event of the group.
    Claim,
    /// A draft event of the group under review, with one session.
    ReviewedTalk,
    /// A draft event of the group.
    Draft,
    /// A submitted speaker application by the plain member.
    SpeakerApplication,
    /// An invitation to the plain member (an approved speaker).
    Invitation,
    /// An open expert request of the group.
    ExpertRequest,
    /// A completed event of the group, for a new claim.
    CompletedEvent,
    /// A submitted Champions application by the plain member.
    ProgramApplication,
    /// A contribution the plain member reported (PL-2).
    Contribution,
    /// A new group of the region, led by the leader; `{id}` is its slug.
    SpareGroup,
    /// Same, archived.
    ArchivedGroup,
    /// A feed the plain member linked, waiting for its code (PL-3); its
    /// address refuses connections, so a check cannot read it.
    LinkedAccount,
    /// The plain member's ticket for a published event of the group.
    Ticket,
}

/// What a row prepares: path segments filled in from the object's ids.
struct Prepared {
    id: String,
    extra: String,
}

async fn prepare(g: &Gov, o: Object) -> Prepared {
    let p = |id: String| Prepared { id, extra: String::new() };
    match o {
        Object::None => p(String::new()),
        Object::Application | Object::InterviewBooked => {
            // One open application per member and group: close the last cell's.
            let mut tx = g.app.db.begin().await.unwrap();
            sqlx::query("UPDATE leader_applications SET status = 'withdrawn' WHERE member_id = $1")
                .bind(g.member.id.to_string())
                .execute(&mut *tx)
                .await
                .unwrap();
            // ...and undo an appointment an earlier cell made.
            sqlx::query("DELETE FROM role_grants WHERE member_id = $1")
                .bind(g.member.id.to_string())
                .execute(&mut *tx)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            let body = json!({"group_slug": g.slug, "years": 3, "projects": "An app", "accept_guidelines": true});
            let (s, a) = g.call(Method::POST, "/api/v1/leader-applications", &g.member, Some(body)).await;
            assert_eq!(s, 201, "{a}");
            let id = a["id"].as_str().unwrap().to_owned();
            if matches!(o, Object::InterviewBooked) {
                let t = (Utc::now() + Duration::days(3)).to_rfc3339();
                let (_, a) = g
                    .call(
                        Method::POST,
                        &format!("/api/v1/leader-applications/{id}/interview-times"),
                        &g.manager,
                        Some(json!({"times": [t]})),
                    )
                    .await;
                let slot = a["interview_times"][0]["id"].clone();
                let (s, _) = g
                    .call(
                        Method::POST,
                        &format!("/api/v1/leader-applications/{id}/interview"),
                        &g.member,
                        Some(json!({"slot_id": slot})),
                    )
                    .await;
                assert_eq!(s, 200);
                g.interview_held(&id).await;
            }
            p(id)
        }
        Object::Report | Object::ReportAboutLeader => {
            let about = matches!(o, Object::ReportAboutLeader);
            let body = json!({"group_slug": g.slug, "description": "Something happened.", "concerns_leader": about});
            let (s, r) = g.app.api(Method::POST, "/api/v1/reports", None, Some(body)).await;
            assert_eq!(s, 201);
            p(r["id"].as_str().unwrap().to_owned())
        }
        Object::CompletedEvent | Object::Claim => {
            let ev = g.held_event(g.group, Utc::now() - Duration::days(2), 1).await;
            if matches!(o, Object::CompletedEvent) {
                return p(ev);
            }
            let (s, c) = g
                .call(Method::POST, &format!("/api/v1/events/{ev}/claims"), &g.leader, Some(json!({"venue": "10"})))
                .await;
            assert_eq!(s, 201, "{c}");
            let id = c["id"].as_str().unwrap().to_owned();
            // A receipt, without which no claim is approved (UG-13).
            assert_eq!(g.upload_receipt(&id, "r.pdf").await, 201);
            p(id)
        }
        Object::ReviewedTalk => {
            let ev = g.draft(None, 9).await;
            g.call(
                Method::POST,
                &format!("/api/v1/events/{ev}/review-required"),
                &g.manager,
                Some(json!({"required": true})),
            )
            .await;
            let (_, t) = g
                .call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(json!({"title": "A talk"})))
                .await;
            Prepared { id: ev, extra: t["id"].as_str().unwrap().to_owned() }
        }
        Object::Draft => p(g.draft(None, 9).await),
        Object::SpeakerApplication | Object::Invitation => {
            let body = json!({"region_id": g.region.to_string(), "bio": "Hi", "topics": "rust"});
            let (s, _) = g.call(Method::POST, "/api/v1/speakers", &g.member, Some(body)).await;
            assert_eq!(s, 204);
            if matches!(o, Object::SpeakerApplication) {
                return p(g.member.id.to_string());
            }
            g.call(
                Method::POST,
                &format!("/api/v1/speakers/{}/decision", g.member.id),
                &g.manager,
                Some(json!({"approve": true})),
            )
            .await;
            let ev = g.draft(None, 9).await;
            let body = json!({"speaker_id": g.member.id.to_string(), "talk_title": "Rust at work"});
            let (s, i) = g.call(Method::POST, &format!("/api/v1/events/{ev}/invitations"), &g.leader, Some(body)).await;
            assert_eq!(s, 201, "{i}");
            p(i["id"].as_str().unwrap().to_owned())
        }
        Object::ProgramApplication => {
            // One open application per program: close the last cell's.
            let mut tx = g.app.db.begin().await.unwrap();
            sqlx::query("UPDATE program_applications SET stage = 'declined' WHERE member_id = $1")
                .bind(g.member.id.to_string())
                .execute(&mut *tx)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            let (s, a) = g
                .call(
                    Method::POST,
                    "/api/v1/programs/champions/applications",
                    &g.member,
                    Some(json!({"focus_area": "forums"})),
                )
                .await;
            assert_eq!(s, 201, "{a}");
            let id = a["id"].as_str().unwrap().to_owned();
            let (s, _) = g.call(Method::POST, &format!("/api/v1/applications/{id}/submit"), &g.member, None).await;
            assert_eq!(s, 200);
            p(id)
        }
        Object::Contribution => {
            let body = json!({"kind": "content_piece", "format": "video", "title": "A talk recording",
                "date": "2026-06-01", "link": format!("https://videos.example.org/{}", uuid::Uuid::now_v7())});
            let path = format!("/api/v1/members/{}/contributions", g.member.id);
            let (s, c) = g.call(Method::POST, &path, &g.member, Some(body)).await;
            assert_eq!(s, 201, "{c}");
            p(c["id"].as_str().unwrap().to_owned())
        }
        Object::Ticket => {
            let ev = g.published(None, 10).await;
            let (s, r) = g.call(Method::POST, &format!("/api/v1/events/{ev}/registrations"), &g.member, None).await;
            assert_eq!(s, 201, "{r}");
            p(r["id"].as_str().unwrap().to_owned())
        }
        Object::LinkedAccount => {
            let handle = format!("http://127.0.0.1:9/{}.xml", uuid::Uuid::now_v7().simple());
            let path = format!("/api/v1/members/{}/linked-accounts", g.member.id);
            let (s, l) = g.call(Method::POST, &path, &g.member, Some(json!({"kind": "feed", "handle": handle}))).await;
            assert_eq!(s, 201, "{l}");
            p(l["id"].as_str().unwrap().to_owned())
        }
        Object::SpareGroup | Object::ArchivedGroup => {
            let slug = format!("spare-{}", uuid::Uuid::now_v7().simple());
            // A second leader, fresh each cell, whom the removal row takes off.
            let (second, second_email, _) =
                g.app.member_with_role(&format!("second{}", uuid::Uuid::now_v7().simple()), None).await;
            let body = json!({"region_id": g.region.to_string(), "name": "Spare group", "slug": slug, "city": "Lisboa",
                "country": "PT", "time_zone": "Europe/Lisbon", "description": "A group for one cell.",
                "leaders": [g.leader.email, second_email]});
            let (s, b) = g.call(Method::POST, "/api/v1/groups", &g.admin, Some(body)).await;
            assert_eq!(s, 201, "{b}");
            if matches!(o, Object::ArchivedGroup) {
                let (s, _) = g
                    .call(
                        Method::POST,
                        &format!("/api/v1/groups/{slug}/archive"),
                        &g.admin,
                        Some(json!({"reason": "Cell"})),
                    )
                    .await;
                assert_eq!(s, 200);
            }
            Prepared { id: slug, extra: second.to_string() }
        }
        Object::ExpertRequest => {
            let body = json!({"occasion": "Anniversary", "topic": "Internals"});
            let (s, x) = g
                .call(Method::POST, &format!("/api/v1/groups/{}/expert-requests", g.slug), &g.leader, Some(body))
                .await;
            assert_eq!(s, 201);
            p(x["id"].as_str().unwrap().to_owned())
        }
    }
}

/// One API row: the action, what it needs, and the eight answers.
struct Row {
    name: &'static str,
    method: Method,
    /// `{id}`, `{extra}`, `{slug}`, `{region}` are filled in.
    path: &'static str,
    body: Option<Value>,
    object: Object,
    expect: [u16; 8],
}

fn people(g: &Gov) -> [Option<&Person>; 8] {
    [
        None,
        Some(&g.member),
        Some(&g.leader),
        Some(&g.other_leader),
        Some(&g.manager),
        Some(&g.other_manager),
        Some(&g.staff),
        Some(&g.admin),
    ]
}

const ROLES: [&str; 8] = ["visitor", "member", "leader", "other leader", "manager", "other manager", "staff", "admin"];

fn fill(path: &str, g: &Gov, p: &Prepared) -> String {
    path.replace("{id}", &p.id)
        .replace("{extra}", &p.extra)
        .replace("{slug}", &g.slug)
        .replace("{region}", &g.region.to_string())
        .replace("{member}", &g.member.id.to_string())
}

/// Region ids in bodies and forms: `OTHER_REGION`, then `REGION`.
fn fill_body(text: &str, g: &Gov) -> String {
    text.replace("OTHER_REGION", &g.other_region.to_string()).replace("REGION", &g.region.to_string())
}

fn api_rows() -> Vec<Row> {
    use Method as M;
    use Object as O;
    let r = |name, method, path, body, object, expect| Row { name, method, path, body, object, expect };
    let apply = json!({"group_slug": "lisboa-devs", "years": 2, "projects": "x", "accept_guidelines": true});
    vec![
        r(
            "UG-2 apply to lead",
            M::POST,
            "/api/v1/leader-applications",
            Some(apply),
            O::None,
            [401, 201, 422, 201, 201, 201, 201, 201],
        ),
        r(
            "UG-2 read an application (member's own)",
            M::GET,
            "/api/v1/leader-applications/{id}",
            None,
            O::Application,
            [401, 200, 404, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-2 propose interview times",
            M::POST,
            "/api/v1/leader-applications/{id}/interview-times",
            Some(json!({"times": [(Utc::now() + Duration::days(4)).to_rfc3339()]})),
            O::Application,
            [401, 403, 404, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-2 record interview notes",
            M::POST,
            "/api/v1/leader-applications/{id}/notes",
            Some(json!({"notes": "ok"})),
            O::Application,
            [401, 403, 404, 404, 204, 404, 404, 204],
        ),
        r(
            "UG-2 appoint",
            M::POST,
            "/api/v1/leader-applications/{id}/appoint",
            Some(json!({"reason": "Good fit"})),
            O::InterviewBooked,
            [401, 403, 404, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-2 decline",
            M::POST,
            "/api/v1/leader-applications/{id}/decline",
            Some(json!({"reason": "Not now"})),
            O::Application,
            [401, 403, 404, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-2 withdraw (applicant only)",
            M::POST,
            "/api/v1/leader-applications/{id}/withdraw",
            None,
            O::Application,
            [401, 204, 404, 404, 403, 404, 404, 403],
        ),
        r(
            "UG-4 nominate a co-leader",
            M::POST,
            "/api/v1/groups/{slug}/nominations",
            Some(json!({"email": "member0@example.org"})),
            O::None,
            [401, 403, 202, 403, 202, 403, 403, 202],
        ),
        r(
            "UG-4 co-leader wanted",
            M::POST,
            "/api/v1/groups/{slug}/coleader-wanted",
            Some(json!({"wanted": true})),
            O::None,
            [401, 403, 204, 403, 204, 403, 403, 204],
        ),
        r(
            "UG-6 require review for a group",
            M::POST,
            "/api/v1/groups/{slug}/review-required",
            Some(json!({"required": true})),
            O::None,
            [401, 403, 403, 403, 204, 403, 403, 204],
        ),
        r(
            "UG-6 require review for an event",
            M::POST,
            "/api/v1/events/{id}/review-required",
            Some(json!({"required": true})),
            O::Draft,
            [401, 403, 403, 403, 204, 403, 403, 204],
        ),
        r(
            "UG-6 edit a session (resubmit)",
            M::PATCH,
            "/api/v1/events/{id}/talks/{extra}",
            Some(json!({"title": "A better talk"})),
            O::ReviewedTalk,
            [401, 403, 204, 403, 204, 403, 403, 204],
        ),
        r(
            "UG-6 review a session",
            M::POST,
            "/api/v1/events/{id}/talks/{extra}/review",
            Some(json!({"verdict": "request_changes", "notes": "Use the template"})),
            O::ReviewedTalk,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-8 file a report (anyone)",
            M::POST,
            "/api/v1/reports",
            Some(json!({"group_slug": "lisboa-devs", "description": "x"})),
            O::None,
            [201, 201, 201, 201, 201, 201, 201, 201],
        ),
        r(
            "UG-8 read a report",
            M::GET,
            "/api/v1/reports/{id}",
            None,
            O::Report,
            [401, 404, 200, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-8 read a report about a leader",
            M::GET,
            "/api/v1/reports/{id}",
            None,
            O::ReportAboutLeader,
            [401, 404, 404, 404, 200, 404, 200, 200],
        ),
        r(
            "UG-8 note and move a report",
            M::POST,
            "/api/v1/reports/{id}/notes",
            Some(json!({"status": "investigating", "note": "looking"})),
            O::Report,
            [401, 404, 200, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-8 note a report about a leader",
            M::POST,
            "/api/v1/reports/{id}/notes",
            Some(json!({"status": "investigating", "note": "looking"})),
            O::ReportAboutLeader,
            [401, 404, 404, 404, 200, 404, 200, 200],
        ),
        r(
            "UG-10 group health (public)",
            M::GET,
            "/api/v1/groups/{slug}/health",
            None,
            O::None,
            [200, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            "UG-10 region health",
            M::GET,
            "/api/v1/regions/{region}/health",
            None,
            O::None,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-12 region tasks",
            M::GET,
            "/api/v1/regions/{region}/tasks",
            None,
            O::None,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "PL-2 verify a contribution",
            M::POST,
            "/api/v1/contributions/{id}/verification",
            Some(json!({"verification": "verified"})),
            O::Contribution,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "PL-2 correct a contribution one reported",
            M::PATCH,
            "/api/v1/contributions/{id}",
            Some(json!({"kind": "content_piece", "format": "video", "title": "Fixed", "date": "2026-06-02"})),
            O::Contribution,
            [401, 200, 404, 404, 404, 404, 404, 404],
        ),
        r(
            "PL-2 delete a contribution one reported",
            M::DELETE,
            "/api/v1/contributions/{id}",
            None,
            O::Contribution,
            [401, 204, 404, 404, 404, 404, 404, 404],
        ),
        r(
            // A draft has nobody registered: those allowed get as far as "nobody to message".
            "UG-14 write to an event's registrants",
            M::POST,
            "/api/v1/events/{id}/messages",
            Some(json!({"audience": "all", "subject": "Hello", "body": "Doors at 18:30"})),
            O::Draft,
            [401, 403, 422, 403, 422, 403, 403, 422],
        ),
        r("CH-8 list benefits", M::GET, "/api/v1/benefits", None, O::None, [401, 200, 200, 200, 200, 200, 200, 200]),
        r(
            "CH-8 create a pool",
            M::POST,
            "/api/v1/benefits",
            Some(json!({"name": "Voucher", "codes": ["A"]})),
            O::None,
            [401, 403, 403, 403, 403, 403, 201, 201],
        ),
        r("PL-1 list staff roles", M::GET, "/api/v1/roles", None, O::None, [401, 403, 403, 403, 403, 403, 403, 200]),
        r(
            "PL-1 grant a role",
            M::POST,
            "/api/v1/members/{member}/roles",
            Some(json!({"role": "program_staff"})),
            O::None,
            [401, 403, 403, 403, 403, 403, 403, 201],
        ),
        r(
            // Takes back what the row above gave, so later rows see a plain member.
            "PL-1 revoke a role",
            M::DELETE,
            "/api/v1/members/{member}/roles/program_staff",
            None,
            O::None,
            [401, 403, 403, 403, 403, 403, 403, 204],
        ),
        r(
            "UG-11 apply to speak",
            M::POST,
            "/api/v1/speakers",
            Some(json!({"region_id": "REGION", "bio": "b", "topics": "go"})),
            O::None,
            [401, 204, 204, 204, 204, 204, 204, 204],
        ),
        r(
            "UG-11 list speaker applications",
            M::GET,
            "/api/v1/speakers/applications",
            None,
            O::None,
            [401, 403, 403, 403, 200, 200, 403, 200],
        ),
        r(
            "UG-11 decide a speaker application",
            M::POST,
            "/api/v1/speakers/{id}/decision",
            Some(json!({"approve": true})),
            O::SpeakerApplication,
            // UG-11: the other region's manager finds no such application.
            [401, 403, 403, 403, 204, 404, 403, 204],
        ),
        r(
            "UG-11 browse the speaker pool",
            M::GET,
            "/api/v1/speakers?topic=rust",
            None,
            O::None,
            [401, 403, 200, 200, 200, 200, 403, 200],
        ),
        r(
            "UG-11 invite a speaker",
            M::POST,
            "/api/v1/events/{id}/invitations",
            Some(json!({"speaker_id": "NOBODY", "talk_title": "t"})),
            O::Draft,
            [401, 403, 422, 403, 422, 403, 403, 422],
        ),
        r(
            "UG-11 answer an invitation (the speaker)",
            M::POST,
            "/api/v1/invitations/{id}/answer",
            Some(json!({"accept": false})),
            O::Invitation,
            [401, 204, 404, 404, 404, 404, 404, 404],
        ),
        r(
            "UG-11 ask for an expert",
            M::POST,
            "/api/v1/groups/{slug}/expert-requests",
            Some(json!({"occasion": "o", "topic": "t"})),
            O::None,
            [401, 403, 201, 403, 403, 403, 403, 201],
        ),
        r(
            "UG-11 read an expert request",
            M::GET,
            "/api/v1/expert-requests/{id}",
            None,
            O::ExpertRequest,
            [401, 404, 200, 404, 200, 404, 200, 200],
        ),
        r(
            "UG-11 answer an expert request",
            M::POST,
            "/api/v1/expert-requests/{id}/answer",
            Some(json!({"answer": "Ana will come"})),
            O::ExpertRequest,
            [401, 403, 403, 403, 200, 403, 200, 200],
        ),
        r(
            "UG-13 set a fee schedule",
            M::PUT,
            "/api/v1/regions/{region}/fee-schedule",
            Some(json!({"venue": "300", "catering": "200", "other": "50"})),
            O::None,
            [401, 403, 403, 403, 403, 403, 403, 200],
        ),
        r(
            "UG-13 file a claim",
            M::POST,
            "/api/v1/events/{id}/claims",
            Some(json!({"venue": "10"})),
            O::CompletedEvent,
            [401, 403, 201, 403, 403, 403, 403, 201],
        ),
        r(
            "UG-13 read a claim",
            M::GET,
            "/api/v1/claims/{id}",
            None,
            O::Claim,
            [401, 404, 200, 404, 200, 404, 404, 200],
        ),
        r(
            "PL-4 read my email preferences",
            M::GET,
            "/api/v1/me/email-preferences",
            None,
            O::None,
            [401, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            "PL-4 set my email preferences",
            M::PUT,
            "/api/v1/me/email-preferences",
            Some(json!({"reminders": true, "announcements": true})),
            O::None,
            [401, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            "CH-6 edit a draft (submitted: refused to the applicant)",
            M::PATCH,
            "/api/v1/applications/{id}",
            Some(json!({"focus_area": "forums"})),
            O::ProgramApplication,
            [401, 409, 404, 404, 404, 404, 403, 403],
        ),
        r(
            "UG-1 remove a leader (not the last)",
            M::DELETE,
            "/api/v1/groups/{id}/leaders/{extra}",
            None,
            O::SpareGroup,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-1 archive a group",
            M::POST,
            "/api/v1/groups/{id}/archive",
            Some(json!({"reason": "Stopped meeting"})),
            O::SpareGroup,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-1 reactivate a group",
            M::POST,
            "/api/v1/groups/{id}/reactivate",
            None,
            O::ArchivedGroup,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-1 move a group to another region",
            M::PUT,
            "/api/v1/groups/{id}/region",
            Some(json!({"region_id": "OTHER_REGION"})),
            O::SpareGroup,
            [401, 403, 403, 403, 403, 403, 403, 200],
        ),
        r(
            "UG-13 correct a claim",
            M::PATCH,
            "/api/v1/claims/{id}",
            Some(json!({"venue": "20"})),
            O::Claim,
            [401, 404, 200, 404, 403, 404, 404, 200],
        ),
        r(
            "UG-13 withdraw a claim",
            M::POST,
            "/api/v1/claims/{id}/withdraw",
            None,
            O::Claim,
            [401, 404, 200, 404, 403, 404, 404, 200],
        ),
        r(
            "UG-13 a group's claims",
            M::GET,
            "/api/v1/groups/{slug}/claims",
            None,
            O::None,
            [401, 404, 200, 404, 200, 404, 404, 200],
        ),
        r(
            "UG-13 approve a claim",
            M::POST,
            "/api/v1/claims/{id}/approve",
            Some(json!({})),
            O::Claim,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-13 reject a claim",
            M::POST,
            "/api/v1/claims/{id}/reject",
            Some(json!({"reason": "No receipts"})),
            O::Claim,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "UG-13 totals of a region",
            M::GET,
            "/api/v1/expenses?year=2026&region_id={region}",
            None,
            O::None,
            [401, 403, 403, 403, 200, 403, 403, 200],
        ),
        r(
            "PL-2 read a member's contributions",
            M::GET,
            "/api/v1/members/{member}/contributions",
            None,
            O::None,
            [401, 200, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "PL-2 record a member's contribution",
            M::POST,
            "/api/v1/members/{member}/contributions",
            Some(json!({"kind": "forum_solution", "title": "An answer", "date": "2026-01-05"})),
            O::None,
            [401, 201, 403, 403, 403, 403, 201, 201],
        ),
        r(
            "CH-5 an application's evidence and rubric",
            M::GET,
            "/api/v1/applications/{id}/evidence",
            None,
            O::ProgramApplication,
            [401, 403, 404, 404, 404, 404, 200, 200],
        ),
        r(
            // The application has no evidence: those allowed are told the piece is not part of it.
            "CH-5 judge a piece of evidence",
            M::POST,
            "/api/v1/applications/{id}/judgments",
            Some(json!({"piece": "no-such-piece", "points": []})),
            O::ProgramApplication,
            [401, 403, 403, 403, 403, 403, 422, 422],
        ),
        r(
            // Naming nobody where nobody is named changes nothing: allowed, 200.
            "CH-6 name an application's interviewer",
            M::PUT,
            "/api/v1/applications/{id}/interviewer",
            Some(json!({"member_id": null})),
            O::ProgramApplication,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r("UG-14 my tickets", M::GET, "/api/v1/me/tickets", None, O::None, [401, 200, 200, 200, 200, 200, 200, 200]),
        r("UG-15 my follows", M::GET, "/api/v1/me/follows", None, O::None, [401, 200, 200, 200, 200, 200, 200, 200]),
        r(
            "UG-15 follow a group",
            M::PUT,
            "/api/v1/me/follows/{slug}",
            None,
            O::None,
            [401, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            "UG-15 stop following a group",
            M::DELETE,
            "/api/v1/me/follows/{slug}",
            None,
            O::None,
            [401, 204, 204, 204, 204, 204, 204, 204],
        ),
        r(
            "UG-15 whom I may announce to",
            M::GET,
            "/api/v1/announcements/audiences",
            None,
            O::None,
            [401, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            // The region's managers and program staff write to its leaders.
            "UG-15 reach of the region's leaders",
            M::POST,
            "/api/v1/announcements/reach",
            Some(json!({"audience": "region_leaders", "target": "REGION"})),
            O::None,
            [401, 403, 403, 403, 200, 403, 200, 200],
        ),
        r(
            "UG-15 announce to the region's leaders",
            M::POST,
            "/api/v1/announcements",
            Some(
                json!({"audience": "region_leaders", "target": "REGION", "subject": "Budget", "body": "Claims close Friday."}),
            ),
            O::None,
            [401, 403, 403, 403, 202, 403, 202, 202],
        ),
        r(
            // Only program staff write to a program's members.
            "UG-15 reach of a program's members",
            M::POST,
            "/api/v1/announcements/reach",
            Some(json!({"audience": "program_members", "target": "mvp"})),
            O::None,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "UG-15 announcements sent (each sees their own audiences')",
            M::GET,
            "/api/v1/announcements",
            None,
            O::None,
            [401, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            // The holder and those who run the group; to anyone else it does not exist.
            "UG-14 one ticket",
            M::GET,
            "/api/v1/tickets/{id}",
            None,
            O::Ticket,
            [401, 200, 200, 404, 200, 404, 404, 200],
        ),
        r(
            "CH-6 the interviews I was named to hold",
            M::GET,
            "/api/v1/me/interviews",
            None,
            O::None,
            [401, 200, 200, 200, 200, 200, 200, 200],
        ),
        r(
            "CH-6 the program's applications (pipeline)",
            M::GET,
            "/api/v1/programs/champions/applications",
            None,
            O::None,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "PL-3 a member's linked accounts",
            M::GET,
            "/api/v1/members/{member}/linked-accounts",
            None,
            O::None,
            [401, 200, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "PL-3 link an account",
            M::POST,
            "/api/v1/members/{member}/linked-accounts",
            Some(json!({})),
            O::None,
            [401, 201, 403, 403, 403, 403, 201, 201],
        ),
        r(
            // The feed's address refuses connections: those who may check are told it cannot be read.
            "PL-3 check a link's code",
            M::POST,
            "/api/v1/linked-accounts/{id}/check",
            None,
            O::LinkedAccount,
            [401, 422, 404, 404, 404, 404, 422, 422],
        ),
        r(
            "PL-3 confirm a link",
            M::POST,
            "/api/v1/linked-accounts/{id}/confirm",
            None,
            O::LinkedAccount,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "PL-3 unlink an account",
            M::DELETE,
            "/api/v1/linked-accounts/{id}",
            None,
            O::LinkedAccount,
            [401, 204, 404, 404, 404, 404, 204, 204],
        ),
        r(
            "PL-3 import a feed that is not linked",
            M::POST,
            "/api/v1/members/{member}/imports/feed",
            Some(json!({"url": "https://blog.example.org/none.xml"})),
            O::None,
            [401, 409, 403, 403, 403, 403, 409, 409],
        ),
        r(
            "CH-4 a member's eligibility",
            M::GET,
            "/api/v1/members/{member}/eligibility?program=champions&focus_area=forums",
            None,
            O::None,
            [401, 200, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "CH-6 read a program application",
            M::GET,
            "/api/v1/applications/{id}",
            None,
            O::ProgramApplication,
            [401, 200, 404, 404, 404, 404, 200, 200],
        ),
        r(
            "CH-5 screen an application",
            M::POST,
            "/api/v1/applications/{id}/screen",
            Some(json!({"quality_accepted": true})),
            O::ProgramApplication,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "CH-1 grant a membership",
            M::POST,
            "/api/v1/programs/ambassadors/memberships",
            Some(json!({"member_id": "FRESH"})),
            O::None,
            [401, 403, 403, 403, 403, 403, 201, 201],
        ),
        r(
            "CH-8 create a benefit pool",
            M::POST,
            "/api/v1/benefits",
            Some(json!({"name": "Voucher", "codes": ["A1"]})),
            O::None,
            [401, 403, 403, 403, 403, 403, 201, 201],
        ),
        r(
            "CH-7 run the renewal",
            M::POST,
            "/api/v1/programs/champions/renewals",
            Some(json!({})),
            O::None,
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        r(
            "CH-9 the directory (public)",
            M::GET,
            "/api/v1/directory",
            None,
            O::None,
            [200, 200, 200, 200, 200, 200, 200, 200],
        ),
    ]
}

on_both!(authorization_matrix_by_api, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    // Every cell files its own report; the flood limit is not under test here.
    g.set_setting("conduct.reports_per_group_per_hour", "10000").await;
    g.set_setting("conduct.reports_per_network_per_hour", "10000").await;
    // Claims need a fee schedule.
    g.fee_schedule().await;
    let mut wrong = Vec::new();
    for row in api_rows() {
        for (i, who) in people(&g).into_iter().enumerate() {
            let prepared = prepare(&g, row.object).await;
            let path = fill(row.path, &g, &prepared);
            let body = row.body.as_ref().map(|b| serde_json::from_str(&fill_body(&b.to_string(), &g)).unwrap());
            // The other group's leader asks for a nomination of themselves: a fresh nominee each time.
            let body = match (row.name, body) {
                ("UG-4 nominate a co-leader", Some(_)) => {
                    let (_, email, _) = g.app.member_with_role(&format!("nominee{i}x"), None).await;
                    Some(json!({"email": email}))
                }
                ("PL-3 link an account", Some(_)) => {
                    // An address literal: linking resolves the host, and tests have no DNS.
                    Some(json!({"kind": "feed", "handle": format!("http://127.0.0.1:9/blog{i}.xml")}))
                }
                ("CH-1 grant a membership", Some(_)) => {
                    let (id, _, _) = g.app.member_with_role(&format!("grantee{i}x"), None).await;
                    Some(json!({"member_id": id.to_string()}))
                }
                (_, b) => b,
            };
            let (status, answer) = g.app.api(row.method.clone(), &path, who.map(|p| p.token.as_str()), body).await;
            if status != row.expect[i] {
                wrong.push(format!(
                    "{} as {}: expected {}, got {} {}",
                    row.name, ROLES[i], row.expect[i], status, answer
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} cells differ:\n{}", wrong.len(), wrong.join("\n"));
});

/// One page row: GET when `form` is None, else a POST of the form.
struct PageRow {
    name: &'static str,
    path: &'static str,
    form: Option<&'static [(&'static str, &'static str)]>,
    object: Object,
    expect: [u16; 8],
}

fn page_rows() -> Vec<PageRow> {
    use Object as O;
    let get = |name, path, object, expect| PageRow { name, path, form: None, object, expect };
    let post = |name, path, form, object, expect| PageRow { name, path, form: Some(form), object, expect };
    vec![
        get(
            "UG-2 application page",
            "/applications/lead/{id}",
            O::Application,
            [303, 200, 404, 404, 200, 404, 404, 200],
        ),
        post(
            "UG-2 interview notes",
            "/applications/lead/{id}/notes",
            &[("notes", "ok")],
            O::Application,
            [401, 403, 404, 404, 303, 404, 404, 303],
        ),
        post(
            "UG-2 decline",
            "/applications/lead/{id}/decline",
            &[("reason", "Not now")],
            O::Application,
            [401, 403, 404, 404, 303, 404, 404, 303],
        ),
        post(
            "UG-4 co-leader wanted",
            "/groups/{slug}/coleader-wanted",
            &[("wanted", "true")],
            O::None,
            [401, 403, 303, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-6 group review",
            "/groups/{slug}/review-required",
            &[("required", "true")],
            O::None,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-6 event review",
            "/events/{id}/review-required",
            &[("required", "true")],
            O::Draft,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-6 edit a session (form)",
            "/events/{id}/talks/{extra}/edit",
            &[("title", "A better talk")],
            O::ReviewedTalk,
            [401, 403, 303, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-6 review a session",
            "/events/{id}/talks/{extra}/review",
            &[("verdict", "request_changes"), ("notes", "Use the template")],
            O::ReviewedTalk,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        get("UG-8 code of conduct", "/code-of-conduct", O::None, [200, 200, 200, 200, 200, 200, 200, 200]),
        get("UG-8 report form", "/groups/{slug}/report", O::None, [200, 200, 200, 200, 200, 200, 200, 200]),
        get("UG-8 report page", "/reports/{id}", O::Report, [303, 404, 200, 404, 200, 404, 404, 200]),
        get(
            "UG-8 report about a leader",
            "/reports/{id}",
            O::ReportAboutLeader,
            [303, 404, 404, 404, 200, 404, 200, 200],
        ),
        post(
            "UG-8 note a report",
            "/reports/{id}/notes",
            &[("status", "investigating"), ("note", "x")],
            O::Report,
            [401, 404, 303, 404, 303, 404, 404, 303],
        ),
        post(
            "UG-8 note a report about a leader",
            "/reports/{id}/notes",
            &[("status", "investigating"), ("note", "x")],
            O::ReportAboutLeader,
            [401, 404, 404, 404, 303, 404, 303, 303],
        ),
        get("UG-10/12 region dashboard", "/manage/regions/{region}", O::None, [303, 403, 403, 403, 200, 403, 403, 200]),
        get(
            "UG-13 region expenses",
            "/manage/regions/{region}/expenses",
            O::None,
            [303, 403, 403, 403, 200, 403, 403, 200],
        ),
        get(
            "UG-13 region expenses CSV",
            "/manage/regions/{region}/expenses.csv",
            O::None,
            [303, 403, 403, 403, 200, 403, 403, 200],
        ),
        get("UG-13 claim form", "/events/{id}/claim", O::CompletedEvent, [303, 403, 200, 403, 403, 403, 403, 200]),
        get("UG-13 claim page", "/claims/{id}", O::Claim, [303, 404, 200, 404, 200, 404, 404, 200]),
        get("PL-4 my email preferences page", "/account/emails", O::None, [303, 200, 200, 200, 200, 200, 200, 200]),
        post(
            "PL-4 save my email preferences",
            "/account/emails",
            &[("reminders", "1")],
            O::None,
            [401, 303, 303, 303, 303, 303, 303, 303],
        ),
        post(
            "UG-1 remove a leader (form)",
            "/groups/{id}/leaders/{extra}/remove",
            &[],
            O::SpareGroup,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-1 archive a group (form)",
            "/groups/{id}/archive",
            &[("reason", "Stopped meeting")],
            O::SpareGroup,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-1 reactivate a group (form)",
            "/groups/{id}/reactivate",
            &[],
            O::ArchivedGroup,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        post(
            "UG-1 move a group (form)",
            "/groups/{id}/region",
            &[("region_id", "OTHER_REGION")],
            O::SpareGroup,
            [401, 403, 403, 403, 403, 403, 403, 303],
        ),
        post(
            "UG-13 correct a claim (form)",
            "/claims/{id}/correct",
            &[("venue", "20")],
            O::Claim,
            [401, 404, 303, 404, 403, 404, 404, 303],
        ),
        post(
            "UG-13 withdraw a claim (form)",
            "/claims/{id}/withdraw",
            &[],
            O::Claim,
            [401, 404, 303, 404, 403, 404, 404, 303],
        ),
        get("UG-13 a group's claims page", "/groups/{slug}/claims", O::None, [303, 404, 200, 404, 200, 404, 404, 200]),
        post(
            "UG-13 decide a claim",
            "/claims/{id}/decide",
            &[("decision", "approve")],
            O::Claim,
            [401, 403, 403, 403, 303, 403, 403, 303],
        ),
        get(
            "PL-2 correct a contribution (form)",
            "/programs/contributions/{id}/edit",
            O::Contribution,
            [303, 200, 404, 404, 404, 404, 404, 404],
        ),
        post(
            "CH-5 judge a piece of evidence (form)",
            "/programs/applications/{id}/judgments",
            &[("piece", "no-such-piece")],
            O::ProgramApplication,
            [401, 403, 403, 403, 403, 403, 422, 422],
        ),
        post(
            "PL-3 link an account (form)",
            "/programs/linked-accounts",
            &[("kind", "feed"), ("handle", "http://127.0.0.1:9/blog.xml")],
            O::None,
            [401, 303, 303, 303, 303, 303, 303, 303],
        ),
        post(
            "PL-3 check a link's code (form)",
            "/programs/linked-accounts/{id}/check",
            &[],
            O::LinkedAccount,
            [401, 422, 404, 404, 404, 404, 422, 422],
        ),
        post(
            "PL-3 confirm a link (form)",
            "/programs/linked-accounts/{id}/confirm",
            &[],
            O::LinkedAccount,
            [401, 403, 403, 403, 403, 403, 303, 303],
        ),
        post(
            "PL-3 unlink an account (form)",
            "/programs/linked-accounts/{id}/delete",
            &[],
            O::LinkedAccount,
            [401, 303, 404, 404, 404, 404, 303, 303],
        ),
        post(
            "PL-3 import a feed that is not linked (form)",
            "/programs/imports/feed",
            &[("url", "https://blog.example.org/none.xml")],
            O::None,
            [401, 409, 409, 409, 409, 409, 409, 409],
        ),
        post(
            "PL-2 verify a contribution (form)",
            "/programs/contributions/{id}/verification",
            &[("verification", "verified")],
            O::Contribution,
            [401, 403, 403, 403, 403, 403, 303, 303],
        ),
        get("CH-8 benefits page", "/programs/benefits", O::None, [303, 200, 200, 200, 200, 200, 200, 200]),
        post(
            "CH-8 create a pool (form)",
            "/programs/benefits",
            &[("name", "Voucher"), ("codes", "A")],
            O::None,
            [401, 403, 403, 403, 403, 403, 303, 303],
        ),
        get("PL-1 people", "/admin/people", O::None, [303, 403, 403, 403, 403, 403, 403, 200]),
        get("PL-1 a person's roles", "/admin/people/{member}", O::None, [303, 403, 403, 403, 403, 403, 403, 200]),
        post(
            "PL-1 give a role by form",
            "/admin/people/{member}/roles",
            &[("role", "program_staff")],
            O::None,
            [401, 403, 403, 403, 403, 403, 403, 303],
        ),
        post(
            // Takes back what the row above gave, so later rows see a plain member.
            "PL-1 remove a role by form",
            "/admin/people/{member}/roles/remove",
            &[("role", "program_staff")],
            O::None,
            [401, 403, 403, 403, 403, 403, 403, 303],
        ),
        get(
            "UG-13 fee schedule form",
            "/admin/regions/{region}/fees",
            O::None,
            [303, 403, 403, 403, 403, 403, 403, 200],
        ),
        get("UG-11 speaker review", "/speakers/review", O::None, [303, 403, 403, 403, 200, 200, 403, 200]),
        get("UG-11 speaker pool", "/speakers", O::None, [303, 403, 200, 200, 200, 200, 403, 200]),
        get(
            "UG-11 expert requests of a group",
            "/groups/{slug}/expert-requests",
            O::None,
            [303, 403, 200, 403, 200, 403, 403, 200],
        ),
        get(
            "UG-11 expert request",
            "/expert-requests/{id}",
            O::ExpertRequest,
            [303, 404, 200, 404, 200, 404, 200, 200],
        ),
        post(
            "UG-11 answer an expert request",
            "/expert-requests/{id}",
            &[("answer", "Ana will come")],
            O::ExpertRequest,
            [401, 403, 403, 403, 303, 403, 303, 303],
        ),
        get("CH-9 the directory", "/champions", O::None, [200, 200, 200, 200, 200, 200, 200, 200]),
        post("UG-15 follow by page", "/groups/{slug}/follow", &[], O::None, [401, 303, 303, 303, 303, 303, 303, 303]),
        post(
            "UG-15 stop following by page",
            "/groups/{slug}/unfollow",
            &[],
            O::None,
            [401, 303, 303, 303, 303, 303, 303, 303],
        ),
        // Every region's managers reach it (for their own region's leaders).
        get("UG-15 the announcements page", "/announcements", O::None, [303, 403, 403, 403, 200, 200, 200, 200]),
        post(
            "UG-15 check an announcement to the region's leaders",
            "/announcements/preview",
            &[("audience", "region_leaders:REGION"), ("subject", "Budget"), ("body", "Claims close Friday.")],
            O::None,
            [401, 403, 403, 403, 200, 403, 200, 200],
        ),
        get("CH-6 my programs", "/programs", O::None, [303, 200, 200, 200, 200, 200, 200, 200]),
        get("CH-6 the pipeline board", "/programs/pipeline", O::None, [303, 403, 403, 403, 403, 403, 200, 200]),
        get("CH-7 the renewals page", "/programs/renewals", O::None, [303, 403, 403, 403, 403, 403, 200, 200]),
        get(
            // The member column is the applicant.
            "CH-6 an application's page",
            "/programs/applications/{id}",
            O::ProgramApplication,
            [303, 200, 404, 404, 404, 404, 200, 200],
        ),
        post(
            "CH-6 name the interviewer on the application page",
            "/programs/applications/{id}/interviewer",
            &[("interviewer", "")],
            O::ProgramApplication,
            [401, 403, 403, 403, 403, 403, 303, 303],
        ),
        post(
            "CH-5 screen on the board",
            "/programs/applications/{id}/screen",
            &[("quality_accepted", "on")],
            O::ProgramApplication,
            [401, 403, 403, 403, 403, 403, 303, 303],
        ),
    ]
}

on_both!(authorization_matrix_by_page, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.fee_schedule().await;
    g.set_setting("conduct.reports_per_group_per_hour", "10000").await;
    g.set_setting("conduct.reports_per_network_per_hour", "10000").await;
    let mut clients = Vec::new();
    for who in people(&g) {
        clients.push(page_client(&g, who).await);
    }
    let mut wrong = Vec::new();
    for row in page_rows() {
        for (i, client) in clients.iter().enumerate() {
            let prepared = prepare(&g, row.object).await;
            let path = fill(row.path, &g, &prepared);
            let status = match row.form {
                None => client.get(g.app.url(&path)).send().await.unwrap().status().as_u16(),
                Some(form) => {
                    let page = format!("/groups/{}/report", g.slug);
                    let owned: Vec<(&str, String)> = form.iter().map(|(k, v)| (*k, fill_body(v, &g))).collect();
                    let form: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    common::post_form(client, &g.app, &page, &path, &form).await.status().as_u16()
                }
            };
            if status != row.expect[i] {
                wrong.push(format!("{} as {}: expected {}, got {status}", row.name, ROLES[i], row.expect[i]));
            }
        }
    }
    assert!(wrong.is_empty(), "{} cells differ:\n{}", wrong.len(), wrong.join("\n"));
});
