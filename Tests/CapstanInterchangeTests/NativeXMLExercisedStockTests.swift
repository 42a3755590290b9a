import CapstanInterchange
import CapstanModel
import CapstanStore
import Foundation
import Testing

/// An exercise whose stock is recorded (`issued-*`): 100 of Ada's 1,000 options (strike $0.10)
/// exercised on 2025-03-01 into 150 Preferred held by Bob at $0.20, as an OCF package can say.
@Suite("Native XML exercises with recorded stock")
struct NativeXMLExercisedStockTests {
  static func xml(_ exercise: String) -> [UInt8] {
    Array(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company name="Delta" currency="USD" incorporated="2025-01-01"/>
        <stakeholders><stakeholder id="ada" name="Ada"/><stakeholder id="bob" name="Bob"/>
        </stakeholders>
        <classes>
          <class id="c" name="Common" authorized="100000"/>
          <class id="p" name="Preferred" kind="preferred" authorized="1000"/>
        </classes>
        <plans><plan id="pl" name="Plan" class="c" reserve="10000" adopted="2025-01-01"/></plans>
        <transactions>
          <grant date="2025-02-01" security="OP-1" holder="ada" plan="pl" quantity="1000" strike="0.1"/>
          \(exercise)
        </transactions>
      </capstan>
      """.utf8)
  }

  static let recorded = #"""
    <exercise date="2025-03-01" grant="OP-1" quantity="100" resulting-security="CS-1" issued-holder="bob" issued-class="p" issued-quantity="150" issued-price="0.2"/>
    """#

  @Test("issued-* attributes: the stock stands, the options used are the exercise's; kept")
  func roundTrip() throws {
    let image = try NativeXMLReader.read(bytes: Self.xml(Self.recorded), name: "delta.xml")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-exercised-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("d.db").path
    let company = try SQLiteWorkspace.create(at: path).write { draft in
      try image.write(into: &draft)
    }
    // Read back from the file: the store keeps the recorded stock.
    let ledger = try SQLiteWorkspace.open(at: path).ledger(for: company.id)
    let table = try ledger.replay()
    let stock = try #require(table.stock["CS-1"])
    #expect(table.name(of: stock.holder) == "Bob")
    #expect(table.classes[stock.shareClass]?.definition.name == "Preferred")
    #expect(stock.quantity == Shares(150))
    #expect(stock.pricePerShare == Ratio(1, 5))
    // 1,000 granted − 100 exercised = 900 options left; the pool is 10,000 − 1,000 = 9,000.
    #expect(table.options["OP-1"]?.outstanding == Shares(900))
    #expect(table.plans.values.first?.available == Shares(9_000))
    // Common issued nothing; Preferred 150.
    #expect(table.classes.values.map(\.outstanding).sorted() == [Shares(0), Shares(150)])

    let written = try NativeXMLWriter.bytes(of: ledger)
    let text = String(decoding: written, as: UTF8.self)
    #expect(text.contains(#"issued-quantity="150" issued-price="0.2""#))
    let again = try NativeXMLReader.read(bytes: written, name: "again.xml")
    let second = InMemoryWorkspace()
    let copy = try second.write { draft in try again.write(into: &draft) }
    #expect(try second.ledger(for: copy.id).transactions == ledger.transactions)
  }

  @Test("custom-id on a grant and an exercise is read, shown by id and written back")
  func customIDs() throws {
    let exercise = Self.recorded.replacingOccurrences(
      of: #"issued-price="0.2""#, with: #"issued-price="0.2" custom-id="PS-7""#)
    let bytes = String(decoding: Self.xml(exercise), as: UTF8.self).replacingOccurrences(
      of: #"strike="0.1""#, with: #"strike="0.1" custom-id="EC-1""#)
    let image = try NativeXMLReader.read(bytes: Array(bytes.utf8), name: "ids.xml")
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try image.write(into: &draft) }
    let ledger = try workspace.ledger(for: company.id)
    // EC-1 names the grant OP-1; PS-7 the exercise's resulting CS-1.
    #expect(ledger.customIDs == ["OP-1": "EC-1", "CS-1": "PS-7"])
    let text = String(decoding: try NativeXMLWriter.bytes(of: ledger), as: UTF8.self)
    #expect(text.contains(#"custom-id="EC-1""#))
    #expect(text.contains(#"custom-id="PS-7""#))
  }

  @Test("an exercise giving some issued-* attributes but not all is refused, naming them")
  func partialRefused() throws {
    let exercise = #"""
      <exercise date="2025-03-01" grant="OP-1" quantity="100" resulting-security="CS-1" issued-holder="bob"/>
      """#
    do {
      _ = try NativeXMLReader.read(bytes: Self.xml(exercise), name: "bad.xml")
      Issue.record("read")
    } catch {
      #expect("\(error)".contains("issued-class, issued-quantity, issued-price"))
    }
  }

  @Test("recorded stock is checked like an issuance: past the authorized shares is refused")
  func overAuthorized() throws {
    // Preferred authorizes 1,000: 1,500 recorded shares do not fit.
    let exercise = Self.recorded.replacingOccurrences(
      of: #"issued-quantity="150""#, with: #"issued-quantity="1500""#)
    let image = try NativeXMLReader.read(bytes: Self.xml(exercise), name: "over.xml")
    let workspace = InMemoryWorkspace()
    #expect(throws: (any Error).self) {
      _ = try workspace.write { draft in try image.write(into: &draft) }
    }
    #expect(try workspace.companies().isEmpty)
  }
}
