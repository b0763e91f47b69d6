//! The application: shared state, the router with its layers, and a
//! server that shuts down gracefully.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::extract::FromRef;
use guildhall_storage::Db;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::Config;
use crate::mail::Transport;
use crate::services::Services;
use crate::{jobs, telemetry, web};

/// What handlers reach: the services, the configuration, and what only the
/// web uses (the page cache and the metrics). Handlers that need only the
/// services can extract `State<Services>`.
#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub config: Arc<Config>,
    pub metrics: PrometheusHandle,
    /// Recently rendered public pages for visitors who are not signed in.
    pub page_cache: Arc<web::page_cache::PageCache>,
}

impl FromRef<AppState> for Services {
    fn from_ref(state: &AppState) -> Self {
        state.services.clone()
    }
}

impl AppState {
    /// Connects to the database (running migrations) and builds the state.
    pub async fn connect(config: Config) -> anyhow::Result<Self> {
        let db = Db::connect(&config.database_url, config.db_max_connections)
            .await
            .with_context(|| format!("cannot open database {}", crate::config::redact_url(&config.database_url)))?;
        Ok(Self::new(db, config))
    }

    /// The one place where the parts are wired together.
    pub fn new(db: Db, config: Config) -> Self {
        let page_cache =
            Arc::new(web::page_cache::PageCache::new(std::time::Duration::from_millis(config.page_cache_ms)));
        Self {
            services: Services::new(db, &config),
            config: Arc::new(config),
            metrics: telemetry::metrics(),
            page_cache,
        }
    }
}

/// A running server with its background jobs.
pub struct Server {
    pub addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Server {
    /// Binds `state.config.bind` (port 0 picks a free port) and starts
    /// serving and, if configured, the outbox worker.
    pub async fn start(state: AppState) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(state.config.bind)
            .await
            .with_context(|| format!("cannot listen on {}", state.config.bind))?;
        let addr = listener.local_addr()?;
        // PL-12: receipts this instance kept on disk before they lived in
        // the database move in once; a failure is logged, not fatal.
        match crate::services::expenses::absorb_receipt_files(&state.services).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(receipts = n, "receipts moved from the upload folder into the database"),
            Err(e) => tracing::warn!(error = ?e, "moving receipts into the database failed"),
        }
        let (shutdown, rx) = watch::channel(false);
        let mut tasks = Vec::new();
        if state.config.run_worker {
            let transport = Transport::from_config(state.config.smtp_url.as_deref(), &state.config.mail_dir)?;
            tasks.push(tokio::spawn(jobs::outbox_worker::run(
                state.services.clone(),
                state.config.clone(),
                transport,
                rx.clone(),
            )));
            tasks.push(tokio::spawn(jobs::housekeeping::run(state.services.clone(), rx.clone())));
            tasks.push(tokio::spawn(jobs::reminders::run(state.services.clone(), rx.clone())));
            tasks.push(tokio::spawn(jobs::event_completion::run(state.services.clone(), rx.clone())));
            tasks.push(tokio::spawn(jobs::offers::run(state.services.clone(), rx.clone())));
            tasks.push(tokio::spawn(jobs::group_health::run(state.services.clone(), rx.clone())));
            tasks.push(tokio::spawn(jobs::renewals::run(state.services.clone(), rx.clone())));
        }
        // Runs with or without the worker: every instance that caches settings must hear changes.
        tasks.push(tokio::spawn(jobs::settings_listener::run(
            state.services.clone(),
            state.config.database_url.clone(),
            rx.clone(),
        )));
        let app = web::router(state.clone());
        let mut http_rx = rx;
        tasks.push(tokio::spawn(async move {
            let serve = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(async move {
                    let _ = http_rx.wait_for(|stop| *stop).await;
                });
            if let Err(e) = serve.await {
                tracing::error!(error = %e, "server error");
            }
        }));
        tracing::info!(%addr, instance = %state.config.instance_id, "Guildhall listening");
        if let Some(warning) = state.config.plain_http_warning(addr) {
            tracing::warn!("{warning}");
        }
        Ok(Self { addr, shutdown, tasks })
    }

    /// Stops accepting, finishes requests and emails in flight, then returns.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for t in self.tasks {
            let _ = t.await;
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
