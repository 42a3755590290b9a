import Foundation
import Testing

@testable import CapstanModel

/// `--compute-safe` parsing (docs/offers.md).
@Suite struct OfferComputeSAFELegTests {
  /// 600,000 GPU-hours at $2.50: agreed value 600,000 × 2.5 = 1,500,000; 20 % = 1/5.
  @Test func parsesEveryKey() throws {
    let leg = try Offer.ComputeSAFELeg.parse(
      "provider=ComputeCo,commitment=600,000,agreed=2.50,window=2026-07-01:2026-12-31,"
        + "cap=28M,discount=20%,sla-suspension", field: "--compute-safe")
    #expect(leg.provider == "ComputeCo")
    #expect(leg.commitment == Ratio(600_000) && leg.agreedPrice == Ratio(5, 2))
    #expect(leg.agreedValue == Ratio(1_500_000))
    #expect(leg.windowStart == CalendarDate(iso: "2026-07-01"))
    #expect(leg.windowEnd == CalendarDate(iso: "2026-12-31"))
    #expect(leg.valuationCap == Ratio(28_000_000) && leg.discount == Ratio(1, 5))
    #expect(leg.slaSuspension)
    let bare = try Offer.ComputeSAFELeg.parse(
      "provider=P,commitment=10,agreed=1,window=2026-01-01:2026-01-31", field: "--compute-safe")
    #expect(bare.valuationCap == nil && bare.discount == nil && !bare.slaSuspension)
  }

  /// Missing keys, unknown keys, a reversed window and a 100 % discount are refused.
  @Test func refusesBadLegs() {
    for text in [
      "provider=P,agreed=1,window=2026-01-01:2026-01-31",
      "provider=P,commitment=10,agreed=1,window=2026-01-01:2026-01-31,colour=red",
      "provider=P,commitment=10,agreed=1,window=2026-02-01:2026-01-31",
      "provider=P,commitment=10,agreed=1,window=2026-01-01:2026-01-31,discount=100%",
      "provider=P,commitment=0,agreed=1,window=2026-01-01:2026-01-31",
    ] {
      #expect(throws: InputError.self, "\(text)") {
        try Offer.ComputeSAFELeg.parse(text, field: "--compute-safe")
      }
    }
  }
}
