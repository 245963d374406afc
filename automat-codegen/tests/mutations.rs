//! The macro never panics on user input: every valid machine in the repository, mutated the
//! ways people mistype code, goes through the expansion function, which must return either
//! valid Rust or errors spanned inside the input.
//!
//! Mutations work on the token tree, one group at a time, so delimiters stay balanced and
//! every token keeps the span of the source token it came from: an error spanned outside the
//! input can only be one the macro made up. One mutant in four also has the attribute's
//! argument list edited (`dynamic`, `typestate`, `?Send`, `observe`, `serde`, `derive(..)`,
//! `crate = path`), argument by argument.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::str::FromStr;

/// How many mutants a plain `cargo test` tries, over all machines together: enough to catch a
/// panic that a common mistake triggers, in a few seconds. `.ci/run` sets `AUTOMAT_MUTANTS` to
/// [`FULL_RUN`].
const DEFAULT_RUN: usize = 3_000;

/// The count `.ci/run` asks for: a few minutes on two cores.
const FULL_RUN: usize = 100_000;

/// How many mutants the run tries: `AUTOMAT_MUTANTS` if set, else [`DEFAULT_RUN`].
fn mutants() -> usize {
    std::env::var("AUTOMAT_MUTANTS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(DEFAULT_RUN)
}

/// The machines to mutate: every `#[automat::machine]` module in these files.
const SOURCES: &[&str] = &[
    "../examples/src/machines/turnstile.rs",
    "../examples/src/machines/garage_door.rs",
    "../examples/src/machines/tcp.rs",
    "../examples/src/machines/door_lock.rs",
    "../examples/src/machines/lines.rs",
    "../examples/src/machines/tls.rs",
    "../examples/src/machines/kv.rs",
    "../tests/src/lib.rs",
    "../tests/tests/async_handlers.rs",
    // Machines in the dynamic and typestate modes, async and ?Send, without the prelude.
    "../tests/hygiene/src/lib.rs",
];

/// A small deterministic generator (xorshift64*), so a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below usize::MAX")
    }
}

/// A machine module: the attribute's arguments and the module's tokens.
struct Machine {
    file: String,
    args: TokenStream,
    module: Vec<TokenTree>,
    lines: std::ops::RangeInclusive<usize>,
}

fn machines() -> Vec<Machine> {
    let mut found = Vec::new();
    for source in SOURCES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(source);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let file: syn::File =
            syn::parse_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        collect(&file.items, &path.display().to_string(), &mut found);
    }
    assert!(
        found.len() >= SOURCES.len(),
        "expected at least one machine per source, found {}",
        found.len()
    );
    found
}

fn collect(items: &[syn::Item], file: &str, found: &mut Vec<Machine>) {
    use quote::ToTokens;
    for item in items {
        let syn::Item::Mod(module) = item else {
            continue;
        };
        let marker = module.attrs.iter().position(|attr| {
            attr.path()
                .segments
                .last()
                .is_some_and(|segment| segment.ident == "machine")
        });
        if let Some(marker) = marker {
            let args = match &module.attrs[marker].meta {
                syn::Meta::List(list) => list.tokens.clone(),
                _ => TokenStream::new(),
            };
            let mut module = module.clone();
            module.attrs.remove(marker);
            let tokens = module.to_token_stream();
            // The arguments' errors are spanned in the attribute, which may be above the
            // module's first token.
            let lines = span_lines(&args.clone().into_iter().chain(tokens.clone()).collect());
            found.push(Machine {
                file: file.to_owned(),
                args,
                module: tokens.into_iter().collect(),
                lines,
            });
        } else if let Some((_, items)) = &module.content {
            collect(items, file, found);
        }
    }
}

/// The first and last line the tokens cover.
fn span_lines(tokens: &TokenStream) -> std::ops::RangeInclusive<usize> {
    let mut lines = (usize::MAX, 0);
    visit(tokens.clone(), &mut |span| {
        lines.0 = lines.0.min(span.start().line);
        lines.1 = lines.1.max(span.end().line);
    });
    lines.0..=lines.1
}

