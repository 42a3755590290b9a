import CapstanModel
import CapstanXML

extension NativeXMLReader {
  /// `<vesting-terms>` of an issue or grant of `quantity` shares, through its end tag; the
  /// terms are checked against the quantity here, so an error names this element's line.
  func vestingTerms(_ element: XMLElement, quantity: Shares) throws(ImportError)
    -> VestingTerms
  {
    let f = try Fields(element, file: file, allowed: ["start", "allocation", "basis"])
    let start = try f.date("start")
    var allocation = VestingAllocation.cumulativeRoundDown
    if let value = f.optional("allocation") {
      guard let named = VestingAllocation.allCases.first(where: { $0.flag == value }) else {
        throw f.error(
          "<vesting-terms allocation=\"\(value)\">: expected one of "
            + VestingAllocation.allCases.map(\.flag).joined(separator: ", "))
      }
      allocation = named
    }
    let basis = f.optional("basis") == nil ? nil : try f.shares("basis")
    var periodic: PeriodicVesting?
    var tranches: [VestingTranche] = []
    var milestones: [VestingMilestone] = []
    var acceleration: VestingAcceleration?
    if element.isEmpty {
      _ = try next()
    } else {
      let ranks = ["periodic": 0, "tranche": 1, "milestone": 2, "acceleration": 3]
      var stage = 0
      while let child = try child(of: element.name) {
        guard let rank = ranks[child.name], rank >= stage,
          !(rank == 0 && periodic != nil), !(rank == 3 && acceleration != nil)
        else {
          throw error(
            "unexpected <\(child.name)> in <vesting-terms> (expected at most one <periodic>, "
              + "then <tranche> elements, then <milestone> elements, then at most one "
              + "<acceleration>)", line: child.line)
        }
        stage = rank
        switch rank {
        case 0: periodic = try self.periodic(child)
        case 1:
          let t = try Fields(child, file: file, allowed: ["date", "amount"])
          tranches.append(VestingTranche(date: try t.date("date"), amount: try t.shares("amount")))
        case 2:
          let m = try Fields(child, file: file, allowed: ["name", "amount"])
          milestones.append(
            VestingMilestone(name: try m.text("name"), amount: try m.shares("amount")))
        default: acceleration = try self.acceleration(child)
        }
        try expectEmpty(child)
      }
    }
    let terms = VestingTerms(
      start: start, periodic: periodic, allocation: allocation, tranches: tranches,
      milestones: milestones, basis: basis, acceleration: acceleration)
    if let problem = terms.problem(for: quantity) {
      throw f.error("<vesting-terms> for \(quantity) shares: \(problem)")
    }
    return terms
  }

  private func periodic(_ element: XMLElement) throws(ImportError) -> PeriodicVesting {
    let f = try Fields(
      element, file: file, allowed: ["unit", "length", "frequency", "cliff", "cliff-portion"])
    let unitName = f.optional("unit") ?? "months"
    guard let unit = VestingUnit(rawValue: unitName) else {
      throw f.error("<periodic unit=\"\(unitName)\">: expected months or days")
    }
    let length = try f.int("length", in: 1...40_000)
    return PeriodicVesting(
      unit: unit, length: length, frequency: try f.int("frequency", in: 1...length),
      cliff: try f.int("cliff", in: 0...length),
      cliffPortion: try f.optionalRatio("cliff-portion"))
  }

  private func acceleration(_ element: XMLElement) throws(ImportError) -> VestingAcceleration {
    let f = try Fields(element, file: file, allowed: ["trigger", "window-months", "fraction"])
    let trigger: VestingAcceleration.Trigger
    switch try f.required("trigger") {
    case "single":
      guard f.optional("window-months") == nil else {
        throw f.error("<acceleration window-months=...> is only allowed with trigger=\"double\"")
      }
      trigger = .single
    case "double": trigger = .double(windowMonths: try f.int("window-months", in: 1...1200))
    case let other:
      throw f.error("<acceleration trigger=\"\(other)\">: expected single or double")
    }
    return VestingAcceleration(trigger: trigger, fraction: try f.optionalRatio("fraction") ?? .one)
  }
}
