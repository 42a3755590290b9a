import ArgumentParser
import CapstanEngine
import CapstanModel

extension PricingBasis: ExpressibleByArgument {}

/// `capstan round ...`: priced rounds on the workspace's company.
struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round",
    abstract: "Model, save and close priced rounds (SAFEs and notes convert, pool top-up).",
    subcommands: [Model.self, Save.self, List.self, Show.self, Close.self]
  )

  /// The deal terms shared by the round commands.
  struct Terms: ParsableArguments {
    @Option(help: "Pre-money valuation.")
    var preMoney: String?
    @Option(help: "Post-money valuation (the pre-money is this minus the new money).")
    var postMoney: String?
    @Option(help: "A stated price per share.")
    var price: String?
    @Option(help: "An investor and amount, NAME=AMOUNT (repeat for each investor).")
    var invest: [String] = []
    @Option(
      help:
        "An investor paying in compute tokens at an agreed price, NAME=TOKENS@PRICExSYMBOL (e.g. computeco=1,500,000@2.00xH100H; repeat)."
    )
    var investTokens: [String] = []
    @Option(
      help:
        "Instead of a valuation: the token investors' stake after the round (\"N tokens for P %\"); the post-money is their agreed value ÷ P."
    )
    var tokenPercent: String?
    @OptionGroup var tokenUnlock: TokenUnlockOptions
    @Option(help: "How token investors' shares are released: up-front (default) or in-step.")
    var tokenRelease: EquityConsideration.Release?
    @Option(help: "The last day the invested tokens can be redeemed or sold.")
    var tokenExpires: String?
    @Option(help: "The event on which still-locked invested tokens can be clawed back.")
    var tokenClawbackOn: String?
    @Option(
      help: "Unissued pool after the round as a share of post-money fully diluted (e.g. 12%).")
    var poolTarget: String?
    @Option(help: "An explicit pool increase in shares.")
    var poolIncrease: String?
    @Option(
      help:
        "Pricing basis: including-conversions (NVCA/YC, default), excluding-conversions, or dollars-invested."
    )
    var basis: PricingBasis = .includingConversions
    @Option(help: "Closing date (default: today).")
    var date: String?
    @Option(
      help: "A pro rata election, HOLDER=full|declined|AMOUNT (repeat; gives the holder the right)."
    )
    var proRata: [String] = []
    @Option(
      help:
        "An MFN election, SAFE_ID=LATER_SAFE_ID: the MFN SAFE converts on the later SAFE's terms."
    )
    var mfnAdopt: [String] = []
    @Option(name: .customLong("class"), help: "The new class's name (default: Series A).")
    var className: String = "Series A"
    @Option(help: "The new class's liquidation preference multiple (default 1x).")
    var liquidationMultiple: String?
    @Flag(help: "The new class participates after its preference.")
    var participating = false
    @Option(help: "Participation cap as a multiple of the issue price (with --participating).")
    var cap: String?
    @Option(help: "The new class's seniority (default: one above the most senior class).")
    var seniority: Int?
    @Option(help: "The new class's anti-dilution: none, broad (default), narrow or ratchet.")
    var antiDilution: AntiDilution = .broadBasedWeightedAverage

    func validate() throws {
      let valuations = [preMoney, postMoney, price, tokenPercent].compactMap { $0 }
      guard valuations.count == 1 else {
        throw ValidationError(
          "give exactly one of --pre-money, --post-money, --price or --token-percent")
      }
      guard !invest.isEmpty || !investTokens.isEmpty else {
        throw ValidationError("give at least one --invest NAME=AMOUNT or --invest-tokens")
      }
      if tokenPercent != nil && investTokens.isEmpty {
        throw ValidationError("--token-percent needs --invest-tokens")
      }
      if poolTarget != nil && poolIncrease != nil {
        throw ValidationError("give --pool-target or --pool-increase, not both")
      }
      if cap != nil && !participating {
        throw ValidationError("--cap limits participation; add --participating")
      }
    }

    /// The terms as the model keeps them.
    func roundTerms(seniorityDefault: Int) throws -> RoundTerms {
      let valuation: RoundTerms.Valuation =
        switch try self.valuation() {
        case .preMoney(let value): .preMoney(value)
        case .postMoney(let value): .postMoney(value)
        case .pricePerShare(let value): .pricePerShare(value)
        }
      let pool: RoundTerms.Pool =
        switch try self.pool() {
        case .none: .none
        case .increase(let shares): .increase(shares)
        case .targetPostMoney(let fraction): .target(fraction)
        }
      let multiple =
        try liquidationMultiple.map { try Parse.multiple($0, "--liquidation-multiple") } ?? .one
      let participation: Participation =
        try cap.map { .capped(multiple: try Parse.multiple($0, "--cap")) }
        ?? (participating ? .full : .none)
      let elections = try proRata.map { entry in
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
          throw InputError.invalid(
            field: "--pro-rata", input: entry,
            expected: "HOLDER=full, HOLDER=declined or HOLDER=AMOUNT")
        }
        let take: ProRataChoice.Take =
          switch parts[1].lowercased() {
          case "full": .full
          case "declined": .declined
          default: .amount(try Parse.amount(parts[1], "--pro-rata \(parts[0])"))
          }
        return ProRataChoice(holder: parts[0], take: take)
      }
      var terms = RoundTerms(
        valuation: valuation,
        investors: try investors().map { Investment(investor: $0.name, amount: $0.amount) },
        pool: pool,
        pricingBasis: RoundTerms.PricingBasis(basis),
        newClass: NewClassTerms(
          name: className,
          preference: LiquidationPreference(
            multiple: multiple, participation: participation,
            seniority: seniority ?? seniorityDefault),
          antiDilution: antiDilution))
      terms.proRata = elections.isEmpty ? nil : elections
      var adoptions: [String: String] = [:]
      for entry in mfnAdopt {
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          throw InputError.invalid(
            field: "--mfn-adopt", input: entry,
            expected: "SAFE_ID=LATER_SAFE_ID, e.g. SAFE-1=SAFE-3")
        }
        adoptions[parts[0]] = parts[1]
      }
      terms.mfnAdoptions = adoptions.isEmpty ? nil : adoptions
      terms.tokenInvestments = try tokenInvestments()
      if let tokenPercent {
        let percent = try AmountParser.percentage(tokenPercent, field: "--token-percent")
        guard percent > .zero, percent < .one else {
          throw InputError.invalid(
            field: "--token-percent", input: tokenPercent, expected: "a stake between 0% and 100%")
        }
        let agreed = Ratio.sum(terms.tokenInvestments.map(\.amount))
        terms.valuation = .postMoney(TokenDeal.postMoney(investment: agreed, percent: percent))
      }
      return terms
    }

    /// The `--invest-tokens` entries with the token terms.
    func tokenInvestments() throws -> [TokenInvestment] {
      let closing = try Parse.date(date, "--date", default: .today())
      let expires = try tokenExpires.map { try Parse.date($0, "--token-expires") }
      return try investTokens.map { entry in
        var investment = try TokenInvestment.parse(entry, field: "--invest-tokens")
        // Each investor's terms resolve against its own tokens (percentages of tranches).
        investment.unlock = try tokenUnlock.input.map {
          try UnlockSchedule.from(
            $0, tokens: investment.tokens, start: closing, flag: TokenUnlockOptions.flag)
        }
        investment.release = tokenRelease
        investment.expires = expires
        investment.clawbackOn = tokenClawbackOn
        return investment
      }
    }

    func valuation() throws -> Valuation {
      if tokenPercent != nil { return .postMoney(.zero) }
      if let preMoney { return .preMoney(try Parse.amount(preMoney, "--pre-money")) }
      if let postMoney { return .postMoney(try Parse.amount(postMoney, "--post-money")) }
      return .pricePerShare(try Parse.amount(price ?? "", "--price"))
    }

    func investors() throws -> [Investor] {
      try invest.map { entry in
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
          throw InputError.invalid(
            field: "--invest", input: entry, expected: "NAME=AMOUNT, e.g. lead=6M")
        }
        return Investor(parts[0], amount: try Parse.amount(parts[1], "--invest \(parts[0])"))
      }
    }

    func pool() throws -> PoolTopUp {
      if let poolTarget {
        return .targetPostMoney(try AmountParser.percentage(poolTarget, field: "--pool-target"))
      }
      if let poolIncrease { return .increase(try Parse.shares(poolIncrease, "--pool-increase")) }
      return .none
    }
  }

  struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what a priced round does to the cap table; nothing is written.",
      discussion: """
        Example: capstan round model --pre-money 24M --invest lead=6M --pool-target 12% --date 2026-03-01
        The capitalization is the company's fully diluted table on the closing date (preferred
        as converted, options outstanding, every plan's unissued pool). Scenario files
        Every SAFE and note outstanding on the closing date converts (capstan safe add,
        capstan note add); warrants count as fully diluted shares.
        """)

    @OptionGroup var terms: Terms
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let closing = try Parse.date(terms.date, "--date", default: .today())
      let roundTerms = try terms.roundTerms(
        seniorityDefault: try RoundCommand.nextSeniority(store, company))
      try RoundCommand.checkTokens(roundTerms, store: store)
      let (result, adjustments) = try RoundCommand.modelWithAntiDilution(
        roundTerms, store: store, company: company, closing: closing)
      switch output.format {
      case .json: emit(RoundOutput.json("Round", result, antiDilution: adjustments).render())
      case .text, .csv:
        emit(
          "\(company.name): round model (nothing written)\n\n"
            + RoundOutput.text("Round", result, currency: company.currency)
            + (try RoundCommand.tokenText(roundTerms, store: store, company: company, on: closing))
            + RoundCommand.antiDilutionText(adjustments, company))
      }
    }
  }
}

