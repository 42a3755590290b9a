/// The state of a company's capitalization on one date: the replay of its ledger up to then.
public struct CapTable: Sendable {
  /// The company.
  public let company: Company
  /// The date this snapshot is as of (end of day).
  public internal(set) var asOf: CalendarDate
  /// Classes with their current authorized shares and conversion terms.
  public internal(set) var classes: [ShareClass.ID: ClassState]
  /// Plans with their pools.
  public internal(set) var plans: [StockPlan.ID: PlanState]
  /// Open stock securities (closed ones are removed).
  public internal(set) var stock: [SecurityID: StockPosition]
  /// Option grants with anything outstanding.
  public internal(set) var options: [SecurityID: OptionPosition]
  /// SAFEs and convertible notes outstanding.
  public internal(set) var convertibles: [SecurityID: ConvertiblePosition] = [:]
  /// Warrants with anything outstanding.
  public internal(set) var warrants: [SecurityID: WarrantPosition] = [:]
  /// Compute grants the company received, with what was recorded against them.
  public internal(set) var computeGrants: [SecurityID: ComputeGrantPosition] = [:]
  /// Changes of control recorded so far, in date order.
  public internal(set) var changesOfControl: [CalendarDate] = []
  /// Every security id ever used, so none is reused.
  public internal(set) var usedSecurityIDs: Set<SecurityID>
  /// Stakeholders known to the ledger, by id.
  public let stakeholders: [Stakeholder.ID: Stakeholder]

  init(
    company: Company, stakeholders: [Stakeholder.ID: Stakeholder], classes: [ShareClass],
    plans: [StockPlan]
  ) {
    self.company = company
    self.asOf = company.incorporated
    self.stakeholders = stakeholders
    self.classes = Dictionary(
      uniqueKeysWithValues: classes.map { ($0.id, ClassState(definition: $0)) })
    self.plans = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, PlanState(definition: $0)) })
    self.stock = [:]
    self.options = [:]
    self.usedSecurityIDs = []
  }

  /// Makes room for every security `events` can open, so replay does not rehash as it grows.
  ///
  /// The counts are upper bounds, not guesses: a dictionary sized for twice what it will hold
  /// is twice the fresh memory to fault in, and twice the buckets a split walks.
  mutating func reserveCapacity<Events: Sequence<LedgerEvent>>(for events: Events) {
    var openStock = 0
    var grants = 0
    var claimed = 0
    for event in events {
      switch event {
      // Each opens one stock security: issue, exercise, and (net of the one it closes) transfer.
      case .issueStock, .exercise, .convert:
        openStock += 1
        claimed += 1
      case .transfer:
        openStock += 1
        claimed += 2
      case .grantOptions:
        grants += 1
        claimed += 1
      // Close one and may open a balance security: never more open than before.
      case .cancel, .repurchase: claimed += 1
      case .issueSAFE, .issueNote, .issueWarrant: claimed += 1
      case .adjustConversionPrice: break
      case .grantCompute: claimed += 1
      case .redeemTokens, .sellTokens, .clawbackTokens: break
      case .changeOfControl, .terminate, .reachMilestone, .accelerateVesting: break
      case .split, .authorizeShares, .increasePool: break
      }
    }
    stock.reserveCapacity(openStock)
    options.reserveCapacity(grants)
    usedSecurityIDs.reserveCapacity(claimed)
  }

  /// The name of a stakeholder, or its id when unknown.
  public func name(of holder: Stakeholder.ID) -> String {
    stakeholders[holder]?.name ?? holder.rawValue
  }
}

/// A shared, immutable copy of a definition, so snapshots copy one pointer instead of every term.
final class Definition<Value: Sendable>: Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// A class's terms and counters on the snapshot date.
public struct ClassState: Sendable {
  private let stored: Definition<ShareClass>
  /// The class as created.
  public var definition: ShareClass { stored.value }
  /// Authorized shares now.
  public internal(set) var authorized: Shares
  /// Shares outstanding (issued and not cancelled or repurchased).
  public internal(set) var outstanding: Shares
  /// Common shares per share on conversion now (changes with splits and anti-dilution).
  public internal(set) var conversionRatio: Ratio
  /// The conversion price now (changes with splits and anti-dilution); nil for common.
  public internal(set) var conversionPrice: Ratio?

  init(definition: ShareClass) {
    self.stored = Definition(definition)
    self.authorized = definition.initialAuthorized
    self.outstanding = .zero
    self.conversionRatio = definition.initialConversionRatio
    self.conversionPrice = definition.conversionPrice ?? definition.originalIssuePrice
  }
}

