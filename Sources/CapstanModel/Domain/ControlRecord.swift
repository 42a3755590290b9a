/// A dated fact about who governs or supplies a company, outside the cap table: a board seat,
/// a protective provision held, another right (`ControlRight`: exclusivity, a spend
/// commitment, information, consultation or consent rights, an observer seat, a revenue
/// share), the compute the company used, or the company's market segment.
///
/// Kept beside the ledger (append-only, dated) because none of them moves shares; the
/// portfolio report reads them for its control and dependency flags.
public struct ControlRecord: Sendable, Hashable, Codable {
  /// What is recorded.
  public enum Fact: Sendable, Hashable, Codable {
    /// `holder` holds (appoints) a board seat from the record's date.
    case boardSeat(holder: Stakeholder.ID, seat: String)
    /// `holder` holds a protective provision (a veto in the charter or an investor agreement).
    case protectiveProvision(holder: Stakeholder.ID, provision: String)
    /// The company used `gpuHours` of compute (from every supplier) in the period that ends on
    /// the record's date; the periods of successive records add up.
    case computeUse(gpuHours: Ratio)
    /// `holder` no longer holds the board seat `seat` from the record's date.
    case boardSeatEnded(holder: Stakeholder.ID, seat: String)
    /// `holder` no longer holds the protective provision `provision` from the record's date.
    case protectiveProvisionEnded(holder: Stakeholder.ID, provision: String)
    /// A right held from the record's date (until its `ends`, or an `rightEnded` record).
    case right(ControlRight)
    /// `holder` no longer holds the right of `kind` named `name` from the record's date.
    case rightEnded(holder: Stakeholder.ID, kind: ControlRight.Kind, name: String)
    /// The company's market segment from the record's date (`company add --segment`), which
    /// the portfolio report compares across companies.
    case segment(String)
  }

  /// The effective date.
  public var date: CalendarDate
  /// What is recorded.
  public var fact: Fact

  /// A record.
  public init(date: CalendarDate, fact: Fact) {
    self.date = date
    self.fact = fact
  }
}

/// The board seats and protective provisions held on a date: each record up to it, in date
/// order (then recording order), an end removing what its start added.
public struct ControlPositions: Sendable, Equatable {
  /// Seats held: holder and seat name, in the order they were taken.
  public private(set) var seats: [(holder: Stakeholder.ID, seat: String)] = []
  /// Provisions held: holder and text, in the order they were taken.
  public private(set) var provisions: [(holder: Stakeholder.ID, provision: String)] = []
  /// GPU-hours of compute used in the periods ending up to the date, if any was recorded.
  public private(set) var computeUse: Ratio?
  /// Other rights held on the date (before their end), in the order they were taken.
  public private(set) var rights: [ControlRight] = []
  /// The company's market segment on the date, if one was recorded.
  public private(set) var segment: String?

  /// The positions after `records` dated on or before `date`.
  public init(_ records: [ControlRecord], asOf date: CalendarDate) {
    let ordered = records.enumerated().sorted {
      ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
    }
    for (_, record) in ordered where record.date <= date {
      switch record.fact {
      case .boardSeat(let holder, let seat): seats.append((holder, seat))
      case .protectiveProvision(let holder, let text): provisions.append((holder, text))
      case .computeUse(let hours): computeUse = (computeUse ?? .zero) + hours
      case .boardSeatEnded(let holder, let seat):
        if let index = seats.firstIndex(where: { $0.holder == holder && $0.seat == seat }) {
          seats.remove(at: index)
        }
      case .protectiveProvisionEnded(let holder, let text):
        if let index = provisions.firstIndex(where: { $0.holder == holder && $0.provision == text })
        {
          provisions.remove(at: index)
        }
      case .right(let right): rights.append(right)
      case .rightEnded(let holder, let kind, let name):
        if let index = rights.firstIndex(where: {
          $0.holder == holder && $0.kind == kind && $0.name == name
        }) {
          rights.remove(at: index)
        }
      case .segment(let name): segment = name
      }
    }
    rights.removeAll { !$0.isHeld(on: date) }
  }

  /// Whether `holder` holds the seat `seat`.
  public func holds(_ holder: Stakeholder.ID, seat: String) -> Bool {
    seats.contains { $0.holder == holder && $0.seat == seat }
  }

  /// Whether `holder` holds the provision `provision`.
  public func holds(_ holder: Stakeholder.ID, provision: String) -> Bool {
    provisions.contains { $0.holder == holder && $0.provision == provision }
  }

  /// Equal when the same seats, provisions and compute use are held.
  public static func == (lhs: ControlPositions, rhs: ControlPositions) -> Bool {
    lhs.seats.elementsEqual(rhs.seats) { $0.holder == $1.holder && $0.seat == $1.seat }
      && lhs.provisions.elementsEqual(rhs.provisions) {
        $0.holder == $1.holder && $0.provision == $1.provision
      }
      && lhs.computeUse == rhs.computeUse && lhs.rights == rhs.rights
      && lhs.segment == rhs.segment
  }

  /// Whether `holder` holds the right of `kind` named `name`.
  public func holds(_ holder: Stakeholder.ID, _ kind: ControlRight.Kind, name: String) -> Bool {
    rights.contains { $0.holder == holder && $0.kind == kind && $0.name == name }
  }
}
