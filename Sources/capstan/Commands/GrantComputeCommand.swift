import ArgumentParser
import CapstanEngine
import CapstanModel

/// `capstan grant-compute`: record compute tokens the company received for equity.
struct GrantComputeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant-compute",
    abstract: "Record a compute grant: tokens the company receives, their unlocks and equity.",
    discussion: """
      Example (tokens unlock over 24 months with a 6-month cliff; the provider's shares PS-2
      are released in step with the tokens):
        capstan grant-compute ComputeCo H100H 1,500,000 --agreed-price 2.00 --unlock 24/6/1 \\
          --equity PS-2 --release in-step --date 2026-06-01
      Price-gated: --price-gate 500,000@3.00 --price-gate 1,000,000@4.00 --gate-end 2028-06-01
      (each tranche unlocks the first day the market price reaches its target; the rest on
      --gate-end). Without an --unlock... option or --price-gate every token is delivered on
      the date.
      The vesting engine's terms, in tokens, as capstan grant takes them:
        --unlock-days 730/180/30, --unlock-cliff-installment 25%, --unlock-allocation
        front-loaded, --unlock-tranches "2026-12-01:500,000,2027-06-01:25%", and milestone
        tranches --unlock-milestone "cluster live:20%", which unlock when
        capstan event record milestone "cluster live" --security CG-1 --date D
      is recorded (without --security, every grant and security naming the milestone).
      Tranches and milestones come out of the total; a --unlock/--unlock-days schedule
      delivers the rest. See docs/tokens.md.
      A token round closed with --invest-tokens records its grants itself.
      """)

  @Argument(help: "The provider (a stakeholder; added as an institution if new).")
  var provider: String
  @Argument(help: "The token's symbol.")
  var symbol: String
  @Argument(help: "Tokens granted.", transform: Amount.tokens("TOKENS"))
  var tokens: TokenAmount
  @Option(help: "The agreed price per token.", transform: Amount.money("--agreed-price"))
  var agreedPrice: Ratio
  @OptionGroup(title: "Unlock schedule") var unlock: UnlockOptions
  @Option(help: "A price-gated tranche, TOKENS@TARGET_PRICE (repeat).")
  var priceGate: [String] = []
  @Option(help: "The date every price-gated tranche still locked unlocks.")
  var gateEnd: String?
  @Option(help: "The last day tokens can be redeemed or sold; the rest then expires.")
  var expires: CalendarDate?
  @Option(help: "The event on which still-locked tokens can be clawed back.")
  var clawbackOn: String?
  @Option(help: "The stock security issued to the provider for the tokens (e.g. PS-2).")
  var equity: String?
  @Option(help: "How the equity is released: up-front (default) or in-step with the tokens.")
  var release: EquityConsideration.Release = .upFront
  @Option(help: "Grant date (default: today).")
  var date: CalendarDate?
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let day = date ?? Today.date
    let schedule = try UnlockSchedule.grant(
      unlock: unlock.input, tokens: tokens, start: unlock.unlockStart ?? day,
      priceGate: priceGate, gateEnd: gateEnd, flag: UnlockOptions.flag)
    let terms = WorkspaceDraft.ComputeGrantTerms(
      provider: provider, symbol: symbol, tokens: tokens, agreedPrice: agreedPrice,
      unlock: schedule, expires: expires, clawbackOn: clawbackOn,
      equity: equity.map { (SecurityID($0), release) })
    try workspace.record { draft, company in
      try draft.grantCompute(terms, date: day, company: company.id)
    }
  }
}
