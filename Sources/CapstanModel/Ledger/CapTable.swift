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
  public internal(set) var stock: PositionTable<StockPosition>
  /// Option grants with anything outstanding.
  public internal(set) var options: PositionTable<OptionPosition>
  /// SAFEs and convertible notes outstanding.
  public internal(set) var convertibles: [SecurityID: ConvertiblePosition] = [:]
  /// Warrants with anything outstanding.
  public internal(set) var warrants: [SecurityID: WarrantPosition] = [:]
  /// Compute grants the company received, with what was recorded against them.
  public internal(set) var computeGrants: [SecurityID: ComputeGrantPosition] = [:]
  /// Compute-SAFEs issued, with their draws and breaches (converted ones stay, closed).
  public internal(set) var computeSAFEs: [SecurityID: ComputeSAFEPosition] = [:]
  /// Changes of control recorded so far, in date order.
  public internal(set) var changesOfControl: [CalendarDate] = []
  /// Ids of the securities other than stock and option grants ever used (the stock and
  /// option tables remember their own).
  var otherSecurityIDs: Set<SecurityID>
  /// Every security id ever used, so none is reused.
  public var usedSecurityIDs: Set<SecurityID> {
    otherSecurityIDs.union(stock.knownIDs).union(options.knownIDs)
  }
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
    self.stock = PositionTable()
    self.options = PositionTable()
    self.otherSecurityIDs = []
  }

  /// Makes room for every security `events` can open, so replay does not rehash as it grows.
  mutating func reserveCapacity<Events: Sequence<LedgerEvent>>(for events: Events) {
    var capacity = SecurityCapacity()
    for event in events { capacity.count(event) }
    reserveCapacity(capacity)
  }

  /// Makes room for the securities `capacity` counted, beyond those already held (a replay
  /// resumed from a stored snapshot starts with them).
  mutating func reserveCapacity(_ capacity: SecurityCapacity) {
    stock.reserveCapacity(
      open: stock.count + capacity.openStock, ids: stock.knownIDs.count + capacity.stockIDs)
    options.reserveCapacity(
      open: options.count + capacity.grants, ids: options.knownIDs.count + capacity.grants)
    otherSecurityIDs.reserveCapacity(otherSecurityIDs.count + capacity.claimed)
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
  private var stored: Definition<ShareClass>
  /// The class's terms on the snapshot date (as created, or as last amended).
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

  /// Takes amended terms (a `ClassAmendment`); the counters stay.
  mutating func amend(to terms: ShareClass) { stored = Definition(terms) }
}

/// A plan's pool on the snapshot date.
public struct PlanState: Sendable {
  private var stored: Definition<StockPlan>
  /// The plan's terms on the snapshot date (as adopted, or as last amended).
  public var definition: StockPlan { stored.value }
  /// The class the plan's options are exercisable for.
  public let shareClass: ShareClass.ID
  /// Reserved shares not granted: the pool available for new grants.
  public internal(set) var available: Shares
  /// Options granted and neither exercised nor cancelled.
  public internal(set) var optionsOutstanding: Shares
  /// Options of the plan exercised (the shares issued are usually as many; an exercise can record
  /// others, `Exercise.issuedStock`).
  public internal(set) var exercised: Shares

  init(definition: StockPlan) {
    self.stored = Definition(definition)
    self.shareClass = definition.shareClass
    self.available = definition.initialReserve
    self.optionsOutstanding = .zero
    self.exercised = .zero
  }

  /// Takes amended terms (a `PlanAmendment`); the pool's counters stay.
  mutating func amend(to terms: StockPlan) { stored = Definition(terms) }

  /// Shares the plan still reserves against the class's authorized shares.
  public var reserved: Shares { available + optionsOutstanding }
}

/// An open stock security.
public struct StockPosition: SecurityPosition, Hashable, Codable {
  /// Its id.
  public let security: SecurityID
  /// The holder.
  public internal(set) var holder: Stakeholder.ID
  /// The class.
  public let shareClass: ShareClass.ID
  /// Shares held.
  public internal(set) var quantity: Shares
  /// Price paid per share.
  public internal(set) var pricePerShare: Ratio
  /// Date issued (or transferred in).
  public let date: CalendarDate
  /// Its vesting (schedule, richer terms, recorded facts) in one box: nil for stock that is
  /// not restricted, which is most of it, so a position stays small.
  var restriction: StockRestriction?

