import CapstanModel
import Foundation
import Testing

@Suite("VestingSchedule")
struct VestingScheduleTests {
  /// 48/12/1 from 2025-03-31: N = 48, vested(m) = floor(480,000 × m ÷ 48) = 10,000 × m.
  static let grant = VestingSchedule(
    start: day("2025-03-31"), totalMonths: 48, cliffMonths: 12, frequencyMonths: 1)

  @Test(
    "48/12/1 of 480,000 from 2025-03-31",
    arguments: [
      ("2025-03-30", Int64(0)),  // before the start
      ("2025-03-31", 0),  // the start: 0 months
      ("2026-03-30", 0),  // 11 whole months: before the cliff
      ("2026-03-31", 120_000),  // 12 months: the cliff vests 12 × 10,000
      ("2026-04-29", 120_000),  // still 12 (2025-03-31 + 13 months = 2026-04-30)
      ("2026-04-30", 130_000),  // 13 months (clamped to April's last day)
      ("2027-02-27", 220_000),  // 22 months (+23 months = 2027-02-28)
      ("2027-02-28", 230_000),  // 23 months (clamped to February's last day)
      ("2029-03-30", 470_000),  // 47 months
      ("2029-03-31", 480_000),  // 48 months: everything
      ("2035-01-01", 480_000),  // long after: still everything
    ])
  func monthly(date: String, vested: Int64) {
    #expect(Self.grant.vested(of: Shares(480_000), asOf: day(date)) == Shares(vested))
  }

  @Test("cumulative floor: 100,000 over 48 months, 19 months on")
  func cumulativeFloor() {
    let schedule = VestingSchedule(start: day("2025-01-01"), totalMonths: 48, cliffMonths: 12)
    // 2025-01-01 + 19 months = 2026-08-01 ≤ 2026-08-31 < + 20 months;
    // 100,000 × 19 ÷ 48 = 39,583.33 → 39,583
    #expect(schedule.vested(of: 100_000, asOf: day("2026-08-31")) == Shares(39_583))
    // 36 months of 1,000: 1000/36 = 27.78 → 27; 2000/36 = 55.56 → 55; 35000/36 = 972.2 → 972
    let short = VestingSchedule(start: day("2025-01-01"), totalMonths: 36)
    #expect(short.vested(of: 1000, asOf: day("2025-02-01")) == Shares(27))
    #expect(short.vested(of: 1000, asOf: day("2025-03-01")) == Shares(55))
    #expect(short.vested(of: 1000, asOf: day("2027-12-01")) == Shares(972))
    #expect(short.vested(of: 1000, asOf: day("2028-01-01")) == Shares(1000))
  }

  @Test(
    "48/12/3 (quarterly) of 480,000 from 2025-01-01",
    arguments: [
      ("2025-12-31", Int64(0)),  // 11 months
      ("2026-01-01", 120_000),  // 12: the cliff
      ("2026-03-31", 120_000),  // 14 months, the next quarter is at 15
      ("2026-04-01", 150_000),  // 15 months × 10,000
      ("2028-12-31", 450_000),  // 47 months → the 45-month installment
      ("2029-01-01", 480_000),  // 48
    ])
  func quarterly(date: String, vested: Int64) {
    let schedule = VestingSchedule(
      start: day("2025-01-01"), totalMonths: 48, cliffMonths: 12, frequencyMonths: 3)
    #expect(schedule.vested(of: 480_000, asOf: day(date)) == Shares(vested))
  }

  @Test(
    "no cliff: 48/0/1 of 480,000 from 2025-01-01",
    arguments: [
      ("2025-01-01", Int64(0)),
      ("2025-01-31", 0),  // not a whole month yet
      ("2025-02-01", 10_000),  // 1 month
      ("2025-07-15", 60_000),  // 6 months
    ])
  func noCliff(date: String, vested: Int64) {
    let schedule = VestingSchedule(start: day("2025-01-01"), totalMonths: 48)
    #expect(schedule.vested(of: 480_000, asOf: day(date)) == Shares(vested))
  }

  @Test("a cliff that does not fall on an installment: 12/5/3 of 1,200")
  func offCycleCliff() {
    let schedule = VestingSchedule(
      start: day("2025-01-01"), totalMonths: 12, cliffMonths: 5, frequencyMonths: 3)
    // month 4: before the cliff; month 5: the cliff vests 5/12 (500); month 6: 6/12 (600);
    // month 8: still 600 (next quarter at 9); month 9: 900
    #expect(schedule.vested(of: 1200, asOf: day("2025-05-01")) == Shares(0))
    #expect(schedule.vested(of: 1200, asOf: day("2025-06-01")) == Shares(500))
    #expect(schedule.vested(of: 1200, asOf: day("2025-07-01")) == Shares(600))
    #expect(schedule.vested(of: 1200, asOf: day("2025-09-01")) == Shares(600))
    #expect(schedule.vested(of: 1200, asOf: day("2025-10-01")) == Shares(900))
  }

  @Test("end date and notation")
  func endAndNotation() {
    #expect(Self.grant.end == day("2029-03-31"))
    #expect(Self.grant.notation == "48/12/1")
  }

  @Test(
    "parse TOTAL/CLIFF/FREQUENCY",
    arguments: [
      ("48/12/1", 48, 12, 1),
      ("12/0/3", 12, 0, 3),
      ("48/48/1", 48, 48, 1),
      ("1200/0/1", 1200, 0, 1),
      ("1/0/1", 1, 0, 1),
    ])
  func parse(text: String, total: Int, cliff: Int, every: Int) throws {
    let schedule = try VestingSchedule.parse(text, start: day("2025-03-31"))
    #expect(schedule.totalMonths == total)
    #expect(schedule.cliffMonths == cliff)
    #expect(schedule.frequencyMonths == every)
    #expect(schedule.start == day("2025-03-31"))
    #expect(schedule.notation == text)
  }

  @Test(
    "bad notations name --vesting and the input",
    arguments: [
      "48/12", "48/12/1/1", "0/0/1", "48/60/1", "48/12/0", "48/-1/1", "a/b/c", "", "48/12/49",
      "48//1", "1201/0/1", " 48/12/1", "48-12-1", "48/12/1.5",
    ])
  func parseRejected(text: String) {
    let error = #expect(throws: InputError.self) {
      try VestingSchedule.parse(text, start: day("2025-03-31"))
    }
    #expect(error?.description.contains("--vesting") == true)
    #expect(error?.description.contains("'\(text)'") == true)
  }

  @Test("JSON keeps the four named keys with plain integers, and round-trips")
  func codable() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = String(decoding: try encoder.encode(Self.grant), as: UTF8.self)
    #expect(
      text == #"{"cliffMonths":12,"frequencyMonths":1,"start":"2025-03-31","totalMonths":48}"#)
    let decoded = try JSONDecoder().decode(VestingSchedule.self, from: Data(text.utf8))
    #expect(decoded == Self.grant)
  }

  @Test("setting the month counts through the Int accessors")
  func mutation() {
    var schedule = Self.grant
    schedule.totalMonths = 36
    schedule.cliffMonths = 6
    schedule.frequencyMonths = 3
    #expect(schedule.notation == "36/6/3")
    #expect(
      schedule
        == VestingSchedule(
          start: day("2025-03-31"), totalMonths: 36, cliffMonths: 6, frequencyMonths: 3))
  }
}
