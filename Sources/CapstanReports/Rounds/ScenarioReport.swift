import CapstanEngine
import CapstanModel

/// An evaluated scenario file as people and programs read it: each round, issuance and exit,
/// then the compute grants.
public enum ScenarioReport {
  /// The scenario as text, headed by the company and the file's name.
  public static func text(_ scenario: EvaluatedScenario, file: String) -> String {
    var text = "\(scenario.company): scenario \(file)\n"
    for step in scenario.steps {
      text += "\n"
      switch step {
      case .round(let name, let result):
        text += RoundView(name: name, result: result, currency: scenario.currency).text()
      case .issue(let holder, let shares, let date, let total):
        text += "Issue on \(date): \(shares) to \(holder); fully diluted \(total)\n"
      case .exit(_, let distribution, let table):
        text += ExitReport.distribution(
          distribution, table: table, company: table.company, format: .text)
      }
    }
    if let tokens = scenario.tokens {
      text +=
        "\n"
        + TokensReport.render(
          tokens.valuations, table: tokens.table, company: tokens.company, format: .text)
    }
    return text
  }

  /// The scenario as JSON.
  public static func json(_ scenario: EvaluatedScenario) -> JSON {
    let steps = scenario.steps.map { step -> JSON in
      switch step {
      case .round(let name, let result):
        return RoundView(name: name, result: result, currency: scenario.currency).json()
      case .exit(let date, let distribution, let table):
        let total = OwnershipView(table, basis: .fullyDiluted, grouping: .holder).total
        return .object([
          ("exit", ExitReport.json(distribution)), ("date", .string(date.iso)),
          ("fully_diluted", .int(total.count)),
        ])
      case .issue(let holder, let shares, let date, let total):
        return .object([
          ("issue", .string(holder)), ("shares", .int(shares.count)),
          ("date", .string(date.iso)), ("fully_diluted_after", .int(total.count)),
        ])
      }
    }
    var fields: [(String, JSON)] = [
      ("company", .string(scenario.company)), ("steps", .array(steps)),
    ]
    if let tokens = scenario.tokens {
      let (header, rows) = TokensReport.columns(tokens.valuations, table: tokens.table)
      fields.append(
        (
          "tokens",
          .object([
            ("as_of", .string(tokens.table.asOf.iso)),
            ("grants", TokensReport.grantsJSON(header, rows)),
          ])
        ))
    }
    return .object(fields)
  }
}
