import CapstanModel
import Testing

/// Each `LedgerError` the model raises, triggered on the acceptance example (see `Acme`).
@Suite("Ledger errors")
struct LedgerErrorTests {
  @Test("nonPositiveQuantity for every kind of quantity")
  func nonPositiveQuantity() throws {
    let acme = try Acme()
    let cases: [(String, LedgerEvent, String, Int64)] = [
      ("2025-06-01", acme.issue("CS-3", to: acme.ada, 0), "issuance CS-3", 0),
      ("2025-06-01", acme.issue("CS-3", to: acme.ada, -5), "issuance CS-3", -5),
      ("2025-06-01", acme.grant("OP-2", to: acme.ada, 0), "grant OP-2", 0),
      ("2026-03-01", Event.exercise(Acme.linusGrant, 0, into: "CS-3"), "exercise of OP-1", 0),
      // a negative transfer would create shares out of nothing
      (
        "2025-06-01", Event.transfer(Acme.adaStock, to: acme.grace, -1, into: "CS-3"),
        "transfer of CS-1", -1
      ),
      ("2025-06-01", Event.cancel(Acme.adaStock, 0), "cancellation of CS-1", 0),
      ("2025-06-01", Event.cancel(Acme.linusGrant, -3), "cancellation of OP-1", -3),
      ("2025-06-01", Event.repurchase(Acme.adaStock, 0, price: .one), "repurchase of CS-1", 0),
      ("2025-06-01", Event.increasePool(acme.plan, 0), "pool increase of 2025 Plan", 0),
    ]
    for (date, event, what, quantity) in cases {
      let error = acme.refusal(date, event)
      #expect(error == .nonPositiveQuantity(what: what, quantity: Shares(quantity)), "\(what)")
      #expect(error?.description.contains(what) == true)
      #expect(error?.description.contains("got \(Shares(quantity))") == true)
    }
    #expect(try acme.ledger().transactions.count == 3)
  }

  @Test("negativePrice for issuances, grants and repurchases; a zero price is allowed")
  func negativePrice() throws {
    let acme = try Acme()
    let cases: [(LedgerEvent, String)] = [
      (acme.issue("CS-3", to: acme.ada, 10, price: frac(-1, 100)), "issuance CS-3"),
      (acme.grant("OP-2", to: acme.ada, 10, strike: frac(-1, 10)), "grant OP-2"),
      (
        Event.repurchase(Acme.adaStock, 10, price: frac(-1, 1), balance: "CS-3"),
        "repurchase of CS-1"
      ),
    ]
    for (event, what) in cases {
      let error = acme.refusal("2025-06-01", event)
      #expect(error == .negativePrice(what: what))
      #expect(error?.description == "\(what): the price must not be negative")
    }
    try acme.record("2025-06-01", acme.issue("CS-3", to: acme.ada, 10, price: .zero))
  }

