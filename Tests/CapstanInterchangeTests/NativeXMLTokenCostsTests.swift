import CapstanInterchange
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// The provider's costs to serve travel with their tokens in Capstan XML (`<cost date
/// per-unit>`), corrections included, and an import never corrects a cost silently.
@Suite("Native XML token costs")
struct NativeXMLTokenCostsTests {
  /// H100H: 1.50 from 2025-01-01, corrected to 1.60 on the same date, 1.20 from 2026-01-01;
  /// B200H: 0.75 from 2026-01-01.
  static let marks = [
    TokenCostMark(symbol: "H100H", date: day("2025-01-01"), costPerUnit: fraction(3, 2)),
    TokenCostMark(symbol: "H100H", date: day("2025-01-01"), costPerUnit: fraction(8, 5)),
    TokenCostMark(symbol: "H100H", date: day("2026-01-01"), costPerUnit: fraction(6, 5)),
    TokenCostMark(symbol: "B200H", date: day("2026-01-01"), costPerUnit: fraction(3, 4)),
  ]

  static func source() throws -> (Ledger, TokenMarket, TokenCosts) {
    let workspace = InMemoryWorkspace()
    let id = try workspace.write { draft in
      let company = try TokenVestingCompany.record(in: &draft)
      for mark in marks {
        try draft.recordTokenCost(
          symbol: mark.symbol, costPerUnit: mark.costPerUnit, date: mark.date)
      }
      return company
    }
    return (
      try workspace.ledger(for: id), try workspace.tokenMarket(),
      TokenCosts(try workspace.tokenCosts())
    )
  }

  @Test("every cost mark is written under its token and read back in order; same bytes again")
  func costsRoundTrip() throws {
    let (ledger, market, costs) = try Self.source()
    let bytes = try NativeXMLWriter.bytes(of: ledger, market: market, costs: costs)
    let text = String(decoding: bytes, as: UTF8.self)
    // Tokens are written in symbol order (B200H, H100H); costs after each token's prices.
    let expected = [
      "<cost date=\"2026-01-01\" per-unit=\"0.75\"/>",
      "<cost date=\"2025-01-01\" per-unit=\"1.5\"/>",
      "<cost date=\"2025-01-01\" per-unit=\"1.6\"/>",
      "<cost date=\"2026-01-01\" per-unit=\"1.2\"/>",
    ]
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.filter { $0.hasPrefix("<cost ") } == expected)

    let image = try NativeXMLReader.read(bytes: bytes, name: "costs.xml")
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    let copied = TokenCosts(try target.tokenCosts())
    #expect(copied == costs)
    // The correction applies on 2025-01-01: 1.60, not 1.50.
    #expect(copied.costPerUnit("H100H", on: day("2025-06-01")) == fraction(8, 5))
    #expect(
      try NativeXMLWriter.bytes(
        of: target.ledger(for: company.id), market: target.tokenMarket(), costs: copied)
        == bytes)
  }

  @Test("costs the workspace already records on the same dates are not recorded twice")
  func identicalCostsAreSkipped() throws {
    let (ledger, market, costs) = try Self.source()
    let image = try NativeXMLReader.read(
      bytes: try NativeXMLWriter.bytes(of: ledger, market: market, costs: costs), name: "a.xml")
    let target = InMemoryWorkspace()
    try target.write { draft in
      try SampleCompany.addPeople(to: &draft)
      try TokenVestingCompany.addTokens(to: &draft)
      try draft.recordTokenCost(
        symbol: "H100H", costPerUnit: fraction(8, 5), date: day("2025-01-01"))
    }
    try target.write { draft in _ = try image.write(into: &draft) }
    // 1 stored + the 2 dates the workspace lacked (H100H 2026-01-01, B200H 2026-01-01).
    let stored = try target.tokenCosts()
    #expect(stored.count == 3)
    #expect(TokenCosts(stored) == TokenCosts([Self.marks[1], Self.marks[2], Self.marks[3]]))
  }

  @Test("a different cost on a date the workspace has one for is refused at the file's line")
  func conflictingCostIsRefused() throws {
    let (ledger, market, costs) = try Self.source()
    let text = String(
      decoding: try NativeXMLWriter.bytes(of: ledger, market: market, costs: costs), as: UTF8.self)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("<cost date=\"2026-01-01\" per-unit=\"1.2\"/>") }.map { $0 + 1 }
    let image = try NativeXMLReader.read(bytes: Array(text.utf8), name: "other.xml")
    let target = InMemoryWorkspace()
    try target.write { draft in
      try SampleCompany.addPeople(to: &draft)
      try TokenVestingCompany.addTokens(to: &draft)
      try draft.recordTokenCost(
        symbol: "H100H", costPerUnit: fraction(5, 4), date: day("2026-01-01"))
    }
    let error = try #require(throws: ImportError.self) {
      try target.write { draft in try image.write(into: &draft) }
    }
    #expect(error.location == "other.xml:\(line ?? 0)", "\(error)")
    #expect(
      error.message
        == "the workspace already records a cost of 1.25 per unit for H100H from 2026-01-01, "
        + "not 1.2 (an import does not correct a cost)")
    #expect(try target.companies().isEmpty)
    #expect(try target.tokenCosts().count == 1)
  }

  @Test("a negative cost is refused while reading")
  func negativeCostIsRefused() throws {
    let (ledger, market, costs) = try Self.source()
    let text = String(
      decoding: try NativeXMLWriter.bytes(of: ledger, market: market, costs: costs), as: UTF8.self
    ).replacingOccurrences(of: "per-unit=\"0.75\"", with: "per-unit=\"-0.75\"")
    let error = try #require(throws: ImportError.self) {
      try NativeXMLReader.read(bytes: Array(text.utf8), name: "neg.xml")
    }
    #expect(
      error.message.contains("<cost per-unit=\"-0.75\">: expected a non-negative exact number"),
      "\(error)")
  }
}
