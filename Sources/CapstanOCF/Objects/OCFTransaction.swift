import CapstanModel

/// A TX_* object: its id, date, type and typed body.
public struct OCFTransaction: Sendable {
  /// The OCF id.
  public var id: String
  /// The effective date.
  public var date: CalendarDate
  /// The `object_type` as written (older names such as `TX_PLAN_SECURITY_ISSUANCE` included).
  public var objectType: String
  /// The typed body.
  public var kind: Kind

  /// The transactions Capstan reads, by family; OCF 1.0's `TX_PLAN_SECURITY_*` names decode
  /// into the equity compensation cases.
  public enum Kind: Sendable {
    /// TX_STOCK_ISSUANCE.
    case stockIssuance(StockIssuance)
    /// TX_EQUITY_COMPENSATION_ISSUANCE, TX_PLAN_SECURITY_ISSUANCE.
    case equityCompensationIssuance(EquityCompensationIssuance)
    /// TX_CONVERTIBLE_ISSUANCE.
    case convertibleIssuance(ConvertibleIssuance)
    /// TX_WARRANT_ISSUANCE.
    case warrantIssuance(WarrantIssuance)
    /// TX_EQUITY_COMPENSATION_EXERCISE, TX_PLAN_SECURITY_EXERCISE, TX_WARRANT_EXERCISE.
    case exercise(Movement)
    /// TX_STOCK_TRANSFER.
    case stockTransfer(Movement)
    /// TX_STOCK_CANCELLATION, TX_EQUITY_COMPENSATION_CANCELLATION, TX_PLAN_SECURITY_CANCELLATION,
    /// TX_WARRANT_CANCELLATION, TX_CONVERTIBLE_CANCELLATION.
    case cancellation(Movement)
    /// TX_STOCK_REPURCHASE.
    case repurchase(Movement)
    /// TX_STOCK_REISSUANCE.
    case reissuance(Movement)
    /// TX_STOCK_CONVERSION.
    case stockConversion(Movement)
    /// TX_STOCK_RETRACTION, TX_EQUITY_COMPENSATION_RETRACTION, TX_PLAN_SECURITY_RETRACTION.
    case retraction(Movement)
    /// TX_CONVERTIBLE_CONVERSION.
    case convertibleConversion(Movement)
    /// TX_STOCK_CLASS_SPLIT.
    case split(ClassChange)
    /// TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT.
    case authorizedSharesAdjustment(ClassChange)
    /// TX_STOCK_PLAN_POOL_ADJUSTMENT.
    case poolAdjustment(PlanChange)
    /// TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT.
    case conversionRatioAdjustment(RatioAdjustment)
    /// TX_VESTING_START.
    case vestingStart(Vesting)
    /// TX_VESTING_EVENT.
    case vestingEvent(Vesting)
    /// TX_VESTING_ACCELERATION.
    case vestingAcceleration(Vesting)
    /// Any other transaction type (acceptances, releases, ...).
    case other

