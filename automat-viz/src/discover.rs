//! Finding machines in source files, without compiling them.
//!
//! A file is parsed with syn, every module at any depth (inside other modules, functions,
//! impls) is checked for `#[automat::machine]` or `#[machine]`, and each one found is read
//! by `automat_codegen::parse_module`, the macro's own parser and checks.

use automat_codegen::model::Machine;
use proc_macro2::{Span, TokenStream};
use std::fmt;
#[cfg(feature = "cli")]
use std::fs;
use std::path::{Path, PathBuf};
use syn::visit::Visit;
use syn::{Attribute, ItemMod, Meta};

/// A mistake in the input, located as `file:line:col` when it has a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as the user named it (or as found in a folder they named).
    pub file: String,
    /// Line and column, both counted from 1, when the problem is at some tokens.
    pub at: Option<(usize, usize)>,
    /// What is wrong, lowercase, code in backticks.
    pub message: String,
}

impl Problem {
    /// A problem with the file as a whole (it cannot be read, say).
    pub fn file(file: &Path, message: impl fmt::Display) -> Self {
        Problem {
            file: file.display().to_string(),
            at: None,
            message: message.to_string(),
        }
    }

    /// A problem at `span` in `file`.
    pub fn at(file: &Path, span: Span, message: impl fmt::Display) -> Self {
        let start = span.start();
        Problem {
            file: file.display().to_string(),
            at: Some((start.line, start.column + 1)),
            message: message.to_string(),
        }
    }

    /// One problem per error combined in `error`.
    pub fn from_syn(file: &Path, error: syn::Error) -> Vec<Self> {
        error
            .into_iter()
            .map(|error| Problem::at(file, error.span(), error))
            .collect()
    }
}

impl Problem {
    /// `file:line:col`, or just `file`.
    pub fn location(&self) -> String {
        match self.at {
            Some((line, column)) => format!("{}:{line}:{column}", self.file),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{}: {}", self.location(), self.message)
    }
}

/// A `#[automat::machine]` module found in a file.
pub struct Found {
    /// The file it is in.
    pub file: PathBuf,
    /// The module's name.
    pub name: String,
    /// Where its name is, for the CLI's messages.
    #[cfg_attr(not(feature = "cli"), allow(dead_code))]
    pub span: Span,
    /// The attribute's arguments: `derive(...)`, or nothing.
    pub args: TokenStream,
    /// The module, without the machine attribute (as the macro receives it).
    pub module: ItemMod,
}

impl Found {
    /// Reads and checks the machine, as the macro would.
    ///
    /// # Errors
    ///
    /// Every mistake in the declaration, located.
    pub fn parse(&self) -> Result<Machine, Vec<Problem>> {
        let mut module = self.module.clone();
        automat_codegen::parse_module(self.args.clone(), &mut module)
            .map_err(|error| Problem::from_syn(&self.file, error))
    }

    /// Where the module's name is, as `file:line:col`.
    #[cfg(feature = "cli")]
    pub fn location(&self) -> String {
        Problem::at(&self.file, self.span, "").location()
    }
}

#[cfg(feature = "cli")]
/// The `.rs` files named by `paths`: files as they are, folders searched recursively in name
/// order, skipping hidden entries and `target` folders (Cargo's build output).
pub fn files(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk(path, &mut files, problems),
            Ok(_) => files.push(path.clone()),
            Err(error) => problems.push(Problem::file(path, error)),
        }
    }
    files
}

#[cfg(feature = "cli")]
fn walk(folder: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => return problems.push(Problem::file(folder, error)),
    };
    let mut entries: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        // `file_type` does not follow symbolic links, so a linked folder cannot loop.
        .filter_map(|entry| Some((entry.path(), entry.file_type().ok()?.is_dir())))
        .collect();
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
            if path.file_name().is_some_and(|name| name != "target") {
                walk(&path, files, problems);
            }
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// Every machine module in `source`, the text of `file`, in source order.
///
/// # Errors
///
/// When `source` is not valid Rust, or a machine attribute is malformed.
pub fn machines(file: &Path, source: &str) -> Result<Vec<Found>, Vec<Problem>> {
    let syntax = syn::parse_file(source).map_err(|error| Problem::from_syn(file, error))?;
    machines_in(file, &syntax)
}

/// Every machine module in `syntax`, read from `file`, in source order.
///
/// # Errors
///
/// When a machine attribute is malformed.
pub fn machines_in(file: &Path, syntax: &syn::File) -> Result<Vec<Found>, Vec<Problem>> {
    let mut finder = Finder {
        file,
        found: Vec::new(),
        problems: Vec::new(),
    };
    finder.visit_file(syntax);
    if finder.problems.is_empty() {
        Ok(finder.found)
    } else {
        Err(finder.problems)
    }
}

struct Finder<'a> {
    file: &'a Path,
    found: Vec<Found>,
    problems: Vec<Problem>,
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_mod(&mut self, module: &'ast ItemMod) {
        if let Some(position) = module.attrs.iter().position(is_machine_attribute) {
            let mut found = module.clone();
            let attr = found.attrs.remove(position);
            match attr.meta {
                Meta::Path(_) => self.push(found, TokenStream::new()),
                Meta::List(list) => self.push(found, list.tokens),
                Meta::NameValue(meta) => self.problems.push(Problem::at(
                    self.file,
                    meta.eq_token.span,
                    "expected `#[automat::machine]` or `#[automat::machine(derive(...))]`",
                )),
            }
        }
        // A machine module may itself hold another machine module, which the compiler expands
        // in turn; so keep looking inside.
        syn::visit::visit_item_mod(self, module);
    }
}

impl Finder<'_> {
    fn push(&mut self, module: ItemMod, args: TokenStream) {
        self.found.push(Found {
            file: self.file.to_owned(),
            name: module.ident.to_string(),
            span: module.ident.span(),
            args,
            module,
        });
    }
}

/// `#[automat::machine]`, `#[::automat::machine]` or `#[machine]`, with or without arguments.
fn is_machine_attribute(attr: &Attribute) -> bool {
    let segments: Vec<String> = attr
        .path()
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    matches!(
        segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["machine"] | ["automat", "machine"]
    )
}
