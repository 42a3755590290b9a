import CapstanEngine
import CapstanModel

/// `round list` as people read it: each saved round's closing, class, price and new money.
public enum SavedRoundsReport {
  /// The rounds as a text table (`nil` when there is none).
  public static func text(_ rounds: [SavedRound], currency: Currency) -> String? {
    guard !rounds.isEmpty else { return nil }
    var table = TextTable([
      ("Round", .left), ("Closing", .left), ("Class", .left), ("Price", .right),
      ("New money", .right),
    ])
    for round in rounds {
      table.add([
        round.name, round.closing.iso, round.terms.newClass.name,
        round.keyNumbers[.price] ?? "-", Money(round.terms.newMoney, currency).formatted,
      ])
    }
    return table.render()
  }
}
