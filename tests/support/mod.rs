//! Drives the real app in its real WebKitGTK webview: tauri-driver + WebKitWebDriver, under the
//! X server the caller provides (`xvfb-run`). Shared by the end-to-end tests and the startup
//! benchmark.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// How long to wait for the UI before failing.
pub const UI_TIMEOUT: Duration = Duration::from_secs(20);

/// A free TCP port on the loopback interface.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// `tauri-driver` from PATH or cargo's bin folder.
fn tauri_driver_path() -> PathBuf {
    let from_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("tauri-driver"))
            .find(|p| p.is_file())
    });
    from_path
        .or_else(|| {
            let home = std::env::var_os("CARGO_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
            Some(home.join("bin/tauri-driver")).filter(|p| p.is_file())
        })
        .expect("tauri-driver is not installed: run `make test` (it installs it) or `cargo install tauri-driver --locked`")
}

/// One tauri-driver process, with its own ports, giving the app its own data folders.
pub struct Driver {
    child: Child,
    port: u16,
    /// The app's `$XDG_DATA_HOME` and `$XDG_CONFIG_HOME` live here.
    pub home: PathBuf,
}

impl Driver {
    /// Starts tauri-driver; the app it launches keeps its data under `home`.
    pub fn start(home: &Path) -> Driver {
        Driver::start_with_env(home, &[])
    }

    /// The environment the app gets (data folders), for launching it without the driver.
    pub fn app_env(&self) -> Vec<(String, PathBuf)> {
        vec![
            ("XDG_DATA_HOME".into(), self.home.join("data")),
            ("XDG_CONFIG_HOME".into(), self.home.join("config")),
        ]
    }

    /// Like [`Driver::start`], with more environment variables for the app.
    pub fn start_with_env(home: &Path, env: &[(&str, &str)]) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no X display: run the end-to-end tests under xvfb-run (`make test-e2e`)"
        );
        let port = free_port();
        let native = free_port();
        let data = home.join("data");
        let config = home.join("config");
        std::fs::create_dir_all(&data).unwrap();
        std::fs::create_dir_all(&config).unwrap();
        let child = Command::new(tauri_driver_path())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", &config)
            // No accessibility bus under Xvfb; without this GTK waits for it.
            .env("NO_AT_BRIDGE", "1")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver starts");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            port,
            home: home.to_path_buf(),
        }
    }

    /// The app's database file.
    pub fn db_path(&self) -> PathBuf {
        self.home
            .join("data")
            .join(docket_core::paths::APP_IDENTIFIER)
            .join(docket_core::paths::DB_FILE_NAME)
    }

    /// Launches `app` in a new WebDriver session (retried once: about one launch in fifteen fails
    /// with "Failed to initialize GTK" on a healthy Xvfb).
    pub async fn launch(&self, app: &Path) -> Client {
        let caps = json!({
            "tauri:options": { "application": app.to_string_lossy(), "args": [] }
        });
        let caps = caps.as_object().cloned().unwrap();
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut last = None;
        for _ in 0..2 {
            let builder = ClientBuilder::rustls();
            let mut builder = match builder {
                Ok(b) => b,
                Err(e) => panic!("rustls client: {e}"),
            };
            match builder.capabilities(caps.clone()).connect(&url).await {
                Ok(c) => return c,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("the app did not start under WebDriver: {last:?}")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM, never SIGKILL: killed, tauri-driver leaves WebKitWebDriver holding its port and
        // our output pipe, and the run hangs.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// CSS locator for `data-testid`.
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Waits for an element.
pub async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    match c
        .wait()
        .at_most(UI_TIMEOUT)
        .for_element(Locator::Css(css))
        .await
    {
        Ok(e) => e,
        Err(e) => panic!("{css} did not appear: {e}"),
    }
}

/// Waits for an element by `data-testid` and clicks it.
pub async fn click(c: &Client, id: &str) {
    let element = wait_for(c, &testid(id)).await;
    if let Err(e) = element.click().await {
        panic!("{id} could not be clicked: {e}");
    }
}

/// Waits until the element's text satisfies `ok`; returns the text.
pub async fn wait_text(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + UI_TIMEOUT;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(t) = e.text().await {
                if ok(&t) {
                    return t;
                }
                last = t;
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{css}: text never matched; last seen {last:?}")
}

/// Waits until a form control's value satisfies `ok`; returns the value.
pub async fn wait_value(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + UI_TIMEOUT;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(Some(v)) = e.prop("value").await {
                if ok(&v) {
                    return v;
                }
                last = v;
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{css}: value never matched; last seen {last:?}")
}

/// A private D-Bus session bus (the single-instance check uses the session bus on Linux).
pub struct SessionBus {
    child: Child,
    /// Its address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
}

impl SessionBus {
    /// Starts `dbus-daemon --session` and reads its address.
    pub fn start() -> SessionBus {
        use std::io::BufRead;
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts (Debian package dbus-daemon)");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("dbus-daemon prints its address");
        SessionBus {
            child,
            address: line.trim().to_owned(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for a child process to exit; `None` if it is still running after `timeout`.
pub fn wait_exit(child: &mut Child, timeout: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}
