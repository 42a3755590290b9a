import CapstanModel

/// One item of an OCF file, decoded by its `object_type` into a typed case.
///
/// Only the fields Capstan maps are decoded; unknown object types are kept as `.other` so the
/// importer can list them by type and count instead of dropping them silently.
public enum OCFObject: Sendable, Decodable {
  /// A STAKEHOLDER.
  case stakeholder(OCFStakeholder)
  /// A STOCK_CLASS.
  case stockClass(OCFStockClass)
  /// A STOCK_PLAN.
  case stockPlan(OCFStockPlan)
  /// A VESTING_TERMS object.
  case vestingTerms(OCFVestingTerms)
  /// A VALUATION.
  case valuation(OCFValuation)
  /// A TX_* transaction.
  case transaction(OCFTransaction)
  /// Anything else (STOCK_LEGEND_TEMPLATE, DOCUMENT, FINANCING...).
  case other(objectType: String, id: String)

  enum Keys: String, CodingKey {
    case objectType = "object_type"
    case id
    case date
  }

  /// Decodes by `object_type` (the importer reads items with `init(json:)`, which gives the
  /// same objects without `Decodable` containers).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    let type = try container.decode(String.self, forKey: .objectType)
    switch type {
    case "STAKEHOLDER": self = .stakeholder(try OCFStakeholder(from: decoder))
    case "STOCK_CLASS": self = .stockClass(try OCFStockClass(from: decoder))
    case "STOCK_PLAN": self = .stockPlan(try OCFStockPlan(from: decoder))
    case "VESTING_TERMS": self = .vestingTerms(try OCFVestingTerms(from: decoder))
    case "VALUATION": self = .valuation(try OCFValuation(from: decoder))
    default:
      let id = try container.decode(String.self, forKey: .id)
      if type.hasPrefix("TX_") {
        let date = try container.decode(OCFDate.self, forKey: .date).value
        let kind = try OCFTransaction.Kind(objectType: type, decoder: decoder)
        self = .transaction(OCFTransaction(id: id, date: date, objectType: type, kind: kind))
      } else {
        self = .other(objectType: type, id: id)
      }
    }
  }

  /// The item's id.
  public var id: String {
    switch self {
    case .stakeholder(let s): s.id
    case .stockClass(let c): c.id
    case .stockPlan(let p): p.id
    case .vestingTerms(let v): v.id
    case .valuation(let v): v.id
    case .transaction(let t): t.id
    case .other(_, let id): id
    }
  }

  /// The item's `object_type`.
  public var objectType: String {
    switch self {
    case .stakeholder: "STAKEHOLDER"
    case .stockClass: "STOCK_CLASS"
    case .stockPlan: "STOCK_PLAN"
    case .vestingTerms: "VESTING_TERMS"
    case .valuation: "VALUATION"
    case .transaction(let t): t.objectType
    case .other(let type, _): type
    }
  }
}

/// An OCF file: its type and items.
public struct OCFFile: Sendable, Decodable {
  /// `OCF_TRANSACTIONS_FILE`, ...
  public var fileType: String
  /// The objects.
  public var items: [OCFObject]

  enum CodingKeys: String, CodingKey {
    case fileType = "file_type"
    case items
  }
}

/// Just an item's id, to name an item whose full decoding failed.
struct OCFItemID: Decodable {
  var id: String?
}

/// A file's items as bare ids.
struct OCFItemIDs: Decodable {
  var items: [OCFItemID]
}

/// A STAKEHOLDER.
public struct OCFStakeholder: Sendable, Decodable {
  /// The OCF id.
  public var id: String
  /// The legal name.
  public var name: Name
  /// `INDIVIDUAL` or `INSTITUTION`.
  public var stakeholderType: String
  /// Contact details.
  public var primaryContact: Contact?

  /// A name.
  public struct Name: Sendable, Decodable {
    /// The legal name.
    public var legalName: String
    enum CodingKeys: String, CodingKey { case legalName = "legal_name" }
  }

  /// A contact (only its e-mails are read).
  public struct Contact: Sendable, Decodable {
    /// E-mail addresses.
    public var emails: [Email]?
  }

  /// An e-mail address.
  public struct Email: Sendable, Decodable {
    /// The address.
    public var emailAddress: String
    enum CodingKeys: String, CodingKey { case emailAddress = "email_address" }
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case stakeholderType = "stakeholder_type"
    case primaryContact = "primary_contact"
  }
}

/// A STOCK_CLASS.
public struct OCFStockClass: Sendable, Decodable {
  /// The OCF id.
  public var id: String
  /// The name.
  public var name: String
  /// `COMMON` or `PREFERRED`.
  public var classType: String
  /// Authorized shares at creation (a Numeric, or `UNLIMITED`/`NOT APPLICABLE`).
  public var initialSharesAuthorized: String?
  /// Authorized shares now (OCF 1.0 exports).
  public var currentSharesAuthorized: String?
  /// Votes per share.
  public var votesPerShare: OCFOptionalNumeric?
  /// Seniority (a higher number is paid first).
  public var seniority: OCFOptionalNumeric?
  /// Original issue price.
  public var pricePerShare: OCFMonetary?
  /// Liquidation preference multiple.
  public var liquidationPreferenceMultiple: OCFNumeric?
  /// Participation cap multiple.
  public var participationCapMultiple: OCFNumeric?
  /// Date the board created the class.
  public var boardApprovalDate: OCFDate?
  /// What the class converts into.
  public var conversionRights: [OCFConversionRight]?

