import CapstanModel
import Foundation
import Testing

@testable import CapstanInterchange

@Suite("Spreadsheet text: vesting, dates, labels, kinds, class terms, CSV")
struct SheetTextTests {
  /// Each form spelled out by hand: 4 years = 48 months, a 1-year cliff = 12 months, "1/48
  /// monthly" = 48 monthly installments, quarterly = every 3 months, "no cliff" = 0.
  @Test(arguments: [
    ("48/12/1", 48, 12, 1), ("4 years monthly, 1 year cliff", 48, 12, 1),
    ("4 year vesting with a 1 year cliff, monthly", 48, 12, 1),
    ("1/48 monthly after 1 year cliff", 48, 12, 1),
    ("1/48th monthly after a 1-year cliff", 48, 12, 1),
    ("4 years quarterly, no cliff", 48, 0, 3), ("36 months monthly, 6 month cliff", 36, 6, 1),
    ("1 year cliff, 4 years monthly", 48, 12, 1),
  ])
  func vestingForms(text: String, total: Int, cliff: Int, every: Int) {
    #expect(
      SheetVestingText.read(text)
        == .schedule(total: total, cliff: cliff, frequency: every, assumedMonthly: false))
  }

  /// No frequency word: monthly is assumed and said so.
  @Test func vestingWithoutFrequencyIsAssumedMonthly() {
    #expect(
      SheetVestingText.read("48 months / 12 month cliff")
        == .schedule(total: 48, cliff: 12, frequency: 1, assumedMonthly: true))
    #expect(SheetVestingText.read("Fully vested") == SheetVestingText.Reading.none)
    #expect(SheetVestingText.read("whenever the board likes") == nil)
    #expect(SheetVestingText.read("1 year cliff, 6 months") == nil, "a cliff longer than the total")
  }

  @Test(arguments: [
    ("2025-01-15", nil, "2025-01-15"), ("01/15/2025", nil, "2025-01-15"),
    ("3/1/2025", SheetDateFormat.us, "2025-03-01"), ("3/1/2025", .dmy, "2025-01-03"),
    ("15.01.2025", .dmy, "2025-01-15"), ("January 15, 2025", nil, "2025-01-15"),
    ("15 Jan 2025", nil, "2025-01-15"), ("15-Jan-2025", nil, "2025-01-15"),
    ("Sept 3, 2024", nil, "2024-09-03"), ("2025-01-15T00:00:00", nil, "2025-01-15"),
  ])
  func dates(text: String, format: SheetDateFormat?, iso: String) throws {
    let reading = try SheetDateText.read(text, format: format).get()
    switch reading {
    case .unambiguous(let date), .numeric(let date, _): #expect(date.iso == iso)
    }
  }

  /// A day-first date read in the default US order fails and names --date-format dmy; the US
  /// order is flagged as assumed only when no format was given.
  @Test func ambiguousAndImpossibleDates() throws {
    #expect(SheetDateText.read("15/01/2025", format: nil) == .failure(.dayFirstWithoutFormat))
    #expect(DateTextError.dayFirstWithoutFormat.expected.contains("--date-format dmy"))
    #expect(SheetDateText.read("01/15/2025", format: .iso) == .failure(.isoOnly))
    #expect(SheetDateText.read("02/30/2025", format: .us) == .failure(.notInOrder("MM/DD/YYYY")))
    let march = try #require(CalendarDate(year: 2025, month: 3, day: 1))
    #expect(
      SheetDateText.read("03/01/2025", format: nil) == .success(.numeric(march, assumedUS: true)))
    #expect(SheetDateText.read("soon", format: nil) == .failure(.notADate))
  }

  @Test(arguments: [
    ("Total", SheetRowLabel.total), ("TOTAL", .total), ("Grand Total", .total),
    ("Total fully diluted", .total), ("Total Common", .subtotal(scope: "common")),
    ("Series Seed subtotal", .subtotal(scope: "series seed")), ("Subtotal", .subtotal(scope: "")),
    ("Option pool", .pool), ("Available for grant", .pool), ("Option pool (available)", .pool),
    ("Options available for grant", .pool), ("As of 12/31/2025", .asOf(" 12/31/2025")),
  ])
  func rowLabels(text: String, label: SheetRowLabel) {
    #expect(SheetRowLabel.classify(text) == label)
  }

  @Test(arguments: ["Ada Lovelace", "Kai Müller", "Totally Real Person", "Poole Smith"])
  func holderNamesAreNotLabels(name: String) {
    #expect(SheetRowLabel.classify(name) == nil)
    #expect(SheetHolderKind.inferred(from: name) == nil)
  }

  @Test(arguments: [
    ("Acme Inc.", "inc"), ("Northwind Ventures LP", "ventures"), ("Seed Fund I", "fund"),
    ("Blue Sky Capital", "capital"), ("The Lovelace Family Trust", "trust"),
    ("Foo Holdings, L.L.C.", "holdings"), ("Bar L.P.", "lp"),
  ])
  func institutionsFromNames(name: String, word: String) {
    #expect(SheetHolderKind.inferred(from: name) == word)
  }

  @Test func holderKindCells() {
    #expect(SheetHolderKind.parse("Individual") == .individual)
    #expect(SheetHolderKind.parse("Entity") == .institution)
    #expect(SheetHolderKind.parse("alien") == nil)
  }

  /// Terms as sheets write them; 2:1 is two common shares per share.
  @Test func classTermCells() throws {
    var terms = SheetClassTerms(name: "Series A")
    try terms.read(.kind, .text("Preferred Stock"), at: "A2")
    try terms.read(.liquidationMultiple, .text("1.5x"), at: "B2")
    try terms.read(.participation, .text("Participating, capped at 3x"), at: "C2")
    try terms.read(.seniority, .number("2"), at: "D2")
    try terms.read(.antiDilution, .text("Broad-based weighted average"), at: "E2")
    try terms.read(.conversionRatio, .text("2:1"), at: "F2")
    try terms.read(.originalIssuePrice, .text("$1.25"), at: "G2")
    #expect(terms.kind == .preferred)
    #expect(terms.liquidationMultiple == Ratio(3, 2))
    #expect(terms.participates == true && terms.participationCap == Ratio(3))
    #expect(terms.seniority == 2 && terms.antiDilution == .broadBasedWeightedAverage)
    #expect(terms.conversionRatio == Ratio(2) && terms.originalIssuePrice == Ratio(5, 4))
    #expect(throws: ImportError.self) {
      try terms.read(.liquidationMultiple, .text("lots"), at: "B3")
    }
    var other = SheetClassTerms(name: "Series A")
    try other.read(.liquidationMultiple, .text("2x"), at: "K9")
    let error = #expect(throws: ImportError.self) { try terms.merge(other) }
    #expect(error?.location == "K9")
    #expect(error?.description.contains("differs from the one at B2") == true)
  }

  /// Quoted fields keep commas, doubled quotes and line breaks; a BOM is dropped; empty cells
  /// are left out; the sheet is named after the file.
  @Test func csvReader() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sheet-\(UUID().uuidString.prefix(8)).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try
      "\u{FEFF}Name,Shares,Note\r\n\"Doe, Jane\",\"1,000\",\"said \"\"hi\"\"\nthen left\"\n,,\nBo,5,\n"
      .write(to: url, atomically: true, encoding: .utf8)
    let grid = try CSVReader.read(path: url.path)
    #expect(grid.name == url.deletingPathExtension().lastPathComponent)
    #expect(grid.rows.map(\.number) == [1, 2, 4])
    #expect(grid.rows[0].cells.first?.value == .text("Name"))
    #expect(
      grid.rows[1].cells.map(\.value) == [
        .text("Doe, Jane"), .text("1,000"), .text("said \"hi\"\nthen left"),
      ])
    #expect(grid.rows[2].cells.map(\.column) == [0, 1])
    try "A,\"open\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: ImportError.self) { try CSVReader.read(path: url.path) }
  }
}

