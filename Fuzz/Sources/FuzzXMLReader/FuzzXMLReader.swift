import CapstanXML

/// libFuzzer entry: any bytes through the hardened reader must end in events or an
/// `XMLReadError`, never a crash, a hang or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let reader = try? XMLStreamReader(bytes: bytes, name: "fuzz.xml") else { return 0 }
  var events = 0
  while (try? reader.next()) != nil {
    events += 1
    if events > 1_000_000 { break }
  }
  return 0
}
