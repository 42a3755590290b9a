import CapstanModel
import Foundation
import Testing

/// The acceptance example, recorded through an `InMemoryWorkspace` as the CLI would:
///
/// company "Acme AI" (USD, incorporated 2025-01-15); class Common, 10,000,000 authorized;
/// Ada and Grace 4,000,000 Common each at $0.0001 on 2025-01-15 (CS-1, CS-2); plan "2025 Plan"
/// on Common reserving 1,000,000 (adopted 2025-01-15); Linus 250,000 options at $0.10 on
/// 2025-03-01 vesting 48/12/1 from the grant date (OP-1).
struct Acme {
  let workspace = InMemoryWorkspace()
  let company: Company.ID
  let ada: Stakeholder.ID
  let grace: Stakeholder.ID
  let linus: Stakeholder.ID
  let common: ShareClass.ID
  let plan: StockPlan.ID

  static let adaStock: SecurityID = "CS-1"
  static let graceStock: SecurityID = "CS-2"
  static let linusGrant: SecurityID = "OP-1"
  /// 48/12/1 from the grant date: 250,000 × m ÷ 48 once m ≥ 12.
  static let linusVesting = VestingSchedule(
    start: day("2025-03-01"), totalMonths: 48, cliffMonths: 12, frequencyMonths: 1)

  init(
    cancellation: StockPlan.CancellationBehavior = .returnToPool, withGrant: Bool = true,
    expires: CalendarDate? = nil
  ) throws {
    let ids = try workspace.write { draft in
      let company = try draft.addCompany(
        name: "Acme AI", currency: .usd, incorporated: day("2025-01-15"))
      let ada = try draft.addStakeholder(name: "Ada")
      let grace = try draft.addStakeholder(name: "Grace")
      let linus = try draft.addStakeholder(name: "Linus")
      let common = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      let plan = try draft.addPlan(
        StockPlan(
          id: "x", name: "2025 Plan", shareClass: common.id, initialReserve: 1_000_000,
          adopted: day("2025-01-15"), cancellationBehavior: cancellation),
        to: company.id)
      var events: [(date: CalendarDate, event: LedgerEvent)] = [
        (
          day("2025-01-15"),
          .issueStock(
            StockIssuance(
              security: Acme.adaStock, holder: ada.id, shareClass: common.id,
              quantity: 4_000_000, pricePerShare: frac(1, 10000)))
        ),
        (
          day("2025-01-15"),
          .issueStock(
            StockIssuance(
              security: Acme.graceStock, holder: grace.id, shareClass: common.id,
              quantity: 4_000_000, pricePerShare: frac(1, 10000)))
        ),
      ]
      if withGrant {
        events.append(
          (
            day("2025-03-01"),
            .grantOptions(
              OptionGrant(
                security: Acme.linusGrant, holder: linus.id, plan: plan.id, quantity: 250_000,
                strike: frac(1, 10), vesting: Acme.linusVesting, expires: expires))
          ))
      }
      try draft.append(events, to: company.id)
      return (company.id, ada.id, grace.id, linus.id, common.id, plan.id)
    }
    (company, ada, grace, linus, common, plan) = ids
  }

  /// Records one event through a workspace write (validated by replaying the whole ledger).
  @discardableResult
  func record(_ date: String, _ event: LedgerEvent) throws -> Transaction {
    let added = try workspace.write { draft in
      try draft.append([(date: day(date), event: event)], to: company)
    }
    return added[0]
  }

  /// Records events in one write.
  func record(_ events: [(String, LedgerEvent)]) throws {
    try workspace.write { draft in
      try draft.append(events.map { (date: day($0.0), event: $0.1) }, to: company)
    }
  }

  /// The ledger's error when recording `event` is refused (an issue is recorded otherwise).
  func refusal(
    _ date: String, _ event: LedgerEvent, sourceLocation: SourceLocation = #_sourceLocation
  ) -> LedgerError? {
    let failure = #expect(throws: LedgerFailure.self, sourceLocation: sourceLocation) {
      try record(date, event)
    }
    return failure?.error
  }

  func ledger() throws -> Ledger { try workspace.ledger(for: company) }

  func table(asOf date: String? = nil) throws -> CapTable {
    try ledger().replay(asOf: date.map { day($0) })
  }

  // Events, briefly.

  func issue(
    _ id: SecurityID, to holder: Stakeholder.ID, _ quantity: Int64,
    price: Ratio = frac(1, 10000), shareClass: ShareClass.ID? = nil,
    vesting: VestingSchedule? = nil
  ) -> LedgerEvent {
    .issueStock(
      StockIssuance(
        security: id, holder: holder, shareClass: shareClass ?? common, quantity: Shares(quantity),
        pricePerShare: price, vesting: vesting))
  }

  func grant(
    _ id: SecurityID, to holder: Stakeholder.ID, _ quantity: Int64, strike: Ratio = frac(1, 10),
    plan: StockPlan.ID? = nil, vesting: VestingSchedule? = nil, expires: CalendarDate? = nil
  ) -> LedgerEvent {
    .grantOptions(
      OptionGrant(
        security: id, holder: holder, plan: plan ?? self.plan, quantity: Shares(quantity),
        strike: strike, vesting: vesting, expires: expires))
  }
}

