//! The machine's generic parameters: merged by name from the core, the states and the input
//! trait, and the names they reserve; plus what the types of inputs and outputs may borrow.
//!
//! The macro sees tokens, not types, so "which parameters does this type use" is answered by
//! the names it mentions, and "does this type borrow for the call" by its elided lifetimes
//! (`&T`, `'_`). A lifetime hidden in a path (`Frame` for `Frame<'a>`) is invisible here; rustc
//! then asks for it where the type is written.

use crate::check;
use crate::model::Generics;
use crate::report::Errors;
use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{GenericParam, Lifetime, Type, WherePredicate};

/// The lifetime of `Input` when an input borrows an argument for the call: `Input<'input>`.
pub const INPUT_LIFETIME: &str = "input";

/// The lifetime of the data the generated serde impls read: `Deserialize<'__de>`.
pub const DE_LIFETIME: &str = "__de";

/// The type parameter of `Machine<S>` that is its state.
pub const STATE_PARAM: &str = "S";

/// Collects the parameters of every declaration, in order, checking that one name is one
/// parameter.
#[derive(Default)]
pub struct Merger {
    params: Vec<Declared>,
    predicates: Vec<WherePredicate>,
    /// Whether a mistake was reported: then the parameters are not the ones the user meant,
    /// and code generated with them would only repeat the mistake in rustc's words.
    failed: bool,
}

struct Declared {
    param: GenericParam,
    /// The item that declared it first, for messages.
    owner: String,
    /// Whether the core or a state declares it, not just the input trait.
    held: bool,
}

impl Merger {
    /// Adds the parameters `generics` declares on `owner`; `held` when `owner` is the core or a
    /// state, which hold values of the parameters' types.
    pub fn add(
        &mut self,
        owner: &Ident,
        generics: &syn::Generics,
        held: bool,
        errors: &mut Errors,
    ) {
        let before = errors.len();
        self.declare(owner, generics, held, errors);
        self.failed |= errors.len() != before;
    }

    fn declare(
        &mut self,
        owner: &Ident,
        generics: &syn::Generics,
        held: bool,
        errors: &mut Errors,
    ) {
        let generics = &folded(generics);
        for param in &generics.params {
            let name = param_name(param);
            if reserved(param, &name, errors) {
                continue;
            }
            let Some(first) = self
                .params
                .iter_mut()
                .find(|declared| param_name(&declared.param) == name)
            else {
                self.params.push(Declared {
                    param: without_attributes(param),
                    owner: owner.to_string(),
                    held,
                });
                continue;
            };
            first.held |= held;
            same_parameter(first, param, &name, errors);
        }
        for predicate in generics
            .where_clause
            .iter()
            .flat_map(|clause| &clause.predicates)
        {
            let text = predicate.to_token_stream().to_string();
            if !self
                .predicates
                .iter()
                .any(|seen| seen.to_token_stream().to_string() == text)
            {
                self.predicates.push(predicate.clone());
            }
        }
    }

    /// The machine's parameters: lifetimes, then types, then consts, and whether they are all
    /// sound. A parameter only the input trait declares is reported: no generated item would
    /// hold a value of it.
    pub fn finish(self, errors: &mut Errors) -> (Generics, bool) {
        let mut sound = !self.failed;
        let mut params = Vec::new();
        for declared in self.params {
            if declared.held {
                params.push(declared.param);
            } else {
                errors.error_at(
                    &declared.param,
                    format_args!(
                        "`{}` is a parameter of the input trait only; a machine's parameters are those of its core and states, so declare it on the struct that holds it",
                        param_name(&declared.param),
                    ),
                );
                sound = false;
            }
        }
        params.sort_by_key(|param| match param {
            GenericParam::Lifetime(_) => 0,
            GenericParam::Type(_) => 1,
            GenericParam::Const(_) => 2,
        });
        let generics = Generics {
            params,
            predicates: self.predicates,
        };
        (generics, sound)
    }
}

