//! `devhost`: the Support-like agent page with the app in its sidebar, and the Sell emulator behind
//! the ZAF proxy, on one loopback port.

use std::process::ExitCode;

use devhost::host::{parse_args, serve, RunningHost};

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(devhost::host::options::ArgsError::HelpRequested) => {
            println!("{}", devhost::host::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("devhost: {error}");
            return ExitCode::from(2);
        }
    };
    let open = options.open;
    let app_dir = options.app_dir.clone();
    let app_url = options.app_url.clone();
    let host = match serve(options).await {
        Ok(host) => host,
        Err(error) => {
            eprintln!("devhost: cannot listen: {error} (is another devhost running? try --port 0)");
            return ExitCode::FAILURE;
        }
    };
    println!("sell-sidebar dev host: {}", host.page_url());
    if let Some(app_url) = &app_url {
        println!("framing the app from {}", app_url.document());
    } else if !app_dir.join("index.html").is_file() {
        eprintln!(
            "devhost: no app build in {} yet; the sidebar shows how to build it",
            app_dir.display()
        );
    }
    if open {
        open_in_browser(&host);
    }
    tokio::select! {
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
        _ = host.handle => ExitCode::FAILURE,
    }
}

/// Best effort: a missing opener only means the person opens the printed URL.
fn open_in_browser(host: &RunningHost) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener)
        .arg(host.page_url())
        .spawn()
    {
        eprintln!("devhost: could not open a browser ({opener}: {error}); open the URL above");
    }
}
