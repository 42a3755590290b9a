import CapstanModel

extension OCFObject {
  /// Reads an item by its `object_type`: the objects a large package is made of (stakeholders,
  /// issuances, grants, transfers, exercises, cancellations, vesting starts) straight from the
  /// tree, the rarer ones with their `Decodable` conformance.
  init(json value: OCFJSONValue) throws {
    let object = try OCFJSONObject(value)
    let type = try object.string("object_type")
    switch type {
    case "STAKEHOLDER": self = .stakeholder(try OCFStakeholder(json: object))
    case "STOCK_CLASS": self = .stockClass(try OCFObject.decoded(OCFStockClass.self, value))
    case "STOCK_PLAN": self = .stockPlan(try OCFObject.decoded(OCFStockPlan.self, value))
    case "VESTING_TERMS": self = .vestingTerms(try OCFObject.decoded(OCFVestingTerms.self, value))
    case "VALUATION": self = .valuation(try OCFObject.decoded(OCFValuation.self, value))
    default:
      let id = try object.string("id")
      if type.hasPrefix("TX_") {
        let date = try object.date("date").value
        let kind = try OCFTransaction.Kind(objectType: type, json: object, value: value)
        self = .transaction(
          OCFTransaction(id: id, date: date, objectType: OCFTransaction.shared(type), kind: kind))
      } else {
        self = .other(objectType: type, id: id)
      }
    }
  }

  /// A whole item read with its `Decodable` conformance.
  static func decoded<T: Decodable>(_ type: T.Type, _ value: OCFJSONValue) throws -> T {
    do {
      return try T(from: TreeDecoder(value: value, base: [], last: nil))
    } catch let error as DecodingError {
      throw OCFFieldError(error)
    }
  }
}

extension OCFStakeholder {
  /// Reads a STAKEHOLDER.
  init(json object: OCFJSONObject) throws {
    id = try object.string("id")
    let nameValue = try object.required("name")
    do {
      name = Name(legalName: try OCFJSONObject(nameValue).string("legal_name"))
    } catch let error as OCFFieldError {
      throw error.under("name")
    }
    stakeholderType = try object.string("stakeholder_type")
    primaryContact = try object.decoded(Contact.self, "primary_contact")
  }
}

extension OCFTransaction.Kind {
  /// Reads the body of a TX_* item by its type.
  init(objectType: String, json object: OCFJSONObject, value: OCFJSONValue) throws {
    typealias Tx = OCFTransaction
    switch objectType {
    case "TX_STOCK_ISSUANCE": self = .stockIssuance(try Tx.StockIssuance(json: object))
    case "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE":
      self = .equityCompensationIssuance(try Tx.EquityCompensationIssuance(json: object))
    case "TX_CONVERTIBLE_ISSUANCE":
      self = .convertibleIssuance(try OCFObject.decoded(Tx.ConvertibleIssuance.self, value))
    case "TX_WARRANT_ISSUANCE":
      self = .warrantIssuance(try OCFObject.decoded(Tx.WarrantIssuance.self, value))
    case "TX_EQUITY_COMPENSATION_EXERCISE", "TX_PLAN_SECURITY_EXERCISE", "TX_WARRANT_EXERCISE":
      self = .exercise(try Tx.Movement(json: object))
    case "TX_STOCK_TRANSFER": self = .stockTransfer(try Tx.Movement(json: object))
    case "TX_STOCK_CANCELLATION", "TX_EQUITY_COMPENSATION_CANCELLATION",
      "TX_PLAN_SECURITY_CANCELLATION", "TX_WARRANT_CANCELLATION", "TX_CONVERTIBLE_CANCELLATION":
      self = .cancellation(try Tx.Movement(json: object))
    case "TX_STOCK_REPURCHASE": self = .repurchase(try Tx.Movement(json: object))
    case "TX_STOCK_REISSUANCE": self = .reissuance(try Tx.Movement(json: object))
    case "TX_STOCK_CONVERSION": self = .stockConversion(try Tx.Movement(json: object))
    case "TX_STOCK_RETRACTION", "TX_EQUITY_COMPENSATION_RETRACTION",
      "TX_PLAN_SECURITY_RETRACTION", "TX_WARRANT_RETRACTION":
      self = .retraction(try Tx.Movement(json: object))
    case "TX_CONVERTIBLE_CONVERSION": self = .convertibleConversion(try Tx.Movement(json: object))
    case "TX_STOCK_CLASS_SPLIT": self = .split(try OCFObject.decoded(Tx.ClassChange.self, value))
    case "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT":
      self = .authorizedSharesAdjustment(try OCFObject.decoded(Tx.ClassChange.self, value))
    case "TX_STOCK_PLAN_POOL_ADJUSTMENT":
      self = .poolAdjustment(try OCFObject.decoded(Tx.PlanChange.self, value))
    case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT":
      self = .conversionRatioAdjustment(try OCFObject.decoded(Tx.RatioAdjustment.self, value))
    case "TX_VESTING_START": self = .vestingStart(try Tx.Vesting(json: object))
    case "TX_VESTING_EVENT": self = .vestingEvent(try Tx.Vesting(json: object))
    case "TX_VESTING_ACCELERATION": self = .vestingAcceleration(try Tx.Vesting(json: object))
    default: self = .other
    }
  }
}

