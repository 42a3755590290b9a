import CapstanEngine
import CapstanModel
import Testing

@testable import CapstanReports

/// `CapTableQuery`: `capstan table`'s basis and grouping on `RenderedViewTests`' company (Ada
/// 6,000 and Grace 3,000 Common; 400 options of a 1,000 plan to Linus).
@Suite struct CapTableQueryTests {
  static func table() throws -> (CapTable, Ledger) {
    let ledger = try RenderedViewTests.ledger()
    return (try ledger.replay(asOf: RenderedViewTests.date("2025-06-30")), ledger)
  }

  /// The CSV's total column of each row with a total, in order.
  static func totals(_ view: any RenderedView) -> [String] {
    view.csv().split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[5]) }
      .filter { $0 != "0" }
  }

  @Test("fully diluted by holder counts options and the pool; outstanding only the stock")
  func bases() throws {
    let (table, ledger) = try Self.table()
    // Fully diluted: Ada 6,000, Grace 3,000, Linus 400, the pool's 1,000 − 400 = 600 left.
    let diluted = try CapTableQuery().view(of: table, ledger: ledger)
    #expect(diluted is OwnershipTableView)
    #expect(Self.totals(diluted).sorted() == ["3000", "400", "600", "6000"])
    // Outstanding: the stock only, 6,000 + 3,000.
    let outstanding = try CapTableQuery(basis: .outstanding).view(of: table, ledger: ledger)
    #expect(Self.totals(outstanding).sorted() == ["3000", "6000"])
  }

  @Test("by class: one Common row of 9,000 stock (plus the options and pool fully diluted)")
  func byClass() throws {
    let (table, ledger) = try Self.table()
    let view = try CapTableQuery(basis: .outstanding, grouping: .shareClass)
      .view(of: table, ledger: ledger)
    #expect(Self.totals(view) == ["9000"])
  }

  @Test("by security: the register of open securities")
  func bySecurity() throws {
    let (table, ledger) = try Self.table()
    let view = try CapTableQuery(grouping: .security).view(of: table, ledger: ledger)
    let register = try #require(view as? SecurityRegisterView)
    // CS-1 (Ada), CS-2 (Grace), OP-1 (Linus).
    #expect(register.rows.count == 3)
    #expect(register.fullyDiluted)
  }
}
