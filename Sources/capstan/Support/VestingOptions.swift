import ArgumentParser
import CapstanModel

/// The vesting options of `capstan grant` and `capstan issue`.
struct VestingOptions: ParsableArguments {
  @Option(help: "Vesting as TOTAL/CLIFF/FREQUENCY months, e.g. 48/12/1 (quarterly: 48/12/3).")
  var vesting: String?
  @Option(help: "Vesting in days as TOTAL/CLIFF/EVERY, e.g. 1461/365/7.")
  var vestingDays: String?
  @Option(help: "Vesting start date (default: the grant or issue date).")
  var vestingStart: String?
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
    let rich =
      vestingDays != nil || vestingAllocation != nil || cliffInstallment != nil
      || tranches != nil || !milestone.isEmpty || acceleration != nil
    guard rich else {
      return (try Parse.vesting(vesting, start: vestingStart, defaultStart: defaultStart), nil)
    }
    let start = try Parse.date(vestingStart, "--vesting-start", default: defaultStart)
    if vesting != nil && vestingDays != nil {
      throw InputError.invalid(
        field: "--vesting-days", input: vestingDays ?? "",
        expected: "either --vesting (months) or --vesting-days, not both")
    }
    var periodic: PeriodicVesting?
    if let vesting {
      let plain = try VestingSchedule.parse(vesting, start: start)
      periodic = PeriodicVesting(
        unit: .months, length: plain.totalMonths, frequency: plain.frequencyMonths,
        cliff: plain.cliffMonths)
    } else if let vestingDays {
      periodic = try PeriodicVesting.parseDays(vestingDays, field: "--vesting-days")
    }
    if let cliffInstallment {
      guard periodic != nil else {
        throw InputError.invalid(
          field: "--cliff-installment", input: cliffInstallment,
          expected: "--vesting or --vesting-days as well")
      }
      periodic?.cliffPortion = try AmountParser.percentage(
        cliffInstallment, field: "--cliff-installment")
    }
    let dated = try tranches.map { try VestingTerms.parseTranches($0, field: "--tranches") } ?? []
    let named = try milestone.map { try VestingTerms.parseMilestone($0, field: "--milestone") }
    let amounts = try VestingTerms.resolve(
      dated.map(\.amount) + named.map(\.amount), of: quantity,
      field: tranches != nil ? "--tranches" : "--milestone")
    let terms = VestingTerms(
      start: start, periodic: periodic,
      allocation: try vestingAllocation.map {
        try VestingAllocation.parse($0, field: "--vesting-allocation")
      } ?? .cumulativeRoundDown,
      tranches: zip(dated, amounts).map { VestingTranche(date: $0.date, amount: $1) },
      milestones: zip(named, amounts.dropFirst(dated.count)).map {
        VestingMilestone(name: $0.name, amount: $1)
      },
      basis: dated.isEmpty && named.isEmpty ? nil : quantity,
      acceleration: try acceleration.map {
        try VestingAcceleration.parse($0, field: "--acceleration")
      })
    if periodic == nil && dated.isEmpty && named.isEmpty {
      throw InputError.invalid(
        field: "--acceleration", input: acceleration ?? vestingAllocation ?? "",
        expected: "a schedule as well (--vesting, --vesting-days, --tranches or --milestone)")
    }
    return (nil, terms)
  }
}
