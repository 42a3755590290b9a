import CapstanModel
import Foundation

/// libFuzzer entry: any bytes as stored vesting terms (the JSON a workspace row holds) decode
/// to terms or an error; terms that pass `problem(for:)` are evaluated on dates across their
/// life, and must give a vested count from zero to the total, never trap or crawl (periods are
/// bounded by `Limits` before anything multiplies them).
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(bytes: data, count: size)
  guard let terms = try? JSONDecoder().decode(VestingTerms.self, from: bytes) else { return 0 }
  let total = Shares(1_000_000)
  guard terms.problem(for: total) == nil else { return 0 }
  for months in stride(from: -12, through: 1_212, by: 97) {
    let date = terms.start.adding(months: months)
    let vested = terms.vested(of: total, asOf: date)
    if vested < .zero || vested > total {
      fatalError("vested \(vested) of \(total) on \(date)")
    }
  }
  return 0
}
