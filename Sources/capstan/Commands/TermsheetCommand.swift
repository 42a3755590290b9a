import ArgumentParser
import CapstanDocuments
import CapstanEngine
import CapstanModel
import CapstanReports
import CapstanScenarios
import Foundation

extension TermSheetOutputFormat: ExpressibleByArgument {}
extension DocumentError: RefusedInput {}

/// `capstan termsheet ROUND_OR_DEAL`: a term sheet from a template, in Markdown, HTML or .docx.
struct TermsheetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "termsheet",
    abstract: "Render a term sheet for a round from a template (Markdown, HTML or Word .docx).",
    discussion: """
      Examples:
        capstan termsheet "Series A"                           # a saved or closed round
        capstan termsheet "Series A" --format docx -o series-a.docx --set governing_law=England
        capstan termsheet Fixtures/scenarios/series-a-worked-example.yaml --template post-money-safe --safe SAFE-B
        capstan termsheet "Series A" --template my-firm.mustache --format html -o a.html
        capstan termsheet Seed --template compute-for-equity --format docx -o seed.docx \\
          --price-protection 50% --set gpu_type="NVIDIA H100 80GB"
      Built-in templates: priced-round (default: the whole round, every investor, cash and
      compute tokens, with signature blocks), post-money-safe, compute-for-equity (one token
      investor; --provider when there are several); capstan templates list. Every number
      comes from the round model; --set gives the non-numeric fields (parties, law, dates,
      clauses; docs/termsheets.md lists them).
      A variable the template uses that the deal lacks is an error naming it and its line.
      """)

  @Argument(help: "A saved or closed round's name, or a scenario file (.yaml, .yml, .json).")
  var roundOrDeal: String
  @Option(help: "A built-in template name or the path of a .mustache file.")
  var template: String = "priced-round"
  @Option(help: "md, html or docx.")
  var format: TermSheetOutputFormat = .markdown
  @Option(
    name: .shortAndLong, help: "Write to this file (default: standard output; docx needs it).")
  var output: String?
  @Option(name: .customLong("set"), help: "A non-numeric field, KEY=VALUE (repeat).")
  var settings: [String] = []
  @Option(help: "The SAFE to summarise (id or holder), when the round converts several.")
  var safe: String?
  @Option(help: "With a scenario file: the round (default: the last one).")
  var round: String?
  @Option(help: "The token investor the compute-for-equity terms describe, when there are several.")
  var provider: String?
  @Option(
    help: """
      Add a price-volatility provision: top-up tokens if the token's market price falls more \
      than this (e.g. 50%).
      """, transform: Amount.percentage("--price-protection"))
  var priceProtection: Ratio?
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let template = try BuiltInTemplates.load(self.template)
    var deal = try loadDeal()
    if let priceProtection {
      try deal.protectPrice(threshold: priceProtection, provider: provider)
    }
    let chosen = try deal.safe(for: template, named: safe)
    let context = try TermSheetSettings.apply(
      settings, to: try deal.context(safe: chosen), currency: deal.currency, template: template,
      today: Today.date)
    let document = try TermSheetRenderer.document(template, context)
    let data = try TermSheetRenderer.write(document, as: format)
    guard let output else {
      guard format != .docx else {
        throw ValidationError("a .docx is a binary file: give -o FILE.docx")
      }
      FileHandle.standardOutput.write(data)
      return
    }
    do {
      try data.write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      throw InputError.invalid(
        field: "-o", input: output, expected: "a file that can be written (\(error))")
    }
    print("Wrote \(output) (\(template.name), \(format.rawValue), \(deal.roundName))")
  }

  /// The deal: a scenario file's round, or a saved (possibly closed) round of the workspace.
  func loadDeal() throws -> TermSheetDeal {
    let lower = roundOrDeal.lowercased()
    if [".yaml", ".yml", ".json"].contains(where: { lower.hasSuffix($0) }) {
      return try TermSheetDeal.scenario(
        ScenarioReader.read(path: roundOrDeal), round: round, provider: provider)
    }
    let (store, company) = try workspace.openCompany()
    let saved = try store.savedRound(named: roundOrDeal, company: company.id)
    return try TermSheetDeal.saved(
      saved, ledger: store.ledger(for: company.id),
      closings: store.roundClosings(for: company.id), market: store.tokenMarket(),
      provider: provider)
  }
}

/// `capstan templates list|show`: the built-in term-sheet templates.
struct TemplatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    abstract: "List the built-in term-sheet templates, or print one to start your own.",
    subcommands: [List.self, Show.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the built-in templates.", discussion: "Example: capstan templates list")

    func run() throws {
      var table = TextTable([("Template", .left), ("What it is", .left)])
      for entry in BuiltInTemplates.all { table.add([entry.name, entry.summary]) }
      emit(table.render())
      print("\nSettable with --set: " + TermSheetSettings.fields.map(\.key).joined(separator: ", "))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Print a built-in template (to start a custom one).",
      discussion: "Example: capstan templates show priced-round > my-firm.mustache")

    @Argument(help: "The template's name.")
    var name: String

    func run() throws {
      guard let entry = BuiltInTemplates.named(name) else {
        throw DocumentError.unknownTemplate(
          name: name, known: BuiltInTemplates.all.map(\.name))
      }
      emit(entry.text)
    }
  }
}
