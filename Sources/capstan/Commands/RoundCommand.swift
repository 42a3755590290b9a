import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension PricingBasis: ExpressibleByArgument {}
extension NarrowBase: ExpressibleByArgument {}

/// `capstan round ...`: priced rounds on the workspace's company.
struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round",
    abstract: "Model, save and close priced rounds (SAFEs and notes convert, pool top-up).",
    subcommands: [Model.self, Save.self, List.self, Show.self, Close.self]
  )

  struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what a priced round does to the cap table; nothing is written.",
      discussion: """
        Example: capstan round model --pre-money 24M --invest lead=6M --pool-target 12% --date 2026-03-01

        The capitalization is the company's fully diluted table on the closing date: preferred \
        stock as converted, options and warrants outstanding, and every plan's unissued pool. \
        Every SAFE and note outstanding on the closing date converts (see capstan safe add and \
        capstan note add). A SAFE or note that converts below the round price gets its own \
        sub-series of the new class (Series A-1, Series A-2, ...) priced at its conversion \
        price, unless the company converts into the round class (capstan company add \
        --conversion-series). The pro forma includes the anti-dilution adjustments the round \
        triggers, so it equals capstan table after capstan round close. The conventions and \
        their sources are in docs/round-modelling.md.
        """)

    @OptionGroup var terms: Terms
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let closing = try Parse.date(terms.date, "--date", default: Today.date)
      let roundTerms = try terms.roundTerms(
        seniorityDefault: try RoundCommand.nextSeniority(store, company),
        stakeholders: try store.stakeholders())
      try RoundCommand.checkTokens(roundTerms, store: store)
      let (result, adjustments) = try RoundCommand.modelWithAntiDilution(
        roundTerms, store: store, company: company, closing: closing)
      let series = RoundCommand.conversionClasses(result, roundTerms, company)
      switch output.format {
      case .json:
        emit(
          RoundOutput.json("Round", result, antiDilution: adjustments, series: series).render())
      case .text, .csv:
        emit(
          "\(company.name): round model (nothing written)\n\n"
            + RoundOutput.text("Round", result, currency: company.currency, series: series)
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
    let adjustments = try result.antiDilution(
      on: table, policy: company.rounding, narrowBase: terms.narrowBase ?? .series)
    // The pro forma includes the adjustments it reports, as the table will after the close.
    return (result.including(adjustments, on: table), adjustments)
  }

  /// The class a conversion goes into and that class's original issue price.
  struct ConversionClass {
    let name: String
    let issuePrice: Ratio
  }

  /// The class each conversion goes into under the company's setting, in conversion order.
  static func conversionClasses(_ result: RoundResult, _ terms: RoundTerms, _ company: Company)
    -> [ConversionClass]
  {
    let names = result.conversionSeries(
      className: terms.newClass.name, policy: company.conversionSeries)
    return zip(result.conversions, names).map { conversion, name in
      ConversionClass(
        name: name,
        issuePrice: name == terms.newClass.name ? result.price.rounded : conversion.conversionPrice)
    }
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
      let closing = try Parse.date(terms.date, "--date", default: Today.date)
      let roundTerms = try terms.roundTerms(
        seniorityDefault: try RoundCommand.nextSeniority(store, company),
        stakeholders: try store.stakeholders())
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
      let series = RoundCommand.conversionClasses(result, round.terms, company)
      switch output.format {
      case .json:
        emit(
          RoundOutput.json(round.name, result, antiDilution: adjustments, series: series).render())
      case .text, .csv:
        var text =
          RoundOutput.text(round.name, result, currency: company.currency, series: series)
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
            conversionSeries: company.conversionSeries,
            tokenInvestments: round.terms.tokenInvestments),
          company: company.id)
      }
      print("Closed \(round.name) on \(closing): \(written.count) transactions recorded")
      if let note = AsOf.futureNote([closing]) { print(note) }
      emit(
        LedgerCommand.render(
          LedgerListing.entries(
            of: try store.ledger(for: company.id), since: closing, until: closing),
          company: company, format: .text))
    }
  }
}
