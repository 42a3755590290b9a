import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// The OCF sample packages in ../shared/ocf-samples (never copied into the repository).
enum OCFSamples {
  /// The day the tests import on (the date of a package that gives none).
  static let importDay = CalendarDate(daysSinceEpoch: 20_634)

  /// `../shared/ocf-samples` from the project root.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/ocf-samples")

  /// OCF-Tools' coherent Acme Holdings Limited package.
  static var acme: String { root.appendingPathComponent("ocf-tools/acme_holdings_limited").path }
  /// LTSE Equity's export of "Example, Inc." (OCF 1.0.0-b1 names).
  static var ltse: String { root.appendingPathComponent("ocx-example-inc-ltse").path }
  /// The official OCF 1.2.0 schema folder.
  static let schema = root.deletingLastPathComponent().appendingPathComponent(
    "ocf-schema-1.2.0/schema")

  /// Whether the samples are there.
  static var present: Bool { FileManager.default.fileExists(atPath: acme + "/Manifest.ocf.json") }
  /// Whether the tests run in CI (`CI=true`), where the samples must be there.
  static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
  /// Whether the sample suites run: when the samples are there, and always in CI, where a
  /// missing folder then fails them (and `OCFSamplesPresenceTests`) instead of skipping.
  static var enabled: Bool { present || inCI }
  /// Why the tests are skipped.
  static let absent: Comment = "../shared/ocf-samples is absent; OCF sample tests skipped"
  /// The suites that need the samples, named when they are skipped.
  static let suites = [
    "Importing the OCF sample packages", "The samples' vesting terms",
    "OCF conversion rights, splits and exercises of the samples",
  ]

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("capstan-ocf-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Imports a package into a new in-memory workspace.
func importPackage(_ path: String, into workspace: InMemoryWorkspace = InMemoryWorkspace())
  throws -> (InMemoryWorkspace, Company, OCFImportPlan)
{
  let plan = try OCFImportPlan.map(
    try OCFPackage.read(path: path), importedOn: OCFSamples.importDay)
  let company = try workspace.write { draft in try plan.apply(to: &draft) }
  return (workspace, company, plan)
}

/// Every open position, keyed `kind security holder class` → quantity, for comparisons by name.
func positions(_ table: CapTable) -> [String: Int64] {
  var out: [String: Int64] = [:]
  let classes = Dictionary(
    uniqueKeysWithValues: table.classes.map { ($0.key, $0.value.definition.name) })
  for position in table.stock.values {
    out[
      "stock \(position.security) \(table.name(of: position.holder)) \(classes[position.shareClass] ?? "?")"
    ] =
      position.quantity.count
  }
  for grant in table.options.values where grant.outstanding > .zero {
    out["option \(grant.security) \(table.name(of: grant.holder))"] = grant.outstanding.count
  }
  for warrant in table.warrants.values {
    out["warrant \(warrant.issuance.security) \(table.name(of: warrant.issuance.holder))"] =
      warrant.outstanding.count
  }
  for convertible in table.convertibles.keys { out["convertible \(convertible)"] = 1 }
  return out
}

/// Shares held per holder and class: `Fiona Felicity Founder / Ordinary A` → 120,000.
func holdings(_ table: CapTable) -> [String: Int64] {
  var out: [String: Int64] = [:]
  for position in table.stock.values {
    let name = table.classes[position.shareClass]?.definition.name ?? "?"
    out["\(table.name(of: position.holder)) / \(name)", default: 0] += position.quantity.count
  }
  return out
}
