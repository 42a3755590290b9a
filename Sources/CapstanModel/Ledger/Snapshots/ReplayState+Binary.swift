import Foundation

/// The binary form of a replay state, what a stored snapshot keeps (issue 19; format in
/// `docs/architecture.md`, "Snapshots").
///
/// A format byte; then the stakeholder, class and plan ids, each once, in tables the positions
/// refer to by varint index; the few and rich values (classes, plans, convertibles, warrants,
/// compute grants and compute-SAFEs, changes of control, plans to adopt, and the distinct
/// richer vesting terms and recorded vesting facts) as one JSON section; then the stock and
/// option positions, tens of thousands of them, as fixed field sequences of varints (shares
/// and ratios exact: 64-bit integers as zigzag varints, BigInt magnitudes only when a value
/// does not fit), their plain vesting schedules inline and their richer terms and facts by
/// index; the ids used and not open; and a checksum of everything before it. Decoding checks
/// every length, index, date and denominator and the checksum, so a damaged row is refused
/// (replay then starts from the first transaction), never read as another table.
extension ReplayState {
  /// The binary format this version writes; the first byte of every state.
  static let binaryFormat: UInt8 = 2

  /// The state as a snapshot stores it.
  func encoded() throws -> Data {
    var ids = InternedIDs()
    var body = SnapshotWriter()
    body.count(stock.count)
    for position in stock {
      body.string(position.security.rawValue)
      body.count(ids.holders.index(of: position.holder))
      body.count(ids.classes.index(of: position.shareClass))
      body.shares(position.quantity)
      body.ratio(position.pricePerShare)
      body.date(position.date)
      let restriction = position.restriction
      ids.vesting(restriction?.schedule, restriction?.terms, restriction?.facts, into: &body)
    }
    Self.ids(closedStock, into: &body)
    body.count(options.count)
    for position in options {
      body.string(position.security.rawValue)
      body.count(ids.holders.index(of: position.holder))
      body.count(ids.plans.index(of: position.plan))
      body.shares(position.granted)
      body.shares(position.exercised)
      body.shares(position.cancelled)
      body.ratio(position.strike)
      body.date(position.date)
      body.date(position.expires)
      ids.vesting(
        position.vesting, position.termsReference, position.factsReference, into: &body)
    }
    Self.ids(closedOptions, into: &body)
    Self.ids(otherSecurityIDs, into: &body)

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let terms = try encoder.encode(
      Terms(
        classes: classes, plans: plans, convertibles: convertibles, warrants: warrants,
        computeGrants: computeGrants, computeSAFEs: computeSAFEs,
        changesOfControl: changesOfControl, pendingPlans: pendingPlans,
        vestingTerms: ids.terms.values, vestingFacts: ids.facts.values))
    var state = SnapshotWriter()
    state.byte(Self.binaryFormat)
    state.date(asOf)
    for table in [ids.holders.values, ids.classes.values, ids.plans.values] {
      state.count(table.count)
      for id in table { state.string(id) }
    }
    state.data(terms)
    state.append(body.bytes)
    state.seal()
    return Data(state.bytes)
  }

