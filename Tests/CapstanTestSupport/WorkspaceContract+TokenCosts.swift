import CapstanModel
import Testing

extension WorkspaceContract {
  /// Token costs (`token cost`): written with the token, corrected on a date and changed later,
  /// read back through another handle in recording order; a throwing body keeps none, and an
  /// unknown token is refused.
  static func tokenCostsReadBack(_ subject: Subject) throws {
    let marks = [
      TokenCostMark(symbol: "H100H", date: day("2025-01-01"), costPerUnit: fraction(3, 2)),
      TokenCostMark(symbol: "H100H", date: day("2025-01-01"), costPerUnit: fraction(8, 5)),
      TokenCostMark(symbol: "H100H", date: day("2026-01-01"), costPerUnit: fraction(6, 5)),
    ]
    try subject.workspace.write { draft in
      _ = try draft.addToken(
        symbol: "H100H", issuer: "Provider", unit: "H100-hour", unitsPerToken: .one,
        peg: fraction(5, 2))
      for mark in marks {
        try draft.recordTokenCost(symbol: "h100h", costPerUnit: mark.costPerUnit, date: mark.date)
      }
    }
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        try draft.recordTokenCost(symbol: "H100H", costPerUnit: .one, date: day("2027-01-01"))
        throw Abandon()
      }
    }
    #expect(throws: InputError.self) {
      try subject.workspace.write { draft in
        try draft.recordTokenCost(symbol: "NOPE", costPerUnit: .one, date: day("2027-01-01"))
      }
    }
    let other = try subject.reopen()
    #expect(try other.tokenCosts() == marks)
    let costs = TokenCosts(try other.tokenCosts())
    // Before the first date the first cost applies; on 2025-01-01 the correction (1.60); from
    // 2026-01-01 the later cost (1.20).
    #expect(costs.costPerUnit("H100H", on: day("2024-06-01")) == fraction(8, 5))
    #expect(costs.costPerUnit("H100H", on: day("2025-12-31")) == fraction(8, 5))
    #expect(costs.costPerUnit("H100H", on: day("2026-01-01")) == fraction(6, 5))
    // A later write's draft reads the stored marks and its own additions (an import compares
    // the file's costs with them).
    try other.write { draft in
      #expect(try draft.tokenCosts() == costs)
      try draft.recordTokenCost(symbol: "H100H", costPerUnit: .one, date: day("2027-01-01"))
      #expect(try draft.tokenCosts().costPerUnit("H100H", on: day("2027-06-01")) == .one)
      #expect(try draft.tokenCosts().costPerUnit("H100H", on: day("2026-06-01")) == fraction(6, 5))
    }
  }
}
