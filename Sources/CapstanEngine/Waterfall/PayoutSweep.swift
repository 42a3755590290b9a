import CapstanModel

/// Class payouts at many exit values, from the payouts' linear pieces.
///
/// Between two consecutive boundaries of the distributable line (zero, each rank filled, each
/// knot of the common line) no class converts, reaches its cap or sees options come into the
/// money, so every output of `ClassPayouts` is a + b × D in the distributable proceeds D. The
/// table reads a and b off two exact evaluations inside each segment; a sweep then walks its
/// (ascending) exit values through the segments and evaluates the lines, in 64-bit integers
/// when the numbers are small and in exact `Ratio` arithmetic otherwise. A value on a boundary
/// is evaluated by `classPayouts(at:)`. Either way the result is the exact payout.
struct PayoutSweep {
  /// One output on one segment: a + b × D, with a and b over a common denominator q when
  /// a × q, b × q and q fit in 64 bits.
  struct Line {
    let intercept: Ratio
    let slope: Ratio
    let scaled: (intercept: Int64, slope: Int64, denominator: Int64)?

    init(intercept: Ratio, slope: Ratio) {
      self.intercept = intercept
      self.slope = slope
      scaled = Line.scale(intercept, slope)
    }

    static func scale(_ a: Ratio, _ b: Ratio) -> (Int64, Int64, Int64)? {
      guard let a = PayoutSweep.parts(a), let b = PayoutSweep.parts(b) else { return nil }
      let g = Int64(PayoutSweep.gcd(UInt64(a.denominator), UInt64(b.denominator)))
      let (q, overflow) = (a.denominator / g).multipliedReportingOverflow(by: b.denominator)
      guard !overflow else { return nil }
      let qa = a.numerator.multipliedReportingOverflow(by: q / a.denominator)
      let qb = b.numerator.multipliedReportingOverflow(by: q / b.denominator)
      guard !qa.overflow, !qb.overflow else { return nil }
      return (qa.partialValue, qb.partialValue, q)
    }

    /// a + b × D, exactly; `parts` is D as a 64-bit fraction when it is one.
    func value(at d: Ratio, parts: (numerator: Int64, denominator: Int64)?) -> Ratio {
      if slope.isZero { return intercept }
      if let parts, let scaled {
        let numerator =
          Int128(scaled.intercept) * Int128(parts.denominator) + Int128(scaled.slope)
          * Int128(parts.numerator)
        let denominator = Int128(scaled.denominator) * Int128(parts.denominator)
        if let value = PayoutSweep.ratio(numerator, denominator) { return value }
      }
      return intercept + slope * d
    }
  }

  /// Every output on one segment.
  struct Segment {
    let commonPerShare: Line
    let classes: [Line]
    let convertibles: [Line]
    let options: Line
    let converted: [String]
  }

  let schedule: PayoutSchedule
  /// Segment boundaries on the distributable line, ascending and distinct (the first is 0).
  let boundaries: [Ratio]
  /// `segments[i]` holds strictly between `boundaries[i]` and `boundaries[i + 1]` (the last
  /// segment has no upper end).
  let segments: [Segment]

  init(_ schedule: PayoutSchedule) {
    self.schedule = schedule
    let waterfall = schedule.waterfall
    var points: [Ratio] = [.zero]
    var filled = Ratio.zero
    for rank in waterfall.ranks {
      filled += Ratio.sum(rank.map { waterfall.claims[$0].preference })
      points.append(filled)
    }
    points += schedule.knotDistributable
    var boundaries: [Ratio] = []
    for point in points.sorted() where boundaries.last != point { boundaries.append(point) }
    self.boundaries = boundaries

    var segments: [Segment] = []
    segments.reserveCapacity(boundaries.count)
    for index in boundaries.indices {
      let low = boundaries[index]
      let width = index + 1 < boundaries.count ? boundaries[index + 1] - low : Ratio(3)
      let x1 = low + width / Ratio(3)
      let x2 = low + width * Ratio(2) / Ratio(3)
      let p1 = schedule.payouts(distributable: x1)
      let p2 = schedule.payouts(distributable: x2)
      func line(_ y1: Ratio, _ y2: Ratio) -> Line {
        let b = (y2 - y1) / (x2 - x1)
        return Line(intercept: y1 - b * x1, slope: b)
      }
      segments.append(
        Segment(
          commonPerShare: line(p1.commonPerShare, p2.commonPerShare),
          classes: zip(p1.classes, p2.classes).map(line),
          convertibles: zip(p1.convertibles, p2.convertibles).map(line),
          options: line(p1.options, p2.options), converted: p1.converted))
    }
    self.segments = segments
  }

