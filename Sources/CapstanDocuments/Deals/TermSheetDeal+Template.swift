import CapstanEngine
import CapstanModel

extension TermSheetDeal {
  /// Adds a price-volatility provision to the compute-for-equity terms: top-up tokens if the
  /// token's 30-day average market price falls more than `threshold`; on the round-level
  /// sheet, to the leg of `provider` (by name, any case), or to every leg when nil.
  public mutating func protectPrice(threshold: Ratio, provider: String?) throws(DocumentError) {
    guard compute != nil || !tokenLegs.isEmpty else {
      throw DocumentError.dealMismatch(
        "--price-protection: \(roundName) has no token investor (round save --invest-tokens)")
    }
    let provision = ComputeEquityTerms.PriceVolatility(
      threshold: threshold, measurement: "the 30-day average market price",
      remedy:
        "delivers additional Tokens so that the Tokens still to be delivered are worth their agreed value at that price"
    )
    compute?.priceVolatility = provision
    for index in tokenLegs.indices
    where provider.map({ tokenLegs[index].provider.lowercased() == $0.lowercased() }) ?? true {
      tokenLegs[index].priceVolatility = provision
    }
  }

  /// The SAFE `template` describes (`safe` names it by id or holder; nil when the template
  /// describes none); refuses a template the deal cannot fill: a SAFE sheet for a round that
  /// converts none or several unnamed, a compute-for-equity sheet without one token investor.
  public func safe(for template: TermSheetTemplate, named safe: String?) throws(DocumentError)
    -> SAFE?
  {
    let names = template.topLevelNames
    let chosen = try self.safe(named: safe)
    let wantsSAFE = !names.isDisjoint(with: ["purchase_amount", "safe_id", "investor"])
    if wantsSAFE && chosen == nil {
      let known = safes.map { "\($0.id.rawValue) (\($0.holder))" }.joined(separator: ", ")
      throw DocumentError.dealMismatch(
        safes.isEmpty
          ? "template \(template.name) describes a SAFE, but \(roundName) converts none"
          : "\(roundName) converts \(safes.count) SAFEs (\(known)): choose one with --safe")
    }
    if names.contains("provider") && compute == nil && tokenLegs.count > 1 {
      let known = tokenLegs.map(\.provider).joined(separator: ", ")
      throw DocumentError.dealMismatch(
        "\(roundName) has \(tokenLegs.count) token investors (\(known)): choose one with --provider"
      )
    }
    if names.contains("provider") && compute == nil {
      throw DocumentError.dealMismatch(
        "template \(template.name) describes a compute-for-equity deal, but \(roundName) has no token investor (round save --invest-tokens NAME=TOKENS@PRICExSYMBOL)"
      )
    }
    return chosen
  }
}
