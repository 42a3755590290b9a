import CapstanModel
import Testing

/// The registry's views of a kind agree: the payload type of a kind names that kind, and an
/// event answers through the payload of its own case only.
@Suite struct LedgerEventRegistryTests {
  @Test func eachKindsPayloadTypeHasThatKind() {
    for kind in LedgerEvent.Kind.allCases {
      #expect(LedgerEvent.payloadType(of: kind).kind == kind, "\(kind)")
    }
  }

  @Test func anEventAnswersThroughItsOwnPayload() {
    let split = StockSplit(shareClass: ShareClass.ID("CS"), ratio: Ratio(2))
    let event = LedgerEvent(split)
    #expect(event == .split(split))
    #expect(event.kind == .split)
    #expect(event.payload(as: StockSplit.self) == split)
    #expect(event.payload(as: SharesAuthorization.self) == nil)
    // A split names no security and opens none.
    #expect(event.securityIDs.isEmpty)
    #expect(event.capacity == .nothing)
  }
}
