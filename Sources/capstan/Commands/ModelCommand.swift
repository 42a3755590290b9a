import ArgumentParser
import CapstanEngine
import CapstanModel
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
    let outcome = try scenario.evaluate()
    switch output.format {
    case .json:
      var steps: [JSON] = []
      for step in outcome.steps {
        switch step {
        case .round(let name, let result): steps.append(RoundOutput.json(name, result))
        case .exit(let exit, let index):
          let (distribution, table) = try exit.distribution(in: scenario, afterEvents: index)
          steps.append(
            .object([
              ("exit", ExitOutput.json(distribution)), ("date", .string(exit.date.iso)),
              (
                "fully_diluted",
                .int(OwnershipView(table, basis: .fullyDiluted, grouping: .holder).total.count)
              ),
            ]))
        case .issue(let holder, let shares, let date, let total):
          steps.append(
            .object([
              ("issue", .string(holder)), ("shares", .int(shares.count)),
              ("date", .string(date.iso)),
              ("fully_diluted_after", .int(total.count)),
            ]))
        }
      }
      var fields: [(String, JSON)] = [
        ("company", .string(scenario.company)), ("steps", .array(steps)),
      ]
      if let tokens = try ModelCommand.tokens(scenario) { fields.append(("tokens", tokens.json)) }
      emit(JSON.object(fields).render())
    case .text, .csv:
      if output.format == .csv {
        throw ValidationError("capstan model prints text or json")
      }
      var text = "\(scenario.company): scenario \(file)\n"
      for step in outcome.steps {
        text += "\n"
        switch step {
        case .round(let name, let result):
          text += RoundOutput.text(name, result, currency: scenario.currency)
        case .issue(let holder, let shares, let date, let total):
          text += "Issue on \(date): \(shares) to \(holder); fully diluted \(total)\n"
        case .exit(let exit, let index):
          let (distribution, table) = try exit.distribution(in: scenario, afterEvents: index)
          text += ExitOutput.distribution(
            distribution, table: table, company: table.company, format: .text)
        }
      }
      if let tokens = try ModelCommand.tokens(scenario) { text += "\n" + tokens.text }
      emit(text)
    }
  }
}
