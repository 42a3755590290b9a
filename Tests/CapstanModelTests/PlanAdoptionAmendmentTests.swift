import CapstanModel
import Testing

/// Issue 15: a plan amendment of the adoption date. Views from the amendment's date on adopt
/// the plan on the new date, views before it on the old one; a write that some view could not
/// replay is refused.
@Suite("Plan amendments of the adoption date")
struct PlanAdoptionAmendmentTests {
  /// Plan Co (incorporated 2025-01-01): Common 10,000,000 authorized, Ada 8,000,000 on
  /// 2025-01-01, "2025 Plan" reserving 1,000,000 recorded as adopted on 2025-06-01.
  struct PlanCo {
    let workspace = InMemoryWorkspace()
    let company: Company.ID
    let ada: Stakeholder.ID
    let plan: StockPlan.ID

    init() throws {
      (company, ada, plan) = try workspace.write { draft in
        let company = try draft.addCompany(
          name: "Plan Co", currency: .usd, incorporated: day("2025-01-01"))
        let ada = try draft.addStakeholder(name: "Ada")
        let common = try draft.addClass(
          ShareClass(id: "x", name: "Common", initialAuthorized: 10_000_000), to: company.id)
        try draft.append(
          [
            (
              day("2025-01-01"),
              .issueStock(
                StockIssuance(
                  security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 8_000_000,
                  pricePerShare: Ratio(1, 10_000)))
            )
          ], to: company.id)
        let plan = try draft.addPlan(
          StockPlan(
            id: "x", name: "2025 Plan", shareClass: common.id, initialReserve: 1_000_000,
            adopted: day("2025-06-01")),
          to: company.id)
        return (company.id, ada.id, plan.id)
      }
    }

    func record(_ date: String, _ event: LedgerEvent) throws {
      try workspace.write { draft in
        _ = try draft.append([(day(date), event)], to: company)
      }
    }

    func amend(on date: String, adopted: String) -> LedgerEvent {
      .amendPlan(PlanAmendment(plan: plan, adopted: day(adopted)))
    }

    func grant(_ id: SecurityID, _ quantity: Int64) -> LedgerEvent {
      .grantOptions(
        OptionGrant(
          security: id, holder: ada, plan: plan, quantity: Shares(quantity),
          strike: Ratio(1, 10)))
    }

    func table(_ date: String) throws -> CapTable {
      try workspace.ledger(for: company).replay(asOf: day(date))
    }
  }

  /// Amended on 2025-03-01 to adopted 2025-02-01: as of 2025-02-28 the plan is not adopted
  /// (the 2025-06-01 in force then); from 2025-03-01 its pool of 1,000,000 exists, and a grant
  /// of 100,000 on 2025-03-15 leaves 900,000 available.
  @Test func viewsFromTheAmendmentOnUseTheNewDate() throws {
    let co = try PlanCo()
    try co.record("2025-03-01", co.amend(on: "2025-03-01", adopted: "2025-02-01"))
    #expect(try co.table("2025-02-28").plans[co.plan] == nil)
    let amended = try #require(try co.table("2025-03-01").plans[co.plan])
    #expect(amended.available == Shares(1_000_000))
    #expect(amended.definition.adopted == day("2025-02-01"))
    try co.record("2025-03-15", co.grant("OP-1", 100_000))
    #expect(try co.table("2025-03-15").plans[co.plan]?.available == Shares(900_000))
    let ledger = try co.workspace.ledger(for: co.company)
    #expect(ledger.plans(asOf: day("2025-02-28")).first?.adopted == day("2025-06-01"))
    #expect(ledger.plans(asOf: nil).first?.adopted == day("2025-02-01"))
  }

  /// A grant dated 2025-02-15, before the amendment's date, is refused: the view as of
  /// 2025-02-15 still has the plan adopted on 2025-06-01. Nothing is written.
  @Test func aGrantBeforeTheAmendmentsDateIsRefused() throws {
    let co = try PlanCo()
    try co.record("2025-03-01", co.amend(on: "2025-03-01", adopted: "2025-02-01"))
    #expect(throws: LedgerFailure.self) { try co.record("2025-02-15", co.grant("OP-1", 1_000)) }
    #expect(try co.workspace.ledger(for: co.company).transactions.count == 2)
  }

  /// The new adoption date cannot be after the amendment's own date.
  @Test func anAdoptionAfterTheAmendmentIsRefused() throws {
    let co = try PlanCo()
    let failure = #expect(throws: LedgerFailure.self) {
      try co.record("2025-03-01", co.amend(on: "2025-03-01", adopted: "2025-04-01"))
    }
    let message = failure.map { "\($0.error)" } ?? ""
    #expect(message.contains("after the amendment's date 2025-03-01"))
  }

  /// With a grant on 2025-03-15 (after an amendment to 2025-02-01), a second amendment on
  /// 2025-04-01 to adopted 2025-03-20 would put the grant before the adoption in every view
  /// from 2025-04-01: refused, and voiding the first amendment is refused the same way (the
  /// ledger without it puts the grant before 2025-06-01).
  @Test func amendmentsAndVoidsThatStrandAGrantAreRefused() throws {
    let co = try PlanCo()
    try co.record("2025-03-01", co.amend(on: "2025-03-01", adopted: "2025-02-01"))
    try co.record("2025-03-15", co.grant("OP-1", 100_000))
    #expect(throws: LedgerFailure.self) {
      try co.record("2025-04-01", co.amend(on: "2025-04-01", adopted: "2025-03-20"))
    }
    #expect(throws: (any Error).self) {
      try co.workspace.write { draft in
        try draft.void([2], reason: "typo", date: day("2025-05-01"), company: co.company)
      }
    }
    #expect(try co.workspace.ledger(for: co.company).transactions.count == 3)
  }

  /// The last dated entry counts the plan's adoption as amended: with the plan moved from
  /// 2025-06-01 to 2025-02-01 on 2025-03-01 and nothing later, `latestDate` is 2025-03-01.
  @Test func latestDateUsesTheAmendedAdoption() throws {
    let co = try PlanCo()
    #expect(try co.workspace.ledger(for: co.company).latestDate == day("2025-06-01"))
    try co.record("2025-03-01", co.amend(on: "2025-03-01", adopted: "2025-02-01"))
    #expect(try co.workspace.ledger(for: co.company).latestDate == day("2025-03-01"))
  }
}
