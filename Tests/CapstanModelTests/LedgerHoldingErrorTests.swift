import CapstanModel
import Testing

/// The `LedgerError`s about what a holder has (vesting, holdings, kinds, expiry, splits),
/// triggered on the acceptance example (see `Acme`).
@Suite("Ledger errors: holdings")
struct LedgerHoldingErrorTests {
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
