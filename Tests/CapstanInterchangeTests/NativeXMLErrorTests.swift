import CapstanInterchange
import CapstanModel
import Testing

@Suite("Native XML errors name the file, the line and what was expected")
struct NativeXMLErrorTests {
  static let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <capstan xmlns="urn:capstan:ledger:1" version="1">
      <company name="Beta" currency="USD" incorporated="2025-02-01"/>
      <stakeholders><stakeholder id="ada" name="Ada"/></stakeholders>
      <classes><class id="common" name="Common" authorized="1000"/></classes>
      <transactions>

    """

  static func read(_ transactions: String) throws -> CompanyImage {
    let xml = head + transactions + "\n  </transactions>\n</capstan>\n"
    return try NativeXMLReader.read(bytes: Array(xml.utf8), name: "bad.xml")
  }

  @Test(
    arguments: [
      (
        #"<issue date="2025-02-01" security="CS-1" holder="ada" class="common" quantity="1e3" price="0"/>"#,
        "bad.xml:7", "expected a whole number of shares"
      ),
      (
        #"<issue date="2025-02-30" security="CS-1" holder="ada" class="common" quantity="10" price="0"/>"#,
        "bad.xml:7", "expected a date as YYYY-MM-DD"
      ),
      (
        #"<issue date="2025-02-01" security="CS-1" holder="bob" class="common" quantity="10" price="0"/>"#,
        "bad.xml:7", "names no <stakeholder>"
      ),
      (
        #"<issue date="2025-02-01" security="CS-1" holder="ada" class="common" quantity="10" price="-1"/>"#,
        "bad.xml:7", "non-negative exact number"
      ),
      (
        #"<issue date="2025-02-01" security="CS-1" holder="ada" class="common" qty="10" price="0"/>"#,
        "bad.xml:7", "has no attribute 'qty'"
      ),
      (#"<mint date="2025-02-01"/>"#, "bad.xml:7", "unexpected <mint>"),
      (
        #"<safe date="2025-02-01" security="SAFE-1" holder="ada" amount="100" rank="senior"/>"#,
        "bad.xml:7", "expected preferred, debt or a whole number"
      ),
      (
        #"<note date="2025-02-01" security="N-1" holder="ada" principal="100" rate="0.05" rank="2000000"/>"#,
        "bad.xml:7", "expected preferred, debt or a whole number from -1000000 to 1000000"
      ),
    ])
  func refusesWithLocation(transactions: String, location: String, message: String) throws {
    let error = try #require(throws: ImportError.self) { try Self.read(transactions) }
    #expect(error.location == location, "\(error)")
    #expect(error.message.contains(message), "\(error)")
  }

  /// Malformed XML: libxml2's message with the file and line.
  @Test func malformedXMLNamesTheLine() throws {
    let error = try #require(throws: ImportError.self) {
      try Self.read(#"<issue date="2025-02-01" security="CS-1"></grant>"#)
    }
    #expect(error.location == "bad.xml:7", "\(error)")
    #expect(error.message.contains("mismatch"), "\(error)")
  }

  /// A ledger rule broken by a transaction is reported at that transaction's line, and nothing
  /// is written.
  @Test func ledgerErrorsPointAtTheLine() throws {
    let image = try Self.read(
      #"""
          <issue date="2025-02-01" security="CS-1" holder="ada" class="common" quantity="600" price="0"/>
          <issue date="2025-02-02" security="CS-2" holder="ada" class="common" quantity="600" price="0"/>
      """#)
    let workspace = InMemoryWorkspace()
    let error = try #require(throws: ImportError.self) {
      try workspace.write { draft in try image.write(into: &draft) }
    }
    #expect(error.location == "bad.xml:8", "\(error)")
    #expect(error.message.contains("authorized"), "\(error)")
    #expect(try workspace.companies().isEmpty)
  }
}
