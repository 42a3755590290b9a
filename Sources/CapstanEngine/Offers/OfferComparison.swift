import CapstanModel

/// Two to five stored offers side by side, each priced by the round engine on the company's
/// real table (`PricedOffer`), with runway month by month (`RunwayProjection`).
///
/// Per offer: price per share, pre- and post-money, post-money fully diluted shares, the pool
/// increase, each holder's fully diluted stake before and after (by stakeholder id, new
/// investors by name), each token investor's shares, fully diluted stake and votes (from the
/// capitalization as if the offer had closed), compute bought (tokens × units per token plus
/// credits ÷ the cash price of a unit, plus compute-SAFE commitments), runway (cash on hand
/// plus the offer's cash, tokens redeemed as they unlock, credits used until they expire), the
/// tokens' value today and after a fall of `drop`, the runway selling unlocked tokens at the
/// fallen price, liquidity, and the largest holders of votes. Revenue-share legs are costed
/// under a revenue plan (`RevenueShareCost`); compute-SAFE legs buy no shares in the round
/// (`PricedOffer.computeSAFEEstimates`) and are drawn by the runway in their windows.
public struct OfferComparison: Sendable {
  /// A holder's fully diluted stake before and after one offer.
  public struct HolderStake: Sendable, Hashable {
    /// The stakeholder id, or `new:NAME` for an investor not yet a stakeholder, or `pool`.
    public var key: String
    /// The holder's name.
    public var name: String
    /// Fully diluted shares before and after.
    public var before: Shares
    /// Fully diluted shares after.
    public var after: Shares
    /// The fraction of fully diluted shares before.
    public var fractionBefore: Ratio
    /// The fraction after.
    public var fractionAfter: Ratio
  }

  /// A token investor's position after one offer.
  public struct ProviderStake: Sendable, Hashable {
    /// The investor.
    public var name: String
    /// Tokens paid and the agreed price.
    public var tokens: TokenAmount
    /// Shares issued for the tokens.
    public var shares: Shares
    /// Fully diluted stake after the round (all the provider holds).
    public var fullyDiluted: Ratio
    /// Share of the votes after the round.
    public var votes: Ratio
  }

  /// One offer's numbers.
  public struct Outcome: Sendable {
    /// The priced offer.
    public var priced: PricedOffer
    /// Holders before and after, in the pro forma's order (the pool last).
    public var holders: [HolderStake]
    /// Each token investor's position.
    public var providers: [ProviderStake]
    /// Compute units the offer buys (tokens, credits and compute-SAFE commitments in
    /// GPU-hours; the runway draws the compute-SAFEs in their windows).
    public var computeUnits: Ratio
    /// Runway redeeming the tokens as they unlock, with the offer's cash.
    public var runway: RunwayProjection
    /// Runway selling every unlocked token at the market price.
    public var runwayIfSold: RunwayProjection
    /// Runway selling unlocked tokens at the price after the fall.
    public var runwayAfterDrop: RunwayProjection
    /// The tokens at the market price today.
    public var valueToday: Ratio
    /// The tokens after the fall.
    public var valueAfterDrop: Ratio
    /// Can the company turn the offer into cash?
    public var liquidity: String
    /// The largest votes after the round, by holder, largest first (at most three).
    public var control: [(name: String, votes: Ratio)]
    /// The revenue-share legs' cost under the plan (empty without legs).
    public var revenueShares: [RevenueShareCost]
    /// Which price each token is valued at and why (a peg or agreed price standing in for a
    /// missing market price says so); empty without token investors.
    public var priceNotes: [TokenPriceNote]
  }

  /// What the comparison needs besides the offers.
  public struct Inputs: Sendable {
    /// Cash on hand before the offer's money, burn and compute need.
    public var runway: RunwayInputs
    /// The token price fall (0.5 for 50 %).
    public var drop: Ratio
    /// The workspace's tokens and prices.
    public var market: TokenMarket
    /// Monthly revenue from the closing (month 1 first), for revenue shares.
    public var revenuePlan: [Ratio]

