//! Times `automat_codegen::expand` (the whole macro: parse, check, generate) on a machine
//! module written by `gen.py`, outside rustc, so the figure is the macro's own cost.
//!
//! `expand-time FILE [RUNS]`: FILE holds `#[automat::machine] pub mod ... { ... }` (or
//! `#[automat::machine(ARGS)]`, the arguments passed as rustc passes them); prints one JSON
//! line with the median and minimum time of RUNS expansions and the output's size, in bytes of
//! text and in tokens.
//! `expand-time FILE --print`: prints the expansion instead (pipe it through `rustfmt`).

use std::time::Instant;

use proc_macro2::TokenStream;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("expand-time FILE [RUNS]");
    let source = std::fs::read_to_string(path).expect("read FILE");
    // The attribute is what rustc strips before calling the macro on the item; its arguments,
    // `#[automat::machine(dynamic)]`, are what rustc passes beside it.
    let (attribute, item) = split_attribute(&source);
    let attribute: TokenStream = attribute
        .parse()
        .expect("the attribute's arguments are tokens");
    if args.get(1).map(String::as_str) == Some("--print") {
        let tokens: TokenStream = item.parse().expect("FILE is Rust tokens");
        println!("{}", automat_codegen::expand(attribute, tokens));
        return;
    }
    let runs: usize = args.get(1).map_or(7, |runs| runs.parse().expect("RUNS"));
    let parse_start = Instant::now();
    let tokens: TokenStream = item.parse().expect("FILE is Rust tokens");
    let parse = parse_start.elapsed();
    let mut times = Vec::with_capacity(runs);
    let (mut output_len, mut output_tokens) = (0, 0);
    for _ in 0..runs {
        let input = tokens.clone();
        let start = Instant::now();
        let output = automat_codegen::expand(attribute.clone(), input);
        times.push(start.elapsed().as_secs_f64());
        output_len = output.to_string().len();
        output_tokens = count(output.clone());
        assert!(
            !output.to_string().contains("compile_error"),
            "the machine does not expand cleanly"
        );
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"runs\": {runs}, \"median_s\": {:.6}, \"min_s\": {:.6}, \"lex_s\": {:.6}, \
         \"input_bytes\": {}, \"output_bytes\": {output_len}, \"output_tokens\": {output_tokens}}}",
        times[runs / 2],
        times[0],
        parse.as_secs_f64(),
        item.len()
    );
}

/// The arguments of the leading `#[automat::machine(...)]` (empty without parentheses) and the
/// source after the attribute.
fn split_attribute(source: &str) -> (&str, &str) {
    let start = source
        .find("#[automat::machine")
        .expect("FILE holds #[automat::machine]");
    let rest = &source[start + "#[automat::machine".len()..];
    let end = rest.find("]\n").expect("the attribute ends its line");
    let args = rest[..end].trim();
    let args = args
        .strip_prefix('(')
        .and_then(|args| args.strip_suffix(')'))
        .unwrap_or(args);
    (args, &rest[end + 1..])
}

/// The tokens of `stream`: identifiers, punctuation and literals, at every depth (a group's
/// delimiters are not counted).
fn count(stream: TokenStream) -> usize {
    stream
        .into_iter()
        .map(|tree| match tree {
            proc_macro2::TokenTree::Group(group) => count(group.stream()),
            _ => 1,
        })
        .sum()
}
