import CapstanModel
import CapstanZip
import Foundation
import ZIPFoundation

/// An Open Cap Format package read into memory: the manifest and each listed file's items.
public struct OCFPackage: Sendable {
  /// Where it was read from (for messages).
  public var source: String
  /// The manifest.
  public var manifest: OCFManifest
  /// The files, in manifest order: name as listed, and its items.
  public var files: [(name: String, items: [OCFObject])]
  /// The files whose md5 is not the one the manifest lists: name, listed, computed.
  public var checksumMismatches: [(file: String, listed: String, computed: String)] = []

  /// Reads a folder, a `Manifest.ocf.json` or an `.ocf.zip`, refusing anything hostile.
  public static func read(path: String, limits: OCFLimits = .standard) throws -> OCFPackage {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw OCFError.unreadable(path: path, reason: "no such file or folder")
    }
    let reader: any OCFFileReader
    if isFolder.boolValue {
      reader = try OCFFolderReader(folder: URL(fileURLWithPath: path), limits: limits)
    } else if path.lowercased().hasSuffix(".zip") {
      reader = try OCFZipReader(url: URL(fileURLWithPath: path), limits: limits)
    } else if path.hasSuffix(".json") {
      let url = URL(fileURLWithPath: path)
      reader = try OCFFolderReader(
        folder: url.deletingLastPathComponent(), manifestName: url.lastPathComponent,
        limits: limits)
    } else {
      throw OCFError.unreadable(
        path: path, reason: "expected a folder, a Manifest.ocf.json or an .ocf.zip")
    }
    return try read(from: reader, source: path)
  }

  /// Decodes a package held in memory: the manifest's bytes and each listed file's, by the
  /// name the manifest gives (fuzzing and tests).
  public static func decode(manifest: Data, files: [String: Data]) throws -> OCFPackage {
    try read(from: OCFMemoryReader(manifest: manifest, files: files), source: "(memory)")
  }

  static func read(from reader: any OCFFileReader, source: String) throws -> OCFPackage {
    let manifestName = reader.manifestName
    let manifestData = try reader.data(for: manifestName)
    let manifest: OCFManifest
    do {
      manifest = try OCFJSONDecoder.decode(OCFManifest.self, from: manifestData)
    } catch {
      throw OCFPackage.describe(error, file: manifestName, data: manifestData)
    }
    guard manifest.fileType == "OCF_MANIFEST_FILE" else {
      throw OCFError.malformed(
        file: manifestName, item: nil, field: "file_type",
        expected: "OCF_MANIFEST_FILE, found \(manifest.fileType)")
    }
    var files: [(name: String, items: [OCFObject])] = []
    var mismatches: [(file: String, listed: String, computed: String)] = []
    for name in manifest.files {
      let data = try reader.data(for: name)
      if let listed = manifest.checksums[name], !listed.isEmpty {
        let computed = OCFMD5.hex(data)
        if computed != listed { mismatches.append((name, listed, computed)) }
      }
      files.append((name, try items(of: data, file: name)))
    }
    var package = OCFPackage(source: source, manifest: manifest, files: files)
    package.checksumMismatches = mismatches
    return package
  }

  /// Reads an OCF file's items straight from the parsed tree; an error names the file, the
  /// item (by its id) and the field, as `describe` does for the manifest.
  static func items(of data: Data, file: String) throws -> [OCFObject] {
    let root: OCFJSONValue
    do {
      root = try OCFJSONParser.parse(data)
    } catch let error as OCFJSONSyntaxError {
      throw OCFError.malformed(
        file: file, item: nil, field: nil, expected: "well-formed JSON (\(error))")
    }
    let elements: [OCFJSONValue]
    do {
      let object = try OCFJSONObject(root)
      _ = try object.string("file_type")
      guard case .array(let items) = try object.required("items") else {
        throw OCFFieldError(path: ["items"], expected: "a value of type Array<Any>")
      }
      elements = items
    } catch let error as OCFFieldError {
      throw OCFError.malformed(
        file: file, item: nil, field: error.path.isEmpty ? nil : error.path.joined(separator: "."),
        expected: error.expected)
    }
    var items: [OCFObject] = []
    items.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      do {
        items.append(try OCFObject(json: element))
      } catch let error as OCFFieldError {
        var item = "#\(index + 1)"
        if case .object(let members) = element,
          case .string(let id)? = members.first(where: { $0.key == "id" })?.value
        {
          item = id
        }
        throw OCFError.malformed(
          file: file, item: item,
          field: error.path.isEmpty ? nil : error.path.joined(separator: "."),
          expected: error.expected)
      }
    }
    return items
  }

  /// Turns a decoding error into one that names the file, the item id and the field.
  static func describe(_ error: any Error, file: String, data: Data) -> OCFError {
    guard let decoding = error as? DecodingError else {
      return .malformed(file: file, item: nil, field: nil, expected: "JSON (\(error))")
    }
    let path: [any CodingKey]
    let expected: String
    switch decoding {
    case .dataCorrupted(let context):
      path = context.codingPath
      expected =
        context.codingPath.isEmpty
        ? "well-formed JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
        : context.debugDescription
    case .keyNotFound(let key, let context):
      path = context.codingPath + [key]
      expected = "a value for '\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      path = context.codingPath
      expected = "a value of type \(type)"
    case .valueNotFound(let type, let context):
      path = context.codingPath
      expected = "a value of type \(type), found null"
    @unknown default:
      return .malformed(file: file, item: nil, field: nil, expected: "valid OCF JSON")
    }
    var item: String?
    var field: [String] = []
    if path.count >= 2, path[0].stringValue == "items", let index = path[1].intValue {
      let ids = try? OCFJSONDecoder.decode(OCFItemIDs.self, from: data)
      item = ids.flatMap { index < $0.items.count ? $0.items[index].id : nil } ?? "#\(index + 1)"
      field = path.dropFirst(2).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
    } else {
      field = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
    }
    return .malformed(
      file: file, item: item, field: field.isEmpty ? nil : field.joined(separator: "."),
      expected: expected)
  }
}

