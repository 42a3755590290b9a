import CapstanModel

extension ComputeSAFEIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.computeSAFEs[security] = self
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
    guard let terms = context.computeSAFEs[security] else {
      entry.summary = "\(ComputeSAFEPosition.units(units)) units drawn"
      return
    }
    let amount = Money(units * terms.agreedPrice, context.currency).formatted
    entry.summary =
      "\(ComputeSAFEPosition.units(units)) \(terms.unit.words) drawn at "
      + "\(context.money(terms.agreedPrice)): \(amount) toward the purchase amount"
      + (terms.slaSuspension ? " unless inside an SLA breach" : "")
  }
}

extension ComputeSAFEBreach: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    entry.security = security.rawValue
    entry.holder = context.holders[security].map(context.name)
    entry.summary =
      "SLA breach " + (through.map { "through \($0)" } ?? "to the end of the draw window")
      + ": draws dated inside it do not accrue"
  }
}