  /// A position; the vesting parts are boxed together.
  init(
    security: SecurityID, holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares,
    pricePerShare: Ratio, date: CalendarDate, vesting: VestingSchedule?,
    termsReference: VestingTermsReference? = nil
  ) {
    self.init(
      security: security, holder: holder, shareClass: shareClass, quantity: quantity,
      pricePerShare: pricePerShare, date: date,
      restriction: StockRestriction.of(vesting, termsReference, nil))
  }

  /// A position with a restriction already boxed (a transfer's or balance's, from its source).
  init(
    security: SecurityID, holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares,
    pricePerShare: Ratio, date: CalendarDate, restriction: StockRestriction?
  ) {
    self.security = security
    self.holder = holder
    self.shareClass = shareClass
    self.quantity = quantity
    self.pricePerShare = pricePerShare
    self.date = date
    self.restriction = restriction
  }

  /// Vesting of restricted stock, if any.
  public var vesting: VestingSchedule? { restriction?.schedule }
  /// Richer terms, when the issuance had them (they take the place of `vesting`).
  var termsReference: VestingTermsReference? { restriction?.terms }
  /// What the ledger recorded about this stock's vesting, boxed (nil: nothing).
  var factsReference: VestingFactsReference? { restriction?.facts }
  /// What the ledger recorded about this stock's vesting (milestones, change of control,
  /// termination).
  public internal(set) var vestingFacts: VestingFacts {
    get { factsReference?.value ?? .none }
    set {
      restriction = StockRestriction.of(
        vesting, termsReference, newValue.isEmpty ? nil : VestingFactsReference(newValue))
    }
  }

  /// The vesting terms in force: the richer terms, else the plain schedule, else nil (vested).
  public var vestingTerms: VestingTerms? { termsReference?.value ?? vesting.map(VestingTerms.init) }

  /// Shares vested as of `date` (all of them when the stock is not restricted).
  public func vested(asOf date: CalendarDate) -> Shares {
    guard let restriction else { return quantity }
    if restriction.terms == nil && restriction.facts == nil {
      return restriction.schedule?.vested(of: quantity, asOf: date) ?? quantity
    }
    return vestingTerms?.vested(of: quantity, asOf: date, facts: vestingFacts) ?? quantity
  }
}

/// The vesting of a restricted stock position, boxed and shared (a transfer or a balance
/// security keeps its source's).
final class StockRestriction: Sendable, Hashable, Codable {
  /// The plain schedule, if any.
  let schedule: VestingSchedule?
  /// Richer terms, if any (they take the place of `schedule`).
  let terms: VestingTermsReference?
  /// What the ledger recorded about the vesting, if anything.
  let facts: VestingFactsReference?

  private init(
    schedule: VestingSchedule?, terms: VestingTermsReference?, facts: VestingFactsReference?
  ) {
    self.schedule = schedule
    self.terms = terms
    self.facts = facts
  }

  /// A box of the parts, or nil when there are none.
  static func of(
    _ schedule: VestingSchedule?, _ terms: VestingTermsReference?, _ facts: VestingFactsReference?
  ) -> StockRestriction? {
    schedule == nil && terms == nil && facts == nil
      ? nil : StockRestriction(schedule: schedule, terms: terms, facts: facts)
  }

  static func == (lhs: StockRestriction, rhs: StockRestriction) -> Bool {
    lhs === rhs
      || (lhs.schedule == rhs.schedule && lhs.terms == rhs.terms && lhs.facts == rhs.facts)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(schedule)
    hasher.combine(terms)
    hasher.combine(facts)
  }
}

/// An option grant and what is left of it.
public struct OptionPosition: SecurityPosition, Hashable, Codable {
  /// Its id.
  public let security: SecurityID
  /// The grantee.
  public internal(set) var holder: Stakeholder.ID
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