extension OCFTransaction.StockIssuance {
  /// Reads a TX_STOCK_ISSUANCE.
  init(json object: OCFJSONObject) throws {
    securityId = try object.string("security_id")
    stakeholderId = try object.string("stakeholder_id")
    stockClassId = try object.string("stock_class_id")
    quantity = try object.numeric("quantity")
    sharePrice = try object.optionalMonetary("share_price")
    vestingTermsId = try object.optionalString("vesting_terms_id")
    customId = try object.optionalString("custom_id")
    vestings = try object.decoded([OCFTransaction.ScheduledVesting].self, "vestings")
  }
}

extension OCFTransaction.EquityCompensationIssuance {
  /// Reads a TX_EQUITY_COMPENSATION_ISSUANCE.
  init(json object: OCFJSONObject) throws {
    securityId = try object.string("security_id")
    stakeholderId = try object.string("stakeholder_id")
    stockPlanId = try object.optionalString("stock_plan_id")
    stockClassId = try object.optionalString("stock_class_id")
    quantity = try object.numeric("quantity")
    exercisePrice = try object.optionalMonetary("exercise_price")
    compensationType = try object.optionalString("compensation_type")
    expirationDate = try object.optionalDate("expiration_date")
    vestingTermsId = try object.optionalString("vesting_terms_id")
    vestings = try object.decoded([OCFTransaction.ScheduledVesting].self, "vestings")
    customId = try object.optionalString("custom_id")
  }
}

extension OCFTransaction.Movement {
  /// Reads an exercise, transfer, cancellation, repurchase, reissuance, conversion or
  /// retraction.
  init(json object: OCFJSONObject) throws {
    securityId = try object.string("security_id")
    quantity = try object.optionalNumeric("quantity")
    quantityConverted = try object.optionalNumeric("quantity_converted")
    resultingSecurityIds = try object.optionalStrings("resulting_security_ids")
    balanceSecurityId = try object.optionalString("balance_security_id")
    price = try object.optionalMonetary("price")
    reasonText = try object.optionalString("reason_text")
    splitTransactionId = try object.optionalString("split_transaction_id")
  }
}

extension OCFTransaction.Vesting {
  /// Reads a vesting start, event or acceleration.
  init(json object: OCFJSONObject) throws {
    securityId = try object.string("security_id")
    vestingConditionId = try object.optionalString("vesting_condition_id")
    quantity = try object.optionalNumeric("quantity")
    reasonText = try object.optionalString("reason_text")
  }
}

extension OCFTransaction {
  /// The common `object_type`s as string literals, which need no reference counting when the
  /// transaction is copied (a parsed name longer than 15 bytes is a heap object).
  static func shared(_ type: String) -> String {
    switch type {
    case "TX_STOCK_ISSUANCE": "TX_STOCK_ISSUANCE"
    case "TX_VESTING_START": "TX_VESTING_START"
    case "TX_EQUITY_COMPENSATION_ISSUANCE": "TX_EQUITY_COMPENSATION_ISSUANCE"
    case "TX_EQUITY_COMPENSATION_EXERCISE": "TX_EQUITY_COMPENSATION_EXERCISE"
    case "TX_STOCK_TRANSFER": "TX_STOCK_TRANSFER"
    case "TX_STOCK_REPURCHASE": "TX_STOCK_REPURCHASE"
    case "TX_EQUITY_COMPENSATION_CANCELLATION": "TX_EQUITY_COMPENSATION_CANCELLATION"
    case "TX_STOCK_CANCELLATION": "TX_STOCK_CANCELLATION"
    default: type
    }
  }
}