// `generics` with each `where` predicate that bounds one of its parameters alone (`T: Read`,
// `'a: 'b`) folded into that parameter's bounds, so that bounds are compared wherever written.
fn folded(generics: &syn::Generics) -> syn::Generics {
    let mut generics = generics.clone();
    let Some(clause) = generics.where_clause.take() else {
        return generics;
    };
    let mut kept = clause.clone();
    kept.predicates.clear();
    for predicate in clause.predicates {
        let folded = match &predicate {
            WherePredicate::Type(bound) if bound.lifetimes.is_none() => {
                let ident = match &bound.bounded_ty {
                    Type::Path(path) if path.qself.is_none() => path.path.get_ident(),
                    _ => None,
                };
                generics.params.iter_mut().any(|param| match param {
                    GenericParam::Type(param) if Some(&param.ident) == ident => {
                        param.colon_token.get_or_insert_with(Default::default);
                        param.bounds.extend(bound.bounds.iter().cloned());
                        true
                    }
                    _ => false,
                })
            }
            WherePredicate::Lifetime(bound) => {
                generics.params.iter_mut().any(|param| match param {
                    GenericParam::Lifetime(param) if param.lifetime == bound.lifetime => {
                        param.colon_token.get_or_insert_with(Default::default);
                        param.bounds.extend(bound.bounds.iter().cloned());
                        true
                    }
                    _ => false,
                })
            }
            _ => false,
        };
        if !folded {
            kept.predicates.push(predicate);
        }
    }
    if !kept.predicates.is_empty() {
        generics.where_clause = Some(kept);
    }
    generics
}

// The names generated code declares itself cannot be parameters too: a parameter would
// clash with a generated one, or shadow a generated type in the generated code.
fn reserved(param: &GenericParam, name: &str, errors: &mut Errors) -> bool {
    let what = match param {
        GenericParam::Lifetime(_) if name == format!("'{INPUT_LIFETIME}") => {
            "is the lifetime of the arguments `Input` borrows"
        }
        GenericParam::Lifetime(_) if name == format!("'{DE_LIFETIME}") => {
            "is the lifetime of the data the generated serde impls read"
        }
        GenericParam::Type(_) | GenericParam::Const(_) if name == STATE_PARAM => {
            "is the state parameter of the generated `Machine<S>`"
        }
        GenericParam::Type(_) | GenericParam::Const(_) => match check::generated_item(name) {
            Some(item) => &format!("is the name of {item}"),
            None => return false,
        },
        GenericParam::Lifetime(_) => return false,
    };
    errors.error_at(
        param_ident(param),
        format_args!("`{name}` {what}; rename this parameter"),
    );
    true
}

// One name is one parameter of the machine: the same kind, and the same bounds wherever bounds
// are written (a declaration without bounds takes the others'), the same type for a const.
fn same_parameter(first: &mut Declared, param: &GenericParam, name: &str, errors: &mut Errors) {
    let owner = &first.owner;
    match (&mut first.param, param) {
        (GenericParam::Lifetime(first), GenericParam::Lifetime(second)) => {
            if second.bounds.is_empty() {
            } else if first.bounds.is_empty() {
                first.bounds.clone_from(&second.bounds);
                first.colon_token = second.colon_token;
            } else if bounds_text(&first.bounds) != bounds_text(&second.bounds) {
                differing_bounds(name, owner, &first.bounds, &second.bounds, errors);
            }
        }
        (GenericParam::Type(first), GenericParam::Type(second)) => {
            if second.bounds.is_empty() {
            } else if first.bounds.is_empty() {
                first.bounds.clone_from(&second.bounds);
                first.colon_token = second.colon_token;
            } else if bounds_text(&first.bounds) != bounds_text(&second.bounds) {
                differing_bounds(name, owner, &first.bounds, &second.bounds, errors);
            }
        }
        (GenericParam::Const(first), GenericParam::Const(second)) => {
            let (wanted, found) = (
                crate::text::type_text(&first.ty),
                crate::text::type_text(&second.ty),
            );
            if wanted != found {
                errors.error_at(
                    &second.ty,
                    format_args!(
                        "const parameter `{name}` has type `{wanted}` on `{owner}` but `{found}` here; one name is one parameter of the machine: write `const {name}: {wanted}`",
                    ),
                );
            }
        }
        (first, second) => errors.error_at(
            param_ident(second),
            format_args!(
                "`{name}` is a {} on `{owner}` but a {} here; one name is one parameter of the machine, so rename one",
                kind(first),
                kind(second),
            ),
        ),
    }
}

fn differing_bounds<T: ToTokens, P: ToTokens>(
    name: &str,
    owner: &str,
    first: &syn::punctuated::Punctuated<T, P>,
    second: &syn::punctuated::Punctuated<T, P>,
    errors: &mut Errors,
) {
    let wanted = crate::text::type_text(first);
    errors.error_at(
        second,
        format_args!(
            "`{name}` is bounded by `{wanted}` on `{owner}` but by `{}` here; one name is one parameter of the machine: write the same bounds, `{name}: {wanted}`, or none",
            crate::text::type_text(second),
        ),
    );
}

/// The bounds as a sorted list of texts, so that `A + B` is `B + A`.
fn bounds_text<T: ToTokens, P>(bounds: &syn::punctuated::Punctuated<T, P>) -> Vec<String> {
    let mut texts: Vec<String> = bounds.iter().map(crate::text::type_text).collect();
    texts.sort();
    texts
}

