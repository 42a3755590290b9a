import CapstanModel

extension RevenueShareIssuance: ListedEvent {
  func describe(in entry: inout LedgerEntry, _ context: inout ListingContext) {
    context.holders[security] = provider
    entry.security = security.rawValue
    entry.holder = context.name(provider)
    entry.summary =
      "revenue share from \(context.name(provider)): \(termsText(currency: context.currency))"
  }
}
