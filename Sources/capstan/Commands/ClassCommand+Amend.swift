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
    @Option(help: "Liquidation preference as a multiple of the issue price (e.g. 2x).")
    var liquidationMultiple: String?
    @Option(help: "Participation: none, full or capped (with --cap).")
    var participation: ParticipationChoice?
    @Option(help: "Participation cap as a multiple of the issue price (with capped).")
    var cap: String?
    @Option(help: "Seniority rank; higher is paid first.")
    var seniority: Int?
    @Option(help: "Anti-dilution protection: none, broad, narrow or ratchet.")
    var antiDilution: AntiDilution?
    @Option(help: "Votes per share.")
    var votes: String?
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
      let (store, company) = try workspace.openCompany()
      let multiple = try liquidationMultiple.map {
        try Parse.multiple($0, "--liquidation-multiple")
      }
      let capMultiple = try cap.map { try Parse.multiple($0, "--cap") }
      let votesPerShare = try votes.map { try Parse.amount($0, "--votes") }
      let terms: Participation? = participation.map {
        switch $0 {
        case .none: .none
        case .full: .full
        case .capped: .capped(multiple: capMultiple ?? .one)
        }
      }
      let transaction = try store.write { draft in
        try draft.amendClass(
          named: name, on: date, multiple: multiple, participation: terms, seniority: seniority,
          antiDilution: antiDilution, votesPerShare: votesPerShare, company: company.id)
      }
      try CommandOutput.recorded(transaction, store, company)
    }
  }

  /// `capstan class show CLASS`: the class's terms and their history.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a class's terms as of a date and the history of its amendments.",
      discussion: "Example: capstan class show \"Series Seed\" --as-of latest")

    @Argument(help: "The class.")
    var name: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let view = try ClassTermsView(ledger, className: name, asOf: asOf.date(ledger))
      emit(try view.text())
      AsOf.print(view.laterEntries?.note, format: .text)
    }
  }
}