extension RoundCommand {
  /// Models saved or given terms on the company's cap table as of the closing date.
  static func model(
    _ terms: RoundTerms, store: any Workspace, company: Company, closing: CalendarDate
  ) throws -> RoundResult {
    try modelWithAntiDilution(terms, store: store, company: company, closing: closing).result
  }

  /// The round and the anti-dilution adjustments it triggers in protected classes.
  static func modelWithAntiDilution(
    _ terms: RoundTerms, store: any Workspace, company: Company, closing: CalendarDate
  ) throws -> (result: RoundResult, antiDilution: [ClassAntiDilution]) {
    let table = try store.ledger(for: company.id).replay(asOf: closing)
    let result = try PricedRound.model(
      RoundInput(terms: terms, table: table, closing: closing, rounding: company.rounding))
    return (result, try result.antiDilution(on: table, policy: company.rounding))
  }

  /// Text lines for the adjustments (empty when none).
  static func antiDilutionText(_ adjustments: [ClassAntiDilution], _ company: Company) -> String {
    guard !adjustments.isEmpty else { return "" }
    var table = TextTable([
      ("Class", .left), ("Protection", .left), ("CP1", .right), ("CP2", .right),
      ("Converts into", .right),
    ])
    for item in adjustments {
      table.add([
        item.name, item.adjustment.protection.rawValue,
        Price(item.adjustment.cp1, company.currency).formatted(places: 4),
        Price(item.adjustment.cp2, company.currency).formatted(places: 4),
        item.adjustment.asConvertedShares.formatted,
      ])
    }
    return "\nAnti-dilution (conversion price adjustments)\n" + table.render()
  }

