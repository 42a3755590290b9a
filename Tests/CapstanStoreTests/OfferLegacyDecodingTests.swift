import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// Offers are stored as JSON in the `offers` table (v13): one written before compute-SAFE legs
/// existed has no `computeSAFEs` key and must read back with none, so no migration is needed.
@Suite struct OfferLegacyDecodingTests {
  @Test func anOfferWithoutComputeSAFEsReadsBackWithNone() throws {
    let offer = WorkspaceContract.offer
    #expect(offer.computeSAFEs.isEmpty)
    let json = String(decoding: try JSONEncoder().encode(OfferChange.added(offer)), as: UTF8.self)
    let legacy = json.replacingOccurrences(of: ",\"computeSAFEs\":[]", with: "")
      .replacingOccurrences(of: "\"computeSAFEs\":[],", with: "")
    #expect(!legacy.contains("computeSAFEs") && legacy != json)
    let decoded = try JSONDecoder().decode(OfferChange.self, from: Data(legacy.utf8))
    #expect(decoded == .added(offer))
  }
}