@Suite("Share classes sheet")
struct ShareClassesSheetTests {
  /// On a classes sheet "Issue Price" is the class's original issue price and "Type" its kind;
  /// a title row above the header and a total row below are passed over.
  @Test func readsTermsByHeader() throws {
    var grid = SheetGrid(file: "book.xlsx", name: "Share Classes")
    func row(_ number: Int, _ values: [SheetGrid.Value]) {
      grid.rows.append(
        (number, values.enumerated().map { SheetGrid.Cell(column: $0.offset, value: $0.element) }))
    }
    row(1, [.text("Classes of stock")])
    row(2, [.text("Name"), .text("Type"), .text("Issue Price"), .text("Liq. Pref"), .text("Cap")])
    row(3, [.text("Series A"), .text("Preferred"), .number("2.5"), .text("1x"), .text("3x")])
    row(4, [.text("Common"), .text("Common")])
    row(5, [.text("Total")])
    let classes = try SheetClassTerms.readSheet(grid)
    #expect(classes.map(\.name) == ["Series A", "Common"])
    #expect(classes[0].kind == .preferred && classes[1].kind == .common)
    #expect(classes[0].originalIssuePrice == Ratio(5, 2))
    #expect(classes[0].liquidationMultiple == .one)
    #expect(classes[0].participationCap == Ratio(3))
    #expect(classes[0].locations[.originalIssuePrice] == "book.xlsx, sheet Share Classes, cell C3")
  }
}
