import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension PricingBasis: ExpressibleByArgument {}
extension NarrowBase: ExpressibleByArgument {}

/// `capstan round ...`: priced rounds on the workspace's company.
struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round",
    abstract: "Model, save and close priced rounds (SAFEs and notes convert, pool top-up).",
    subcommands: [Model.self, Save.self, List.self, Show.self, Close.self]
  )

  struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "model",
      abstract: "Show what a priced round does to the cap table; nothing is written.",
      discussion: """
        Example: capstan round model --pre-money 24M --invest lead=6M --pool-target 12% --date 2026-03-01

        The capitalization is the company's fully diluted table on the closing date: preferred \
        stock as converted, options and warrants outstanding, and every plan's unissued pool. \
        Every SAFE and note outstanding on the closing date converts (see capstan safe add and \
        capstan note add). A SAFE or note that converts below the round price gets its own \
        sub-series of the new class (Series A-1, Series A-2, ...) priced at its conversion \
        price, unless the company converts into the round class (capstan company add \
        --conversion-series). The pro forma includes the anti-dilution adjustments the round \
        triggers, so it equals capstan table after capstan round close. The conventions and \
        their sources are in docs/round-modelling.md.
        """)

    @OptionGroup var terms: Terms
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func validate() throws { try terms.requireGiven() }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let (ledger, market) = (try store.ledger(for: company.id), try store.tokenMarket())
      let closing = terms.date ?? Today.date
      let roundTerms = try terms.roundTerms(
        seniorityDefault: ledger.nextSeniority, stakeholders: try store.stakeholders())
      try market.check(roundTerms.tokenInvestments)
      let view = RoundView(
        name: "Round", model: try roundTerms.model(on: ledger, closing: closing),
        terms: roundTerms, currency: company.currency, market: market)
      switch output.format {
      case .json: emit(view.json().render())
      case .text, .csv: emit("\(company.name): round model (nothing written)\n\n" + view.fullText())
      }
    }
  }
}

extension RoundCommand {
  struct Save: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "save",
      abstract: "Save a round's terms under a name, to show again or close later.",
      discussion: """
        Example: capstan round save "Series A" --pre-money 24M --invest lead=6M --pool-target 12% \\
                   --date 2026-03-01 --class "Series A" --liquidation-multiple 1x
        With --from-offer NAME the round takes a stored offer's terms and closing date (give
        no other round options); its credit and revenue-share legs are not part of the round.
        """)

    @Argument(help: "A name for the round (default with --from-offer: the offer's name).")
    var name: String?
    @Option(help: "A stored offer (capstan offer add) whose terms the round takes.")
    var fromOffer: String?
    @OptionGroup var terms: Terms
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if fromOffer == nil {
        guard name != nil else { throw ValidationError("give a name for the round") }
        try terms.requireGiven()
      } else if !terms.isEmpty || terms.date != nil {
        throw ValidationError("--from-offer takes the offer's terms; give no other round terms")
      }
    }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let round: SavedRound
      var offerNote = ""
      if let fromOffer {
        let offer = try store.offer(named: fromOffer, company: company.id)
        round = try offer.savedRound(on: ledger, name: name)
        offerNote = OfferReport.notCarried(offer)
      } else {
        let roundTerms = try terms.roundTerms(
          seniorityDefault: ledger.nextSeniority, stakeholders: try store.stakeholders())
        try store.tokenMarket().check(roundTerms.tokenInvestments)
        round = try roundTerms.savedRound(
          name: name ?? "", on: ledger, closing: terms.date ?? Today.date)
      }
      let (closing, name) = (round.closing, round.name)
      let result = try round.model(on: ledger).result
      try store.write { draft in try draft.saveRound(round, company: company.id) }
      print(
        "Saved round \(name) (closing \(closing)): price \(Price(result.price.rounded, company.currency).formatted(places: 4)), \(result.postMoneyFullyDiluted) shares fully diluted after it"
      )
      print(offerNote, terminator: "")
      print(
        "Next: capstan round show \"\(name)\" · capstan round close \"\(name)\" --date \(closing)")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List saved rounds.", discussion: "Example: capstan round list")

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      emit(
        SavedRoundsReport.text(try store.savedRounds(for: company.id), currency: company.currency)
          ?? "No saved rounds (save one with: capstan round save NAME ...)\n")
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Model a saved round again on today's ledger.",
      discussion: "Example: capstan round show \"Series A\"")

    @Argument(help: "The saved round.")
    var name: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let (view, drift) = try RoundView.saved(
        try store.savedRound(named: name, company: company.id),
        on: try store.ledger(for: company.id), market: try store.tokenMarket())
      emit(output.format == .json ? view.json().render() : view.fullText(drift: drift))
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "close",
      abstract: "Close a saved round: write the new class, shares, conversions and pool increase.",
      discussion: """
        Example: capstan round close "Series A" --date 2026-03-01
        Everything is one ledger step, dated the closing date: the new preferred class, the
        conversion of every SAFE and note outstanding, the investors' shares (new investors
        are added as institutions), the pool increase (and the authorized shares it needs).
        Refused, with what changed, when the ledger no longer gives the saved numbers.
        """)

    @Argument(help: "The saved round.")
    var name: String
    @Option(help: "Closing date (default: the saved one).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let round = try store.savedRound(named: name, company: company.id)
      let closing = date ?? round.closing
      let order: RoundClosing
      do {
        order = try round.closing(on: try store.ledger(for: company.id), date: closing)
      } catch let error as RoundDriftError {
        throw Refusal(drift: error)
      }
      let written = try store.write { draft in
        try draft.closeSavedRound(round, closing: order, company: company.id)
      }
      print("Closed \(round.name) on \(closing): \(written.count) transactions recorded")
      if let note = AsOf.futureNote([closing]) { print(note) }
      emit(
        LedgerCommand.render(
          LedgerListing.entries(
            of: try store.ledger(for: company.id), since: closing, until: closing),
          company: company, format: .text))
    }
  }
}

extension RoundCommand.Close {
  /// The close refused for numbers that drifted, with how to accept them.
  struct Refusal: RefusedInput {
    let drift: RoundDriftError
    var description: String { "\(drift) (save the round again to accept them)" }
  }
}
