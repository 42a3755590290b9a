import CapstanEngine
import CapstanModel

/// `offer list|show` as people and programs read them.
public enum OfferReport {
  /// The current offers as a table: closing, price, cash, tokens at the agreed price, credits,
  /// revenue-share credits and compute-SAFEs' agreed value (nil when there is none). An offer the ledger no longer lets
  /// the round engine price (its class exists since a close, say) shows "-" for the price and
  /// post-money fully diluted, and the reason below the table.
  public static func list(
    _ offers: [(offer: Offer, priced: Result<PricedOffer, any Error>)], currency: Currency,
    format: ViewFormat
  ) -> String? {
    guard !offers.isEmpty || format == .json else { return nil }
    typealias Entry = (offer: Offer, priced: Result<PricedOffer, any Error>)
    let result = { (entry: Entry) in try? entry.priced.get().result }
    // Each column's value for people (text) and for programs (CSV and JSON: plain numbers, no
    // currency sign, no grouping), from one definition.
    func money(_ value: @escaping (Offer) -> Ratio) -> (Entry, Bool) -> String {
      { entry, plain in
        plain
          ? value(entry.offer).decimalString(places: 2)
          : Money(value(entry.offer), currency).formatted
      }
    }
    let columns: [(key: String, title: String, value: (Entry, Bool) -> String)] = [
      ("offer", "Offer", { entry, _ in entry.offer.name }),
      ("closing", "Closing", { entry, _ in entry.offer.closing.iso }),
      (
        "price_per_share", "Price",
        { entry, plain in
          result(entry).map {
            plain
              ? $0.price.rounded.decimalString(places: 4)
              : Price($0.price.rounded, currency).formatted(places: 4)
          } ?? "-"
        }
      ),
      ("cash", "Cash", money(\.cash)),
      ("tokens_agreed_value", "Tokens (agreed)", money(\.tokenValue)),
      ("credits", "Credits", money(\.creditValue)),
      ("revenue_share_credits", "Revenue share", money(\.revenueShareValue)),
      ("compute_safe_agreed_value", "Compute-SAFE", money(\.computeSAFEValue)),
      (
        "post_money_fully_diluted", "Post FD",
        { entry, plain in
          result(entry).map {
            $0.postMoneyFullyDiluted.ratio.decimalString(places: 0, grouping: !plain)
          } ?? "-"
        }
      ),
    ]
    switch format {
    case .csv:
      return CSV.render(
        header: columns.map(\.key),
        rows: offers.map { offer in columns.map { $0.value(offer, true) } })
    case .json:
      return JSON.array(
        offers.map { offer in .object(columns.map { ($0.key, .string($0.value(offer, true))) }) }
      ).render()
    case .text:
      var table = TextTable(
        columns.enumerated().map { ($1.title, $0 < 2 ? TextTable.Alignment.left : .right) })
      for offer in offers { table.add(columns.map { $0.value(offer, false) }) }
      var notes = ""
      for entry in offers {
        if case .failure(let error) = entry.priced {
          notes += "\(entry.offer.name) cannot be priced on today's ledger: \(error)\n"
        }
      }
      return table.render() + notes
    }
  }

  /// One offer: its legs, then the round it is, priced on the company's table.
  public static func show(
    _ priced: PricedOffer, currency: Currency, market: TokenMarket, format: ViewFormat
  ) -> String {
    let offer = priced.offer
    let view = RoundView(
      name: offer.name, model: priced.model, terms: offer.terms, currency: currency,
      market: market)
    let money = { (value: Ratio) in Money(value, currency).formatted }
    switch format {
    case .csv:
      // One row, the columns of `offer list`.
      return list([(offer, .success(priced))], currency: currency, format: .csv) ?? ""
    case .json:
      return JSON.object([
        ("offer", .string(offer.name)),
        ("closing", .string(offer.closing.iso)),
        ("round", view.json()),
        (
          "credits",
          .array(
            offer.credits.map { leg in
              .object([
                ("amount", .string(leg.amount.decimalString(places: 2))),
                ("expires_months", .int(Int64(leg.expiresMonths))),
                ("provider", .string(leg.provider)),
              ])
            })
        ),
        (
          "revenue_shares",
          .array(
            offer.revenueShares.map { leg in
              .object([
                ("provider", .string(leg.provider)),
                ("credits", .string(leg.credits.decimalString(places: 2))),
                ("percentage", .string(leg.percentage.percentString(places: 2))),
                ("cap_multiple", .string(leg.capMultiple.decimalString(places: 2))),
              ])
            })
        ),
        ("compute_safes", computeSAFEJSON(priced)),
      ]).render()
    case .text:
      var text =
        "Offer \(offer.name), closing \(offer.closing) (not closed: nothing in the ledger)\n"
      for leg in offer.credits {
        text +=
          "  Cloud credits\(leg.provider.isEmpty ? "" : " from \(leg.provider)"): "
          + "\(money(leg.amount)), expiring \(leg.expiresMonths) months after the closing\n"
      }
      for leg in offer.revenueShares {
        text +=
          "  Revenue-share credits\(leg.provider.isEmpty ? "" : " from \(leg.provider)"): "
          + "\(money(leg.credits)) now, repaid at \(leg.percentage.percentString(places: 2)) of "
          + "revenue until \(money(leg.cap)) (\(leg.capMultiple.decimalString(places: 2))x) is paid\n"
      }
      text += computeSAFEText(priced, currency: currency)
      return text + "\n" + view.fullText()
    }
  }
}

extension OfferReport {
  /// What `offer add` prints: the offer kept, its key numbers, and what to do next.
  public static func added(_ priced: PricedOffer, currency: Currency) -> String {
    let offer = priced.offer
    let result = priced.result
    return """
      Added offer \(offer.name) (closing \(offer.closing)): price \
      \(Price(result.price.rounded, currency).formatted(places: 4)), \
      \(result.postMoneyFullyDiluted.ratio.decimalString(places: 0, grouping: true)) shares \
      fully diluted after it; nothing written to the ledger

      """ + computeSAFEAddedNote(offer) + """
        Next: capstan offer show \"\(offer.name)\" · capstan compare \"\(offer.name)\" OTHER · \
        capstan round save --from-offer \"\(offer.name)\"

        """
  }
}
