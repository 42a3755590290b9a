/// A position held under a security id.
public protocol SecurityPosition: Sendable {
  /// The security's id.
  var security: SecurityID { get }
}

/// Open positions by security id, kept dense: the positions in one array, and a hash table of
/// small slot numbers beside it. The table also remembers every id it has held (or that was
/// claimed for it), so that no id is used twice.
///
/// A dictionary of positions rounds its buckets up to a power of two and stores a whole
/// position in each, so half a million positions took a million position-sized buckets (about
/// 176 MB); here the hash table holds 4-byte slots and the array exactly what is open. Order
/// is not kept: closing a position moves the last one into its slot.
public struct PositionTable<Position: SecurityPosition>: Sendable {
  /// The slot of each open position; `known` for an id claimed or closed.
  private var slots: [SecurityID: Int32] = [:]
  private var positions: [Position] = []
  private static var known: Int32 { -1 }

  /// An empty table.
  public init() {}

  /// How many positions are open.
  public var count: Int { positions.count }

  /// Whether none is open.
  public var isEmpty: Bool { positions.isEmpty }

  /// The open positions, in no particular order.
  public var values: [Position] { positions }

  /// The ids of the open positions, in no particular order.
  public var keys: [SecurityID] { positions.map(\.security) }

  /// A dictionary of `transform` applied to each open position, by id.
  public func mapValues<T>(_ transform: (Position) throws -> T) rethrows -> [SecurityID: T] {
    var result: [SecurityID: T] = [:]
    result.reserveCapacity(positions.count)
    for position in positions { result[position.security] = try transform(position) }
    return result
  }

  /// The position under `id`; setting nil closes it.
  public subscript(id: SecurityID) -> Position? {
    get {
      guard let slot = slots[id], slot >= 0 else { return nil }
      return positions[Int(slot)]
    }
    set {
      if let newValue {
        if let slot = slots[id], slot >= 0 {
          positions[Int(slot)] = newValue
        } else {
          slots[id] = Int32(positions.count)
          positions.append(newValue)
        }
      } else if let slot = slots[id], slot >= 0 {
        slots[id] = Self.known
        let last = positions.removeLast()
        if Int(slot) < positions.count {
          positions[Int(slot)] = last
          slots[last.security] = slot
        }
      }
    }
  }

  /// Marks `id` as used by this table, before its position opens; false when the table has
  /// known it before (open, closed or claimed).
  mutating func claim(_ id: SecurityID) -> Bool {
    guard let previous = slots.updateValue(Self.known, forKey: id) else { return true }
    slots[id] = previous
    return false
  }

  /// Whether the table has ever known `id` (open, closed or claimed).
  func knows(_ id: SecurityID) -> Bool { !slots.isEmpty && slots[id] != nil }

  /// Every id the table has known.
  var knownIDs: Dictionary<SecurityID, Int32>.Keys { slots.keys }

  /// Changes the position under `id` in place when it is open (the id must not change).
  @inline(__always)
  mutating func update(_ id: SecurityID, _ change: (inout Position) -> Void) {
    guard let slot = slots[id], slot >= 0 else { return }
    change(&positions[Int(slot)])
  }

  /// Changes every open position in place (no id may change).
  mutating func updateEach(_ change: (inout Position) -> Void) {
    for index in positions.indices { change(&positions[index]) }
  }

  /// A table holding `positions` in this order, which also knows `closed` (ids used before and
  /// not open now): what a stored replay snapshot keeps (`ReplayState`).
  init(positions: [Position], closed: [SecurityID]) {
    slots.reserveCapacity(positions.count + closed.count)
    for id in closed { slots[id] = Self.known }
    for (slot, position) in positions.enumerated() { slots[position.security] = Int32(slot) }
    self.positions = positions
  }

  /// The ids the table knows that are not open (closed or claimed), in no particular order.
  var closedIDs: [SecurityID] { slots.compactMap { $0.value < 0 ? $0.key : nil } }

  /// Makes room for `open` positions open at once and `ids` ids known in all.
  mutating func reserveCapacity(open: Int, ids: Int) {
    slots.reserveCapacity(ids)
    positions.reserveCapacity(open)
  }
}

extension PositionTable: Equatable where Position: Equatable {
  /// Equal when the same ids hold equal positions.
  public static func == (lhs: PositionTable, rhs: PositionTable) -> Bool {
    lhs.count == rhs.count && lhs.positions.allSatisfy { rhs[$0.security] == $0 }
  }
}

extension PositionTable: Sequence {
  /// Iterates `(key, value)` pairs like a dictionary, in no particular order.
  public func makeIterator() -> some IteratorProtocol<(key: SecurityID, value: Position)> {
    positions.lazy.map { (key: $0.security, value: $0) }.makeIterator()
  }
}
