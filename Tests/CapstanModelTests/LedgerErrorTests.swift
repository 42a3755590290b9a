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

  @Test("exceedsVested: before the cliff, and more than vested after it")
  func exceedsVested() throws {
    let acme = try Acme()
    // 2025-03-01 → 2026-02-28 is 11 whole months: before the 12-month cliff, nothing vested
    let early = acme.refusal("2026-02-28", Event.exercise(Acme.linusGrant, 1, into: "CS-3"))
    #expect(
      early
        == .exceedsVested(
          grant: Acme.linusGrant, holder: "Linus", exercisable: 0, requested: 1,
          date: day("2026-02-28")))
    // at 12 months: 250,000 × 12 ÷ 48 = 62,500
    let over = acme.refusal("2026-03-01", Event.exercise(Acme.linusGrant, 62_501, into: "CS-3"))
    #expect(
      over
        == .exceedsVested(
          grant: Acme.linusGrant, holder: "Linus", exercisable: 62_500, requested: 62_501,
          date: day("2026-03-01")))
    let text = over?.description ?? ""
    for part in ["OP-1", "Linus", "62,500", "62,501", "2026-03-01"] {
      #expect(text.contains(part), "\(part) in \(text)")
    }
    // after exercising 62,500, at 13 months floor(250,000 × 13 ÷ 48) − 62,500 = 5,208 remain
    try acme.record("2026-03-01", Event.exercise(Acme.linusGrant, 62_500, into: "CS-3"))
    #expect(
      acme.refusal("2026-04-01", Event.exercise(Acme.linusGrant, 5_209, into: "CS-4"))
        == .exceedsVested(
          grant: Acme.linusGrant, holder: "Linus", exercisable: 5_208, requested: 5_209,
          date: day("2026-04-01")))
    try acme.record("2026-04-01", Event.exercise(Acme.linusGrant, 5_208, into: "CS-4"))
  }

  @Test("cancelled options are no longer exercisable even when vested")
  func exerciseAfterCancellation() throws {
    let acme = try Acme()
    // cancel 200,000 of 250,000; at 13 months 67,708 are vested but only 50,000 remain
    try acme.record("2026-01-01", Event.cancel(Acme.linusGrant, 200_000))
    #expect(
      acme.refusal("2026-04-01", Event.exercise(Acme.linusGrant, 50_001, into: "CS-3"))
        == .exceedsVested(
          grant: Acme.linusGrant, holder: "Linus", exercisable: 50_000, requested: 50_001,
          date: day("2026-04-01")))
  }

  @Test("exceedsHeld: transferring, cancelling or repurchasing more than there is")
  func exceedsHeld() throws {
    let acme = try Acme()
    let transfer = acme.refusal(
      "2025-06-01", Event.transfer(Acme.adaStock, to: acme.grace, 4_000_001, into: "CS-3"))
    #expect(
      transfer
        == .exceedsHeld(
          security: Acme.adaStock, holder: "Ada", held: 4_000_000, requested: 4_000_001))
    let text = transfer?.description ?? ""
    for part in ["CS-1", "Ada", "4,000,000", "4,000,001"] {
      #expect(text.contains(part), "\(part) in \(text)")
    }
    #expect(
      acme.refusal("2025-06-01", Event.cancel(Acme.linusGrant, 250_001))
        == .exceedsHeld(
          security: Acme.linusGrant, holder: "Linus", held: 250_000, requested: 250_001))
    #expect(
      acme.refusal("2025-06-01", Event.cancel(Acme.graceStock, 4_000_001, balance: "CS-3"))
        == .exceedsHeld(
          security: Acme.graceStock, holder: "Grace", held: 4_000_000, requested: 4_000_001))
    #expect(
      acme.refusal("2025-06-01", Event.repurchase(Acme.graceStock, 4_000_001, price: .one))
        == .exceedsHeld(
          security: Acme.graceStock, holder: "Grace", held: 4_000_000, requested: 4_000_001))
    // after exercising 62,500, 187,500 options are left to cancel
    try acme.record("2026-03-01", Event.exercise(Acme.linusGrant, 62_500, into: "CS-3"))
    #expect(
      acme.refusal("2026-03-02", Event.cancel(Acme.linusGrant, 187_501))
        == .exceedsHeld(
          security: Acme.linusGrant, holder: "Linus", held: 187_500, requested: 187_501))
  }

  @Test("wrongSecurityKind: transferring or repurchasing options, exercising stock")
  func wrongSecurityKind() throws {
    let acme = try Acme()
    let expectedStock = "stock (options cannot be transferred or repurchased)"
    let transfer = acme.refusal(
      "2025-06-01", Event.transfer(Acme.linusGrant, to: acme.ada, 1, into: "CS-3"))
    #expect(transfer == .wrongSecurityKind(Acme.linusGrant, expected: expectedStock))
    #expect(transfer?.description.hasPrefix("OP-1 is not stock") == true)
    #expect(
      acme.refusal("2025-06-01", Event.repurchase(Acme.linusGrant, 1, price: .one))
        == .wrongSecurityKind(Acme.linusGrant, expected: expectedStock))
    let exercise = acme.refusal("2026-06-01", Event.exercise(Acme.adaStock, 1, into: "CS-3"))
    #expect(exercise == .wrongSecurityKind(Acme.adaStock, expected: "an option grant or a warrant"))
    #expect(exercise?.description == "CS-1 is not an option grant or a warrant")
  }

  @Test("expired: the expiry date is the last day to exercise")
  func expired() throws {
    let acme = try Acme(expires: day("2026-12-31"))
    let error = acme.refusal("2027-01-01", Event.exercise(Acme.linusGrant, 1, into: "CS-3"))
    #expect(
      error == .expired(grant: Acme.linusGrant, expires: day("2026-12-31"), date: day("2027-01-01"))
    )
    #expect(error?.description == "OP-1 expired on 2026-12-31; cannot exercise on 2027-01-01")
    try acme.record("2026-12-31", Event.exercise(Acme.linusGrant, 1, into: "CS-3"))
  }

  @Test("transferToSelf names the security and the holder")
  func transferToSelf() throws {
    let acme = try Acme()
    let error = acme.refusal(
      "2025-06-01", Event.transfer(Acme.adaStock, to: acme.ada, 1, into: "CS-3", balance: "CS-4"))
    #expect(error == .transferToSelf(Acme.adaStock, holder: "Ada"))
    #expect(error?.description == "CS-1 already belongs to Ada")
  }

  @Test("invalidSplit for a zero or negative ratio", arguments: [frac(0, 1), frac(-2, 1)])
  func invalidSplit(ratio: Ratio) throws {
    let acme = try Acme()
    let error = acme.refusal("2025-06-01", Event.split(acme.common, ratio))
    #expect(error == .invalidSplit(className: "Common"))
    #expect(error?.description.contains("Common") == true)
  }

  @Test("a quantity that overflows the room check is a value error, not a trap")
  func overflowInRoomCheck() throws {
    let acme = try Acme()
    // outstanding + reserved = 9,000,000; + Int64.max overflows
    let error = acme.refusal("2025-06-01", acme.issue("CS-3", to: acme.ada, Int64.max))
    #expect(error == .value(.overflow("9000000 + 9223372036854775807 shares")))
  }

  @Test("a partial action without a balance security id is refused")
  func partialWithoutBalance() throws {
    let acme = try Acme()
    for event in [
      Event.transfer(Acme.adaStock, to: acme.grace, 1, into: "CS-3"),
      Event.cancel(Acme.adaStock, 1),
      Event.repurchase(Acme.adaStock, 1, price: .one),
    ] {
      let error = acme.refusal("2025-06-01", event)
      #expect(error?.description.contains("CS-1") == true)
    }
    #expect(try acme.table().stock[Acme.adaStock]?.quantity == Shares(4_000_000))
  }

  @Test("a split whose result does not fit in Int64 is refused rather than saturated")
  func splitOverflow() throws {
    // 10^13 shares split 10^6:1 (both within what AmountParser accepts) would be 10^19 shares,
    // more than Int64.max ≈ 9.22 × 10^18.
    let company = Company(
      id: "acme", name: "Acme AI", currency: .usd, incorporated: day("2025-01-15"))
    let ada = Stakeholder(id: "ada", name: "Ada")
    let common = ShareClass(id: "common", name: "Common", initialAuthorized: 10_000_000_000_000)
    let ledger = Ledger(
      company: company, stakeholders: [ada], classes: [common],
      transactions: [
        Transaction(
          sequence: 1, date: day("2025-01-15"),
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: ada.id, shareClass: common.id,
              quantity: 10_000_000_000_000, pricePerShare: .zero))),
        Transaction(
          sequence: 2, date: day("2025-02-01"), event: Event.split(common.id, frac(1_000_000, 1))),
      ])
    do {
      let failure = #expect(throws: LedgerFailure.self) { try ledger.replay() }
      if case .value? = failure?.error {
      } else {
        Issue.record("expected a value error, got \(String(describing: failure?.error))")
      }
    }
  }
}
