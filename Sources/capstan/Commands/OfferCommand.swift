import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan offer ...`: financing offers kept in the workspace, priced before anything closes.
struct OfferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "offer",
    abstract:
      "Keep financing offers (cash, tokens, credits, revenue share, compute-SAFE) to compare and stress.",
    discussion: """
      An offer is a round not yet closed, plus credit and revenue-share legs. It is kept in the \
      workspace, not the ledger: compare offers (capstan compare A B), stress one (capstan \
      tokens stress --offer A), then turn the chosen one into a saved round (capstan round save \
      --from-offer A) and close it. See docs/offers.md.
      """,
    subcommands: [Add.self, List.self, Show.self, Remove.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract:
        "Add an offer: the options of round model, plus credit, revenue-share and compute-SAFE legs.",
      discussion: """
        Example: capstan offer add A --pre-money 23M --invest Lead=4M \\
                   --invest-tokens ComputeCo=1,500,000@2.00xH100H --pool-target 10% \\
                   --token-unlock 24/6/1 --token-release in-step --date 2026-06-01
        The offer is priced by the round engine on the company's table when it is added (a \
        refused round is not kept); nothing is written to the ledger.
        """)

    @Argument(help: "A name for the offer, new among the company's offers.")
    var name: String
    @OptionGroup var terms: RoundCommand.Terms
    @Option(help: "Cloud credits beside the round: amount=AMOUNT,expires=MONTHSm[,provider=NAME].")
    var credits: [String] = []
    @Option(
      help: """
        Compute credits repaid from revenue: credits=AMOUNT,percent=P%,cap=Mx[,provider=NAME] \
        (P % of each month's revenue until M times the credits is paid).
        """)
    var revenueShare: [String] = []
    @Option(
      help: """
        A compute-SAFE beside the round: provider=P,commitment=GPU_HOURS,agreed=PRICE,\
        window=START:END[,cap=V][,discount=D][,sla-suspension]. It buys no shares in this \
        round (it converts at the next priced round); record it with compute-safe add once \
        signed.
        """)
    var computeSafe: [String] = []
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws { try terms.requireGiven() }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let roundTerms = try terms.roundTerms(
        seniorityDefault: ledger.nextSeniority, stakeholders: try store.stakeholders())
      try store.tokenMarket().check(roundTerms.tokenInvestments)
      let offer = Offer(
        name: name, closing: terms.date ?? Today.date, terms: roundTerms,
        credits: try credits.map { try Offer.CreditLeg.parse($0, field: "--credits") },
        revenueShares: try revenueShare.map {
          try Offer.RevenueShareLeg.parse($0, field: "--revenue-share")
        },
        computeSAFEs: try computeSafe.map {
          try Offer.ComputeSAFELeg.parse($0, field: "--compute-safe")
        })
      let priced = try offer.priced(on: ledger)
      try store.write { draft in try draft.addOffer(offer, to: company.id) }
      emit(OfferReport.added(priced, currency: company.currency))
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the company's offers, each priced on today's ledger.",
      discussion: "Example: capstan offer list")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let priced = try store.offers(for: company.id).map { offer in
        (offer, Result { try offer.priced(on: ledger) })
      }
      emit(
        OfferReport.list(priced, currency: company.currency, format: output.format.view)
          ?? "No offers (add one with: capstan offer add NAME ...)\n")
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show an offer's legs and the round it is, priced on today's ledger.",
      discussion: "Example: capstan offer show A")

    @Argument(help: "The offer.")
    var name: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let offer = try store.offer(named: name, company: company.id)
      emit(
        OfferReport.show(
          try offer.priced(on: try store.ledger(for: company.id)), currency: company.currency,
          market: try store.tokenMarket(), format: output.format.view))
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove",
      abstract: "Remove an offer (a removal is recorded; the name is free again).",
      discussion: "Example: capstan offer remove B")

    @Argument(help: "The offer.")
    var name: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let removed = try store.write { draft in
        try draft.removeOffer(named: name, from: company.id)
      }
      print("Removed offer \(removed.name)")
    }
  }
}
