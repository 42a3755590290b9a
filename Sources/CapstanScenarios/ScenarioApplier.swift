import CapstanEngine
import CapstanModel

/// Writes a scenario into a workspace as a new company and its ledger, through one draft (so
/// one SQLite transaction): what `capstan model` evaluates, `capstan apply` records.
///
/// The starting capitalization becomes: a Common class authorized for every share the file
/// names; an issuance at $0 per holder with stock; an "Equity Plan" reserving the options and
/// the unissued pool, with a grant at $0 per holder with options; the SAFEs and notes; all dated
/// the incorporation date (SAFEs and notes on their own dates when given). Each round is closed
/// as `capstan round close` would close it (new class named after the round, conversions,
/// investors, pool increase); each issuance adds Common shares (authorizing more if needed).
public enum ScenarioApplier {
  /// Records `scenario` as a new company; returns it.
  public static func apply(
    _ scenario: Scenario, to draft: inout WorkspaceDraft, eventsThrough limit: Int? = nil
  ) throws -> Company {
    guard let incorporated = scenario.incorporated else {
      throw ScenarioError(
        file: scenario.company, line: nil, key: "company.incorporated",
        message: "is required to write a scenario into a workspace")
    }
    let company = try draft.addCompany(
      name: scenario.company, currency: scenario.currency, incorporated: incorporated,
      rounding: scenario.rounding)
    // Checked sums: holdings each inside the share limit can add up past Int64.
    var stock = Shares.zero
    var reserve = scenario.pool
    for holding in scenario.holdings {
      do {
        stock = try stock.adding(holding.stock)
        reserve = try reserve.adding(holding.options)
      } catch {
        throw ScenarioError(
          file: scenario.company, line: nil, key: "holdings",
          message:
            "the holdings and the pool add up past 9,223,372,036,854,775,807 shares, more than "
            + "one company can hold; refused")
      }
    }
    let authorized: Shares
    do {
      authorized = try stock.adding(reserve)
    } catch {
      throw ScenarioError(
        file: scenario.company, line: nil, key: "holdings",
        message:
          "the holdings and the pool add up past 9,223,372,036,854,775,807 shares, more than "
          + "one company can hold; refused")
    }
    let common = try draft.addClass(
      ShareClass(id: "new", name: "Common", initialAuthorized: authorized), to: company.id)
    var plan: StockPlan?
    if reserve > .zero {
      plan = try draft.addPlan(
        StockPlan(
          id: "new", name: "Equity Plan", shareClass: common.id,
          initialReserve: reserve,
          adopted: incorporated),
        to: company.id)
    }
    func holder(_ name: String) throws -> Stakeholder.ID {
      if let existing = try? draft.stakeholder(named: name) { return existing.id }
      return try draft.addStakeholder(name: name).id
    }
    var events: [(date: CalendarDate, event: LedgerEvent)] = []
    var stockNumber = 1
    var optionNumber = 1
    // The stakeholders the file's holdings with a pro rata right became.
    var rightHolders = Set<Stakeholder.ID>()
    for (index, holding) in scenario.holdings.enumerated() {
      let id = try holder(holding.name)
      if holding.proRataRight { rightHolders.insert(id) }
      let vesting = scenario.vesting(ofHolding: index)
      if holding.stock > .zero {
        events.append(
          (
            incorporated,
            .issueStock(
              StockIssuance(
                security: SecurityID("CS-\(stockNumber)"), holder: id, shareClass: common.id,
                quantity: holding.stock, pricePerShare: .zero,
                vesting: vesting?.stock?.plainSchedule,
                vestingTerms: vesting?.stock?.plainSchedule == nil ? vesting?.stock : nil))
          ))
        stockNumber += 1
      }
      if holding.options > .zero, let plan {
        events.append(
          (
            incorporated,
            .grantOptions(
              OptionGrant(
                security: SecurityID("OP-\(optionNumber)"), holder: id, plan: plan.id,
                quantity: holding.options, strike: .zero,
                vesting: vesting?.options?.plainSchedule,
                vestingTerms: vesting?.options?.plainSchedule == nil ? vesting?.options : nil))
          ))
        optionNumber += 1
      }
    }
    for safe in scenario.safes {
      let issuance = SAFEIssuance(
        security: safe.id, holder: try holder(safe.holder.name),
        purchaseAmount: safe.purchaseAmount,
        kind: safe.kind,
        valuationCap: safe.terms.valuationCap,
        discount: safe.terms.discount, mostFavoredNation: safe.mostFavoredNation != .none,
        proRata: safe.proRata)
      events.append((safe.issued ?? incorporated, .issueSAFE(issuance)))
    }
    for note in scenario.notes {
      let issuance = NoteIssuance(
        security: note.id, holder: try holder(note.holder.name), principal: note.principal,
        rate: note.interestRate, compounding: note.compounding == .simple ? .simple : .annual,
        dayCount: note.dayCount == .actual365 ? .actual365 : .thirty360, maturity: note.maturity,
        valuationCap: note.valuationCap, discount: note.discount,
        capBasis: note.capBasis)
      events.append((note.issued, .issueNote(issuance)))
    }
    try draft.append(events, to: company.id)
    try addTokens(of: scenario, to: &draft)

    // Milestones are recorded last, after the compute grants they may name; the ledger
    // replays by date, so only their place in the file's order moves.
    var milestones: [ScenarioVestingEvent] = []
    for event in scenario.events.prefix(limit ?? scenario.events.count) {
      switch event {
      case .exit:
        continue
      case .vesting(let vesting):
        switch vesting.kind {
        case .changeOfControl(let note):
          try draft.recordChangeOfControl(date: vesting.date, note: note, company: company.id)
        case .termination(let name, let security, let withoutCause):
          try draft.recordTermination(
            holder: name, security: security, withoutCause: withoutCause, date: vesting.date,
            company: company.id)
        case .milestone:
          milestones.append(vesting)
        }
      case .issue(let name, let shares, let date):
        let ledger = try draft.ledger(for: company.id)
        let table = try ledger.replay(asOf: date)
        var steps: [(date: CalendarDate, event: LedgerEvent)] = []
        if let amendment = table.authorization(for: common.id, adding: shares) {
          steps.append((date, .authorizeShares(amendment)))
        }
        steps.append(
          (
            date,
            .issueStock(
              StockIssuance(
                security: ledger.nextSecurityID(prefix: "CS"), holder: try holder(name),
                shareClass: common.id,
                quantity: shares, pricePerShare: .zero))
          ))
        try draft.append(steps, to: company.id)
      case .round(let round):
        let table = try draft.ledger(for: company.id).replay(asOf: round.date)
        var input = RoundInput(
          terms: RoundTerms(
            valuation: .preMoney(.zero), investors: [], pool: .none,
            newClass: NewClassTerms(name: round.name)),
          table: table, closing: round.date, rounding: scenario.rounding)
        input.capitalization = PreRoundCapitalization(table, proRataHolders: rightHolders)
        input.valuation = round.valuation
        // The file names holders; each name becomes its stakeholder's id once, here.
        func participant(_ named: RoundParticipant) -> RoundParticipant {
          guard named.stakeholder == nil, let found = try? draft.stakeholder(named: named.name)
          else { return named }
          return .stakeholder(found.id, name: found.name)
        }
        input.investors = round.allInvestors.map {
          Investor(participant($0.investor), amount: $0.amount)
        }
        input.pool = round.pool
        input.pricingBasis = round.pricingBasis
        input.proRata = round.proRata.map { ProRataElection(participant($0.holder), take: $0.take) }
        let result = try PricedRound.model(input)
        let antiDilution = try result.antiDilution(on: table, policy: scenario.rounding)
        let ranks = try draft.ledger(for: company.id).classes.compactMap {
          $0.preference?.seniority
        }
        let newClass = NewClassTerms(
          name: round.name, preference: LiquidationPreference(seniority: (ranks.max() ?? 0) + 1))
        try draft.closeRound(
          result.closing(
            newClass: newClass, antiDilution: antiDilution,
            tokenInvestments: round.tokenInvestments), company: company.id)
      }
    }
    for grant in scenario.computeGrants {
      try draft.grantCompute(grant.terms, date: grant.date, company: company.id)
    }
    for milestone in milestones {
      guard case .milestone(let name, let holder, let security) = milestone.kind else { continue }
      try draft.recordMilestone(
        name, holder: holder, security: security, date: milestone.date, company: company.id)
    }
    return company
  }

  /// Defines the scenario's tokens (an identical one already in the workspace is kept) and
  /// records its prices.
  static func addTokens(of scenario: Scenario, to draft: inout WorkspaceDraft) throws {
    for token in scenario.tokens {
      if let existing = try draft.tokenMarket().tokens[token.symbol.uppercased()] {
        guard existing.unitsPerToken == token.unitsPerToken, existing.peg == token.peg,
          existing.unit == token.unit
        else {
          throw ScenarioError(
            file: scenario.company, line: nil, key: "tokens.\(token.symbol)",
            message: "the workspace already defines \(existing.symbol) with other terms")
        }
        continue
      }
      try draft.addToken(
        symbol: token.symbol, issuer: token.issuer, unit: token.unit,
        unitsPerToken: token.unitsPerToken, peg: token.peg)
    }
    if !scenario.tokenPrices.isEmpty { try draft.recordTokenPrices(scenario.tokenPrices) }
  }
}
