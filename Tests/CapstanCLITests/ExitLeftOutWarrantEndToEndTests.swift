import Foundation
import Testing

/// `capstan exit` says which warrants its payouts leave out (a warrant on a preferred class):
/// Ada holds 900,000 Common; Investor 100,000 Series Seed (1x non-participating at $1); Bank a
/// warrant on 5,000 Series Seed at $1.00.
@Suite struct ExitLeftOutWarrantEndToEndTests {
  static func build() throws -> CLIHarness {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Co --incorporated 2024-01-01",
      "class add Common --authorized 2M",
      "class add \"Series Seed\" --authorized 1M --preferred --issue-price 1",
      "stakeholder add Ada", "stakeholder add Investor", "stakeholder add Bank",
      "issue Ada 900,000 Common --price 0.0001 --date 2024-01-01",
      "issue Investor 100,000 \"Series Seed\" --price 1 --date 2024-02-01",
      "warrant add Bank 5,000 \"Series Seed\" --strike 1 --date 2024-03-01",
    ] {
      try cli.sh(line)
    }
    return cli
  }

  @Test func textNamesTheLeftOutWarrant() throws {
    let cli = try Self.build()
    let out = try cli.sh("exit --value 10M --as-of 2024-12-31")
    // $10M: Investor converts (100,000 / 1,000,000 = $1M as converted beats its $100,000
    // preference); Bank's warrant is not in the payouts, and the note says so.
    #expect(out.stdout.contains("Investor"))
    #expect(!out.stdout.split(separator: "\n").contains { $0.hasPrefix("Bank ") })
    #expect(
      out.stdout.contains(
        "Not in these payouts: warrant W-1 (Bank, 5,000 Series Seed at $1.00): a warrant on "
          + "preferred shares is not modelled by the waterfall"))
  }

  @Test func jsonListsTheLeftOutWarrant() throws {
    let cli = try Self.build()
    let out = try cli.sh("exit --value 10M --as-of 2024-12-31 --format json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    let left = try #require(object["left_out_warrants"] as? [[String: Any]])
    #expect(left.count == 1)
    #expect(left.first?["security"] as? String == "W-1")
    #expect(left.first?["holder"] as? String == "Bank")
    #expect(left.first?["class"] as? String == "Series Seed")
    #expect(left.first?["shares"] as? Int == 5_000)
    #expect(left.first?["strike"] as? String == "1")
    // Breakpoints and the sweep carry the same list.
    for view in ["--breakpoints", "--sweep 0:10M:5M"] {
      let json = try cli.sh("exit \(view) --as-of 2024-12-31 --format json")
      #expect(json.stdout.contains("\"left_out_warrants\""), "\(view)")
    }
  }
}
