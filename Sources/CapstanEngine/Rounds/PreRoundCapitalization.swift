import CapstanModel

/// The capitalization just before a round, as plain numbers by holder or group.
///
/// Build it by hand (tests, what-if models) or from a ledger snapshot with
/// `init(_:proRataHolders:)`. Stock counts as converted into common.
public struct PreRoundCapitalization: Sendable, Hashable, Codable {
  /// What one holder or group holds.
  public struct Holding: Sendable, Hashable, Codable {
    /// The holder or group (unique in the table): a stakeholder by id when the holding comes
    /// from a ledger, a named party in a hand-built capitalization.
    public var holder: RoundParticipant
    /// Stock held, preferred as converted into common.
    public var stock: Shares
    /// Options outstanding (granted, not exercised, not cancelled).
    public var options: Shares
    /// Whether the holder may buy its pro rata share of the round.
    public var proRataRight: Bool

    /// A holding of stock and options.
    public init(
      _ holder: RoundParticipant, stock: Shares = .zero, options: Shares = .zero,
      proRataRight: Bool = false
    ) {
      self.holder = holder
      self.stock = stock
      self.options = options
      self.proRataRight = proRataRight
    }

    /// The stakeholder, when the holding comes from a ledger.
    public var stakeholder: Stakeholder.ID? { holder.stakeholder }
    /// The holder's display name.
    public var name: String { holder.name }
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

  /// Stock plus options plus the unissued pool, exactly: `CompanyCapitalization`'s one fully
  /// diluted sum over this table's totals.
  public var fullyDiluted: Ratio {
    CompanyCapitalization.fullyDiluted(
      stockAsConverted: Self.total(holdings.lazy.map(\.stock)),
      rightsOutstanding: Self.total(holdings.lazy.map(\.options)), poolAvailable: unissuedPool.ratio
    )
  }

  /// Whole counts added without reducing a fraction each time; a total past Int64 (only with
  /// counts near the input limit) adds as ratios.
  static func total(_ counts: some Collection<Shares>) -> Ratio {
    var total: Int64 = 0
    for count in counts {
      let (sum, overflow) = total.addingReportingOverflow(count.count)
      guard !overflow else { return Ratio.sum(counts.map(\.ratio)) }
      total = sum
    }
    return Ratio(total)
  }
}