fn visit(tokens: TokenStream, each: &mut impl FnMut(Span)) {
    for token in tokens {
        each(token.span());
        if let TokenTree::Group(group) = token {
            visit(group.stream(), each);
        }
    }
}

/// Replacement identifiers and types: names from machines, keywords, and types.
const WORDS: &[&str] = &[
    "Locked",
    "Core",
    "State",
    "Machine",
    "Dynamic",
    "Input",
    "self",
    "Self",
    "u32",
    "coin",
    "push",
    "state",
    "new",
    "initial",
    "unreachable",
    "transitions",
    "branch",
    "core",
    "mut",
    "fn",
    "impl",
    "pub",
    "r#type",
    "__Slot",
    "async",
    "await",
    "Send",
];
const TYPES: &[&str] = &[
    "u8",
    "Vec<u8>",
    "&'static str",
    "(Locked, u32)",
    "Option<Self>",
    "()",
    "[u8; 4]",
    "impl Fn()",
];

/// Applies one random mutation somewhere in `tokens`.
fn mutate(tokens: &mut Vec<TokenTree>, rng: &mut Rng) {
    // Descend into a random group now and then, so nested tokens are mutated too.
    if !tokens.is_empty() && rng.below(3) != 0 {
        let index = rng.below(tokens.len());
        if let TokenTree::Group(group) = &tokens[index] {
            let mut inner: Vec<TokenTree> = group.stream().into_iter().collect();
            if !inner.is_empty() {
                mutate(&mut inner, rng);
                let mut rebuilt = Group::new(group.delimiter(), inner.into_iter().collect());
                rebuilt.set_span(group.span());
                tokens[index] = TokenTree::Group(rebuilt);
                return;
            }
        }
    }
    if tokens.is_empty() {
        return;
    }
    let index = rng.below(tokens.len());
    match rng.below(7) {
        // A token deleted.
        0 => {
            tokens.remove(index);
        }
        // A token duplicated.
        1 => tokens.insert(index, tokens[index].clone()),
        // Two neighbours swapped.
        2 if index + 1 < tokens.len() => tokens.swap(index, index + 1),
        // An identifier renamed.
        3 => {
            if let TokenTree::Ident(ident) = &tokens[index] {
                let word = WORDS[rng.below(WORDS.len())];
                let renamed = match word.strip_prefix("r#") {
                    Some(raw) => Ident::new_raw(raw, ident.span()),
                    None => Ident::new(word, ident.span()),
                };
                tokens[index] = TokenTree::Ident(renamed);
            }
        }
        // A type (or any identifier) replaced by a type.
        4 => {
            let span = tokens[index].span();
            let ty = TokenStream::from_str(TYPES[rng.below(TYPES.len())]).expect("types lex");
            let ty: Vec<TokenTree> = ty.into_iter().map(|token| respan(token, span)).collect();
            tokens.splice(index..=index, ty);
        }
        // An attribute dropped or duplicated.
        _ => {
            let attr = (0..tokens.len()).find(|&at| {
                at + 1 < tokens.len()
                    && matches!(&tokens[at], TokenTree::Punct(punct) if punct.as_char() == '#')
                    && matches!(&tokens[at + 1], TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket)
            });
            let Some(mut at) = attr else { return };
            // Pick a random attribute among those of this level.
            let attrs: Vec<usize> = (at..tokens.len() - 1)
                .filter(|&i| {
                    matches!(&tokens[i], TokenTree::Punct(punct) if punct.as_char() == '#')
                        && matches!(&tokens[i + 1], TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket)
                })
                .collect();
            at = attrs[rng.below(attrs.len())];
            if rng.below(2) == 0 {
                tokens.drain(at..at + 2);
            } else {
                let copy = [tokens[at].clone(), tokens[at + 1].clone()];
                tokens.splice(at..at, copy);
            }
        }
    }
}

