import CapstanEngine
import CapstanModel
import Yams

/// The vesting parts of a scenario file: a holding's `vesting` / `stock-vesting`, a compute
/// grant's or token investment's `unlock` mapping, and the `change-of-control`, `termination`
/// and `milestone` events (docs/scenario-format.md).
extension ScenarioReader {
  /// The keys of a vesting mapping.
  static let vestingKeys = [
    "schedule", "days", "start", "allocation", "cliff-installment", "tranches", "milestones",
    "acceleration",
  ]

  /// Vesting terms under `key`: `48/12/1` (months), or a mapping of `schedule` (months),
  /// `days`, `start`, `allocation`, `cliff-installment`, `tranches` (a list of `{date, amount}`
  /// or `DATE:AMOUNT,...`), `milestones` (a list of `{name, amount}` or `NAME:AMOUNT`) and
  /// `acceleration`; nil when absent. Amounts are shares (tokens) or percentages of `quantity`.
  static func vestingTerms(
    _ fields: Fields, _ key: String, quantity: Shares, start defaultStart: CalendarDate?,
    acceleration allowed: Bool = true
  ) throws(ScenarioError) -> VestingTerms? {
    guard let node = fields.node(key) else { return nil }
    if let text = node.scalar?.string {
      guard let start = defaultStart else {
        throw fields.error(key, "needs a start date: write it as a mapping with start:")
      }
      do {
        return VestingTerms(try VestingSchedule.parse(text, start: start))
      } catch {
        throw fields.error(
          key, "cannot read '\(text)': expected TOTAL/CLIFF/FREQUENCY months, e.g. 48/12/1")
      }
    }
    let terms = try Fields(
      node, path: fields.key(key), file: fields.file,
      allowed: allowed ? vestingKeys : vestingKeys.filter { $0 != "acceleration" })
    guard let start = try terms.date("start") ?? defaultStart else {
      throw terms.error("start", "is required (no grant date to start from)")
    }
    var tranches: String?
    if let node = terms.node("tranches") {
      if let text = node.scalar?.string {
        tranches = text
      } else {
        var items: [String] = []
        for (index, item) in try terms.list("tranches").enumerated() {
          let tranche = try Fields(
            item, path: terms.key("tranches") + "[\(index)]", file: fields.file,
            allowed: ["date", "amount"])
          guard try tranche.date("date") != nil else { throw tranche.error("date", "is required") }
          items.append("\(try tranche.required("date")):\(try tranche.required("amount"))")
        }
        tranches = items.joined(separator: ";")
      }
    }
    var milestones: [String] = []
    for (index, item) in try terms.list("milestones").enumerated() {
      if let text = item.scalar?.string {
        milestones.append(text)
        continue
      }
      let milestone = try Fields(
        item, path: terms.key("milestones") + "[\(index)]", file: fields.file,
        allowed: ["name", "amount"])
      milestones.append("\(try milestone.required("name")):\(try milestone.required("amount"))")
    }
    let input = VestingTermsInput(
      months: try terms.text("schedule"), days: try terms.text("days"),
      allocation: try terms.text("allocation"),
      cliffInstallment: try terms.text("cliff-installment"), tranches: tranches,
      milestones: milestones, acceleration: try terms.text("acceleration"))
    let name: (VestingTermsInput.Field) -> String = { field in
      switch field {
      case .months: "schedule"
      case .days: "days"
      case .start: "start"
      case .allocation: "allocation"
      case .cliffInstallment: "cliff-installment"
      case .tranches: "tranches"
      case .milestone: "milestones"
      case .acceleration: "acceleration"
      }
    }
    do {
      guard let result = try input.terms(quantity: quantity, start: start, name: name) else {
        throw terms.error(
          "schedule", "give schedule, days, tranches or milestones (or leave out \(key))",
          at: node)
      }
      if let problem = result.problem(for: quantity) {
        throw terms.error("schedule", problem, at: node)
      }
      return result
    } catch let failure as InputError {
      guard case .invalid(let field, let input, let expected) = failure else {
        throw terms.error("schedule", failure.description, at: node)
      }
      let known = field.flatMap { vestingKeys.contains($0) ? $0 : nil } ?? "schedule"
      throw terms.error(
        known, "cannot read '\(input)': expected \(expected)",
        at: terms.node(known) ?? node)
    } catch let failure as ScenarioError {
      throw failure
    } catch {
      throw terms.error("schedule", "\(error)", at: node)
    }
  }

  /// `change-of-control: {date, note}`, `termination: {holder, date, without-cause, security}`
  /// or `milestone: {name, date, holder, security}`; nil for any other event.
  static func vestingEvent(_ wrapper: Fields, path: String, file: String) throws(ScenarioError)
    -> ScenarioEvent?
  {
    if let node = wrapper.node("change-of-control") {
      let fields = try Fields(
        node, path: path + ".change-of-control", file: file, allowed: ["date", "note"])
      return .vesting(
        ScenarioVestingEvent(
          .changeOfControl(note: try fields.text("note")), date: try required(date: fields)))
    }
    if let node = wrapper.node("termination") {
      let fields = try Fields(
        node, path: path + ".termination", file: file,
        allowed: ["holder", "date", "without-cause", "security"])
      return .vesting(
        ScenarioVestingEvent(
          .termination(
            holder: try fields.required("holder"),
            security: try fields.text("security").map { SecurityID($0) },
            withoutCause: try fields.bool("without-cause") ?? false),
          date: try required(date: fields)))
    }
    if let node = wrapper.node("milestone") {
      let fields = try Fields(
        node, path: path + ".milestone", file: file,
        allowed: ["name", "date", "holder", "security"])
      return .vesting(
        ScenarioVestingEvent(
          .milestone(
            name: try fields.required("name"), holder: try fields.text("holder"),
            security: try fields.text("security").map { SecurityID($0) }),
          date: try required(date: fields)))
    }
    return nil
  }

  private static func required(date fields: Fields) throws(ScenarioError) -> CalendarDate {
    guard let date = try fields.date("date") else { throw fields.error("date", "is required") }
    return date
  }
}
