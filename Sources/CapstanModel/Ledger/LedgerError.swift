/// Why a transaction cannot be applied to the ledger; every case names what it is about.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
  /// A quantity that must be positive is zero or negative.
  case nonPositiveQuantity(what: String, quantity: Shares)
  /// A price that must not be negative is.
  case negativePrice(what: String)
  /// The transaction is dated before the company was incorporated.
  case beforeIncorporation(date: CalendarDate, incorporated: CalendarDate, company: String)
  /// The stakeholder is not in the workspace.
  case unknownStakeholder(String)
  /// The class is not in the company.
  case unknownClass(String)
  /// The plan is not in the company.
  case unknownPlan(String)
  /// No open security has that id (on that date).
  case unknownSecurity(SecurityID, date: CalendarDate)
  /// A security id is used twice.
  case duplicateSecurity(SecurityID)
  /// A name that is a key is taken already.
  case duplicateName(kind: String, name: String)
  /// A name that cannot be used (empty, control characters, too long).
  case invalidName(kind: String, name: String, reason: String)
  /// Issuing more than the class's authorized shares allow.
  case exceedsAuthorized(
    className: String, authorized: Shares, outstanding: Shares, reserved: Shares, requested: Shares)
  /// Setting authorized shares below what is issued and reserved.
  case authorizedBelowCommitted(
    className: String, newTotal: Shares, outstanding: Shares, reserved: Shares)
  /// Granting more than the plan's pool has available.
  case exceedsPool(plan: String, available: Shares, requested: Shares)
  /// Exercising more than is vested.
  case exceedsVested(
    grant: SecurityID, holder: String, exercisable: Shares, requested: Shares, date: CalendarDate)
  /// Acting on more than the security holds.
  case exceedsHeld(security: SecurityID, holder: String, held: Shares, requested: Shares)
  /// An action that does not apply to that kind of security.
  case wrongSecurityKind(SecurityID, expected: String)
  /// Exercising an expired option.
  case expired(grant: SecurityID, expires: CalendarDate, date: CalendarDate)
  /// Transferring to the holder who already holds it.
  case transferToSelf(SecurityID, holder: String)
  /// A split ratio that is not positive.
  case invalidSplit(className: String)
  /// A SAFE's, note's or warrant's terms that cannot hold.
  case invalidTerms(SecurityID, String)
  /// A termination of a security whose holder's service already ended.
  case alreadyTerminated(SecurityID, holder: String, date: CalendarDate)
  /// A termination of a holder with no option grant or restricted stock to stop vesting.
  case nothingToTerminate(holder: String, date: CalendarDate)
  /// A milestone that no security in scope has in its vesting terms.
  case unknownMilestone(name: String, scope: String, date: CalendarDate)
  /// Exercising more of a warrant than is outstanding.
  case exceedsWarrant(
    warrant: SecurityID, holder: String, outstanding: Shares, requested: Shares,
    date: CalendarDate)
  /// Exercising a warrant after its expiration date.
  case warrantExpired(
    warrant: SecurityID, holder: String, expires: CalendarDate, date: CalendarDate)
  /// Exercising a warrant into a class without that many shares left under its authorized.
  case warrantExceedsAuthorized(
    warrant: SecurityID, holder: String, className: String, authorized: Shares,
    committed: Shares, requested: Shares)
  /// Accelerating more of a security than is unvested on the date.
  case exceedsUnvested(
    security: SecurityID, holder: String, unvested: Shares, requested: Shares, date: CalendarDate)
  /// A class amendment that cannot apply to the class.
  case invalidAmendment(shareClass: String, problem: String)
  /// A merge of holders that cannot be recorded.
  case invalidMerge(holder: String, problem: String)
  /// A void that cannot be recorded: its transaction is unknown, a void, or voided already.
  case invalidVoid(transaction: Int, problem: String)
  /// A control record ends a board seat or provision the holder does not hold on its date.
  case controlNotHeld(holder: String, what: String, date: CalendarDate)
  /// A number outside what can be computed.
  case value(ValueError)
  /// An invariant broken after replay (a defect, reported rather than trapped).
  case invariant(String)
  /// No compute token has that symbol.
  case unknownToken(String, known: String)
  /// More tokens requested than the grant has available on the date.
  case tokensUnavailable(
    grant: SecurityID, available: TokenAmount, requested: TokenAmount, date: CalendarDate)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .nonPositiveQuantity(let what, let quantity):
      return "\(what): the quantity must be positive, got \(quantity)"
    case .negativePrice(let what):
      return "\(what): the price must not be negative"
    case .beforeIncorporation(let date, let incorporated, let company):
      return "\(date) is before \(company) was incorporated (\(incorporated))"
    case .unknownStakeholder(let name):
      return "no stakeholder named '\(name)'"
    case .unknownClass(let name):
      return "no share class named '\(name)'"
    case .unknownPlan(let name):
      return "no stock plan named '\(name)'"
    case .unknownSecurity(let id, let date):
      return "no open security \(id) on \(date)"
    case .duplicateSecurity(let id):
      return "security id \(id) is already used"
    case .duplicateName(let kind, let name):
      return "a \(kind) named '\(name)' already exists"
    case .invalidName(let kind, let name, let reason):
      let shown = NameText.escaped(Limits.shown(name))
      return name.isEmpty ? "a \(kind) name \(reason)" : "the \(kind) name '\(shown)' \(reason)"
    case .exceedsAuthorized(let name, let authorized, let outstanding, let reserved, let requested):
      let room = authorized - outstanding - reserved
      return
        "\(name) has \(authorized) shares authorized, \(outstanding) issued and \(reserved) "
        + "reserved under stock plans, so \(max(.zero, room)) remain; \(requested) requested"
    case .authorizedBelowCommitted(let name, let newTotal, let outstanding, let reserved):
      return
        "\(name) cannot be authorized at \(newTotal): \(outstanding) are issued and \(reserved) "
        + "reserved under stock plans"
    case .exceedsPool(let plan, let available, let requested):
      return
        "\(plan) has \(available) shares available in its pool; \(requested) requested"
    case .exceedsVested(let grant, let holder, let exercisable, let requested, let date):
      return
        "\(grant) (\(holder)) has \(exercisable) options vested and unexercised on \(date); "
        + "\(requested) requested"
    case .exceedsHeld(let security, let holder, let held, let requested):
      return "\(security) (\(holder)) holds \(held); \(requested) requested"
    case .wrongSecurityKind(let id, let expected):
      return "\(id) is not \(expected)"
    case .expired(let grant, let expires, let date):
      return "\(grant) expired on \(expires); cannot exercise on \(date)"
    case .transferToSelf(let id, let holder):
      return "\(id) already belongs to \(holder)"
    case .invalidSplit(let name):
      return "the split ratio for \(name) must be positive"
    case .invalidTerms(let id, let why):
      return "\(id): \(why)"
    case .alreadyTerminated(let id, let holder, let date):
      return "\(id) (\(holder)) was already terminated on \(date)"
    case .nothingToTerminate(let holder, let date):
      return "\(holder) holds no option grant or restricted stock to terminate on \(date)"
    case .unknownMilestone(let name, let scope, let date):
      return
        "no option grant, restricted stock or compute grant\(scope) open on \(date) has a milestone named "
        + "'\(name)'"
    case .exceedsWarrant(let warrant, let holder, let outstanding, let requested, let date):
      return
        "warrant \(warrant) (\(holder)) has \(outstanding) shares outstanding on \(date); "
        + "\(requested) requested"
    case .warrantExpired(let warrant, let holder, let expires, let date):
      return
        "warrant \(warrant) (\(holder)) expired on \(expires); cannot exercise on \(date)"
    case .warrantExceedsAuthorized(
      let warrant, let holder, let name, let authorized, let committed, let requested):
      return
        "warrant \(warrant) (\(holder)) cannot be exercised for \(requested) \(name): \(name) has "
        + "\(authorized) shares authorized and \(committed) issued or reserved besides"
    case .exceedsUnvested(let security, let holder, let unvested, let requested, let date):
      return
        "cannot accelerate \(requested) of \(security) (\(holder)): only \(unvested) unvested on \(date)"
    case .invalidAmendment(let name, let problem):
      return "cannot amend \(name): \(problem)"
    case .invalidMerge(let holder, let problem):
      return "cannot merge \(holder): \(problem)"
    case .controlNotHeld(let holder, let what, let date):
      return "\(holder) does not hold \(what) on \(date.iso)"
    case .invalidVoid(let sequence, let problem):
      return "cannot void transaction \(sequence): \(problem)"
    case .value(let error):
      return error.description
    case .invariant(let what):
      return "internal check failed: \(what)"
    case .unknownToken(let symbol, let known):
      return
        "no compute token '\(symbol)' (tokens: \(known))"
    case .tokensUnavailable(let grant, let available, let requested, let date):
      return "\(grant) has \(available) tokens available on \(date); \(requested) requested"
    }
  }
}

/// A ledger error with the transaction (or plan adoption) it came from.
public struct LedgerFailure: Error, Equatable, CustomStringConvertible {
  /// Where it happened: `transaction 12 (issue, 2025-04-01)`.
  public let context: String
  /// The offending transaction, when it was one.
  public let transaction: Transaction?
  /// What is wrong.
  public let error: LedgerError

  /// A failure of a transaction.
  public init(transaction: Transaction, error: LedgerError) {
    self.context =
      "transaction \(transaction.sequence) (\(transaction.event.kind), \(transaction.date))"
    self.transaction = transaction
    self.error = error
  }

  /// A failure of something else (a plan's adoption).
  public init(context: String, error: LedgerError) {
    self.context = context
    self.transaction = nil
    self.error = error
  }

  /// `transaction 12 (issue, 2025-04-01): ...`.
  public var description: String { "\(context): \(error)" }
}
