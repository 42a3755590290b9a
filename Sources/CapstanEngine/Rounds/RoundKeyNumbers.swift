import CapstanModel

/// The numbers a saved round is checked against at closing: the price, the pool increase,
/// and the shares of every investor (by stakeholder id, or by name for a new investor) and of
/// every converting security.
///
/// A saved round keeps them as `SavedRound.outcome`, labelled (`price`, `pool increase`,
/// `shares of NAME`); `init(saved:terms:)` types them again against the round's terms.
public struct RoundKeyNumbers: Sendable, Hashable {
  /// What a key number counts.
  public enum Key: Sendable, Hashable {
    /// The round price, rounded.
    case price
    /// The shares added to the pool.
    case poolIncrease
    /// The shares an investor buys.
    case investorShares(RoundParticipant.Key)
    /// The shares a SAFE or note converts into.
    case conversionShares(SecurityID)
  }

  /// One number with its label.
  public struct Entry: Sendable, Hashable {
    /// What it counts.
    public var key: Key
    /// How it is shown and stored (`shares of Lead`).
    public var label: String
    /// The number as text (an exact decimal price, a share count).
    public var value: String
  }

  /// The numbers, in no particular order.
  public var entries: [Entry]

  /// A result's numbers.
  public init(_ result: RoundResult) {
    let price = result.price.rounded
    entries = [
      Entry(key: .price, label: "price", value: price.exactDecimalString ?? price.fractionString),
      Entry(key: .poolIncrease, label: "pool increase", value: String(result.pool.increase.count)),
    ]
    for investor in result.investors {
      entries.append(
        Entry(
          key: .investorShares(investor.investor.key), label: "shares of \(investor.name)",
          value: String(investor.shares.count)))
    }
    for conversion in result.conversions {
      entries.append(
        Entry(
          key: .conversionShares(conversion.id), label: "shares of \(conversion.id)",
          value: String(conversion.shares.count)))
    }
  }

  /// The numbers a round was saved with: `shares of NAME` is the investor of the terms shown
  /// as NAME (its stakeholder id, resolved by name among `stakeholders` as the model resolves
  /// it, or the new investor), else the security NAME.
  public init(
    saved outcome: [String: String], terms: RoundTerms, stakeholders: [Stakeholder] = []
  ) {
    var investors: [String: RoundParticipant.Key] = [:]
    for investment in terms.allInvestments {
      let resolved = investment.resolvingName(in: stakeholders)
      investors[investment.investor] =
        resolved.stakeholder.map { .stakeholder($0) } ?? .newInvestor(investment.investor)
    }
    entries = outcome.map { label, value in
      let key: Key
      switch label {
      case "price": key = .price
      case "pool increase": key = .poolIncrease
      default:
        let name = label.hasPrefix("shares of ") ? String(label.dropFirst(10)) : label
        key = investors[name].map { .investorShares($0) } ?? .conversionShares(SecurityID(name))
      }
      return Entry(key: key, label: label, value: value)
    }
  }

  /// The number counting `key` (nil when there is none).
  public subscript(key: Key) -> String? { entries.first { $0.key == key }?.value }

  /// The numbers as a saved round stores them, by label.
  public var stored: [String: String] {
    Dictionary(entries.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
  }

  /// Every number that differs from `now` (or is in only one of them), by key, sorted by
  /// label; an investor is labelled by its name now.
  public func drift(to now: RoundKeyNumbers) -> [RoundDrift] {
    let before = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(
      now.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    return Set(before.keys).union(after.keys).compactMap { key -> RoundDrift? in
      let saved = before[key]?.value
      let current = after[key]?.value
      guard saved != current else { return nil }
      let label = after[key]?.label ?? before[key]?.label ?? ""
      return RoundDrift(key: key, label: label, saved: saved, now: current)
    }.sorted { $0.label < $1.label }
  }
}

/// A key number of a saved round that the ledger now gives differently.
public struct RoundDrift: Sendable, Hashable, CustomStringConvertible {
  /// What it counts.
  public var key: RoundKeyNumbers.Key
  /// Its label (`shares of Lead`).
  public var label: String
  /// The saved number (nil when the round was saved without it).
  public var saved: String?
  /// The number now (nil when the round no longer gives it).
  public var now: String?

  /// `label: saved → now`.
  public var description: String { "\(label): \(saved ?? "none") → \(now ?? "none")" }
}
