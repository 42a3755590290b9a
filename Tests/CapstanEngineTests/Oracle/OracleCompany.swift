import CapstanEngine
import CapstanModel

/// A company in an in-memory workspace, for the cases that go through the ledger: a round
/// closed as `capstan round close` closes it, then the table and the waterfall read from it.
struct OracleCompany {
  static let start = CalendarDate(daysSinceEpoch: 19_000)
  static let closing = CalendarDate(daysSinceEpoch: 20_500)

  let workspace = InMemoryWorkspace()
  let company: Company

  /// Founders' common; optionally a preferred series (1x non-participating, issued at its
  /// conversion price, with `protection`) held by one fund, and post-money SAFEs held by
  /// Angel 1, Angel 2, …
  init(
    founders: Shares,
    preferred: (holder: String, className: String, shares: Shares, price: Ratio)? = nil,
    protection: AntiDilution = .none, safes: [(amount: Ratio, cap: Ratio)] = []
  ) throws {
    company = try workspace.write { draft in
      let company = try draft.addCompany(
        name: "Oracle Co", currency: .usd, incorporated: Self.start)
      _ = try draft.addStakeholder(name: "Founders")
      _ = try draft.addClass(
        ShareClass(id: "common", name: "Common", initialAuthorized: 1_000_000_000),
        to: company.id)
      try draft.issueStock(
        to: "Founders", quantity: founders, className: "Common", pricePerShare: Ratio(1, 10_000),
        date: Self.start, vesting: nil, company: company.id)
      if let preferred {
        _ = try draft.addStakeholder(name: preferred.holder, kind: .institution)
        _ = try draft.addClass(
          ShareClass(
            id: "preferred", name: preferred.className, kind: .preferred,
            initialAuthorized: preferred.shares, originalIssuePrice: preferred.price,
            conversionPrice: preferred.price, antiDilution: protection),
          to: company.id)
        try draft.issueStock(
          to: preferred.holder, quantity: preferred.shares, className: preferred.className,
          pricePerShare: preferred.price, date: Self.start.adding(days: 1), vesting: nil,
          company: company.id)
      }
      for (index, safe) in safes.enumerated() {
        let holder = "Angel \(index + 1)"
        _ = try draft.addStakeholder(name: holder)
        try draft.issueConvertible(
          prefix: "SAFE", to: holder, date: Self.start.adding(days: 2), company: company.id
        ) { id, holderID in
          .issueSAFE(
            SAFEIssuance(
              security: id, holder: holderID, purchaseAmount: safe.amount, valuationCap: safe.cap))
        }
      }
      return company
    }
  }

  /// The cap table on `date` (the closing date by default).
  func table(_ date: CalendarDate = closing) throws -> CapTable {
    try workspace.ledger(for: company.id).replay(asOf: date)
  }

  /// The engine's round on today's table, every SAFE converting, with its anti-dilution.
  func model(
    valuation: Valuation, investors: [Investor], proRata: [ProRataElection] = [],
    proRataHolders: Set<Stakeholder.ID> = []
  ) throws -> RoundResult {
    let table = try table()
    var safes: [SAFE] = []
    for (_, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
      if case .safe(let safe, let issued) = position {
        safes.append(
          SAFE(
            safe, holder: .stakeholder(safe.holder, name: table.name(of: safe.holder)),
            issued: issued))
      }
    }
    let result = try PricedRound.model(
      RoundInput(
        capitalization: PreRoundCapitalization(table, proRataHolders: proRataHolders),
        safes: safes, valuation: valuation, investors: investors, proRata: proRata,
        closing: Self.closing))
    // As `round model` shows it: the pro forma includes the adjustments the round triggers.
    return result.including(
      try result.antiDilution(on: table, policy: table.company.rounding), on: table)
  }

  /// Closes `result` as the CLI does: a new class (1x non-participating, no protection), the
  /// anti-dilution adjustments the engine reports, one ledger step.
  func close(_ result: RoundResult, className: String = "Series A") throws {
    let table = try table()
    let adjustments = try result.antiDilution(on: table, policy: table.company.rounding)
    _ = try workspace.write { draft in
      try draft.closeRound(
        result.closing(
          newClass: NewClassTerms(name: className, antiDilution: .none),
          antiDilution: adjustments),
        company: company.id)
    }
  }

  /// The engine's payouts of an exit on the table after the closing, options excluded, SAFEs
  /// still outstanding counted as the engine counts them.
  func exit(_ value: Ratio) throws -> WaterfallDistribution {
    let table = try table(Self.closing.adding(days: 1))
    let convertibles = try OutstandingConvertible.outstanding(in: table, on: table.asOf)
    return try Waterfall(
      WaterfallCapitalization(table, convertibles: convertibles), options: .exclude
    )
    .distribution(at: value)
  }
}
