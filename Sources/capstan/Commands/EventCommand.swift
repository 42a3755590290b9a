import ArgumentParser
import CapstanEngine
import CapstanModel

/// `capstan event`: dated events that vesting depends on.
struct EventCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "event",
    abstract:
      "Record events that vesting depends on (change of control, termination, milestone, acceleration).",
    subcommands: [EventRecordCommand.self])
}

/// `capstan event record`.
struct EventRecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a change of control, a termination, a milestone or an acceleration.",
    discussion: """
      Examples:
        capstan event record change-of-control --date 2026-06-15 --note "sold"
        capstan event record termination Eve --without-cause --date 2026-09-01
        capstan event record milestone "FDA approval" --date 2027-01-10
        capstan event record acceleration OP-3 --quantity 250 --reason "board"
      Each is an append-only ledger entry; capstan vesting shows the effects.
      See docs/vesting.md.
      """,
    subcommands: [
      ChangeOfControlCommand.self, TerminationCommand.self, MilestoneCommand.self,
      AccelerationCommand.self,
    ])
}

/// `capstan event record change-of-control`.
struct ChangeOfControlCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "change-of-control",
    abstract: "Record a change of control: single-trigger acceleration happens on it.",
    discussion: """
      Example: capstan event record change-of-control --date 2026-06-15
      Grants and restricted stock with --acceleration single accelerate on it;
      with --acceleration double:N, a termination without cause within N months
      after it accelerates. Only the first change of control after a grant
      applies to it.
      """)

  @Option(help: "The closing date (YYYY-MM-DD).")
  var date: CalendarDate
  @Option(help: "A description, kept in the ledger.")
  var note: String?
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.recordChangeOfControl(date: date, note: note, company: company.id)
    }
  }
}

/// `capstan event record termination`.
struct TerminationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "termination",
    abstract: "Record the end of a holder's service: vesting stops.",
    discussion: """
      Example: capstan event record termination Eve --without-cause --date 2026-09-01
      Vesting stops on the date. Unvested options are cancelled in the same step
      and return to the plan's pool (unless the plan retires cancelled options).
      Restricted stock stops vesting; its unvested shares stay outstanding,
      subject to repurchase (capstan repurchase). --without-cause within the
      window after a change of control triggers double-trigger acceleration.
      """)

  @Argument(help: "The stakeholder whose service ends.")
  var holder: String
  @Option(help: "Only this security (default: all of the holder's grants and restricted stock).")
  var security: String?
  @Flag(help: "Terminated without cause (or resigned for good reason).")
  var withoutCause = false
  @Option(help: "The last day of service (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.recordTermination(
        holder: holder, security: security.map { SecurityID($0) }, withoutCause: withoutCause,
        date: date, company: company.id)
    }
  }
}

/// `capstan event record milestone`.
struct MilestoneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "milestone",
    abstract: "Record a milestone reached: the milestone tranches of that name vest.",
    discussion: """
      Example: capstan event record milestone "FDA approval" --date 2027-01-10
      Without --security or --holder it applies to every grant and restricted
      stock whose terms name the milestone (--milestone "FDA approval:20%").
      """)

  @Argument(help: "The milestone's name (case-insensitive).")
  var name: String
  @Option(help: "Only this security.")
  var security: String?
  @Option(help: "Only this stakeholder's securities.")
  var holder: String?
  @Option(help: "The day it was reached (YYYY-MM-DD).")
  var date: CalendarDate
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.recordMilestone(
        name, holder: holder, security: security.map { SecurityID($0) }, date: date,
        company: company.id)
    }
  }
}

/// `capstan event record acceleration`.
struct AccelerationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "acceleration",
    abstract: "Record an acceleration: part of one security's unvested shares vest now.",
    discussion: """
      Example: capstan event record acceleration OP-3 --quantity 250 --date 2026-07-01
      The quantity vests on the date, on top of the schedule (vested never
      exceeds the total). Refused for more than is unvested on the date, or
      after the holder's termination. OCF: TX_VESTING_ACCELERATION.
      """)

  @Argument(help: "The option grant or restricted stock (e.g. OP-3).")
  var security: String
  @Option(
    help: "How many shares or options vest now (e.g. 250, 1.5k).",
    transform: Amount.shares("--quantity"))
  var quantity: Shares
  @Option(help: "The day they vest (YYYY-MM-DD, default today).")
  var date: CalendarDate?
  @Option(help: "Why (kept in the ledger).")
  var reason: String?
  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    try workspace.record { draft, company in
      try draft.recordAcceleration(
        security: SecurityID(security), quantity: quantity, reason: reason,
        date: date ?? Today.date, company: company.id)
    }
  }
}
