import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// A compute-SAFE is not exported to OCF (OCF 1.2.0 has no object for a safe paid in compute):
/// its transactions are listed in `skipped`, and when it has converted, the stock it converted
/// into is exported as a plain issuance to the provider, so the package names no security it
/// does not define.
///
/// The ledger: Founders 9,000,000 Common; CSAFE-1 to ComputeCo (1,000 GPU-hours at $2.50, cap
/// $10,000,000); 400 GPU-hours drawn ($1,000 accrued); converted on 2026-07-15 into CS-2,
/// 1,000 Common at $1.00.
@Suite struct ComputeSAFEOCFExportTests {
  static func day(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso) ?? CalendarDate(daysSinceEpoch: 0)
  }

  static func ledger() -> Ledger {
    let events: [(String, LedgerEvent)] = [
      (
        "2026-01-01",
        .issueStock(
          StockIssuance(
            security: "CS-1", holder: "founders", shareClass: "common", quantity: 9_000_000,
            pricePerShare: Ratio(1, 10_000)))
      ),
      (
        "2026-01-01",
        .issueComputeSAFE(
          ComputeSAFEIssuance(
            security: "CSAFE-1", provider: "computeco", unit: .gpuHours,
            commitment: Ratio(1_000), agreedPrice: Ratio(5, 2), windowStart: day("2026-01-01"),
            windowEnd: day("2026-06-30"), valuationCap: Ratio(10_000_000)))
      ),
      ("2026-02-01", .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio(400)))),
      (
        "2026-07-15",
        .convert(
          Conversion(
            security: "CSAFE-1", resultingSecurity: "CS-2", shareClass: "common",
            quantity: 1_000, pricePerShare: .one))
      ),
    ]
    return Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: day("2026-01-01")),
      stakeholders: [
        Stakeholder(id: "founders", name: "Founders"),
        Stakeholder(id: "computeco", name: "ComputeCo", kind: .institution),
      ],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      transactions: events.enumerated().map { index, event in
        Transaction(sequence: index + 1, date: day(event.0), event: event.1)
      })
  }

  @Test func theComputeSAFEIsListedAndItsSharesExportedAsAnIssuance() throws {
    let ledger = Self.ledger()
    #expect(try ledger.replay().stock["CS-2"]?.holder == "computeco")
    let folder = try OCFSamples.temporaryFolder()
    var exporter = OCFExporter(ledger: ledger, generated: Date(timeIntervalSince1970: 0))
    _ = try exporter.write(to: folder.path)
    try OCFSchemaCheck.validate(folder)
    let data = try Data(contentsOf: folder.appendingPathComponent("Transactions.ocf.json"))
    let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let items = try #require(file["items"] as? [[String: Any]])
    // Nothing names CSAFE-1; CS-2 is issued to ComputeCo: 1,000 Common at $1.00.
    #expect(!items.contains { $0["security_id"] as? String == "CSAFE-1" })
    let issued = try #require(items.first { $0["security_id"] as? String == "CS-2" })
    #expect(issued["object_type"] as? String == "TX_STOCK_ISSUANCE")
    #expect(issued["stakeholder_id"] as? String == "computeco")
    #expect(issued["quantity"] as? String == "1000")
    #expect(
      exporter.skipped["compute-SAFE (OCF has no object for a safe paid in compute)"] == 1)
    #expect(
      exporter.skipped["compute-SAFE draw (OCF has no object for a safe paid in compute)"] == 1)
    #expect(
      exporter.skipped[
        "conversion of a compute-SAFE (exported as the stock issued to the provider; OCF has "
          + "no object for the compute-SAFE)"] == 1)
  }
}
