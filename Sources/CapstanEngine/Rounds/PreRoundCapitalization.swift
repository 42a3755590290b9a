import CapstanModel

/// The capitalization just before a round, as plain numbers by holder or group.
///
/// Build it by hand (tests, what-if models) or from a ledger snapshot with
/// `init(_:proRataHolders:)`. Stock counts as converted into common.
public struct PreRoundCapitalization: Sendable, Hashable, Codable {
  /// What one holder or group holds.
  public struct Holding: Sendable, Hashable, Codable {
    /// The holder's or group's name (unique in the table).
    public var holder: String
    /// Stock held, preferred as converted into common.
    public var stock: Shares
    /// Options outstanding (granted, not exercised, not cancelled).
    public var options: Shares
    /// Whether the holder may buy its pro rata share of the round.
    public var proRataRight: Bool
    /// The stakeholder, when the holding comes from a ledger (the name is for display).
    public var stakeholder: Stakeholder.ID?

    /// A holding of stock and options.
    public init(
      _ holder: String, stock: Shares = .zero, options: Shares = .zero,
      proRataRight: Bool = false
    ) {
      self.holder = holder
      self.stock = stock
      self.options = options
      self.proRataRight = proRataRight
    }
  }

  /// Every holder or group, in the order the pro forma table shows them.
  public var holdings: [Holding]
  /// Shares reserved under the plans and not granted: the unissued pool.
  public var unissuedPool: Shares

  /// A capitalization from holdings and the unissued pool.
  public init(holdings: [Holding], unissuedPool: Shares) {
    self.holdings = holdings
    self.unissuedPool = unissuedPool
  }

  /// Stock plus options plus the unissued pool, exactly.
  public var fullyDiluted: Ratio {
    // Whole counts add without reducing a fraction each time; a total past Int64 (only with
    // counts near the input limit) adds as ratios.
    var total = unissuedPool.count
    for holding in holdings {
      let (withStock, stockOverflow) = total.addingReportingOverflow(holding.stock.count)
      let (sum, optionsOverflow) = withStock.addingReportingOverflow(holding.options.count)
      guard !stockOverflow, !optionsOverflow else {
        return holdings.reduce(unissuedPool.ratio) { $0 + $1.stock.ratio + $1.options.ratio }
      }
      total = sum
    }
    return Ratio(total)
  }
}
