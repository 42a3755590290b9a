import ArgumentParser
import CapstanModel

/// `capstan safe add`.
struct SAFECommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "safe", abstract: "Record and list SAFEs.", subcommands: [Add.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a SAFE (post-money by default, as in the current YC form).",
      discussion: """
        Example: capstan safe add "Angel Fund" 500,000 --cap 8M --date 2025-06-01
                 capstan safe add Bea 1M --cap 12M --discount 20% --pro-rata --date 2025-09-01
        SAFEs convert in the next priced round (capstan round model shows how).
        """)

    @Argument(help: "The investor.")
    var holder: String
    @Argument(help: "The purchase amount.")
    var amount: String
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @Flag(help: "Post-money SAFE (default) or pre-money SAFE.")
    var kind: SAFEIssuance.Kind = .postMoney
    @Option(help: "Valuation cap.")
    var cap: String?
    @Option(help: "Discount to the round price, e.g. 20%.")
    var discount: String?
    @Flag(help: "Most favoured nation: may adopt a later SAFE's better terms.")
    var mfn = false
    @Flag(help: "Comes with a pro rata side letter.")
    var proRata = false
    @Option(
      help: """
        Where the purchase amount is paid at an exit, on the preferred classes' seniority \
        scale (a higher rank is paid first). Without it the SAFE ranks on par with the most \
        junior preferred class, as the YC safe says.
        """)
    var seniority: Int?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws { try ConvertibleSeniority.validate(seniority) }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let purchase = try Parse.amount(amount, "AMOUNT")
      let valuationCap = try cap.map { try Parse.amount($0, "--cap") }
      let rebate = try discount.map { try AmountParser.percentage($0, field: "--discount") }
      let transaction = try store.write { draft in
        try draft.issueConvertible(prefix: "SAFE", to: holder, date: date, company: company.id) {
          id, holder in
          .issueSAFE(
            SAFEIssuance(
              security: id, holder: holder, purchaseAmount: purchase, kind: kind,
              valuationCap: valuationCap,
              discount: rebate, mostFavoredNation: mfn, proRata: proRata,
              rank: seniority.map(ConvertibleRank.seniority) ?? .withPreferred))
        }
      }
      try CommandOutput.recorded(transaction, store, company)
    }
  }
}

/// The range of `--seniority` for SAFEs and notes, the one Capstan XML reads back.
enum ConvertibleSeniority {
  static let range = -1_000_000...1_000_000

  static func validate(_ seniority: Int?) throws {
    if let seniority, !range.contains(seniority) {
      throw ValidationError(
        "--seniority must be a whole number from -1000000 to 1000000 (got \(seniority))")
    }
  }
}

extension SAFEIssuance.Kind: EnumerableFlag {}
extension NoteIssuance.Compounding: ExpressibleByArgument {}
extension NoteIssuance.DayCount: ExpressibleByArgument {}
extension NoteIssuance.CapBasis: ExpressibleByArgument {}

/// `capstan note add`.
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note", abstract: "Record and list convertible notes.",
    subcommands: [Add.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a convertible note.",
      discussion: """
        Example: capstan note add Bank 250k --rate 8% --date 2025-03-01 --maturity 2027-03-01 --cap 10M --discount 15%
        Interest accrues to the closing of the next round (rounded to cents) and converts with
        the principal.
        """)

    @Argument(help: "The lender.")
    var holder: String
    @Argument(help: "The principal.")
    var principal: String
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(help: "Annual interest rate, e.g. 8%.")
    var rate: String
    @Option(help: "simple (default) or annual.")
    var compounding: NoteIssuance.Compounding = .simple
    @Option(help: "act/365 (default) or 30/360.")
    var dayCount: NoteIssuance.DayCount = .actual365
    @Option(help: "Maturity date.")
    var maturity: CalendarDate?
    @Option(help: "Valuation cap.")
    var cap: String?
    @Option(help: "Discount to the round price, e.g. 20%.")
    var discount: String?
    @Option(
      help: """
        What the cap is divided by: pre-money-fully-diluted (default), \
        pre-money-company-capitalization or post-money-company-capitalization.
        """)
    var capBasis: NoteIssuance.CapBasis = .preMoneyFullyDiluted
    @Option(
      help: """
        Where principal and interest are repaid at an exit, on the preferred classes' \
        seniority scale (a higher rank is paid first). Without it the note ranks on par with \
        the most junior preferred class.
        """)
    var seniority: Int?
    @Flag(help: "The note ranks as debt at an exit: repaid before all equity.")
    var asDebt = false
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if asDebt && seniority != nil {
        throw ValidationError("give --seniority or --as-debt, not both")
      }
      try ConvertibleSeniority.validate(seniority)
    }

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let amount = try Parse.amount(principal, "PRINCIPAL")
      let interest = try AmountParser.percentage(rate, field: "--rate")
      let valuationCap = try cap.map { try Parse.amount($0, "--cap") }
      let rebate = try discount.map { try AmountParser.percentage($0, field: "--discount") }
      let transaction = try store.write { draft in
        try draft.issueConvertible(prefix: "N", to: holder, date: date, company: company.id) {
          id, holder in
          .issueNote(
            NoteIssuance(
              security: id, holder: holder, principal: amount, rate: interest,
              compounding: compounding,
              dayCount: dayCount, maturity: maturity, valuationCap: valuationCap, discount: rebate,
              capBasis: capBasis,
              rank: asDebt ? .debt : seniority.map(ConvertibleRank.seniority) ?? .withPreferred))
        }
      }
      try CommandOutput.recorded(transaction, store, company)
    }
  }
}

/// `capstan warrant add`.
struct WarrantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "warrant", abstract: "Record warrants.", subcommands: [Add.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a warrant for shares of a class (counts in fully diluted).",
      discussion:
        "Example: capstan warrant add Lender 50,000 Common --strike 0.50 --date 2025-05-01 --expires 2035-05-01"
    )

    @Argument(help: "The holder.")
    var holder: String
    @Argument(help: "Shares the warrant buys.")
    var shares: String
    @Argument(help: "The class.")
    var shareClass: String
    @Option(help: "Exercise price per share.")
    var strike: String
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(help: "Expiration date.")
    var expires: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let quantity = try Parse.shares(shares, "SHARES")
      let price = try Parse.amount(strike, "--strike")
      let transaction = try store.write { draft in
        try draft.issueWarrant(
          to: holder, quantity: quantity, className: shareClass, strike: price, date: date,
          expires: expires,
          company: company.id)
      }
      try CommandOutput.recorded(transaction, store, company)
    }
  }
}
