import CapstanModel
import Foundation
import Testing

/// The acceptance example plus a warrant: Grace holds W-1 for 10,000 Common at $0.50, issued
/// 2025-04-01, expiring 2030-04-01. Before any exercise Common has 10,000,000 authorized,
/// 8,000,000 issued, and 1,000,000 (plan) + 10,000 (warrant) = 1,010,000 reserved.
@Suite("Warrant exercise in the ledger")
struct WarrantExerciseTests {
  static let warrant: SecurityID = "W-1"

  static func acme() throws -> Acme {
    let acme = try Acme()
    try acme.record(
      "2025-04-01",
      .issueWarrant(
        WarrantIssuance(
          security: warrant, holder: acme.grace, shareClass: acme.common, quantity: 10_000,
          strike: frac(1, 2), expires: day("2030-04-01"))))
    return acme
  }

  static func exercise(_ quantity: Int64, into id: SecurityID = "CS-3") -> LedgerEvent {
    Event.exercise(warrant, quantity, into: id)
  }

  @Test("4,000 of 10,000 exercised: 6,000 stay outstanding, 4,000 shares issued at $0.50")
  func partialExercise() throws {
    let acme = try Self.acme()
    try acme.record("2025-06-01", Self.exercise(4_000))
    let table = try acme.table()
    // 10,000 − 4,000
    #expect(table.warrants[Self.warrant]?.outstanding == Shares(6_000))
    let issued = try #require(table.stock["CS-3"])
    #expect(issued.holder == acme.grace)
    #expect(issued.shareClass == acme.common)
    #expect(issued.quantity == Shares(4_000))
    #expect(issued.pricePerShare == frac(1, 2))
    #expect(issued.date == day("2025-06-01"))
    // 4,000,000 + 4,000
    #expect(table.stockHeld(by: acme.grace) == Shares(4_004_000))
    // 8,000,000 + 4,000 issued; 1,000,000 + 6,000 reserved
    #expect(table.classes[acme.common]?.outstanding == Shares(8_004_000))
    #expect(table.reserved(for: acme.common) == Shares(1_006_000))
    // Issued + reserved is unchanged: 8,000,000 + 1,010,000 = 8,004,000 + 1,006,000.
    #expect(
      (table.classes[acme.common]?.outstanding ?? .zero) + table.reserved(for: acme.common)
        == Shares(9_010_000))
    // The day before, nothing moved.
    let before = try acme.table(asOf: "2025-05-31")
    #expect(before.warrants[Self.warrant]?.outstanding == Shares(10_000))
    #expect(before.stock["CS-3"] == nil)
  }

  @Test("the rest can be exercised later; the warrant then has nothing outstanding")
  func exerciseInFull() throws {
    let acme = try Self.acme()
    try acme.record("2025-06-01", Self.exercise(4_000))
    try acme.record("2025-07-01", Self.exercise(6_000, into: "CS-4"))
    let table = try acme.table()
    #expect(table.warrants[Self.warrant]?.outstanding == .zero)
    // 8,000,000 + 4,000 + 6,000; reserved back to the plan's 1,000,000
    #expect(table.classes[acme.common]?.outstanding == Shares(8_010_000))
    #expect(table.reserved(for: acme.common) == Shares(1_000_000))
  }

  @Test("exercising more than is outstanding is refused, naming the warrant and its holder")
  func overExercise() throws {
    let acme = try Self.acme()
    let error = acme.refusal("2025-06-01", Self.exercise(10_001))
    #expect(
      error
        == .exceedsWarrant(
          warrant: Self.warrant, holder: "Grace", outstanding: 10_000, requested: 10_001,
          date: day("2025-06-01")))
    #expect(
      error?.description
        == "warrant W-1 (Grace) has 10,000 shares outstanding on 2025-06-01; 10,001 requested")
    // After 4,000, only 6,000 are left.
    try acme.record("2025-06-01", Self.exercise(4_000))
    let again = acme.refusal("2025-07-01", Self.exercise(6_001, into: "CS-4"))
    #expect(
      again
        == .exceedsWarrant(
          warrant: Self.warrant, holder: "Grace", outstanding: 6_000, requested: 6_001,
          date: day("2025-07-01")))
    // Nothing was written by the refusals.
    #expect(try acme.ledger().transactions.count == 5)
  }

  @Test("an expired warrant cannot be exercised")
  func expired() throws {
    let acme = try Self.acme()
    let error = acme.refusal("2030-04-02", Self.exercise(1_000))
    #expect(
      error
        == .warrantExpired(
          warrant: Self.warrant, holder: "Grace", expires: day("2030-04-01"),
          date: day("2030-04-02")))
    #expect(
      error?.description
        == "warrant W-1 (Grace) expired on 2030-04-01; cannot exercise on 2030-04-02")
    // On the expiration date itself it still can.
    try acme.record("2030-04-01", Self.exercise(1_000))
  }

  /// A 2:1 split of Common doubles the warrant and halves its price: 20,000 at $0.25, all of
  /// which can be exercised, for 20,000 shares at $0.25.
  @Test("a split of the class scales the warrant's shares and price")
  func splitScalesTheWarrant() throws {
    let acme = try Self.acme()
    try acme.record("2025-05-01", Event.split(acme.common, frac(2, 1)))
    let split = try acme.table()
    #expect(split.warrants[Self.warrant]?.outstanding == Shares(20_000))
    #expect(split.warrants[Self.warrant]?.strike == frac(1, 4))
    // Reserved: the plan's 1,000,000 → 2,000,000, plus the warrant's 20,000.
    #expect(split.reserved(for: acme.common) == Shares(2_020_000))
    try acme.record("2025-06-01", Self.exercise(20_000))
    let issued = try #require(try acme.table().stock["CS-3"])
    #expect(issued.quantity == Shares(20_000))
    #expect(issued.pricePerShare == frac(1, 4))
  }

  /// A 1:1000 reverse split leaves the warrant 10,000 ÷ 1000 = 10 shares at $500: 4,000 are
  /// more than it holds.
  @Test("after a reverse split the warrant holds the reduced number of shares")
  func reverseSplitShrinksTheWarrant() throws {
    let acme = try Self.acme()
    try acme.record("2025-05-01", Event.split(acme.common, frac(1, 1000)))
    #expect(try acme.table().warrants[Self.warrant]?.strike == frac(500, 1))
    let error = acme.refusal("2025-06-01", Self.exercise(4_000))
    #expect(
      error
        == .exceedsWarrant(
          warrant: Self.warrant, holder: "Grace", outstanding: 10, requested: 4_000,
          date: day("2025-06-01")))
  }

  @Test("zero, a stock security, or a reused resulting id are refused")
  func otherRefusals() throws {
    let acme = try Self.acme()
    #expect(
      acme.refusal("2025-06-01", Self.exercise(0))
        == .nonPositiveQuantity(what: "exercise of warrant W-1", quantity: .zero))
    #expect(
      acme.refusal("2025-06-01", Event.exercise(Acme.adaStock, 1, into: "CS-3"))
        == .wrongSecurityKind(Acme.adaStock, expected: "an option grant or a warrant"))
    #expect(
      acme.refusal("2025-06-01", Self.exercise(1_000, into: Acme.adaStock))
        == .duplicateSecurity(Acme.adaStock))
  }

  @Test("exercise by id through the draft names the new stock CS-n and says so in the ledger")
  func draftExercise() throws {
    let acme = try Self.acme()
    let added = try acme.workspace.write { draft in
      try draft.exercise(
        grant: Self.warrant, quantity: 4_000, date: day("2025-06-01"), company: acme.company)
    }
    guard case .exercise(let exercise) = added.event else {
      Issue.record("not an exercise: \(added.event)")
      return
    }
    // CS-1, CS-2 are taken; OP-1 and W-1 use other prefixes.
    #expect(exercise.resultingSecurity == "CS-3")
    #expect(exercise.quantity == Shares(4_000))
  }
}
