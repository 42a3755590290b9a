import ArgumentParser
import CapstanModel
import Foundation

/// `capstan undo`: voids what the last command recorded in the company's ledger.
struct UndoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Void the transactions the last command recorded (shows them, then asks).",
    discussion: """
      Example: capstan undo --yes
      Lists what the last command that wrote to the company's ledger recorded (an import
      too), asks on a terminal, and voids it all in one write (a void event each, as capstan
      void). Without a terminal (a script), --yes is required. Refused when the last command
      recorded only voids, or when the last entries were recorded before this version kept
      track of commands: use capstan void then.
      """)

  /// Why `undo` voided nothing.
  enum UndoError: Error, CustomStringConvertible {
    /// The ledger's refusal, with the command that helps.
    case refused(UndoRefusal)
    /// Not on a terminal, and `--yes` not given.
    case needsYes
    /// The user answered no.
    case declined

    var description: String {
      switch self {
      case .refused(let refusal):
        switch refusal {
        case .nothingRecorded, .notLatest: "\(refusal); use capstan void TX_ID"
        default: refusal.description
        }
      case .needsYes: "capstan undo asks before voiding; not on a terminal, pass --yes to confirm"
      case .declined: "nothing voided"
      }
    }
  }

  @Flag(help: "Void without asking (required when not run on a terminal).")
  var yes = false
  @Option(help: "The voids' date (default: today).")
  var date: CalendarDate?
  @Option(help: "The reason kept with each void.")
  var reason = "undo"
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let day = date ?? Today.date
    let targets: [Transaction]
    do {
      targets = try store.ledger(for: company.id).undoTargets(
        lastBatch: store.lastBatch(for: company.id))
    } catch let refusal as UndoRefusal {
      throw UndoError.refused(refusal)
    }
    print("The last command recorded in \(company.name):")
    for transaction in targets.prefix(Self.listed) { print("  \(Ledger.describe(transaction))") }
    if targets.count > Self.listed {
      print("  ... and \(targets.count - Self.listed) more (\(targets.count) transactions)")
    }
    if !yes {
      guard isatty(STDIN_FILENO) == 1 else { throw UndoError.needsYes }
      print("Void \(targets.count == 1 ? "it" : "them")? [y/N] ", terminator: "")
      let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
      guard answer == "y" || answer == "yes" else { throw UndoError.declined }
    }
    let written = try store.write { draft in
      try draft.void(targets.map(\.sequence), reason: reason, date: day, company: company.id)
    }
    for void in written.prefix(Self.listed) {
      guard case .void(let voiding) = void.event else { continue }
      print(
        "Voided transaction \(voiding.transaction) (transaction \(void.sequence), \(void.date))")
    }
    if written.count > Self.listed {
      print("Voided \(written.count) transactions in all.")
    }
    if let note = AsOf.futureNote([day], .atOnce) { print(note) }
  }

  /// How many transactions are listed one by one (a large import's are summed up after them).
  static let listed = 20
}

extension UndoCommand.UndoError: RefusedInput {}
