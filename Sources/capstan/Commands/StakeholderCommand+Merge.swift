import ArgumentParser
import CapstanModel

extension StakeholderCommand {
  /// `capstan stakeholder merge A INTO B`: two records of one holder made one, by an event.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge one stakeholder's holdings in the company into another's.",
      discussion: """
        Example: capstan stakeholder merge "Seed Fund I LP" INTO "Seed Fund I" --date 2026-06-01
        Records a holder-merge transaction: from its date on, every security the first holds in
        the company (stock, options, SAFEs, notes, warrants) is held by the second. Both
        stakeholders stay in the workspace; capstan void undoes the merge.
        """)

    @Argument(help: "FROM INTO TO: the holder whose holdings move, the word INTO, the holder.")
    var words: [String]
    @Option(help: "The merge's date (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard words.count == 3, words[1].lowercased() == "into" else {
        throw ValidationError("write: capstan stakeholder merge FROM INTO TO")
      }
    }

    func run() throws {
      try workspace.recordAll { draft, company in
        let from = try draft.stakeholder(named: words[0])
        let into = try draft.stakeholder(named: words[2])
        return try draft.append(
          [(date ?? Today.date, .mergeHolders(HolderMerge(from: from.id, into: into.id)))],
          to: company.id)
      }
    }
  }
}
