import CapstanModel

extension LedgerListing {
  /// Fills an entry for a compute-token transaction.
  static func describeTokenEvent(
    _ event: LedgerEvent, in entry: inout LedgerEntry, name: (Stakeholder.ID) -> String,
    money: (Ratio) -> String
  ) {
    switch event {
    case .grantCompute(let grant):
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
    case .redeemTokens(let use):
      entry.security = use.grant.rawValue
      entry.summary = "\(use.tokens) tokens of \(use.grant) redeemed for compute"
    case .sellTokens(let sale):
      entry.security = sale.grant.rawValue
      entry.summary = "\(sale.tokens) tokens of \(sale.grant) sold at \(money(sale.price))"
    case .clawbackTokens(let clawback):
      entry.security = clawback.grant.rawValue
      entry.summary =
        "\(clawback.tokens) locked tokens of \(clawback.grant) clawed back (\(clawback.event))"
    default:
      break
    }
  }
}
