//! The command line: `serve`, `admin create`, `token create`, `migrate`,
//! `check-health`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::{shutdown_signal, AppState, Server};
use crate::config::Config;
use crate::{demo, services, telemetry};

#[derive(Parser, Debug)]
#[command(
    name = "guildhall",
    version,
    about = "Runs a developer community's user groups, events and advocacy programs."
)]
pub struct Cli {
    /// SQLite file (sqlite:guildhall.db) or PostgreSQL URL (postgres://user@host/db).
    #[arg(long, global = true, env = "GUILDHALL_DATABASE_URL", default_value = "sqlite:guildhall.db")]
    pub database_url: String,
    /// Largest number of database connections per pool.
    #[arg(long, global = true, env = "GUILDHALL_DB_MAX_CONNECTIONS", default_value_t = 10)]
    pub db_max_connections: u32,
    /// The public address of the site, used in emailed links.
    #[arg(long, global = true, env = "GUILDHALL_PUBLIC_URL")]
    pub public_url: Option<url::Url>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web server and its background jobs.
    Serve(ServeArgs),
    /// Administrators.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Apply database migrations and exit (serve also does this on start).
    Migrate,
    /// UG-10: check every group's health now (serve does it every hour);
    /// marks needs-support groups and queues their emails once.
    CheckHealth,
    /// Write a consistent copy of the database to FILE while the server
    /// keeps serving (SQLite: VACUUM INTO; PostgreSQL: pg_dump).
    Backup {
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Bring a backup back into an empty database (a new SQLite file, or an
    /// empty PostgreSQL database); migrations then bring it up to date.
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// CH-7: run (or resume) the year's renewal of a program.
    Renew {
        /// champions, mvp or ambassadors.
        #[arg(long, default_value = "champions")]
        program: String,
        /// Defaults to the current year.
        #[arg(long)]
        year: Option<i64>,
    },
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "GUILDHALL_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// SMTP server, e.g. smtp://user:pass@mail.example.org:587?tls=required.
    /// Without it, emails are written as .eml files into --mail-dir.
    #[arg(long, env = "GUILDHALL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Sender of every email.
    #[arg(long, env = "GUILDHALL_MAIL_FROM", default_value = "Guildhall <no-reply@guildhall.localhost>")]
    pub mail_from: String,
    /// Folder for .eml files when no SMTP server is configured.
    #[arg(long, env = "GUILDHALL_MAIL_DIR", default_value = "mail")]
    pub mail_dir: PathBuf,
    /// Folder for receipt files of expense claims (UG-13).
    #[arg(long, env = "GUILDHALL_UPLOAD_DIR", default_value = "uploads")]
    pub upload_dir: PathBuf,
    /// Trust X-Forwarded-For (only behind a proxy that sets it).
    #[arg(long, env = "GUILDHALL_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// Let members' linked feeds be read from loopback and private
    /// networks (an intranet deployment); off, they must be public.
    #[arg(long, env = "GUILDHALL_FETCH_PRIVATE_HOSTS")]
    pub fetch_private_hosts: bool,
    /// Largest accepted request body, in bytes.
    #[arg(long, env = "GUILDHALL_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Seconds a worker's claim on outbox emails holds (a crashed
    /// instance's emails are sent by another after this).
    #[arg(long, env = "GUILDHALL_MAIL_LEASE_SECS", default_value_t = 120)]
    pub mail_lease_secs: i64,
    /// How long visitors (not signed in) may be shown a rendered public
    /// page before it is rendered again, in milliseconds; 0 turns it off.
    #[arg(long, env = "GUILDHALL_PAGE_CACHE_MS", default_value_t = 2000)]
    pub page_cache_ms: u64,
    /// Do not send email from this instance (another instance does).
    #[arg(long, env = "GUILDHALL_NO_WORKER")]
    pub no_worker: bool,
    /// Fill an empty database with believable demo data.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Make an admin and print a one-time sign-in link for them.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Print a new API token for an existing account.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "command line")]
        name: String,
    },
}

impl Cli {
    fn config(&self) -> Config {
        let mut c = Config::local(&self.database_url);
        c.db_max_connections = self.db_max_connections;
        if let Command::Serve(s) = &self.command {
            c.bind = s.bind;
            c.public_url = url::Url::parse(&format!("http://{}", s.bind)).unwrap_or(c.public_url);
            c.smtp_url = s.smtp_url.clone();
            c.mail_from = s.mail_from.clone();
            c.mail_dir = s.mail_dir.clone();
            c.upload_dir = s.upload_dir.clone();
            c.trust_proxy = s.trust_proxy;
            c.fetch_private_hosts = s.fetch_private_hosts;
            c.max_body_bytes = s.max_body_bytes;
            c.run_worker = !s.no_worker;
            c.mail_lease_secs = s.mail_lease_secs.max(1);
            c.page_cache_ms = s.page_cache_ms;
        }
        if let Some(u) = &self.public_url {
            c.public_url = u.clone();
        }
        c
    }
}

/// Parses the command line and runs it; errors are printed plainly.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    telemetry::init_logs();
    match execute(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config();
    // A restore needs the target empty: nothing may connect (and migrate) first.
    if let Command::Restore { from } = &cli.command {
        guildhall_storage::backup::restore(&config.database_url, from).await?;
        AppState::connect(config).await?;
        println!("restored {} and brought it up to date", from.display());
        return Ok(());
    }
    let state = AppState::connect(config).await?;
    match cli.command {
        Command::Restore { .. } => {}
        Command::Backup { to } => {
            guildhall_storage::backup::backup(&state.services.db, &state.config.database_url, &to).await?;
            println!("backup written to {}", to.display());
        }
        Command::Migrate => println!("migrations applied"),
        Command::Renew { program, year } => {
            use chrono::Datelike;
            let program = guildhall_domain::program::Program::parse(&program).map_err(|e| explain(e.into()))?;
            let year = year.unwrap_or_else(|| i64::from(chrono::Utc::now().year()));
            let p = services::renewals::run(&state.services, None, program, year, None).await.map_err(explain)?;
            if p.worked_here {
                println!(
                    "renewal {} {}: {} of {} members decided{}",
                    p.program,
                    p.year,
                    p.decided,
                    p.total,
                    if p.done { ", done" } else { "" }
                );
            } else {
                println!(
                    "renewal {} {}: {} of {} decided; {}",
                    p.program,
                    p.year,
                    p.decided,
                    p.total,
                    if p.done { "already done" } else { "another instance is running it" }
                );
            }
        }
        Command::CheckHealth => {
            let o = services::health::daily_check(&state.services, chrono::Utc::now()).await.map_err(explain)?;
            println!("{} group(s) now need support, {} back to active", o.marked.len(), o.restored.len());
        }
        Command::Admin { command: AdminCommand::Create { email, name } } => {
            let link = services::tokens::bootstrap_admin(&state.services, &email, &name).await.map_err(explain)?;
            println!("Admin {email} is ready. Sign in once with this link:\n{link}");
        }
        Command::Token { command: TokenCommand::Create { email, name } } => {
            let token = services::tokens::token_for_email(&state.services, &email, &name).await.map_err(explain)?;
            println!("{token}");
        }
        Command::Serve(args) => {
            if args.demo {
                demo::fill(&state).await?;
            }
            let server = Server::start(state.clone()).await?;
            println!("Guildhall is running at {}", state.config.public_url);
            shutdown_signal().await;
            tracing::info!("shutting down: finishing requests and emails in flight");
            server.stop().await;
            state.services.db.close().await;
        }
    }
    Ok(())
}

/// Turns an application error into a plain sentence for the terminal.
fn explain(e: crate::AppError) -> anyhow::Error {
    match e {
        crate::AppError::Domain(d) => anyhow::anyhow!("{}", crate::i18n::Tr::default().domain_error(&d)),
        crate::AppError::Internal(e) | crate::AppError::Unavailable(e) => e,
    }
}
