//! Random tokens, their stored hashes, and argon2id passwords (PL-1).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use guildhall_domain::values::Password;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new unguessable token (256 bits, URL-safe).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored for a token: its SHA-256, so the database alone opens nothing.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hashes a password with argon2id. CPU-heavy: runs off the async threads.
pub async fn hash_password(password: &Password) -> anyhow::Result<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("argon2: {e}"))
    })
    .await?
}

/// Checks a password against a stored hash. With no hash (unknown email or
/// an account without password) it still spends the same work, so timing
/// does not tell which accounts exist.
pub async fn verify_password(password: &str, stored: Option<String>) -> anyhow::Result<bool> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let parsed = PasswordHash::new(&stored).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(ok && stored != DUMMY_HASH)
    })
    .await?
}

/// An argon2id hash of a random string, verified against when there is no account.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vg3sOTrFqeSNLxhJuyx6mj7mBWmv2dUnvCxNMNO0cYs";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn pl1_passwords_are_argon2id_and_verify() {
        let p = Password::parse("correct horse battery").unwrap_or_else(|e| panic!("{e}"));
        let h = hash_password(&p).await.unwrap_or_default();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("correct horse battery", Some(h.clone())).await.unwrap_or(false));
        assert!(!verify_password("wrong horse battery", Some(h)).await.unwrap_or(true));
        assert!(!verify_password("anything", None).await.unwrap_or(true));
    }

    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), a);
    }
}
