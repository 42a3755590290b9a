import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanScenarios

/// `capstan apply FILE`: writes a scenario into the workspace as a new company.
struct ApplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Write a scenario file into the workspace as a new company, rounds closed.",
    discussion: """
      Example: capstan apply Fixtures/scenarios/series-a-worked-example.yaml
      The file needs company.incorporated. Holdings become issuances, options grants from an
      "Equity Plan" that also reserves the pool, SAFEs and notes are recorded, and each round
      is closed as capstan round close would close it. All in one transaction: on any error
      nothing is written.
      """)

  @Argument(help: "The scenario file (.yaml, .yml or .json).")
  var file: String
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let scenario = try ScenarioReader.read(path: file)
    let store = try workspace.open()
    let company = try store.write { draft in try ScenarioApplier.apply(scenario, to: &draft) }
    let ledger = try store.ledger(for: company.id)
    print("Applied \(file): company \(company.name), \(ledger.transactions.count) transactions")
    let end = ledger.transactions.last?.date ?? company.incorporated
    emit(
      TableCommand.text(
        OwnershipView(try ledger.replay(asOf: end), basis: .fullyDiluted, grouping: .holder)))
  }
}
