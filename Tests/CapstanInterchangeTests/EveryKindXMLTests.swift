import CapstanInterchange
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// Every `LedgerEvent.Kind` round-trips through Capstan XML, written as the element of its
/// word: a kind the writer or the reader forgets fails here.
@Suite struct EveryKindXMLTests {
  @Test func everyKindRoundTripsUnderItsElement() throws {
    let workspace = InMemoryWorkspace()
    let id = try workspace.write { try SampleCompany.recordEveryKind(in: &$0) }
    let original = try workspace.ledger(for: id)
    let bytes = try NativeXMLWriter.bytes(of: original, market: try workspace.tokenMarket())
    let text = String(decoding: bytes, as: UTF8.self)
    let image = try NativeXMLReader.read(bytes: bytes, name: "every-kind.xml")
    let target = InMemoryWorkspace()
    let company = try target.write { draft in try image.write(into: &draft) }
    let copy = try target.ledger(for: company.id)
    #expect(copy.transactions.map(\.sequence) == Array(1...38))
    for kind in LedgerEvent.Kind.allCases {
      let written = original.transactions.filter { $0.event.kind == kind }
      #expect(!written.isEmpty, "no \(kind) in the sample")
      #expect(copy.transactions.filter { $0.event.kind == kind } == written, "\(kind)")
      #expect(text.contains("<\(kind.rawValue) seq="), "no <\(kind.rawValue)> element")
    }
  }

  /// An element that is no kind's word is refused, naming every word.
  @Test func anUnknownElementNamesEveryKind() throws {
    let workspace = InMemoryWorkspace()
    let id = try workspace.write { try SampleCompany.record(in: &$0) }
    let bytes = try NativeXMLWriter.bytes(of: try workspace.ledger(for: id))
    let text = String(decoding: bytes, as: UTF8.self)
      .replacingOccurrences(of: "<split seq=", with: "<splitt seq=")
    #expect(text.contains("<splitt seq="))
    do {
      _ = try NativeXMLReader.read(bytes: Array(text.utf8), name: "bad.xml")
      Issue.record("read a <splitt> element")
    } catch {
      let message = "\(error)"
      #expect(message.contains("unexpected <splitt> in <transactions>"))
      #expect(message.contains("issue, grant, exercise, transfer, cancel, repurchase, split"))
      // Every word, the last after "or": the list grows with the kinds.
      for kind in LedgerEvent.Kind.allCases {
        #expect(message.contains(kind.rawValue), "\(kind) not named")
      }
      let last = try #require(LedgerEvent.Kind.allCases.last)
      #expect(message.contains(" or \(last.rawValue))"))
    }
  }
}
