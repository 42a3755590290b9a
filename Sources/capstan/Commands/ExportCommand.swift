import ArgumentParser
import CapstanInterchange
import CapstanModel

/// `capstan export FORMAT -o FILE`: the company's ledger in an interchange format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a company's ledger to a file.",
    subcommands: [ExportXMLCommand.self, ExportOCFCommand.self])
}

/// `capstan export ocf -o DIR|FILE.ocf.zip`.
struct ExportOCFCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ocf",
    abstract: "Write the company as an Open Cap Format 1.2.0 package (docs/ocf.md).",
    discussion: """
      Examples:
        capstan export ocf -o acme-ocf/          a folder of .ocf.json files
        capstan export ocf -o acme.ocf.zip       the same files in a zip archive
      What the format cannot carry is listed after the export.
      """)

  @Option(name: [.short, .long], help: "A folder, or a path ending in .zip.")
  var output: String
  @Option(help: "ISO country of formation written to the issuer (OCF requires one).")
  var country = "US"
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try ExportCommand.exportOCF(output: output, country: country, workspace: workspace)
  }
}

/// `capstan export xml -o FILE.xml`.
struct ExportXMLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "xml",
    abstract: "Write the company as Capstan XML (docs/xml-format.md).",
    discussion: """
      The file holds the company, the stakeholders its ledger names, its classes, plans, the \
      compute tokens its grants use (with their prices), its valuations (409A and others) and \
      every transaction; capstan import FILE.xml into another workspace gives back the same \
      ledger and valuations (docs/xml-format.md).

      Example: capstan export xml -o acme.xml --company "Acme AI"
      """)

  @Option(name: [.short, .long], help: "The file to write (replaced if it exists).")
  var output: String
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    for line in try NativeXMLExport.write(company.id, of: store, to: output).lines { print(line) }
  }
}

extension NativeXMLWriteError: RefusedInput {}
