// libFuzzer entry point: the input is one OCF file of a small package (its first byte picks
// which: manifest, stakeholders, classes or transactions); the package is decoded, mapped and
// replayed. Any error is fine; a crash, a hang or a leak is a bug.
import CapstanModel
import CapstanOCF
import Foundation

let manifest = Data(
  """
  {"file_type":"OCF_MANIFEST_FILE","issuer":{"id":"i","legal_name":"Fuzz Co","formation_date":"2024-01-01"},
   "stakeholders_files":[{"filepath":"./Stakeholders.ocf.json"}],
   "stock_classes_files":[{"filepath":"./StockClasses.ocf.json"}],
   "stock_plans_files":[{"filepath":"./StockPlans.ocf.json"}],
   "transactions_files":[{"filepath":"./Transactions.ocf.json"}]}
  """.utf8)
let stakeholders = Data(
  #"{"file_type":"OCF_STAKEHOLDERS_FILE","items":[{"object_type":"STAKEHOLDER","id":"s1","name":{"legal_name":"A"},"stakeholder_type":"INDIVIDUAL"},{"object_type":"STAKEHOLDER","id":"s2","name":{"legal_name":"B"},"stakeholder_type":"INSTITUTION"}]}"#
    .utf8)
let classes = Data(
  #"{"file_type":"OCF_STOCK_CLASSES_FILE","items":[{"object_type":"STOCK_CLASS","id":"c1","name":"Common","class_type":"COMMON","initial_shares_authorized":"1000000","votes_per_share":"1","seniority":"1"}]}"#
    .utf8)
let plans = Data(
  #"{"file_type":"OCF_STOCK_PLANS_FILE","items":[{"object_type":"STOCK_PLAN","id":"p1","plan_name":"Plan","initial_shares_reserved":"100000","stock_class_ids":["c1"]}]}"#
    .utf8)
let transactions = Data(
  #"{"file_type":"OCF_TRANSACTIONS_FILE","items":[{"object_type":"TX_STOCK_ISSUANCE","id":"t1","date":"2024-01-02","security_id":"CS-1","stakeholder_id":"s1","stock_class_id":"c1","quantity":"1000","share_price":{"amount":"0.01","currency":"USD"}}]}"#
    .utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let which = bytes[0] % 4
  let input = Data(bytes: bytes + 1, count: count - 1)
  var files = [
    "Stakeholders.ocf.json": stakeholders, "StockClasses.ocf.json": classes,
    "StockPlans.ocf.json": plans, "Transactions.ocf.json": transactions,
  ]
  var root = manifest
  switch which {
  case 0: root = input
  case 1: files["Stakeholders.ocf.json"] = input
  case 2: files["StockClasses.ocf.json"] = input
  default: files["Transactions.ocf.json"] = input
  }
  do {
    let plan = try OCFImportPlan.map(
      try OCFPackage.decode(manifest: root, files: files),
      importedOn: CalendarDate(daysSinceEpoch: 20_000))
    let workspace = InMemoryWorkspace()
    _ = try workspace.write { draft in try plan.apply(to: &draft) }
  } catch {}
  return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's
// driver from there (libFuzzer's own `main` is then not linked).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("ocf_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { bytes, count in fuzz(bytes, count) }
}
