import CapstanModel
import Foundation
import Testing

@testable import CapstanOCF

/// VESTING_TERMS graphs read into `VestingTerms`; every expected number derived by hand.
@Suite("Vesting terms to VestingTerms")
struct OCFVestingTemplateTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  func terms(_ json: String) throws -> OCFVestingTerms {
    try JSONDecoder().decode(OCFVestingTerms.self, from: Data(json.utf8))
  }

  func condition(
    _ id: String, _ trigger: String, portion: (String, String)? = nil, remainder: Bool = false,
    quantity: String? = nil, next: [String] = [], cliff: Int? = nil
  ) -> String {
    let portionText =
      portion.map {
        #","portion":{"numerator":"\#($0.0)","denominator":"\#($0.1)","remainder":\#(remainder)}"#
      } ?? ""
    let quantityText = quantity.map { #","quantity":"\#($0)""# } ?? ""
    let cliffText =
      cliff.map { #","cliff_condition":{"period":{"type":"MONTHS","length":\#($0)}}"# } ?? ""
    let nextText = next.map { "\"\($0)\"" }.joined(separator: ",")
    return
      #"{"id":"\#(id)","trigger":\#(trigger)\#(portionText)\#(quantityText)\#(cliffText),"next_condition_ids":[\#(nextText)]}"#
  }

  func relative(_ length: Int, _ occurrences: Int, from: String, unit: String = "MONTHS")
    -> String
  {
    #"{"type":"VESTING_SCHEDULE_RELATIVE","relative_to_condition_id":"\#(from)","period":{"type":"\#(unit)","length":\#(length),"occurrences":\#(occurrences)}}"#
  }

  func absolute(_ date: String) -> String {
    #"{"type":"VESTING_SCHEDULE_ABSOLUTE","date":"\#(date)"}"#
  }

  let start = #"{"type":"VESTING_START_DATE"}"#
  let event = #"{"type":"VESTING_EVENT"}"#

  func wrap(_ conditions: [String], allocation: String = "CUMULATIVE_ROUND_DOWN") -> String {
    #"{"id":"t","allocation_type":"\#(allocation)","vesting_conditions":[\#(conditions.joined(separator: ","))]}"#
  }

  func template(_ json: String) throws -> OCFVestingTemplate {
    switch OCFVestingShape(try terms(json)) {
    case .template(let template): return template
    case .unmappable(let reason): throw OCFVestingUnmappable(reason)
    }
  }

  /// The terms for `quantity` from 2025-01-01.
  func resolved(_ json: String, _ quantity: Int64) throws -> VestingTerms {
    try template(json).terms(quantity: Shares(quantity), start: Self.day("2025-01-01"))
  }

  func plain(_ total: Int, _ cliff: Int, _ frequency: Int) -> VestingSchedule {
    VestingSchedule(
      start: Self.day("2025-01-01"), totalMonths: total, cliffMonths: cliff,
      frequencyMonths: frequency)
  }

  @Test("OCF 1.1 shape: start, then 48 monthly installments with a 12-month cliff_condition")
  func oldCliff() throws {
    let json = wrap([
      condition("s", start, portion: ("0", "48"), next: ["m"]),
      condition("m", relative(1, 48, from: "s"), portion: ("1", "48"), cliff: 12),
    ])
    #expect(try resolved(json, 4_800).plainSchedule == plain(48, 12, 1))
  }

  @Test("OCF 1.2 shape: a 12-month cliff of 12/48, then 36 monthly (per condition or each)")
  func newCliff() throws {
    for monthly in [("36", "48"), ("1", "48")] {
      let json = wrap([
        condition("s", start, next: ["c"]),
        condition("c", relative(12, 1, from: "s"), portion: ("12", "48"), next: ["m"]),
        condition("m", relative(1, 36, from: "c"), portion: monthly),
      ])
      #expect(try resolved(json, 4_800).plainSchedule == plain(48, 12, 1))
    }
  }

  @Test("LTSE shape: cliff and installments as portions of the remainder")
  func remainder() throws {
    let json = wrap([
      condition("s", start, next: ["c"]),
      condition(
        "c", relative(12, 1, from: "s"), portion: ("12", "48"), remainder: true, next: ["m"]),
      condition("m", relative(1, 36, from: "c"), portion: ("1", "36"), remainder: true),
    ])
    #expect(try resolved(json, 4_800).plainSchedule == plain(48, 12, 1))
  }

  /// OCF's options tutorial counts the installments from "cliff", an id no condition has: they
  /// count from the condition before them (the 12-month cliff), with a note.
  @Test("a schedule counted from an id that is no condition counts from the one before")
  func dirtyRelative() throws {
    let json = wrap([
      condition("s", start, next: ["c-1"]),
      condition("c-1", relative(12, 1, from: "s"), portion: ("12", "48"), next: ["m"]),
      condition("m", relative(1, 36, from: "cliff"), portion: ("1", "48")),
    ])
    let template = try template(json)
    #expect(template.notes.count == 1)
    #expect(
      try template.terms(quantity: 4_800, start: Self.day("2025-01-01")).plainSchedule
        == plain(48, 12, 1))
  }

  @Test("quarterly over 3 years, no cliff")
  func quarterly() throws {
    let json = wrap([
      condition("s", start, next: ["q"]),
      condition("q", relative(3, 12, from: "s"), portion: ("1", "12")),
    ])
    #expect(try resolved(json, 1_200).plainSchedule == plain(36, 0, 3))
  }

  /// 10/20/30/40 yearly of 1,000 from 2025-01-01: 100 on 2026-01-01, 200 on 2027-01-01, 300
  /// on 2028-01-01, 400 on 2029-01-01; cumulative 100, 300, 600, 1,000.
  @Test("unequal yearly tranches 10/20/30/40")
  func unequalTranches() throws {
    let json = wrap([
      condition("s", start, next: ["a"]),
      condition("a", relative(12, 1, from: "s"), portion: ("10", "100"), next: ["b"]),
      condition("b", relative(12, 1, from: "a"), portion: ("20", "100"), next: ["c"]),
      condition("c", relative(12, 1, from: "b"), portion: ("30", "100"), next: ["d"]),
      condition("d", relative(12, 1, from: "c"), portion: ("40", "100")),
    ])
    let terms = try resolved(json, 1_000)
    #expect(terms.periodic == nil)
    #expect(
      terms.tranches == [
        VestingTranche(date: Self.day("2026-01-01"), amount: 100),
        VestingTranche(date: Self.day("2027-01-01"), amount: 200),
        VestingTranche(date: Self.day("2028-01-01"), amount: 300),
        VestingTranche(date: Self.day("2029-01-01"), amount: 400),
      ])
    let expected: [(String, Int64)] = [
      ("2025-12-31", 0), ("2026-01-01", 100), ("2027-01-01", 300), ("2028-01-01", 600),
      ("2029-01-01", 1_000),
    ]
    for (date, vested) in expected {
      #expect(terms.vested(of: 1_000, asOf: Self.day(date)) == Shares(vested), "\(date)")
    }
  }

  /// 30-day periods, 12 of them, no cliff: 1,200 over 360 days; day 90 → 1,200 × 90 ÷ 360 = 300;
  /// day 89 → 1,200 × 60 ÷ 360 = 200 (installments every 30 days).
  @Test("day-based periods")
  func days() throws {
    let json = wrap([
      condition("s", start, next: ["d"]),
      condition("d", relative(30, 12, from: "s", unit: "DAYS"), portion: ("1", "12")),
    ])
    let terms = try resolved(json, 1_200)
    #expect(terms.periodic == PeriodicVesting(unit: .days, length: 360, frequency: 30, cliff: 0))
    #expect(terms.vested(of: 1_200, asOf: Self.day("2025-01-01").adding(days: 90)) == 300)
    #expect(terms.vested(of: 1_200, asOf: Self.day("2025-01-01").adding(days: 89)) == 200)
  }

  /// Absolute dates with fixed quantities: 400 on 2026-01-01, 600 on 2027-01-01 (1,000 in all).
  /// 900 shares cannot take them (they add up to 1,000).
  @Test("absolute dates and fixed quantities")
  func absoluteQuantities() throws {
    let json = wrap([
      condition("s", start, next: ["a"]),
      condition("a", absolute("2026-01-01"), quantity: "400", next: ["b"]),
      condition("b", absolute("2027-01-01"), quantity: "600"),
    ])
    let terms = try resolved(json, 1_000)
    #expect(terms.vested(of: 1_000, asOf: Self.day("2026-06-30")) == 400)
    #expect(terms.vested(of: 1_000, asOf: Self.day("2027-01-01")) == 1_000)
    #expect(throws: OCFVestingUnmappable.self) { try resolved(json, 900) }
  }

  /// "10 % upfront" (an event), then 48/12/1 on the remaining 90 %: 1,000 granted, a milestone
  /// `upfront` of 100, and 900 on the schedule: at 12 months floor(900 × 12 ÷ 48) = 225, plus
  /// 100 once the event is recorded.
  @Test("an event condition becomes a milestone named by its id")
  func upfrontEvent() throws {
    let json = wrap([
      condition("vesting-start", start, next: ["upfront"]),
      condition("upfront", event, portion: ("10", "100"), next: ["cliff"]),
      condition(
        "cliff", relative(12, 1, from: "vesting-start"), portion: ("12", "48"), remainder: true,
        next: ["monthly"]),
      condition("monthly", relative(1, 36, from: "cliff"), portion: ("1", "36"), remainder: true),
    ])
    let terms = try resolved(json, 1_000)
    #expect(terms.milestones == [VestingMilestone(name: "upfront", amount: 100)])
    #expect(terms.periodic == PeriodicVesting(length: 48, frequency: 1, cliff: 12))
    let year = Self.day("2026-01-01")
    #expect(terms.vested(of: 1_000, asOf: year) == 225)
    let reached = VestingFacts(milestones: [.init(name: "upfront", date: Self.day("2025-02-01"))])
    #expect(terms.vested(of: 1_000, asOf: year, facts: reached) == 325)
  }

  /// OCF's example: 18 shares over 4 quarterly installments, back loaded: 4-4-5-5, so 4, 8,
  /// 13, 18 cumulative; the allocation is kept, with no warning.
  @Test("every allocation type is kept", arguments: VestingAllocation.allCases)
  func allocation(_ allocation: VestingAllocation) throws {
    let json = wrap(
      [
        condition("s", start, next: ["q"]),
        condition("q", relative(3, 4, from: "s"), portion: ("1", "4")),
      ], allocation: allocation.rawValue)
    let template = try template(json)
    #expect(template.allocation == allocation)
    #expect(template.notes.isEmpty)
    if allocation == .backLoaded {
      let terms = try template.terms(quantity: 18, start: Self.day("2025-01-01"))
      let cumulative = ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"].map {
        terms.vested(of: 18, asOf: Self.day($0)).count
      }
      #expect(cumulative == [4, 8, 13, 18])
    }
  }

  /// OCF's "all or nothing with expiration": deadlines that vest nothing are dropped (with a
  /// note); the sale is a milestone of the whole grant.
  @Test("deadline branches that vest nothing are dropped with a note")
  func deadlines() throws {
    let json = wrap([
      condition("vesting-start", start, next: ["relative-expiration", "qualifying-sale"]),
      condition("relative-expiration", relative(36, 1, from: "vesting-start"), portion: ("0", "1")),
      condition("qualifying-sale", event, portion: ("1", "1")),
    ])
    let template = try template(json)
    #expect(template.notes.count == 1)
    let terms = try template.terms(quantity: 500, start: Self.day("2025-01-01"))
    #expect(terms.milestones == [VestingMilestone(name: "qualifying-sale", amount: 500)])
    #expect(terms.periodic == nil && terms.tranches.isEmpty)
  }

  @Test("branches, a schedule from an event, portions short of the whole, loaded misfits")
  func unmappable() throws {
    let branch = wrap([
      condition("s", start, next: ["time", "sale"]),
      condition("time", relative(48, 1, from: "s"), portion: ("1", "1")),
      condition("sale", event, portion: ("1", "1")),
    ])
    let afterEvent = wrap([
      condition("s", start, next: ["e"]),
      condition("e", event, portion: ("1", "2"), next: ["m"]),
      condition("m", relative(1, 12, from: "e"), portion: ("1", "24")),
    ])
    let short = wrap([
      condition("s", start, next: ["a"]),
      condition("a", relative(12, 1, from: "s"), portion: ("10", "100"), next: ["b"]),
      condition("b", relative(12, 1, from: "a"), portion: ("20", "100")),
    ])
    // Front loaded splits into equal quarterly installments: a 10-month cliff is not whole ones.
    let loaded = wrap(
      [
        condition("s", start, next: ["q"]),
        condition("q", relative(3, 12, from: "s"), portion: ("1", "12"), cliff: 10),
      ], allocation: "FRONT_LOADED")
    for json in [branch, afterEvent, short, loaded] {
      guard case .unmappable = OCFVestingShape(try terms(json)) else {
        Issue.record("expected unmappable: \(json)")
        continue
      }
    }
  }
}
