//! The email outbox (PL-4): states of an outgoing email and when a failed
//! one is tried again.

use chrono::Duration;

/// Where an outgoing email stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutboxState {
    /// Waiting to be sent (first time or after a failure).
    Queued,
    /// Claimed by a worker whose lease has not expired.
    Sending,
    Sent,
    /// Gave up after the configured number of attempts.
    Failed,
}

impl OutboxState {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }
}

/// What to do after attempt number `attempt` (1-based) failed: try again
/// after a growing delay, or give up once `max_attempts` are spent.
pub fn after_failure(attempt: i64, max_attempts: i64, base: Duration) -> Option<Duration> {
    if attempt >= max_attempts {
        return None;
    }
    let factor = 1i64 << (attempt - 1).clamp(0, 16);
    Some((base * factor as i32).min(Duration::hours(6)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pl4_retries_back_off_then_give_up() {
        let base = Duration::seconds(30);
        assert_eq!(after_failure(1, 5, base), Some(Duration::seconds(30)));
        assert_eq!(after_failure(2, 5, base), Some(Duration::seconds(60)));
        assert_eq!(after_failure(4, 5, base), Some(Duration::seconds(240)));
        assert_eq!(after_failure(5, 5, base), None);
        assert_eq!(after_failure(15, 99, base), Some(Duration::hours(6)));
    }
}