    init(objectType: String, decoder: any Decoder) throws {
      switch objectType {
      case "TX_STOCK_ISSUANCE": self = .stockIssuance(try StockIssuance(from: decoder))
      case "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE":
        self = .equityCompensationIssuance(try EquityCompensationIssuance(from: decoder))
      case "TX_CONVERTIBLE_ISSUANCE":
        self = .convertibleIssuance(try ConvertibleIssuance(from: decoder))
      case "TX_WARRANT_ISSUANCE": self = .warrantIssuance(try WarrantIssuance(from: decoder))
      case "TX_EQUITY_COMPENSATION_EXERCISE", "TX_PLAN_SECURITY_EXERCISE", "TX_WARRANT_EXERCISE":
        self = .exercise(try Movement(from: decoder))
      case "TX_STOCK_TRANSFER": self = .stockTransfer(try Movement(from: decoder))
      case "TX_STOCK_CANCELLATION", "TX_EQUITY_COMPENSATION_CANCELLATION",
        "TX_PLAN_SECURITY_CANCELLATION", "TX_WARRANT_CANCELLATION", "TX_CONVERTIBLE_CANCELLATION":
        self = .cancellation(try Movement(from: decoder))
      case "TX_STOCK_REPURCHASE": self = .repurchase(try Movement(from: decoder))
      case "TX_STOCK_REISSUANCE": self = .reissuance(try Movement(from: decoder))
      case "TX_STOCK_CONVERSION": self = .stockConversion(try Movement(from: decoder))
      case "TX_STOCK_RETRACTION", "TX_EQUITY_COMPENSATION_RETRACTION",
        "TX_PLAN_SECURITY_RETRACTION", "TX_WARRANT_RETRACTION":
        self = .retraction(try Movement(from: decoder))
      case "TX_CONVERTIBLE_CONVERSION": self = .convertibleConversion(try Movement(from: decoder))
      case "TX_STOCK_CLASS_SPLIT": self = .split(try ClassChange(from: decoder))
      case "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT":
        self = .authorizedSharesAdjustment(try ClassChange(from: decoder))
      case "TX_STOCK_PLAN_POOL_ADJUSTMENT": self = .poolAdjustment(try PlanChange(from: decoder))
      case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT":
        self = .conversionRatioAdjustment(try RatioAdjustment(from: decoder))
      case "TX_VESTING_START": self = .vestingStart(try Vesting(from: decoder))
      case "TX_VESTING_EVENT": self = .vestingEvent(try Vesting(from: decoder))
      case "TX_VESTING_ACCELERATION": self = .vestingAcceleration(try Vesting(from: decoder))
      default: self = .other
      }
    }
  }

  /// TX_STOCK_ISSUANCE.
  public struct StockIssuance: Sendable, Decodable {
    /// The new security.
    public var securityId: String
    /// The holder.
    public var stakeholderId: String
    /// The class.
    public var stockClassId: String
    /// Shares issued.
    public var quantity: OCFNumeric
    /// Price per share.
    public var sharePrice: OCFMonetary?
    /// Vesting terms, if restricted.
    public var vestingTermsId: String?
    /// The certificate number shown to people (`CS-1`).
    public var customId: String?
    /// Explicit vesting dates and amounts, if listed.
    public var vestings: [ScheduledVesting]? = nil

    enum CodingKeys: String, CodingKey {
      case quantity, vestings
      case securityId = "security_id"
      case stakeholderId = "stakeholder_id"
      case stockClassId = "stock_class_id"
      case sharePrice = "share_price"
      case vestingTermsId = "vesting_terms_id"
      case customId = "custom_id"
    }
  }

  /// One entry of an issuance's `vestings` list: `amount` vests (or vested) on `date`.
  public struct ScheduledVesting: Sendable, Decodable {
    /// The day.
    public var date: OCFDate
    /// Shares.
    public var amount: OCFNumeric
  }

  /// TX_EQUITY_COMPENSATION_ISSUANCE (and OCF 1.0's TX_PLAN_SECURITY_ISSUANCE).
  public struct EquityCompensationIssuance: Sendable, Decodable {
    /// The grant.
    public var securityId: String
    /// The grantee.
    public var stakeholderId: String
    /// The plan.
    public var stockPlanId: String?
    /// The class.
    public var stockClassId: String?
    /// Options or units.
    public var quantity: OCFNumeric
    /// Strike.
    public var exercisePrice: OCFMonetary?
    /// `OPTION`, `OPTION_ISO`, `OPTION_NSO`, `RSU`, `CSAR`, `SSAR`.
    public var compensationType: String?
    /// Expiry.
    public var expirationDate: OCFDate?
    /// Vesting terms.
    public var vestingTermsId: String?
    /// Explicit vesting dates and amounts, if listed.
    public var vestings: [ScheduledVesting]? = nil
    /// The id shown to people (`EC-1`), if any.
    public var customId: String?

    enum CodingKeys: String, CodingKey {
      case quantity, vestings
      case customId = "custom_id"
      case securityId = "security_id"
      case stakeholderId = "stakeholder_id"
      case stockPlanId = "stock_plan_id"
      case stockClassId = "stock_class_id"
      case exercisePrice = "exercise_price"
      case compensationType = "compensation_type"
      case expirationDate = "expiration_date"
      case vestingTermsId = "vesting_terms_id"
    }
  }

