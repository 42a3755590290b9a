import CapstanModel
import Foundation
import Testing

@testable import CapstanOCF

/// Every VESTING_TERMS of the OCF samples (../shared/ocf-samples, never copied here): what
/// Capstan makes of it, checked by hand against each graph.
@Suite(
  "The samples' vesting terms", .enabled(if: OCFSamples.enabled, OCFSamples.absent))
struct OCFSampleVestingTermsTests {
  struct File: Decodable { var items: [OCFVestingTerms] }

  static let files = [
    "VestingTerms.ocf.json", "VestingTerms.example1.ocf.json", "VestingTerms.example2.ocf.json",
    "tutorials/options/VestingTerms.ocf.json", "ocx-example-inc-ltse/VestingTerms.ocf.json",
    "ocf-tools/acme_holdings_limited/VestingTerms.ocf.json",
  ]

  /// What each terms id becomes for 1,000 shares from 2025-01-01: `plain N/C/F`, the richer
  /// terms' notation, or `unmappable`.
  static let expected: [String: String] = [
    // 12/48 at a 12-month cliff then 1/48 monthly, rounded: the periodic part, not plain.
    "4yr-1yr-cliff-schedule": "48/12/1, cumulative-rounding",
    // The start branches to "vesting expired", a double trigger and five sales: first wins.
    "multi-tranche-event-based": "unmappable",
    "custom-vesting-100pct-upfront": "milestone \"full-vesting\"",
    // 10 % at 24 months, then 12 × 1/80, 12 × 1/60, 12 × 1/48, 12 × 1/40 (= 100 %): 49 dated
    // tranches (back loaded, so a note that they round by cumulative floor).
    "6-yr-option-back-loaded": "49 tranches, back-loaded",
    // The two deadlines vest nothing: dropped; 60 % on FDA acceptance, 40 % on acquisition.
    "path-dependent-milestone-vesting":
      "milestone \"qualified-fda-acceptance\", milestone \"qualified-acquisition\", cumulative-rounding",
    "all-or-nothing": "milestone \"qualifying-sale\"",
    "all-or-nothing-with-expiration": "milestone \"qualifying-sale\"",
    // Installments counted from "cliff", which is no condition: from the 12-month cliff.
    "f58fa866-be71-4d79-b52a-ea5379a71551": "48/12/1, cumulative-rounding",
    "44a94848-eeaf-4bfe-9a9c-9c0d3438ebb4": "plain 7/0/1",
    "1d2ae786-3f90-4ee3-b7db-61cb950a392a": "4 tranches",
    "b7a3eb9e-08f1-4302-9c66-cf5db4e06409": "48/12/1, milestone \"upfront\"",
    "0f0bf327-8ce4-402c-812f-1dd329a09455": "4 tranches",
    "7d7b7b43-2556-4290-a1aa-23c7f304c2e8": "plain 48/12/1",
    // 16 quarters of 3.125 % then 4 of 12.5 %.
    "78cd3748-2a44-4e6e-a3f9-8e0d94ae145e": "20 tranches",
    "four_year_monthly_one_year_cliff_cumulative_round_down": "plain 48/12/1",
  ]

  @Test("each sample's terms map as worked out by hand")
  func samples() throws {
    var seen: [String: String] = [:]
    let start = CalendarDate(year: 2025, month: 1, day: 1) ?? .today()
    for name in Self.files {
      let data = try Data(contentsOf: OCFSamples.root.appendingPathComponent(name))
      for terms in try JSONDecoder().decode(File.self, from: data).items {
        switch OCFVestingShape(terms) {
        case .unmappable:
          seen[terms.id] = "unmappable"
        case .template(let template):
          let resolved = try template.terms(quantity: 1_000, start: start)
          seen[terms.id] =
            resolved.plainSchedule.map { "plain \($0.notation)" }
            ?? resolved.notation.replacingOccurrences(of: " from 2025-01-01", with: "")
        }
      }
    }
    #expect(seen == Self.expected)
  }
}