fn respan(token: TokenTree, span: Span) -> TokenTree {
    match token {
        TokenTree::Group(group) => {
            let inner = group
                .stream()
                .into_iter()
                .map(|token| respan(token, span))
                .collect();
            let mut rebuilt = Group::new(group.delimiter(), inner);
            rebuilt.set_span(span);
            TokenTree::Group(rebuilt)
        }
        mut other => {
            other.set_span(span);
            other
        }
    }
}

/// Replacement arguments of `#[automat::machine(...)]`: every argument it takes, some it
/// does not, and bare punctuation.
const ARGUMENTS: &[&str] = &[
    "dynamic",
    "typestate",
    "?Send",
    "observe",
    "serde",
    "derive(Debug)",
    "derive(Clone, PartialEq)",
    "derive()",
    "derive",
    "crate = automat",
    "crate = \"automat\"",
    "crate",
    "?",
    "?Sync",
    "Send",
    "dynamic = 1",
    "observe(all)",
    "=",
    ";",
];

/// Applies one random edit to the argument list `args`, argument by argument: one dropped,
/// duplicated, swapped with another, replaced by one of [`ARGUMENTS`] or inserted, or a token
/// inside one mutated as [`mutate`] does the module's. A new argument is spanned like the one
/// it replaces or goes before, or like `fallback` when the list is empty.
fn mutate_args(args: &mut TokenStream, fallback: Span, rng: &mut Rng) {
    let mut arguments: Vec<Vec<TokenTree>> = Vec::new();
    for token in args.clone() {
        match (&token, arguments.last_mut()) {
            (TokenTree::Punct(comma), _) if comma.as_char() == ',' => arguments.push(Vec::new()),
            (_, Some(current)) => current.push(token),
            (_, None) => arguments.push(vec![token]),
        }
    }
    arguments.retain(|argument| !argument.is_empty());
    let index = rng.below(arguments.len().max(1));
    let span = arguments
        .get(index)
        .and_then(|argument| argument.first())
        .map_or(fallback, TokenTree::span);
    let other = |rng: &mut Rng| -> Vec<TokenTree> {
        let text = ARGUMENTS[rng.below(ARGUMENTS.len())];
        let tokens = TokenStream::from_str(text).expect("arguments lex");
        tokens
            .into_iter()
            .map(|token| respan(token, span))
            .collect()
    };
    match (rng.below(6), arguments.is_empty()) {
        (_, true) | (0, false) => arguments.insert(index, other(rng)),
        (1, false) => {
            arguments.remove(index);
        }
        (2, false) => arguments.insert(index, arguments[index].clone()),
        (3, false) => {
            let with = rng.below(arguments.len());
            arguments.swap(index, with);
        }
        (4, false) => arguments[index] = other(rng),
        (_, false) => mutate(&mut arguments[index], rng),
    }
    let mut edited = Vec::new();
    for (at, argument) in arguments.into_iter().enumerate() {
        if at > 0 {
            let mut comma = proc_macro2::Punct::new(',', proc_macro2::Spacing::Alone);
            comma.set_span(argument.first().map_or(span, TokenTree::span));
            edited.push(TokenTree::Punct(comma));
        }
        edited.extend(argument);
    }
    *args = edited.into_iter().collect();
}

/// The `compile_error!` calls in `output`: how many, and the first spanned outside `lines`.
fn errors_in(
    output: TokenStream,
    lines: &std::ops::RangeInclusive<usize>,
) -> (usize, Option<String>) {
    let (mut count, mut stray) = (0, None);
    let tokens: Vec<TokenTree> = output.into_iter().collect();
    for (index, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                count += 1;
                let line = ident.span().start().line;
                if !lines.contains(&line) && stray.is_none() {
                    let message = tokens
                        .get(index + 2)
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    stray = Some(format!(
                        "error at line {line}, outside lines {lines:?}: {message}"
                    ));
                }
            }
            TokenTree::Group(group) => {
                let (inner, inner_stray) = errors_in(group.stream(), lines);
                count += inner;
                stray = stray.or(inner_stray);
            }
            _ => {}
        }
    }
    (count, stray)
}

