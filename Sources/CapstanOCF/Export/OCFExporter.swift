import CapstanModel
import Foundation
import ZIPFoundation

/// Writes a company's ledger as an Open Cap Format 1.2.0 package.
///
/// Numbers are decimal strings (at most 10 decimals; a price that does not terminate is
/// rounded half-up to 10), dates are ISO, and every security an event creates (the
/// transferee's, a balance, the stock of an exercise or conversion) gets its own
/// TX_STOCK_ISSUANCE as OCF requires.
public struct OCFExporter {
  /// The ledger exported.
  public let ledger: Ledger
  /// ISO 3166 country of formation (OCF requires one; Capstan does not keep it).
  public let country: String
  /// When the package is generated.
  public let generated: Date
  /// The company's valuations (exported as VALUATION objects).
  public var valuations: [ShareValuation] = []
  /// Events not exported, by kind and count.
  public private(set) var skipped: [String: Int] = [:]

  /// An exporter.
  public init(ledger: Ledger, country: String = "US", generated: Date = Date()) {
    self.ledger = ledger
    self.country = country
    self.generated = generated
  }

  /// The file names of a package, in manifest order.
  public static let fileNames = [
    "Stakeholders.ocf.json", "StockClasses.ocf.json", "StockPlans.ocf.json",
    "VestingTerms.ocf.json", "Transactions.ocf.json",
  ]

  /// The package's files: name and JSON bytes, the manifest first.
  public mutating func files() throws -> [(name: String, data: Data)] {
    var state = ExportState(ledger: ledger)
    state.customIDs = ledger.customIDs
    if ledger.company.broadBasedIncludesUnissuedPool {
      // OCF has no place for the company's anti-dilution base.
      skipped["company setting: broad-based anti-dilution counts the unissued pool"] = 1
    }
    if ledger.company.conversionSeries == .roundClass {
      // OCF has no place for the company's conversion setting (the classes it made are exported).
      skipped["company setting: SAFEs and notes convert into the round class"] = 1
    }
    var transactions: [[String: Any]] = []
    let voids = ledger.hasVoids ? ledger.voids : [:]
    for transaction in ledger.transactions where voids[transaction.sequence] == nil {
      transactions += state.objects(for: transaction, skipped: &skipped)
    }
    let currency = ledger.company.currency.code
    let holderIDs = Set(state.holdersUsed)
    let stakeholders: [[String: Any]] = ledger.stakeholders.values
      .filter { holderIDs.contains($0.id) }
      .sorted { $0.id < $1.id }
      .map { s in
        var object: [String: Any] = [
          "object_type": "STAKEHOLDER", "id": s.id.rawValue, "name": ["legal_name": s.name],
          "stakeholder_type": s.kind == .institution ? "INSTITUTION" : "INDIVIDUAL",
        ]
        if let email = s.email {
          object["primary_contact"] = [
            "name": ["legal_name": s.name],
            "emails": [["email_type": "BUSINESS", "email_address": email]],
          ]
        }
        return object
      }
    let classes = OCFExporter.classObjects(ledger, currency: currency)
    let plans: [[String: Any]] = ledger.plans(asOf: nil).map { p in
      [
        "object_type": "STOCK_PLAN", "id": p.id.rawValue, "plan_name": p.name,
        "initial_shares_reserved": "\(p.initialReserve.count)",
        "board_approval_date": p.adopted.description,
        "stock_class_ids": [p.shareClass.rawValue],
        "default_cancellation_behavior": p.cancellationBehavior == .retire
          ? "RETIRE" : "RETURN_TO_POOL",
      ]
    }
    let terms =
      state.vestingTerms.sorted { $0.key < $1.key }.map {
        OCFExporter.terms(id: $0.key, $0.value)
      } + state.richTerms
    var contents: [(String, String, [[String: Any]])] = [
      ("Stakeholders.ocf.json", "OCF_STAKEHOLDERS_FILE", stakeholders),
      ("StockClasses.ocf.json", "OCF_STOCK_CLASSES_FILE", classes),
      ("StockPlans.ocf.json", "OCF_STOCK_PLANS_FILE", plans),
      ("VestingTerms.ocf.json", "OCF_VESTING_TERMS_FILE", terms),
      ("Transactions.ocf.json", "OCF_TRANSACTIONS_FILE", transactions),
    ]
    let (valuationItems, others) = OCFExporter.valuationObjects(valuations, currency: currency)
    if others > 0 { skipped[OCFExporter.otherValuations] = others }
    if !valuationItems.isEmpty {
      contents.append((Self.valuationsFile, "OCF_VALUATIONS_FILE", valuationItems))
    }
    var files: [(name: String, data: Data)] = []
    for (name, type, items) in contents {
      files.append((name, try OCFExporter.json(["file_type": type, "items": items])))
    }
    func list(_ name: String) -> [[String: String]] {
      [["filepath": name, "md5": OCFMD5.hex(files.first { $0.name == name }?.data ?? Data())]]
    }
    let formatter = ISO8601DateFormatter()
    let manifest: [String: Any] = [
      "ocf_version": "1.2.0", "file_type": "OCF_MANIFEST_FILE",
      "issuer": [
        "object_type": "ISSUER", "id": ledger.company.id.rawValue,
        "legal_name": ledger.company.name,
        "formation_date": ledger.company.incorporated.description,
        "country_of_formation": country,
      ],
      "as_of": (ledger.transactions.last?.date ?? ledger.company.incorporated).description,
      "generated_at": formatter.string(from: generated),
      "stakeholders_files": list("Stakeholders.ocf.json"),
      "stock_classes_files": list("StockClasses.ocf.json"),
      "stock_plans_files": list("StockPlans.ocf.json"),
      "vesting_terms_files": list("VestingTerms.ocf.json"),
      "transactions_files": list("Transactions.ocf.json"),
      "valuations_files": valuationItems.isEmpty ? [] as [Any] : list(Self.valuationsFile),
      "stock_legend_templates_files": [] as [Any],
    ]
    return [("Manifest.ocf.json", try OCFExporter.json(manifest))] + files
  }

