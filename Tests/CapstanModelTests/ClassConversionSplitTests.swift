import CapstanModel
import Foundation
import Testing

/// NVCA model charter 4.7: a split adjusts the conversion of the classes that convert into the
/// split class, and only those.
@Suite("Class conversion and splits")
struct ClassConversionSplitTests {
  /// Common A and Common B; Series Std (the default: preferred into common, OIP $2 ÷ CP $1 =
  /// 2:1), Series Into-B (3:1 into Common B), Series None (no conversion right); 100 shares of
  /// each preferred class issued; then `split` of one class by 2.
  static func table(splitting name: String) throws -> (
    before: CapTable, after: CapTable, ids: [String: ShareClass.ID]
  ) {
    let workspace = InMemoryWorkspace()
    var ids: [String: ShareClass.ID] = [:]
    let company = try workspace.write { draft in
      let company = try draft.addCompany(
        name: "Splitco", currency: .usd, incorporated: day("2025-01-01"))
      let holder = try draft.addStakeholder(name: "Ada")
      for name in ["Common A", "Common B"] {
        ids[name] = try draft.addClass(
          ShareClass(id: "x", name: name, initialAuthorized: 1_000_000), to: company.id
        ).id
      }
      let classes: [(String, ClassConversion, Ratio?, Ratio?)] = [
        ("Series Std", .standard, Ratio(2), Ratio(1)),
        (
          "Series Into-B",
          .into(target: ids["Common B"] ?? "x", ratio: Ratio(3), rounding: .floor), nil, nil
        ),
        ("Series None", ClassConversion.none, nil, nil),
      ]
      var events: [(date: CalendarDate, event: LedgerEvent)] = []
      for (n, (name, conversion, oip, cp)) in classes.enumerated() {
        let id = try draft.addClass(
          ShareClass(
            id: "x", name: name, kind: .preferred, initialAuthorized: 1_000_000,
            originalIssuePrice: oip, conversionPrice: cp, conversion: conversion),
          to: company.id
        ).id
        ids[name] = id
        events.append(
          (
            day("2025-01-01"),
            .issueStock(
              StockIssuance(
                security: SecurityID("PS-\(n)"), holder: holder.id, shareClass: id,
                quantity: 100, pricePerShare: .one))
          ))
      }
      events.append(
        (day("2025-06-01"), .split(StockSplit(shareClass: ids[name] ?? "x", ratio: Ratio(2)))))
      try draft.append(events, to: company.id)
      return company.id
    }
    let ledger = try workspace.ledger(for: company)
    return (
      try ledger.replay(asOf: day("2025-05-31")), try ledger.replay(asOf: day("2025-06-01")), ids
    )
  }

  @Test("a split of Common A doubles only the default preferred class's ratio")
  func splitOfCommonA() throws {
    let (before, after, ids) = try Self.table(splitting: "Common A")
    func ratio(_ table: CapTable, _ name: String) -> Ratio? {
      table.classes[ids[name] ?? "x"]?.conversionRatio
    }
    // Std: 2 → 4 (CP $1 → $0.50); Into-B: 3 stays (it converts into Common B); None: 1 stays.
    #expect(ratio(before, "Series Std") == Ratio(2))
    #expect(ratio(after, "Series Std") == Ratio(4))
    #expect(after.classes[ids["Series Std"] ?? "x"]?.conversionPrice == Ratio(1, 2))
    #expect(ratio(after, "Series Into-B") == Ratio(3))
    #expect(ratio(after, "Series None") == .one)
  }

  @Test("a split of Common B doubles the class that converts into it, and the default one")
  func splitOfCommonB() throws {
    let (_, after, ids) = try Self.table(splitting: "Common B")
    // Into-B: 3 × 2 = 6; Std converts into any common (the default): 2 × 2 = 4; None stays 1.
    #expect(after.classes[ids["Series Into-B"] ?? "x"]?.conversionRatio == Ratio(6))
    #expect(after.classes[ids["Series Std"] ?? "x"]?.conversionRatio == Ratio(4))
    #expect(after.classes[ids["Series None"] ?? "x"]?.conversionRatio == .one)
  }

  @Test("a split of a class without a conversion right leaves its ratio at 1")
  func splitOfNone() throws {
    let (_, after, ids) = try Self.table(splitting: "Series None")
    // 100 shares become 200, each counted as itself.
    #expect(after.classes[ids["Series None"] ?? "x"]?.conversionRatio == .one)
    #expect(after.classes[ids["Series None"] ?? "x"]?.outstanding == Shares(200))
    // A split of Series Into-B halves its own ratio: 100 × 3 = 300 = 200 × 3/2.
    let (_, intoB, idsB) = try Self.table(splitting: "Series Into-B")
    #expect(intoB.classes[idsB["Series Into-B"] ?? "x"]?.conversionRatio == Ratio(3, 2))
  }

  @Test("a class that converts into a class the company does not have is refused")
  func unknownTarget() throws {
    let workspace = InMemoryWorkspace()
    #expect(throws: LedgerError.self) {
      try workspace.write { draft in
        let company = try draft.addCompany(
          name: "Splitco", currency: .usd, incorporated: day("2025-01-01"))
        _ = try draft.addClass(
          ShareClass(
            id: "x", name: "A", kind: .preferred, initialAuthorized: 10,
            conversion: .into(target: "missing", ratio: nil, rounding: .floor)),
          to: company.id)
      }
    }
  }
}