fn kind(param: &GenericParam) -> &'static str {
    match param {
        GenericParam::Lifetime(_) => "lifetime",
        GenericParam::Type(_) => "type parameter",
        GenericParam::Const(_) => "const parameter",
    }
}

/// `'a`, `T` or `N`.
#[must_use]
pub fn param_name(param: &GenericParam) -> String {
    match param {
        GenericParam::Lifetime(param) => format!("'{}", param.lifetime.ident),
        GenericParam::Type(param) => param.ident.to_string(),
        GenericParam::Const(param) => param.ident.to_string(),
    }
}

fn param_ident(param: &GenericParam) -> TokenStream {
    match param {
        GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
        GenericParam::Type(param) => param.ident.to_token_stream(),
        GenericParam::Const(param) => param.ident.to_token_stream(),
    }
}

/// The parameter without its attributes, which generated items do not repeat.
fn without_attributes(param: &GenericParam) -> GenericParam {
    let mut param = param.clone();
    match &mut param {
        GenericParam::Lifetime(param) => param.attrs.clear(),
        GenericParam::Type(param) => param.attrs.clear(),
        GenericParam::Const(param) => param.attrs.clear(),
    }
    param
}

/// The parameter without its default, as an `impl` header declares it.
#[must_use]
pub fn without_default_value(param: &GenericParam) -> GenericParam {
    let mut param = param.clone();
    match &mut param {
        GenericParam::Lifetime(_) => {}
        GenericParam::Type(param) => {
            param.default = None;
        }
        GenericParam::Const(param) => {
            param.default = None;
        }
    }
    param
}

/// The names `tokens` mentions: lifetimes with their tick (`'a`), other identifiers bare.
#[must_use]
pub fn names(tokens: &impl ToTokens) -> Vec<String> {
    fn walk(tokens: TokenStream, names: &mut Vec<String>) {
        let mut tick = false;
        for token in tokens {
            match token {
                TokenTree::Punct(punct) => tick = punct.as_char() == '\'',
                TokenTree::Ident(ident) => {
                    names.push(if tick {
                        format!("'{ident}")
                    } else {
                        ident.to_string()
                    });
                    tick = false;
                }
                TokenTree::Group(group) => {
                    walk(group.stream(), names);
                    tick = false;
                }
                TokenTree::Literal(_) => tick = false,
            }
        }
    }
    let mut found = Vec::new();
    walk(tokens.to_token_stream(), &mut found);
    found
}

impl Generics {
    /// Whether the machine has no parameters.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// The parameters that `tokens` mention, with the `where` predicates that bound only them.
    #[must_use]
    pub fn used_by(&self, tokens: &impl ToTokens) -> Generics {
        let mentioned = names(tokens);
        let params: Vec<GenericParam> = self
            .params
            .iter()
            .filter(|param| mentioned.contains(&param_name(param)))
            .cloned()
            .collect();
        self.restricted(params)
    }

    /// The parameters of `self` and `other`, as `self` orders them.
    #[must_use]
    pub fn union(&self, other: &Generics) -> Generics {
        let wanted: Vec<String> = self
            .params
            .iter()
            .chain(&other.params)
            .map(param_name)
            .collect();
        let params = self
            .params
            .iter()
            .filter(|param| wanted.contains(&param_name(param)))
            .cloned()
            .collect();
        self.restricted(params)
    }

    fn restricted(&self, params: Vec<GenericParam>) -> Generics {
        let kept: Vec<String> = params.iter().map(param_name).collect();
        let all: Vec<String> = self.params.iter().map(param_name).collect();
        let predicates = self
            .predicates
            .iter()
            .filter(|predicate| {
                names(predicate)
                    .iter()
                    .all(|name| kept.contains(name) || !all.contains(name))
            })
            .cloned()
            .collect();
        Generics { params, predicates }
    }

    /// Whether `name` (`'a` or `T`) is one of the parameters.
    #[must_use]
    pub fn declares(&self, name: &str) -> bool {
        self.params.iter().any(|param| param_name(param) == name)
    }
}

/// The generated lifetime `'name` ([`INPUT_LIFETIME`], [`DE_LIFETIME`]).
#[must_use]
pub fn lifetime(name: &str) -> Lifetime {
    Lifetime::new(&format!("'{name}"), Span::call_site())
}

/// `ty` with each elided lifetime (`&T`, `'_`) named `'input`, and whether it had one. The
/// lifetimes of `Fn(&T)` and `fn(&T)` are the function's own and stay elided.
#[must_use]
pub fn name_elided(ty: &Type) -> (Type, bool) {
    let lifetime = lifetime(INPUT_LIFETIME);
    let mut found = false;
    let tokens = rename(ty.to_token_stream(), &lifetime, &mut found);
    match syn::parse2(tokens) {
        Ok(named) if found => (named, true),
        _ => (ty.clone(), false),
    }
}

