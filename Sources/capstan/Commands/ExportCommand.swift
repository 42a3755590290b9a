import ArgumentParser
import CapstanModel

/// `capstan export FORMAT -o PATH`: writes the company out for another tool.
///
/// Minimal version on the `ocf` branch (Open Cap Format only); the `xml` branch adds the
/// native XML format and routes `ocf` to `exportOCF`.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the company as an Open Cap Format 1.2.0 package.",
    discussion: """
      Examples:
        capstan export ocf -o acme-ocf/          a folder of .ocf.json files
        capstan export ocf -o acme.ocf.zip       the same files in a zip archive
      See docs/ocf.md for the layout.
      """)

  /// The formats written.
  enum Format: String, ExpressibleByArgument, CaseIterable { case ocf }

  @Argument(help: "The format: ocf.")
  var format: Format
  @Option(name: .shortAndLong, help: "A folder, or a path ending in .zip.")
  var output: String
  @Option(help: "ISO country of formation written to the issuer (OCF requires one).")
  var country = "US"
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    switch format {
    case .ocf: try ExportCommand.exportOCF(output: output, country: country, workspace: workspace)
    }
  }
}
