import CapstanModel
import Foundation

extension OCFExporter {
  /// The file that holds the VALUATION objects, written when the company has any.
  static let valuationsFile = "Valuations.ocf.json"

  /// An exporter of a ledger and its valuations.
  public init(
    ledger: Ledger, valuations: [ShareValuation], country: String = "US",
    generated: Date = Date()
  ) {
    self.init(ledger: ledger, country: country, generated: generated)
    self.valuations = valuations
  }

  /// What the export lists for valuations it cannot write.
  static let otherValuations = "valuation of type other (OCF 1.2.0 has only 409A)"

  /// VALUATION objects (`valuation-1`, ... in the order recorded) for the 409As, and how many
  /// others were left out (OCF 1.2.0 has no other valuation type).
  static func valuationObjects(_ valuations: [ShareValuation], currency: String)
    -> (objects: [[String: Any]], others: Int)
  {
    var objects: [[String: Any]] = []
    var others = 0
    for (index, valuation) in valuations.enumerated() {
      guard valuation.kind == .section409A else {
        others += 1
        continue
      }
      var object: [String: Any] = [
        "object_type": "VALUATION", "id": "valuation-\(index + 1)",
        "stock_class_id": valuation.shareClass.rawValue,
        "price_per_share": OCFExporter.money(valuation.pricePerShare, currency),
        "effective_date": valuation.effective.description, "valuation_type": "409A",
      ]
      if let provider = valuation.provider { object["provider"] = provider }
      if let approved = valuation.boardApproved {
        object["board_approval_date"] = approved.description
      }
      objects.append(object)
    }
    return (objects, others)
  }
}
