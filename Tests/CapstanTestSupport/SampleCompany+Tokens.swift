import CapstanModel

extension SampleCompany {
  /// The compute-token events, recorded after `events`: a price-gated grant from the fund
  /// (100,000 tokens: 40,000 at $3, 60,000 by 2027-12-31; expires 2028-06-30; clawback on
  /// "supply terminated") and a time-based one (24,000 tokens, 24/6/1, no equity); then a
  /// redemption, a sale and the clawback of the 17,000 still locked on the time-based grant.
  public static var tokenEvents: [(date: CalendarDate, event: LedgerEvent)] {
    let gate = PriceGate(
      start: day("2026-01-01"),
      tranches: [
        PriceGate.Tranche(tokens: 40_000, target: Ratio(3)),
        PriceGate.Tranche(tokens: 60_000, target: Ratio(4)),
      ],
      end: day("2027-12-31"))
    return [
      (
        day("2026-01-01"),
        .grantCompute(
          ComputeGrant(
            security: "CG-1", provider: fund, symbol: "H100H", tokens: 100_000,
            agreedPrice: Ratio(2), unlock: .priceGated(gate), expires: day("2028-06-30"),
            clawbackOn: "supply terminated"))
      ),
      (
        day("2026-01-02"),
        .grantCompute(
          ComputeGrant(
            security: "CG-2", provider: fund, symbol: "H100H", tokens: 24_000,
            agreedPrice: fraction(5, 2),
            unlock: .vesting(
              VestingSchedule(
                start: day("2026-01-02"), totalMonths: 24, cliffMonths: 6, frequencyMonths: 1)),
            clawbackOn: "supply terminated",
            equity: nil))
      ),
      (day("2026-08-01"), .redeemTokens(TokenRedemption(grant: "CG-2", tokens: 1_000))),
      (
        day("2026-08-02"),
        .sellTokens(TokenSale(grant: "CG-2", tokens: 500, price: fraction(21, 10)))
      ),
      (
        day("2026-09-01"),
        .clawbackTokens(
          TokenClawback(grant: "CG-2", tokens: 17_000, event: "supply terminated"))
      ),
    ]
  }
}
