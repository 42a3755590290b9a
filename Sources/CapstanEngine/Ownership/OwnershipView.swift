import CapstanModel

/// Which securities count toward ownership.
public enum OwnershipBasis: String, Sendable, CaseIterable, Codable {
  /// Issued stock only (preferred as converted into common).
  case outstanding
  /// Stock as converted, plus options outstanding, plus every plan's unissued pool.
  case fullyDiluted = "fully-diluted"
}

/// How ownership rows are grouped.
public enum OwnershipGrouping: String, Sendable, CaseIterable, Codable {
  /// One row per stakeholder (and, fully diluted, one per plan pool).
  case holder
  /// One row per share class.
  case shareClass = "class"
}

/// One line of an ownership table.
public struct OwnershipRow: Sendable, Hashable {
  /// What the line is.
  public enum Kind: String, Sendable, Codable {
    /// A stakeholder's holdings.
    case holder
    /// A plan's unissued pool.
    case pool
    /// A share class.
    case shareClass = "class"
  }

  /// Stakeholder, plan or class name.
  public var name: String
  /// What the line is.
  public var kind: Kind
  /// Stock held, preferred as converted into common.
  public var stock: Shares
  /// Options and warrants outstanding (fully diluted only).
  public var options: Shares
  /// Unissued pool (fully diluted only).
  public var available: Shares
  /// Exact share of the total: `total / table total`.
  public var fraction: Ratio
  /// Shares a SAFE or note would convert into, estimated (`ConvertibleEstimate`).
  public var estimated: Shares = .zero
  /// The stakeholder of a holder line (nil for pools, classes and estimates).
  public var holder: Stakeholder.ID?
  /// The class of a class line (nil otherwise).
  public var shareClass: ShareClass.ID?

  /// `stock + options + available + estimated`.
  public var total: Shares { stock + options + available + estimated }
}

/// Ownership of a company on one basis as of one date; fractions are exact and add up to 1.
///
/// Preferred stock counts as converted into common at its current conversion ratio, per holder
/// and class, fractions of a share dropped (as Carta shows it). A class without a conversion
/// right counts as its own shares (`unconverted`).
public struct OwnershipView: Sendable {
  /// Preferred classes with no conversion right, counted as their own shares, by name.
  public let unconverted: [String]
  /// The company's name.
  public let company: String
  /// The snapshot date.
  public let asOf: CalendarDate
  /// The basis.
  public let basis: OwnershipBasis
  /// The grouping.
  public let grouping: OwnershipGrouping
  /// Lines, largest first; pools last.
  public let rows: [OwnershipRow]
  /// The sum of every line's total.
  public let total: Shares
  /// The convertibles' estimated conversions counted in, when the view includes them.
  public private(set) var convertibles: ConvertibleEstimate?

  /// Computes the view from a snapshot.
  ///
  /// Reads the snapshot's tally (`CapitalizationTally`, what `CompanyCapitalization` orders)
  /// directly: the view orders its own lines, so nothing is sorted by id first.
  public init(_ table: CapTable, basis: OwnershipBasis, grouping: OwnershipGrouping) {
    let tally = CapitalizationTally(table)
    let includeOptions = basis == .fullyDiluted
    var rows: [OwnershipRow] = []
    switch grouping {
    case .holder:
      rows.reserveCapacity(tally.holders.count)
      for holder in tally.holders.indices {
        let hasStock = tally.firstStock[holder] >= 0
        guard hasStock || (includeOptions && tally.firstRight[holder] >= 0) else { continue }
        var stock = Shares.zero
        tally.forEachStock(of: holder) { stock += tally.asConverted($0) }
        var options = Shares.zero
        if includeOptions { tally.forEachRight(of: holder) { options += $0.outstanding } }
        let id = tally.holders[holder]
        rows.append(
          OwnershipRow(
            name: table.name(of: id), kind: .holder, stock: stock, options: options,
            available: .zero, fraction: .zero, holder: id))
      }
      rows = OwnershipView.holderRows(
        rows, pools: includeOptions ? CompanyCapitalization.pools(of: table) : [])
    case .shareClass:
      var stock = [Shares](repeating: .zero, count: tally.classes.count)
      for cell in tally.stock { stock[Int(cell.shareClass)] += tally.asConverted(cell) }
      var rights = [Shares](repeating: .zero, count: tally.classes.count)
      if includeOptions {
        for cell in tally.rights { rights[Int(cell.shareClass)] += cell.outstanding }
      }
      rows = OwnershipView.classRows(
        table, stock: Dictionary(uniqueKeysWithValues: zip(tally.classes, stock)),
        rights: Dictionary(uniqueKeysWithValues: zip(tally.classes, rights)),
        pools: includeOptions ? CompanyCapitalization.pools(of: table) : [])
    }
    self.init(table, basis: basis, grouping: grouping, rows: rows)
  }

