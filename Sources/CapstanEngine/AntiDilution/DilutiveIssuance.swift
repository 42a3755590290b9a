import CapstanModel

/// A new issuance that may trigger anti-dilution: the money received and the shares issued.
public struct DilutiveIssuance: Sendable, Hashable {
  /// The aggregate consideration received for the new shares.
  public var newMoney: Ratio
  /// C: the shares actually issued.
  public var sharesIssued: Shares

  /// An issuance of `sharesIssued` for `newMoney`.
  public init(newMoney: Ratio, sharesIssued: Shares) {
    self.newMoney = newMoney
    self.sharesIssued = sharesIssued
  }

  /// The price per new share: new money ÷ shares issued.
  public var price: Ratio { newMoney / sharesIssued.ratio }
}
