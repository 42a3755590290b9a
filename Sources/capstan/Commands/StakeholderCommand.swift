import ArgumentParser
import CapstanModel
import CapstanReports

/// `capstan stakeholder ...`: the people and institutions of a workspace.
struct StakeholderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stakeholder",
    abstract:
      "Add, list, rename and merge stakeholders (shared by every company in the workspace).",
    subcommands: [Add.self, List.self, Rename.self, Set.self, History.self, Merge.self]
  )

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a stakeholder.",
      discussion: "Example: capstan stakeholder add \"Fund A\" --institution --email ir@funda.vc")

    @Argument(help: "The stakeholder's name (unique in the workspace).")
    var name: String
    @Flag(help: "An institution (fund, company) rather than a person.")
    var institution = false
    @Option(help: "Contact e-mail.")
    var email: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      if let email, !email.contains("@") {
        throw InputError.invalid(field: "--email", input: email, expected: "an e-mail address")
      }
      let added = try workspace.open().write { draft in
        try draft.addStakeholder(
          name: name, kind: institution ? .institution : .individual, email: email)
      }
      print("Added stakeholder \(added.name) (\(added.kind.rawValue))")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List stakeholders.", discussion: "Example: capstan stakeholder list --format json")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      show(WorkspaceListView.stakeholders(try workspace.open().stakeholders()), output.format)
    }
  }
}
