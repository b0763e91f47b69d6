//! An SMTP server on loopback that counts what it receives by Message-ID,
//! so the soak can tell an email sent once from one sent twice.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
pub struct MailSink {
    received: Arc<Mutex<HashMap<String, u32>>>,
    current: Vec<u8>,
}

impl mailin_embedded::Handler for MailSink {
    fn data_start(&mut self, _d: &str, _f: &str, _is_8bit: bool, _to: &[String]) -> mailin_embedded::Response {
        self.current.clear();
        mailin_embedded::response::OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }
    fn data_end(&mut self) -> mailin_embedded::Response {
        let text = String::from_utf8_lossy(&self.current);
        let id = message_id(&text).unwrap_or_else(|| "(no Message-ID)".to_owned());
        *self.received.lock().unwrap_or_else(|p| p.into_inner()).entry(id).or_default() += 1;
        mailin_embedded::response::OK
    }
}

/// The id inside `Message-ID: <id>` in a message's headers.
fn message_id(message: &str) -> Option<String> {
    let headers = message.split("\r\n\r\n").next()?;
    let line = headers.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:"))?;
    let (_, rest) = line.split_once('<')?;
    Some(rest.split('>').next()?.to_owned())
}

impl MailSink {
    /// Starts listening on a free loopback port; returns the sink and port.
    pub fn start() -> anyhow::Result<(MailSink, u16)> {
        let sink = MailSink::default();
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let mut server = mailin_embedded::Server::new(sink.clone());
        // A thread per connection, and the instances keep pooled connections
        // open: enough threads that none waits, as with a real mail server.
        server.with_name("localhost").with_num_threads(64).with_tcp_listener(listener);
        server.with_ssl(mailin_embedded::SslConfig::None).map_err(|e| anyhow::anyhow!("{e}"))?;
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        Ok((sink, port))
    }

    /// How many times each Message-ID arrived.
    pub fn counts(&self) -> HashMap<String, u32> {
        self.received.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_message_id_header() {
        let m = "From: a@b\r\nMessage-ID: <0192-abc@guildhall.localhost>\r\nSubject: x\r\n\r\nMessage-ID: <not-this>";
        assert_eq!(super::message_id(m).as_deref(), Some("0192-abc@guildhall.localhost"));
        assert_eq!(super::message_id("Subject: x\r\n\r\nbody"), None);
    }
}
