//! Reading a member's feed from the address they linked (PL-3). The
//! address is the member's to choose, so the request must not become a way
//! into the machines behind Guildhall: the host is resolved once, every
//! address it resolves to must be public (unless this instance is told
//! otherwise, as its tests are), and the request goes to that address only,
//! with no redirects followed and a cap on what is read.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use url::Url;

/// The most of a feed that is read.
pub const MAX_FEED_BYTES: usize = 2 * 1024 * 1024;

/// Why the feed could not be read, said so a member understands it.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("the address {0} could not be found")]
    UnknownHost(String),
    #[error("the address points into a private network, which Guildhall does not read")]
    PrivateAddress,
    #[error("the feed could not be reached ({0})")]
    Unreachable(String),
    #[error("the feed answered {0}")]
    Status(u16),
    #[error("the feed moved to {0}; link that address instead")]
    Moved(String),
    #[error("the feed is larger than {} MB", MAX_FEED_BYTES / 1024 / 1024)]
    TooLarge,
}

/// Whether a request may go to `ip` from the open internet's side.
fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64 // shared address space
                || v4.octets()[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback() || v6.is_unspecified() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// Resolves `url`'s host once and checks every address it names: the
/// bare host name and the address a request must then go to. `private_ok`
/// lets loopback and private addresses through (tests serve their feeds
/// on loopback). Linking a feed checks this too, so a member hears of a
/// mistyped or private address when they link it.
pub async fn resolve(url: &Url, private_ok: bool) -> Result<(String, SocketAddr), FetchError> {
    let host = url.host_str().ok_or_else(|| FetchError::UnknownHost(url.to_string()))?.to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    let bare = host.trim_start_matches('[').trim_end_matches(']').to_owned();
    let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::net::lookup_host((bare.as_str(), port))
            .await
            .map_err(|_| FetchError::UnknownHost(host.clone()))?
            .collect(),
    };
    let Some(first) = addrs.first().copied() else { return Err(FetchError::UnknownHost(host)) };
    if !private_ok && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(FetchError::PrivateAddress);
    }
    Ok((bare, first))
}

/// Fetches `url`'s body, from the one address [`resolve`] checked.
pub async fn fetch(url: &Url, private_ok: bool) -> Result<Vec<u8>, FetchError> {
    let (bare, first) = resolve(url, private_ok).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .redirect(reqwest::redirect::Policy::none())
        .resolve(&bare, first)
        .user_agent(concat!("Guildhall/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| FetchError::Unreachable(e.to_string()))?;
    let mut res = http
        .get(url.as_str())
        .header("accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5")
        .send()
        .await
        .map_err(|e| FetchError::Unreachable(e.without_url().to_string()))?;
    let status = res.status();
    if status.is_redirection() {
        let to = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("another address");
        return Err(FetchError::Moved(to.to_owned()));
    }
    if !status.is_success() {
        return Err(FetchError::Status(status.as_u16()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = res.chunk().await.map_err(|e| FetchError::Unreachable(e.without_url().to_string()))? {
        if body.len() + chunk.len() > MAX_FEED_BYTES {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pl3_only_public_addresses_are_read() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.9",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "100.128.0.1"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[tokio::test]
    async fn pl3_a_feed_on_a_private_address_is_refused_before_any_request() {
        let url = Url::parse("http://169.254.169.254/latest/meta-data").unwrap();
        assert!(matches!(fetch(&url, false).await, Err(FetchError::PrivateAddress)));
        let url = Url::parse("http://127.0.0.1:9/feed.xml").unwrap();
        assert!(matches!(fetch(&url, false).await, Err(FetchError::PrivateAddress)));
    }
}
