import CapstanModel

/// One protected class's adjustment in a round.
public struct ClassAntiDilution: Sendable, Hashable {
  /// The class.
  public var shareClass: ShareClass.ID
  /// Its name.
  public var name: String
  /// CP1 → CP2, the new ratio and the shares as converted.
  public var adjustment: ConversionPriceAdjustment
}

extension RoundResult {
  /// The conversion-price adjustments the round triggers in the snapshot's protected classes
  /// (only those whose price actually moves).
  ///
  /// The dilutive issuance is every share the round issues for cash or tokens, pro rata
  /// purchases included, and what they cost (NVCA model charter 4.4.4: B = new money ÷ CP1,
  /// C = new shares; shares issued on conversion of SAFEs and notes are not counted).
  public func antiDilution(
    on table: CapTable, policy: RoundingPolicy, narrowBase: NarrowBase = .series
  ) throws(AntiDilutionError) -> [ClassAntiDilution] {
    let sharesIssued =
      investors.reduce(Shares.zero) { $0 + $1.shares }
      + proRata.reduce(Shares.zero) { $0 + $1.shares }
    guard sharesIssued > .zero else { return [] }
    let money =
      investors.reduce(Ratio.zero) { $0 + $1.cost } + proRata.reduce(Ratio.zero) { $0 + $1.taken }
    return try table.antiDilution(
      for: DilutiveIssuance(newMoney: money, sharesIssued: sharesIssued), policy: policy,
      narrowBase: narrowBase)
  }
}

extension CapTable {
  /// The conversion-price adjustments an issuance triggers in this snapshot's protected
  /// classes (only those whose price actually moves).
  ///
  /// Broad-based A = common outstanding + preferred as converted (per holder, as
  /// `CompanyCapitalization` counts it) + options and warrants outstanding, the unissued reserve excluded (NVCA model charter, "Common Stock deemed
  /// outstanding") unless the company counts it (`Company.broadBasedIncludesUnissuedPool`).
  /// Classes with no shares outstanding are not adjusted.
  public func antiDilution(
    for issuance: DilutiveIssuance, policy: RoundingPolicy, narrowBase: NarrowBase = .series
  ) throws(AntiDilutionError) -> [ClassAntiDilution] {
    let capitalization = CompanyCapitalization(self)
    var common = Shares.zero
    var preferred = Shares.zero
    for holding in capitalization.stock {
      if classes[holding.shareClass]?.definition.kind == .preferred {
        preferred += holding.asConverted
      } else {
        common += holding.asConverted
      }
    }
    var base = AntiDilutionBase(
      commonOutstanding: common, preferredAsConverted: preferred,
      optionsOutstanding: Shares(Int64(clamping: capitalization.rightsOutstanding.floor)),
      unissuedReserve: Shares(Int64(clamping: capitalization.poolAvailable.floor)),
      includesUnissuedReserve: company.broadBasedIncludesUnissuedPool)
    base.narrowBase = narrowBase
    var result: [ClassAntiDilution] = []
    for state in classes.values.sorted(by: { $0.definition.name < $1.definition.name }) {
      let definition = state.definition
      // Protection starts with the series' first issue (NVCA: "after the Original Issue
      // Date"); a class with nothing outstanding has nobody to protect.
      guard definition.kind == .preferred, definition.antiDilution != .none,
        state.outstanding > .zero, let oip = definition.originalIssuePrice,
        let cp1 = state.conversionPrice
      else { continue }
      let adjustment = try ConversionPriceAdjustment(
        protection: definition.antiDilution, originalIssuePrice: oip, cp1: cp1,
        shares: state.outstanding,
        issuance: issuance, base: base, policy: policy)
      if adjustment.adjusted {
        result.append(
          ClassAntiDilution(
            shareClass: definition.id, name: definition.name, adjustment: adjustment))
      }
    }
    return result
  }
}
