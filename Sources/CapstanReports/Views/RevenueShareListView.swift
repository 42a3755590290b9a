import CapstanModel

/// `capstan revenue-share list`: each revenue share granted by a date, with its credits, the
/// percentage of revenue paid and the cap amount the company owes at most (credits × cap
/// multiple, exact), and the totals.
public struct RevenueShareListView: RenderedView {
  /// The company's name.
  public var company: String
  /// The company's currency.
  public var currency: Currency
  /// The view's date.
  public var asOf: CalendarDate
  /// The revenue shares granted by the date, with their providers' names.
  public var shares: [(share: Ledger.RevenueShare, provider: String)]
  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries?

  /// The CSV and JSON fields.
  public static let header = [
    "security", "provider", "granted", "credits", "percentage", "cap_multiple", "cap_amount",
    "expires",
  ]

  /// The revenue shares of `ledger` granted on or before `date`.
  public init(_ ledger: Ledger, asOf date: CalendarDate) {
    company = ledger.company.name
    currency = ledger.company.currency
    asOf = date
    laterEntries = ledger.laterEntries(after: date)
    shares = ledger.revenueShares(asOf: date).map { share in
      (share, ledger.stakeholders[share.terms.provider]?.name ?? share.terms.provider.rawValue)
    }
  }

  /// The credits granted, summed.
  public var totalCredits: Ratio { Ratio.sum(shares.map(\.share.terms.credits)) }
  /// The cap amounts, summed: the most the company repays out of revenue.
  public var totalCap: Ratio { Ratio.sum(shares.map(\.share.terms.capAmount)) }

  private func money(_ amount: Ratio) -> String { Money(amount, currency).formatted }

  /// The text table with a total line; a sentence when there are none.
  public func text() -> String {
    guard !shares.isEmpty else {
      return "No revenue shares (record one with: capstan revenue-share add PROVIDER ...)\n"
    }
    var table = TextTable([
      ("Id", .left), ("Provider", .left), ("Granted", .left), ("Credits", .right),
      ("Of revenue", .right), ("Cap", .right), ("Cap amount", .right), ("Term ends", .left),
    ])
    for (share, provider) in shares {
      let terms = share.terms
      table.add([
        terms.security.rawValue, provider, share.granted.iso, money(terms.credits),
        terms.percentageText, terms.capMultipleText, money(terms.capAmount),
        terms.expires?.iso ?? "-",
      ])
    }
    table.add(["Total", "", "", money(totalCredits), "", "", money(totalCap), ""])
    return "\(company): revenue shares as of \(asOf) (repaid out of revenue, no shares)\n\n"
      + table.render()
  }

  private func fields(_ share: Ledger.RevenueShare, _ provider: String) -> [String] {
    let terms = share.terms
    return [
      terms.security.rawValue, provider, share.granted.iso, exact(terms.credits),
      exact(terms.percentage), exact(terms.capMultiple), exact(terms.capAmount),
      terms.expires?.iso ?? "",
    ]
  }

  private func exact(_ value: Ratio) -> String { value.exactDecimalString ?? value.fractionString }

  /// The CSV rows: exact numbers, the percentage and the multiple as fractions (0.05, 1.5).
  public func csv() -> String {
    CSV.render(header: Self.header, rows: shares.map { fields($0.share, $0.provider) })
  }

  /// The JSON document: the rows (exact numbers as strings, no expiry as null) and the totals.
  public func json() -> JSON {
    let rows: [JSON] = shares.map { share, provider in
      .object(
        zip(Self.header, fields(share, provider)).map { key, value in
          (key, key == "expires" && value.isEmpty ? .null : .string(value))
        })
    }
    return .object([
      ("company", .string(company)), ("as_of", .string(asOf.iso)),
      ("revenue_shares", .array(rows)),
      ("total_credits", .string(exact(totalCredits))),
      ("total_cap_amount", .string(exact(totalCap))),
      ("later_entries", .laterEntries(laterEntries)),
    ])
  }
}
