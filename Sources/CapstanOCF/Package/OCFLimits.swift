/// Caps that keep a hostile package from exhausting memory or time.
public struct OCFLimits: Sendable {
  /// Most bytes read from all files of a package together (uncompressed).
  public var maxTotalBytes: Int64
  /// Highest compression ratio accepted for a zip entry larger than `ratioFloorBytes`.
  public var maxCompressionRatio: Int64
  /// Entries smaller than this are not checked for their ratio (tiny JSON compresses well).
  public var ratioFloorBytes: Int64
  /// Most entries in a zip archive.
  public var maxEntries: Int

  /// The defaults: 512 MB in all, ratio 200:1 above 1 MB, 10,000 entries.
  public static let standard = OCFLimits(
    maxTotalBytes: 512 << 20, maxCompressionRatio: 200, ratioFloorBytes: 1 << 20,
    maxEntries: 10_000)

  /// Limits.
  public init(
    maxTotalBytes: Int64, maxCompressionRatio: Int64, ratioFloorBytes: Int64, maxEntries: Int
  ) {
    self.maxTotalBytes = maxTotalBytes
    self.maxCompressionRatio = maxCompressionRatio
    self.ratioFloorBytes = ratioFloorBytes
    self.maxEntries = maxEntries
  }
}