  /// Writes the package into a folder (created if needed) or, for a `.zip` path, an archive.
  public mutating func write(to path: String) throws -> [String] {
    let files = try files()
    let url = URL(fileURLWithPath: path)
    if path.lowercased().hasSuffix(".zip") {
      try? FileManager.default.removeItem(at: url)
      let archive = try Archive(url: url, accessMode: .create)
      for (name, data) in files {
        try archive.addEntry(
          with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
    } else {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
    }
    return files.map(\.name)
  }

  static func json(_ object: [String: Any]) throws -> Data {
    try JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  }

  /// A decimal string with at most 10 decimals.
  static func number(_ value: Ratio) -> String {
    if let exact = value.exactDecimalString,
      (exact.split(separator: ".").dropFirst().first?.count ?? 0) <= 10
    {
      return exact
    }
    return value.decimalString(places: 10, minimumPlaces: 0)
  }

  static func money(_ value: Ratio, _ currency: String) -> [String: String] {
    ["amount": number(value), "currency": currency]
  }

  /// `Series A Preferred` → `SAP`.
  static func prefix(_ name: String) -> String {
    let letters = name.split(separator: " ").compactMap(\.first).filter(\.isLetter)
    return letters.isEmpty ? "S" : String(letters).uppercased()
  }

  /// VESTING_TERMS for N months, a cliff and a frequency: start, then the cliff, then the rest.
  static func terms(id: String, _ shape: (total: Int, cliff: Int, frequency: Int)) -> [String: Any]
  {
    let (total, cliff, frequency) = shape
    func period(_ length: Int, _ occurrences: Int) -> [String: Any] {
      [
        "type": "MONTHS", "length": length, "occurrences": occurrences,
        "day_of_month": "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH",
      ]
    }
    var conditions: [[String: Any]] = [
      [
        "id": "start", "portion": ["numerator": "0", "denominator": "\(total)"],
        "trigger": ["type": "VESTING_START_DATE"],
        "next_condition_ids": [cliff > 0 ? "cliff" : "installments"],
      ]
    ]
    if cliff > 0 {
      conditions.append([
        "id": "cliff", "portion": ["numerator": "\(cliff)", "denominator": "\(total)"],
        "trigger": [
          "type": "VESTING_SCHEDULE_RELATIVE", "relative_to_condition_id": "start",
          "period": period(cliff, 1),
        ],
        "next_condition_ids": total > cliff ? ["installments"] : [],
      ])
    }
    if total > cliff {
      conditions.append([
        "id": "installments",
        "portion": ["numerator": "\(total - cliff)", "denominator": "\(total)"],
        "trigger": [
          "type": "VESTING_SCHEDULE_RELATIVE",
          "relative_to_condition_id": cliff > 0 ? "cliff" : "start",
          "period": period(frequency, (total - cliff) / frequency),
        ],
        "next_condition_ids": [] as [String],
      ])
    }
    return [
      "object_type": "VESTING_TERMS", "id": id,
      "name": "\(total) months, \(cliff)-month cliff, every \(frequency) month(s)",
      "description":
        "Vests over \(total) months with a \(cliff)-month cliff, then every \(frequency) month(s); cumulative, rounded down.",
      "allocation_type": "CUMULATIVE_ROUND_DOWN", "vesting_conditions": conditions,
    ]
  }
}
