import CapstanModel
import CapstanOCF
import Foundation

extension ExportCommand {
  /// `capstan export ocf -o DIR|FILE.ocf.zip`: the company's ledger as an OCF 1.2.0 package.
  static func exportOCF(output: String, country: String, workspace: WorkspaceOptions) throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw InputError.invalid(
        field: "--country", input: country, expected: "a two-letter ISO country code, e.g. US")
    }
    var exporter = OCFExporter(
      ledger: ledger,
      valuations: try store.valuations(for: company.id),
      country: country)
    let files = try exporter.write(to: output)
    print("Exported \(company.name) to \(output): \(files.joined(separator: ", "))")
    for (kind, count) in exporter.skipped.sorted(by: { $0.key < $1.key }) {
      print("  not exported: \(kind) ×\(count)")
    }
  }
}
