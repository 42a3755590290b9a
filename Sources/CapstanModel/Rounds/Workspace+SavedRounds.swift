extension Workspace {
  /// The company's saved round named `name` (any case); refused with the names saved, under
  /// `field` (the command's argument), when there is none.
  public func savedRound(
    named name: String, company: Company.ID, field: String = "NAME"
  ) throws -> SavedRound {
    let rounds = try savedRounds(for: company)
    guard let round = rounds.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      let known = rounds.map(\.name).joined(separator: ", ")
      throw InputError.invalid(
        field: field, input: name,
        expected: "a saved round (\(known.isEmpty ? "none saved yet" : known))")
    }
    return round
  }
}
