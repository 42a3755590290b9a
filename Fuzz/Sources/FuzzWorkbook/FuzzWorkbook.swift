import CapstanInterchange
import Foundation

/// libFuzzer entry: any bytes as an .xlsx package give a sheet or an `ImportError` (zip
/// damage, zip bombs, bad paths, bad XML), and a sheet's header search and rows likewise.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "capstan-fuzz-\(getpid()).xlsx")
  guard (try? Data(bytes: data, count: size).write(to: path)) != nil else { return 0 }
  defer { try? FileManager.default.removeItem(at: path) }
  guard let grid = try? XLSXReader.read(path: path.path, sheet: nil, name: "fuzz.xlsx"),
    let mapping = try? SheetMapping.find(in: grid)
  else { return 0 }
  _ = try? SheetImport(grid: grid, mapping: mapping)
  return 0
}
