import CapstanModel
import CapstanStore
import CapstanTestSupport
import Testing

@Suite struct MultiCompanyTests {
  @Test func companiesShareStakeholdersButNotTransactions() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/portfolio.capstan"
      do {
        let workspace = try SQLiteWorkspace.create(at: path)
        try workspace.write { try SampleCompany.record(in: &$0, name: "Acme AI") }
        try workspace.write { draft in
          let beta = try draft.addCompany(
            name: "Beta Labs", currency: .usd, incorporated: day("2025-01-01"))
          _ = try draft.addClass(SampleCompany.common, to: beta.id)
          try draft.append(
            [
              (
                day("2025-01-02"),
                .issueStock(
                  StockIssuance(
                    security: "CS-1", holder: SampleCompany.ada,
                    shareClass: SampleCompany.commonID, quantity: 7_000_000,
                    pricePerShare: fraction(1, 100_000)))
              )
            ], to: beta.id)
        }
      }
      let workspace = try SQLiteWorkspace.open(at: path)
      #expect(try workspace.companies().map(\.name) == ["Acme AI", "Beta Labs"])
      #expect(
        try workspace.stakeholders().map(\.name) == ["Ada Lovelace", "Grace Hopper", "Seed Fund I"])

      let acme = try workspace.ledger(for: "acme-ai")
      let beta = try workspace.ledger(for: "beta-labs")
      #expect(acme.transactions.count == 17)
      // Beta's numbering starts again at 1; its CS-1 is not Acme's CS-1.
      #expect(beta.transactions.map(\.sequence) == [1])
      #expect(beta.classes.map(\.name) == ["Common"])
      #expect(beta.plans.isEmpty)
      #expect(beta.stakeholders.keys.sorted() == acme.stakeholders.keys.sorted())
      #expect(try beta.replay().stock["CS-1"]?.quantity == 7_000_000)
      #expect(try acme.replay().stock["CS-1"]?.quantity == 8_000_000)
      #expect(try workspace.company(named: "beta labs").id == "beta-labs")
    }
  }

  @Test func anUnknownCompanyNamesTheKnownOnes() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/w.capstan")
      try workspace.write { try SampleCompany.record(in: &$0) }
      #expect(throws: WorkspaceError.unknownCompany("nope", known: ["Acme AI"])) {
        try workspace.ledger(for: "nope")
      }
    }
  }
}
