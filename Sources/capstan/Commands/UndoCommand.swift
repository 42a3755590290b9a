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

  /// Why there is nothing `undo` can void.
  enum UndoError: Error, CustomStringConvertible {
    /// The company's ledger has no transactions.
    case emptyLedger(company: String)
    /// No write of this version recorded anything in the company.
    case nothingRecorded(company: String)
    /// The last batch is not the end of the ledger.
    case notLatest(company: String, last: Int)
    /// The last command recorded only voids.
    case onlyVoids(company: String)
    /// Not on a terminal, and `--yes` not given.
    case needsYes
    /// The user answered no.
    case declined

    var description: String {
      switch self {
      case .emptyLedger(let company):
        return "nothing to undo in \(company): its ledger has no transactions"
      case .nothingRecorded(let company):
        return "nothing to undo in \(company): its transactions were recorded before this "
          + "version of Capstan kept track of commands (schema step v11-ledger-batches); "
          + "use capstan void TX_ID"
      case .notLatest(let company, let last):
        return "the last entry of \(company) (transaction \(last)) was recorded before this "
          + "version of Capstan kept track of commands (schema step v11-ledger-batches); "
          + "use capstan void TX_ID"
      case .onlyVoids(let company):
        return "the last command in \(company) recorded only voids, which cannot be voided; "
          + "nothing to undo"
      case .needsYes:
        return "capstan undo asks before voiding; not on a terminal, pass --yes to confirm"
      case .declined:
        return "nothing voided"
      }
    }
  }

  @Flag(help: "Void without asking (required when not run on a terminal).")
  var yes = false
  @Option(help: "The voids' date (default: today).")
  var date: String?
  @Option(help: "The reason kept with each void.")
  var reason = "undo"
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let day = try Parse.date(date, "--date", default: Today.date)
    let ledger = try store.ledger(for: company.id)
    guard !ledger.transactions.isEmpty else { throw UndoError.emptyLedger(company: company.name) }
    guard let batch = try store.lastBatch(for: company.id) else {
      throw UndoError.nothingRecorded(company: company.name)
    }
    let last = ledger.transactions.map(\.sequence).max() ?? 0
    guard batch.upperBound == last else {
      throw UndoError.notLatest(company: company.name, last: last)
    }
    let voided = ledger.hasVoids ? ledger.voids : [:]
    let targets = ledger.transactions.filter {
      batch.contains($0.sequence) && !$0.event.isVoid && voided[$0.sequence] == nil
    }.sorted { $0.sequence < $1.sequence }
    guard !targets.isEmpty else { throw UndoError.onlyVoids(company: company.name) }
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
