import CapstanModel
import Testing

@testable import CapstanInterchange

@Suite("Spreadsheet cell values")
struct SheetValueTests {
  /// 1900 system, checked against Excel's documented serials: 1 = 1900-01-01, 59 = 1900-02-28,
  /// 60 = the 1900-02-29 that never was (refused), 61 = 1900-03-01, 45,672 = 2025-01-15
  /// (1899-12-30 + 45,672 days, computed separately with Python's datetime).
  @Test(arguments: [
    (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45_672, "2025-01-15"),
  ])
  func serials1900(serial: Int, iso: String) {
    #expect(SheetDate.date(serial: Ratio(serial), uses1904: false)?.iso == iso)
  }

  @Test func serial60And0AreRefusedIn1900() {
    #expect(SheetDate.date(serial: Ratio(60), uses1904: false) == nil)
    #expect(SheetDate.date(serial: Ratio(0), uses1904: false) == nil)
  }

  /// 1904 system: 0 = 1904-01-01; 44,210 = 2025-01-15 (1,462 fewer than in 1900).
  @Test func serials1904() {
    #expect(SheetDate.date(serial: Ratio(0), uses1904: true)?.iso == "1904-01-01")
    #expect(SheetDate.date(serial: Ratio(44_210), uses1904: true)?.iso == "2025-01-15")
    // A time of day is dropped: 44,210.75 is still that day.
    #expect(SheetDate.date(serial: Ratio(176_843, 4), uses1904: true)?.iso == "2025-01-15")
  }

  /// Exact reading of a double's text, then 15 significant digits: 0.10000000000000001 → 0.1.
  @Test(arguments: [
    ("0.10000000000000001", Ratio(1, 10)), ("1E-4", Ratio(1, 10_000)), ("4E6", Ratio(4_000_000)),
    ("1.5e-3", Ratio(3, 2_000)), ("1250000.5", Ratio(2_500_001, 2)),
  ])
  func numbers(text: String, value: Ratio) {
    #expect(SheetNumber.exact(text) == value)
  }

  @Test(arguments: ["", "abc", "1,000", "1E", "1E999", "0x10"])
  func notNumbers(text: String) {
    #expect(SheetNumber.exact(text) == nil)
  }

  @Test(arguments: [
    ("Shareholder", SheetColumn.holder), ("# Shares", .quantity), ("Cost/Share", .price),
    ("Exercise Price", .strike), ("Share Class", .shareClass), ("Vesting Start", .vestingStart),
    ("Issue Date", .issueDate), ("Security Class", .shareClass), ("E-mail", .email),
  ])
  func synonyms(header: String, column: SheetColumn) {
    #expect(SheetColumn.matching(header) == column)
  }
}
