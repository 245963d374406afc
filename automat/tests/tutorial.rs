//! The tutorial reads well as files: no hidden doctest lines, every chapter listed in both
//! tables of contents, and every part of a machine that a chapter shows on its own an excerpt
//! of the whole machine file the runnable examples `include!`, so the two cannot drift apart.

use std::fs;
use std::path::{Path, PathBuf};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tutorial")
}

/// The chapters, in the order `src/tutorial.rs` includes them.
fn chapters() -> Vec<String> {
    let index = fs::read_to_string(folder().with_extension("rs")).unwrap();
    index
        .lines()
        .filter_map(|line| line.strip_prefix("#![doc = include_str!(\"tutorial/"))
        .map(|rest| rest.trim_end_matches("\")]").to_owned())
        .collect()
}

/// The code blocks of a Markdown file: the info string, the lines, and the line before the
/// opening fence.
fn blocks(text: &str) -> Vec<(String, Vec<String>, String)> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    let mut previous = "";
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let body: Vec<String> = lines
                .by_ref()
                .take_while(|line| *line != "```")
                .map(str::to_owned)
                .collect();
            blocks.push((info.to_owned(), body, previous.to_owned()));
        }
        previous = line;
    }
    blocks
}

#[test]
fn every_chapter_is_listed_in_both_tables_of_contents() {
    let chapters = chapters();
    assert!(chapters.len() >= 16, "{chapters:?}");
    let readme = fs::read_to_string(folder().join("README.md")).unwrap();
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|line| line.split_once("](")?.1.strip_suffix(')'))
        .filter(|target| Path::new(target).extension().is_some_and(|ext| ext == "md"))
        .collect();
    assert_eq!(
        listed, chapters,
        "tutorial/README.md lists other chapters than tutorial.rs"
    );
    let mut on_disk: Vec<String> = fs::read_dir(folder())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| {
            Path::new(name).extension().is_some_and(|ext| ext == "md") && name != "README.md"
        })
        .collect();
    on_disk.sort();
    let mut included = chapters.clone();
    included.sort();
    assert_eq!(
        on_disk, included,
        "a chapter file is not included in tutorial.rs"
    );
    let index = fs::read_to_string(folder().with_extension("rs")).unwrap();
    for chapter in &chapters {
        let text = fs::read_to_string(folder().join(chapter)).unwrap();
        let title = text.lines().next().and_then(|line| line.strip_prefix("# "));
        let title = title.unwrap_or_else(|| panic!("{chapter} does not start with `# Title`"));
        assert!(
            index.contains(&format!("[{title}](#")),
            "tutorial.rs does not list `{title}`"
        );
    }
}

#[test]
fn no_example_hides_lines() {
    for chapter in chapters() {
        let text = fs::read_to_string(folder().join(&chapter)).unwrap();
        for (info, body, _) in blocks(&text) {
            if !info.starts_with("rust") {
                continue;
            }
            for line in &body {
                assert!(
                    !(line == "#" || line.starts_with("# ")),
                    "{chapter}: a hidden doctest line, which reads as noise in the file: {line}"
                );
            }
        }
    }
}

/// Whether `excerpt` is made of runs of lines of `whole`, in order, separated by comments that
/// stand for what was left out.
fn is_excerpt(excerpt: &[String], whole: &str) -> Result<(), String> {
    let whole: Vec<&str> = whole.lines().collect();
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in excerpt {
        if whole.contains(&line.as_str()) {
            runs.last_mut().unwrap().push(line);
        } else if line.trim_start().starts_with("// ") {
            runs.push(Vec::new());
        } else {
            return Err(format!("`{line}` is not in the file"));
        }
    }
    let mut from = 0;
    for run in &mut runs {
        while run.first() == Some(&"") {
            run.remove(0);
        }
        while run.last() == Some(&"") {
            run.pop();
        }
        if run.is_empty() {
            continue;
        }
        let found = (from..=whole.len().saturating_sub(run.len()))
            .find(|&start| whole[start..start + run.len()] == run[..])
            .ok_or_else(|| {
                format!(
                    "these lines are not in the file, in this order:\n{}",
                    run.join("\n")
                )
            })?;
        from = found + run.len();
    }
    Ok(())
}

#[test]
fn every_partial_machine_is_an_excerpt_of_its_file() {
    let mut excerpts = 0;
    for chapter in chapters() {
        let text = fs::read_to_string(folder().join(&chapter)).unwrap();
        for (info, body, previous) in blocks(&text) {
            if info != "rust,ignore" {
                continue;
            }
            let Some((file, _)) = previous
                .strip_prefix("<!-- an excerpt of ")
                .and_then(|rest| rest.split_once(','))
            else {
                panic!("{chapter}: an untested example; say which file it is an excerpt of")
            };
            let whole = fs::read_to_string(folder().join(file)).unwrap();
            if let Err(error) = is_excerpt(&body, &whole) {
                panic!("{chapter}: an excerpt of {file} that differs from it: {error}");
            }
            excerpts += 1;
        }
    }
    assert!(excerpts >= 8, "only {excerpts} excerpts found");
}

#[test]
fn the_excerpt_check_rejects_a_changed_line() {
    let whole = "a\nb\nc\nd\n";
    let lines = |text: &str| text.lines().map(str::to_owned).collect::<Vec<_>>();
    assert!(is_excerpt(&lines("a\n// left out\nd"), whole).is_ok());
    assert!(is_excerpt(&lines("a\nd"), whole).is_err(), "not contiguous");
    assert!(
        is_excerpt(&lines("d\n// left out\na"), whole).is_err(),
        "out of order"
    );
    assert!(
        is_excerpt(&lines("a\nx"), whole).is_err(),
        "not in the file"
    );
}
