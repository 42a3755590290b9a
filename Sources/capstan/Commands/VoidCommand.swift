import ArgumentParser
import CapstanEngine
import CapstanModel

/// `capstan void TX_ID`: a correction that takes a transaction out of every view.
struct VoidCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "void",
    abstract: "Void a transaction recorded by mistake (the ledger keeps both rows).",
    discussion: """
      Examples:
        capstan void 7 --reason "issued to the wrong holder"
        capstan void 3 --reason "duplicate" --cascade
      A void is a new dated transaction naming the voided one; every view replays the ledger
      without it, on every date. Refused, naming them, when later transactions depend on it
      (a transfer of the shares it issued, say): void those first, or --cascade voids the
      whole chain in one step after listing it. `capstan ledger --include-voided` shows the
      voided rows.
      """)

  @Argument(help: "The transaction's number (the # column of capstan ledger).")
  var transaction: Int
  @Option(help: "Why it is voided (kept in the ledger).")
  var reason: String
  @Option(help: "The void's date (default: today).")
  var date: CalendarDate?
  @Flag(help: "Also void the later transactions that depend on it (listed first).")
  var cascade = false
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let day = date ?? Today.date
    var chain = [transaction]
    if cascade {
      let ledger = try store.ledger(for: company.id)
      let dependants = ledger.dependants(of: transaction)
      if !dependants.isEmpty {
        print("Voiding the chain that depends on transaction \(transaction):")
        for dependant in dependants { print("  \(Ledger.describe(dependant))") }
      }
      chain += dependants.map(\.sequence)
    }
    let written = try store.write { draft in
      try draft.void(chain, reason: reason, date: day, company: company.id)
    }
    for void in written {
      guard case .void(let voiding) = void.event else { continue }
      print(
        "Voided transaction \(voiding.transaction) (transaction \(void.sequence), \(void.date)): \(voiding.reason)"
      )
    }
    if let note = AsOf.futureNote([day], .atOnce) { print(note) }
  }
}
