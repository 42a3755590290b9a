import CapstanEngine
import CapstanModel

/// A company's compute grants as people and programs read them: balances in tokens, compute
/// units and money.
public enum TokensReport {
  static func money(_ value: Ratio, _ company: Company) -> String {
    Money(value, company.currency).formatted
  }

  static func number(_ value: Ratio) -> String {
    value.decimalString(places: 2, minimumPlaces: 0, grouping: true)
  }

  /// The grants as a JSON array (counts as numbers, money as decimal strings).
  public static func grantsJSON(_ header: [String], _ rows: [[String]]) -> JSON {
    .array(
      rows.map { row in
        .object(
          zip(header, row).map { key, value in
            let numeric = Int64(value).map(JSON.int)
            let flag: JSON? = value == "true" ? .bool(true) : value == "false" ? .bool(false) : nil
            return (key, value.isEmpty ? .null : (numeric ?? flag ?? .string(value)))
          })
      })
  }

  /// The grants as `format`.
  public static func render(
    _ valuations: [ComputeGrantValuation], table: CapTable, company: Company,
    format: ViewFormat, laterEntries: JSON = .null
  ) -> String {
    let (header, rows) = columns(valuations, table: table)
    return render(
      valuations, header: header, rows: rows, table: table, company: company, format: format,
      laterEntries: laterEntries)
  }

  /// The machine-readable columns, one row per grant.
  public static func columns(_ valuations: [ComputeGrantValuation], table: CapTable) -> (
    header: [String], rows: [[String]]
  ) {
    let header = [
      "grant", "provider", "symbol", "granted", "unlocked", "locked", "available", "redeemed",
      "sold", "expired", "clawed_back", "unit", "available_units", "locked_units", "price",
      "price_source", "agreed_price", "locked_value", "available_value", "held_value",
      "held_agreed_value", "unrealised", "funding_gap", "effective_price_per_share",
      "equity_shares", "released_shares", "sale_proceeds",
    ]
    let rows = valuations.map { v -> [String] in
      let b = v.balances
      return [
        v.grant.security.rawValue, table.name(of: v.grant.provider), v.grant.symbol,
        String(b.granted.count), String(b.unlocked.count), String(b.locked.count),
        String(b.available.count), String(b.redeemed.count), String(b.sold.count),
        String(b.expired.count), String(b.clawedBack.count), v.token.unit,
        v.availableUnits.decimalString(places: 2, minimumPlaces: 0),
        v.lockedUnits.decimalString(places: 2, minimumPlaces: 0),
        v.marketPrice.decimalString(places: 6, minimumPlaces: 2), v.priceSource.rawValue,
        v.grant.agreedPrice.decimalString(places: 6, minimumPlaces: 2),
        v.lockedValue.decimalString(places: 2), v.availableValue.decimalString(places: 2),
        v.heldValue.decimalString(places: 2), v.heldAgreedValue.decimalString(places: 2),
        v.unrealisedGain.decimalString(places: 2), v.fundingGap.decimalString(places: 2),
        v.effectivePricePerShare.map { $0.decimalString(places: 4) } ?? "",
        v.grant.equity.map { String($0.shares.count) } ?? "",
        v.releasedShares.map { String($0.count) } ?? "", v.saleProceeds.decimalString(places: 2),
      ]
    }
    return (header, rows)
  }

  /// The grants as `format`, from their `columns`.
  public static func render(
    _ valuations: [ComputeGrantValuation], header: [String], rows: [[String]], table: CapTable,
    company: Company, format: ViewFormat, laterEntries: JSON = .null
  ) -> String {
    switch format {
    case .csv: return CSV.render(header: header, rows: rows)
    case .json:
      return JSON.object([
        ("company", .string(company.name)), ("as_of", .string(table.asOf.iso)),
        ("grants", grantsJSON(header, rows)), ("later_entries", laterEntries),
      ]).render()
    case .text:
      guard !valuations.isEmpty else {
        return
          "\(company.name) has no compute grants on \(table.asOf) (record one with: capstan grant-compute, or close a round with --invest-tokens)\n"
      }
      var counts = TextTable([
        ("Grant", .left), ("Provider", .left), ("Token", .left), ("Granted", .right),
        ("Unlocked", .right), ("Locked", .right), ("Available", .right), ("Redeemed", .right),
        ("Sold", .right), ("Expired", .right), ("Clawed", .right),
      ])
      var compute = TextTable([
        ("Grant", .left), ("Unit", .left), ("Available units", .right), ("Locked units", .right),
        ("Equity shares", .right), ("Released", .right),
      ])
      var value = TextTable([
        ("Grant", .left), ("Price", .right), ("Locked", .right), ("Available", .right),
        ("Held", .right), ("Agreed", .right), ("Unrealised", .right), ("Gap", .right),
        ("Eff. $/sh", .right),
      ])
      for v in valuations {
        let b = v.balances
        let id = v.grant.security.rawValue
        counts.add([
          id, table.name(of: v.grant.provider), v.grant.symbol, b.granted.formatted,
          b.unlocked.formatted, b.locked.formatted, b.available.formatted, b.redeemed.formatted,
          b.sold.formatted, b.expired.formatted, b.clawedBack.formatted,
        ])
        compute.add([
          id, v.token.unit, number(v.availableUnits), number(v.lockedUnits),
          v.grant.equity.map { $0.shares.formatted } ?? "-",
          v.releasedShares.map(\.formatted) ?? "-",
        ])
        value.add([
          id,
          Price(v.marketPrice, company.currency).formatted(places: 4)
            + (v.priceSource == .market ? "" : " (\(v.priceSource.rawValue))"),
          money(v.lockedValue, company), money(v.availableValue, company),
          money(v.heldValue, company), money(v.heldAgreedValue, company),
          money(v.unrealisedGain, company), money(v.fundingGap, company),
          v.effectivePricePerShare.map { Price($0, company.currency).formatted(places: 4) } ?? "-",
        ])
      }
      return "\(company.name): compute tokens as of \(table.asOf)\n\n" + counts.render()
        + "\nCompute and equity\n" + compute.render() + "\nMarked to market\n" + value.render()
    }
  }
}
