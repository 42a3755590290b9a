import CapstanEngine
import CapstanModel
import Testing

/// The order `CompanyCapitalization` lists its holdings in, and the ownership view computed
/// straight from the snapshot's counts agreeing with the one computed from the capitalization.
///
/// The table (entered out of order on purpose): Common; Series A at $1.50 with a conversion
/// price of $1.00 (ratio 3/2); Series B at $1.00 (ratio 1). Bea (id m) 10 Common and 3 Series A
/// (3 × 3/2 = 4.5, floored to 4); Ada (id z) two Series A certificates of 1 (summed first:
/// 2 × 3/2 = 3, where flooring each would give 1 + 1) and 5 Common; Cy (id c) 8 Series B; a
/// second Ada (id y) 8 Common. A plan of 20 on Common grants Dee (id e) 6 and Bea 2; Dee holds
/// a warrant for 3 Common, Eve (id w) one for 2 Series A.
///
/// Stock as converted 4 + 10 + 8 + 3 + 5 + 8 = 38; options and warrants 6 + 3 + 2 + 2 = 13;
/// pool 20 − 6 − 2 = 12; fully diluted 63.
@Suite struct CapitalizationOrderTests {
  static func table() throws -> CapTable {
    let start = CalendarDate(daysSinceEpoch: 19_000)
    let classes = [
      ShareClass(id: "common", name: "Common", initialAuthorized: 1_000),
      ShareClass(
        id: "b", name: "Series B", kind: .preferred, initialAuthorized: 1_000,
        originalIssuePrice: .one),
      ShareClass(
        id: "a", name: "Series A", kind: .preferred, initialAuthorized: 1_000,
        originalIssuePrice: Ratio(3, 2), conversionPrice: .one),
    ]
    let stakeholders = [
      Stakeholder(id: "z", name: "Ada"), Stakeholder(id: "m", name: "Bea"),
      Stakeholder(id: "c", name: "Cy"), Stakeholder(id: "y", name: "Ada"),
      Stakeholder(id: "e", name: "Dee"), Stakeholder(id: "w", name: "Eve"),
    ]
    let plan = StockPlan(
      id: "plan", name: "Plan", shareClass: "common", initialReserve: Shares(20), adopted: start)
    func stock(
      _ security: SecurityID, _ holder: Stakeholder.ID, _ shareClass: ShareClass.ID, _ n: Int64
    )
      -> LedgerEvent
    {
      .issueStock(
        StockIssuance(
          security: security, holder: holder, shareClass: shareClass, quantity: Shares(n),
          pricePerShare: .one))
    }
    let events: [LedgerEvent] = [
      stock("CS-1", "m", "common", 10),
      stock("PS-1", "z", "a", 1),
      .grantOptions(
        OptionGrant(
          security: "OP-1", holder: "e", plan: "plan", quantity: Shares(6), strike: .one)),
      stock("PS-2", "z", "a", 1),
      stock("CS-2", "z", "common", 5),
      .issueWarrant(
        WarrantIssuance(
          security: "W-1", holder: "w", shareClass: "a", quantity: Shares(2), strike: .one)),
      stock("PS-3", "c", "b", 8),
      stock("PS-4", "m", "a", 3),
      .issueWarrant(
        WarrantIssuance(
          security: "W-2", holder: "e", shareClass: "common", quantity: Shares(3), strike: .one)),
      .grantOptions(
        OptionGrant(
          security: "OP-2", holder: "m", plan: "plan", quantity: Shares(2), strike: .one)),
      stock("CS-3", "y", "common", 8),
    ]
    let transactions = events.enumerated().map {
      Transaction(sequence: $0.offset + 1, date: start, event: $0.element)
    }
    let ledger = Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: start),
      stakeholders: stakeholders, classes: classes, plans: [plan], transactions: transactions)
    return try ledger.replay(asOf: start.adding(days: 1))
  }

  /// Stock by holder id (c < m < y < z), then class id (a < b < common); each holder's
  /// certificates of one class summed before they are converted.
  @Test func stockIsOrderedByHolderThenClass() throws {
    let capitalization = CompanyCapitalization(try Self.table())
    let listed = capitalization.stock.map {
      "\($0.holder.rawValue) \($0.shareClass.rawValue) \($0.shares.count) \($0.asConverted.count)"
    }
    #expect(
      listed == [
        "c b 8 8", "m a 3 4", "m common 10 10", "y common 8 8", "z a 2 3", "z common 5 5",
      ])
    #expect(capitalization.stock.map(\.votes) == [8, 4, 10, 8, 3, 5].map { Ratio(Int64($0)) })
    #expect(capitalization.fullyDiluted == Ratio(63))
  }

  /// Rights by holder id, then class id, options before warrants (Dee holds both on Common).
  @Test func rightsAreOrderedByHolderClassAndKind() throws {
    let capitalization = CompanyCapitalization(try Self.table())
    let listed = capitalization.rights.map {
      "\($0.holder.rawValue) \($0.shareClass.rawValue) \($0.kind.rawValue) \($0.outstanding.count)"
    }
    #expect(
      listed == ["e common option 6", "e common warrant 3", "m common option 2", "w a warrant 2"])
    #expect(capitalization.pools.map(\.available) == [Shares(12)])
  }

  /// Fully diluted by holder: Bea 14 + 2 = 16, Dee 0 + 9 = 9, then three lines of 8 (the two
  /// Adas by id, y before z, then Cy), Eve 2, and the pool's 12 last; 63 in all.
  @Test func holderLinesAreLargestFirstThenByNameThenID() throws {
    let view = OwnershipView(try Self.table(), basis: .fullyDiluted, grouping: .holder)
    #expect(view.rows.map(\.name) == ["Bea", "Dee", "Ada", "Ada", "Cy", "Eve", "Plan"])
    #expect(view.rows.map { $0.holder?.rawValue ?? "-" } == ["m", "e", "y", "z", "c", "w", "-"])
    #expect(view.rows.map(\.total.count) == [16, 9, 8, 8, 8, 2, 12])
    #expect(view.rows.map(\.stock.count) == [14, 0, 8, 8, 8, 0, 0])
    #expect(view.total == Shares(63))
    #expect(view.rows[0].fraction == Ratio(16, 63))
  }

  /// Outstanding by holder leaves out Dee and Eve, who hold only options and warrants: 14 + 8
  /// + 8 + 8 = 38.
  @Test func outstandingLinesHoldStockOnly() throws {
    let view = OwnershipView(try Self.table(), basis: .outstanding, grouping: .holder)
    #expect(view.rows.map { $0.holder?.rawValue ?? "-" } == ["m", "y", "z", "c"])
    #expect(view.total == Shares(38))
  }

  /// By class, fully diluted: Common 10 + 5 + 8 = 23 stock, 6 + 2 + 3 = 11 options and
  /// warrants, 12 available (46); Series A 4 + 3 = 7 and Eve's 2 (9); Series B 8.
  @Test func classLinesCountEveryHolder() throws {
    let view = OwnershipView(try Self.table(), basis: .fullyDiluted, grouping: .shareClass)
    #expect(view.rows.map(\.name) == ["Common", "Series A", "Series B"])
    #expect(view.rows.map(\.total.count) == [46, 9, 8])
    #expect(view.rows.map(\.available.count) == [12, 0, 0])
    let outstanding = OwnershipView(try Self.table(), basis: .outstanding, grouping: .shareClass)
    #expect(outstanding.rows.map(\.total.count) == [23, 7, 8])
  }

  /// The view computed from the snapshot equals the one computed from its capitalization, line
  /// for line, on every basis and grouping.
  @Test(arguments: OwnershipBasis.allCases, OwnershipGrouping.allCases)
  func bothWaysToTheViewAgree(basis: OwnershipBasis, grouping: OwnershipGrouping) throws {
    let table = try Self.table()
    let direct = OwnershipView(table, basis: basis, grouping: grouping)
    let fromCapitalization = OwnershipView(
      table, CompanyCapitalization(table), basis: basis, grouping: grouping)
    #expect(direct.rows == fromCapitalization.rows)
    #expect(direct.total == fromCapitalization.total)
  }
}
