import CapstanInterchange
import CapstanModel
import Foundation
import Testing

@Suite("Native XML class conversion attributes")
struct NativeXMLClassConversionTests {
  static func xml(_ classes: String) -> [UInt8] {
    Array(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <capstan xmlns="urn:capstan:ledger:1" version="1">
        <company name="Gamma" currency="USD" incorporated="2025-01-01"/>
        <stakeholders><stakeholder id="s1" name="Ada"/></stakeholders>
        <classes>\(classes)</classes>
        <plans/>
        <transactions>
          <issue date="2025-02-01" security="PS-1" holder="s1" class="a" quantity="100" price="1"/>
          <split date="2025-03-01" class="b" ratio="3"/>
        </transactions>
      </capstan>
      """.utf8)
  }

  @Test("converts-into, conversion-ratio and no-conversion are read, kept and written back")
  func roundTrip() throws {
    let bytes = Self.xml(
      """
      <class id="b" name="Ordinary B" authorized="1000"/>
      <class id="c" name="Ordinary C" authorized="1000"/>
      <class id="a" name="Series A" kind="preferred" authorized="1000" converts-into="c"
             conversion-ratio="2" conversion-rounding="normal"/>
      <class id="n" name="Founders" kind="preferred" authorized="1000" no-conversion="true"/>
      """)
    let image = try NativeXMLReader.read(bytes: bytes, name: "gamma.xml")
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try image.write(into: &draft) }
    let ledger = try workspace.ledger(for: company.id)
    let c = try #require(ledger.classes.first { $0.name == "Ordinary C" })
    let a = try #require(ledger.classes.first { $0.name == "Series A" })
    #expect(a.conversion == .into(target: c.id, ratio: Ratio(2), rounding: .normal))
    #expect(ledger.classes.first { $0.name == "Founders" }?.conversion == ClassConversion.none)
    // The 3:1 split of Ordinary B, which Series A does not convert into, leaves its ratio at
    // 2: 100 shares count as 200.
    let table = try ledger.replay()
    #expect(table.classes[a.id]?.conversionRatio == Ratio(2))
    let written = try NativeXMLWriter.bytes(of: ledger)
    let text = String(decoding: written, as: UTF8.self)
    #expect(text.contains("converts-into=\"ordinary-c\" conversion-ratio=\"2\""))
    #expect(text.contains("conversion-rounding=\"normal\""))
    #expect(text.contains("no-conversion=\"true\""))
    let again = try NativeXMLReader.read(bytes: written, name: "again.xml")
    let second = InMemoryWorkspace()
    let copy = try second.write { draft in try again.write(into: &draft) }
    #expect(try second.ledger(for: copy.id).classes == ledger.classes)
  }

  @Test(
    "a target not declared before, a contradiction or a bad rounding is refused",
    arguments: [
      #"<class id="a" name="A" kind="preferred" authorized="10" converts-into="b"/><class id="b" name="B" authorized="10"/>"#,
      #"<class id="b" name="B" authorized="10"/><class id="a" name="A" authorized="10" converts-into="b" no-conversion="true"/>"#,
      #"<class id="b" name="B" authorized="10"/><class id="a" name="A" authorized="10" converts-into="b" conversion-rounding="up"/>"#,
      #"<class id="b" name="B" authorized="10"/><class id="a" name="A" authorized="10" conversion-ratio="2"/>"#,
    ])
  func refused(_ classes: String) {
    #expect(throws: (any Error).self) {
      _ = try NativeXMLReader.read(bytes: Self.xml(classes), name: "bad.xml")
    }
  }
}