/// Reads the files of a package by the names its manifest gives.
protocol OCFFileReader {
  /// The manifest's name.
  var manifestName: String { get }
  /// A file's bytes; refuses names outside the package.
  func data(for name: String) throws -> Data
}

/// A package in memory.
struct OCFMemoryReader: OCFFileReader {
  let manifest: Data
  let files: [String: Data]
  var manifestName: String { "Manifest.ocf.json" }

  func data(for name: String) throws -> Data {
    if name == manifestName { return manifest }
    let relative = try OCFPath.normalized(name, manifest: manifestName)
    guard let data = files[relative] ?? files[name] else {
      throw OCFError.badFileReference(manifest: manifestName, path: name, reason: "is not there")
    }
    return data
  }
}

/// A package in a folder.
final class OCFFolderReader: OCFFileReader {
  let folder: URL
  let manifestName: String
  let limits: OCFLimits
  private var budget: Int64

  init(folder: URL, manifestName: String = "Manifest.ocf.json", limits: OCFLimits) throws {
    self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
    self.manifestName = manifestName
    self.limits = limits
    self.budget = limits.maxTotalBytes
    guard
      FileManager.default.fileExists(atPath: self.folder.appendingPathComponent(manifestName).path)
    else {
      throw OCFError.unreadable(path: folder.path, reason: "no \(manifestName) in the folder")
    }
  }

  func data(for name: String) throws -> Data {
    let relative = try OCFPath.normalized(name, manifest: manifestName)
    let url = folder.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
    guard url.path.hasPrefix(folder.path + "/") else {
      throw OCFError.badFileReference(
        manifest: manifestName, path: name, reason: "points outside the package folder")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    guard let size = (attributes?[.size] as? NSNumber)?.int64Value,
      attributes?[.type] as? FileAttributeType == .typeRegular
    else {
      throw OCFError.badFileReference(manifest: manifestName, path: name, reason: "is not there")
    }
    guard size <= budget else {
      throw OCFError.badFileReference(
        manifest: manifestName, path: name,
        reason: "makes the package larger than \(limits.maxTotalBytes) bytes")
    }
    budget -= size
    do {
      return try Data(contentsOf: url)
    } catch {
      throw OCFError.badFileReference(manifest: manifestName, path: name, reason: "cannot be read")
    }
  }
}

/// A package in a zip archive, read with caps on size and compression ratio.
final class OCFZipReader: OCFFileReader {
  let archive: Archive
  let path: String
  let limits: OCFLimits
  let manifestName: String
  private let prefix: String
  private var entries: [String: Entry] = [:]
  private var budget: Int64

