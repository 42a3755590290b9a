/// Everything a replay holds between two transactions, in a form that can be encoded: what a
/// stored snapshot keeps (`LedgerSnapshot.state`), and what replay resumes from.
///
/// The company, its stakeholders, classes and plans are not kept: they come from the ledger
/// the replay resumes on, and the snapshot's fingerprint says they are the ones it was taken
/// with. Every value is exact: `Shares` encode as integers, `Ratio` as exact decimal or `n/d`
/// strings.
struct ReplayState: Codable, Equatable, Sendable {
  /// The table's date (the last transaction's, before `finish`).
  var asOf: CalendarDate
  /// Classes with their counters, by id.
  var classes: [ClassState]
  /// Plans adopted so far, with their pools, by id.
  var plans: [PlanState]
  /// Open stock, in the table's own order (`canonical`: by id).
  var stock: [StockPosition]
  /// Stock ids used and not open, by id.
  var closedStock: [SecurityID]
  /// Option grants with anything outstanding, in the table's own order (`canonical`: by id).
  var options: [OptionPosition]
  /// Option ids used and not open, by id.
  var closedOptions: [SecurityID]
  /// SAFEs and notes outstanding, by id.
  var convertibles: [Keyed<ConvertiblePosition>]
  /// Warrants, by id.
  var warrants: [Keyed<WarrantPosition>]
  /// Compute grants, by id.
  var computeGrants: [Keyed<ComputeGrantPosition>]
  /// Compute-SAFEs, by id.
  var computeSAFEs: [Keyed<ComputeSAFEPosition>]
  /// Changes of control so far, in date order.
  var changesOfControl: [CalendarDate]
  /// Other security ids ever used, by id.
  var otherSecurityIDs: [SecurityID]
  /// Plans not adopted yet, in order of adoption (empty for a finished table).
  var pendingPlans: [StockPlan.ID]

  /// A value under its security id.
  struct Keyed<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    /// The security.
    var id: SecurityID
    /// Its position.
    var value: Value
  }

  /// The state of `table` with `pending` plans still to adopt. With `canonical`, the open
  /// positions are in id order too, so two tables with the same contents give equal states
  /// (the tables' own order depends on the order positions closed in).
  init(table: CapTable, pending: some Sequence<StockPlan>, canonical: Bool = false) {
    asOf = table.asOf
    classes = table.classes.values.sorted { $0.definition.id < $1.definition.id }
    plans = table.plans.values.sorted { $0.definition.id < $1.definition.id }
    stock = table.stock.values
    options = table.options.values
    if canonical {
      stock.sort { $0.security < $1.security }
      options.sort { $0.security < $1.security }
    }
    closedStock = table.stock.closedIDs.sorted()
    closedOptions = table.options.closedIDs.sorted()
    convertibles = Self.keyed(table.convertibles)
    warrants = Self.keyed(table.warrants)
    computeGrants = Self.keyed(table.computeGrants)
    computeSAFEs = Self.keyed(table.computeSAFEs)
    changesOfControl = table.changesOfControl
    otherSecurityIDs = table.otherSecurityIDs.sorted()
    pendingPlans = pending.map(\.id)
  }

  private static func keyed<Value: Codable & Equatable & Sendable>(_ values: [SecurityID: Value])
    -> [Keyed<Value>]
  {
    values.map { Keyed(id: $0.key, value: $0.value) }.sorted { $0.id < $1.id }
  }

  /// The table this state describes, for a ledger's company and stakeholders.
  func table(company: Company, stakeholders: [Stakeholder.ID: Stakeholder]) -> CapTable {
    var table = CapTable(company: company, stakeholders: stakeholders, classes: [], plans: [])
    table.asOf = asOf
    table.classes = Dictionary(classes.map { ($0.definition.id, $0) }) { a, _ in a }
    table.plans = Dictionary(plans.map { ($0.definition.id, $0) }) { a, _ in a }
    table.stock = PositionTable(positions: stock, closed: closedStock)
    table.options = PositionTable(positions: options, closed: closedOptions)
    table.convertibles = Self.dictionary(convertibles)
    table.warrants = Self.dictionary(warrants)
    table.computeGrants = Self.dictionary(computeGrants)
    table.computeSAFEs = Self.dictionary(computeSAFEs)
    table.changesOfControl = changesOfControl
    table.otherSecurityIDs = Set(otherSecurityIDs)
    return table
  }

  private static func dictionary<Value: Codable & Equatable & Sendable>(_ values: [Keyed<Value>])
    -> [SecurityID: Value]
  {
    Dictionary(values.map { ($0.id, $0.value) }) { a, _ in a }
  }
}

extension ClassState: Codable, Equatable {
  private enum CodingKeys: String, CodingKey {
    case definition, authorized, outstanding, conversionRatio, conversionPrice
  }

  /// Decodes the terms and the counters.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(definition: try container.decode(ShareClass.self, forKey: .definition))
    authorized = try container.decode(Shares.self, forKey: .authorized)
    outstanding = try container.decode(Shares.self, forKey: .outstanding)
    conversionRatio = try container.decode(Ratio.self, forKey: .conversionRatio)
    conversionPrice = try container.decodeIfPresent(Ratio.self, forKey: .conversionPrice)
  }

  /// Encodes the terms and the counters.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(definition, forKey: .definition)
    try container.encode(authorized, forKey: .authorized)
    try container.encode(outstanding, forKey: .outstanding)
    try container.encode(conversionRatio, forKey: .conversionRatio)
    try container.encodeIfPresent(conversionPrice, forKey: .conversionPrice)
  }

  /// Equal terms and counters.
  public static func == (lhs: ClassState, rhs: ClassState) -> Bool {
    lhs.definition == rhs.definition && lhs.authorized == rhs.authorized
      && lhs.outstanding == rhs.outstanding && lhs.conversionRatio == rhs.conversionRatio
      && lhs.conversionPrice == rhs.conversionPrice
  }
}

extension PlanState: Codable, Equatable {
  private enum CodingKeys: String, CodingKey {
    case definition, available, optionsOutstanding, exercised
  }

  /// Decodes the terms and the pool's counters.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(definition: try container.decode(StockPlan.self, forKey: .definition))
    available = try container.decode(Shares.self, forKey: .available)
    optionsOutstanding = try container.decode(Shares.self, forKey: .optionsOutstanding)
    exercised = try container.decode(Shares.self, forKey: .exercised)
  }

  /// Encodes the terms and the pool's counters.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(definition, forKey: .definition)
    try container.encode(available, forKey: .available)
    try container.encode(optionsOutstanding, forKey: .optionsOutstanding)
    try container.encode(exercised, forKey: .exercised)
  }

  /// Equal terms and counters.
  public static func == (lhs: PlanState, rhs: PlanState) -> Bool {
    lhs.definition == rhs.definition && lhs.shareClass == rhs.shareClass
      && lhs.available == rhs.available && lhs.optionsOutstanding == rhs.optionsOutstanding
      && lhs.exercised == rhs.exercised
  }
}
