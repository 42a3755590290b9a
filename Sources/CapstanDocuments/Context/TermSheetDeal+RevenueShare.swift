import CapstanModel

extension TermSheetDeal {
  /// Revenue-share compute credits granted with the round: a provider's credits, repaid out
  /// of revenue until the cap multiple of the credits is paid.
  public struct RevenueShare: Sendable, Hashable {
    /// The provider's name.
    public var provider: String
    /// The terms as the ledger records them.
    public var terms: RevenueShareIssuance

    /// A revenue share.
    public init(provider: String, terms: RevenueShareIssuance) {
      self.provider = provider
      self.terms = terms
    }
  }

  /// The revenue shares `ledger` records on `closing` (the round's revenue shares), with
  /// their providers' names.
  static func revenueShares(_ ledger: Ledger, on closing: CalendarDate) -> [RevenueShare] {
    ledger.revenueShares(asOf: closing).filter { $0.granted == closing }.map { share in
      let id = share.terms.provider
      return RevenueShare(
        provider: ledger.stakeholders[id]?.name ?? id.rawValue, terms: share.terms)
    }
  }

  /// The revenue-share fields: `has_revenue_shares` and the `revenue_shares` rows
  /// (`provider`, `credits`, `revenue_percent`, `cap_multiple`, `cap_amount` = credits × cap
  /// multiple, `term_end` when the terms set one); each provider not already among the
  /// `signatories` is added to them.
  func revenueShareFields(
    _ format: TermSheetFormat, signatories: TermSheetValue?
  ) -> [String: TermSheetValue] {
    var fields = TermSheetFields()
    fields["has_revenue_shares"] = .flag(!revenueShares.isEmpty)
    fields["revenue_shares"] = .list(
      revenueShares.map { share in
        var row = TermSheetFields()
        row.set("provider", share.provider)
        row.set("credits", format.money(share.terms.credits))
        row.set("revenue_percent", share.terms.percentageText)
        row.set("cap_multiple", format.multiple(share.terms.capMultiple))
        row.set("cap_amount", format.money(share.terms.capAmount))
        row["term_end"] = share.terms.expires.map { .text(format.date($0)) } ?? .flag(false)
        return row
      })
    guard !revenueShares.isEmpty, case .list(var rows) = signatories else { return fields.values }
    var names = Set(
      rows.compactMap { row -> String? in
        if case .text(let name) = row["name"] { return name }
        return nil
      })
    for share in revenueShares where names.insert(share.provider).inserted {
      var row = TermSheetFields()
      row.set("name", share.provider)
      rows.append(row)
    }
    fields["signatories"] = .list(rows)
    return fields.values
  }
}
