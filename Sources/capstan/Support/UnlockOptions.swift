import ArgumentParser
import CapstanModel

/// The unlock options of `capstan grant-compute`: the vesting engine's terms, in tokens.
struct UnlockOptions: ParsableArguments {
  @Option(help: "Unlock schedule as TOTAL/CLIFF/FREQUENCY months (e.g. 24/6/1; quarterly 24/6/3).")
  var unlock: String?
  @Option(help: "Unlock schedule in days as TOTAL/CLIFF/EVERY, e.g. 730/180/30.")
  var unlockDays: String?
  @Option(help: "First day of the unlock schedule or price gate (default: --date).")
  var unlockStart: CalendarDate?
  @Option(
    help: ArgumentHelp(
      "How unlock installments round to whole tokens (default cumulative-round-down).",
      discussion: "The allocation types of capstan grant --vesting-allocation."))
  var unlockAllocation: String?
  @Option(help: "What unlocks at the cliff, e.g. 25% (default: what has accrued by then).")
  var unlockCliffInstallment: String?
  @Option(help: "Dated tranches DATE:TOKENS,... e.g. \"2026-12-01:500,000,2027-06-01:25%\".")
  var unlockTranches: String?
  @Option(
    help: ArgumentHelp(
      "A milestone tranche NAME:TOKENS (repeatable), e.g. \"cluster live:20%\".",
      discussion: "Unlocks when `capstan event record milestone NAME --security CG-n` is recorded."
    ))
  var unlockMilestone: [String] = []

  /// The typed input, or nil when no unlock option is given.
  var input: VestingTermsInput? {
    let input = VestingTermsInput(
      months: unlock, days: unlockDays, allocation: unlockAllocation,
      cliffInstallment: unlockCliffInstallment, tranches: unlockTranches,
      milestones: unlockMilestone)
    return input.isEmpty ? nil : input
  }

  /// The flag each field is typed in.
  static func flag(_ field: VestingTermsInput.Field) -> String { field.flag("--unlock") }
}

/// The unlock options of a round's token investors (`capstan round ... --invest-tokens`).
struct TokenUnlockOptions: ParsableArguments {
  @Option(
    help:
      "Unlock schedule of the invested tokens, TOTAL/CLIFF/FREQUENCY months from the closing (e.g. 24/6/1)."
  )
  var tokenUnlock: String?
  @Option(help: "Unlock schedule of the invested tokens in days, TOTAL/CLIFF/EVERY.")
  var tokenUnlockDays: String?
  @Option(help: "How the invested tokens' unlocks round to whole tokens.")
  var tokenUnlockAllocation: String?
  @Option(help: "What unlocks at the cliff, e.g. 25%.")
  var tokenUnlockCliffInstallment: String?
  @Option(help: "Dated unlock tranches DATE:TOKENS,... (percentages apply to each investor).")
  var tokenUnlockTranches: String?
  @Option(help: "A milestone unlock tranche NAME:TOKENS (repeatable).")
  var tokenUnlockMilestone: [String] = []

  /// The typed input, or nil when no unlock option is given.
  var input: VestingTermsInput? {
    let input = VestingTermsInput(
      months: tokenUnlock, days: tokenUnlockDays, allocation: tokenUnlockAllocation,
      cliffInstallment: tokenUnlockCliffInstallment, tranches: tokenUnlockTranches,
      milestones: tokenUnlockMilestone)
    return input.isEmpty ? nil : input
  }

  /// The flag each field is typed in.
  static func flag(_ field: VestingTermsInput.Field) -> String { field.flag("--token-unlock") }
}

extension VestingTermsInput.Field {
  /// The option this field is typed in, after the schedule's own (`--unlock` gives
  /// `--unlock-days`, `--unlock-cliff-installment`, ...).
  func flag(_ schedule: String) -> String {
    switch self {
    case .months: schedule
    case .days: schedule + "-days"
    case .start: schedule + "-start"
    case .allocation: schedule + "-allocation"
    case .cliffInstallment: schedule + "-cliff-installment"
    case .tranches: schedule + "-tranches"
    case .milestone: schedule + "-milestone"
    case .acceleration: schedule + "-acceleration"
    }
  }
}
