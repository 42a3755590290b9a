import CapstanModel

extension NativeXMLWriter {
  /// `<vesting-terms>`: every field of richer vesting terms, in the order of the schema
  /// (periodic part, tranches, milestones, acceleration).
  static func emit(_ terms: VestingTerms, into w: inout XMLTextWriter) throws(NativeXMLWriteError) {
    try w.element(
      "vesting-terms",
      [
        "start": terms.start.iso, "allocation": terms.allocation.flag,
        "basis": terms.basis.map { String($0.count) },
      ], indent: 3, close: false)
    if let periodic = terms.periodic {
      try w.element(
        "periodic",
        [
          "unit": periodic.unit.rawValue, "length": String(periodic.length),
          "frequency": String(periodic.frequency), "cliff": String(periodic.cliff),
          "cliff-portion": periodic.cliffPortion.map(number),
        ], indent: 4)
    }
    for tranche in terms.tranches {
      try w.element(
        "tranche", ["date": tranche.date.iso, "amount": String(tranche.amount.count)], indent: 4)
    }
    for milestone in terms.milestones {
      try w.element(
        "milestone", ["name": milestone.name, "amount": String(milestone.amount.count)],
        indent: 4)
    }
    if let acceleration = terms.acceleration {
      let (trigger, window): (String, String?) =
        switch acceleration.trigger {
        case .single: ("single", nil)
        case .double(let months): ("double", String(months))
        }
      try w.element(
        "acceleration",
        ["trigger": trigger, "window-months": window, "fraction": number(acceleration.fraction)],
        indent: 4)
    }
    w.raw("      </vesting-terms>\n")
  }
}
