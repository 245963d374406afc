#[automat::machine]
fn turnstile() {}

fn main() {}
