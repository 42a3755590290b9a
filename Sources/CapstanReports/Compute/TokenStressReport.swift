import CapstanEngine
import CapstanModel

/// Compute tokens under price scenarios as people and programs read them.
public enum TokenStressReport {
  static func months(_ value: Ratio?, projected: Bool) -> String {
    value.map { $0.decimalString(places: 1) }
      ?? (projected ? "> \(RunwayProjection.horizon)" : "-")
  }

  /// The scenarios' rows as `format`.
  public static func render(
    _ rows: [TokenStressRow], company: Company, format: ViewFormat, date: CalendarDate,
    laterEntries: JSON = .null, offer: String? = nil
  ) -> String {
    // An offer's rows say where each token's base price comes from (its notes are the same on
    // every row: the scenarios scale or replace that base price).
    let notes = offer == nil ? [] : rows.first?.priceNotes ?? []
    let sources = notes.map { "\($0.symbol)=\($0.source.key)" }.joined(separator: " ")
    let header =
      [
        "scenario", "date", "prices", "held_tokens", "held_units", "held_value", "agreed_value",
        "unrealised", "funding_gap", "effective_price_per_share", "runway_redeeming_months",
        "runway_selling_months",
      ] + (offer == nil ? [] : ["price_source"])
    func prices(_ row: TokenStressRow) -> String {
      row.prices.keys.sorted().map {
        "\($0)=\((row.prices[$0] ?? .zero).decimalString(places: 6, minimumPlaces: 2))"
      }.joined(separator: " ")
    }
    let data = rows.map { row in
      [
        row.label, row.date.iso, prices(row), String(row.heldTokens.count),
        row.heldUnits.decimalString(places: 2, minimumPlaces: 0),
        row.heldValue.decimalString(places: 2), row.heldAgreedValue.decimalString(places: 2),
        row.unrealisedGain.decimalString(places: 2), row.fundingGap.decimalString(places: 2),
        row.effectivePricePerShare.map { $0.decimalString(places: 4) } ?? "",
        row.runwayRedeeming.map { $0.decimalString(places: 2) } ?? "",
        row.runwaySelling.map { $0.decimalString(places: 2) } ?? "",
      ] + (offer == nil ? [] : [sources])
    }
    switch format {
    case .csv: return CSV.render(header: header, rows: data)
    case .json:
      let scenarios = JSON.array(
        data.map { row in .object(zip(header, row).map { ($0, $1.isEmpty ? .null : .string($1)) }) }
      )
      return JSON.object(
        [("company", .string(company.name)), ("as_of", .string(date.iso))]
          + (offer.map {
            [
              ("offer", JSON.string($0)),
              ("token_prices", OfferComparisonReport.priceNotesJSON(notes)),
            ]
          } ?? [])
          + [("scenarios", scenarios), ("later_entries", laterEntries)]
      ).render()
    case .text:
      let money = { (value: Ratio) in Money(value, company.currency).formatted }
      var table = TextTable([
        ("Scenario", .left), ("Prices", .left), ("Held value", .right), ("Unrealised", .right),
        ("Funding gap", .right), ("Eff. $/sh", .right), ("Runway", .right),
        ("If sold", .right),
      ])
      for row in rows {
        table.add([
          row.label, prices(row), money(row.heldValue), money(row.unrealisedGain),
          money(row.fundingGap),
          row.effectivePricePerShare.map { Price($0, company.currency).formatted(places: 4) }
            ?? "-",
          months(row.runwayRedeeming, projected: row.projection != nil),
          months(row.runwaySelling, projected: row.projection != nil),
        ])
      }
      let first = rows.first
      let subject = offer.map { "offer \($0)'s compute tokens (not closed)" } ?? "compute tokens"
      return "\(company.name): \(subject) under stress"
        + (first.map { " as of \($0.date) (\($0.heldTokens) tokens held)" } ?? "") + "\n\n"
        + table.render()
        + "Runway in months, month by month: redeeming the tokens for compute as they unlock / "
        + "selling them as they unlock (locked tokens are neither redeemed nor sold).\n"
        + priceNotes(notes, currency: company.currency)
        + (first?.projection.map {
          "\n" + RunwayReport.text($0, currency: company.currency, title: "Month by month, market")
        } ?? "")
    }
  }

  /// The lines for base prices that are not market prices (nothing when all are).
  static func priceNotes(_ notes: [TokenPriceNote], currency: Currency) -> String {
    notes.filter(\.isFallback).map {
      "Base price of \($0.symbol): \(Price($0.price, currency).formatted(places: 4)), "
        + "\($0.reason).\n"
    }.joined()
  }
}
