import CapstanModel

/// What the ledger listing remembers of a compute-SAFE: its terms and the breaches listed so
/// far. A breach is dated on its first day, so it is listed before every draw it covers (a
/// draw recorded earlier on that same first day is the exception; `safe list` and the round
/// model, which read the replayed position, are exact).
struct ComputeSAFEListing {
  var terms: ComputeSAFEIssuance
  var breaches: [ComputeSAFEPosition.Breach] = []

  func suspends(_ date: CalendarDate) -> Bool {
    terms.slaSuspension && breaches.contains { $0.covers(date) }
  }
}

extension ComputeSAFEIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.computeSAFEs[security] = ComputeSAFEListing(terms: self)
    context.holders[security] = provider
    entry.security = security.rawValue
    entry.holder = context.name(provider)
    let amount = Money(committedAmount, context.currency).formatted
    entry.summary =
      "compute-SAFE (post-money) from \(context.name(provider)): "
      + "\(ComputeSAFEPosition.units(commitment)) \(unit.words) at \(context.money(agreedPrice)) "
      + "agreed (\(amount) if all drawn), drawn \(windowStart) to \(windowEnd)"
      + (valuationCap.map { ", cap \(Money($0, context.currency).formatted)" } ?? "")
      + (discount.map { ", discount \($0.percentString())" } ?? "")
      + (slaSuspension ? ", SLA breaches suspend accrual" : "")
  }
}

extension ComputeSAFEDraw: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    entry.security = security.rawValue
    entry.holder = context.holders[security].map(context.name)
    guard let listing = context.computeSAFEs[security] else {
      entry.summary = "\(ComputeSAFEPosition.units(units)) units drawn"
      return
    }
    let terms = listing.terms
    let drawn =
      "\(ComputeSAFEPosition.units(units)) \(terms.unit.words) drawn at "
      + "\(context.money(terms.agreedPrice))"
    guard !listing.suspends(entry.date) else {
      entry.summary = drawn + ", inside an SLA breach: nothing accrues"
      return
    }
    let amount = Money(units * terms.agreedPrice, context.currency).formatted
    entry.summary = drawn + ": \(amount) toward the purchase amount"
  }
}

extension ComputeSAFEBreach: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    entry.security = security.rawValue
    entry.holder = context.holders[security].map(context.name)
    context.computeSAFEs[security]?.breaches.append(.init(from: entry.date, through: through))
    entry.summary =
      "SLA breach " + (through.map { "through \($0)" } ?? "to the end of the draw window")
      + ": draws dated inside it do not accrue"
  }
}
