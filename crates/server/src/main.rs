//! The one Guildhall binary (PL-10).

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    guildhall::cli::run().await
}
