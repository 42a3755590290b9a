import ArgumentParser
import CapstanInterchange

/// The Open Cap Format side of `capstan import`: folders, `Manifest.ocf.json` and `.ocf.zip`.
///
/// Kept in its own file so the OCF importer (a separate branch) replaces only this function.
extension ImportCommand {
  func importOCF() throws {
    throw ImportError(
      location: file, message: "Open Cap Format import is not available in this build")
  }
}
