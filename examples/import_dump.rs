//! Prints what `press import` extracts from each file given (for debugging the rules).

fn main() -> anyhow::Result<()> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let got = press::import::extract(&text);
        println!("== {path}\n{got:#?}");
    }
    Ok(())
}
