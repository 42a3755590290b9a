import CapstanModel
import Foundation

/// A totals or subtotal row, and what the rows it adds up come to.
public struct SheetTotal: Sendable {
  /// The 1-based row.
  public var row: Int
  /// The label as written ("Total", "Total Common").
  public var label: String
  /// What a subtotal covers (a class, "options", or the rows since the last total); nil for
  /// the grand total.
  public var scope: String?
  /// Where its quantity is.
  public var location: String
  /// The shares the row states, if any.
  public var shares: Shares?
  /// The cost the row states, if any.
  public var cost: Ratio?
  /// Where its cost is.
  public var costLocation: String
  /// The shares of the rows it covers.
  public var rowsShares: Shares = .zero
  /// The cost of the rows it covers.
  public var rowsCost: Ratio = .zero
  /// Whether the stated shares match the rows only with the option pool added.
  public var includesPool = false
  /// What the rows it covers are, for the report ("all rows", "class Common").
  public var covers = ""

  init(label: SheetRowLabel, text: String, reader: RowReader) throws(ImportError) {
    row = reader.row
    self.label = text
    if case .subtotal(let scope) = label { self.scope = scope } else { scope = nil }
    location = reader.location(.quantity)
    shares = reader.cell(.quantity) == nil ? nil : try reader.shares(.quantity)
    cost = try reader.ratio(.cost)
    costLocation = reader.location(.cost)
  }

  /// Whether the stated shares and cost agree with the rows (cost within half a cent).
  public var sharesMatch: Bool { shares.map { $0 == rowsShares || includesPool } ?? true }
  /// Whether the stated cost agrees with the rows, within half a cent.
  public var costMatches: Bool { cost.map { ($0 - rowsCost).magnitude <= Ratio(1, 200) } ?? true }
}

extension SheetImport {
  /// Adds up the rows each total covers and warns, with both figures, where they differ.
  mutating func reconcileTotals() {
    var previousRow = mapping.headerRow
    let available = pools.reduce(Shares.zero) { $0 + $1.available }
    let classNames = Set(holdings.compactMap { $0.className?.lowercased() })
    for index in totals.indices {
      var total = totals[index]
      let covered: [Holding]
      if let scope = total.scope, !scope.isEmpty,
        let named = classNames.first(where: { name in
          name == scope || name.hasPrefix(scope) || scope.hasPrefix(name)
        })
      {
        covered = holdings.filter { $0.className?.lowercased() == named }
        let written = holdings.first { $0.className?.lowercased() == named }?.className
        total.covers = "class \(written ?? named)"
      } else if let scope = total.scope, scope.contains("option") {
        covered = holdings.filter(\.isOption)
        total.covers = "the options"
      } else if total.scope != nil {
        covered = holdings.filter { $0.row > previousRow && $0.row < total.row }
        total.covers = "rows \(previousRow + 1) to \(total.row - 1)"
      } else {
        covered = holdings
        total.covers = "all rows"
      }
      total.rowsShares = covered.reduce(Shares.zero) { $0 + $1.quantity }
      total.rowsCost = Ratio.sum(covered.filter { !$0.isOption }.map(\.paid))
      if let stated = total.shares, stated != total.rowsShares, total.scope == nil,
        stated == total.rowsShares + available, available > .zero
      {
        total.includesPool = true
      }
      if !total.sharesMatch, let stated = total.shares {
        warnings.append(
          Warning(
            location: total.location,
            message:
              "'\(total.label)' states \(stated) shares; \(total.covers) add up to "
              + "\(total.rowsShares)"
              + (available > .zero && total.scope == nil
                ? " (\(total.rowsShares + available) with the pool)" : "")))
      }
      if !total.costMatches, let stated = total.cost {
        warnings.append(
          Warning(
            location: total.costLocation,
            message:
              "'\(total.label)' states a cost of \(money(stated)); \(total.covers) add "
              + "up to \(money(total.rowsCost))"))
      }
      previousRow = total.row
      totals[index] = total
    }
  }
}
