import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension TokensCommand {
  struct Issuer: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A token issuer's view across the workspace: its stakes and the compute it owes.",
      discussion: """
        Example: capstan tokens issuer H100H --as-of 2027-07-15
        One row per company holding the token: tokens still locked (to deliver) and available
        (to redeem), the compute units they stand for, their value at the peg and at the
        market, and the issuer's fully diluted shares and stake.
        """)

    @Argument(help: "The token's symbol.")
    var symbol: String
    @Option(help: "The date (default: today; latest: the last dated entry).")
    var asOf: String?
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let store = try workspace.open()
      let ledgers = try store.companies().map { try store.ledger(for: $0.id) }
      let date = try AsOf.date(asOf, ledgers)
      let market = try store.tokenMarket()
      let token = try market.token(symbol)
      let price = market.price(token.symbol, on: date)
      var rows: [IssuerExposure] = []
      var currencies: [Currency] = []
      for ledger in ledgers {
        let company = ledger.company
        let table = try ledger.replay(asOf: date)
        let valuations = try market.valuations(of: table, asOf: date)
        let view = OwnershipView(table, basis: .fullyDiluted, grouping: .holder)
        let shares = view.rows.first { $0.holder == token.issuer }?.total ?? .zero
        let exposure = IssuerExposure(
          company: company.name, token: token, valuations: valuations, marketPrice: price,
          shares: shares, total: view.total)
        if exposure.grants > 0 || shares > .zero {
          rows.append(exposure)
          currencies.append(company.currency)
        }
      }
      let header = [
        "company", "grants", "locked", "available", "units", "peg_value", "market_value",
        "issuer_shares", "issuer_fully_diluted",
      ]
      let data = rows.map { row in
        [
          row.company, String(row.grants), String(row.locked.count), String(row.available.count),
          row.units.decimalString(places: 2, minimumPlaces: 0),
          row.pegValue.map { $0.decimalString(places: 2) } ?? "",
          row.marketValue.map { $0.decimalString(places: 2) } ?? "", String(row.shares.count),
          row.fullyDiluted.percentString(places: 4),
        ]
      }
      switch output.format {
      case .csv: emit(CSV.render(header: header, rows: data))
      case .json:
        emit(
          JSON.object([
            ("symbol", .string(token.symbol)), ("as_of", .string(date.iso)),
            ("market_price", .optional(price?.decimalString(places: 6, minimumPlaces: 2))),
            ("companies", TokensOutput.grantsJSON(header, data)),
            ("later_entries", AsOf.json(ledgers, date)),
          ]).render())
      case .text:
        var table = TextTable([
          ("Company", .left), ("Locked", .right), ("Available", .right),
          ("\(token.unit)s owed", .right), ("At peg", .right), ("At market", .right),
          ("Shares", .right), ("Stake", .right),
        ])
        for ((row, cells), currency) in zip(zip(rows, data), currencies) {
          table.add([
            row.company, row.locked.formatted, row.available.formatted,
            row.units.decimalString(places: 0, grouping: true),
            row.pegValue.map { Money($0, currency).formatted } ?? "-",
            row.marketValue.map { Money($0, currency).formatted } ?? "-", row.shares.formatted,
            cells[8],
          ])
        }
        let heading =
          "\(table.rows.isEmpty ? "No company holds" : "Companies holding") \(token.symbol) "
          + "(issuer \(try store.stakeholders().first { $0.id == token.issuer }?.name ?? token.issuer.rawValue)) as of \(date)"
        emit(heading + (table.rows.isEmpty ? "\n" : "\n\n" + table.render()))
      }
      AsOf.printNote(ledgers, date, format: output.format)
    }
  }
}
