//! The `crosscheck` binary: parse the arguments, run, map the outcome to an exit code.

use clap::Parser;
use crosscheck::cli::{run, Cli, CliError};
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

// Loading claims is allocation-heavy; mimalloc reads a million claims about a third faster than
// the system allocator, with a lower peak (`examples/bench_scale.rs`, docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result =
        run(&cli, &mut out).and_then(|code| out.flush().map(|_| code).map_err(CliError::from));
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(CliError::Io(e)) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CliError::Input(diagnostics)) => {
            for d in &diagnostics {
                eprintln!("{}\n", d.render());
            }
            eprintln!(
                "{} problem(s) in the input; nothing was checked",
                diagnostics.len()
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
