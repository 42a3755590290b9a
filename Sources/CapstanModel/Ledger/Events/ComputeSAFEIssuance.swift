/// A compute-SAFE as issued: a post-money safe whose purchase amount is paid in metered compute
/// the company draws over a window, at an agreed price per unit.
///
/// The purchase amount is not fixed at issue: it accrues as the company draws compute
/// (`ComputeSAFEDraw`: units × agreed price), except for draws dated inside an SLA breach when
/// the terms suspend accrual (`ComputeSAFEBreach`). At the next priced round the amount accrued
/// by the closing converts exactly as a YC post-money safe with the same cap and discount would;
/// the undrawn commitment does not convert. See docs/compute-safe.md.
public struct ComputeSAFEIssuance: Sendable, Hashable, Codable {
  /// What the commitment is counted in.
  public enum Unit: Sendable, Hashable, Codable {
    /// Tokens of the named compute token (a symbol of the token market).
    case tokens(symbol: String)
    /// GPU-hours.
    case gpuHours

    /// The unit in words: `H100H tokens` or `GPU-hours`.
    public var words: String {
      switch self {
      case .tokens(let symbol): "\(symbol) tokens"
      case .gpuHours: "GPU-hours"
      }
    }
  }

  /// The compute-SAFE's id (`CSAFE-1`).
  public var security: SecurityID
  /// The compute provider: the holder, whose safe it is.
  public var provider: Stakeholder.ID
  /// What the commitment and the draws are counted in.
  public var unit: Unit
  /// The units the provider commits to deliver over the window.
  public var commitment: Ratio
  /// The agreed price per unit: what each unit drawn adds to the purchase amount.
  public var agreedPrice: Ratio
  /// The first day compute can be drawn.
  public var windowStart: CalendarDate
  /// The last day compute can be drawn.
  public var windowEnd: CalendarDate
  /// The post-money valuation cap, if any.
  public var valuationCap: Ratio?
  /// The discount to the round price (0.2 for 20 %), if any.
  public var discount: Ratio?
  /// Whether an SLA breach suspends accrual: draws dated inside a breach period add nothing to
  /// the purchase amount.
  public var slaSuspension: Bool

  /// A compute-SAFE.
  public init(
    security: SecurityID, provider: Stakeholder.ID, unit: Unit, commitment: Ratio,
    agreedPrice: Ratio, windowStart: CalendarDate, windowEnd: CalendarDate,
    valuationCap: Ratio? = nil, discount: Ratio? = nil, slaSuspension: Bool = false
  ) {
    self.security = security
    self.provider = provider
    self.unit = unit
    self.commitment = commitment
    self.agreedPrice = agreedPrice
    self.windowStart = windowStart
    self.windowEnd = windowEnd
    self.valuationCap = valuationCap
    self.discount = discount
    self.slaSuspension = slaSuspension
  }

  /// The purchase amount if the whole commitment is drawn with no breach: commitment × agreed
  /// price.
  public var committedAmount: Ratio { commitment * agreedPrice }

  /// The post-money SAFE the compute-SAFE converts as, with `purchaseAmount` accrued.
  public func safe(purchaseAmount: Ratio) -> SAFEIssuance {
    SAFEIssuance(
      security: security, holder: provider, purchaseAmount: purchaseAmount, kind: .postMoney,
      valuationCap: valuationCap, discount: discount)
  }
}

extension ComputeSAFEIssuance: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.computeSAFE`.
  public static var kind: LedgerEvent.Kind { .computeSAFE }

  /// The event: `LedgerEvent.issueComputeSAFE`.
  public var ledgerEvent: LedgerEvent { .issueComputeSAFE(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] }

  /// What the event can open (`SecurityCapacity`).
  public static var capacity: SecurityCapacity.Opens { .init(claimed: 1) }

  /// The payload with its stakeholder ids passed through the map.
  public func mappingIdentifiers(
    holder: (Stakeholder.ID) -> Stakeholder.ID, shareClass: (ShareClass.ID) -> ShareClass.ID,
    plan: (StockPlan.ID) -> StockPlan.ID
  ) -> Self {
    var copy = self
    copy.provider = holder(copy.provider)
    return copy
  }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.issueComputeSAFE(self, on: date)
  }
}
