import CapstanInterchange
import CapstanModel

/// libFuzzer entry: any bytes read as Capstan XML give an image or an `ImportError`; an image
/// is then written into an in-memory workspace, which must accept or refuse it cleanly.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let image = try? NativeXMLReader.read(bytes: bytes, name: "fuzz.xml") else { return 0 }
  let workspace = InMemoryWorkspace()
  _ = try? workspace.write { draft in try image.write(into: &draft) }
  return 0
}
