import ArgumentParser
import CapstanEngine
import CapstanInterchange
import CapstanModel
import CapstanReports

extension EquityConsideration.Release: ExpressibleByArgument {}

/// `capstan token ...` (alias `tokens`): the company's compute tokens (balances, stress, the
/// issuer's view), their definitions and market prices, and what the company does with the
/// tokens it received (redeem, sell, clawback).
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Compute tokens: balances, stress, the issuer's view; define, price, redeem, sell.",
    discussion: """
      Tokens and prices belong to the workspace (every company sees the same market);
      redemptions, sales and clawbacks are dated transactions of the company's ledger.
      capstan tokens is the same command; without a subcommand it shows the balances.
      Example:
        capstan token add H100H --issuer ComputeCo --unit H100-hour --units-per-token 1 --peg 2.50
        capstan token price H100H 2.10 --on 2026-06-01
        capstan token cost H100H 1.40 --date 2027-01-01
        capstan token prices import prices.csv
        capstan token redeem H100H 10,000 --date 2027-01-15
        capstan tokens --as-of 2027-07-15
      """,
    subcommands: [
      Show.self, Stress.self, Issuer.self, Add.self, PriceCommand.self, Prices.self, List.self,
      Redeem.self, Sell.self, Clawback.self, Cost.self,
    ],
    defaultSubcommand: Show.self,
    aliases: ["tokens"]
  )

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Define a compute token.",
      discussion:
        "Example: capstan token add H100H --issuer ComputeCo --unit \"H100-hour\" --units-per-token 1 --peg 2.50"
    )

    @Argument(help: "The token's symbol (letters, digits, dashes).")
    var symbol: String
    @Option(help: "The provider that issues and redeems the token (added if new).")
    var issuer: String
    @Option(help: "The unit of compute a token redeems for (default: GPU-hour).")
    var unit: String = "GPU-hour"
    @Option(help: "Units of compute per token (default 1).")
    var unitsPerToken: String = "1"
    @Option(help: "The reference price per token (what the compute costs in cash).")
    var peg: String?
    @Option(
      help: """
        The issuer's own cost to serve one unit of compute (its cost per GPU-hour), from \
        today; later changes with capstan token cost.
        """)
    var costPerUnit: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let store = try workspace.open()
      let units = try Parse.amount(unitsPerToken, "--units-per-token")
      let pegPrice = try peg.map { try Parse.amount($0, "--peg") }
      let cost = try costPerUnit.map { try Parse.amount($0, "--cost-per-unit") }
      let token = try store.write { draft in
        let token = try draft.addToken(
          symbol: symbol, issuer: issuer, unit: unit, unitsPerToken: units, peg: pegPrice)
        if let cost {
          try draft.recordTokenCost(symbol: token.symbol, costPerUnit: cost, date: Today.date)
        }
        return token
      }
      print(
        "Added token \(token.symbol): \(token.unitsPerToken.decimalString(places: 6, minimumPlaces: 0)) \(token.unit) per token"
          + (pegPrice.map { ", peg \($0.decimalString(places: 6, minimumPlaces: 2))" } ?? "")
          + (cost.map { ", cost \($0.decimalString(places: 6, minimumPlaces: 2)) per unit" } ?? ""))
    }
  }

  /// `capstan token cost SYMBOL C`: the issuer's cost to serve a unit from a date.
  struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cost",
      abstract: "Record the issuer's cost to serve one unit of a token's compute, from a date.",
      discussion: """
        Example: capstan token cost H100H 1.40 --date 2027-01-01
        The cost on a day is the last one recorded from a date on or before it (before the
        first date, the first cost); tokens issuer values what is owed at it.
        """)

    @Argument(help: "The token's symbol.")
    var symbol: String
    @Argument(help: "Cost per unit of compute (per GPU-hour).")
    var cost: String
    @Option(help: "From this date (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let store = try workspace.open()
      let day = date ?? Today.date
      let value = try Parse.amount(cost, "COST")
      let mark = try store.write { draft in
        try draft.recordTokenCost(symbol: symbol, costPerUnit: value, date: day)
      }
      print(
        "Recorded the cost of \(mark.symbol) at \(value.decimalString(places: 6, minimumPlaces: 2)) per unit from \(day)"
      )
    }
  }

  struct PriceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "price",
      abstract: "Record a token's market price on a date.",
      discussion: "Example: capstan token price H100H 2.10 --date 2026-06-01 (--on is an alias)")

    @Argument(help: "The token's symbol.")
    var symbol: String
    @Argument(help: "Market price per token.")
    var price: String
    @Option(
      name: [.customLong("date"), .customLong("on")],
      help: "The date (default: today; --on is an alias).")
    var on: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let store = try workspace.open()
      let date = on ?? Today.date
      let value = try Parse.amount(price, "PRICE")
      let kept = try store.write { draft in
        try draft.recordTokenPrices([TokenPriceMark(symbol: symbol, date: date, price: value)])
      }
      print(
        kept.isEmpty
          ? "Price of \(symbol.uppercased()) on \(date) already recorded"
          : "Recorded \(kept[0].symbol) at \(value.decimalString(places: 6, minimumPlaces: 2)) on \(date)"
      )
      if !kept.isEmpty, let note = AsOf.futureNote([date], .fromItsDate(latest: false)) {
        print(note)
      }
    }
  }

  struct Prices: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "prices",
      abstract: "Import token market prices from a CSV file.",
      subcommands: [Import.self])

    struct Import: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
          "Import prices: a CSV with a header symbol,date,price (or date,price with --symbol).",
        discussion: """
          Example: capstan token prices import prices.csv
          Every line is checked first; any error names the file and line and nothing is written.
          """)

      @Argument(help: "The CSV file.")
      var file: String
      @Option(help: "The token, when the file has only date and price columns.")
      var symbol: String?
      @OptionGroup var workspace: WorkspaceOptions

      func run() throws {
        let marks = try TokenPriceFile.read(file, symbol: symbol)
        let store = try workspace.open()
        let kept = try store.write { draft in
          try draft.recordTokenPrices(marks.map(\.mark), sources: marks.map(\.source))
        }
        print(
          "Imported \(kept.count) prices from \(file) (\(marks.count - kept.count) already recorded)"
        )
        if let note = AsOf.futureNote(kept.map(\.date), .fromItsDate(latest: false)) {
          print(note)
        }
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the workspace's tokens with their peg and latest market price.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let store = try workspace.open()
      emit(
        TokensReport.list(
          try store.tokenMarket(), stakeholders: try store.stakeholders(),
          format: output.format.view))
    }
  }

  /// Options shared by redeem and sell.
  struct Use: ParsableArguments {
    @Argument(help: "The token's symbol.")
    var symbol: String
    @Argument(help: "Number of tokens.")
    var tokens: String
    @Option(help: "The date (default: today).")
    var date: CalendarDate?
  }

  struct Redeem: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "redeem",
      abstract: "Redeem unlocked tokens for compute (GPU-hours used).",
      discussion: """
        Example: capstan token redeem H100H 10,000 --date 2027-01-15
        Tokens are taken from the company's grants of the token, oldest first.
        """)

    @OptionGroup var use: Use
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      try TokenCommand.use(use, salePrice: nil, workspace)
    }
  }

  struct Sell: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sell",
      abstract: "Record a sale of unlocked tokens on the secondary market.",
      discussion: "Example: capstan token sell H100H 50,000 --price 2.40 --date 2027-02-01")

    @OptionGroup var use: Use
    @Option(help: "Price received per token.")
    var price: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      try TokenCommand.use(use, salePrice: try Parse.amount(price, "--price"), workspace)
    }
  }

  static func use(_ use: Use, salePrice: Ratio?, _ workspace: WorkspaceOptions) throws {
    let (store, company) = try workspace.openCompany()
    let date = use.date ?? Today.date
    let tokens = try AmountParser.tokens(use.tokens, field: "TOKENS")
    let written = try store.write { draft in
      try draft.useTokens(
        symbol: use.symbol, tokens: tokens, salePrice: salePrice, date: date, company: company.id)
    }
    for transaction in written { try CommandOutput.recorded(transaction, store, company) }
  }

  struct Clawback: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "clawback",
      abstract: "Record the clawback of a grant's still-locked tokens on an event.",
      discussion: """
        Example: capstan token clawback CG-1 --event "supply agreement terminated" --date 2027-03-01
        Every token still locked on the date goes back to the provider; when the grant's shares
        are released in step, the shares not yet released are cancelled in the same step.
        """)

    @Argument(help: "The compute grant (CG-1).")
    var grant: String
    @Option(help: "The event that triggers the clawback.")
    var event: String
    @Option(help: "The date (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = date ?? Today.date
      let written = try store.write { draft in
        try draft.clawbackTokens(
          grant: SecurityID(grant), event: event, date: day, company: company.id)
      }
      for transaction in written { try CommandOutput.recorded(transaction, store, company) }
    }
  }
}
