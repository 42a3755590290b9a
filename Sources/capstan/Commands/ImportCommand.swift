import ArgumentParser
import CapstanModel
import Foundation

/// `capstan import PATH`: brings a cap table in from another tool.
///
/// Minimal version on the `ocf` branch (Open Cap Format only); the `xml` branch adds native XML
/// and .xlsx and routes OCF paths to `importOCF`.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a company from an Open Cap Format package (folder, manifest or .ocf.zip).",
    discussion: """
      Examples:
        capstan import ./acme-ocf/                     a folder with Manifest.ocf.json
        capstan import ./acme-ocf/Manifest.ocf.json
        capstan import acme.ocf.zip
      Everything is validated before anything is written, then written in one transaction.
      What could not be mapped is listed by object type and count; assumptions are listed as
      warnings (--strict refuses the file instead). See docs/ocf.md.
      """)

  @Argument(help: "A folder, a Manifest.ocf.json or an .ocf.zip.")
  var path: String
  @Flag(help: "Refuse the package instead of importing with warnings.")
  var strict = false
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    guard ImportCommand.isOCF(path) else {
      throw InputError.invalid(
        field: "PATH", input: path,
        expected: "a folder, a Manifest.ocf.json or an .ocf.zip (Open Cap Format)")
    }
    try ImportCommand.importOCF(path: path, strict: strict, workspace: workspace)
  }
}
