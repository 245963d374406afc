//! Text taken from the declaration: doc comments, types as written, derived names.

use proc_macro2::{Delimiter, Ident, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// The doc comment among `attrs`, one line per `///` line, with the one space after `///`
/// removed and the whole trimmed.
#[must_use]
pub fn doc(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if let Meta::NameValue(meta) = &attr.meta
            && meta.path.is_ident("doc")
            && let Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) = &meta.value
        {
            let text = text.value();
            // A bare `///` is `#[doc = ""]`, which `lines()` would drop with the paragraph
            // break it stands for.
            if text.is_empty() {
                lines.push(String::new());
            }
            lines.extend(
                text.lines()
                    .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned()),
            );
        }
    }
    lines.join("\n").trim().to_owned()
}

/// The first line of a doc comment, or an empty string.
#[must_use]
pub fn first_line(doc: &str) -> &str {
    doc.lines().next().unwrap_or("")
}

/// A type (or any tokens) as a person would write it: `Vec<u8>`, `&'static str`,
/// `Option<(u16, [u8; 4])>`, `Box<dyn Fn(u32) -> bool>`.
///
/// Two types are "the same" to the macro's checks when their texts are equal, so spacing in
/// the source never matters.
#[must_use]
pub fn type_text(tokens: &impl ToTokens) -> String {
    let mut atoms = Vec::new();
    flatten(tokens.to_token_stream(), &mut atoms);
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for atom in &atoms {
        if let Some(prev) = prev
            && spaced(prev, atom)
        {
            out.push(' ');
        }
        out.push_str(atom);
        prev = Some(atom);
    }
    out
}

/// Splits tokens into the pieces a person types: identifiers, literals, delimiters, and
/// operators (`::`, `->`, joint punctuation kept together).
fn flatten(tokens: TokenStream, atoms: &mut Vec<String>) {
    let mut joint = false;
    for token in tokens {
        match token {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::None => ("", ""),
                };
                if !open.is_empty() {
                    atoms.push(open.to_owned());
                }
                flatten(group.stream(), atoms);
                if !close.is_empty() {
                    atoms.push(close.to_owned());
                }
                joint = false;
            }
            TokenTree::Punct(punct) => {
                let ch = punct.as_char();
                match atoms.last_mut() {
                    // `::`, `->` and `=>` read as one operator; `>>` closes two generics.
                    Some(last)
                        if joint
                            && matches!((last.as_str(), ch), (":", ':') | ("-" | "=", '>')) =>
                    {
                        last.push(ch);
                    }
                    _ => atoms.push(ch.to_string()),
                }
                joint = punct.spacing() == Spacing::Joint && ch != '\'';
            }
            TokenTree::Ident(ident) => {
                match atoms.last_mut() {
                    // A lifetime: `'` glued to its name.
                    Some(last) if last == "'" => last.push_str(&ident.to_string()),
                    _ => atoms.push(ident.to_string()),
                }
                joint = false;
            }
            TokenTree::Literal(literal) => {
                atoms.push(literal.to_string());
                joint = false;
            }
        }
    }
}

/// Whether a space separates `prev` and `next` in the way types are usually written.
fn spaced(prev: &str, next: &str) -> bool {
    let word =
        |atom: &str| atom.starts_with(|ch: char| ch.is_alphanumeric() || ch == '_' || ch == '\'');
    if matches!(prev, "<" | "(" | "[" | "&" | "::" | "*" | "!" | "#" | "'") {
        return false;
    }
    if matches!(next, ">" | ")" | "]" | "," | ";" | "::" | "?") {
        return prev == "->" || prev == "=";
    }
    // `Vec<u8>`, `Fn(u32)`: generic arguments and call parentheses hug their path.
    if matches!(next, "<" | "(") && (word(prev) || prev == ">") {
        return false;
    }
    true
}

/// An identifier as a name people read: `r#type` is `type`.
#[must_use]
pub fn name(ident: &Ident) -> String {
    use syn::ext::IdentExt;
    ident.unraw().to_string()
}

/// `syn_ack` → `SynAck`, `r#type` → `Type`: an input's variant name in `Input` and `Output`.
#[must_use]
pub fn upper_camel(ident: &Ident) -> Ident {
    let name = ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let mut camel = String::with_capacity(name.len());
    for word in name.split('_').filter(|word| !word.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            camel.extend(first.to_uppercase());
            camel.push_str(chars.as_str());
        }
    }
    if camel.is_empty() {
        camel.push_str("Input");
    }
    Ident::new(&camel, ident.span())
}

/// The candidate closest to `name`, if one is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance by characters, where swapping two neighbours counts as one edit (the
/// optimal string alignment distance), so `cion` is one edit from `coin`.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1)
                .min(table[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn types_read_as_written() {
        let cases = [
            (quote!(u32), "u32"),
            (quote!(Vec<u8>), "Vec<u8>"),
            (quote!(&'static str), "&'static str"),
            (quote!(&mut [u8]), "&mut [u8]"),
            (quote!(Option<(u16, [u8; 4])>), "Option<(u16, [u8; 4])>"),
            (
                quote!(::core::option::Option<u8>),
                "::core::option::Option<u8>",
            ),
            (
                quote!(Box<dyn Fn(u32) -> bool + Send>),
                "Box<dyn Fn(u32) -> bool + Send>",
            ),
            (quote!(HashMap<String, Vec<u8>>), "HashMap<String, Vec<u8>>"),
            (quote!(()), "()"),
            (quote!(*const u8), "*const u8"),
        ];
        for (tokens, expected) in cases {
            assert_eq!(type_text(&tokens), expected, "from {tokens}");
        }
    }

    #[test]
    fn camel_case_names() {
        let cases = [
            ("coin", "Coin"),
            ("syn_ack", "SynAck"),
            ("push_button", "PushButton"),
            ("r#type", "Type"),
            ("a_b_c", "ABC"),
        ];
        for (name, expected) in cases {
            let ident = syn::parse_str::<Ident>(name).unwrap();
            assert_eq!(upper_camel(&ident), expected);
        }
    }

    #[test]
    fn doc_keeps_paragraph_breaks() {
        let item: syn::ItemStruct = syn::parse_quote! {
            /// First paragraph,
            /// still the first.
            ///
            /// Second paragraph.
            struct S;
        };
        assert_eq!(
            doc(&item.attrs),
            "First paragraph,\nstill the first.\n\nSecond paragraph."
        );
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let inputs = ["coin", "push", "open_sensor"];
        assert_eq!(closest("cion", inputs), Some("coin"));
        assert_eq!(closest("open_senser", inputs), Some("open_sensor"));
        assert_eq!(closest("launch", inputs), None);
    }
}
