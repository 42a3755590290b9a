import CapstanModel

/// `Manifest.ocf.json`: the issuer and the list of the package's files.
public struct OCFManifest: Sendable, Decodable {
  /// The OCF version the package claims.
  public var ocfVersion: String?
  /// `OCF_MANIFEST_FILE`.
  public var fileType: String
  /// The company.
  public var issuer: Issuer
  /// The files, in the order listed, by kind.
  public var files: [String]
  /// The md5 checksum the manifest gives each file, by the name listed (lowercased hex).
  public var checksums: [String: String]

  /// The ISSUER object.
  public struct Issuer: Sendable, Decodable {
    /// The OCF id.
    public var id: String
    /// The legal name.
    public var legalName: String
    /// Date of formation.
    public var formationDate: OCFDate?
    /// ISO country code.
    public var countryOfFormation: String?

    enum CodingKeys: String, CodingKey {
      case id
      case legalName = "legal_name"
      case formationDate = "formation_date"
      case countryOfFormation = "country_of_formation"
    }
  }

  /// The manifest keys that list files, in the order their objects are needed.
  static let fileKeys = [
    "stakeholders_files", "stock_classes_files", "stock_plans_files", "vesting_terms_files",
    "valuations_files", "stock_legend_templates_files", "documents_files", "financings_files",
    "transactions_files",
  ]

  struct FileReference: Decodable {
    var filepath: String
    var md5: String?
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decodes the manifest; every `*_files` list is read.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    ocfVersion = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "ocf_version"))
    fileType = try container.decode(String.self, forKey: Key(stringValue: "file_type"))
    issuer = try container.decode(Issuer.self, forKey: Key(stringValue: "issuer"))
    var files: [String] = []
    var checksums: [String: String] = [:]
    let known = Set(OCFManifest.fileKeys)
    let extra = container.allKeys.map(\.stringValue).filter {
      $0.hasSuffix("_files") && !known.contains($0)
    }
    .sorted()
    for key in OCFManifest.fileKeys + extra {
      let references =
        try container.decodeIfPresent([FileReference].self, forKey: Key(stringValue: key)) ?? []
      files += references.map(\.filepath)
      for reference in references { checksums[reference.filepath] = reference.md5?.lowercased() }
    }
    self.files = files
    self.checksums = checksums
  }
}
