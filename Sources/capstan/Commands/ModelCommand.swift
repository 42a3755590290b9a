import ArgumentParser
import CapstanReports
import CapstanScenarios

/// `capstan model FILE`: evaluates a scenario file without any workspace.
struct ModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "Evaluate a scenario file (YAML or JSON) without touching any workspace.",
    discussion: """
      Example: capstan model Fixtures/scenarios/series-a-worked-example.yaml
      The format is described in docs/scenario-format.md: a company, holdings, an unissued
      pool, SAFEs and notes, and events (priced rounds, issuances) evaluated in order.
      """)

  @Argument(help: "The scenario file (.yaml, .yml or .json).")
  var file: String
  @OptionGroup var output: FormatOptions

  func run() throws {
    let scenario = try ScenarioReader.read(path: file)
    let evaluated = try scenario.evaluatedInFull()
    switch output.format {
    case .json: emit(ScenarioReport.json(evaluated).render())
    case .csv: throw ValidationError("capstan model prints text or json")
    case .text: emit(ScenarioReport.text(evaluated, file: file))
    }
  }
}
