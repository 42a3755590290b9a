import CapstanModel
import Foundation
import Testing

@testable import CapstanOCF

@Suite("Vesting terms to VestingSchedule")
struct OCFVestingShapeTests {
  func terms(_ json: String) throws -> OCFVestingTerms {
    try JSONDecoder().decode(OCFVestingTerms.self, from: Data(json.utf8))
  }

  func condition(
    _ id: String, _ trigger: String, portion: (Int, Int)? = nil, next: [String] = [],
    cliff: Int? = nil
  ) -> String {
    let portionText =
      portion.map { #","portion":{"numerator":"\#($0.0)","denominator":"\#($0.1)"}"# } ?? ""
    let cliffText =
      cliff.map { #","cliff_condition":{"period":{"type":"MONTHS","length":\#($0)}}"# } ?? ""
    let nextText = next.map { "\"\($0)\"" }.joined(separator: ",")
    return
      #"{"id":"\#(id)","trigger":\#(trigger)\#(portionText)\#(cliffText),"next_condition_ids":[\#(nextText)]}"#
  }

  func relative(_ length: Int, _ occurrences: Int, from: String) -> String {
    #"{"type":"VESTING_SCHEDULE_RELATIVE","relative_to_condition_id":"\#(from)","period":{"type":"MONTHS","length":\#(length),"occurrences":\#(occurrences)}}"#
  }

  let start = #"{"type":"VESTING_START_DATE"}"#

  func wrap(_ conditions: [String]) -> String {
    #"{"id":"t","allocation_type":"CUMULATIVE_ROUND_DOWN","vesting_conditions":[\#(conditions.joined(separator: ","))]}"#
  }

  @Test("OCF 1.1 shape: start, then 48 monthly installments with a 12-month cliff_condition")
  func oldCliff() throws {
    let json = wrap([
      condition("s", start, portion: (0, 48), next: ["m"]),
      condition("m", relative(1, 48, from: "s"), portion: (1, 48), cliff: 12),
    ])
    #expect(OCFVestingShape(try terms(json)) == .months(total: 48, cliff: 12, frequency: 1))
  }

  @Test("OCF 1.2 shape: start, a 12-month cliff of 12/48, then 36 monthly of 36/48")
  func newCliff() throws {
    let json = wrap([
      condition("s", start, next: ["c"]),
      condition("c", relative(12, 1, from: "s"), portion: (12, 48), next: ["m"]),
      condition("m", relative(1, 36, from: "c"), portion: (36, 48)),
    ])
    #expect(OCFVestingShape(try terms(json)) == .months(total: 48, cliff: 12, frequency: 1))
  }

  @Test("quarterly over 3 years, no cliff")
  func quarterly() throws {
    let json = wrap([
      condition("s", start, next: ["q"]),
      condition("q", relative(3, 12, from: "s"), portion: (1, 12)),
    ])
    #expect(OCFVestingShape(try terms(json)) == .months(total: 36, cliff: 0, frequency: 3))
  }

  @Test("an event trigger, unequal tranches or a day-based period do not fit")
  func unmappable() throws {
    let event = wrap([
      condition("s", start, next: ["e"]),
      condition("e", #"{"type":"VESTING_EVENT"}"#, portion: (1, 10)),
    ])
    let tranches = wrap([
      condition("s", start, next: ["a"]),
      condition("a", relative(12, 1, from: "s"), portion: (10, 100), next: ["b"]),
      condition("b", relative(12, 1, from: "a"), portion: (20, 100), next: ["c"]),
      condition("c", relative(12, 1, from: "b"), portion: (70, 100)),
    ])
    let days = wrap([
      condition("s", start, next: ["d"]),
      #"{"id":"d","trigger":{"type":"VESTING_SCHEDULE_RELATIVE","relative_to_condition_id":"s","period":{"type":"DAYS","length":30,"occurrences":12}},"next_condition_ids":[]}"#,
    ])
    for json in [event, tranches, days] {
      guard case .unmappable = OCFVestingShape(try terms(json)) else {
        Issue.record("expected unmappable: \(json)")
        continue
      }
    }
  }
}
