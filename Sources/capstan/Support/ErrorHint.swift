import CapstanModel

/// The command that helps after an error: library errors state facts, and the CLI, which knows
/// its commands, adds the hint when it prints them.
enum ErrorHint {
  /// The hint for `error`, if the CLI has one.
  static func hint(for error: any Error) -> String? {
    switch error {
    case LedgerError.controlNotHeld: "see: capstan board list"
    default: nil
    }
  }
}
