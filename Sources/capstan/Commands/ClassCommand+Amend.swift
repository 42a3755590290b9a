import ArgumentParser
import CapstanModel
import CapstanReports

/// `capstan class amend` participation choices.
enum ParticipationChoice: String, ExpressibleByArgument, CaseIterable {
  case none, full, capped
}

extension ClassCommand {
  /// `capstan class amend CLASS --date D [terms]`: a dated charter amendment.
  struct Amend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "amend",
      abstract: "Amend a class's terms from a date on (a charter amendment).",
      discussion: """
        Examples:
          capstan class amend "Series Seed" --date 2026-06-01 --liquidation-multiple 2
          capstan class amend "Series A" --date 2026-09-01 --participation capped --cap 3x
        Views and waterfalls dated before --date use the old terms, from --date on the new
        ones; terms not given stay as they were on the date. capstan class show lists the
        history. Authorized shares change with capstan authorize, conversion prices with
        anti-dilution; neither is a term here.
        """)

    @Argument(help: "The class.")
    var name: String
    @Option(help: "The amendment's effective date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(
      help: "Liquidation preference as a multiple of the issue price (e.g. 2x).",
      transform: Amount.multiple("--liquidation-multiple"))
    var liquidationMultiple: Ratio?
    @Option(help: "Participation: none, full or capped (with --cap).")
    var participation: ParticipationChoice?
    @Option(
      help: "Participation cap as a multiple of the issue price (with capped).",
      transform: Amount.multiple("--cap"))
    var cap: Ratio?
    @Option(help: "Seniority rank; higher is paid first.")
    var seniority: Int?
    @Option(help: "Anti-dilution protection: none, broad, narrow or ratchet.")
    var antiDilution: AntiDilution?
    @Option(help: "Votes per share.", transform: Amount.money("--votes"))
    var votes: Ratio?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if cap != nil && participation != .capped {
        throw ValidationError("--cap goes with --participation capped")
      }
      if participation == .capped && cap == nil {
        throw ValidationError("--participation capped needs --cap (e.g. 3x)")
      }
      let given = [
        liquidationMultiple != nil, participation != nil, seniority != nil, antiDilution != nil,
        votes != nil,
      ]
      if !given.contains(true) {
        throw ValidationError(
          "give at least one term to amend (--liquidation-multiple, --participation, "
            + "--seniority, --anti-dilution or --votes)")
      }
    }

    func run() throws {
      let terms: Participation? = participation.map {
        switch $0 {
        case .none: .none
        case .full: .full
        case .capped: .capped(multiple: cap ?? .one)
        }
      }
      try workspace.record { draft, company in
        try draft.amendClass(
          named: name, on: date, multiple: liquidationMultiple, participation: terms,
          seniority: seniority, antiDilution: antiDilution, votesPerShare: votes,
          company: company.id)
      }
    }
  }

  /// `capstan class show CLASS`: the class's terms and their history.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a class's terms as of a date and the history of its amendments.",
      discussion: "Example: capstan class show \"Series Seed\" --as-of latest")

    @Argument(help: "The class.")
    var name: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let ledger = try workspace.ledger()
      let view = try ClassTermsView(ledger, className: name, asOf: asOf.date(ledger))
      emit(try view.text())
      AsOf.print(view.laterEntries?.note, format: .text)
    }
  }
}
