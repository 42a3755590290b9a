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
    company = table.company.name
    asOf = table.asOf
    unconverted = table.classes.values
      .filter { $0.definition.kind == .preferred && !$0.definition.hasConversionRight }
      .map(\.definition.name).sorted()
    self.basis = basis
    self.grouping = grouping

    struct Key: Hashable {
      let holder: Stakeholder.ID
      let shareClass: ShareClass.ID
    }
    var stockByKey: [Key: Shares] = [:]
    for position in table.stock.values {
      stockByKey[Key(holder: position.holder, shareClass: position.shareClass), default: .zero] +=
        position.quantity
    }
    func converted(_ shares: Shares, _ shareClass: ShareClass.ID) -> Shares {
      guard let ratio = table.classes[shareClass]?.conversionRatio, ratio != .one else {
        return shares
      }
      return Shares(Int64(clamping: (shares.ratio * ratio).floor))
    }
    let includeOptions = basis == .fullyDiluted

    var rows: [OwnershipRow] = []
    switch grouping {
    case .holder:
      var byHolder: [Stakeholder.ID: (stock: Shares, options: Shares)] = [:]
      for (key, shares) in stockByKey {
        byHolder[key.holder, default: (.zero, .zero)].stock += converted(shares, key.shareClass)
      }
      if includeOptions {
        for grant in table.options.values where grant.outstanding > .zero {
          byHolder[grant.holder, default: (.zero, .zero)].options += grant.outstanding
        }
        for warrant in table.warrants.values where warrant.outstanding > .zero {
          byHolder[warrant.issuance.holder, default: (.zero, .zero)].options += warrant.outstanding
        }
      }
      rows = byHolder.map { holder, amounts in
        OwnershipRow(
          name: table.name(of: holder), kind: .holder, stock: amounts.stock,
          options: amounts.options,
          available: .zero, fraction: .zero)
      }
      rows.sort { ($0.total, $1.name) > ($1.total, $0.name) }
      if includeOptions {
        let pools = table.plans.values.sorted { $0.definition.name < $1.definition.name }
        for plan in pools where plan.available > .zero {
          rows.append(
            OwnershipRow(
              name: plan.definition.name, kind: .pool, stock: .zero, options: .zero,
              available: plan.available, fraction: .zero))
        }
      }
    case .shareClass:
      var byClass: [ShareClass.ID: Shares] = [:]
      for (key, shares) in stockByKey {
        byClass[key.shareClass, default: .zero] += converted(shares, key.shareClass)
      }
      let ordered = table.classes.values.sorted {
        ($0.definition.kind == .preferred ? 1 : 0, $0.definition.name)
          < ($1.definition.kind == .preferred ? 1 : 0, $1.definition.name)
      }
      func warrants(of id: ShareClass.ID) -> Shares {
        table.warrants.values.filter { $0.issuance.shareClass == id }.reduce(.zero) {
          $0 + $1.outstanding
        }
      }
      for state in ordered {
        let id = state.definition.id
        let plans =
          includeOptions ? table.plans.values.filter { $0.definition.shareClass == id } : []
        let row = OwnershipRow(
          name: state.definition.name, kind: .shareClass, stock: byClass[id] ?? .zero,
          options: plans.reduce(.zero) { $0 + $1.optionsOutstanding }
            + (includeOptions ? warrants(of: id) : .zero),
          available: plans.reduce(.zero) { $0 + $1.available }, fraction: .zero)
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
