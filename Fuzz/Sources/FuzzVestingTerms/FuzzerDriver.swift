// SwiftPM links an executable with `main` defined as `FuzzVestingTerms_main`; here that entry point
// hands over to libFuzzer's driver (linked by `-sanitize=fuzzer`), which then calls
// `LLVMFuzzerTestOneInput` with each input.

/// libFuzzer's entry point for programs that have their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The executable's entry point.
@_cdecl("FuzzVestingTerms_main")
func fuzzerMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in
    guard let data else { return 0 }
    return LLVMFuzzerTestOneInput(data, size)
  }
}
