import CapstanModel

/// Compute-token transactions described for people.
extension ListingContext {
  /// Describes `grantCompute`.
  mutating func describe(_ grant: ComputeGrant, in entry: inout LedgerEntry) {
    entry.security = grant.security.rawValue
    entry.holder = name(grant.provider)
    entry.summary =
      "\(grant.tokens) \(grant.symbol) tokens from \(name(grant.provider)) at \(money(grant.agreedPrice)) agreed, "
      + "unlock \(grant.unlock.summary)"
      + (grant.equity.map {
        ", equity \($0.security) (\($0.shares) shares, \($0.release.rawValue))"
      }
        ?? "")
      + (grant.expires.map { ", expires \($0)" } ?? "")
      + (grant.clawbackOn.map { ", clawback on \($0)" } ?? "")
  }

  /// Describes `redeemTokens`.
  mutating func describe(_ use: TokenRedemption, in entry: inout LedgerEntry) {
    entry.security = use.grant.rawValue
    entry.summary = "\(use.tokens) tokens of \(use.grant) redeemed for compute"
  }

  /// Describes `sellTokens`.
  mutating func describe(_ sale: TokenSale, in entry: inout LedgerEntry) {
    entry.security = sale.grant.rawValue
    entry.summary = "\(sale.tokens) tokens of \(sale.grant) sold at \(money(sale.price))"
  }

  /// Describes `clawbackTokens`.
  mutating func describe(_ clawback: TokenClawback, in entry: inout LedgerEntry) {
    entry.security = clawback.grant.rawValue
    entry.summary =
      "\(clawback.tokens) locked tokens of \(clawback.grant) clawed back (\(clawback.event))"
  }
}