fn rename(tokens: TokenStream, lifetime: &Lifetime, found: &mut bool) -> TokenStream {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        match &tokens[index] {
            TokenTree::Punct(punct) if punct.as_char() == '&' => {
                out.push(tokens[index].clone());
                if !matches!(tokens.get(index + 1), Some(TokenTree::Punct(tick)) if tick.as_char() == '\'')
                {
                    *found = true;
                    out.extend(lifetime.to_token_stream());
                }
            }
            TokenTree::Punct(punct)
                if punct.as_char() == '\''
                    && matches!(tokens.get(index + 1), Some(TokenTree::Ident(ident)) if ident == "_") =>
            {
                *found = true;
                out.extend(lifetime.to_token_stream());
                index += 1;
            }
            TokenTree::Group(group)
                if !(group.delimiter() == Delimiter::Parenthesis
                    && matches!(out.last(), Some(TokenTree::Ident(_)))) =>
            {
                let mut renamed =
                    Group::new(group.delimiter(), rename(group.stream(), lifetime, found));
                renamed.set_span(group.span());
                out.push(TokenTree::Group(renamed));
            }
            token => out.push(token.clone()),
        }
        index += 1;
    }
    out.into_iter().collect()
}

/// The lifetimes `ty` names that are neither `'static`, `'_`, nor one of `generics`: declared
/// nowhere the generated items could take them from.
#[must_use]
pub fn undeclared_lifetimes(ty: &Type, generics: &Generics) -> Vec<Lifetime> {
    let tokens: Vec<TokenTree> = flatten(ty.to_token_stream());
    // A higher-ranked `for<'a>` declares its own lifetimes.
    if tokens
        .iter()
        .any(|token| matches!(token, TokenTree::Ident(ident) if ident == "for"))
    {
        return Vec::new();
    }
    let mut found: Vec<Lifetime> = Vec::new();
    for pair in tokens.windows(2) {
        if let [TokenTree::Punct(tick), TokenTree::Ident(ident)] = pair
            && tick.as_char() == '\''
            && ident != "static"
            && ident != "_"
            && !generics.declares(&format!("'{ident}"))
            && !found.iter().any(|seen| seen.ident == *ident)
        {
            let mut lifetime = Lifetime::new(&format!("'{ident}"), ident.span());
            lifetime.apostrophe = tick.span();
            found.push(lifetime);
        }
    }
    found
}

fn flatten(tokens: TokenStream) -> Vec<TokenTree> {
    let mut out = Vec::new();
    for token in tokens {
        if let TokenTree::Group(group) = token {
            out.extend(flatten(group.stream()));
        } else {
            out.push(token);
        }
    }
    out
}

/// Whether `ty` is or holds an `impl Trait`.
#[must_use]
pub fn has_impl_trait(ty: &Type) -> bool {
    flatten(ty.to_token_stream())
        .iter()
        .any(|token| matches!(token, TokenTree::Ident(ident) if ident == "impl"))
}

impl crate::model::Machine {
    /// The parameters the states use: those of `State`.
    #[must_use]
    pub fn state_generics(&self) -> Generics {
        let types: Vec<&Type> = self.states.iter().map(|state| &state.ty).collect();
        self.generics.used_by(&quote::quote!(#(#types)*))
    }

    /// The parameters the core uses.
    #[must_use]
    pub fn core_generics(&self) -> Generics {
        match &self.core {
            Some(core) => self.generics.used_by(&core.ty),
            None => Generics::default(),
        }
    }

    /// The parameters the inputs' parameters use: those of `Input`, besides `'input`.
    #[must_use]
    pub fn input_generics(&self) -> Generics {
        let types = self
            .inputs
            .iter()
            .flat_map(|input| &input.params)
            .map(|param| &param.ty);
        self.generics.used_by(&quote::quote!(#(#types)*))
    }

    /// The parameters the outputs and the errors of fallible inputs use: those of `Output`.
    #[must_use]
    pub fn output_generics(&self) -> Generics {
        // `Output` holds `T` for an input returning `T`, and `Result<T, E>` for a fallible one.
        let types = self
            .inputs
            .iter()
            .flat_map(|input| input.output.iter().chain(&input.error));
        self.generics.used_by(&quote::quote!(#(#types)*))
    }

    /// Whether an input borrows an argument for the call, so `Input` has the lifetime `'input`.
    #[must_use]
    pub fn input_borrows(&self) -> bool {
        self.inputs
            .iter()
            .flat_map(|input| &input.params)
            .any(|param| {
                param.stored.to_token_stream().to_string() != param.ty.to_token_stream().to_string()
            })
    }
}