  /// Computes the view from a snapshot and its capitalization (counted once, by the caller).
  public init(
    _ table: CapTable, _ capitalization: CompanyCapitalization, basis: OwnershipBasis,
    grouping: OwnershipGrouping
  ) {
    let includeOptions = basis == .fullyDiluted
    var rows: [OwnershipRow] = []
    switch grouping {
    case .holder:
      var byHolder: [Stakeholder.ID: (stock: Shares, options: Shares)] = [:]
      for holding in capitalization.stock {
        byHolder[holding.holder, default: (.zero, .zero)].stock += holding.asConverted
      }
      if includeOptions {
        for holding in capitalization.rights {
          byHolder[holding.holder, default: (.zero, .zero)].options += holding.outstanding
        }
      }
      rows = OwnershipView.holderRows(
        byHolder.map { holder, amounts in
          OwnershipRow(
            name: table.name(of: holder), kind: .holder, stock: amounts.stock,
            options: amounts.options, available: .zero, fraction: .zero, holder: holder)
        }, pools: includeOptions ? capitalization.pools : [])
    case .shareClass:
      var rights: [ShareClass.ID: Shares] = [:]
      if includeOptions {
        for holding in capitalization.rights {
          rights[holding.shareClass, default: .zero] += holding.outstanding
        }
      }
      rows = OwnershipView.classRows(
        table, stock: capitalization.stockByClass, rights: rights,
        pools: includeOptions ? capitalization.pools : [])
    }
    self.init(table, basis: basis, grouping: grouping, rows: rows)
  }

  /// The view of `rows` (fractions not yet set).
  private init(
    _ table: CapTable, basis: OwnershipBasis, grouping: OwnershipGrouping, rows: [OwnershipRow]
  ) {
    company = table.company.name
    asOf = table.asOf
    unconverted = table.classes.values
      .filter { $0.definition.kind == .preferred && !$0.definition.hasConversionRight }
      .map(\.definition.name).sorted()
    self.basis = basis
    self.grouping = grouping
    let total = rows.reduce(Shares.zero) { $0 + $1.total }
    self.total = total
    self.rows = rows.map { row in
      var row = row
      row.fraction = total > .zero ? Ratio(row.total.count, total.count) : .zero
      return row
    }
  }

  /// Holder lines largest first (then by name, then by stakeholder id), then a line for each
  /// pool with shares available, in the pools' order.
  private static func holderRows(_ holders: [OwnershipRow], pools: [CompanyCapitalization.Pool])
    -> [OwnershipRow]
  {
    // Sorted by position, so the comparisons read a total and rarely a name, and the lines
    // (about a hundred bytes each) are moved once.
    let totals = holders.map(\.total)
    let order = holders.indices.sorted { i, j in
      if totals[i] != totals[j] { return totals[i] > totals[j] }
      let (first, second) = (holders[i], holders[j])
      if first.name != second.name { return first.name < second.name }
      return (first.holder?.rawValue ?? "") < (second.holder?.rawValue ?? "")
    }
    var rows = order.map { holders[$0] }
    for pool in pools where pool.available > .zero {
      rows.append(
        OwnershipRow(
          name: pool.name, kind: .pool, stock: .zero, options: .zero, available: pool.available,
          fraction: .zero))
    }
    return rows
  }

  /// A line for each class with anything counted, common first, then by name; `pools` add
  /// their available shares to their class.
  private static func classRows(
    _ table: CapTable, stock: [ShareClass.ID: Shares], rights: [ShareClass.ID: Shares],
    pools: [CompanyCapitalization.Pool]
  ) -> [OwnershipRow] {
    var available: [ShareClass.ID: Shares] = [:]
    for pool in pools { available[pool.shareClass, default: .zero] += pool.available }
    let ordered = table.classes.values.sorted {
      ($0.definition.kind == .preferred ? 1 : 0, $0.definition.name)
        < ($1.definition.kind == .preferred ? 1 : 0, $1.definition.name)
    }
    var rows: [OwnershipRow] = []
    for state in ordered {
      let id = state.definition.id
      let row = OwnershipRow(
        name: state.definition.name, kind: .shareClass, stock: stock[id] ?? .zero,
        options: rights[id] ?? .zero, available: available[id] ?? .zero, fraction: .zero,
        shareClass: id)
      if row.total > .zero { rows.append(row) }
    }
    return rows
  }
}

extension OwnershipView {
  /// The fully diluted view with each outstanding convertible's estimated conversion added as a
  /// line of its own (by holder) or one line for them all (by class); fractions recomputed.
  public init(_ table: CapTable, grouping: OwnershipGrouping, convertibles: ConvertibleEstimate) {
    let base = OwnershipView(table, basis: .fullyDiluted, grouping: grouping)
    var rows = base.rows
    let estimated = convertibles.lines.filter { $0.shares > .zero }
    switch grouping {
    case .holder:
      for line in estimated {
        rows.append(
          OwnershipRow(
            name: "\(line.holder) (\(line.security), estimated)", kind: .holder, stock: .zero,
            options: .zero, available: .zero, fraction: .zero, estimated: line.shares))
      }
    case .shareClass:
      if !estimated.isEmpty {
        rows.append(
          OwnershipRow(
            name: "SAFEs and notes (estimated)", kind: .shareClass, stock: .zero,
            options: .zero, available: .zero, fraction: .zero,
            estimated: convertibles.totalShares))
      }
    }
    let total = rows.reduce(Shares.zero) { $0 + $1.total }
    self.company = base.company
    self.asOf = base.asOf
    self.unconverted = base.unconverted
    self.basis = .fullyDiluted
    self.grouping = grouping
    self.total = total
    self.rows = rows.map { row in
      var row = row
      row.fraction = total > .zero ? Ratio(row.total.count, total.count) : .zero
      return row
    }
    self.convertibles = convertibles
  }
}
