import ArgumentParser
import CapstanModel
import CapstanReports

extension AntiDilution: ExpressibleByArgument {}

/// `capstan class ...`: share classes and their charter terms.
struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Add, list, amend and show share classes.",
    subcommands: [Add.self, List.self, Amend.self, Show.self]
  )

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a share class with its charter terms.",
      discussion: """
        Examples:
          capstan class add Common --authorized 10,000,000
          capstan class add "Series A" --authorized 3M --preferred --issue-price 2.00 \\
            --liquidation-multiple 1x --seniority 1 --anti-dilution broad
          capstan class add "Series B" --authorized 2M --preferred --issue-price 1.50 \\
            --participating --cap 2x --seniority 2
        Seniority: a higher number is paid first; equal numbers are pari passu.
        """)

    @Argument(help: "The class's name (unique in the company).")
    var name: String
    @Option(help: "Shares authorized by the charter.", transform: Amount.count("--authorized"))
    var authorized: Shares
    @Flag(help: "A preferred class (the terms below apply only to preferred).")
    var preferred = false
    @Option(help: "Original issue price per share.", transform: Amount.money("--issue-price"))
    var issuePrice: Ratio?
    @Option(
      help: "Conversion price into common (default: the issue price).",
      transform: Amount.positive("--conversion-price"))
    var conversionPrice: Ratio?
    @Option(
      help: "Liquidation preference as a multiple of the issue price (default 1x).",
      transform: Amount.multiple("--liquidation-multiple"))
    var liquidationMultiple: Ratio?
    @Flag(help: "Participates alongside common after its preference.")
    var participating = false
    @Option(
      help: "Participation cap: total per share as a multiple of the issue price (e.g. 3x).",
      transform: Amount.multiple("--cap"))
    var cap: Ratio?
    @Option(help: "Seniority rank; higher is paid first (default 1).")
    var seniority: Int?
    @Option(help: "Anti-dilution protection: none, broad, narrow or ratchet (default none).")
    var antiDilution: AntiDilution?
    @Option(help: "Votes per share (default 1).", transform: Amount.money("--votes"))
    var votes: Ratio?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      let preferredOnly: [(String, Bool)] = [
        ("--issue-price", issuePrice != nil), ("--conversion-price", conversionPrice != nil),
        ("--liquidation-multiple", liquidationMultiple != nil), ("--participating", participating),
        ("--cap", cap != nil), ("--seniority", seniority != nil),
        ("--anti-dilution", antiDilution != nil),
      ]
      if !preferred, let flag = preferredOnly.first(where: \.1) {
        throw ValidationError("\(flag.0) applies to preferred classes only; add --preferred")
      }
      if cap != nil && !participating {
        throw ValidationError("--cap limits participation; add --participating")
      }
      if preferred && issuePrice == nil {
        throw ValidationError("a preferred class needs --issue-price (its original issue price)")
      }
    }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let preference = LiquidationPreference(
        multiple: liquidationMultiple ?? .one,
        participation: cap.map { .capped(multiple: $0) } ?? (participating ? .full : .none),
        seniority: seniority ?? 1)
      let template = ShareClass(
        id: "new", name: name, kind: preferred ? .preferred : .common,
        initialAuthorized: authorized, originalIssuePrice: issuePrice,
        conversionPrice: conversionPrice, preference: preferred ? preference : nil,
        antiDilution: antiDilution ?? .none, votesPerShare: votes ?? .one)
      let added = try store.write { try $0.addClass(template, to: company.id) }
      print(
        "Added \(added.kind.rawValue) class \(added.name) with \(added.initialAuthorized) shares authorized"
      )
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List share classes with their terms.",
      discussion: "Example: capstan class list --format json")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOption

    func run() throws {
      let ledger = try workspace.ledger()
      show(ClassListView(ledger, try ledger.replay(asOf: asOf.date(ledger))), output.format)
    }
  }
}
