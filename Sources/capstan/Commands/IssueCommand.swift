import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan issue`: issues stock.
struct IssueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue",
    abstract: "Issue shares of a class to a stakeholder.",
    discussion: """
      Example: capstan issue Ada 4,000,000 Common --price 0.0001 --date 2025-01-15
      Restricted stock: add --vesting 48/12/1 (months total/cliff/frequency) and optionally
      --vesting-start (default: the issue date); the richer vesting options are those of
      capstan grant (see docs/vesting.md).
      An issue priced below a preferred class's conversion price triggers its anti-dilution
      protection: the new conversion prices are recorded with the issue, in the same step.
      Pass --exempt for an issuance the charter exempts (e.g. to employees under a plan).
      """)

  @Argument(help: "The stakeholder receiving the shares.")
  var holder: String
  @Argument(help: "Number of shares.", transform: Amount.shares("SHARES"))
  var shares: Shares
  @Argument(help: "The share class.")
  var shareClass: String
  @Option(help: "Price paid per share.", transform: Amount.money("--price"))
  var price: Ratio
  @Option(help: "Issue date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup(title: "Vesting (restricted stock)") var vesting: VestingOptions
  @Flag(help: "An exempt issuance: no anti-dilution adjustment even if priced below a CP.")
  var exempt = false
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let (schedule, terms) = try vesting.terms(quantity: shares, defaultStart: date)
    let (transaction, adjustments) = try store.write { draft in
      try draft.issueStock(
        to: holder, quantity: shares, className: shareClass, pricePerShare: price, date: date,
        vesting: schedule, vestingTerms: terms, exempt: exempt, company: company.id)
    }
    try CommandOutput.recorded(transaction, store, company)
    emit(RoundView.antiDilutionText(adjustments, currency: company.currency))
  }
}

/// `capstan grant`: grants options from a plan.
struct GrantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant",
    abstract: "Grant options from a stock plan's pool.",
    discussion: """
      Example: capstan grant Linus 250,000 --plan "2025 Plan" --strike 0.10 --date 2025-03-01 \\
                 --vesting 48/12/1 --vesting-start 2025-03-01 --expires 2035-02-28
      Without vesting options the options are fully vested at grant. Richer terms:
        --vesting-days 1461/365/7          weekly over 1,461 days, 365-day cliff
        --vesting-allocation front-loaded  how installments round (OCF types)
        --cliff-installment 25%            what vests at the cliff
        --tranches "2026-01-01:1000"       dated tranches (shares or %)
        --milestone "FDA approval:20%"     vests on: capstan event record milestone
        --acceleration double:12           all unvested vests on a termination
                                           without cause within 12 months after a
                                           change of control (single:50% ...)
      Tranches and milestones vest their amounts; --vesting vests the rest.
      See docs/vesting.md.
      """)

  @Argument(help: "The grantee.")
  var holder: String
  @Argument(help: "Number of options.", transform: Amount.shares("SHARES"))
  var shares: Shares
  @Option(help: "The plan whose pool the options come from.")
  var plan: String
  @Option(help: "Exercise price per share.", transform: Amount.money("--strike"))
  var strike: Ratio
  @Option(help: "Grant date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup(title: "Vesting") var vesting: VestingOptions
  @Option(help: "Expiration date: no exercise after it.")
  var expires: CalendarDate?
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (schedule, terms) = try vesting.terms(quantity: shares, defaultStart: date)
    if let expires, expires < date {
      throw InputError.invalid(
        field: "--expires", input: expires.iso,
        expected: "a date on or after the grant date \(date)")
    }
    try workspace.record { draft, company in
      try draft.grantOptions(
        to: holder, quantity: shares, planName: plan, strike: strike, date: date,
        vesting: schedule, expires: expires, company: company.id, vestingTerms: terms)
    }
  }
}
