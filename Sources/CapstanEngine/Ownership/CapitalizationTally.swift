import CapstanModel

/// A snapshot's stock and rights summed per holder and class in one pass, with holders and
/// classes numbered in order of first appearance: the counting behind `CompanyCapitalization`
/// (which orders it by id) and `OwnershipView` (which reads it unordered).
///
/// Each position costs one hash of its holder's id; its class is found among the few classes
/// by comparing ids, and its holding among the holder's few holdings. Nothing is sorted here.
struct CapitalizationTally {
  /// One holder's stock of one class.
  struct StockCell {
    /// The class's number (`classes`).
    let shareClass: Int32
    /// Shares of the class held.
    var shares: Shares
    /// The holder's next stock cell, or -1.
    let next: Int32
  }

  /// One holder's options or warrants outstanding on one class.
  struct RightCell {
    /// The class's number (`classes`).
    let shareClass: Int32
    /// Option or warrant.
    let kind: CompanyCapitalization.RightHolding.Kind
    /// Granted or issued, less exercised and cancelled.
    var outstanding: Shares
    /// The holder's next right cell, or -1.
    let next: Int32
  }

  /// Holders, in order of first appearance.
  private(set) var holders: [Stakeholder.ID] = []
  /// Each holder's first stock cell, or -1.
  private(set) var firstStock: [Int32] = []
  /// Each holder's first right cell, or -1.
  private(set) var firstRight: [Int32] = []
  /// Stock cells, one per holder and class.
  private(set) var stock: [StockCell] = []
  /// Right cells, one per holder, class and kind.
  private(set) var rights: [RightCell] = []
  /// Classes: the snapshot's, then any a position names that the snapshot lacks.
  private(set) var classes: [ShareClass.ID] = []
  /// Each class's conversion ratio (one for a class the snapshot lacks).
  private(set) var ratios: [Ratio] = []

  private var holderNumbers: [Stakeholder.ID: Int32] = [:]
  private var classNumbers: [ShareClass.ID: Int32] = [:]

  /// Counts `table`'s stock positions, and its option grants and warrants with anything
  /// outstanding.
  init(_ table: CapTable) {
    holderNumbers.reserveCapacity(table.stakeholders.count)
    holders.reserveCapacity(table.stakeholders.count)
    firstStock.reserveCapacity(table.stakeholders.count)
    firstRight.reserveCapacity(table.stakeholders.count)
    stock.reserveCapacity(table.stock.count)
    for (id, state) in table.classes {
      classNumbers[id] = Int32(classes.count)
      classes.append(id)
      ratios.append(state.conversionRatio)
    }
    for position in table.stock.values {
      add(stock: position.quantity, holder: position.holder, shareClass: position.shareClass)
    }
    // Grants name a plan; plans are few, so the last one's class is kept at hand.
    var lastPlan: (id: StockPlan.ID, shareClass: Int32)?
    for grant in table.options.values where grant.outstanding > .zero {
      let shareClass: Int32
      if let last = lastPlan, last.id == grant.plan {
        shareClass = last.shareClass
      } else {
        shareClass = number(ofClass: table.plans[grant.plan]?.shareClass ?? ShareClass.ID(""))
        lastPlan = (grant.plan, shareClass)
      }
      add(right: grant.outstanding, kind: .option, holder: grant.holder, shareClass: shareClass)
    }
    for warrant in table.warrants.values where warrant.outstanding > .zero {
      add(
        right: warrant.outstanding, kind: .warrant, holder: warrant.issuance.holder,
        shareClass: number(ofClass: warrant.issuance.shareClass))
    }
  }

  /// The number of a holder, numbering it when new.
  private mutating func number(ofHolder id: Stakeholder.ID) -> Int32 {
    let next = Int32(holders.count)
    let found = CapitalizationTally.value(&holderNumbers[id, default: next])
    if found == next {
      holders.append(id)
      firstStock.append(-1)
      firstRight.append(-1)
    }
    return found
  }

  /// The number of a class, numbering it when new: compared in turn while there are few,
  /// looked up by hash otherwise.
  private mutating func number(ofClass id: ShareClass.ID) -> Int32 {
    if classes.count <= 8 {
      for index in classes.indices where classes[index] == id { return Int32(index) }
    } else if let found = classNumbers[id] {
      return found
    }
    let next = Int32(classes.count)
    classNumbers[id] = next
    classes.append(id)
    ratios.append(.one)
    return next
  }

  /// Reads a dictionary slot through `inout`, which inserts the default when the key is new:
  /// one hash for a lookup that may insert.
  private static func value(_ slot: inout Int32) -> Int32 { slot }

  private mutating func add(
    stock shares: Shares, holder id: Stakeholder.ID, shareClass classID: ShareClass.ID
  ) {
    let holder = Int(number(ofHolder: id))
    let shareClass = number(ofClass: classID)
    var index = firstStock[holder]
    while index >= 0 {
      if stock[Int(index)].shareClass == shareClass {
        stock[Int(index)].shares += shares
        return
      }
      index = stock[Int(index)].next
    }
    stock.append(StockCell(shareClass: shareClass, shares: shares, next: firstStock[holder]))
    firstStock[holder] = Int32(stock.count - 1)
  }

  private mutating func add(
    right outstanding: Shares, kind: CompanyCapitalization.RightHolding.Kind,
    holder id: Stakeholder.ID, shareClass: Int32
  ) {
    let holder = Int(number(ofHolder: id))
    var index = firstRight[holder]
    while index >= 0 {
      if rights[Int(index)].shareClass == shareClass, rights[Int(index)].kind == kind {
        rights[Int(index)].outstanding += outstanding
        return
      }
      index = rights[Int(index)].next
    }
    rights.append(
      RightCell(
        shareClass: shareClass, kind: kind, outstanding: outstanding, next: firstRight[holder]))
    firstRight[holder] = Int32(rights.count - 1)
  }
}

extension CapitalizationTally {
  /// A stock cell's shares as converted (`CompanyCapitalization.asConverted`).
  func asConverted(_ cell: StockCell) -> Shares {
    CompanyCapitalization.asConverted(cell.shares, ratio: ratios[Int(cell.shareClass)])
  }

  /// Calls `body` with each of a holder's stock cells.
  func forEachStock(of holder: Int, _ body: (StockCell) -> Void) {
    var index = firstStock[holder]
    while index >= 0 {
      body(stock[Int(index)])
      index = stock[Int(index)].next
    }
  }

  /// Calls `body` with each of a holder's right cells.
  func forEachRight(of holder: Int, _ body: (RightCell) -> Void) {
    var index = firstRight[holder]
    while index >= 0 {
      body(rights[Int(index)])
      index = rights[Int(index)].next
    }
  }
}
