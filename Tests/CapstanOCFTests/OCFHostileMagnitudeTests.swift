import CapstanModel
import Foundation
import Testing

@testable import CapstanOCF

/// Magnitudes past Capstan's limits (docs/limits.md) in OCF input: refused, never a trap.
@Suite("OCF magnitudes past the limits")
struct OCFHostileMagnitudeTests {
  let helper = OCFVestingTemplateTests()

  /// A period of Int64.max months used to trap (length × occurrences multiplied before the
  /// bound check): now refused as beyond the period limit, naming the condition.
  @Test(
    "a vesting period of Int64.max months, or Int64.max occurrences, is refused",
    arguments: [(Int(Int64.max), 1), (Int(Int64.max), 2), (1, Int(Int64.max)), (12, 101)])
  func hugePeriods(_ length: Int, _ occurrences: Int) throws {
    let json = helper.wrap([
      helper.condition("start", helper.start, next: ["monthly"]),
      helper.condition(
        "monthly", helper.relative(length, occurrences, from: "start"), portion: ("1", "1")),
    ])
    do {
      _ = try helper.resolved(json, 1_000)
      Issue.record("accepted a period of \(length) × \(occurrences) months")
    } catch let error as OCFVestingUnmappable {
      #expect(error.reason.contains("monthly"), "\(error.reason)")
      #expect(error.reason.contains("limit"), "\(error.reason)")
    }
  }

  @Test func aHundredThousandDigitNumericIsRefusedNamingTheLimit() {
    let text = "1" + String(repeating: "0", count: 99_999)
    let problem = OCFNumeric.limitProblem(text)
    #expect(problem?.contains("limit") == true)
    #expect((problem?.count ?? 0) < 300)
    // 18 whole digits and 10 decimals are inside; 19 whole digits are not.
    #expect(OCFNumeric.limitProblem("999999999999999999.9999999999") == nil)
    #expect(OCFNumeric.limitProblem("0001000000000000000000") != nil)
    #expect(OCFNumeric.limitProblem("-1000000000000000000") != nil)
  }

  @Test func duplicateJSONKeysAreRefused() throws {
    let data = Data(#"{"id":"a","quantity":"1","quantity":"9"}"#.utf8)
    #expect(throws: (any Error).self) { _ = try OCFJSONParser.parse(data) }
    do {
      _ = try OCFJSONParser.parse(data)
    } catch {
      #expect("\(error)".contains("\"quantity\" is repeated"), "\(error)")
    }
    // Past 16 members the check uses a set; a repeat there is found too.
    let many = (0..<40).map { #""k\#($0)":1"# }.joined(separator: ",")
    #expect(throws: (any Error).self) {
      _ = try OCFJSONParser.parse(Data(("{" + many + #","k3":2}"#).utf8))
    }
    _ = try OCFJSONParser.parse(Data(("{" + many + "}").utf8))
  }
}