/// What one worker found: mutants rejected with errors, mutants expanded, mutants whose
/// arguments were edited, or the first failure.
type Tally = Result<(usize, usize, usize), String>;

/// Expands `count` mutants, starting from `seed`, round-robin over `machines`.
fn run(machines: &[Machine], seed: u64, count: usize) -> Tally {
    let mut rng = Rng(seed);
    let (mut rejected, mut accepted, mut edited) = (0, 0, 0);
    for round in 0..count {
        let machine = &machines[round % machines.len()];
        let mut module = machine.module.clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut module, &mut rng);
        }
        // rustc never hands an attribute an empty item, and an error about one has no input
        // token to point at: mutate a fresh copy instead.
        while module.is_empty() {
            module.clone_from(&machine.module);
            mutate(&mut module, &mut rng);
        }
        // One mutant in four has its argument list edited too.
        let mut args = machine.args.clone();
        if rng.below(4) == 0 {
            mutate_args(&mut args, module[0].span(), &mut rng);
            edited += 1;
        }
        let module: TokenStream = module.into_iter().collect();
        // The mutant as the macro saw it, for a failure's message.
        let mutant = || {
            format!(
                "a mutant of a machine in {}:\n#[automat::machine({args})]\n{module}",
                machine.file
            )
        };
        let expanded = panic::catch_unwind(AssertUnwindSafe(|| {
            automat_codegen::expand(args.clone(), module.clone())
        }));
        let Ok(output) = expanded else {
            return Err(format!("the macro panicked on {}", mutant()));
        };
        match errors_in(output.clone(), &machine.lines) {
            (_, Some(stray)) => return Err(format!("{stray}, on {}", mutant())),
            (0, None) => {
                if let Err(error) = syn::parse2::<syn::File>(output) {
                    return Err(format!("invalid Rust ({error}) from {}", mutant()));
                }
                accepted += 1;
            }
            _ => rejected += 1,
        }
    }
    Ok((rejected, accepted, edited))
}

/// The mutants are split among this many threads, whatever the number of cores: each
/// worker's seed and share depend on it, so every machine tries the same mutants.
const WORKERS: usize = 8;

#[test]
fn mutated_machines_never_panic() {
    // Tokens are not `Send`, so every worker reads the machines for itself.
    let machine_count = machines().len();
    let total = mutants();
    // Silence the default hook: a panic is reported with the input that caused it.
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|worker| {
                let seed =
                    0x5EED_A070_0A7F_0001 ^ (worker as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                let count = total / WORKERS + usize::from(worker < total % WORKERS);
                scope.spawn(move || run(&machines(), seed, count))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("workers catch panics"))
            .collect()
    });
    panic::set_hook(default_hook);
    let (mut rejected, mut accepted, mut edited) = (0, 0, 0);
    for tally in tallies {
        let (r, a, e) = tally.unwrap_or_else(|failure| panic!("{failure}"));
        rejected += r;
        accepted += a;
        edited += e;
    }
    // Straight to stderr, past the test harness's capture, so every run says how thorough it
    // was and how to run the full count.
    let _ = writeln!(
        std::io::stderr(),
        "mutations: tried {total} mutants of {machine_count} machines ({edited} with their arguments edited too): 0 panics, {rejected} rejected with errors inside the input, {accepted} expanded to valid Rust{}",
        if total < FULL_RUN {
            format!(
                " (the full run: AUTOMAT_MUTANTS={FULL_RUN} cargo test -p automat-codegen --test mutations)"
            )
        } else {
            String::new()
        }
    );
    assert_eq!(rejected + accepted, total);
    assert!(
        rejected > total / 10,
        "most mutations should break something; only {rejected} did"
    );
}
