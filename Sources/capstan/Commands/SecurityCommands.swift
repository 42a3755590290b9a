import ArgumentParser
import CapstanModel

/// `capstan exercise`: exercises options or a warrant into stock.
struct ExerciseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercise",
    abstract: "Exercise vested options of a grant, or a warrant, into stock.",
    discussion: """
      A warrant buys stock of its class at its exercise price; the rest stays outstanding.

      Examples:
        capstan exercise OP-1 62,500 --date 2026-03-01
        capstan exercise W-1 4,000 --date 2026-03-01
      """)

  @Argument(help: "The option grant's or warrant's id (see capstan ledger).")
  var grant: String
  @Argument(
    help: "Number of options, or shares of the warrant, to exercise.",
    transform: Amount.shares("SHARES"))
  var shares: Shares
  @Option(help: "Exercise date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.exercise(
        grant: SecurityID(grant), quantity: shares, date: date, company: company.id)
    }
  }
}

/// `capstan transfer`: moves stock to another holder.
struct TransferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transfer",
    abstract:
      "Transfer stock to another stakeholder (a partial transfer leaves a balance security).",
    discussion: "Example: capstan transfer CS-1 Grace 100,000 --date 2025-06-01")

  @Argument(help: "The stock security's id.")
  var security: String
  @Argument(help: "The transferee.")
  var to: String
  @Argument(help: "Number of shares.", transform: Amount.shares("SHARES"))
  var shares: Shares
  @Option(help: "Transfer date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.transfer(
        security: SecurityID(security), to: to, quantity: shares, date: date, company: company.id)
    }
  }
}

/// `capstan cancel`: cancels stock or options.
struct CancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    abstract:
      "Cancel stock, options or warrants (all that is left without SHARES), or a SAFE or note.",
    discussion: """
      Example: capstan cancel OP-1 --date 2026-09-01 --reason "termination"
      Cancelled options return to the plan's pool unless the plan retires them.
      """)

  @Argument(help: "The security's id.")
  var security: String
  @Argument(
    help: "Number of shares or options (default: all outstanding).",
    transform: Amount.shares("SHARES"))
  var shares: Shares?
  @Option(help: "Cancellation date (YYYY-MM-DD).")
  var date: CalendarDate
  @Option(help: "Why (kept in the ledger).")
  var reason: String?
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.cancel(
        security: SecurityID(security), quantity: shares, reason: reason, date: date,
        company: company.id)
    }
  }
}

/// `capstan repurchase`: the company buys back stock.
struct RepurchaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repurchase",
    abstract: "Repurchase stock at a price (a partial repurchase leaves a balance security).",
    discussion: "Example: capstan repurchase CS-2 1,000,000 --price 0.0001 --date 2025-09-30")

  @Argument(help: "The stock security's id.")
  var security: String
  @Argument(help: "Number of shares.", transform: Amount.shares("SHARES"))
  var shares: Shares
  @Option(help: "Price paid per share.", transform: Amount.money("--price"))
  var price: Ratio
  @Option(help: "Repurchase date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.repurchase(
        security: SecurityID(security), quantity: shares, pricePerShare: price, date: date,
        company: company.id)
    }
  }
}

/// `capstan split`: splits a class.
struct SplitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "split",
    abstract: "Split a class forward (2:1) or in reverse (1:10).",
    discussion: """
      Example: capstan split Common 2:1 --date 2026-01-01
      Holdings, options, pools and authorized shares of the class are multiplied; strikes and
      prices divided; fractions of a share are dropped per security (cash in lieu).
      """)

  @Argument(help: "The class.")
  var shareClass: String
  @Argument(help: "New shares for old: 2:1, 3-for-2, 1:10.", transform: Amount.split("RATIO"))
  var ratio: Ratio
  @Option(help: "Effective date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.split(className: shareClass, ratio: ratio, date: date, company: company.id)
    }
  }
}

/// `capstan authorize`: changes a class's authorized shares.
struct AuthorizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "authorize",
    abstract: "Set a class's authorized shares to N, or raise them by +N.",
    discussion: """
      Examples: capstan authorize Common 15,000,000 --date 2026-01-01   (new total)
                capstan authorize Common +5M --date 2026-01-01          (increase)
      """)

  @Argument(help: "The class.")
  var shareClass: String
  @Argument(help: "The new total authorized, or +N to add N.")
  var shares: String
  @Option(help: "Effective date (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let increase = shares.hasPrefix("+")
    let quantity = try AmountParser.shares(
      increase ? String(shares.dropFirst()) : shares, field: "SHARES")
    try workspace.record { draft, company in
      try draft.authorize(
        className: shareClass, newTotal: increase ? nil : quantity,
        increase: increase ? quantity : nil, date: date, company: company.id)
    }
  }
}
