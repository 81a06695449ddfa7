import FuzzDriver
import MailAuth

/// One input: the first byte picks what to exercise, the rest is the record text
/// (split on NUL into several TXT values where a list is wanted).
/// SwiftPM links an executable's entry point as `<Target>_main`; hand the process to libFuzzer.
@_cdecl("FuzzMailAuth_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMailAuth(data, size) }
}

func fuzzMailAuth(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let selector = data[0]
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let text = String(decoding: rest, as: UTF8.self)
    let parts = rest.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }

    switch selector % 6 {
    case 0:
        // SPF: lossless text, problems, lookups.
        if let record = SPFRecord(text) {
            guard record.text == text else { fatalError("SPF text does not round-trip") }
            _ = record.syntaxProblems
            _ = record.lookupTerms
        }
        _ = SPFFold.fold(parts)
    case 1:
        // SPF merge of an include into the existing records.
        let include = parts.first ?? ""
        let outcome = SPFMerge.merge(includeDomains: [include, "qcloudmail.com"], existing: Array(parts.dropFirst()))
        if case .changed(let record, _) = outcome {
            guard let merged = SPFRecord(record), merged.syntaxProblems.isEmpty else {
                fatalError("SPF merge produced a broken record: \(record)")
            }
            _ = outcome.strings
        }
    case 2:
        // DKIM key record.
        if let record = try? DKIMKeyRecord(text) {
            _ = try? record.publicKey()
        }
        _ = DKIMKeyRecord.problems(in: text)
        _ = DKIMComparison.compare(wanted: parts.first ?? "", published: Array(parts.dropFirst()))
    case 3:
        // DMARC record and its validation.
        if let record = try? DMARCRecord(text) {
            _ = record.policy
            _ = record.subdomainPolicy
            if let reparsed = try? DMARCRecord(record.text), reparsed.tags != record.tags {
                fatalError("DMARC text does not read back to the same tags")
            }
        }
        _ = DMARCRecord.problems(in: text)
    case 4:
        // DMARC merge: never weaker than what exists.
        let outcome = DMARCMerge.merge(wanted: parts.first ?? "", existing: Array(parts.dropFirst()))
        if case .changed(let record, _) = outcome {
            guard (try? DMARCRecord(record)) != nil else {
                fatalError("DMARC merge produced a broken record: \(record)")
            }
        }
    default:
        // TXT presentation: split, quote and read back.
        if let strings = try? TXTPresentation.split(text) {
            guard strings.joined() == text else { fatalError("TXT split loses text") }
            if let line = try? TXTPresentation.oneLine(strings) {
                guard let back = try? TXTPresentation.unquote(line), back == strings else {
                    fatalError("TXT oneLine does not read back: \(line)")
                }
            }
        }
        _ = try? TXTPresentation.unquote(text)
        _ = MXValue(text)
    }
    return 0
}
