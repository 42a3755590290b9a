import ArgumentParser
import CapstanEngine
import CapstanModel

extension PricingBasis: ExpressibleByArgument {}

/// `capstan round ...`: priced rounds on the workspace's company.
struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round",
    abstract: "Model a priced round on the company's current cap table.",
    subcommands: [Model.self]
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
      help: "Unissued pool after the round as a share of post-money fully diluted (e.g. 12%).")
    var poolTarget: String?
    @Option(help: "An explicit pool increase in shares.")
    var poolIncrease: String?
    @Option(help: "including-conversions (NVCA/YC, default) or excluding-conversions.")
    var basis: PricingBasis = .includingConversions
    @Option(help: "Closing date (default: today).")
    var date: String?

    func validate() throws {
      let valuations = [preMoney, postMoney, price].compactMap { $0 }
      guard valuations.count == 1 else {
        throw ValidationError("give exactly one of --pre-money, --post-money or --price")
      }
      guard !invest.isEmpty else { throw ValidationError("give at least one --invest NAME=AMOUNT") }
      if poolTarget != nil && poolIncrease != nil {
        throw ValidationError("give --pool-target or --pool-increase, not both")
      }
    }

    func valuation() throws -> Valuation {
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
      let table = try store.ledger(for: company.id).replay(asOf: closing)
      var safes: [SAFE] = []
      var notes: [ConvertibleNote] = []
      for (_, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
        switch position {
        case .safe(let safe, let issued):
          safes.append(SAFE(safe, holder: table.name(of: safe.holder), issued: issued))
        case .note(let note, let issued):
          notes.append(ConvertibleNote(note, holder: table.name(of: note.holder), issued: issued))
        }
      }
      let input = RoundInput(
        capitalization: PreRoundCapitalization(table), safes: safes, notes: notes,
        valuation: try terms.valuation(),
        investors: try terms.investors(), pool: try terms.pool(), pricingBasis: terms.basis,
        closing: closing, rounding: company.rounding)
      let result = try PricedRound.model(input)
      switch output.format {
      case .json: emit(RoundOutput.json("Round", result).render())
      case .text, .csv:
        emit(
          "\(company.name): round model (nothing written)\n\n"
            + RoundOutput.text("Round", result, currency: company.currency))
      }
    }
  }
}
