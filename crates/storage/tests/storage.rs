//! Storage behaviour, each test run on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, Utc};
use guildhall_domain::access::Role;
use guildhall_domain::account::LinkPurpose;
use guildhall_domain::ids::{GroupId, MemberId};
use guildhall_domain::settings::SettingValue;
use guildhall_domain::values::{Currency, DisplayName, EmailAddress, Locale, RegionName};
use guildhall_domain::DomainError;
use guildhall_storage::audit::{AuditEntry, AuditFilter};
use guildhall_storage::members::NewMember;
use guildhall_storage::outbox::NewEmail;
use guildhall_storage::{
    audit, both_backends, members, outbox, rate_limits, regions, sessions, settings, Db, StorageError,
};

async fn member(db: &Db, email: &str) -> MemberId {
    let mut tx = db.begin().await.unwrap();
    let id = members::insert(
        &mut tx,
        NewMember {
            email: &EmailAddress::parse(email).unwrap(),
            name: &DisplayName::parse("Ana Silva").unwrap(),
            password_hash: None,
            verified: true,
            locale: Locale::En,
        },
        Utc::now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

both_backends!(pl1_one_account_per_email, |db: Db| async move {
    let first = member(&db, "ana@example.org").await;
    let mut tx = db.begin().await.unwrap();
    let dup = members::insert(
        &mut tx,
        NewMember {
            email: &EmailAddress::parse("ANA@example.org").unwrap(),
            name: &DisplayName::parse("Other").unwrap(),
            password_hash: None,
            verified: false,
            locale: Locale::Pt,
        },
        Utc::now(),
    )
    .await;
    assert!(matches!(dup, Err(StorageError::Rule(DomainError::EmailTaken))), "{dup:?}");
    drop(tx);
    let stored =
        members::by_email(db.reader(), &EmailAddress::parse("ana@example.org").unwrap()).await.unwrap().unwrap();
    assert_eq!(stored.id, first);
    assert_eq!(stored.name.as_str(), "Ana Silva");
});

both_backends!(pl1_roles_are_granted_once_and_read_back, |db: Db| async move {
    let m = member(&db, "leader@example.org").await;
    let g = GroupId::new();
    let mut tx = db.begin().await.unwrap();
    assert!(members::grant(&mut tx, m, Role::GroupLeader(g), None, Utc::now()).await.unwrap());
    assert!(!members::grant(&mut tx, m, Role::GroupLeader(g), None, Utc::now()).await.unwrap());
    assert!(members::grant(&mut tx, m, Role::ProgramStaff, None, Utc::now()).await.unwrap());
    tx.commit().await.unwrap();
    let actor = members::actor(db.reader(), m).await.unwrap();
    assert!(actor.leads_group(g));
    assert!(actor.is_program_staff());
    assert!(!actor.is_admin());
    let mut tx = db.begin().await.unwrap();
    assert!(members::revoke(&mut tx, m, Role::ProgramStaff).await.unwrap());
    tx.commit().await.unwrap();
    assert_eq!(members::roles(db.reader(), m).await.unwrap(), vec![Role::GroupLeader(g)]);
});

both_backends!(pl1_a_one_time_link_is_used_once, |db: Db| async move {
    let m = member(&db, "link@example.org").await;
    let now = Utc::now();
    let mut tx = db.begin().await.unwrap();
    sessions::create_link(&mut tx, "hash-1", m, LinkPurpose::SignIn, now, now + Duration::minutes(15)).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.begin().await.unwrap();
    let (owner, link) = sessions::find_link(&mut tx, "hash-1").await.unwrap().unwrap();
    assert_eq!(owner, m);
    assert!(link.redeem(LinkPurpose::SignIn, now).is_ok());
    assert!(sessions::use_link(&mut tx, "hash-1", now).await.unwrap());
    assert!(!sessions::use_link(&mut tx, "hash-1", now).await.unwrap());
    tx.commit().await.unwrap();
    let mut tx = db.begin().await.unwrap();
    assert!(sessions::find_link(&mut tx, "missing").await.unwrap().is_none());
});

both_backends!(pl1_sessions_expire_and_end, |db: Db| async move {
    let m = member(&db, "s@example.org").await;
    let now = Utc::now();
    let mut tx = db.begin().await.unwrap();
    sessions::create_session(&mut tx, "a", m, now, now + Duration::days(1)).await.unwrap();
    sessions::create_session(&mut tx, "b", m, now, now + Duration::days(1)).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(sessions::session_member(db.reader(), "a", now).await.unwrap(), Some(m));
    assert_eq!(sessions::session_member(db.reader(), "a", now + Duration::days(2)).await.unwrap(), None);
    let mut tx = db.begin().await.unwrap();
    assert_eq!(sessions::delete_member_sessions(&mut tx, m, Some("a")).await.unwrap(), 1);
    tx.commit().await.unwrap();
    assert_eq!(sessions::session_member(db.reader(), "a", now).await.unwrap(), Some(m));
    assert_eq!(sessions::session_member(db.reader(), "b", now).await.unwrap(), None);
});

both_backends!(region_names_are_unique, |db: Db| async move {
    let mut tx = db.begin().await.unwrap();
    let name = RegionName::parse("Iberia").unwrap();
    regions::insert(&mut tx, &name, Currency::parse("EUR").unwrap(), Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.begin().await.unwrap();
    let dup = regions::insert(&mut tx, &name, Currency::parse("USD").unwrap(), Utc::now()).await;
    assert!(matches!(dup, Err(StorageError::Rule(DomainError::RegionNameTaken))), "{dup:?}");
    drop(tx);
    let all = regions::list(db.reader()).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].currency.as_str(), "EUR");
});

both_backends!(settings_are_seeded_and_changeable, |db: Db| async move {
    let s = settings::load(db.reader()).await.unwrap();
    assert_eq!(s.int("auth.signin_attempts_per_email_per_minute"), 5);
    assert_eq!(s.int("groups.min_events_per_year"), 4);
    assert!(s.hosts("events.ticketing_hosts").iter().any(|h| h == "eventbrite.com"));
    // CH-4's seeded numbers are the SPEC's.
    assert_eq!(
        guildhall_domain::eligibility::Criteria::from_settings(&s),
        guildhall_domain::eligibility::Criteria::default()
    );
    assert_eq!(s.int("mvp.seat_cap"), 150);
    let admin = member(&db, "admin@example.org").await;
    let mut tx = db.begin().await.unwrap();
    let old = settings::set(&mut tx, "auth.session_days", &SettingValue::Int(7), admin, Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(old.as_deref(), Some("30"));
    assert_eq!(settings::load(db.reader()).await.unwrap().int("auth.session_days"), 7);
});

both_backends!(pl7_audit_entry_lives_and_dies_with_its_transaction, |db: Db| async move {
    let actor = member(&db, "who@example.org").await;
    let entry = |id: &str| AuditEntry {
        actor: Some(actor),
        action: "region.created",
        entity_type: "region",
        entity_id: id.to_owned(),
        reason: Some("new chapter network"),
        details: serde_json::json!({"name": "Nordics"}),
    };
    let mut tx = db.begin().await.unwrap();
    audit::record(&mut tx, entry("r1"), Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.begin().await.unwrap();
    audit::record(&mut tx, entry("r2"), Utc::now()).await.unwrap();
    tx.rollback().await.unwrap();
    let all = audit::list(db.reader(), &AuditFilter::default(), 50, 0).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].entity_id, "r1");
    assert_eq!(all[0].actor_name.as_deref(), Some("Ana Silva"));
    assert_eq!(all[0].reason.as_deref(), Some("new chapter network"));
    let filtered = AuditFilter { entity_id: Some("r2".into()), ..Default::default() };
    assert!(audit::list(db.reader(), &filtered, 50, 0).await.unwrap().is_empty());
});

both_backends!(pl4_outbox_claims_are_exclusive_and_leased, |db: Db| async move {
    let m = member(&db, "mail@example.org").await;
    let now = Utc::now();
    let mut tx = db.begin().await.unwrap();
    for i in 0..3 {
        outbox::enqueue(
            &mut tx,
            NewEmail {
                recipient: Some(m),
                to: EmailAddress::parse("mail@example.org").unwrap(),
                kind: "test",
                subject: format!("Hello {i}"),
                body_text: "Body".into(),
                body_secret: None,
                calendar: None,
                unsubscribe_path: None,
            },
            now,
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let lease = Duration::minutes(5);
    let a = outbox::claim(&db, "worker-a", now, lease, 2).await.unwrap();
    let b = outbox::claim(&db, "worker-b", now, lease, 10).await.unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(b.len(), 1);
    assert!(a.iter().all(|e| !b.iter().any(|f| f.id == e.id)));
    // Only the claimant can settle an email.
    assert!(!outbox::mark_sent(&db, a[0].id, "worker-b", now).await.unwrap());
    assert!(outbox::mark_sent(&db, a[0].id, "worker-a", now).await.unwrap());
    // A failed attempt comes back when its retry time comes.
    outbox::mark_failed(&db, b[0].id, "worker-b", "450 try later", Some(now + Duration::seconds(30))).await.unwrap();
    assert!(outbox::claim(&db, "worker-c", now, lease, 10).await.unwrap().is_empty());
    let retried = outbox::claim(&db, "worker-c", now + Duration::seconds(31), lease, 10).await.unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!(retried[0].attempts, 2);
    // A crashed worker's claim comes back once its lease runs out.
    let reclaimed = outbox::claim(&db, "worker-d", now + Duration::minutes(6), lease, 10).await.unwrap();
    assert_eq!(reclaimed.len(), 2, "a[1] and the retried one");
    let counts = outbox::counts(db.reader()).await.unwrap();
    assert_eq!(counts, vec![("sending".to_string(), 2), ("sent".to_string(), 1)]);
    let mine = outbox::for_recipient(db.reader(), m, 10).await.unwrap();
    assert_eq!(mine.len(), 3);
});

both_backends!(pl4_pl8_a_one_time_link_is_kept_only_until_its_email_is_settled, |db: Db| async move {
    let m = member(&db, "links@example.org").await;
    let now = Utc::now();
    let mut tx = db.begin().await.unwrap();
    for i in 0..2 {
        let email = NewEmail {
            recipient: Some(m),
            to: EmailAddress::parse("links@example.org").unwrap(),
            kind: "reset",
            subject: format!("Reset {i}"),
            body_text: "Open (link removed)".into(),
            body_secret: Some(format!("Open https://example.org/password/reset?token=secret{i}")),
            calendar: None,
            unsubscribe_path: None,
        };
        outbox::enqueue(&mut tx, email, now).await.unwrap();
    }
    tx.commit().await.unwrap();
    let claimed = outbox::claim(&db, "w", now, Duration::minutes(5), 10).await.unwrap();
    assert_eq!(claimed.len(), 2);
    assert!(
        claimed.iter().all(|e| e.body_secret.as_deref().is_some_and(|b| b.contains("token=secret"))),
        "sent with the link"
    );
    outbox::mark_sent(&db, claimed[0].id, "w", now).await.unwrap();
    outbox::mark_failed(&db, claimed[1].id, "w", "550 no such user", None).await.unwrap();
    let left: Vec<Option<String>> =
        sqlx::query_scalar("SELECT body_secret FROM outbox").fetch_all(db.reader()).await.unwrap();
    assert_eq!(left, vec![None, None], "neither a sent nor a failed email keeps its link");
    let shown = outbox::for_recipient(db.reader(), m, 10).await.unwrap();
    assert_eq!(shown.len(), 2);
    assert!(shown.iter().all(|e| !e.body_text.contains("token=") && e.body_secret.is_none()));
});

both_backends!(pl1_rate_limit_windows_count_per_key, |db: Db| async move {
    let mut tx = db.begin().await.unwrap();
    for n in 1..=3 {
        assert_eq!(rate_limits::hit(&mut tx, "signin:a@example.org", 600).await.unwrap(), n);
    }
    assert_eq!(rate_limits::hit(&mut tx, "signin:b@example.org", 600).await.unwrap(), 1);
    assert_eq!(rate_limits::hit(&mut tx, "signin:a@example.org", 660).await.unwrap(), 1);
    assert_eq!(rate_limits::prune(&mut tx, 660).await.unwrap(), 2);
    tx.commit().await.unwrap();
});

#[tokio::test]
async fn pl10_a_wrong_database_url_is_a_clear_error() {
    for url in ["mysql://localhost/x", "guildhall.db", ""] {
        let err = Db::connect(url, 2).await.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("neither a SQLite URL"), "{url}: {err}");
    }
    let err = Db::connect("postgres://nobody@127.0.0.1:1/none", 2).await.err().map(|e| e.to_string());
    assert!(err.is_some());
}