  init(url: URL, limits: OCFLimits) throws {
    path = url.path
    self.limits = limits
    budget = limits.maxTotalBytes
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw OCFError.badArchive(path: url.path, reason: "truncated or not a zip file (\(error))")
    }
    let listed: [Entry]
    do {
      listed = try ZipIntegrity.entries(
        of: archive, at: url, maximumEntries: limits.maxEntries)
    } catch {
      throw OCFError.badArchive(path: url.path, reason: error.description)
    }
    var count = 0
    for entry in listed {
      count += 1
      guard count <= limits.maxEntries else {
        throw OCFError.badArchive(path: url.path, reason: "more than \(limits.maxEntries) entries")
      }
      let name = entry.path
      let parts = name.split(separator: "/", omittingEmptySubsequences: false)
      guard !name.hasPrefix("/"), !name.contains("\\"), !parts.contains(".."), !name.contains("\0")
      else {
        throw OCFError.badArchive(
          path: url.path, reason: "entry '\(name)' points outside the archive")
      }
      if entry.type == .file { entries[name] = entry }
      if entry.type == .symlink {
        throw OCFError.badArchive(path: url.path, reason: "entry '\(name)' is a symbolic link")
      }
    }
    // The manifest at the root, or in the archive's single top folder.
    if entries["Manifest.ocf.json"] != nil {
      prefix = ""
    } else if let nested = entries.keys.filter({ $0.hasSuffix("/Manifest.ocf.json") }).min(by: {
      $0.count < $1.count
    }) {
      prefix = String(nested.dropLast("Manifest.ocf.json".count))
    } else {
      throw OCFError.badArchive(path: url.path, reason: "no Manifest.ocf.json inside")
    }
    manifestName = "Manifest.ocf.json"
  }

  func data(for name: String) throws -> Data {
    let relative = try OCFPath.normalized(name, manifest: manifestName)
    guard let entry = entries[prefix + relative] else {
      throw OCFError.badFileReference(
        manifest: manifestName, path: name, reason: "is not in the archive")
    }
    let declared = Int64(clamping: entry.uncompressedSize)
    let compressed = max(Int64(clamping: entry.compressedSize), 1)
    guard declared <= budget else {
      throw OCFError.badArchive(
        path: path,
        reason: "'\(name)' makes the package larger than \(limits.maxTotalBytes) bytes")
    }
    if declared > limits.ratioFloorBytes && declared / compressed > limits.maxCompressionRatio {
      throw OCFError.badArchive(
        path: path,
        reason:
          "'\(name)' expands \(declared / compressed) times (more than \(limits.maxCompressionRatio)): a zip bomb?"
      )
    }
    var data = Data()
    data.reserveCapacity(Int(declared))
    let cap = declared
    do {
      try ZipIntegrity.extract(entry, from: archive) { chunk in
        guard Int64(data.count + chunk.count) <= cap else { throw OCFZipOverrun() }
        data.append(chunk)
      }
    } catch is OCFZipOverrun {
      throw OCFError.badArchive(
        path: path, reason: "'\(name)' holds more than its declared \(declared) bytes")
    } catch let integrity as ZipIntegrityError {
      throw OCFError.badArchive(path: path, reason: integrity.description)
    } catch {
      throw OCFError.badArchive(path: path, reason: "'\(name)' is damaged (\(error))")
    }
    guard Int64(data.count) == declared else {
      throw OCFError.badArchive(path: path, reason: "'\(name)' is truncated")
    }
    budget -= declared
    return data
  }
}

struct OCFZipOverrun: Error {}

/// Checks the paths a manifest names.
enum OCFPath {
  /// `./Stakeholders.ocf.json` → `Stakeholders.ocf.json`; refuses absolute paths and `..`.
  static func normalized(_ name: String, manifest: String) throws -> String {
    let parts = name.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    guard !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0"), !parts.isEmpty,
      !parts.contains("..")
    else {
      throw OCFError.badFileReference(
        manifest: manifest, path: name, reason: "points outside the package folder")
    }
    return parts.joined(separator: "/")
  }
}
