import CapstanModel

/// One compute grant as the reports see it on one date: what the token engine knows, reduced to
/// the numbers a report shows. The reports never compute token states themselves; whoever
/// holds the token ledger fills this in (see `ComputeSource`).
///
/// Token counts are exact `Ratio`s. A token stands for `gpuHoursPerToken` GPU-hours.
public struct ComputeExposure: Sendable, Hashable {
  /// The grant's id (`CG-1`).
  public var grant: String
  /// Who granted the tokens (the compute provider, a stakeholder of the company), by name.
  public var grantor: String
  /// The grantor's stakeholder id, which reports join on (nil from a source that knows only a
  /// name: such a grant is shown, never matched to an investor).
  public var grantorID: Stakeholder.ID?
  /// The token's name (`H100-hour`).
  public var token: String
  /// Tokens granted.
  public var granted: Ratio
  /// Tokens unlocked (delivered to the company's account) so far, redeemed ones included.
  public var unlocked: Ratio
  /// Tokens not yet unlocked (and neither clawed back nor expired).
  public var locked: Ratio
  /// Tokens redeemed (GPU-hours used) so far.
  public var redeemed: Ratio
  /// Unlocked tokens the company sold on the market (they leave its position).
  public var sold: Ratio
  /// Tokens that will never be delivered (expired, clawed back).
  public var forfeited: Ratio
  /// GPU-hours per token.
  public var gpuHoursPerToken: Ratio
  /// The reference (peg) price of one token.
  public var peg: Ratio
  /// The market price of one token on the date.
  public var marketPrice: Ratio
  /// The price per token agreed in the deal (investment = tokens × agreed price).
  public var agreedPrice: Ratio
  /// The stock security the tokens paid for, if the ledger links one.
  public var equitySecurity: String?

  /// A grant's numbers; `locked` defaults to granted − unlocked − forfeited.
  public init(
    grant: String, grantor: String, token: String, granted: Ratio, unlocked: Ratio,
    locked: Ratio? = nil, redeemed: Ratio, sold: Ratio = .zero, forfeited: Ratio = .zero,
    gpuHoursPerToken: Ratio = .one, peg: Ratio, marketPrice: Ratio, agreedPrice: Ratio,
    equitySecurity: String? = nil, grantorID: Stakeholder.ID? = nil
  ) {
    self.grantorID = grantorID
    self.grant = grant
    self.grantor = grantor
    self.token = token
    self.granted = granted
    self.unlocked = unlocked
    self.locked = locked ?? max(.zero, granted - unlocked - forfeited)
    self.redeemed = redeemed
    self.sold = sold
    self.forfeited = forfeited
    self.equitySecurity = equitySecurity
    self.gpuHoursPerToken = gpuHoursPerToken
    self.peg = peg
    self.marketPrice = marketPrice
    self.agreedPrice = agreedPrice
  }

  /// Tokens the company still holds to redeem for compute (locked and available): granted,
  /// less forfeited, redeemed and sold.
  public var owedTokens: Ratio { max(.zero, granted - forfeited - redeemed - sold) }
  /// GPU-hours still owed.
  public var gpuHoursOwed: Ratio { owedTokens * gpuHoursPerToken }
  /// GPU-hours delivered (tokens redeemed × hours per token).
  public var gpuHoursDelivered: Ratio { redeemed * gpuHoursPerToken }
  /// The owed tokens at the peg.
  public var valueAtPeg: Ratio { owedTokens * peg }
  /// The owed tokens at the market price: the token position's market value.
  public var valueAtMarket: Ratio { owedTokens * marketPrice }
  /// The investment the grant paid for: tokens granted × agreed price.
  public var consideration: Ratio { granted * agreedPrice }

  /// The same grant with the market price replaced.
  public func repriced(_ price: Ratio) -> ComputeExposure {
    var copy = self
    copy.marketPrice = price
    return copy
  }
}

/// Where reports get compute grants: the token engine, or nothing.
public protocol ComputeSource: Sendable {
  /// Every compute grant of the company as of `date` (end of day).
  func exposures(of company: Company.ID, asOf date: CalendarDate) throws -> [ComputeExposure]
}

/// A workspace without compute grants.
public struct NoComputeSource: ComputeSource {
  /// The empty source.
  public init() {}

  /// No grants.
  public func exposures(of company: Company.ID, asOf date: CalendarDate) throws
    -> [ComputeExposure]
  { [] }
}

/// Fixed grants per company name with unlocks on dates, for tests and benchmarks.
public struct FixedComputeSource: ComputeSource {
  /// One grant's schedule: the grant as of the far future, and dated unlocks and redemptions.
  public struct Grant: Sendable {
    /// The grant, its `unlocked` and `redeemed` ignored (they come from the dated lists).
    public var exposure: ComputeExposure
    /// Tokens unlocked on each date.
    public var unlocks: [(date: CalendarDate, tokens: Ratio)]
    /// Tokens redeemed on each date.
    public var redemptions: [(date: CalendarDate, tokens: Ratio)]
    /// The grant date (nothing before).
    public var date: CalendarDate

    /// A grant.
    public init(
      exposure: ComputeExposure, date: CalendarDate,
      unlocks: [(date: CalendarDate, tokens: Ratio)],
      redemptions: [(date: CalendarDate, tokens: Ratio)] = []
    ) {
      self.exposure = exposure
      self.date = date
      self.unlocks = unlocks
      self.redemptions = redemptions
    }
  }

  /// Grants by company id.
  public var grants: [Company.ID: [Grant]]

  /// A source.
  public init(grants: [Company.ID: [Grant]]) { self.grants = grants }

  /// The grants made on or before `date`, with what unlocked and was redeemed by then.
  public func exposures(of company: Company.ID, asOf date: CalendarDate) throws
    -> [ComputeExposure]
  {
    (grants[company] ?? []).filter { $0.date <= date }.map { grant in
      var exposure = grant.exposure
      exposure.unlocked = Ratio.sum(grant.unlocks.filter { $0.date <= date }.map(\.tokens))
      exposure.redeemed = Ratio.sum(grant.redemptions.filter { $0.date <= date }.map(\.tokens))
      exposure.locked = max(.zero, exposure.granted - exposure.unlocked - exposure.forfeited)
      return exposure
    }
  }
}
