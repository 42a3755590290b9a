extension OCFImportPlan {
  /// What an import reports after its counts: the objects it did not map, by type and count (or
  /// that everything was mapped), then its warnings; one line each, indented under a heading.
  public var findings: String {
    var lines =
      unmapped.isEmpty
      ? ["Everything in the package was mapped."]
      : ["Not mapped (by object type and count):"] + unmappedList.map { "  \($0)" }
    if !warnings.isEmpty {
      lines += ["Warnings (\(warnings.count)):"] + warnings.map { "  \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}