/// A plan's pool on the snapshot date.
public struct PlanState: Sendable {
  private let stored: Definition<StockPlan>
  /// The plan as adopted.
  public var definition: StockPlan { stored.value }
  /// The class the plan's options are exercisable for.
  public let shareClass: ShareClass.ID
  /// Reserved shares not granted: the pool available for new grants.
  public internal(set) var available: Shares
  /// Options granted and neither exercised nor cancelled.
  public internal(set) var optionsOutstanding: Shares
  /// Shares issued on exercise of the plan's options.
  public internal(set) var exercised: Shares

  init(definition: StockPlan) {
    self.stored = Definition(definition)
    self.shareClass = definition.shareClass
    self.available = definition.initialReserve
    self.optionsOutstanding = .zero
    self.exercised = .zero
  }

  /// Shares the plan still reserves against the class's authorized shares.
  public var reserved: Shares { available + optionsOutstanding }
}

/// An open stock security.
public struct StockPosition: Sendable, Hashable {
  /// Its id.
  public let security: SecurityID
  /// The holder.
  public let holder: Stakeholder.ID
  /// The class.
  public let shareClass: ShareClass.ID
  /// Shares held.
  public internal(set) var quantity: Shares
  /// Price paid per share.
  public internal(set) var pricePerShare: Ratio
  /// Date issued (or transferred in).
  public let date: CalendarDate
  /// Vesting of restricted stock, if any.
  public let vesting: VestingSchedule?
  /// Richer terms, when the issuance had them (they take the place of `vesting`).
  var termsReference: VestingTermsReference? = nil
  /// What the ledger recorded about this stock's vesting, boxed (nil: nothing).
  var factsReference: VestingFactsReference? = nil
  /// What the ledger recorded about this stock's vesting (milestones, change of control,
  /// termination).
  public internal(set) var vestingFacts: VestingFacts {
    get { factsReference?.value ?? .none }
    set { factsReference = newValue.isEmpty ? nil : VestingFactsReference(newValue) }
  }

  /// The vesting terms in force: the richer terms, else the plain schedule, else nil (vested).
  public var vestingTerms: VestingTerms? { termsReference?.value ?? vesting.map(VestingTerms.init) }

  /// Shares vested as of `date` (all of them when the stock is not restricted).
  public func vested(asOf date: CalendarDate) -> Shares {
    if termsReference == nil && factsReference == nil {
      return vesting?.vested(of: quantity, asOf: date) ?? quantity
    }
    return vestingTerms?.vested(of: quantity, asOf: date, facts: vestingFacts) ?? quantity
  }
}

/// An option grant and what is left of it.
public struct OptionPosition: Sendable, Hashable {
  /// Its id.
  public let security: SecurityID
  /// The grantee.
  public let holder: Stakeholder.ID
  /// The plan.
  public let plan: StockPlan.ID
  /// Options granted (after splits).
  public internal(set) var granted: Shares
  /// Options exercised so far.
  public internal(set) var exercised: Shares
  /// Options cancelled so far.
  public internal(set) var cancelled: Shares
  /// Exercise price per share (after splits).
  public internal(set) var strike: Ratio
  /// Grant date.
  public let date: CalendarDate
  /// Vesting, if any.
  public internal(set) var vesting: VestingSchedule?
  /// Last exercise date, if any.
  public let expires: CalendarDate?
  /// Richer terms, when the grant had them (they take the place of `vesting`).
  var termsReference: VestingTermsReference? = nil
  /// What the ledger recorded about this grant's vesting, boxed (nil: nothing).
  var factsReference: VestingFactsReference? = nil
  /// What the ledger recorded about this grant's vesting (milestones, change of control,
  /// termination).
  public internal(set) var vestingFacts: VestingFacts {
    get { factsReference?.value ?? .none }
    set { factsReference = newValue.isEmpty ? nil : VestingFactsReference(newValue) }
  }

  /// The vesting terms in force: the richer terms, else the plain schedule, else nil (vested).
  public var vestingTerms: VestingTerms? { termsReference?.value ?? vesting.map(VestingTerms.init) }

  /// Options neither exercised nor cancelled.
  public var outstanding: Shares { granted - exercised - cancelled }

  /// Options vested as of `date` (all of the grant when it has no schedule).
  public func vested(asOf date: CalendarDate) -> Shares {
    if termsReference == nil && factsReference == nil {
      guard let vesting else { return granted }
      return vesting.vested(of: granted, asOf: date)
    }
    return vestingTerms?.vested(of: granted, asOf: date, facts: vestingFacts) ?? granted
  }

  /// Options that can be exercised on `date`: vested, not yet exercised, not cancelled.
  public func exercisable(asOf date: CalendarDate) -> Shares {
    max(.zero, min(vested(asOf: date), granted - cancelled) - exercised)
  }
}
