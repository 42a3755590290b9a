import CapstanEngine
import CapstanModel

/// `capstan table` as any client asks for it: a basis and a grouping on a company's ledger,
/// answered by the view that prints it.
public struct CapTableQuery: Sendable, Hashable {
  /// What the percentages are of.
  public enum Basis: String, Sendable, CaseIterable {
    /// Stock outstanding (preferred as converted).
    case outstanding
    /// Stock, options outstanding and every plan's unissued pool.
    case fullyDiluted = "fully-diluted"
    /// Fully diluted, with the outstanding SAFEs and notes counted as the shares they would
    /// convert into (estimated).
    case fullyDilutedWithConvertibles = "fully-diluted-with-convertibles"
  }

  /// What a row is.
  public enum Grouping: String, Sendable, CaseIterable {
    /// A holder.
    case holder
    /// A class.
    case shareClass = "class"
    /// Each open security, in its own class (not converted).
    case security
  }

  /// The basis.
  public var basis: Basis
  /// The grouping.
  public var grouping: Grouping
  /// The round price the convertibles are estimated at (nil: each at its cap).
  public var roundPrice: Ratio?

  /// A query.
  public init(basis: Basis = .fullyDiluted, grouping: Grouping = .holder, roundPrice: Ratio? = nil)
  {
    self.basis = basis
    self.grouping = grouping
    self.roundPrice = roundPrice
  }

  /// The view of `table` (`ledger` replayed on its date), with a note of `ledger`'s entries
  /// dated after it.
  public func view(of table: CapTable, ledger: Ledger) throws -> any RenderedView {
    let later = ledger.laterEntries(after: table.asOf)
    let company = ledger.company
    if grouping == .security {
      return SecurityRegisterView(
        company: company.name, asOf: table.asOf, fullyDiluted: basis == .fullyDiluted,
        rows: SecurityRegister.rows(
          table, fullyDiluted: basis == .fullyDiluted, customIDs: ledger.customIDs),
        laterEntries: later)
    }
    let grouping: OwnershipGrouping = self.grouping == .shareClass ? .shareClass : .holder
    let estimate = try ConvertibleEstimate(table, on: table.asOf, roundPrice: roundPrice)
    let view =
      switch basis {
      case .outstanding: OwnershipView(table, basis: .outstanding, grouping: grouping)
      case .fullyDiluted: OwnershipView(table, basis: .fullyDiluted, grouping: grouping)
      case .fullyDilutedWithConvertibles:
        OwnershipView(table, grouping: grouping, convertibles: estimate)
      }
    return OwnershipTableView(
      view, estimate: estimate, currency: company.currency, laterEntries: later)
  }
}
