/// Why an Open Cap Format package was refused: each case names the file, the item and what was
/// expected, so the user can find and fix the input.
public enum OCFError: Error, Equatable, CustomStringConvertible {
  /// The path is neither a folder, a `Manifest.ocf.json` nor an `.ocf.zip`.
  case unreadable(path: String, reason: String)
  /// The manifest names a file outside the package folder, or one that is not there.
  case badFileReference(manifest: String, path: String, reason: String)
  /// A zip archive is damaged, hostile or too large.
  case badArchive(path: String, reason: String)
  /// A file is not the JSON expected.
  case malformed(file: String, item: String?, field: String?, expected: String)
  /// An item names an id that the package does not define.
  case unknownReference(file: String, item: String, field: String, id: String)
  /// An item cannot be expressed in the ledger.
  case unsupported(file: String, item: String, reason: String)
  /// The ledger refused an imported item.
  case refused(file: String, item: String, reason: String)
  /// A warning turned into an error by `--strict`.
  case strict([OCFWarning])

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read OCF package \(path): \(reason)"
    case .badFileReference(let manifest, let path, let reason):
      return "\(manifest): file '\(path)' \(reason)"
    case .badArchive(let path, let reason):
      return "\(path): refused zip archive: \(reason)"
    case .malformed(let file, let item, let field, let expected):
      var place = file
      if let item { place += ", item \(item)" }
      if let field { place += ", field \(field)" }
      return "\(place): expected \(expected)"
    case .unknownReference(let file, let item, let field, let id):
      return "\(file), item \(item), field \(field): no object with id '\(id)' in the package"
    case .unsupported(let file, let item, let reason):
      return "\(file), item \(item): \(reason)"
    case .refused(let file, let item, let reason):
      return "\(file), item \(item): \(reason)"
    case .strict(let warnings):
      return "--strict: \(warnings.count) warning(s):\n"
        + warnings.map { "  " + $0.description }.joined(separator: "\n")
    }
  }
}

/// Something the importer assumed to keep going; listed after the import.
public struct OCFWarning: Sendable, Equatable, CustomStringConvertible {
  /// The file the item is in.
  public var file: String
  /// The item's id.
  public var item: String
  /// What was assumed.
  public var message: String

  /// A warning.
  public init(file: String, item: String, message: String) {
    self.file = file
    self.item = item
    self.message = message
  }

  /// `Transactions.ocf.json, item eci_01: ...`.
  public var description: String { "\(file), item \(item): \(message)" }
}
