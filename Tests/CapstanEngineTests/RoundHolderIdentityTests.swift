import CapstanEngine
import CapstanModel
import Foundation
import Testing

/// The round engine joins holders by stakeholder id: names are for display only.
///
/// The table: Founders 8,000,000 common; "Ada Ventures" (id `a`) and "ada  ventures" (id `b`,
/// the same name but for case and a doubled space) 1,000,000 common each; no pool. Fully diluted
/// 10,000,000. Both have an investors' rights pro rata right. Series A at a stated $1.00, the
/// lead investing $1,000,000: the round sells T = 1,000,000 shares.
@Suite struct RoundHolderIdentityTests {
  static let start = CalendarDate(daysSinceEpoch: 19_000)
  static let closing = CalendarDate(daysSinceEpoch: 19_100)

  static func table() throws -> CapTable {
    let stakeholders = [
      Stakeholder(id: "f", name: "Founders"), Stakeholder(id: "a", name: "Ada Ventures"),
      Stakeholder(id: "b", name: "ada  ventures"),
    ]
    let issued: [(Stakeholder.ID, Int64)] = [("f", 8_000_000), ("a", 1_000_000), ("b", 1_000_000)]
    let transactions = issued.enumerated().map { index, holding in
      Transaction(
        sequence: index + 1, date: start,
        event: .issueStock(
          StockIssuance(
            security: SecurityID("CS-\(index + 1)"), holder: holding.0, shareClass: "common",
            quantity: Shares(holding.1), pricePerShare: Ratio(1, 1_000))))
    }
    let ledger = Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: start),
      stakeholders: stakeholders,
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      plans: [], transactions: transactions)
    return try ledger.replay(asOf: start.adding(days: 1))
  }

  /// Terms saved with ids: `a` takes its pro rata in full, `b` declines.
  static func terms() -> RoundTerms {
    var terms = RoundTerms(
      valuation: .pricePerShare(.one),
      investors: [Investment(investor: "Lead", amount: Ratio(1_000_000))], pool: .none,
      newClass: NewClassTerms(name: "Series A"))
    terms.proRata = [
      ProRataChoice(holder: "Ada Ventures", stakeholder: "a", take: .full),
      ProRataChoice(holder: "ada  ventures", stakeholder: "b", take: .declined),
    ]
    return terms
  }

  static func model(_ terms: RoundTerms) throws -> RoundResult {
    try PricedRound.model(
      RoundInput(terms: terms, table: try table(), closing: closing, rounding: .standard))
  }

  /// `a`'s fraction is 1,000,000 ÷ (10,000,000 − 0) = 10 %: entitlement floor(0.1 × 1,000,000)
  /// = 100,000 shares ($100,000 at $1.00), carved out of the lead's 1,000,000, who keeps
  /// 900,000; `b` declines and keeps its 1,000,000. Post-money fully diluted 10,000,000 +
  /// 1,000,000 = 11,000,000. Joined by name ignoring case and spaces, the two would be one
  /// holder of 2,000,000 (a 20 % fraction) or a duplicate election.
  @Test func namesAlikeButForCaseAndSpacesStayApart() throws {
    let result = try Self.model(Self.terms())
    #expect(result.proRata.map(\.holder.stakeholder) == ["a", "b"])
    #expect(result.proRata.map(\.shares) == [Shares(100_000), .zero])
    #expect(result.proRata.map(\.fraction) == [Ratio(1, 10), Ratio(1, 10)])
    #expect(result.investors.map(\.shares) == [Shares(900_000)])
    #expect(result.postMoneyFullyDiluted == Shares(11_000_000))
    let a = try #require(result.proForma.row(stakeholder: "a"))
    let b = try #require(result.proForma.row(stakeholder: "b"))
    #expect(a.name == "Ada Ventures")
    #expect(b.name == "ada  ventures")
    #expect(a.after == Shares(1_100_000))
    #expect(b.after == Shares(1_000_000))
    // Closing buys for `a` by id, never for a stakeholder found by name.
    let closing = result.closing(newClass: Self.terms().newClass)
    #expect(closing.purchases.map(\.investor.key) == [.newInvestor("Lead"), .stakeholder("a")])
  }

  /// A round saved by an earlier version names its holders only: the same JSON without the
  /// `stakeholder` ids (the field is new and optional). Its names resolve to the same ids, so
  /// it models exactly as the round saved with ids (the figures above).
  @Test func roundSavedByNameModelsIdentically() throws {
    let saved = SavedRound(
      name: "Series A", closing: Self.closing, terms: Self.terms(), outcome: [:])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let current = try encoder.encode(saved)
    #expect(String(decoding: current, as: UTF8.self).contains("\"stakeholder\""))
    let older = try Self.withoutStakeholderIDs(current)
    #expect(!String(decoding: older, as: UTF8.self).contains("\"stakeholder\""))
    let decoded = try JSONDecoder().decode(SavedRound.self, from: older)
    #expect(decoded.terms.proRata?.map(\.stakeholder) == [nil, nil])
    #expect(try Self.model(decoded.terms) == Self.model(Self.terms()))
    #expect(try Self.model(decoded.terms).proRata.map(\.shares) == [Shares(100_000), .zero])
  }

  /// `body` with every `stakeholder` key removed, as the earlier version wrote saved rounds.
  static func withoutStakeholderIDs(_ body: Data) throws -> Data {
    func strip(_ value: Any) -> Any {
      if let object = value as? [String: Any] {
        return object.filter { $0.key != "stakeholder" }.mapValues(strip)
      }
      if let array = value as? [Any] { return array.map(strip) }
      return value
    }
    return try JSONSerialization.data(
      withJSONObject: strip(try JSONSerialization.jsonObject(with: body)), options: [.sortedKeys])
  }

  /// A pro rata holder that names no stakeholder stays a name, and the round refuses it by that
  /// name.
  @Test func unknownProRataHolderIsRefusedByName() throws {
    var terms = Self.terms()
    terms.proRata = [ProRataChoice(holder: "Nobody Capital", take: .full)]
    #expect(
      terms.resolvingNames(in: try Self.table().stakeholders.values)
        .unresolvedProRataHolders == ["Nobody Capital"])
    #expect(throws: RoundError.noProRataRight(holder: "Nobody Capital")) {
      try Self.model(terms)
    }
  }

  /// Exact names win over names that match only ignoring case; a name that matches several
  /// stakeholders only ignoring case means none of them.
  @Test func namesResolveExactlyFirst() throws {
    let stakeholders = try Self.table().stakeholders.values
    #expect(Stakeholder.named("ada  ventures", in: stakeholders)?.id == "b")
    #expect(Stakeholder.named(" Ada Ventures ", in: stakeholders)?.id == "a")
    #expect(Stakeholder.named("FOUNDERS", in: stakeholders)?.id == "f")
    let twins = [Stakeholder(id: "x", name: "Fund"), Stakeholder(id: "y", name: "FUND")]
    #expect(Stakeholder.named("fund", in: twins) == nil)
  }
}
