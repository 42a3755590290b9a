import CapstanModel
import Foundation
import Testing

@Suite("Ledger replay: forward and reverse splits")
struct LedgerSplitTests {
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
}
