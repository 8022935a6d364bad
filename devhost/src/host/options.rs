//! Command line of the `devhost` binary.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use super::origins::{AppUrl, AppUrlError};

pub const USAGE: &str = "usage: devhost [--port 8484] [--bind 127.0.0.1] [--app-dir dist | --app-url URL] [--state-file path.json] [--open]
  --port        port of the agent page and the app (0 picks a free one); default 8484
  --bind        address to listen on; default 127.0.0.1 (loopback only)
  --app-dir     the app's Trunk dist folder, served at /app/; default dist
  --app-url     frame the app from this URL instead of /app/, e.g. the package under
                `zcli apps:server`: http://localhost:4567/0/assets/index.html
  --state-file  keep the Sell emulator's data in this JSON file across restarts
  --open        open the agent page in the default browser";

#[derive(Debug, Clone, PartialEq)]
pub struct HostOptions {
    pub port: u16,
    pub bind: IpAddr,
    pub app_dir: PathBuf,
    /// Where the page frames the app from; `None`: the host's own `/app/` (served from `app_dir`).
    pub app_url: Option<AppUrl>,
    pub state_file: Option<PathBuf>,
    pub open: bool,
}

impl Default for HostOptions {
    fn default() -> Self {
        HostOptions {
            port: 8484,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            app_dir: PathBuf::from("dist"),
            app_url: None,
            state_file: None,
            open: false,
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum ArgsError {
    HelpRequested,
    MissingValue(String),
    BadValue { flag: String, value: String },
    BadAppUrl(AppUrlError),
    Unknown(String),
}

impl std::fmt::Display for ArgsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgsError::HelpRequested => write!(f, "{USAGE}"),
            ArgsError::MissingValue(flag) => write!(f, "{flag} needs a value\n{USAGE}"),
            ArgsError::BadValue { flag, value } => {
                write!(f, "{flag} {value:?} is not valid\n{USAGE}")
            }
            ArgsError::BadAppUrl(why) => write!(f, "--app-url: {why}\n{USAGE}"),
            ArgsError::Unknown(arg) => write!(f, "unknown argument {arg:?}\n{USAGE}"),
        }
    }
}

impl std::error::Error for ArgsError {}

/// Reads the arguments after the program name; `--flag value` and `--flag=value` both work.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<HostOptions, ArgsError> {
    let mut options = HostOptions::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| ArgsError::MissingValue(flag.clone()))
        };
        match flag.as_str() {
            "-h" | "--help" => return Err(ArgsError::HelpRequested),
            "--open" => options.open = true,
            "--port" => {
                let text = value()?;
                options.port = text.parse().map_err(|_| ArgsError::BadValue {
                    flag: flag.clone(),
                    value: text,
                })?;
            }
            "--bind" => {
                let text = value()?;
                options.bind = text.parse().map_err(|_| ArgsError::BadValue {
                    flag: flag.clone(),
                    value: text,
                })?;
            }
            "--app-dir" => options.app_dir = PathBuf::from(value()?),
            "--app-url" => {
                options.app_url = Some(AppUrl::parse(&value()?).map_err(ArgsError::BadAppUrl)?)
            }
            "--state-file" => options.state_file = Some(PathBuf::from(value()?)),
            _ => return Err(ArgsError::Unknown(arg)),
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<HostOptions, ArgsError> {
        parse_args(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn no_arguments_serve_dist_on_loopback_8484() {
        let options = parse(&[]).unwrap();
        assert_eq!(options, HostOptions::default());
        assert_eq!(
            (options.port, options.bind.to_string().as_str()),
            (8484, "127.0.0.1")
        );
    }

    #[test]
    fn every_flag_is_read_in_both_spellings() {
        let options = parse(&[
            "--port=0",
            "--bind",
            "0.0.0.0",
            "--app-dir",
            "target/dist",
            "--state-file=s.json",
            "--open",
        ])
        .unwrap();
        assert_eq!(options.port, 0);
        assert_eq!(options.bind.to_string(), "0.0.0.0");
        assert_eq!(options.app_dir, PathBuf::from("target/dist"));
        assert_eq!(options.state_file, Some(PathBuf::from("s.json")));
        assert!(options.open);
        assert_eq!(
            options.app_url, None,
            "without --app-url the host frames its /app/"
        );
    }

    #[test]
    fn app_url_frames_another_server_and_refuses_what_cannot_be_framed() {
        let options = parse(&["--app-url", "http://localhost:4567/0/assets/index.html"]).unwrap();
        let app_url = options.app_url.expect("--app-url is kept");
        assert_eq!(
            app_url.document(),
            "http://localhost:4567/0/assets/index.html"
        );
        assert_eq!(app_url.origin(), "http://localhost:4567");
        assert_eq!(
            parse(&["--app-url=ftp://x/index.html"]),
            Err(ArgsError::BadAppUrl(AppUrlError::NotHttp(
                "ftp://x/index.html".into()
            )))
        );
        assert_eq!(
            parse(&["--app-url"]),
            Err(ArgsError::MissingValue("--app-url".into()))
        );
    }

    #[test]
    fn bad_or_missing_values_and_unknown_flags_are_errors() {
        assert_eq!(
            parse(&["--port", "http"]),
            Err(ArgsError::BadValue {
                flag: "--port".into(),
                value: "http".into()
            })
        );
        assert_eq!(
            parse(&["--port"]),
            Err(ArgsError::MissingValue("--port".into()))
        );
        assert_eq!(
            parse(&["--bind", "somewhere"]).map(|_| ()),
            Err(ArgsError::BadValue {
                flag: "--bind".into(),
                value: "somewhere".into()
            })
        );
        assert_eq!(
            parse(&["--verbose"]),
            Err(ArgsError::Unknown("--verbose".into()))
        );
        assert_eq!(parse(&["--help"]), Err(ArgsError::HelpRequested));
    }
}
