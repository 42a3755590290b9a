import CapstanModel

extension NativeXMLWriter {
  /// A `<void>`, `<class-amendment>`, `<holder-merge>` or `<plan-amendment>` element.
  static func emitCorrection(
    _ event: LedgerEvent, seq: String, date: String, into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    let name = event.kind.rawValue
    switch event {
    case .void(let v):
      try w.element(
        name,
        ["seq": seq, "date": date, "transaction": String(v.transaction), "reason": v.reason],
        indent: 2)
    case .amendClass(let a):
      let (participation, cap): (String?, String?) =
        switch a.preference?.participation {
        case nil: (nil, nil)
        case .none?: ("none", nil)
        case .full?: ("full", nil)
        case .capped(let multiple)?: ("capped", number(multiple))
        }
      try w.element(
        name,
        [
          "seq": seq, "date": date, "class": a.shareClass.rawValue,
          "multiple": a.preference.map { number($0.multiple) }, "participation": participation,
          "cap": cap, "seniority": a.preference.map { String($0.seniority) },
          "anti-dilution": a.antiDilution?.rawValue,
          "votes-per-share": a.votesPerShare.map(number),
        ], indent: 2)
    case .amendPlan(let a):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "plan": a.plan.rawValue,
          "cancellation": a.cancellationBehavior?.rawValue, "adopted": a.adopted?.iso,
        ], indent: 2)
    case .mergeHolders(let m):
      try w.element(
        name,
        ["seq": seq, "date": date, "from": m.from.rawValue, "into": m.into.rawValue], indent: 2)
    default:
      return
    }
  }
}
