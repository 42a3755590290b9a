import CapstanModel
import CapstanTestSupport
import Testing

@testable import CapstanReports

/// The control lens's pieces without a workspace: rights held on a date, the keyword
/// classification of free text, the segment flag and the settings file.
@Suite("Portfolio control lens")
struct PortfolioLensTests {
  static let provider: Stakeholder.ID = "computeco"

  static func holding(
    _ company: String, segment: String?, seats: [String] = [], provisions: [String] = [],
    rights: [ControlRight] = []
  ) -> PortfolioHolding {
    var holding = PortfolioHolding(
      company: company, securities: "-", fullyDiluted: .zero, voting: .zero, costCash: .zero,
      costTokens: .zero, mark: .zero, markNote: "", compute: [], boardSeats: seats,
      provisions: provisions, computeUse: nil)
    holding.segment = segment
    holding.rights = rights
    return holding
  }

  /// A right with an end holds before it only; a `rightEnded` record removes it from its date;
  /// the last segment record wins.
  @Test func rightsHeldOnADate() {
    let exclusivity = ControlRight(
      holder: Self.provider, kind: .exclusivity, name: "Exclusive supplier",
      ends: day("2026-07-01"))
    let observer = ControlRight(holder: Self.provider, kind: .observerSeat, name: "Observer")
    let records = [
      ControlRecord(date: day("2026-01-01"), fact: .right(exclusivity)),
      ControlRecord(date: day("2026-01-01"), fact: .right(observer)),
      ControlRecord(date: day("2026-01-01"), fact: .segment("robotics")),
      ControlRecord(
        date: day("2026-03-01"),
        fact: .rightEnded(holder: Self.provider, kind: .observerSeat, name: "Observer")),
      ControlRecord(date: day("2026-04-01"), fact: .segment("foundation models")),
    ]
    let february = ControlPositions(records, asOf: day("2026-02-01"))
    #expect(february.rights == [exclusivity, observer])
    #expect(february.segment == "robotics")
    let june = ControlPositions(records, asOf: day("2026-06-30"))
    #expect(june.rights == [exclusivity])
    #expect(june.segment == "foundation models")
    #expect(ControlPositions(records, asOf: day("2026-07-01")).rights.isEmpty)
  }

  /// "Exclusive compute supplier; minimum spend" as a provision: control (recorded, a
  /// provision is a consent right), exclusivity and spend commitment (keyword matches); a
  /// provision without any listed word is control only.
  @Test func freeTextIsClassifiedByKeywordAndLabelledSo() {
    let holding = Self.holding(
      "A", segment: nil,
      provisions: ["Exclusive compute supplier; minimum spend", "Veto on new classes"])
    let found = holding.findings()
    #expect(
      found.filter { $0.source == .keyword }.map(\.flag) == [.exclusivity, .spendCommitment])
    #expect(found.filter { $0.flag == .control }.count == 2)
    #expect(holding.flags == [.control, .exclusivity, .spendCommitment])
  }

  /// Seats at A and B (segment "Models" and "models") and an observer at C ("models"): three
  /// companies; D has a seat in another segment, E a segment but no seat.
  @Test func seatsAtCompaniesOfOneSegment() {
    let holdings = [
      Self.holding("A", segment: "Models", seats: ["Director"]),
      Self.holding("B", segment: "models", seats: ["Director"]),
      Self.holding(
        "C", segment: "models",
        rights: [ControlRight(holder: Self.provider, kind: .observerSeat, name: "Observer")]),
      Self.holding("D", segment: "biotech", seats: ["Director"]),
      Self.holding("E", segment: "models"),
    ]
    var thresholds = PortfolioThresholds()
    let flagged = PortfolioReport.segmentSeats(holdings, thresholds: thresholds)
    #expect(flagged.map { $0.flags.contains(.segmentSeats) } == [true, true, true, false, false])
    thresholds.segmentCompanies = 4
    let none = PortfolioReport.segmentSeats(holdings, thresholds: thresholds)
    #expect(none.allSatisfy { !$0.flags(thresholds).contains(.segmentSeats) })
  }

  /// A settings file sets what it names; the rest keep their defaults; errors name the line.
  @Test func settingsFile() throws {
    let read = try PortfolioThresholds(
      yaml: "fully_diluted_pct: 25%\ncompute_share_pct: 40\n", file: "s.yaml")
    #expect(read.fullyDiluted == Ratio(1, 4))
    #expect(read.computeShare == Ratio(2, 5))
    #expect(read.votes == Ratio(1, 2))
    #expect(read.segmentCompanies == 2)
    #expect(PortfolioHolding.Flag.fullyDiluted.name(read) == "fd>=25%")
    for (text, named) in [
      ("voting_pct: 0\n", "s.yaml:1 voting_pct"), ("x: 1\n", "s.yaml:1 x"),
      ("voting_pct: 50\nsegment_companies: 0\n", "s.yaml:2 segment_companies"),
    ] {
      do {
        _ = try PortfolioThresholds(yaml: text, file: "s.yaml")
        Issue.record("accepted \(text)")
      } catch {
        #expect(error.description.contains(named), "\(error)")
      }
    }
  }
}
