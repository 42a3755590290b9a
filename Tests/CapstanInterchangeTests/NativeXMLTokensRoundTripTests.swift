import CapstanInterchange
import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

@Suite("Native XML round trip of compute tokens and richer vesting")
struct NativeXMLTokensRoundTripTests {
  static func source() throws -> (InMemoryWorkspace, Ledger, TokenMarket) {
    let workspace = InMemoryWorkspace()
    let id = try workspace.write { draft in try TokenVestingCompany.record(in: &draft) }
    return (workspace, try workspace.ledger(for: id), try workspace.tokenMarket())
  }

  static func sortedMarks(_ market: TokenMarket) -> [TokenPriceMark] {
    market.series.values.flatMap(\.marks).sorted { ($0.symbol, $0.date) < ($1.symbol, $1.date) }
  }

  /// Every one of the 22 event kinds, the tokens and their prices: written, read into a new
  /// workspace, the same transactions, tokens and prices; written again, the same bytes.
  @Test func everyEventKindWithTokensAndVestingRoundTrips() throws {
    let (_, original, market) = try Self.source()
    #expect(Set(original.transactions.map(\.event.kind)).count == 22)

    let bytes = try NativeXMLWriter.bytes(of: original, market: market)
    let image = try NativeXMLReader.read(bytes: bytes, name: "tokens.xml")
    #expect(image.tokens.map(\.symbol) == ["B200H", "H100H"])
    #expect(image.tokenPrices.count == 4)
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    let copy = try target.ledger(for: company.id)
    let copiedMarket = try target.tokenMarket()

    #expect(copy.company == original.company)
    #expect(copy.classes == original.classes)
    #expect(copy.plans == original.plans)
    #expect(copy.transactions == original.transactions)
    #expect(
      copiedMarket.tokens.values.sorted { $0.symbol < $1.symbol }
        == market.tokens.values.sorted { $0.symbol < $1.symbol })
    #expect(Self.sortedMarks(copiedMarket) == Self.sortedMarks(market))
    #expect(try NativeXMLWriter.bytes(of: copy, market: copiedMarket) == bytes)
  }

  /// The terms and the snapshots agree too: vested, accelerated and forfeited options, and each
  /// grant's token balances at a date after every event.
  @Test func replayedStateIsTheSame() throws {
    let (_, original, market) = try Self.source()
    let image = try NativeXMLReader.read(
      bytes: try NativeXMLWriter.bytes(of: original, market: market), name: "tokens.xml")
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    let copy = try target.ledger(for: company.id)
    let date = day("2027-12-31")
    let before = try original.replay(asOf: date)
    let after = try copy.replay(asOf: date)
    for (id, grant) in before.options {
      #expect(after.options[id]?.vested(asOf: date) == grant.vested(asOf: date), "\(id)")
    }
    for (id, position) in before.computeGrants {
      let prices = market.prices(position.grant.symbol)
      #expect(
        after.computeGrants[id]?.balances(asOf: date, prices: prices)
          == position.balances(asOf: date, prices: prices), "\(id)")
    }
    // Hand check of two facts carried by the file: CG-2's clawback took the 60,000 tokens of
    // the $3 tranche (40,000 unlocked at $2.60 ≥ $2.50), CG-3 has 10,000 − 3,000 − 2,000 left.
    let gated = try #require(after.computeGrants["CG-2"])
    #expect(gated.balances(asOf: date, prices: market.prices("H100H")).clawedBack == 60_000)
    let atGrant = try #require(after.computeGrants["CG-3"])
    #expect(atGrant.balances(asOf: date, prices: market.prices("B200H")).available == 5_000)
  }

  /// Through SQLite files, with the tokens already in the target workspace (same definition and
  /// an overlapping, equal price): they are kept, not duplicated.
  @Test func existingIdenticalTokensAreReused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-xml-tokens-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try SQLiteWorkspace.create(at: folder.appendingPathComponent("a.db").path)
    let id = try first.write { draft in try TokenVestingCompany.record(in: &draft) }
    let xml = folder.appendingPathComponent("a.xml").path
    try NativeXMLWriter.write(
      try first.ledger(for: id), market: try first.tokenMarket(), to: xml)

    let second = try SQLiteWorkspace.create(at: folder.appendingPathComponent("b.db").path)
    try second.write { draft in
      try SampleCompany.addPeople(to: &draft)
      try TokenVestingCompany.addTokens(to: &draft)
    }
    let image = try NativeXMLReader.read(path: xml)
    let company = try second.write { draft in try image.write(into: &draft) }
    #expect(try second.ledger(for: company.id).transactions == first.ledger(for: id).transactions)
    #expect(try second.tokenMarket().tokens.count == 2)
    #expect(Self.sortedMarks(try second.tokenMarket()) == Self.sortedMarks(try first.tokenMarket()))
  }

  /// A token the workspace defines differently, or a price it records differently, is refused
  /// at the line of the `<token>` or `<price>`, and nothing is written.
  @Test(arguments: [
    ("peg=\"2.5\"", "peg=\"3\"", "defines the token H100H differently", "peg 2.5, not 3"),
    (
      "<price date=\"2026-06-01\" value=\"2.6\"/>", "<price date=\"2026-06-01\" value=\"2.7\"/>",
      "already records 2.6 for H100H on 2026-06-01", "not 2.7"
    ),
  ])
  func conflictingTokenDataIsRefused(
    original: String, replacement: String, message: String, detail: String
  ) throws {
    let (_, ledger, market) = try Self.source()
    let text = String(
      decoding: try NativeXMLWriter.bytes(of: ledger, market: market), as: UTF8.self)
    #expect(text.contains(original), "\(text)")
    let changed = text.replacingOccurrences(of: original, with: replacement)
    let line = changed.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains(replacement) }.map { $0 + 1 }
    let image = try NativeXMLReader.read(bytes: Array(changed.utf8), name: "other.xml")
    let target = InMemoryWorkspace()
    try target.write { draft in
      try SampleCompany.addPeople(to: &draft)
      try TokenVestingCompany.addTokens(to: &draft)
    }
    let error = try #require(throws: ImportError.self) {
      try target.write { draft in try image.write(into: &draft) }
    }
    #expect(error.location == "other.xml:\(line ?? 0)", "\(error)")
    #expect(error.message.contains(message), "\(error)")
    #expect(error.message.contains(detail), "\(error)")
    #expect(try target.companies().isEmpty)
  }

  /// Texts the model allows empty (a token's unit, a clawback clause and event, a note) come
  /// back empty, not missing.
  @Test func emptyTextsRoundTrip() throws {
    let source = InMemoryWorkspace()
    let id = try source.write { draft in
      let company = try draft.addCompany(
        name: "Empty", currency: .usd, incorporated: day("2026-01-01"))
      try draft.addToken(symbol: "T", issuer: "Provider", unit: "", unitsPerToken: .one, peg: nil)
      try draft.append(
        [
          (
            day("2026-01-02"),
            .grantCompute(
              ComputeGrant(
                security: "CG-1", provider: "provider", symbol: "T", tokens: 10,
                agreedPrice: .one,
                unlock: .vesting(
                  VestingSchedule(
                    start: day("2026-01-02"), totalMonths: 12, cliffMonths: 0,
                    frequencyMonths: 1)),
                clawbackOn: ""))
          ),
          (
            day("2026-02-02"),
            .clawbackTokens(TokenClawback(grant: "CG-1", tokens: 9, event: ""))
          ),
          (day("2026-03-01"), .changeOfControl(ChangeOfControl(note: ""))),
        ], to: company.id)
      return company.id
    }
    let original = try source.ledger(for: id)
    let bytes = try NativeXMLWriter.bytes(of: original, market: try source.tokenMarket())
    let image = try NativeXMLReader.read(bytes: bytes, name: "empty.xml")
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    #expect(try target.ledger(for: company.id).transactions == original.transactions)
    #expect(try target.tokenMarket().tokens["T"]?.unit == "")
  }

  /// A compute grant whose token the market passed to the writer lacks is refused, no file left.
  @Test func exportWithoutTheTokenIsRefused() throws {
    let (_, ledger, _) = try Self.source()
    let error = try #require(throws: NativeXMLWriteError.self) {
      try NativeXMLWriter.bytes(of: ledger, market: TokenMarket())
    }
    #expect(error == .unknownToken(symbol: "H100H", sequence: 19))
  }
}
