import CapstanModel

extension RoundResult {
  /// The round with the anti-dilution adjustments it triggers in its pro forma: each holder of
  /// an adjusted class gains the common its shares now convert into beyond what they did.
  ///
  /// Per holder and class, as the capitalization counts them: floor(shares × ratio after) −
  /// floor(shares × ratio before). Post-money fully diluted shares and every fraction after
  /// the round include them, so the pro forma equals the table after the round closes.
  public func including(_ adjustments: [ClassAntiDilution], on table: CapTable) -> RoundResult {
    guard !adjustments.isEmpty else { return self }
    struct Key: Hashable {
      let holder: Stakeholder.ID
      let shareClass: ShareClass.ID
    }
    // The ledger scales a class's ratio by CP1 ÷ CP2 (CapTable+Convertibles), so this does.
    let ratios = Dictionary(
      adjustments.map { ($0.shareClass, $0.adjustment.cp1 / $0.adjustment.cp2) },
      uniquingKeysWith: { first, _ in first })
    var held: [Key: Ratio] = [:]
    for position in table.stock.values where ratios[position.shareClass] != nil {
      held[Key(holder: position.holder, shareClass: position.shareClass), default: .zero] +=
        position.quantity.ratio
    }
    var added: [Stakeholder.ID: Ratio] = [:]
    for (key, shares) in held {
      guard let scale = ratios[key.shareClass] else { continue }
      let before = table.classes[key.shareClass]?.conversionRatio ?? .one
      let after = before * scale
      added[key.holder, default: .zero] +=
        CompanyCapitalization.asConverted(shares, ratio: after)
        - CompanyCapitalization.asConverted(shares, ratio: before)
    }
    // Rows are joined by stakeholder id; the capitalization built from `table` sets it.
    var result = self
    var total = Ratio.zero
    for index in result.proForma.rows.indices {
      guard let holder = result.proForma.rows[index].stakeholder, let extra = added[holder]
      else { continue }
      let shares = Shares(Int64(clamping: extra.floor))
      result.proForma.rows[index].antiDilution += shares
      total += shares.ratio
    }
    let after = postMoneyFullyDiluted + Shares(Int64(clamping: total.floor))
    result.postMoneyFullyDiluted = after
    result.proForma.totalAfter = after
    for index in result.proForma.rows.indices {
      result.proForma.rows[index].fractionAfter =
        result.proForma.rows[index].after.ratio / after.ratio
    }
    return result
  }
}
