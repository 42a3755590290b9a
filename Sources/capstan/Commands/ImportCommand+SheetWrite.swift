import CapstanInterchange
import CapstanModel
import CapstanReports

/// The one write path of a sheet import (holdings, or SAFEs, notes and warrants).
extension ImportCommand {
  /// Runs `write` in one workspace write: `--strict` refuses it on any of `warnings`, and a dry
  /// run is the real write rolled back (`Workspace.write(dryRun:_:)`). Returns what the write
  /// returned (a dry run's too).
  func writeSheet<Written>(
    _ grid: SheetGrid, store: any Workspace,
    write: (inout WorkspaceDraft) throws -> Written,
    warnings: (Written) -> [SheetImport.Warning]
  ) throws -> Written {
    try store.write(dryRun: dryRun) { draft in
      let written = try write(&draft)
      let found = warnings(written)
      if strict, !found.isEmpty {
        throw ImportError(
          location: "\(grid.file), sheet \(grid.name)",
          message:
            "--strict refuses the file: \(found.count) warning(s), nothing written:\n"
            + found.map { "  \($0.location): \($0.message)" }.joined(separator: "\n"))
      }
      return written
    }
  }

  func printLaterEntriesNote(store: any Workspace, company: Company) throws {
    guard !dryRun, let note = AsOf.importNote(try store.ledger(for: company.id)) else { return }
    AsOf.print(note, format: self.format == .json ? .csv : .text)
  }
}
