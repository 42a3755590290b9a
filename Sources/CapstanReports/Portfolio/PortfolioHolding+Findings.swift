import CapstanModel
import Foundation

/// Why a flag is raised at one company: the flag, where the fact comes from, and what it is.
public struct PortfolioFinding: Sendable, Hashable {
  /// Where the fact comes from.
  public enum Source: String, Sendable, Hashable {
    /// The ledger (securities held, compute delivered) or the ownership computed from it.
    case ledger
    /// A control record of the matching kind (`board add`, `board right`, `board provision`).
    case recorded
    /// A word of the `keywords` list found in a provision's free text: a guess, labelled so.
    case keyword = "keyword match"
    /// The investor's seats across the portfolio.
    case portfolio
  }

  /// The flag raised.
  public var flag: PortfolioHolding.Flag
  /// Where the fact comes from.
  public var source: Source
  /// What it is (`Exclusive compute supplier`, `board seat Seed director`).
  public var detail: String
}

extension PortfolioHolding {
  /// Words that classify a protective provision's free text under an FTC 6(b) item, lower-case;
  /// a provision matches when its lower-cased text contains one (documented in
  /// docs/reports.md). Every protective provision is a consent right whatever its words.
  public static let keywords: [(flag: Flag, words: [String])] = [
    (
      .exclusivity,
      [
        "exclusiv", "sole supplier", "sole provider", "sole source", "only supplier",
        "only provider",
      ]
    ),
    (
      .spendCommitment,
      [
        "spend", "minimum purchase", "purchase commitment", "minimum commitment", "take-or-pay",
        "take or pay",
      ]
    ),
    (
      .sensitiveInformation,
      ["information", "inspection", "financial statement", "books and records", "audit"]
    ),
    (.equity, ["revenue share", "revenue-share", "share of revenue", "royalt"]),
  ]

  /// The facts behind the per-company FTC 6(b) flags: equity and revenue-share rights,
  /// consultation, control and consent rights, exclusivity, spend commitments and access to
  /// sensitive information.
  var ftcFindings: [PortfolioFinding] {
    var found: [PortfolioFinding] = []
    if securities != "-" { found.append(.init(flag: .equity, source: .ledger, detail: securities)) }
    for seat in boardSeats {
      found.append(.init(flag: .control, source: .recorded, detail: "board seat \(seat)"))
      found.append(
        .init(flag: .sensitiveInformation, source: .recorded, detail: "board seat \(seat)"))
    }
    for provision in provisions {
      found.append(
        .init(flag: .control, source: .recorded, detail: "protective provision: \(provision)"))
      let text = provision.lowercased()
      for (flag, words) in Self.keywords where words.contains(where: text.contains) {
        found.append(.init(flag: flag, source: .keyword, detail: provision))
      }
    }
    for right in rights {
      let detail = "\(right.kind.rawValue): \(right.name)"
      switch right.kind {
      case .exclusivity: found.append(.init(flag: .exclusivity, source: .recorded, detail: detail))
      case .spendCommitment:
        found.append(.init(flag: .spendCommitment, source: .recorded, detail: detail))
      case .informationRights:
        found.append(.init(flag: .sensitiveInformation, source: .recorded, detail: detail))
      case .consultation, .consent:
        found.append(.init(flag: .control, source: .recorded, detail: detail))
      case .observerSeat:
        found.append(.init(flag: .control, source: .recorded, detail: detail))
        found.append(.init(flag: .sensitiveInformation, source: .recorded, detail: detail))
      case .revenueShare: found.append(.init(flag: .equity, source: .recorded, detail: detail))
      }
    }
    return found
  }

  /// Whether the investor holds a board seat or an observer seat on the date.
  public var hasSeatOrObserver: Bool {
    !boardSeats.isEmpty || rights.contains { $0.kind == .observerSeat }
  }

  /// Every finding at the company under `thresholds`: the stake and dependency flags, the
  /// FTC 6(b) items, and the portfolio's (`portfolioFindings`, set by the report).
  public func findings(_ thresholds: PortfolioThresholds = PortfolioThresholds())
    -> [PortfolioFinding]
  {
    var found: [PortfolioFinding] = []
    let estimate = fullyDilutedEstimated ? " (SAFEs and notes as converted, estimated)" : ""
    if fullyDiluted >= thresholds.fullyDiluted {
      found.append(
        .init(
          flag: .fullyDiluted, source: .ledger,
          detail: fullyDiluted.percentString(places: 2) + " fully diluted" + estimate))
    }
    if voting >= thresholds.votes {
      found.append(
        .init(flag: .votes, source: .ledger, detail: voting.percentString(places: 2) + " of votes"))
    }
    for seat in boardSeats { found.append(.init(flag: .board, source: .recorded, detail: seat)) }
    if let share = computeShare, share >= thresholds.computeShare {
      found.append(
        .init(
          flag: .compute, source: .ledger,
          detail: share.percentString(places: 2) + " of the compute used supplied"))
    }
    return found + ftcFindings + portfolioFindings
  }

  /// The flags raised under `thresholds`, each once, in `Flag` order.
  public func flags(_ thresholds: PortfolioThresholds) -> [Flag] {
    let raised = Set(findings(thresholds).map(\.flag))
    return Flag.allCases.filter(raised.contains)
  }
}

extension PortfolioHolding.Flag {
  /// The flag's name with the thresholds used (`fd>=20%`); the names of `rawValue` carry the
  /// defaults.
  public func name(_ thresholds: PortfolioThresholds) -> String {
    func pct(_ value: Ratio) -> String {
      (value * Ratio(100)).decimalString(places: 2, minimumPlaces: 0)
    }
    switch self {
    case .fullyDiluted: return "fd>=\(pct(thresholds.fullyDiluted))%"
    case .votes: return "votes>=\(pct(thresholds.votes))%"
    case .compute: return "compute>=\(pct(thresholds.computeShare))%"
    default: return rawValue
    }
  }

  /// The key of the report's fact counting the companies that raise the flag
  /// (`flag_fd_20pct`): fixed, whatever the thresholds.
  public var factKey: String {
    "flag_"
      + rawValue.replacingOccurrences(of: ">=", with: "_").replacingOccurrences(
        of: "%", with: "pct"
      ).replacingOccurrences(of: "-", with: "_")
  }

  /// What the flag means, for the report's notes and the FTC table.
  public var meaning: String {
    switch self {
    case .fullyDiluted: "fully diluted stake at or above the threshold"
    case .votes: "share of the votes at or above the threshold"
    case .board: "a board seat"
    case .compute: "dependency: share of compute supplied ≥ threshold"
    case .equity: "FTC 6(b): equity and revenue-share rights"
    case .control: "FTC 6(b): consultation, control, consent rights"
    case .exclusivity: "FTC 6(b): exclusivity"
    case .spendCommitment: "FTC 6(b): spend commitments"
    case .sensitiveInformation: "FTC 6(b): access to sensitive information"
    case .segmentSeats: "seats or observers at companies of one segment"
    }
  }
}
