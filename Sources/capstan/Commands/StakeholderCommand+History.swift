import ArgumentParser
import CapstanModel
import CapstanReports

extension StakeholderCommand {
  /// `capstan stakeholder rename OLD NEW`: a new name, the old one kept in the history.
  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rename",
      abstract: "Rename a stakeholder (in every company of the workspace).",
      discussion: """
        Example: capstan stakeholder rename "Seed Fund" "Seed Fund I LP" --date 2026-06-01
        Holdings name the stakeholder by id, so every view shows the new name; the old one is
        kept in the stakeholder's history (capstan stakeholder history NAME).
        """)

    @Argument(help: "The stakeholder's current name.")
    var name: String
    @Argument(help: "The new name (unique in the workspace).")
    var newName: String
    @Option(help: "The change's date (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let day = date ?? Today.date
      let change = try workspace.open().write { draft in
        let holder = try draft.stakeholder(named: name)
        return try draft.renameStakeholder(holder.id, to: newName, date: day)
      }
      print("Renamed stakeholder \(change.old ?? "") to \(change.new ?? "") on \(day)")
      if let note = AsOf.futureNote([day], .atOnce) { print(note) }
    }
  }

  /// `capstan stakeholder set NAME --institution|--individual|--email E`.
  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a stakeholder's kind or e-mail, keeping the old value in its history.",
      discussion: """
        Example: capstan stakeholder set "Seed Fund I LP" --institution --email ir@seed.vc
        An empty --email "" removes the e-mail.
        """)

    @Argument(help: "The stakeholder's name.")
    var name: String
    @Flag(help: "An institution (fund, company) from now on.")
    var institution = false
    @Flag(help: "A person from now on.")
    var individual = false
    @Option(help: "The contact e-mail (\"\" removes it).")
    var email: String?
    @Option(help: "The change's date (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if institution && individual {
        throw ValidationError("give --institution or --individual, not both")
      }
      if !institution && !individual && email == nil {
        throw ValidationError("give --institution, --individual or --email E")
      }
    }

    func run() throws {
      if let email, !email.isEmpty, !email.contains("@") {
        throw InputError.invalid(field: "--email", input: email, expected: "an e-mail address")
      }
      let day = date ?? Today.date
      let kind: Stakeholder.Kind? =
        institution ? .institution : individual ? .individual : nil
      let (holder, changes) = try workspace.open().write { draft in
        let holder = try draft.stakeholder(named: name)
        let changes = try draft.setStakeholder(holder.id, kind: kind, email: email, date: day)
        return (holder.name, changes)
      }
      if changes.isEmpty { print("Nothing changed: \(holder) already has these values") }
      for change in changes {
        print(
          "Set \(change.field.rawValue) of \(holder) to \(change.new ?? "(none)") on \(day)"
            + " (was \(change.old ?? "(none)"))")
      }
      if !changes.isEmpty, let note = AsOf.futureNote([day], .atOnce) { print(note) }
    }
  }

  /// `capstan stakeholder history NAME`: a stakeholder's current values and dated changes.
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Show a stakeholder's current values and the history of their changes.",
      discussion: "Example: capstan stakeholder history \"Seed Fund I LP\" --format json",
      aliases: ["show"])

    @Argument(help: "The stakeholder's current name.")
    var name: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let store = try workspace.open()
      guard let holder = Stakeholder.named(name, in: try store.stakeholders()) else {
        throw LedgerError.unknownStakeholder(name)
      }
      show(
        StakeholderHistoryView(holder, history: try store.stakeholderHistory()), output.format)
    }
  }
}
