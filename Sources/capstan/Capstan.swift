import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanScenarios
import CapstanStore
import Foundation

/// The founder CLI: a cap table in a SQLite workspace, one command per action.
struct Capstan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "capstan",
    abstract: "Cap tables, deal terms and compute-for-equity, kept as a dated ledger.",
    discussion: """
      Every change is a dated transaction in an append-only ledger; every view is computed \
      from it. The workspace is a SQLite file (--db, $CAPSTAN_DB, or ./capstan.db) that can \
      hold many companies.

      Example, a first company:
        capstan init
        capstan company add "Acme AI" --currency USD --incorporated 2025-01-15
        capstan class add Common --authorized 10,000,000
        capstan stakeholder add Ada
        capstan issue Ada 4,000,000 Common --price 0.0001 --date 2025-01-15
        capstan table

      Amounts accept 1250000, 1,250,000.50, 2.5M, $3m, 750k; percentages 12.5%.
      Exit codes: 0 ok, 1 the input or the ledger refused it (nothing written), 2 usage error, \
      3 the workspace stayed busy (another process writing) for --wait seconds: try again.
      """,
    version: "0.1.0",
    groupedSubcommands: [
      CommandGroup(
        name: "Workspace",
        subcommands: [
          InitCommand.self, CompanyCommand.self, StakeholderCommand.self, ClassCommand.self,
          PlanCommand.self, ValuationCommand.self, CheckCommand.self, ApplyCommand.self,
          DemoCommand.self,
        ]),
      CommandGroup(
        name: "Ledger",
        subcommands: [
          IssueCommand.self, GrantCommand.self, SAFECommand.self, NoteCommand.self,
          WarrantCommand.self, ExerciseCommand.self, TransferCommand.self, CancelCommand.self,
          RepurchaseCommand.self, SplitCommand.self, AuthorizeCommand.self, EventCommand.self,
          VoidCommand.self, UndoCommand.self, TableCommand.self, LedgerCommand.self,
          VestingCommand.self,
        ]),
      CommandGroup(
        name: "Rounds and exits",
        subcommands: [
          RoundCommand.self, ModelCommand.self, ExitCommand.self, CompareCommand.self,
          OfferCommand.self,
        ]),
      CommandGroup(
        name: "Tokens",
        subcommands: [
          TokenCommand.self, GrantComputeCommand.self,
          ComputeUseCommand.self, ComputeSAFECommand.self, RevenueShareCommand.self,
        ]),
      CommandGroup(
        name: "Documents and reports",
        subcommands: [
          TermsheetCommand.self, TemplatesCommand.self, ReportCommand.self, BoardCommand.self,
        ]),
      CommandGroup(
        name: "Interchange",
        subcommands: [ImportCommand.self, ExportCommand.self, WorkspaceCommand.self]),
      CommandGroup(
        name: "Team server",
        subcommands: [
          ServeCommand.self, UserCommand.self, AuditCommand.self, PortalCommand.self,
        ]),
    ]
  )
}

/// Runs the CLI with Capstan's exit codes: 0 ok, 1 refused input, 2 usage, 3 busy workspace.
@main
enum CapstanMain {
  static func main() {
    let status = run(Array(CommandLine.arguments.dropFirst()))
    PeakMemory.recordIfAsked()
    exit(status)
  }

  /// Parses and runs one command line; returns the exit code.
  static func run(_ arguments: [String]) -> Int32 {
    let command: any ParsableCommand
    do {
      command = try Capstan.parseAsRoot(hoistingGlobalOptions(joiningNegativeValues(arguments)))
    } catch {
      return report(error)
    }
    do {
      var runnable = command
      try runnable.run()
      return 0
    } catch {
      return report(error)
    }
  }

  /// `--price -0.01` reaches the parser as `--price=-0.01`: a value that starts with a minus
  /// would otherwise be taken for an option and reported as a missing value, hiding the real
  /// problem (negative amounts are refused by the amount parser, which says so).
  static func joiningNegativeValues(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      if word.hasPrefix("--"), word.count > 2, !word.contains("="), index + 1 < arguments.count,
        looksNegative(arguments[index + 1])
      {
        out.append(word + "=" + arguments[index + 1])
        index += 2
      } else {
        out.append(word)
        index += 1
      }
    }
    return out
  }

  /// `-0.01`, `-1`, `-.5`, `-$5`, `-50%`: a minus then a digit, a point or a currency symbol.
  static func looksNegative(_ word: String) -> Bool {
    guard word.hasPrefix("-"), let next = word.dropFirst().first else { return false }
    return next.isNumber || ".$€£¥".contains(next)
  }

  /// Global options may come before the subcommand (`capstan --db x.db table`); the parser
  /// wants them after it, so they are moved to the end.
  static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
    let global: Set<String> = ["--db", "--company", "--format", "--wait"]
    var leading: [String] = []
    var index = 0
    while index < arguments.count, arguments[index].hasPrefix("--") {
      let word = arguments[index]
      let name = String(word.split(separator: "=", maxSplits: 1)[0])
      guard global.contains(name) else { break }
      if word.contains("=") {
        leading.append(word)
        index += 1
      } else if index + 1 < arguments.count {
        leading += [word, arguments[index + 1]]
        index += 2
      } else {
        break
      }
    }
    return Array(arguments[index...]) + leading
  }

  /// Prints an error and returns its exit code: 1 for refused input, 2 for usage, 0 for help.
  static func report(_ error: any Error) -> Int32 {
    if let workspace = error as? WorkspaceError, case .busy = workspace {
      FileHandle.standardError.write(Data("error: \(workspace.description)\n".utf8))
      return 3
    }
    // --help and --version end as errors too: answer them before searching the error's tree.
    if Capstan.exitCode(for: error) == .success {
      print(Capstan.fullMessage(for: error))
      return 0
    }
    if let refused = error as? any RefusedInput ?? Amount.refusal(in: error) {
      var text = NameText.escapedKeepingLines(refused.description)
      if let hint = ErrorHint.hint(for: refused) { text += " (\(hint))" }
      FileHandle.standardError.write(Data("error: \(text)\n".utf8))
      return 1
    }
    let message = Capstan.fullMessage(for: error)
    let code = Capstan.exitCode(for: error)
    let text = NameText.escapedKeepingLines(shortened(message))
    FileHandle.standardError.write(Data((text + "\n").utf8))
    return code == .validationFailure ? 2 : 1
  }
}

extension CapstanMain {
  /// `message` with every word longer than 64 characters cut to its first 40 and "…", so a
  /// usage error does not echo a 100,000-digit value back whole.
  static func shortened(_ message: String) -> String {
    var out = ""
    var word = ""
    for character in message + " " {
      guard character.isWhitespace else {
        word.append(character)
        continue
      }
      out += word.count > 64 ? word.prefix(40) + "…" : word
      out.append(character)
      word = ""
    }
    return String(out.dropLast())
  }
}

/// Errors that mean "the input or the ledger refused this": exit 1, message on stderr.
protocol RefusedInput: Error, CustomStringConvertible {}

extension LedgerFailure: RefusedInput {}
extension LedgerError: RefusedInput {}
extension InputError: RefusedInput {}
extension LimitError: RefusedInput {}
extension WorkspaceError: RefusedInput {}
extension ValueError: RefusedInput {}
extension DemoCommand.DemoFailure: RefusedInput {}
extension StoreError: RefusedInput {}
extension ScenarioError: RefusedInput {}
extension RoundError: RefusedInput {}
extension WaterfallError: RefusedInput {}
extension AntiDilutionError: RefusedInput {}
extension TokenError: RefusedInput {}
extension OfferError: RefusedInput {}