  /// The class payouts at each of `exitValues` (each ≥ 0), in their order; fastest ascending.
  func payouts(_ exitValues: [Ratio]) throws(WaterfallError) -> [ClassPayouts] {
    let deductions = schedule.waterfall.deductions
    var result: [ClassPayouts] = []
    result.reserveCapacity(exitValues.count)
    var cursor = 0
    for exitValue in exitValues {
      let exit = ExitProceeds(exitValue, deductions: deductions)
      let d = deductions == .none ? exitValue : exit.distributable
      if d < boundaries[cursor] { cursor = segment(containing: d) }
      while cursor + 1 < boundaries.count, boundaries[cursor + 1] <= d { cursor += 1 }
      if d == boundaries[cursor] {
        result.append(try schedule.classPayouts(at: exitValue))
        continue
      }
      let parts = PayoutSweep.parts(d)
      let segment = segments[cursor]
      result.append(
        ClassPayouts(
          exit: exit, commonPerShare: segment.commonPerShare.value(at: d, parts: parts),
          classes: segment.classes.map { $0.value(at: d, parts: parts) },
          convertibles: segment.convertibles.map { $0.value(at: d, parts: parts) },
          options: segment.options.value(at: d, parts: parts), converted: segment.converted))
    }
    return result
  }

  /// The index of the last boundary at or below `d` (≥ 0).
  func segment(containing d: Ratio) -> Int {
    var low = 0
    var high = boundaries.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if boundaries[mid] <= d { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// `value` as a 64-bit numerator and denominator, when both fit.
  static func parts(_ value: Ratio) -> (numerator: Int64, denominator: Int64)? {
    guard let numerator = Int64(exactly: value.numerator),
      let denominator = Int64(exactly: value.denominator)
    else { return nil }
    return (numerator, denominator)
  }

  /// numerator ÷ denominator (denominator > 0) when the denominator reduces to 64 bits and
  /// the integer part fits in 64 bits; nil otherwise.
  static func ratio(_ numerator: Int128, _ denominator: Int128) -> Ratio? {
    if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
      return Ratio(n, d)
    }
    guard let d = UInt64(exactly: denominator) else { return nil }
    let magnitude = numerator.magnitude
    let g = gcd(UInt64(magnitude % UInt128(d)), d)
    let n = numerator / Int128(g)
    guard let reduced = Int64(exactly: d / g) else { return nil }
    if let small = Int64(exactly: n) { return Ratio(small, reduced) }
    // A value beyond 64-bit terms: its integer part plus the fraction left, one exact sum.
    let (whole, fraction) = n.quotientAndRemainder(dividingBy: Int128(reduced))
    guard let whole = Int64(exactly: whole), let fraction = Int64(exactly: fraction) else {
      return nil
    }
    return Ratio(whole) + Ratio(fraction, reduced)
  }

  /// The greatest common divisor by Stein's binary algorithm; `gcd(0, b)` is `b`.
  static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
    if a == 0 { return b }
    if b == 0 { return a }
    let shift = (a | b).trailingZeroBitCount
    var x = a >> a.trailingZeroBitCount
    var y = b
    repeat {
      y >>= y.trailingZeroBitCount
      if x > y { swap(&x, &y) }
      y -= x
    } while y != 0
    return x << shift
  }
}
