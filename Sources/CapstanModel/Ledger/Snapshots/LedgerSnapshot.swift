import Foundation

/// A company's replay stored at a checkpoint, so a later replay starts there instead of at the
/// first transaction (issue 19; `docs/architecture.md`, "Snapshots").
///
/// The state is the replay after every kept transaction whose (date, sequence) is at or before
/// the checkpoint's. A snapshot is only a cache: `Ledger.replay(asOf:)` resumes from it only
/// when it proves still valid against the ledger it replays (`Ledger.isValid(_:)`), and
/// otherwise replays from the start, so a stale or foreign snapshot can cost time, never a
/// wrong table.
public struct LedgerSnapshot: Sendable, Hashable {
  /// The format this version of Capstan writes and reads; a snapshot of any other format is
  /// ignored (and replaced by the next replay that saves one).
  /// Format 1 kept the state as JSON (session 8); format 2 is binary (`ReplayState+Binary`).
  public static let currentFormat = 2

  /// The format it was written in.
  public var format: Int
  /// The company.
  public var company: Company.ID
  /// The checkpoint's date: the last transaction the state includes.
  public var date: CalendarDate
  /// The checkpoint's sequence (that transaction's).
  public var sequence: Int
  /// What the state depends on besides the transactions (the company, the workspace's
  /// stakeholder ids, the classes and plans as defined), hashed: another value means the
  /// snapshot does not apply.
  public var fingerprint: String
  /// How many transactions (voids included) come at or before the checkpoint in replay order.
  public var covered: Int
  /// The highest sequence in the ledger when the snapshot was taken.
  public var lastSequence: Int
  /// The encoded replay state (`ReplayState+Binary.swift`).
  public var state: Data

  /// A snapshot as stored.
  public init(
    format: Int, company: Company.ID, date: CalendarDate, sequence: Int, fingerprint: String,
    covered: Int, lastSequence: Int, state: Data
  ) {
    self.format = format
    self.company = company
    self.date = date
    self.sequence = sequence
    self.fingerprint = fingerprint
    self.covered = covered
    self.lastSequence = lastSequence
    self.state = state
  }

  /// Whether the checkpoint comes before `other`'s in replay order.
  public func precedes(_ other: LedgerSnapshot) -> Bool {
    (date, sequence) < (other.date, other.sequence)
  }
}

/// FNV-1a, 64 bits: a hash that is the same in every process (Swift's `Hasher` is seeded
/// per process), for snapshot fingerprints. Not a defence against forgery: a snapshot is
/// written by the workspace's own users.
struct StableHash {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Adds bytes.
  mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
  }

  /// Adds a string and a separator, so `ab`+`c` and `a`+`bc` differ.
  mutating func add(_ text: String) {
    add(text.utf8)
    add(CollectionOfOne(0xff))
  }

  /// Adds an integer.
  mutating func add(_ number: UInt64) {
    withUnsafeBytes(of: number.littleEndian) { add($0) }
  }

  /// The hash of one string.
  static func of(_ text: String) -> UInt64 {
    var hash = StableHash()
    hash.add(text)
    return hash.value
  }
}
