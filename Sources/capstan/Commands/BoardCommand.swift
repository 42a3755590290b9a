import ArgumentParser
import CapstanModel
import CapstanReports
import CapstanStore

/// `capstan board ...`: board seats and protective provisions, for the control flags.
struct BoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "board",
    abstract: "Record board seats and protective provisions held (for the portfolio report).",
    discussion: """
      Examples:
        capstan board add ComputeCo --seat "Investor director" --date 2026-03-01
        capstan board provision ComputeCo "Veto on new senior classes" --date 2026-03-01
        capstan board end ComputeCo --seat "Investor director" --date 2027-01-31
        capstan board list
      Records are dated and append-only, kept beside the ledger.
      """,
    subcommands: [Add.self, Provision.self, End.self, List.self])

  /// `capstan board add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "A stakeholder holds (appoints) a board seat from a date.")
    @Argument(help: "The stakeholder.") var holder: String
    @Option(help: "The seat's name (default: Director).") var seat: String = "Director"
    @Option(help: "From this date (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      try BoardCommand.record(workspace, holder: holder, date: date) {
        .boardSeat(holder: $0, seat: seat)
      }
    }
  }

  /// `capstan board provision`.
  struct Provision: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "provision", abstract: "A stakeholder holds a protective provision (a veto).")
    @Argument(help: "The stakeholder.") var holder: String
    @Argument(help: "What the provision covers.") var text: String
    @Option(help: "From this date (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      try BoardCommand.record(workspace, holder: holder, date: date) {
        .protectiveProvision(holder: $0, provision: text)
      }
    }
  }

  /// `capstan board end`.
  struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end",
      abstract: "A stakeholder no longer holds a board seat or a provision, from a date.")
    @Argument(help: "The stakeholder.") var holder: String
    @Option(help: "The seat that ends (default: Director, unless --provision is given).")
    var seat: String?
    @Option(help: "The protective provision that ends (its text), instead of a seat.")
    var provision: String?
    @Option(help: "From this date (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      if seat != nil && provision != nil {
        throw InputError.invalid(
          field: "--provision", input: provision ?? "", expected: "either --seat or --provision")
      }
      let name = seat ?? "Director"
      try BoardCommand.record(workspace, holder: holder, date: date) { id in
        if let provision { return .protectiveProvisionEnded(holder: id, provision: provision) }
        return .boardSeatEnded(holder: id, seat: name)
      }
    }
  }

  /// `capstan board list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "Board seats, provisions and compute use recorded.")
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      emit(
        ControlRecordsReport.text(
          try store.controlRecords(for: company.id), company: company,
          stakeholders: try store.stakeholders()))
    }
  }

  static func record(
    _ workspace: WorkspaceOptions, holder: String, date: CalendarDate?,
    _ fact: (Stakeholder.ID) throws -> ControlRecord.Fact
  ) throws {
    let (store, company) = try workspace.openCompany()
    let day = date ?? Today.date
    guard let found = Stakeholder.named(holder, in: try store.stakeholders()) else {
      throw LedgerError.unknownStakeholder(holder)
    }
    let record = ControlRecord(date: day, fact: try fact(found.id))
    try store.write { draft in try draft.addControlRecord(record, to: company.id) }
    print("Recorded for \(company.name) on \(day.iso).")
    if let note = AsOf.futureNote([day], .fromItsDate(latest: false)) { print(note) }
  }
}

/// `capstan compute-use ...`: the compute a company used, to measure a supplier's share.
struct ComputeUseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compute-use",
    abstract: "Record the GPU-hours a company used (every supplier), for the dependency flag.",
    discussion: """
      Example: capstan compute-use add 40,000 --date 2026-12-31
      Each record is the GPU-hours used in the period ending on its date; records add up. A
      supplier's share = GPU-hours it delivered (tokens redeemed) ÷ the sum recorded to date.
      """,
    subcommands: [Add.self])

  /// `capstan compute-use add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "GPU-hours used in the period ending on --date.")
    @Argument(help: "GPU-hours used.") var hours: String
    @Option(help: "The period's last day (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = date ?? Today.date
      let amount = try Parse.amount(hours, "GPU-hours")
      guard amount > .zero else {
        throw InputError.invalid(field: "GPU-hours", input: hours, expected: "a positive number")
      }
      let record = ControlRecord(date: day, fact: .computeUse(gpuHours: amount))
      try store.write { draft in try draft.addControlRecord(record, to: company.id) }
      print(
        "Recorded \(amount.decimalString(places: 2, minimumPlaces: 0, grouping: true)) GPU-hours for \(company.name) to \(day.iso)."
      )
      if let note = AsOf.futureNote([day], .fromItsDate(latest: false)) { print(note) }
    }
  }
}