    /// Inputs.
    public init(runway: RunwayInputs, drop: Ratio, market: TokenMarket, revenuePlan: [Ratio] = []) {
      self.runway = runway
      self.drop = drop
      self.market = market
      self.revenuePlan = revenuePlan
    }
  }

  /// The outcomes, in the order of `offers`.
  public var outcomes: [Outcome]

  /// Prices and projects `offers` on `ledger`.
  public init(_ offers: [Offer], on ledger: Ledger, inputs: Inputs) throws {
    guard inputs.drop >= .zero, inputs.drop <= .one else {
      throw TokenError.invalid("the price drop must be between 0% and 100%")
    }
    outcomes = try offers.map { try Self.outcome($0, on: ledger, inputs) }
  }

  static func outcome(_ offer: Offer, on ledger: Ledger, _ inputs: Inputs) throws -> Outcome {
    let priced = try offer.priced(on: ledger)
    let result = priced.result
    let rows = result.proForma.rows
    let holders = rows.map { row in
      HolderStake(
        key: row.kind == .pool ? "pool" : (row.stakeholder?.rawValue ?? "new:\(row.name)"),
        name: row.name, before: row.before, after: row.after,
        fractionBefore: row.fractionBefore, fractionAfter: row.fractionAfter)
    }
    let after = priced.after
    let fullyDiluted = after.fullyDiluted
    let totalVotes = after.totalVotes
    let people = priced.afterTable.stakeholders.values
    let providers = offer.terms.tokenInvestments.map { investment in
      let shares =
        result.investors.first { $0.investor.name == investment.investor }?.shares ?? .zero
      let id = Stakeholder.named(investment.investor, in: people)?.id
      let held = id.map {
        ((after.stockByHolder[$0] ?? .zero) + (after.rightsByHolder[$0] ?? .zero)).ratio
      }
      let votes = id.flatMap { after.votesByHolder[$0] } ?? .zero
      return ProviderStake(
        name: investment.investor, tokens: investment.tokens, shares: shares,
        fullyDiluted: fullyDiluted > .zero ? (held ?? shares.ratio) / fullyDiluted : .zero,
        votes: totalVotes > .zero ? votes / totalVotes : .zero)
    }
    let control = after.votesByHolder.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      .prefix(3).map {
        (
          name: priced.afterTable.name(of: $0.key),
          votes: totalVotes > .zero ? $0.value / totalVotes : .zero
        )
      }
    let projection = OfferProjection(offer: offer, inputs: inputs)
    return Outcome(
      priced: priced, holders: holders, providers: providers,
      computeUnits: projection.computeUnits,
      runway: projection.run(.redeem, drop: .zero),
      runwayIfSold: projection.run(.sell, drop: .zero),
      runwayAfterDrop: projection.run(.sell, drop: inputs.drop),
      valueToday: projection.tokenValue,
      valueAfterDrop: projection.tokenValue * (.one - inputs.drop),
      liquidity: Self.liquidity(offer), control: Array(control),
      revenueShares: offer.revenueShares.map { RevenueShareCost($0, plan: inputs.revenuePlan) },
      priceNotes: projection.priceNotes)
  }

  /// What the company can turn into cash.
  static func liquidity(_ offer: Offer) -> String {
    var parts: [String] = []
    if offer.cash > .zero { parts.append("cash in full at closing") }
    if !offer.terms.tokenInvestments.isEmpty {
      parts.append("tokens only as they unlock, sold on the secondary market")
    }
    if !offer.credits.isEmpty { parts.append("credits: compute only, lost when they expire") }
    if !offer.revenueShares.isEmpty { parts.append("revenue-share credits: compute only") }
    if !offer.computeSAFEs.isEmpty {
      parts.append("compute-SAFE: compute only, drawn over its window")
    }
    return parts.joined(separator: "; ")
  }
}
