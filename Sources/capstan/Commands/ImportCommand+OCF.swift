import CapstanModel
import CapstanOCF
import CapstanReports
import Foundation

extension OCFError: RefusedInput {}

extension ImportCommand {
  /// `capstan import DIR|Manifest.ocf.json|FILE.ocf.zip`: reads, validates and maps the whole
  /// package, then writes it in one SQLite transaction; prints what was not mapped.
  static func importOCF(path: String, strict: Bool, dryRun: Bool, workspace: WorkspaceOptions)
    throws
  {
    let progress = ProgressBar("import")
    defer { progress.finish() }
    let store = try workspace.open()
    progress.update(0, of: 3, "reading \(path)")
    let package = try OCFPackage.read(path: path)
    progress.update(1, of: 3, "mapping")
    let plan = try OCFImportPlan.map(package, importedOn: Today.date)
    if strict && !plan.warnings.isEmpty { throw OCFError.strict(plan.warnings) }
    progress.update(2, of: 3, "writing")
    // With --dry-run the real write, rolled back: the ledger rules are checked too.
    let company = try store.write(dryRun: dryRun) { draft in try plan.apply(to: &draft) }
    progress.finish()
    if !dryRun {
      print("Imported \(company.name) from \(path): \(plan.summary)")
      if let note = AsOf.importNote(try store.ledger(for: company.id)) { print(note) }
    } else {
      print("Dry run, nothing written. Would import from \(path): \(plan.summary)")
    }
    print(plan.findings)
  }
}