  /// TX_CONVERTIBLE_ISSUANCE: a SAFE, a note or another convertible.
  public struct ConvertibleIssuance: Sendable, Decodable {
    /// The security.
    public var securityId: String
    /// The investor.
    public var stakeholderId: String
    /// `SAFE`, `NOTE`, `CONVERTIBLE_SECURITY`.
    public var convertibleType: String
    /// Amount invested.
    public var investmentAmount: OCFMonetary
    /// Triggers with their conversion mechanisms.
    public var conversionTriggers: [Trigger]?
    /// Pro rata amount, if any.
    public var proRata: OCFNumeric?
    /// The id shown to people (`EC-1`), if any.
    public var customId: String?

    enum CodingKeys: String, CodingKey {
      case customId = "custom_id"
      case securityId = "security_id"
      case stakeholderId = "stakeholder_id"
      case convertibleType = "convertible_type"
      case investmentAmount = "investment_amount"
      case conversionTriggers = "conversion_triggers"
      case proRata = "pro_rata"
    }
  }

  /// A conversion or exercise trigger (only its right is read).
  public struct Trigger: Sendable, Decodable {
    /// The trigger's id.
    public var triggerId: String?
    /// What converts into what.
    public var conversionRight: Right?

    enum CodingKeys: String, CodingKey {
      case triggerId = "trigger_id"
      case conversionRight = "conversion_right"
    }
  }

  /// A conversion right.
  public struct Right: Sendable, Decodable {
    /// How the shares are computed.
    public var conversionMechanism: Mechanism?
    /// The class it converts to.
    public var convertsToStockClassId: String?

    enum CodingKeys: String, CodingKey {
      case conversionMechanism = "conversion_mechanism"
      case convertsToStockClassId = "converts_to_stock_class_id"
    }
  }

  /// A conversion mechanism: the SAFE and note fields Capstan keeps.
  public struct Mechanism: Sendable, Decodable {
    /// `SAFE_CONVERSION`, `CONVERTIBLE_NOTE_CONVERSION` (1.0: `NOTE_CONVERSION`), ...
    public var type: String
    /// Valuation cap.
    public var conversionValuationCap: OCFMonetary?
    /// Discount (0.2 for 20 %).
    public var conversionDiscount: OCFNumeric?
    /// Most favoured nation.
    public var conversionMfn: Bool?
    /// `PRE_MONEY` or `POST_MONEY`.
    public var conversionTiming: String?
    /// Interest rates of a note.
    public var interestRates: [InterestRate]?
    /// `ACTUAL_365` or `30_360`.
    public var dayCountConvention: String?
    /// `SIMPLE` or `COMPOUNDING`.
    public var compoundingType: String?
    /// `ANNUAL`, `MONTHLY`, ...
    public var interestAccrualPeriod: String?
    /// Free text: how the capitalization the cap divides is defined (Capstan writes a note's
    /// cap basis here, `OCFCapBasis`).
    public var capitalizationDefinition: String?

    enum CodingKeys: String, CodingKey {
      case type
      case conversionValuationCap = "conversion_valuation_cap"
      case conversionDiscount = "conversion_discount"
      case conversionMfn = "conversion_mfn"
      case conversionTiming = "conversion_timing"
      case interestRates = "interest_rates"
      case dayCountConvention = "day_count_convention"
      case compoundingType = "compounding_type"
      case interestAccrualPeriod = "interest_accrual_period"
      case capitalizationDefinition = "capitalization_definition"
    }
  }

  /// A note's interest rate.
  public struct InterestRate: Sendable, Decodable {
    /// The annual rate (0.08).
    public var rate: OCFNumeric
  }

