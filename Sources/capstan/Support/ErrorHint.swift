import CapstanModel

/// The command that helps after an error: library errors state facts, and the CLI, which knows
/// its commands, adds the hint when it prints them (`error: FACT (HINT)`).
enum ErrorHint {
  /// The hint for `error`, if the CLI has one.
  static func hint(for error: any Error) -> String? {
    switch error {
    case let failure as LedgerFailure: hint(for: failure.error)
    case let error as LedgerError: hint(for: error)
    case let error as WorkspaceError: hint(for: error)
    default: nil
    }
  }

  private static func hint(for error: LedgerError) -> String? {
    switch error {
    case .unknownStakeholder(let name): "add it with: capstan stakeholder add \"\(name)\""
    case .unknownClass: "see: capstan class list"
    case .unknownPlan: "see: capstan plan list"
    case .unknownSecurity: "see: capstan ledger"
    case .exceedsAuthorized(let name, _, _, _, _),
      .warrantExceedsAuthorized(_, _, let name, _, _, _):
      "authorize more with: capstan authorize \"\(name)\" N"
    case .exceedsPool(let plan, _, _): "grow it with: capstan plan increase \"\(plan)\" N"
    case .unknownMilestone: "see: capstan vesting"
    case .unknownToken: "add one with: capstan token add SYMBOL --issuer NAME --unit UNIT"
    case .controlNotHeld: "see: capstan board list"
    default: nil
    }
  }

  private static func hint(for error: WorkspaceError) -> String? {
    switch error {
    case .noCompany: "add one with: capstan company add NAME --incorporated YYYY-MM-DD"
    case .missing: "create one with: capstan init, or set --db / CAPSTAN_DB"
    case .notAWorkspace(_, let reason) where reason.hasPrefix("it is an empty SQLite database"):
      "create a workspace with: capstan init"
    default: nil
    }
  }
}
