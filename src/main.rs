//! The `press` command: everything happens in [`press::run`].

fn main() -> std::process::ExitCode {
    press::run(std::env::args_os())
}
