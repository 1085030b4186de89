fn main() {
    std::process::exit(scrutiny::cli::run());
}