/// Events that need no company context.
enum Event {
  static func exercise(_ grant: SecurityID, _ quantity: Int64, into id: SecurityID) -> LedgerEvent {
    .exercise(Exercise(grant: grant, quantity: Shares(quantity), resultingSecurity: id))
  }

  static func transfer(
    _ id: SecurityID, to holder: Stakeholder.ID, _ quantity: Int64, into resulting: SecurityID,
    balance: SecurityID? = nil
  ) -> LedgerEvent {
    .transfer(
      Transfer(
        security: id, to: holder, quantity: Shares(quantity), resultingSecurity: resulting,
        balanceSecurity: balance))
  }

  static func cancel(_ id: SecurityID, _ quantity: Int64, balance: SecurityID? = nil)
    -> LedgerEvent
  {
    .cancel(
      Cancellation(
        security: id, quantity: Shares(quantity), balanceSecurity: balance, reason: "test"))
  }

  static func repurchase(
    _ id: SecurityID, _ quantity: Int64, price: Ratio, balance: SecurityID? = nil
  ) -> LedgerEvent {
    .repurchase(
      Repurchase(
        security: id, quantity: Shares(quantity), pricePerShare: price, balanceSecurity: balance))
  }

  static func split(_ shareClass: ShareClass.ID, _ ratio: Ratio) -> LedgerEvent {
    .split(StockSplit(shareClass: shareClass, ratio: ratio))
  }

  static func authorize(_ shareClass: ShareClass.ID, _ total: Int64) -> LedgerEvent {
    .authorizeShares(SharesAuthorization(shareClass: shareClass, newTotal: Shares(total)))
  }

  static func increasePool(_ plan: StockPlan.ID, _ quantity: Int64) -> LedgerEvent {
    .increasePool(PoolIncrease(plan: plan, quantity: Shares(quantity)))
  }
}

extension CapTable {
  /// Stock a holder holds, over all open securities (of one class when given).
  func stockHeld(by holder: Stakeholder.ID, in shareClass: ShareClass.ID? = nil) -> Shares {
    stock.values.filter {
      $0.holder == holder && (shareClass == nil || $0.shareClass == shareClass)
    }
    .reduce(Shares.zero) { $0 + $1.quantity }
  }

