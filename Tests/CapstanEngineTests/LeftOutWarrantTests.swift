import CapstanEngine
import CapstanModel
import CapstanTestSupport
import Testing

/// A warrant on a preferred class is not paid by the waterfall (it treats options and
/// warrants as common); the capitalization lists it so the exit can say so. Bank holds W-1 on
/// 10,000 Common at $0.50 and W-2 on 5,000 Series A at $1.00; Ada holds 90,000 Common.
@Suite("Warrants the waterfall leaves out")
struct LeftOutWarrantTests {
  @Test("the preferred warrant is listed as left out; the common one takes part")
  func preferredWarrantListed() throws {
    let table = try WarrantCompany.ledger().replay()
    let capitalization = WaterfallCapitalization(table)
    // W-1 (common) takes part like a vested option: one holding of 10,000 at $0.50.
    #expect(capitalization.options.map(\.outstanding) == [Shares(10_000)])
    #expect(capitalization.options.map(\.kind) == [.warrant])
    // W-2 (Series A) is left out, and listed with its class, shares and strike.
    #expect(capitalization.leftOutWarrants.count == 1)
    let left = try #require(capitalization.leftOutWarrants.first)
    #expect(left.security == "W-2")
    #expect(left.holderName == "Bank")
    #expect(left.className == "Series A")
    #expect(left.shares == Shares(5_000))
    #expect(left.strike == Ratio(1))
  }
}
