/// Recording revenue-share compute credits by name: a new id `RS-n`, the provider added as an
/// institution if new.
extension WorkspaceDraft {
  /// A revenue share's terms as a command gives them: the provider by name.
  public struct RevenueShareTerms: Sendable, Hashable {
    /// The provider's name.
    public var provider: String
    /// The credits' value.
    public var credits: Ratio
    /// The fraction of revenue paid (0.05 for 5 %).
    public var percentage: Ratio
    /// The multiple of the credits that ends the payments.
    public var capMultiple: Ratio
    /// The term's last day, if any.
    public var expires: CalendarDate?

    /// Terms.
    public init(
      provider: String, credits: Ratio, percentage: Ratio, capMultiple: Ratio,
      expires: CalendarDate? = nil
    ) {
      self.provider = provider
      self.credits = credits
      self.percentage = percentage
      self.capMultiple = capMultiple
      self.expires = expires
    }

    /// The terms of an offer's revenue-share leg; `provider` stands in when the leg names
    /// none.
    public init(_ leg: Offer.RevenueShareLeg, provider: String) {
      self.init(
        provider: leg.provider.isEmpty ? provider : leg.provider, credits: leg.credits,
        percentage: leg.percentage, capMultiple: leg.capMultiple)
    }
  }

  /// Records revenue-share credits granted on `date` by the provider the terms name.
  @discardableResult
  public mutating func issueRevenueShare(
    _ terms: RevenueShareTerms, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    guard !terms.provider.trimmingSpaces.isEmpty else {
      throw InputError.missing(
        field: "PROVIDER", expected: "the provider of the credits, e.g. ComputeCo")
    }
    let provider =
      try (try? stakeholder(named: terms.provider))
      ?? addStakeholder(name: terms.provider, kind: .institution)
    let share = RevenueShareIssuance(
      security: try ledger(for: company).nextSecurityID(prefix: "RS"), provider: provider.id,
      credits: terms.credits, percentage: terms.percentage, capMultiple: terms.capMultiple,
      expires: terms.expires)
    return try append([(date, share.ledgerEvent)], to: company)[0]
  }
}
