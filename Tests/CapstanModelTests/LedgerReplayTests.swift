import CapstanModel
import Foundation
import Testing

@Suite("Ledger replay: the acceptance example and each kind of transaction")
struct LedgerReplayTests {
  @Test("the acceptance example after every transaction")
  func acceptance() throws {
    let acme = try Acme()
    let table = try acme.table()
    #expect(table.asOf == day("2025-03-01"))
    let common = try #require(table.classes[acme.common])
    // 4,000,000 + 4,000,000
    #expect(common.outstanding == Shares(8_000_000))
    #expect(common.authorized == Shares(10_000_000))
    let plan = try #require(table.plans[acme.plan])
    // 1,000,000 reserved − 250,000 granted
    #expect(plan.available == Shares(750_000))
    #expect(plan.optionsOutstanding == Shares(250_000))
    #expect(plan.exercised == .zero)
    #expect(plan.reserved == Shares(1_000_000))
    #expect(table.reserved(for: acme.common) == Shares(1_000_000))
    #expect(table.stockHeld(by: acme.ada) == Shares(4_000_000))
    #expect(table.stockHeld(by: acme.grace) == Shares(4_000_000))
    #expect(table.stockHeld(by: acme.linus) == .zero)
    let grant = try #require(table.options[Acme.linusGrant])
    #expect(grant.holder == acme.linus)
    #expect(grant.granted == Shares(250_000))
    #expect(grant.outstanding == Shares(250_000))
    #expect(grant.strike == frac(1, 10))
    let ada = try #require(table.stock[Acme.adaStock])
    #expect(ada.pricePerShare == frac(1, 10000))
    #expect(ada.date == day("2025-01-15"))
    #expect(table.usedSecurityIDs == [Acme.adaStock, Acme.graceStock, Acme.linusGrant])
    #expect(table.name(of: acme.ada) == "Ada")
    #expect(table.company.name == "Acme AI")
  }

  @Test("as of 2025-02-01 there are no options and the whole pool is available")
  func acceptanceBeforeGrant() throws {
    let acme = try Acme()
    let table = try acme.table(asOf: "2025-02-01")
    #expect(table.asOf == day("2025-02-01"))
    #expect(table.options.isEmpty)
    #expect(table.plans[acme.plan]?.available == Shares(1_000_000))
    #expect(table.plans[acme.plan]?.optionsOutstanding == .zero)
    #expect(table.classes[acme.common]?.outstanding == Shares(8_000_000))
    // the day before incorporation: nothing yet, the plan not adopted
    let before = try acme.table(asOf: "2025-01-14")
    #expect(before.stock.isEmpty)
    #expect(before.plans.isEmpty)
    #expect(before.classes[acme.common]?.outstanding == .zero)
  }

