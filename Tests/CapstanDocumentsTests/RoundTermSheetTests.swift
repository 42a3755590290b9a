import CapstanDocuments
import CapstanModel
import Testing

/// The round-level sheet (`priced-round`): every investor of the round, cash and tokens, the
/// token investors' terms in their own section, and signature blocks for every party.
@Suite("Round-level term sheet: every investor, the token section, signatures")
struct RoundTermSheetTests {
  func markdown(_ deal: TermSheetDeal) throws -> String {
    MarkdownWriter.markdown(try DemoDeals.render("priced-round", deal))
  }

  /// `| a | b |` rows whose first cell is `first`.
  func rows(_ markdown: String, first: String) -> [[String]] {
    markdown.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("| ") else { return nil }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      return cells.first == first ? cells : nil
    }
  }

  /// The paragraphs after `## N. Signatures`.
  func signatures(_ markdown: String) -> [String] {
    guard let range = markdown.range(of: ". Signatures\n") else { return [] }
    return markdown[range.upperBound...].components(separatedBy: "\n\n")
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  /// Compute-token issue's Seed: Lead $3M cash and ComputeCo 1,500,000 H100H at $2.00 ($3M)
  /// each buy 1,730,802 Seed Preferred at $1.7333 (12.50 % of 13,846,220); the tokens unlock
  /// 24/6/1 from 2026-06-01 (first 375,000 on 2026-12-01, releasing floor(1,730,802 × 6/24) =
  /// 432,700 shares), expire 2029-06-01, released in step.
  @Test func cashAndTokensRound() throws {
    let text = try markdown(DemoDeals.seedCompute())
    #expect(
      rows(text, first: "Lead").first == [
        "Lead", "cash", "$3,000,000.00", "1,730,802", "Seed Preferred Stock", "12.50%",
      ])
    #expect(
      rows(text, first: "ComputeCo").first == [
        "ComputeCo", "1,500,000 H100H Tokens × $2.00", "$3,000,000.00", "1,730,802",
        "Seed Preferred Stock", "12.50%",
      ])
    #expect(
      text.contains(
        "$6,000,000.00 in total, for 3,461,604 shares (25.00% of the post-money fully diluted "
          + "capitalization). Of this, $3,000,000.00 is paid in cash and $3,000,000.00 in compute "
          + "tokens"))
    #expect(text.contains(". Compute Token Consideration\n"))
    #expect(text.contains("\n### ComputeCo\n"))
    #expect(rows(text, first: "Tokens").first?[1] == "1,500,000")
    #expect(rows(text, first: "Agreed price per Token").first?[1] == "$2.00")
    #expect(rows(text, first: "Investment").first?[1] == "$3,000,000.00")
    #expect(rows(text, first: "Compute in total").first?[1] == "1,500,000 × H100-hour")
    #expect(rows(text, first: "Market price on the term sheet date").first?[1] == "$2.60")
    #expect(rows(text, first: "Shares of Seed Preferred Stock").first?[1] == "1,730,802")
    #expect(
      rows(text, first: "2026-12-01").first == [
        "2026-12-01", "375,000", "375,000", "432,700", "432,700",
      ])
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("| 202") }.count == 19)
    #expect(text.contains("**Release of shares.** The shares are released in step"))
    #expect(
      text.contains("**Clawback.** Tokens not yet delivered, and the shares not yet released"))
    #expect(text.contains("**Expiry.** Tokens not redeemed by 2029-06-01 expire"))
    #expect(text.contains("falls more than **50.00%** below the agreed price of $2.00, ComputeCo"))
    // Signature blocks: the company, then each investor once.
    let blocks = signatures(text)
    #expect(blocks.filter { $0.hasPrefix("**") } == ["**Seed Co**", "**Lead**", "**ComputeCo**"])
    #expect(blocks.filter { $0.hasPrefix("By: ") }.count == 3)
    #expect(blocks.filter { $0.hasPrefix("Name and title: ") }.count == 3)
  }

  /// Revenue-share credits granted with the round (`DemoDeals.withRevenueShare`): $500,000 at
  /// 5 % of revenue, cap 1.5x, so the cap amount is 500,000 × 1.5 = $750,000.00; the term ends
  /// 2028-06-01. The section shows them, leaves what counts as revenue to counsel, and CloudCo
  /// signs after the investors; a round without one has no such section.
  @Test func revenueShareSection() throws {
    let text = try markdown(DemoDeals.withRevenueShare(DemoDeals.seedCompute()))
    #expect(text.contains(". Revenue-Share Compute Credits\n"))
    #expect(text.contains("\n### Credits from CloudCo\n"))
    #expect(rows(text, first: "Credits").first?[1] == "$500,000.00")
    #expect(rows(text, first: "Share of Revenue paid").first?[1] == "5%")
    #expect(rows(text, first: "Cap multiple").first?[1] == "1.5x")
    #expect(rows(text, first: "Cap amount").first?[1] == "$750,000.00")
    #expect(rows(text, first: "Term ends").first?[1] == "2028-06-01")
    #expect(text.contains("For counsel to complete (keep one option, delete the others): ["))
    #expect(
      signatures(text).filter { $0.hasPrefix("**") } == [
        "**Seed Co**", "**Lead**", "**ComputeCo**", "**CloudCo**",
      ])
    #expect(!(try markdown(DemoDeals.seedCompute())).contains("Revenue-Share"))
    // The compute-SAFE sheet, of the same family, carries the same section.
    let safe = MarkdownWriter.markdown(
      try DemoDeals.render(
        "compute-safe", DemoDeals.withRevenueShare(DemoDeals.computeSAFE()), safe: "CSAFE-1"))
    #expect(rows(safe, first: "Cap amount").first?[1] == "$750,000.00")
  }

  /// A cash round has no token section and signs for the company and the lead only.
  @Test func cashRoundHasNoTokenSection() throws {
    let text = try markdown(DemoDeals.seriesA())
    #expect(!text.contains("Compute Token Consideration"))
    #expect(!text.contains("Token"))
    #expect(rows(text, first: "Lead").first?[1] == "cash")
    #expect(signatures(text).filter { $0.hasPrefix("**") } == ["**Example Co**", "**Lead**"])
  }

  /// Two token investors (derivation in `DemoDeals.twoTokenInvestors`): $1.80 a share; Lead and
  /// ComputeCo 1,666,666 each (12.00 % of 13,888,887), GridCo 555,555 (4.00 %); GridCo's
  /// 400,000 GRD of 2 B200-hours each are 800,000 B200-hours, unlocking 12/0/3: 100,000 a
  /// quarter from 2026-09-01 to 2027-06-01, its shares issued at closing.
  @Test func twoTokenInvestors() throws {
    let deal = try DemoDeals.twoTokenInvestors()
    #expect(deal.compute == nil && deal.tokenLegs.map(\.provider) == ["ComputeCo", "GridCo"])
    let text = try markdown(deal)
    #expect(text.contains("**Price per share.** $1.80 "))
    #expect(rows(text, first: "Lead").first?[3] == "1,666,666")
    #expect(
      rows(text, first: "GridCo").first == [
        "GridCo", "400,000 GRD Tokens × $2.50", "$1,000,000.00", "555,555",
        "Seed Preferred Stock", "4.00%",
      ])
    #expect(rows(text, first: "ComputeCo").first?[5] == "12.00%")
    #expect(text.contains("Of this, $3,000,000.00 is paid in cash and $4,000,000.00 in compute"))
    #expect(text.contains("\n### ComputeCo\n") && text.contains("\n### GridCo\n"))
    #expect(
      rows(text, first: "Compute in total").map { $0[1] } == [
        "1,500,000 × H100-hour", "800,000 × B200-hour",
      ])
    #expect(
      ["2026-09-01", "2026-12-01", "2027-03-01", "2027-06-01"].map {
        rows(text, first: $0).last?[2]
      } == ["100,000", "200,000", "300,000", "400,000"])
    #expect(text.contains("The shares are issued in full at closing."))
    #expect(
      signatures(text).filter { $0.hasPrefix("**") } == [
        "**Two Clouds Inc**", "**Lead**", "**ComputeCo**", "**GridCo**",
      ])
    // One provider's sheet needs the provider named.
    #expect(throws: DocumentError.self) { try DemoDeals.render("compute-for-equity", deal) }
  }

  /// With one provider chosen (`--provider GridCo`, whose terms name a clawback event), the
  /// other investor's leg keeps its own terms: no price volatility or clawback borrowed from
  /// GridCo through the Mustache context stack.
  @Test func aChosenProvidersTermsStayInItsLeg() throws {
    var deal = try DemoDeals.twoTokenInvestors()
    deal.tokenLegs[1].clawbackOn = "GridCo's insolvency"
    deal.tokenLegs[1].priceVolatility = .init(
      threshold: Ratio(2, 5), measurement: "the 30-day average market price",
      remedy: "delivers additional Tokens")
    deal.compute = deal.tokenLegs[1]
    let parts = try markdown(deal).components(separatedBy: "\n### GridCo\n")
    try #require(parts.count == 2)
    #expect(parts[0].contains("on any of: the Provider's failure to deliver a scheduled tranche"))
    #expect(!parts[0].contains("Price volatility") && !parts[0].contains("GridCo's insolvency"))
    #expect(parts[1].contains("on any of: GridCo's insolvency."))
    #expect(parts[1].contains("falls more than **40.00%** below the agreed price of $2.50, GridCo"))
  }

  /// A class named "Seed Preferred" reads as given: never "Seed Preferred Preferred".
  @Test(arguments: [
    ("Seed", "Seed Preferred"), ("Seed Preferred", "Seed Preferred"),
    ("Series A Preferred Stock", "Series A Preferred"),
  ])
  func classNamesAsGiven(_ name: String, _ short: String) throws {
    var deal = try DemoDeals.seedCompute()
    deal.newClass.name = name
    let text = try markdown(deal)
    #expect(!text.contains("Preferred Preferred") && !text.contains("Stock Stock"))
    #expect(text.contains("(the **\(short)**)"))
    #expect(text.contains("Shares of \(short) Stock of the Company"))
  }
}
