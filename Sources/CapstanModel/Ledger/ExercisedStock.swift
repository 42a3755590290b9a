/// The stock an exercise issues, as a package records it, when that is not what the exercise
/// would issue by itself (the grant's holder, the plan's or warrant's class, the exercised
/// quantity, the strike).
///
/// An Open Cap Format exercise names its resulting `TX_STOCK_ISSUANCE`, which records its own
/// holder, class, quantity and price; those stand. The options or warrant shares consumed stay
/// the exercise's quantity.
public struct ExercisedStock: Sendable, Hashable, Codable {
  /// Who receives the shares.
  public var holder: Stakeholder.ID
  /// The class issued.
  public var shareClass: ShareClass.ID
  /// How many shares are issued.
  public var quantity: Shares
  /// Price paid per share, in the company's currency.
  public var pricePerShare: Ratio

  /// Stock issued on an exercise, as recorded.
  public init(
    holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares, pricePerShare: Ratio
  ) {
    self.holder = holder
    self.shareClass = shareClass
    self.quantity = quantity
    self.pricePerShare = pricePerShare
  }
}
