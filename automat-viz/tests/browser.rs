//! Mermaid itself, as GitHub and doc sites run it, parses and renders every Mermaid output of
//! the test corpus: mermaid 11 from the npm registry, in headless Chromium.
//!
//! It needs `npm ci --prefix automat-viz/tests/browser` (the version is pinned in
//! `tests/browser/package.json` and its lock file) and a Chromium (`apt-get install chromium`);
//! `.ci/run` installs both. Without them the test fails under CI (`CI=true`), and elsewhere
//! says loudly that it did not run and how to set it up.

mod common;

use automat_viz::Format;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Mermaid's browser bundle, from `npm ci`.
const MERMAID: &str = "tests/browser/node_modules/mermaid/dist/mermaid.min.js";

/// The longest a run may take before the test gives up on the browser.
const PATIENCE: Duration = Duration::from_secs(300);

/// The page: it parses and renders each diagram in turn and writes one line per diagram into
/// `#results` (`ok`, or the error), then `done` and the count.
const PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<pre id="results"></pre>
<script src="MERMAID"></script>
<script src="diagrams.js"></script>
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
(async () => {
  const lines = [];
  for (let index = 0; index < DIAGRAMS.length; index++) {
    try {
      await mermaid.parse(DIAGRAMS[index]);
      const { svg } = await mermaid.render("diagram" + index, DIAGRAMS[index]);
      lines.push(svg.includes("<svg") ? "ok" : "rendered no <svg>");
    } catch (error) {
      lines.push(String((error && error.message) || error).replace(/\s+/g, " "));
    }
  }
  lines.push("done " + DIAGRAMS.length);
  document.getElementById("results").textContent = lines.join("\n");
})();
</script>
</body></html>
"#;

#[test]
fn mermaid_renders_every_mermaid_output_in_a_browser() {
    let mermaid = common::crate_dir().join(MERMAID);
    let Some(chromium) = chromium() else {
        return missing("a Chromium (`apt-get install chromium`)");
    };
    if !mermaid.is_file() {
        return missing("mermaid (`npm ci --prefix automat-viz/tests/browser`)");
    }
    let corpus = common::corpus(Format::Mermaid);
    let dir = tempfile::tempdir().unwrap();
    let mut script = String::from("const DIAGRAMS = [\n");
    for diagram in &corpus {
        writeln!(script, "{},", js_string(&diagram.text)).unwrap();
    }
    script.push_str("];\n");
    fs::write(dir.path().join("diagrams.js"), script).unwrap();
    fs::write(
        dir.path().join("page.html"),
        PAGE.replace("MERMAID", &file_url(&mermaid)),
    )
    .unwrap();

    let dom = run(&chromium, dir.path());
    let results = dom
        .split_once(r#"<pre id="results">"#)
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(results, _)| unescape(results))
        .unwrap_or_default();
    let lines: Vec<&str> = results.lines().collect();
    assert_eq!(
        lines.last().copied(),
        Some(format!("done {}", corpus.len()).as_str()),
        "the page did not finish; Chromium printed:\n{dom}"
    );
    let failures: Vec<String> = corpus
        .iter()
        .zip(&lines)
        .filter(|(_, result)| **result != "ok")
        .map(|(diagram, result)| format!("{}: {result}\n{}", diagram.name, diagram.text))
        .collect();
    assert!(
        failures.is_empty(),
        "mermaid rejected {} of {} diagrams:\n\n{}",
        failures.len(),
        corpus.len(),
        failures.join("\n")
    );
    println!(
        "mermaid rendered {} Mermaid diagrams in {chromium}",
        corpus.len()
    );
}

/// The first Chromium that runs: `$CHROMIUM`, else Debian's `chromium`, else the usual names.
fn chromium() -> Option<String> {
    let candidates = std::env::var("CHROMIUM").into_iter().chain(
        ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .map(str::to_owned),
    );
    candidates.into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    })
}

/// Fails under CI; elsewhere says loudly that the test did not run.
fn missing(what: &str) {
    let message =
        format!("the Mermaid browser test needs {what}; `.ci/run` installs everything it needs");
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("\n!!!!! NOT RUN: {message} !!!!!\n");
}

/// Loads the page in headless Chromium and returns the DOM once the page's work is done.
fn run(chromium: &str, dir: &Path) -> String {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=120000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(file_url(&dir.join("page.html")))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Chromium starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > PATIENCE {
            child.kill().unwrap();
            panic!("Chromium did not finish within {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "Chromium failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `path` as a `file://` URL (paths here are absolute, without characters URLs escape).
fn file_url(path: &Path) -> String {
    let path: PathBuf = path.canonicalize().unwrap();
    format!("file://{}", path.display())
}

/// A JavaScript string literal holding `text`: ASCII only, with no `<` (no `</script>`).
fn js_string(text: &str) -> String {
    let mut literal = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            ' '..='~' if ch != '<' => literal.push(ch),
            _ => {
                for unit in ch.encode_utf16(&mut [0; 2]) {
                    write!(literal, "\\u{unit:04x}").unwrap();
                }
            }
        }
    }
    literal.push('"');
    literal
}

/// Text from the DOM Chromium dumps, with its entities decoded.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