  @Test("beforeIncorporation names the date, the company and its incorporation")
  func beforeIncorporation() throws {
    let acme = try Acme()
    let error = acme.refusal("2025-01-14", acme.issue("CS-3", to: acme.ada, 10))
    #expect(
      error
        == .beforeIncorporation(
          date: day("2025-01-14"), incorporated: day("2025-01-15"), company: "Acme AI"))
    #expect(error?.description == "2025-01-14 is before Acme AI was incorporated (2025-01-15)")
    // any kind of transaction, e.g. a split
    #expect(
      acme.refusal("2024-12-31", Event.split(acme.common, frac(2, 1)))
        == .beforeIncorporation(
          date: day("2024-12-31"), incorporated: day("2025-01-15"), company: "Acme AI"))
  }

  @Test("unknownStakeholder, unknownClass, unknownPlan name what was asked for")
  func unknownReferences() throws {
    let acme = try Acme()
    let nobody = Stakeholder.ID("nobody")
    #expect(
      acme.refusal("2025-06-01", acme.issue("CS-3", to: nobody, 1)) == .unknownStakeholder("nobody")
    )
    #expect(
      acme.refusal("2025-06-01", acme.grant("OP-2", to: nobody, 1)) == .unknownStakeholder("nobody")
    )
    let transfer = acme.refusal(
      "2025-06-01", Event.transfer(Acme.adaStock, to: nobody, 1, into: "CS-3", balance: "CS-4"))
    #expect(transfer == .unknownStakeholder("nobody"))
    #expect(transfer?.description.contains("'nobody'") == true)

    let preferred = ShareClass.ID("preferred")
    let issue = acme.refusal(
      "2025-06-01", acme.issue("CS-3", to: acme.ada, 1, shareClass: preferred))
    #expect(issue == .unknownClass("preferred"))
    #expect(issue?.description.contains("'preferred'") == true)
    #expect(acme.refusal("2025-06-01", Event.authorize(preferred, 5)) == .unknownClass("preferred"))
    #expect(
      acme.refusal("2025-06-01", Event.split(preferred, frac(2, 1))) == .unknownClass("preferred"))

    let later = StockPlan.ID("2030-plan")
    let grant = acme.refusal("2025-06-01", acme.grant("OP-2", to: acme.ada, 1, plan: later))
    #expect(grant == .unknownPlan("2030-plan"))
    #expect(grant?.description.contains("'2030-plan'") == true)
    #expect(acme.refusal("2025-06-01", Event.increasePool(later, 1)) == .unknownPlan("2030-plan"))
  }

  @Test("a plan does not exist before its adoption date")
  func planBeforeAdoption() throws {
    let acme = try Acme()
    let plan = try acme.workspace.write { draft in
      try draft.addPlan(
        StockPlan(
          id: "x", name: "2026 Plan", shareClass: acme.common, initialReserve: 500_000,
          adopted: day("2025-06-01")),
        to: acme.company)
    }
    // the room at adoption: 10,000,000 − 8,000,000 − 1,000,000 = 1,000,000 ≥ 500,000
    #expect(try acme.table().plans[plan.id]?.available == Shares(500_000))
    #expect(try acme.table(asOf: "2025-05-31").plans[plan.id] == nil)
    #expect(
      acme.refusal("2025-05-31", acme.grant("OP-2", to: acme.ada, 1, plan: plan.id))
        == .unknownPlan(plan.id.rawValue))
    try acme.record("2025-06-01", acme.grant("OP-2", to: acme.ada, 1, plan: plan.id))
  }

  @Test("unknownSecurity: never issued, closed, or not yet issued on the date")
  func unknownSecurity() throws {
    let acme = try Acme()
    let error = acme.refusal("2025-06-01", Event.transfer("CS-99", to: acme.ada, 1, into: "CS-3"))
    #expect(error == .unknownSecurity("CS-99", date: day("2025-06-01")))
    #expect(error?.description.contains("CS-99") == true)
    #expect(error?.description.contains("2025-06-01") == true)
    #expect(
      acme.refusal("2026-06-01", Event.exercise("OP-9", 1, into: "CS-3"))
        == .unknownSecurity("OP-9", date: day("2026-06-01")))
    #expect(
      acme.refusal("2025-06-01", Event.cancel("CS-99", 1))
        == .unknownSecurity("CS-99", date: day("2025-06-01")))
    // CS-1 closed by a full transfer cannot be acted on again
    try acme.record(
      "2025-06-01", Event.transfer(Acme.adaStock, to: acme.linus, 4_000_000, into: "CS-3"))
    #expect(
      acme.refusal("2025-07-01", Event.repurchase(Acme.adaStock, 1, price: .zero))
        == .unknownSecurity(Acme.adaStock, date: day("2025-07-01")))
    // CS-4 issued on 2025-08-01 does not exist on 2025-07-31
    try acme.record("2025-08-01", acme.issue("CS-4", to: acme.ada, 100))
    #expect(
      acme.refusal("2025-07-31", Event.cancel("CS-4", 1))
        == .unknownSecurity("CS-4", date: day("2025-07-31")))
  }

  @Test("duplicateSecurity: an id is never used twice, even once closed")
  func duplicateSecurity() throws {
    let acme = try Acme()
    let error = acme.refusal("2025-06-01", acme.issue(Acme.adaStock, to: acme.linus, 1))
    #expect(error == .duplicateSecurity(Acme.adaStock))
    #expect(error?.description == "security id CS-1 is already used")
    #expect(
      acme.refusal("2025-06-01", acme.grant(Acme.graceStock, to: acme.linus, 1))
        == .duplicateSecurity(Acme.graceStock))
    #expect(
      acme.refusal("2026-06-01", Event.exercise(Acme.linusGrant, 1, into: Acme.linusGrant))
        == .duplicateSecurity(Acme.linusGrant))
    // resulting and balance the same id
    #expect(
      acme.refusal(
        "2025-06-01",
        Event.transfer(Acme.adaStock, to: acme.grace, 1, into: "CS-3", balance: "CS-3"))
        == .duplicateSecurity("CS-3"))
    // a closed security's id stays taken
    try acme.record(
      "2025-06-01", Event.transfer(Acme.adaStock, to: acme.grace, 4_000_000, into: "CS-3"))
    #expect(
      acme.refusal("2025-07-01", acme.issue(Acme.adaStock, to: acme.ada, 1))
        == .duplicateSecurity(Acme.adaStock))
  }

  @Test("exceedsAuthorized: 2,500,000 more Common when 1,000,000 remain")
  func exceedsAuthorized() throws {
    let acme = try Acme()
    let failure = #expect(throws: LedgerFailure.self) {
      try acme.record("2025-06-01", acme.issue("CS-3", to: acme.linus, 2_500_000))
    }
    // authorized 10,000,000; issued 4,000,000 × 2; reserved 750,000 available + 250,000 granted
    #expect(
      failure?.error
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 1_000_000, requested: 2_500_000))
    let text = failure?.error.description ?? ""
    for part in ["Common", "10,000,000", "8,000,000", "1,000,000", "2,500,000"] {
      #expect(text.contains(part), "\(part) in \(text)")
    }
    // the failure names the transaction: the 4th recorded, an issue, on its date
    #expect(failure?.context == "transaction 4 (issue, 2025-06-01)")
    #expect(failure?.transaction?.sequence == 4)
    #expect(failure?.description.hasPrefix("transaction 4 (issue, 2025-06-01): Common has") == true)
  }

  @Test("exceedsAuthorized when adopting a plan that does not fit")
  func planExceedsAuthorized() throws {
    let acme = try Acme()
    let failure = #expect(throws: LedgerFailure.self) {
      try acme.workspace.write { draft in
        try draft.addPlan(
          StockPlan(
            id: "x", name: "Big Plan", shareClass: acme.common, initialReserve: 1_000_001,
            adopted: day("2025-06-01")),
          to: acme.company)
      }
    }
    // room: 10,000,000 − 8,000,000 − 1,000,000 = 1,000,000 < 1,000,001
    #expect(
      failure?.error
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 1_000_000, requested: 1_000_001))
    #expect(failure?.context.contains("Big Plan") == true)
  }

  @Test("authorizedBelowCommitted: below 8,000,000 issued + 1,000,000 reserved")
  func authorizedBelowCommitted() throws {
    let acme = try Acme()
    let error = acme.refusal("2025-06-01", Event.authorize(acme.common, 8_999_999))
    #expect(
      error
        == .authorizedBelowCommitted(
          className: "Common", newTotal: 8_999_999, outstanding: 8_000_000, reserved: 1_000_000))
    let text = error?.description ?? ""
    for part in ["Common", "8,999,999", "8,000,000", "1,000,000"] {
      #expect(text.contains(part), "\(part) in \(text)")
    }
    // negative totals are refused the same way
    #expect(
      acme.refusal("2025-06-01", Event.authorize(acme.common, -1))
        == .authorizedBelowCommitted(
          className: "Common", newTotal: -1, outstanding: 8_000_000, reserved: 1_000_000))
  }

  @Test("exceedsPool: 750,001 options when 750,000 are available")
  func exceedsPool() throws {
    let acme = try Acme()
    let error = acme.refusal("2025-06-01", acme.grant("OP-2", to: acme.ada, 750_001))
    #expect(error == .exceedsPool(plan: "2025 Plan", available: 750_000, requested: 750_001))
    let text = error?.description ?? ""
    for part in ["2025 Plan", "750,000", "750,001"] {
      #expect(text.contains(part), "\(part) in \(text)")
    }
    try acme.record("2025-06-01", acme.grant("OP-2", to: acme.ada, 750_000))
  }
}
