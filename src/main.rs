//! The `press` command: everything happens in [`press::run`].

/// mimalloc: loading an archive allocates many small strings, and the system allocator was a
/// tenth of `check`'s time. Built without transparent huge pages (`no_thp`), which otherwise
/// keep export's freed memory resident (10,000 statements: 135 MB peak, 90 MB without).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    press::run(std::env::args_os())
}
