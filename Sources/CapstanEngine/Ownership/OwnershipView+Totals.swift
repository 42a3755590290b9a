import CapstanModel

extension OwnershipView {
  /// The stock column's total.
  public var stockTotal: Shares { rows.reduce(Shares.zero) { $0 + $1.stock } }
  /// The options column's total.
  public var optionsTotal: Shares { rows.reduce(Shares.zero) { $0 + $1.options } }
  /// The unissued pools' total.
  public var availableTotal: Shares { rows.reduce(Shares.zero) { $0 + $1.available } }
  /// The estimated conversions' total.
  public var estimatedTotal: Shares { rows.reduce(Shares.zero) { $0 + $1.estimated } }
}

extension ConvertibleEstimate {
  /// The converting amounts of every outstanding SAFE and note, added up.
  public var totalAmount: Ratio { lines.reduce(Ratio.zero) { $0 + $1.convertingAmount } }
}
