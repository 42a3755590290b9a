import CapstanInterchange
import CapstanModel
import CapstanStore
import Foundation
import Testing

/// The custom ids of the securities a transfer, cancellation, repurchase or conversion creates
/// (issue 14): read from Capstan XML, kept by the SQLite store, written back.
///
/// Ada holds CS-1 (1,000 Common). She transfers 300 to Bob as CS-2 ("T-2"), keeping 700 as
/// CS-3 ("B-3"); 100 of CS-3 are cancelled, leaving 600 as CS-4 ("B-4"); 200 of CS-4 are
/// repurchased, leaving 400 as CS-5 ("B-5"). Bob's $1,000 SAFE converts into 500 Common as CS-6
/// ("CV-6").
@Suite("Native XML custom ids of resulting and balance securities")
struct NativeXMLResultingCustomIDTests {
  static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <capstan xmlns="urn:capstan:ledger:1" version="1">
      <company name="Delta" currency="USD" incorporated="2025-01-01"/>
      <stakeholders><stakeholder id="ada" name="Ada"/><stakeholder id="bob" name="Bob"/>
      </stakeholders>
      <classes><class id="c" name="Common" authorized="100000"/></classes>
      <transactions>
        <issue date="2025-02-01" security="CS-1" holder="ada" class="c" quantity="1000" price="0.01" custom-id="C-1"/>
        <transfer date="2025-03-01" security="CS-1" to="bob" quantity="300" resulting-security="CS-2" balance-security="CS-3" custom-id="T-2" balance-custom-id="B-3"/>
        <cancel date="2025-04-01" security="CS-3" quantity="100" balance-security="CS-4" balance-custom-id="B-4"/>
        <repurchase date="2025-05-01" security="CS-4" quantity="200" price="0.01" balance-security="CS-5" balance-custom-id="B-5"/>
        <safe date="2025-05-02" security="SAFE-1" holder="bob" amount="1000"/>
        <conversion date="2025-06-01" security="SAFE-1" resulting-security="CS-6" class="c" quantity="500" price="2" custom-id="CV-6"/>
      </transactions>
    </capstan>
    """

  static let expected: [SecurityID: String] = [
    "CS-1": "C-1", "CS-2": "T-2", "CS-3": "B-3", "CS-4": "B-4", "CS-5": "B-5", "CS-6": "CV-6",
  ]

  @Test("read, stored in SQLite and written back")
  func roundTrip() throws {
    let image = try NativeXMLReader.read(bytes: Array(Self.xml.utf8), name: "ids.xml")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capstan-resulting-ids-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("d.db").path
    let company = try SQLiteWorkspace.create(at: path).write { draft in
      try image.write(into: &draft)
    }
    let ledger = try SQLiteWorkspace.open(at: path).ledger(for: company.id)
    #expect(ledger.customIDs == Self.expected)
    // Open on 2025-06-01: CS-2 (Bob's 300), CS-5 (Ada's 1,000 − 300 − 100 − 200 = 400), CS-6.
    let table = try ledger.replay()
    #expect(table.stock["CS-5"]?.quantity == Shares(400))

    let written = try NativeXMLWriter.bytes(of: ledger)
    let text = String(decoding: written, as: UTF8.self)
    #expect(text.contains(#"custom-id="T-2" balance-custom-id="B-3""#))
    #expect(text.contains(#"balance-custom-id="B-4""#))
    #expect(text.contains(#"balance-custom-id="B-5""#))
    #expect(text.contains(#"custom-id="CV-6""#))
    let again = try NativeXMLReader.read(bytes: written, name: "again.xml")
    let second = InMemoryWorkspace()
    let copy = try second.write { draft in try again.write(into: &draft) }
    #expect(try second.ledger(for: copy.id).customIDs == Self.expected)
  }

  @Test("a balance-custom-id without a balance-security is refused, naming the line")
  func balanceIDWithoutBalance() throws {
    let bad = Self.xml.replacingOccurrences(
      of: #"quantity="100" balance-security="CS-4" balance-custom-id="B-4""#,
      with: #"quantity="700" balance-custom-id="B-4""#)
    #expect(bad != Self.xml)
    do {
      _ = try NativeXMLReader.read(bytes: Array(bad.utf8), name: "bad.xml")
      Issue.record("read")
    } catch {
      #expect("\(error)".contains("bad.xml:10"))
      #expect("\(error)".contains("balance-custom-id"))
    }
  }
}