  enum CodingKeys: String, CodingKey {
    case id, name, seniority
    case conversionRights = "conversion_rights"
    case classType = "class_type"
    case initialSharesAuthorized = "initial_shares_authorized"
    case currentSharesAuthorized = "current_shares_authorized"
    case votesPerShare = "votes_per_share"
    case pricePerShare = "price_per_share"
    case liquidationPreferenceMultiple = "liquidation_preference_multiple"
    case participationCapMultiple = "participation_cap_multiple"
    case boardApprovalDate = "board_approval_date"
  }
}

/// A STOCK_PLAN.
public struct OCFStockPlan: Sendable, Decodable {
  /// The OCF id.
  public var id: String
  /// The name.
  public var planName: String
  /// Shares reserved at adoption.
  public var initialSharesReserved: OCFNumeric
  /// Board approval date.
  public var boardApprovalDate: OCFDate?
  /// The class (deprecated single id).
  public var stockClassId: String?
  /// The classes (OCF 1.2).
  public var stockClassIds: [String]?
  /// `RETIRE`, `RETURN_TO_POOL`, ...
  public var defaultCancellationBehavior: String?

  enum CodingKeys: String, CodingKey {
    case id
    case planName = "plan_name"
    case initialSharesReserved = "initial_shares_reserved"
    case boardApprovalDate = "board_approval_date"
    case stockClassId = "stock_class_id"
    case stockClassIds = "stock_class_ids"
    case defaultCancellationBehavior = "default_cancellation_behavior"
  }
}

/// A VALUATION: a class's price per share from a date (a 409A).
public struct OCFValuation: Sendable, Decodable {
  /// The OCF id.
  public var id: String
  /// Price per share.
  public var pricePerShare: OCFMonetary?
  /// Effective date.
  public var effectiveDate: OCFDate?
  /// The class valued.
  public var stockClassId: String?
  /// `409A` (the only type of OCF 1.2.0).
  public var valuationType: String?
  /// Who provided it.
  public var provider: String?
  /// When the board approved it.
  public var boardApprovalDate: OCFDate?

  enum CodingKeys: String, CodingKey {
    case id, provider
    case pricePerShare = "price_per_share"
    case effectiveDate = "effective_date"
    case stockClassId = "stock_class_id"
    case valuationType = "valuation_type"
    case boardApprovalDate = "board_approval_date"
  }
}

/// VESTING_TERMS: a graph of vesting conditions.
public struct OCFVestingTerms: Sendable, Decodable {
  /// The OCF id.
  public var id: String
  /// The name.
  public var name: String?
  /// `CUMULATIVE_ROUND_DOWN`, ...
  public var allocationType: String?
  /// The conditions.
  public var vestingConditions: [Condition]

  /// One vesting condition.
  public struct Condition: Sendable, Decodable {
    /// Its id.
    public var id: String
    /// What it is (free text).
    public var description: String?
    /// Portion vesting when it triggers.
    public var portion: Portion?
    /// Quantity vesting when it triggers.
    public var quantity: OCFNumeric?
    /// What triggers it.
    public var trigger: Trigger
    /// The cliff of a relative schedule (OCF 1.0/1.1).
    public var cliffCondition: Cliff?
    /// Conditions that follow.
    public var nextConditionIds: [String]?

    enum CodingKeys: String, CodingKey {
      case id, description, portion, quantity, trigger
      case cliffCondition = "cliff_condition"
      case nextConditionIds = "next_condition_ids"
    }
  }

  /// A portion: numerator over denominator.
  public struct Portion: Sendable, Decodable {
    /// Numerator.
    public var numerator: OCFNumeric
    /// Denominator.
    public var denominator: OCFNumeric
    /// Whether the fraction is of what is still unvested rather than of the whole.
    public var remainder: Bool?
  }

  /// A trigger.
  public struct Trigger: Sendable, Decodable {
    /// `VESTING_START_DATE`, `VESTING_SCHEDULE_RELATIVE`, `VESTING_EVENT`, ...
    public var type: String
    /// The period of a relative schedule.
    public var period: Period?
    /// The condition the schedule counts from.
    public var relativeToConditionId: String?
    /// The day an absolute condition triggers (`VESTING_SCHEDULE_ABSOLUTE`).
    public var date: OCFDate?

    enum CodingKeys: String, CodingKey {
      case type, period, date
      case relativeToConditionId = "relative_to_condition_id"
    }
  }

  /// A period: `length` units of `type`, `occurrences` times.
  public struct Period: Sendable, Decodable {
    /// `MONTHS` or `DAYS`.
    public var type: String
    /// Units per occurrence.
    public var length: Int
    /// How many times.
    public var occurrences: Int?
    /// The day of the month a months period vests on (`VESTING_START_DAY_OR_LAST_DAY_OF_MONTH`).
    public var dayOfMonth: String?

    enum CodingKeys: String, CodingKey {
      case type, length, occurrences
      case dayOfMonth = "day_of_month"
    }
  }

  /// A cliff (OCF 1.0/1.1 `cliff_condition`).
  public struct Cliff: Sendable, Decodable {
    /// Its period.
    public var period: Period
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case allocationType = "allocation_type"
    case vestingConditions = "vesting_conditions"
  }
}
