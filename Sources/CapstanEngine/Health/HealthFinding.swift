import CapstanModel

/// One finding of `HealthCheck`: how bad it is, what it is about, the numbers, and the command
/// that fixes it.
public struct HealthFinding: Sendable, Hashable {
  /// How bad a finding is.
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Legally or arithmetically wrong: the check exits 1.
    case error
    /// Worth a look: a lawyer would ask.
    case warning

    /// Errors sort first.
    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
  }

  /// How bad it is.
  public var severity: Severity
  /// A stable name of the check (`authorized-shares`, `strike-below-409a`, ...).
  public var check: String
  /// What it is about: a class, a grant, a plan, a stakeholder.
  public var subject: String
  /// The facts, with the numbers.
  public var message: String
  /// The numbers, by name, exact (for JSON).
  public var numbers: [(String, String)]
  /// The command that fixes it (or what to do).
  public var fix: String

  /// A finding.
  public init(
    _ severity: Severity, check: String, subject: String, message: String,
    numbers: [(String, String)] = [], fix: String
  ) {
    self.severity = severity
    self.check = check
    self.subject = subject
    self.message = message
    self.numbers = numbers
    self.fix = fix
  }

  /// Equal when every field is (the numbers compared pairwise).
  public static func == (a: HealthFinding, b: HealthFinding) -> Bool {
    a.severity == b.severity && a.check == b.check && a.subject == b.subject
      && a.message == b.message && a.fix == b.fix
      && a.numbers.map(\.0) == b.numbers.map(\.0) && a.numbers.map(\.1) == b.numbers.map(\.1)
  }

  /// Hashes the fields that identify it.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(check)
    hasher.combine(subject)
    hasher.combine(message)
  }
}
