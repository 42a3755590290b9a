import ArgumentParser
import CapstanModel
import CapstanReports
import CapstanStore

extension ControlRight.Kind: ExpressibleByArgument {}

/// `capstan board ...`: board seats, protective provisions and other rights, for the control
/// flags.
struct BoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "board",
    abstract:
      "Record board seats, provisions and other rights held (for the portfolio report).",
    discussion: """
      Examples:
        capstan board add ComputeCo --seat "Investor director" --date 2026-03-01
        capstan board provision ComputeCo "Veto on new senior classes" --date 2026-03-01
        capstan board right ComputeCo exclusivity "Exclusive compute supplier" --date 2026-03-01
        capstan board right ComputeCo spend-commitment "Cloud spend" --amount 2M --period "24 months"
        capstan board end ComputeCo --seat "Investor director" --date 2027-01-31
        capstan board list
      Records are dated and append-only, kept beside the ledger.
      """,
    subcommands: [Add.self, Provision.self, Right.self, End.self, List.self])

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

  /// `capstan board right`.
  struct Right: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "right",
      abstract: "A stakeholder holds another right: exclusivity, spend, information, consent...",
      discussion: """
        Kinds: exclusivity, spend-commitment (with --amount and --period), information-rights,
        consultation, consent, observer-seat, revenue-share. The portfolio report flags each
        under the FTC 6(b) item it belongs to (docs/reports.md).
        """)
    @Argument(help: "The stakeholder.") var holder: String
    @Argument(help: "The kind of right.") var kind: ControlRight.Kind
    @Argument(help: "What the right covers, in the agreement's words.") var name: String
    @Option(help: "The committed amount (spend commitments).") var amount: String?
    @Option(help: "The committed period as the agreement states it (\"24 months\").")
    var period: String?
    @Option(help: "The first day the right no longer holds (YYYY-MM-DD), if fixed.")
    var ends: CalendarDate?
    @Option(help: "From this date (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let value = try amount.map { try Parse.amount($0, "--amount") }
      try BoardCommand.record(workspace, holder: holder, date: date) {
        .right(
          ControlRight(
            holder: $0, kind: kind, name: name, amount: value, period: period, ends: ends))
      }
    }
  }

  /// `capstan board end`.
  struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end",
      abstract: "A stakeholder no longer holds a board seat, a provision or a right, from a date.")
    @Argument(help: "The stakeholder.") var holder: String
    @Option(help: "The seat that ends (default: Director, unless another is given).")
    var seat: String?
    @Option(help: "The protective provision that ends (its text), instead of a seat.")
    var provision: String?
    @Option(help: "The kind of right that ends (with --name), instead of a seat.")
    var right: ControlRight.Kind?
    @Option(help: "The name of the right that ends (with --right).") var name: String?
    @Option(help: "From this date (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let given = [seat != nil, provision != nil, right != nil].filter { $0 }.count
      if given > 1 {
        throw InputError.invalid(
          field: "--provision", input: provision ?? right?.rawValue ?? "",
          expected: "one of --seat, --provision or --right")
      }
      if (right == nil) != (name == nil) {
        throw InputError.invalid(
          field: "--name", input: name ?? "", expected: "--right KIND and --name NAME together")
      }
      let seatName = seat ?? "Director"
      try BoardCommand.record(workspace, holder: holder, date: date) { id in
        if let provision { return .protectiveProvisionEnded(holder: id, provision: provision) }
        if let right, let name { return .rightEnded(holder: id, kind: right, name: name) }
        return .boardSeatEnded(holder: id, seat: seatName)
      }
    }
  }

  /// `capstan board list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "Board seats, provisions, rights, segments and compute use recorded.")
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
    try store.write { draft in
      let fact = try fact(try draft.stakeholder(named: holder).id)
      try draft.addControlRecord(ControlRecord(date: day, fact: fact), to: company.id)
    }
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
    @Argument(help: "GPU-hours used.", transform: Amount.positive("GPU-hours", "a positive number"))
    var hours: Ratio
    @Option(help: "The period's last day (default: today).") var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = date ?? Today.date
      let record = ControlRecord(date: day, fact: .computeUse(gpuHours: hours))
      try store.write { draft in try draft.addControlRecord(record, to: company.id) }
      print(
        "Recorded \(hours.decimalString(places: 2, minimumPlaces: 0, grouping: true)) GPU-hours for \(company.name) to \(day.iso)."
      )
      if let note = AsOf.futureNote([day], .fromItsDate(latest: false)) { print(note) }
    }
  }
}
