import CapstanInterchange
import CapstanModel
import CapstanReports

/// The one write path of a sheet import (holdings, or SAFEs, notes and warrants).
extension ImportCommand {
  /// Runs `write` in one workspace write: `--strict` refuses it on any of `warnings`, and a dry
  /// run is the real write rolled back (every check runs, nothing is kept). Returns what the
  /// write returned (a dry run's too), or nil when it was refused.
  func writeSheet<Written>(
    _ grid: SheetGrid, store: any Workspace,
    write: (inout WorkspaceDraft) throws -> Written,
    warnings: (Written) -> [SheetImport.Warning]
  ) throws -> Written? {
    var result: Written?
    do {
      try store.write { draft in
        let written = try write(&draft)
        result = written
        let found = warnings(written)
        if strict, !found.isEmpty {
          throw ImportError(
            location: "\(grid.file), sheet \(grid.name)",
            message:
              "--strict refuses the file: \(found.count) warning(s), nothing written:\n"
              + found.map { "  \($0.location): \($0.message)" }.joined(separator: "\n"))
        }
        if dryRun { throw DryRunRollback() }
      }
    } catch is DryRunRollback {}
    return result
  }

  /// After a real import: the note on entries dated after today (on standard error for JSON,
  /// so the output stays one document).
  func printLaterEntriesNote(store: any Workspace, company: Company) throws {
    guard !dryRun, let note = AsOf.importNote(try store.ledger(for: company.id)) else { return }
    AsOf.print(note, format: self.format == .json ? .csv : .text)
  }
}
