import CapstanModel
import Testing

@testable import CapstanServer

/// A path's stakeholder or company: by id, else by a name only one of them has.
@Suite("Server path lookup")
struct LookupTests {
  static let people = [
    Stakeholder(id: "alex", name: "Alex"),
    Stakeholder(id: "alex-2", name: "Alex"),
    Stakeholder(id: "ada", name: "Ada"),
  ]

  @Test("an id finds its stakeholder; a unique name, in any case, finds its one")
  func idsAndUniqueNames() {
    #expect(Lookup.stakeholder("alex-2", in: Self.people)?.id == "alex-2")
    #expect(Lookup.stakeholder("Ada", in: Self.people)?.id == "ada")
    #expect(Lookup.stakeholder("ADA", in: Self.people)?.id == "ada")
    #expect(Lookup.stakeholder("nobody", in: Self.people) == nil)
  }

  @Test("a name two stakeholders share finds neither (the id must be given)")
  func sharedNameFindsNeither() {
    #expect(Lookup.stakeholder("Alex", in: Self.people) == nil)
    #expect(Lookup.stakeholder("alex", in: Self.people)?.id == "alex")  // the id, not the name
  }
}