  /// TX_WARRANT_ISSUANCE.
  public struct WarrantIssuance: Sendable, Decodable {
    /// The warrant.
    public var securityId: String
    /// The holder.
    public var stakeholderId: String
    /// Shares it buys.
    public var quantity: OCFNumeric?
    /// Strike.
    public var exercisePrice: OCFMonetary?
    /// Expiry.
    public var warrantExpirationDate: OCFDate?
    /// The triggers (the class is read from their rights).
    public var exerciseTriggers: [Trigger]?
    /// The class (some exporters put it at the top level).
    public var stockClassId: String?
    /// The id shown to people (`EC-1`), if any.
    public var customId: String?

    enum CodingKeys: String, CodingKey {
      case quantity
      case customId = "custom_id"
      case securityId = "security_id"
      case stakeholderId = "stakeholder_id"
      case exercisePrice = "exercise_price"
      case warrantExpirationDate = "warrant_expiration_date"
      case exerciseTriggers = "exercise_triggers"
      case stockClassId = "stock_class_id"
    }
  }

  /// A transaction on an existing security: exercise, transfer, cancellation, repurchase,
  /// reissuance, conversion, retraction.
  public struct Movement: Sendable, Decodable {
    /// The security acted on.
    public var securityId: String
    /// Quantity moved (exercised, transferred, cancelled, repurchased).
    public var quantity: OCFNumeric?
    /// Quantity converted (stock and convertible conversions).
    public var quantityConverted: OCFNumeric?
    /// Securities created.
    public var resultingSecurityIds: [String]?
    /// The remainder's security.
    public var balanceSecurityId: String?
    /// Repurchase price.
    public var price: OCFMonetary?
    /// Why.
    public var reasonText: String?
    /// The split a reissuance carries out.
    public var splitTransactionId: String?

    enum CodingKeys: String, CodingKey {
      case quantity, price
      case securityId = "security_id"
      case quantityConverted = "quantity_converted"
      case resultingSecurityIds = "resulting_security_ids"
      case balanceSecurityId = "balance_security_id"
      case reasonText = "reason_text"
      case splitTransactionId = "split_transaction_id"
    }

    /// The balance security, treating `""` as none.
    var balance: String? {
      guard let balanceSecurityId, !balanceSecurityId.isEmpty else { return nil }
      return balanceSecurityId
    }
  }

  /// A split or an authorized-shares adjustment of a class.
  public struct ClassChange: Sendable, Decodable {
    /// The class.
    public var stockClassId: String
    /// A split's ratio.
    public var splitRatio: OCFRatio?
    /// The new authorized total.
    public var newSharesAuthorized: OCFNumeric?

    enum CodingKeys: String, CodingKey {
      case stockClassId = "stock_class_id"
      case splitRatio = "split_ratio"
      case newSharesAuthorized = "new_shares_authorized"
    }
  }

  /// TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT: a class's new conversion price and ratio after
  /// a repricing (anti-dilution).
  public struct RatioAdjustment: Sendable, Decodable {
    /// The class.
    public var stockClassId: String
    /// The new mechanism: conversion price and ratio.
    public var newRatioConversionMechanism: OCFConversionMechanism

    enum CodingKeys: String, CodingKey {
      case stockClassId = "stock_class_id"
      case newRatioConversionMechanism = "new_ratio_conversion_mechanism"
    }
  }

  /// TX_STOCK_PLAN_POOL_ADJUSTMENT.
  public struct PlanChange: Sendable, Decodable {
    /// The plan.
    public var stockPlanId: String
    /// The new total reserved.
    public var sharesReserved: OCFNumeric

    enum CodingKeys: String, CodingKey {
      case stockPlanId = "stock_plan_id"
      case sharesReserved = "shares_reserved"
    }
  }

  /// A vesting start, event or acceleration.
  public struct Vesting: Sendable, Decodable {
    /// The security.
    public var securityId: String
    /// The condition (start and event).
    public var vestingConditionId: String?
    /// Shares accelerated.
    public var quantity: OCFNumeric?
    /// Why (acceleration).
    public var reasonText: String?

    enum CodingKeys: String, CodingKey {
      case quantity
      case securityId = "security_id"
      case vestingConditionId = "vesting_condition_id"
      case reasonText = "reason_text"
    }
  }
}
