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
  public init(_ table: CapTable, basis: OwnershipBasis, grouping: OwnershipGrouping) {
    self.init(table, CompanyCapitalization(table), basis: basis, grouping: grouping)
  }

  /// Computes the view from a snapshot and its capitalization (counted once, by the caller).
  public init(
    _ table: CapTable, _ capitalization: CompanyCapitalization, basis: OwnershipBasis,
    grouping: OwnershipGrouping
  ) {
    company = table.company.name
    asOf = table.asOf
    unconverted = table.classes.values
      .filter { $0.definition.kind == .preferred && !$0.definition.hasConversionRight }
      .map(\.definition.name).sorted()
    self.basis = basis
    self.grouping = grouping
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
      rows = byHolder.map { holder, amounts in
        OwnershipRow(
          name: table.name(of: holder), kind: .holder, stock: amounts.stock,
          options: amounts.options, available: .zero, fraction: .zero, holder: holder)
      }
      rows.sort {
        ($0.total, $1.name, $1.holder?.rawValue ?? "")
          > ($1.total, $0.name, $0.holder?.rawValue ?? "")
      }
      if includeOptions {
        for pool in capitalization.pools where pool.available > .zero {
          rows.append(
            OwnershipRow(
              name: pool.name, kind: .pool, stock: .zero, options: .zero,
              available: pool.available, fraction: .zero))
        }
      }
    case .shareClass:
      let byClass = capitalization.stockByClass
      var rights: [ShareClass.ID: Shares] = [:]
      var available: [ShareClass.ID: Shares] = [:]
      if includeOptions {
        for holding in capitalization.rights {
          rights[holding.shareClass, default: .zero] += holding.outstanding
        }
        for pool in capitalization.pools {
          available[pool.shareClass, default: .zero] += pool.available
        }
      }
      let ordered = table.classes.values.sorted {
        ($0.definition.kind == .preferred ? 1 : 0, $0.definition.name)
          < ($1.definition.kind == .preferred ? 1 : 0, $1.definition.name)
      }
      for state in ordered {
        let id = state.definition.id
        let row = OwnershipRow(
          name: state.definition.name, kind: .shareClass, stock: byClass[id] ?? .zero,
          options: rights[id] ?? .zero, available: available[id] ?? .zero, fraction: .zero,
          shareClass: id)
        if row.total > .zero { rows.append(row) }
      }
    }
    let total = rows.reduce(Shares.zero) { $0 + $1.total }
    self.total = total
    self.rows = rows.map { row in
      var row = row
      row.fraction = total > .zero ? Ratio(row.total.count, total.count) : .zero
      return row
    }
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
