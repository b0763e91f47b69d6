//! Rate limits (PL-1) as fixed windows: at most `max` attempts per window
//! for one key (an email or a client address). Counting is the storage's
//! job; deciding is here.

use chrono::{DateTime, Utc};

use crate::DomainError;

/// One limit: `max` attempts per `window_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub max: i64,
    pub window_secs: i64,
}

impl RateLimit {
    /// Start of the window that `now` falls in, in Unix seconds.
    pub fn window_start(&self, now: DateTime<Utc>) -> i64 {
        let t = now.timestamp();
        t - t.rem_euclid(self.window_secs.max(1))
    }

    /// Decides on the attempt that brought the window's count to `count`.
    pub fn check(&self, count: i64, now: DateTime<Utc>) -> Result<(), DomainError> {
        if count <= self.max {
            return Ok(());
        }
        let ends = self.window_start(now) + self.window_secs;
        Err(DomainError::RateLimited { retry_after_secs: (ends - now.timestamp()).max(1) as u64 })
    }
}

/// The network a client address belongs to, as limits count it: an IPv4
/// address on its own, an IPv6 address by its /64 (one household or
/// machine holds a whole /64). Anything else is taken as it is.
pub fn network_of(client: &str) -> String {
    match client.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(std::net::IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        Ok(std::net::IpAddr::V4(v4)) => v4.to_string(),
        Err(_) => client.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn pl1_sixth_attempt_in_a_minute_is_limited() {
        let limit = RateLimit { max: 5, window_secs: 60 };
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 45).single().unwrap_or_default();
        for n in 1..=5 {
            assert_eq!(limit.check(n, now), Ok(()));
        }
        assert_eq!(limit.check(6, now), Err(DomainError::RateLimited { retry_after_secs: 15 }));
        assert_eq!(limit.window_start(now) % 60, 0);
    }

    #[test]
    fn pl1_limits_count_an_ipv6_client_by_its_64_and_an_ipv4_one_by_itself() {
        assert_eq!(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(network_of("2001:db8:1:2:ffff::9"), network_of("2001:db8:1:2::1"));
        assert_ne!(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
        assert_eq!(network_of("192.0.2.7"), "192.0.2.7");
        assert_eq!(network_of("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(network_of("unknown"), "unknown");
    }
}