  /// The state a snapshot stored; throws when it is of another format, truncated or damaged.
  static func decoded(from data: Data) throws -> ReplayState {
    // The format first: a state of another format is refused as such, whatever follows.
    guard data.first == binaryFormat else {
      throw SnapshotStateError.format(found: data.first.map(Int.init) ?? -1)
    }
    var reader = try SnapshotReader(sealed: data)
    _ = try reader.byte()
    let asOf = try reader.date()
    let holders = try Self.table(&reader, as: Stakeholder.ID.self)
    let classIDs = try Self.table(&reader, as: ShareClass.ID.self)
    let planIDs = try Self.table(&reader, as: StockPlan.ID.self)
    let terms = try JSONDecoder().decode(Terms.self, from: Data(try reader.data()))
    let vesting = VestingTables(terms: terms.vestingTerms, facts: terms.vestingFacts)

    let stockCount = try reader.count()
    var stock: [StockPosition] = []
    stock.reserveCapacity(stockCount)
    for _ in 0..<stockCount {
      let security = SecurityID(try reader.string())
      let holder = holders[try reader.index(below: holders.count)]
      let shareClass = classIDs[try reader.index(below: classIDs.count)]
      let quantity = try reader.shares()
      let price = try reader.ratio()
      let date = try reader.date()
      let parts = try vesting.read(&reader)
      stock.append(
        StockPosition(
          security: security, holder: holder, shareClass: shareClass, quantity: quantity,
          pricePerShare: price, date: date,
          restriction: StockRestriction.of(parts.schedule, parts.terms, parts.facts)))
    }
    let closedStock = try Self.ids(&reader)
    let optionCount = try reader.count()
    var options: [OptionPosition] = []
    options.reserveCapacity(optionCount)
    for _ in 0..<optionCount {
      let security = SecurityID(try reader.string())
      let holder = holders[try reader.index(below: holders.count)]
      let plan = planIDs[try reader.index(below: planIDs.count)]
      let granted = try reader.shares()
      let exercised = try reader.shares()
      let cancelled = try reader.shares()
      let strike = try reader.ratio()
      let date = try reader.date()
      let expires = try reader.optionalDate()
      let parts = try vesting.read(&reader)
      options.append(
        OptionPosition(
          security: security, holder: holder, plan: plan, granted: granted,
          exercised: exercised, cancelled: cancelled, strike: strike, date: date,
          vesting: parts.schedule, expires: expires, termsReference: parts.terms,
          factsReference: parts.facts))
    }
    let closedOptions = try Self.ids(&reader)
    let otherSecurityIDs = try Self.ids(&reader)
    guard reader.isAtEnd else {
      throw SnapshotStateError.corrupt("bytes after the last field", at: reader.offset)
    }
    return ReplayState(
      asOf: asOf, classes: terms.classes, plans: terms.plans, stock: stock,
      closedStock: closedStock, options: options, closedOptions: closedOptions,
      convertibles: terms.convertibles, warrants: terms.warrants,
      computeGrants: terms.computeGrants, computeSAFEs: terms.computeSAFEs,
      changesOfControl: terms.changesOfControl, otherSecurityIDs: otherSecurityIDs,
      pendingPlans: terms.pendingPlans)
  }

  /// A state of these parts (what decoding builds).
  private init(
    asOf: CalendarDate, classes: [ClassState], plans: [PlanState], stock: [StockPosition],
    closedStock: [SecurityID], options: [OptionPosition], closedOptions: [SecurityID],
    convertibles: [Keyed<ConvertiblePosition>], warrants: [Keyed<WarrantPosition>],
    computeGrants: [Keyed<ComputeGrantPosition>], computeSAFEs: [Keyed<ComputeSAFEPosition>],
    changesOfControl: [CalendarDate], otherSecurityIDs: [SecurityID], pendingPlans: [StockPlan.ID]
  ) {
    self.asOf = asOf
    self.classes = classes
    self.plans = plans
    self.stock = stock
    self.closedStock = closedStock
    self.options = options
    self.closedOptions = closedOptions
    self.convertibles = convertibles
    self.warrants = warrants
    self.computeGrants = computeGrants
    self.computeSAFEs = computeSAFEs
    self.changesOfControl = changesOfControl
    self.otherSecurityIDs = otherSecurityIDs
    self.pendingPlans = pendingPlans
  }

  /// The few and rich parts of the state, and the distinct vesting terms and facts the
  /// positions refer to by index: one JSON section.
  private struct Terms: Codable {
    var classes: [ClassState]
    var plans: [PlanState]
    var convertibles: [Keyed<ConvertiblePosition>]
    var warrants: [Keyed<WarrantPosition>]
    var computeGrants: [Keyed<ComputeGrantPosition>]
    var computeSAFEs: [Keyed<ComputeSAFEPosition>]
    var changesOfControl: [CalendarDate]
    var pendingPlans: [StockPlan.ID]
    var vestingTerms: [VestingTermsReference]
    var vestingFacts: [VestingFactsReference]
  }

