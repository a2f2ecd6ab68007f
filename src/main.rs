//! The `press` command: everything happens in [`press::run`].

/// mimalloc: loading an archive allocates many small strings, and the system allocator was a
/// tenth of `check`'s time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    press::run(std::env::args_os())
}