  @Test("exercise after the cliff turns options into stock at the strike")
  func exercise() throws {
    let acme = try Acme()
    // 2026-03-01 is 12 months after the grant: 250,000 × 12 ÷ 48 = 62,500 vested
    #expect(
      try acme.table(asOf: "2026-03-01").options[Acme.linusGrant]?
        .exercisable(asOf: day("2026-03-01")) == Shares(62_500))
    try acme.record("2026-03-01", Event.exercise(Acme.linusGrant, 62_500, into: "CS-3"))
    let table = try acme.table()
    #expect(table.classes[acme.common]?.outstanding == Shares(8_062_500))
    let plan = try #require(table.plans[acme.plan])
    #expect(plan.optionsOutstanding == Shares(187_500))  // 250,000 − 62,500
    #expect(plan.exercised == Shares(62_500))
    #expect(plan.available == Shares(750_000))  // the pool is not touched
    let grant = try #require(table.options[Acme.linusGrant])
    #expect(grant.exercised == Shares(62_500))
    #expect(grant.outstanding == Shares(187_500))
    let stock = try #require(table.stock["CS-3"])
    #expect(stock.holder == acme.linus)
    #expect(stock.shareClass == acme.common)
    #expect(stock.quantity == Shares(62_500))
    #expect(stock.pricePerShare == frac(1, 10))
    // one month on: floor(250,000 × 13 ÷ 48) = floor(67,708.33) = 67,708; 67,708 − 62,500
    #expect(grant.exercisable(asOf: day("2026-04-01")) == Shares(5_208))
    // reserved: 750,000 available + 187,500 outstanding = 937,500
    #expect(table.reserved(for: acme.common) == Shares(937_500))
  }

  @Test("a partial transfer closes the security and opens resulting and balance securities")
  func partialTransfer() throws {
    let acme = try Acme()
    try acme.record(
      "2025-06-01",
      Event.transfer(Acme.adaStock, to: acme.grace, 1_000_000, into: "CS-3", balance: "CS-4"))
    let table = try acme.table()
    #expect(table.stock[Acme.adaStock] == nil)
    let resulting = try #require(table.stock["CS-3"])
    #expect(resulting.holder == acme.grace)
    #expect(resulting.quantity == Shares(1_000_000))
    #expect(resulting.pricePerShare == frac(1, 10000))  // the cost basis travels
    #expect(resulting.date == day("2025-06-01"))
    let balance = try #require(table.stock["CS-4"])
    #expect(balance.holder == acme.ada)
    #expect(balance.quantity == Shares(3_000_000))  // 4,000,000 − 1,000,000
    #expect(table.stockHeld(by: acme.grace) == Shares(5_000_000))  // 4,000,000 + 1,000,000
    #expect(table.classes[acme.common]?.outstanding == Shares(8_000_000))  // unchanged
    // before the transfer, the old security is still open
    #expect(try acme.table(asOf: "2025-05-31").stock[Acme.adaStock]?.quantity == Shares(4_000_000))
  }

  @Test("a full transfer needs no balance security")
  func fullTransfer() throws {
    let acme = try Acme()
    try acme.record(
      "2025-06-01", Event.transfer(Acme.adaStock, to: acme.linus, 4_000_000, into: "CS-3"))
    let table = try acme.table()
    #expect(table.stock[Acme.adaStock] == nil)
    #expect(table.stockHeld(by: acme.ada) == .zero)
    #expect(table.stockHeld(by: acme.linus) == Shares(4_000_000))
    #expect(table.stock.count == 2)
  }

  @Test("restricted stock keeps its vesting through a transfer")
  func restrictedStock() throws {
    let acme = try Acme()
    let vesting = VestingSchedule(start: day("2025-06-01"), totalMonths: 48, cliffMonths: 12)
    try acme.record("2025-06-01", acme.issue("CS-3", to: acme.linus, 480_000, vesting: vesting))
    try acme.record(
      "2025-07-01", Event.transfer("CS-3", to: acme.grace, 100_000, into: "CS-4", balance: "CS-5"))
    let table = try acme.table()
    #expect(table.stock["CS-4"]?.vesting == vesting)
    #expect(table.stock["CS-5"]?.vesting == vesting)
    #expect(table.stock["CS-5"]?.quantity == Shares(380_000))
  }

  @Test("a partial stock cancellation leaves a balance security and lowers outstanding")
  func partialCancellation() throws {
    let acme = try Acme()
    try acme.record("2025-06-01", Event.cancel(Acme.graceStock, 500_000, balance: "CS-3"))
    let table = try acme.table()
    #expect(table.stock[Acme.graceStock] == nil)
    #expect(table.stock["CS-3"]?.holder == acme.grace)
    #expect(table.stock["CS-3"]?.quantity == Shares(3_500_000))  // 4,000,000 − 500,000
    #expect(table.classes[acme.common]?.outstanding == Shares(7_500_000))  // 8,000,000 − 500,000
  }

  @Test("cancelled options return to the pool under a return-to-pool plan")
  func optionCancellationReturnsToPool() throws {
    let acme = try Acme()
    try acme.record("2025-06-01", Event.cancel(Acme.linusGrant, 50_000))
    let table = try acme.table()
    let plan = try #require(table.plans[acme.plan])
    #expect(plan.optionsOutstanding == Shares(200_000))  // 250,000 − 50,000
    #expect(plan.available == Shares(800_000))  // 750,000 + 50,000
    #expect(plan.reserved == Shares(1_000_000))  // unchanged
    #expect(table.options[Acme.linusGrant]?.cancelled == Shares(50_000))
    #expect(table.options[Acme.linusGrant]?.outstanding == Shares(200_000))
    // room under authorized: 10,000,000 − 8,000,000 − 1,000,000 = 1,000,000
    #expect(
      acme.refusal("2025-06-02", acme.issue("CS-3", to: acme.ada, 1_000_001))
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 1_000_000, requested: 1_000_001))
    try acme.record("2025-06-02", acme.issue("CS-3", to: acme.ada, 1_000_000))
  }

  @Test("cancelled options are retired under a .retire plan: the pool shrinks")
  func optionCancellationRetires() throws {
    let acme = try Acme(cancellation: .retire)
    try acme.record("2025-06-01", Event.cancel(Acme.linusGrant, 50_000))
    let table = try acme.table()
    let plan = try #require(table.plans[acme.plan])
    #expect(plan.optionsOutstanding == Shares(200_000))
    #expect(plan.available == Shares(750_000))  // not returned
    #expect(plan.reserved == Shares(950_000))  // 750,000 + 200,000
    // room: 10,000,000 − 8,000,000 − 950,000 = 1,050,000
    #expect(
      acme.refusal("2025-06-02", acme.issue("CS-3", to: acme.ada, 1_050_001))
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 950_000, requested: 1_050_001))
    try acme.record("2025-06-02", acme.issue("CS-3", to: acme.ada, 1_050_000))
    #expect(try acme.table().classes[acme.common]?.outstanding == Shares(9_050_000))
  }

  @Test("a repurchase lowers outstanding and leaves a balance at the original price")
  func repurchase() throws {
    let acme = try Acme()
    try acme.record(
      "2025-06-01", Event.repurchase(Acme.adaStock, 1_000_000, price: frac(5, 100), balance: "CS-3")
    )
    var table = try acme.table()
    #expect(table.classes[acme.common]?.outstanding == Shares(7_000_000))  // 8,000,000 − 1,000,000
    #expect(table.stock[Acme.adaStock] == nil)
    #expect(table.stock["CS-3"]?.quantity == Shares(3_000_000))
    #expect(table.stock["CS-3"]?.pricePerShare == frac(1, 10000))
    // then the rest, in full
    try acme.record("2025-07-01", Event.repurchase("CS-3", 3_000_000, price: frac(5, 100)))
    table = try acme.table()
    #expect(table.classes[acme.common]?.outstanding == Shares(4_000_000))
    #expect(table.stockHeld(by: acme.ada) == .zero)
  }

  @Test("authorizing more shares makes room for an issuance")
  func authorize() throws {
    let acme = try Acme()
    // before: room = 10,000,000 − 8,000,000 − 1,000,000 = 1,000,000
    #expect(
      acme.refusal("2025-06-01", acme.issue("CS-3", to: acme.linus, 2_500_000))
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 1_000_000, requested: 2_500_000))
    try acme.record("2025-06-01", Event.authorize(acme.common, 12_000_000))
    // after: 12,000,000 − 9,000,000 = 3,000,000 ≥ 2,500,000
    try acme.record("2025-06-02", acme.issue("CS-3", to: acme.linus, 2_500_000))
    let table = try acme.table()
    #expect(table.classes[acme.common]?.authorized == Shares(12_000_000))
    #expect(table.classes[acme.common]?.outstanding == Shares(10_500_000))
    // authorizing exactly what is committed is allowed: 10,500,000 + 1,000,000
    try acme.record("2025-06-03", Event.authorize(acme.common, 11_500_000))
    #expect(try acme.table().classes[acme.common]?.authorized == Shares(11_500_000))
  }

  @Test("a pool increase adds to available and counts against authorized")
  func poolIncrease() throws {
    let acme = try Acme()
    try acme.record("2025-06-01", Event.increasePool(acme.plan, 500_000))
    let table = try acme.table()
    #expect(table.plans[acme.plan]?.available == Shares(1_250_000))  // 750,000 + 500,000
    #expect(table.reserved(for: acme.common) == Shares(1_500_000))  // 1,250,000 + 250,000
    // room left: 10,000,000 − 8,000,000 − 1,500,000 = 500,000
    let error = acme.refusal("2025-06-02", Event.increasePool(acme.plan, 500_001))
    #expect(
      error
        == .exceedsAuthorized(
          className: "Common", authorized: 10_000_000, outstanding: 8_000_000,
          reserved: 1_500_000, requested: 500_001))
    try acme.record("2025-06-02", Event.increasePool(acme.plan, 500_000))
    // now a grant of 1,750,000 (1,250,000 + 500,000) fits exactly
    try acme.record("2025-06-03", acme.grant("OP-2", to: acme.ada, 1_750_000))
    #expect(try acme.table().plans[acme.plan]?.available == .zero)
  }

  @Test("a back-dated transaction is replayed in date order, then recording order")
  func backDated() throws {
    let acme = try Acme()
    // recorded 4th, dated before the grant (3rd)
    let added = try acme.record("2025-02-01", acme.issue("CS-3", to: acme.linus, 500_000))
    #expect(added.sequence == 4)
    let ledger = try acme.ledger()
    #expect(ledger.transactions.map(\.sequence) == [1, 2, 4, 3])
    #expect(ledger.nextSequence == 5)
    let early = try ledger.replay(asOf: day("2025-02-01"))
    #expect(early.classes[acme.common]?.outstanding == Shares(8_500_000))
    #expect(early.options.isEmpty)
    // the grant still fits: 8,500,000 + 1,000,000 ≤ 10,000,000
    #expect(try ledger.replay().options[Acme.linusGrant]?.granted == Shares(250_000))
    // same date: recording order decides
    try acme.record("2025-01-15", acme.issue("CS-4", to: acme.linus, 1))
    #expect(try acme.ledger().transactions.map(\.sequence) == [1, 2, 5, 4, 3])
  }

  @Test("Ledger.insert keeps replay order")
  func insert() throws {
    let acme = try Acme()
    var ledger = try acme.ledger()
    ledger.insert(
      Transaction(
        sequence: 10, date: day("2025-01-20"), event: Event.authorize(acme.common, 9_000_000)))
    ledger.insert(
      Transaction(
        sequence: 9, date: day("2025-01-20"), event: Event.authorize(acme.common, 9_500_000)))
    ledger.insert(
      Transaction(
        sequence: 11, date: day("2030-01-01"), event: Event.authorize(acme.common, 9_000_000)))
    #expect(ledger.transactions.map(\.sequence) == [1, 2, 9, 10, 3, 11])
    // 9,500,000 then 9,000,000: committed is 9,000,000 both times
    #expect(try ledger.replay().classes[acme.common]?.authorized == Shares(9_000_000))
  }

  @Test("nextSecurityID counts numerically per prefix")
  func nextSecurityID() throws {
    let acme = try Acme()
    var ledger = try acme.ledger()
    #expect(ledger.nextSecurityID(prefix: "CS") == "CS-3")
    #expect(ledger.nextSecurityID(prefix: "OP") == "OP-2")
    #expect(ledger.nextSecurityID(prefix: "WA") == "WA-1")
    // CS-9 and CS-10: numerically the highest is 10 (as text "CS-9" > "CS-10")
    try acme.record([
      ("2025-02-01", acme.issue("CS-9", to: acme.linus, 1)),
      ("2025-02-02", acme.issue("CS-10", to: acme.linus, 1)),
      ("2025-02-03", acme.issue("CSX-40", to: acme.linus, 1)),
    ])
    ledger = try acme.ledger()
    #expect(ledger.nextSecurityID(prefix: "CS") == "CS-11")
    #expect(ledger.nextSecurityID(prefix: "CSX") == "CSX-41")
    // ids named by exercises and transfers count too
    try acme.record(
      "2025-03-02", Event.transfer("CS-10", to: acme.ada, 1, into: "CS-20"))
    #expect(try acme.ledger().nextSecurityID(prefix: "CS") == "CS-21")
  }

  @Test("transactions survive a JSON round trip unchanged")
  func codable() throws {
    let acme = try Acme()
    try acme.record([
      (
        "2025-06-01",
        Event.transfer(Acme.adaStock, to: acme.grace, 1, into: "CS-3", balance: "CS-4")
      ),
      ("2025-06-02", Event.split(acme.common, frac(3, 2))),
      ("2025-06-03", Event.cancel(Acme.linusGrant, 7)),
    ])
    let transactions = try acme.ledger().transactions
    let data = try JSONEncoder().encode(transactions)
    #expect(try JSONDecoder().decode([Transaction].self, from: data) == transactions)
    #expect(
      transactions.map(\.event.kind) == [.issue, .issue, .grant, .transfer, .split, .cancel])
  }
}
