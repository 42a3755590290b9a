import ArgumentParser
import CapstanModel

/// The vesting options of `capstan grant` and `capstan issue`.
struct VestingOptions: ParsableArguments {
  @Option(help: "Vesting as TOTAL/CLIFF/FREQUENCY months, e.g. 48/12/1 (quarterly: 48/12/3).")
  var vesting: String?
  @Option(help: "Vesting in days as TOTAL/CLIFF/EVERY, e.g. 1461/365/7.")
  var vestingDays: String?
  @Option(help: "Vesting start date (default: the grant or issue date).")
  var vestingStart: CalendarDate?
  @Option(
    help: ArgumentHelp(
      "How installments round to whole shares (default cumulative-round-down).",
      discussion: "cumulative-round-down, cumulative-rounding, front-loaded, back-loaded, "
        + "front-loaded-single, back-loaded-single, fractional (or the OCF names)."))
  var vestingAllocation: String?
  @Option(help: "What vests at the cliff, e.g. 25% (default: what has accrued by then).")
  var cliffInstallment: String?
  @Option(help: "Dated tranches DATE:AMOUNT,... e.g. \"2026-01-01:1000,2026-07-01:25%\".")
  var tranches: String?
  @Option(help: "A milestone tranche NAME:AMOUNT (repeatable), e.g. \"FDA approval:20%\".")
  var milestone: [String] = []
  @Option(
    help: ArgumentHelp(
      "Change-of-control acceleration: single[:FRACTION] or double[:WINDOW_MONTHS][:FRACTION].",
      discussion: "e.g. single:50%, double:12 (full, within 12 months), double:12:50%."))
  var acceleration: String?

  /// The plain schedule, or richer terms, or neither (vested at grant).
  func terms(quantity: Shares, defaultStart: CalendarDate) throws -> (
    VestingSchedule?, VestingTerms?
  ) {
    let input = VestingTermsInput(
      months: vesting, days: vestingDays, allocation: vestingAllocation,
      cliffInstallment: cliffInstallment, tranches: tranches, milestones: milestone,
      acceleration: acceleration)
    let start = vestingStart ?? defaultStart
    guard input.isRich else {
      guard let vesting else {
        guard let vestingStart else { return (nil, nil) }
        throw InputError.invalid(
          field: "--vesting-start", input: vestingStart.iso,
          expected: "--vesting as well (e.g. --vesting 48/12/1)")
      }
      return (try VestingSchedule.parse(vesting, start: start), nil)
    }
    let terms = try input.terms(quantity: quantity, start: start) { field in
      switch field {
      case .months, .days, .start, .allocation: field.flag("--vesting")
      // The richer terms' options have no prefix: `--tranches`, `--cliff-installment`.
      case .cliffInstallment, .tranches, .milestone, .acceleration: field.flag("-")
      }
    }
    return (nil, terms)
  }
}
