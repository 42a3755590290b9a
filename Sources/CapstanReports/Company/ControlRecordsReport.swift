import CapstanModel

/// `board list` as people read it: the company's control records, holders by stakeholder id.
public enum ControlRecordsReport {
  /// The records as a text table headed by the company's name (details wrapped to fit 100
  /// columns).
  public static func text(
    _ records: [ControlRecord], company: Company, stakeholders: [Stakeholder]
  ) -> String {
    let names = Dictionary(
      stakeholders.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    func name(_ id: Stakeholder.ID) -> String { names[id] ?? id.rawValue }
    var table = TextTable([
      ("Date", .left), ("Record", .left), ("Holder", .left), ("Detail", .left),
    ])
    for record in records {
      let date = record.date.iso
      switch record.fact {
      case .boardSeat(let holder, let seat):
        table.add([date, "board seat", name(holder), seat])
      case .protectiveProvision(let holder, let text):
        table.add([date, "provision", name(holder), text])
      case .computeUse(let hours):
        table.add([
          date, "compute use", "",
          hours.decimalString(places: 2, minimumPlaces: 0, grouping: true) + " GPU-hours",
        ])
      case .boardSeatEnded(let holder, let seat):
        table.add([date, "seat ended", name(holder), seat])
      case .protectiveProvisionEnded(let holder, let text):
        table.add([date, "provision ended", name(holder), text])
      case .right(let right):
        table.add([date, right.kind.rawValue, name(right.holder), detail(right, company)])
      case .rightEnded(let holder, let kind, let text):
        table.add([date, "\(kind.rawValue) ended", name(holder), text])
      case .segment(let segment):
        table.add([date, "segment", "", segment])
      }
    }
    return "\(company.name): control records\n\n" + table.wrappingLastColumn().render()
  }
}

extension ControlRecordsReport {
  /// A right's name with its amount, period and end, when it has them.
  static func detail(_ right: ControlRight, _ company: Company) -> String {
    var parts = [right.name]
    if let amount = right.amount { parts.append(Money(amount, company.currency).formatted) }
    if let period = right.period { parts.append("over \(period)") }
    if let ends = right.ends { parts.append("until \(ends.iso)") }
    return parts.joined(separator: ", ")
  }
}