  /// One above the most senior preferred class (a new round is usually senior).
  static func nextSeniority(_ store: any Workspace, _ company: Company) throws -> Int {
    let ranks = try store.ledger(for: company.id).classes.compactMap { $0.preference?.seniority }
    return (ranks.max() ?? 0) + 1
  }

  static func saved(_ name: String, _ store: any Workspace, _ company: Company) throws -> SavedRound
  {
    let rounds = try store.savedRounds(for: company.id)
    guard let round = rounds.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      let known = rounds.map(\.name).joined(separator: ", ")
      throw InputError.invalid(
        field: "NAME", input: name,
        expected: "a saved round (\(known.isEmpty ? "none saved yet" : known))")
    }
    return round
  }

  struct Save: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Save a round's terms under a name, to show again or close later.",
      discussion: """
        Example: capstan round save "Series A" --pre-money 24M --invest lead=6M --pool-target 12% \\
                   --date 2026-03-01 --class "Series A" --liquidation-multiple 1x
        """)

    @Argument(help: "A name for the round.")
    var name: String
    @OptionGroup var terms: Terms
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let closing = try Parse.date(terms.date, "--date", default: .today())
      let roundTerms = try terms.roundTerms(
        seniorityDefault: try RoundCommand.nextSeniority(store, company))
      try RoundCommand.checkTokens(roundTerms, store: store)
      let result = try RoundCommand.model(
        roundTerms, store: store, company: company, closing: closing)
      let round = SavedRound(
        name: name, closing: closing, terms: roundTerms, outcome: result.keyNumbers)
      try store.write { draft in try draft.saveRound(round, company: company.id) }
      print(
        "Saved round \(name) (closing \(closing)): price \(Price(result.price.rounded, company.currency).formatted(places: 4)), \(result.postMoneyFullyDiluted) shares fully diluted after it"
      )
      print(
        "Next: capstan round show \"\(name)\" · capstan round close \"\(name)\" --date \(closing)")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List saved rounds.", discussion: "Example: capstan round list")

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let rounds = try store.savedRounds(for: company.id)
      guard !rounds.isEmpty else {
        print("No saved rounds (save one with: capstan round save NAME ...)")
        return
      }
      var table = TextTable([
        ("Round", .left), ("Closing", .left), ("Class", .left), ("Price", .right),
        ("New money", .right),
      ])
      for round in rounds {
        let money = round.terms.allInvestments.reduce(Ratio.zero) { $0 + $1.amount }
        table.add([
          round.name, round.closing.iso, round.terms.newClass.name, round.outcome["price"] ?? "-",
          Money(money, company.currency).formatted,
        ])
      }
      emit(table.render())
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Model a saved round again on today's ledger.",
      discussion: "Example: capstan round show \"Series A\"")

    @Argument(help: "The saved round.")
    var name: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let round = try RoundCommand.saved(name, store, company)
      let (result, adjustments) = try RoundCommand.modelWithAntiDilution(
        round.terms, store: store, company: company, closing: round.closing)
      switch output.format {
      case .json: emit(RoundOutput.json(round.name, result, antiDilution: adjustments).render())
      case .text, .csv:
        var text =
          RoundOutput.text(round.name, result, currency: company.currency)
          + (try RoundCommand.tokenText(
            round.terms, store: store, company: company, on: round.closing))
          + RoundCommand.antiDilutionText(adjustments, company)
        let changed = RoundCommand.differences(round.outcome, result.keyNumbers)
        if !changed.isEmpty {
          text += "\nChanged since the round was saved: \(changed.joined(separator: "; "))\n"
        }
        emit(text)
      }
    }
  }

  /// `key: saved → now` for every number that differs.
  static func differences(_ saved: [String: String], _ now: [String: String]) -> [String] {
    Set(saved.keys).union(now.keys).sorted().compactMap { key in
      saved[key] == now[key] ? nil : "\(key): \(saved[key] ?? "none") → \(now[key] ?? "none")"
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Close a saved round: write the new class, shares, conversions and pool increase.",
      discussion: """
        Example: capstan round close "Series A" --date 2026-03-01
        Everything is one ledger step, dated the closing date: the new preferred class, the
        conversion of every SAFE and note outstanding, the investors' shares (new investors
        are added as institutions), the pool increase (and the authorized shares it needs).
        Refused, with what changed, when the ledger no longer gives the saved numbers.
        """)

    @Argument(help: "The saved round.")
    var name: String
    @Option(help: "Closing date (default: the saved one).")
    var date: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let round = try RoundCommand.saved(name, store, company)
      let closing = try Parse.date(date, "--date", default: round.closing)
      let (result, adjustments) = try RoundCommand.modelWithAntiDilution(
        round.terms, store: store, company: company, closing: closing)
      let changed = RoundCommand.differences(round.outcome, result.keyNumbers)
      guard changed.isEmpty else {
        throw InputError.invalid(
          field: "round \(round.name)", input: closing.iso,
          expected:
            "the numbers it was saved with, but the ledger now gives: \(changed.joined(separator: "; ")) (save the round again to accept them)"
        )
      }
      let written = try store.write { draft in
        try draft.closeRound(
          result.closing(
            newClass: round.terms.newClass, antiDilution: adjustments,
            tokenInvestments: round.terms.tokenInvestments),
          company: company.id)
      }
      print("Closed \(round.name) on \(closing): \(written.count) transactions recorded")
      emit(
        LedgerCommand.render(
          LedgerListing.entries(
            of: try store.ledger(for: company.id), since: closing, until: closing),
          company: company, format: .text))
    }
  }
}
