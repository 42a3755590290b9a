extension Workspace {
  /// Runs `body` in a write, as `write(_:)` does; with `dryRun` the write is rolled back once
  /// `body` has returned: every check of the draft and of the store runs, nothing is kept, and
  /// `body`'s result is returned all the same (what an import would have written).
  public func write<T>(dryRun: Bool, _ body: (inout WorkspaceDraft) throws -> T) throws -> T {
    guard dryRun else { return try write(body) }
    var result: T?
    do {
      try write { draft in
        result = try body(&draft)
        throw DryRunRollback()
      }
    } catch is DryRunRollback {}
    guard let result else { throw DryRunRollback() }  // unreachable: the body returned
    return result
  }
}

/// The error that rolls a dry run's write back (`Workspace.write(dryRun:_:)`).
struct DryRunRollback: Error {}
