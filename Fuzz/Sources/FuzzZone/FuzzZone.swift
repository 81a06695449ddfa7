import FuzzDriver
import ZoneFile

/// One input: a zone file. It must load without crashing, print back byte for byte
/// (the lossless property), and every record's RDATA must print to text that reads
/// back to the same wire. Read again as an "edited" copy of itself (apply's re-read
/// check), every record must pair with itself and the diagnostics must be the same.
/// SwiftPM links an executable's entry point as `<Target>_main`; hand the process to libFuzzer.
@_cdecl("FuzzZone_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzZone(data, size) }
}

func fuzzZone(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var options = LoadOptions()
    // Small limits keep each input fast; the limits themselves are unit-tested.
    options.maxGeneratedRecords = 2_000
    options.maxRecords = 20_000
    // $INCLUDE may not read the machine's files.
    options.includes = .refused
    let zone = ZoneLoader.load(bytes: bytes, path: "fuzz.zone", options: options)
    guard let file = zone.files.first, file.bytes == bytes else {
        fatalError("round trip failed: print(parse(x)) != x")
    }
    var previousEnd = 0
    for entry in file.entries {
        guard entry.range.lowerBound == previousEnd, entry.range.upperBound > entry.range.lowerBound else {
            fatalError("entries do not tile the file: \(entry.range) after \(previousEnd)")
        }
        previousEnd = entry.range.upperBound
    }
    guard previousEnd == bytes.count else { fatalError("entries end at \(previousEnd) of \(bytes.count)") }
    for diagnostic in zone.diagnostics {
        if let location = diagnostic.location, location.offset > bytes.count {
            fatalError("diagnostic past the end: \(diagnostic)")
        }
    }
    for record in zone.records {
        _ = record.description
        let text = record.rdata.presentation
        do {
            let again = try RData(type: record.type, presentation: text, origin: .root)
            guard again.wire == record.rdata.wire else {
                fatalError("RDATA \(record.type) '\(text)' reads back to other wire")
            }
        } catch {
            fatalError("RDATA \(record.type) printed as '\(text)' does not read back: \(error)")
        }
        _ = record.rdata.canonicalWire
    }
    var rereadOptions = options
    rereadOptions.overrides = ["fuzz.zone": bytes]
    let reread = ZoneLoader.reread(path: "fuzz.zone", options: rereadOptions, editedFrom: zone)
    guard reread.onlyOld.isEmpty, reread.onlyNew.isEmpty else {
        fatalError(
            "re-reading the same text left records unpaired: \(reread.onlyOld.count) old, \(reread.onlyNew.count) new")
    }
    guard reread.edited.diagnostics.map(\.message) == zone.diagnostics.map(\.message) else {
        fatalError("re-reading the same text gave other diagnostics")
    }
    return 0
}
