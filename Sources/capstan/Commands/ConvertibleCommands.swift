import ArgumentParser
import CapstanModel

/// `capstan safe add`.
struct SAFECommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "safe", abstract: "Record and list SAFEs.", subcommands: [Add.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a SAFE (post-money by default, as in the current YC form).",
      discussion: """
        Example: capstan safe add "Angel Fund" 500,000 --cap 8M --date 2025-06-01
                 capstan safe add Bea 1M --cap 12M --discount 20% --pro-rata --date 2025-09-01
        SAFEs convert in the next priced round (capstan round model shows how).
        """)

    @Argument(help: "The investor.")
    var holder: String
    @Argument(help: "The purchase amount.", transform: Amount.money("AMOUNT"))
    var amount: Ratio
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @Flag(help: "Post-money SAFE (default) or pre-money SAFE.")
    var kind: SAFEIssuance.Kind = .postMoney
    @OptionGroup var terms: ConvertibleTerms
    @Flag(help: "Most favoured nation: may adopt a later SAFE's better terms.")
    var mfn = false
    @Flag(help: "Comes with a pro rata side letter.")
    var proRata = false
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      try workspace.record { draft, company in
        try draft.issueConvertible(prefix: "SAFE", to: holder, date: date, company: company.id) {
          id, holder in
          .issueSAFE(
            SAFEIssuance(
              security: id, holder: holder, purchaseAmount: amount, kind: kind,
              valuationCap: terms.cap, discount: terms.discount, mostFavoredNation: mfn,
              proRata: proRata, rank: terms.rank()))
        }
      }
    }
  }
}

/// The terms SAFEs and notes share: the cap, the discount and where they rank at an exit.
struct ConvertibleTerms: ParsableArguments {
  @Option(help: "Valuation cap.", transform: Amount.money("--cap"))
  var cap: Ratio?
  @Option(
    help: "Discount to the round price, e.g. 20%.", transform: Amount.percentage("--discount"))
  var discount: Ratio?
  @Option(
    help: """
      Where the amount (a note's principal and interest) is paid at an exit, on the preferred \
      classes' seniority scale (a higher rank is paid first). Without it, it ranks on par with \
      the most junior preferred class (as the YC safe says of a SAFE).
      """)
  var seniority: Int?

  /// `--seniority` in the range Capstan XML reads back.
  func validate() throws {
    if let seniority, !(-1_000_000...1_000_000).contains(seniority) {
      throw ValidationError(
        "--seniority must be a whole number from -1000000 to 1000000 (got \(seniority))")
    }
  }

  /// Where the SAFE or note ranks at an exit (as debt: repaid before all equity).
  func rank(asDebt: Bool = false) -> ConvertibleRank {
    asDebt ? .debt : seniority.map(ConvertibleRank.seniority) ?? .withPreferred
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
      commandName: "add",
      abstract: "Record a convertible note.",
      discussion: """
        Example: capstan note add Bank 250k --rate 8% --date 2025-03-01 --maturity 2027-03-01 --cap 10M --discount 15%
        Interest accrues to the closing of the next round (rounded to cents) and converts with
        the principal.
        """)

    @Argument(help: "The lender.")
    var holder: String
    @Argument(help: "The principal.", transform: Amount.money("PRINCIPAL"))
    var principal: Ratio
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(help: "Annual interest rate, e.g. 8%.", transform: Amount.percentage("--rate"))
    var rate: Ratio
    @Option(help: "simple (default) or annual.")
    var compounding: NoteIssuance.Compounding = .simple
    @Option(help: "act/365 (default) or 30/360.")
    var dayCount: NoteIssuance.DayCount = .actual365
    @Option(help: "Maturity date.")
    var maturity: CalendarDate?
    @OptionGroup var terms: ConvertibleTerms
    @Option(
      help: """
        What the cap is divided by: pre-money-fully-diluted (default), \
        pre-money-company-capitalization or post-money-company-capitalization.
        """)
    var capBasis: NoteIssuance.CapBasis = .preMoneyFullyDiluted
    @Flag(help: "The note ranks as debt at an exit: repaid before all equity.")
    var asDebt = false
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if asDebt && terms.seniority != nil {
        throw ValidationError("give --seniority or --as-debt, not both")
      }
    }

    func run() throws {
      try workspace.record { draft, company in
        try draft.issueConvertible(prefix: "N", to: holder, date: date, company: company.id) {
          id, holder in
          .issueNote(
            NoteIssuance(
              security: id, holder: holder, principal: principal, rate: rate,
              compounding: compounding, dayCount: dayCount, maturity: maturity,
              valuationCap: terms.cap, discount: terms.discount, capBasis: capBasis,
              rank: terms.rank(asDebt: asDebt)))
        }
      }
    }
  }
}

/// `capstan warrant add`.
struct WarrantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "warrant", abstract: "Record warrants.", subcommands: [Add.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a warrant for shares of a class (counts in fully diluted).",
      discussion:
        "Example: capstan warrant add Lender 50,000 Common --strike 0.50 --date 2025-05-01 --expires 2035-05-01"
    )

    @Argument(help: "The holder.")
    var holder: String
    @Argument(help: "Shares the warrant buys.", transform: Amount.shares("SHARES"))
    var shares: Shares
    @Argument(help: "The class.")
    var shareClass: String
    @Option(help: "Exercise price per share.", transform: Amount.money("--strike"))
    var strike: Ratio
    @Option(help: "Issue date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(help: "Expiration date.")
    var expires: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      try workspace.record { draft, company in
        try draft.issueWarrant(
          to: holder, quantity: shares, className: shareClass, strike: strike, date: date,
          expires: expires, company: company.id)
      }
    }
  }
}