  private static func ids(_ ids: [SecurityID], into writer: inout SnapshotWriter) {
    writer.count(ids.count)
    for id in ids { writer.string(id.rawValue) }
  }

  private static func ids(_ reader: inout SnapshotReader) throws -> [SecurityID] {
    let count = try reader.count()
    var ids: [SecurityID] = []
    ids.reserveCapacity(count)
    for _ in 0..<count { ids.append(SecurityID(try reader.string())) }
    return ids
  }

  private static func table<Tag>(
    _ reader: inout SnapshotReader, as: Identifier<Tag>.Type
  ) throws -> [Identifier<Tag>] {
    let count = try reader.count()
    var ids: [Identifier<Tag>] = []
    ids.reserveCapacity(count)
    for _ in 0..<count { ids.append(Identifier<Tag>(try reader.string())) }
    return ids
  }
}

/// Values numbered in the order first seen, for the state's tables.
private struct Interned<Value: Hashable> {
  private(set) var values: [Value] = []
  private var indices: [Value: Int] = [:]

  /// The value's number, giving it the next one when new.
  mutating func index(of value: Value) -> Int {
    if let known = indices[value] { return known }
    indices[value] = values.count
    values.append(value)
    return values.count - 1
  }
}

/// The tables a state's positions refer to, built while encoding them.
private struct InternedIDs {
  var holders = Interned<String>()
  var classes = Interned<String>()
  var plans = Interned<String>()
  var terms = Interned<VestingTermsReference>()
  var facts = Interned<VestingFactsReference>()

  /// Appends a position's vesting: a byte of which parts it has, the plain schedule's fields,
  /// and the richer terms' and the facts' indices.
  mutating func vesting(
    _ schedule: VestingSchedule?, _ terms: VestingTermsReference?,
    _ facts: VestingFactsReference?, into writer: inout SnapshotWriter
  ) {
    let parts: UInt8 =
      (schedule == nil ? 0 : 1) | (terms == nil ? 0 : 2) | (facts == nil ? 0 : 4)
    writer.byte(parts)
    if let schedule {
      writer.date(schedule.start)
      writer.signed(Int64(schedule.totalMonths))
      writer.signed(Int64(schedule.cliffMonths))
      writer.signed(Int64(schedule.frequencyMonths))
    }
    if let terms { writer.count(self.terms.index(of: terms)) }
    if let facts { writer.count(self.facts.index(of: facts)) }
  }
}

extension Interned where Value == String {
  /// The number of an identifier's text.
  fileprivate mutating func index<Tag>(of id: Identifier<Tag>) -> Int { index(of: id.rawValue) }
}

/// The decoded vesting terms and facts positions refer to.
private struct VestingTables {
  let terms: [VestingTermsReference]
  let facts: [VestingFactsReference]

  /// The next position's vesting parts.
  func read(_ reader: inout SnapshotReader) throws -> (
    schedule: VestingSchedule?, terms: VestingTermsReference?, facts: VestingFactsReference?
  ) {
    let parts = try reader.byte()
    guard parts < 8 else {
      throw SnapshotStateError.corrupt("vesting parts \(parts)", at: reader.offset - 1)
    }
    var schedule: VestingSchedule?
    if parts & 1 != 0 {
      let start = try reader.date()
      let total = try reader.signed()
      let cliff = try reader.signed()
      let frequency = try reader.signed()
      schedule = VestingSchedule(
        start: start, totalMonths: Int(total), cliffMonths: Int(cliff),
        frequencyMonths: Int(frequency))
    }
    let terms = parts & 2 == 0 ? nil : self.terms[try reader.index(below: self.terms.count)]
    let facts = parts & 4 == 0 ? nil : self.facts[try reader.index(below: self.facts.count)]
    return (schedule, terms, facts)
  }
}
