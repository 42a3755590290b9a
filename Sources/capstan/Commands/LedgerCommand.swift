import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan ledger`: the transactions, in date order.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "List the ledger's transactions in date order.",
    discussion: """
      Example: capstan ledger --since 2025-01-01 --until 2025-12-31 --format csv
      Voided transactions are left out (with a count) unless --include-voided; then they are
      struck through in text, and carry "voided_by" (the void's number) in JSON and CSV.
      """)

  @Option(help: "Only transactions dated on or after this date.")
  var since: String?
  @Option(help: "Only transactions dated on or before this date.")
  var until: String?
  @Flag(help: "List voided transactions too (struck through).")
  var includeVoided = false
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let from = try since.map { try Parse.date($0, "--since") }
    let to = try until.map { try Parse.date($0, "--until") }
    let all = LedgerListing.entries(
      of: try store.ledger(for: company.id), since: from, until: to)
    let entries = includeVoided ? all : all.filter { $0.voidedBy == nil }
    emit(LedgerCommand.render(entries, company: company, format: output.format))
    let hidden = all.count - entries.count
    if hidden > 0, output.format == .text {
      print(
        "\(hidden) voided transaction\(hidden == 1 ? "" : "s") not shown; use --include-voided.")
    }
  }

  /// Text struck through with combining long strokes.
  static func struck(_ text: String) -> String {
    String(text.flatMap { [$0, "\u{0336}"] })
  }

  static func render(_ entries: [LedgerEntry], company: Company, format: OutputFormat) -> String {
    switch format {
    case .text:
      guard !entries.isEmpty else { return "No transactions.\n" }
      // The ID column (OCF custom_ids such as EC-1) only when some security has one.
      let withIDs = entries.contains { $0.customID != nil }
      var table = TextTable(
        [("#", .right), ("Date", .left), ("Kind", .left), ("Security", .left)]
          + (withIDs ? [("ID", .left)] : []) + [("Details", .left)])
      for entry in entries {
        let summary =
          entry.voidedBy.map { LedgerCommand.struck(entry.summary) + " (voided by \($0))" }
          ?? entry.summary
        table.add(
          [String(entry.sequence), entry.date.iso, entry.kind.rawValue, entry.security ?? ""]
            + (withIDs ? [entry.customID ?? ""] : []) + [summary])
      }
      return "\(company.name): ledger\n\n" + table.render()
    case .csv:
      return CSV.render(
        header: [
          "sequence", "date", "kind", "security", "holder", "quantity", "details", "voided_by",
          "custom_id",
        ],
        rows: entries.map {
          [
            String($0.sequence), $0.date.iso, $0.kind.rawValue, $0.security ?? "", $0.holder ?? "",
            $0.quantity.map { String($0.count) } ?? "", $0.summary,
            $0.voidedBy.map(String.init) ?? "", $0.customID ?? "",
          ]
        })
    case .json:
      return JSON.array(
        entries.map {
          .object([
            ("sequence", .int(Int64($0.sequence))), ("date", .string($0.date.iso)),
            ("kind", .string($0.kind.rawValue)),
            ("security", .optional($0.security)), ("holder", .optional($0.holder)),
            ("quantity", $0.quantity.map { .int($0.count) } ?? .null),
            ("details", .string($0.summary)),
            ("voided_by", $0.voidedBy.map { .int(Int64($0)) } ?? .null),
            ("custom_id", .optional($0.customID)),
          ])
        }
      ).render()
    }
  }
}