  /// Options a holder holds, outstanding.
  func optionsHeld(by holder: Stakeholder.ID) -> Shares {
    options.values.filter { $0.holder == holder }.reduce(Shares.zero) { $0 + $1.outstanding }
  }
}

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

  @Test("a 2:1 split doubles stock, options, pool and authorized; halves strike and price")
  func forwardSplit() throws {
    let acme = try Acme()
    try acme.record("2025-06-01", Event.split(acme.common, frac(2, 1)))
    let table = try acme.table()
    let common = try #require(table.classes[acme.common])
    #expect(common.outstanding == Shares(16_000_000))  // 8,000,000 × 2
    #expect(common.authorized == Shares(20_000_000))  // 10,000,000 × 2
    #expect(table.stock[Acme.adaStock]?.quantity == Shares(8_000_000))
    #expect(table.stock[Acme.adaStock]?.pricePerShare == frac(1, 20000))  // 0.0001 ÷ 2
    let plan = try #require(table.plans[acme.plan])
    #expect(plan.available == Shares(1_500_000))  // 750,000 × 2
    #expect(plan.optionsOutstanding == Shares(500_000))  // 250,000 × 2
    let grant = try #require(table.options[Acme.linusGrant])
    #expect(grant.granted == Shares(500_000))
    #expect(grant.strike == frac(1, 20))  // 0.10 ÷ 2
    // the day before, nothing changed
    let before = try acme.table(asOf: "2025-05-31")
    #expect(before.classes[acme.common]?.outstanding == Shares(8_000_000))
  }

  @Test("a split after a partial exercise keeps exercised + outstanding = granted")
  func splitAfterExercise() throws {
    let acme = try Acme()
    try acme.record("2026-03-01", Event.exercise(Acme.linusGrant, 62_500, into: "CS-3"))
    try acme.record("2026-06-01", Event.split(acme.common, frac(2, 1)))
    let table = try acme.table()
    let grant = try #require(table.options[Acme.linusGrant])
    #expect(grant.exercised == Shares(125_000))  // 62,500 × 2
    #expect(grant.outstanding == Shares(375_000))  // 187,500 × 2
    #expect(grant.granted == Shares(500_000))
    #expect(table.plans[acme.plan]?.optionsOutstanding == Shares(375_000))
    #expect(table.plans[acme.plan]?.exercised == Shares(125_000))
    #expect(table.stock["CS-3"]?.quantity == Shares(125_000))
    #expect(table.stock["CS-3"]?.pricePerShare == frac(1, 20))
    // 8,062,500 × 2
    #expect(table.classes[acme.common]?.outstanding == Shares(16_125_000))
    // 2026-06-01 is 15 months after the grant: floor(500,000 × 15 ÷ 48) = 156,250 vested,
    // 125,000 of them exercised
    #expect(grant.exercisable(asOf: day("2026-06-01")) == Shares(31_250))
  }

  @Test("a 1:10 reverse split divides everything and multiplies strike and price by 10")
  func reverseSplit() throws {
    let acme = try Acme()
    try acme.record("2025-06-01", Event.split(acme.common, frac(1, 10)))
    let table = try acme.table()
    #expect(table.classes[acme.common]?.outstanding == Shares(800_000))
    #expect(table.classes[acme.common]?.authorized == Shares(1_000_000))
    #expect(table.stock[Acme.graceStock]?.quantity == Shares(400_000))
    #expect(table.stock[Acme.graceStock]?.pricePerShare == frac(1, 1000))  // 0.0001 × 10
    #expect(table.plans[acme.plan]?.available == Shares(75_000))
    #expect(table.options[Acme.linusGrant]?.granted == Shares(25_000))
    #expect(table.options[Acme.linusGrant]?.strike == Ratio.one)  // 0.10 × 10
  }

  @Test("a reverse split drops fractions per security (cash in lieu)")
  func reverseSplitFloors() throws {
    let company = Company(
      id: "acme", name: "Acme AI", currency: .usd, incorporated: day("2025-01-15"))
    let ada = Stakeholder(id: "ada", name: "Ada")
    let grace = Stakeholder(id: "grace", name: "Grace")
    let common = ShareClass(id: "common", name: "Common", initialAuthorized: 10_000_005)
    func issue(_ n: Int, _ id: SecurityID, _ holder: Stakeholder, _ quantity: Int64) -> Transaction
    {
      Transaction(
        sequence: n, date: day("2025-01-15"),
        event: .issueStock(
          StockIssuance(
            security: id, holder: holder.id, shareClass: common.id, quantity: Shares(quantity),
            pricePerShare: .zero)))
    }
    let ledger = Ledger(
      company: company, stakeholders: [ada, grace], classes: [common],
      transactions: [
        issue(1, "CS-1", ada, 4_000_007), issue(2, "CS-2", grace, 3_999_995),
        Transaction(
          sequence: 3, date: day("2025-02-01"), event: Event.split(common.id, frac(1, 10))),
      ])
    let table = try ledger.replay()
    #expect(table.stock["CS-1"]?.quantity == Shares(400_000))  // 400,000.7 → 400,000
    #expect(table.stock["CS-2"]?.quantity == Shares(399_999))  // 399,999.5 → 399,999
    // the class total is the sum of the floored holdings, not floor(8,000,002 ÷ 10) = 800,000
    #expect(table.classes[common.id]?.outstanding == Shares(799_999))
    #expect(table.classes[common.id]?.authorized == Shares(1_000_000))  // 1,000,000.5 → 1,000,000
  }

  @Test(
    "splitting common multiplies preferred conversion ratios; splitting preferred divides its own")
  func splitConversionRatios() throws {
    let company = Company(
      id: "acme", name: "Acme AI", currency: .usd, incorporated: day("2025-01-15"))
    let common = ShareClass(id: "common", name: "Common", initialAuthorized: 1_000)
    // original issue price 2.00, conversion price 1.60 → 2 ÷ 1.6 = 5/4 common per share
    let preferred = ShareClass(
      id: "a", name: "Series A", kind: .preferred, initialAuthorized: 1_000,
      originalIssuePrice: frac(2, 1), conversionPrice: frac(8, 5))
    #expect(preferred.initialConversionRatio == frac(5, 4))
    let commonSplit = Ledger(
      company: company, stakeholders: [], classes: [common, preferred],
      transactions: [
        Transaction(sequence: 1, date: day("2025-02-01"), event: Event.split(common.id, frac(2, 1)))
      ])
    // 5/4 × 2 = 5/2; common itself has no conversion ratio to change (1)
    #expect(try commonSplit.replay().classes[preferred.id]?.conversionRatio == frac(5, 2))
    #expect(try commonSplit.replay().classes[common.id]?.conversionRatio == .one)
    let preferredSplit = Ledger(
      company: company, stakeholders: [], classes: [common, preferred],
      transactions: [
        Transaction(
          sequence: 1, date: day("2025-02-01"), event: Event.split(preferred.id, frac(2, 1)))
      ])
    // 5/4 ÷ 2 = 5/8: twice the shares, each converting into half as much
    #expect(try preferredSplit.replay().classes[preferred.id]?.conversionRatio == frac(5, 8))
    #expect(try preferredSplit.replay().classes[preferred.id]?.authorized == Shares(2_000))
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
      transactions.map(\.event.kind) == ["issue", "issue", "grant", "transfer", "split", "cancel"])
  }
}
