/// BIND's `$GENERATE range lhs [ttl] [class] type rhs`: one record per value of
/// the range, `$` in lhs and rhs replaced by the value, `${offset,width,base}`
/// with base d, o, x, X, n or N (nibbles, for reverse zones), `$$` and `\$` a literal `$`.
extension LoaderState {
    mutating func generate(
        source: SourceFile, arguments: [Token], entryStart: Int, directiveOffset: Int,
        context: inout FileContext
    ) -> Bool {
        let bytes = source.bytes
        guard arguments.count >= 4 else {
            report(.generateArgumentsMissing, source: source, offset: directiveOffset)
            return false
        }
        let rangeToken = arguments[0]
        guard let range = GenerateRange(ArraySlice(bytes[rangeToken.start..<rangeToken.end])) else {
            report(
                .generateRange(text: source.text(rangeToken.start..<rangeToken.end)), source: source,
                offset: rangeToken.start)
            return false
        }
        let lhsToken = arguments[1]
        var cursor = 2
        guard
            let prefix = bytes.withUnsafeBufferPointer({ buffer in
                arguments.withUnsafeBufferPointer { arguments in
                    readTTLAndClass(
                        arguments, cursor: &cursor, end: arguments.count - 2, wordsOnly: false, source: source,
                        buffer: buffer)
                }
            })
        else { return false }
        guard arguments.count - cursor == 2 else {
            report(
                .generateArgumentsMisplaced, source: source, offset: arguments[min(cursor, arguments.count - 1)].start)
            return false
        }
        let typeToken = arguments[cursor]
        guard let type = RRType.parse(bytes[typeToken.start..<typeToken.end]) else {
            report(
                .generateUnknownType(text: source.text(typeToken.start..<typeToken.end)), source: source,
                offset: typeToken.start)
            return false
        }
        if type.isMetaType {
            report(.generateMetaType(type: type), source: source, offset: typeToken.start)
            return false
        }
        guard let origin = context.origin else {
            report(.generateWithoutOrigin, source: source, offset: directiveOffset)
            return false
        }
        let rhsToken = arguments[cursor + 1]
        let lhs = Array(bytes[lhsToken.start..<lhsToken.end])
        let rhs = Array(bytes[rhsToken.start..<rhsToken.end])
        // Check both templates once so a bad modifier is one error, not one per value.
        for (template, token) in [(lhs, lhsToken), (rhs, rhsToken)] {
            if case .failure(let failure) = GenerateTemplate.expand(template, value: range.start) {
                report(.generateTemplate(reason: failure.message), source: source, offset: token.start)
                return false
            }
        }
        guard range.count <= policy.options.maxGeneratedRecords else {
            report(
                .generateTooLarge(count: range.count, limit: policy.options.maxGeneratedRecords), source: source,
                offset: rangeToken.start)
            return false
        }
        guard range.count <= policy.options.maxGeneratedRecordsTotal - tally.generatedRecords else {
            report(
                .generateOverZoneTotal(
                    count: range.count, made: tally.generatedRecords, limit: policy.options.maxGeneratedRecordsTotal),
                source: source, offset: rangeToken.start)
            return false
        }
        tally.generatedRecords += range.count
        records.beginGenerate(entryStart: entryStart)
        for value in range.values {
            var ownerText: [UInt8] = []
            var rdataText: [UInt8] = []
            switch (GenerateTemplate.expand(lhs, value: value), GenerateTemplate.expand(rhs, value: value)) {
            case (.success(let owner), .success(let rdata)):
                ownerText = owner
                rdataText = rdata
            case (.failure(let failure), _), (_, .failure(let failure)):
                report(.generateTemplate(reason: failure.message), source: source, offset: lhsToken.start)
                return false
            }
            guard
                let ownerID = ownerText.withUnsafeBufferPointer({ text in
                    readName(
                        text, source: source, offset: lhsToken.start, context: &context, what: "generated owner")
                })
            else { return false }
            let arenaStart = generatedText.count
            generatedText.append(contentsOf: rdataText)
            let fields = RDataField.split(rdataText, range: rdataText.indices)
            do {
                try encodeGeneralRData(type: type, fields: fields, origin: origin)
            } catch {
                report(
                    .generateRData(
                        type: type, text: String(decoding: rdataText, as: UTF8.self), reason: error.message),
                    source: source, offset: rhsToken.start)
                return false
            }
            guard
                addRecord(
                    owner: ownerID, ttl: prefix.ttl, ttlOffset: prefix.ttlOffset, rrClass: prefix.rrClass, type: type,
                    rdataRange: arenaStart..<generatedText.count, entryStart: entryStart, flags: [.generated],
                    source: source, fileIndex: context.fileIndex, originID: context.originID,
                    ownerOffset: lhsToken.start)
            else { return false }
        }
        return true
    }
}

/// `START-STOP[/STEP]`, all non-negative 31-bit integers; iteration stops before overflowing.
struct GenerateRange {
    let start: Int
    let stop: Int
    let step: Int

    init?(_ text: ArraySlice<UInt8>) {
        let string = String(decoding: text, as: UTF8.self)
        let stepParts = string.split(separator: "/", omittingEmptySubsequences: false)
        guard stepParts.count <= 2 else { return nil }
        let bounds = stepParts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let start = GenerateRange.number(bounds[0]),
            let stop = GenerateRange.number(bounds[1]),
            start <= stop
        else { return nil }
        var step = 1
        if stepParts.count == 2 {
            guard let value = GenerateRange.number(stepParts[1]), value >= 1 else { return nil }
            step = value
        }
        self.start = start
        self.stop = stop
        self.step = step
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 10, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(text), value <= Int(Int32.max)
        else { return nil }
        return value
    }

    var count: Int { (stop - start) / step + 1 }

    var values: StrideThrough<Int> { stride(from: start, through: stop, by: step) }
}

/// Expands one `$GENERATE` template for a value.
enum GenerateTemplate {
    struct Failure: Error {
        var message: String
    }

    static func expand(_ template: [UInt8], value: Int) -> Result<[UInt8], GenerateTemplate.Failure> {
        var output: [UInt8] = []
        var i = 0
        while i < template.count {
            let byte = template[i]
            if byte == 0x5C {  // backslash: copy it and the next byte, the name reader decodes them
                output.append(byte)
                if i + 1 < template.count { output.append(template[i + 1]) }
                i += 2
                continue
            }
            guard byte == UInt8(ascii: "$") else {
                output.append(byte)
                i += 1
                continue
            }
            if i + 1 < template.count, template[i + 1] == UInt8(ascii: "$") {
                output.append(byte)
                i += 2
                continue
            }
            var offset = 0
            var width = 0
            var base: UInt8 = UInt8(ascii: "d")
            i += 1
            if i < template.count, template[i] == UInt8(ascii: "{") {
                guard let close = template[i...].firstIndex(of: UInt8(ascii: "}")) else {
                    return .failure(
                        Failure(
                            message:
                                "modifier '\(String(decoding: template[(i - 1)...], as: UTF8.self))' has no closing '}'"
                        ))
                }
                let inner = String(decoding: template[(i + 1)..<close], as: UTF8.self)
                let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
                guard (1...3).contains(parts.count), let parsedOffset = Int(parts[0]) else {
                    return .failure(Failure(message: "bad modifier '${\(inner)}'; write ${offset[,width[,base]]}"))
                }
                offset = parsedOffset
                if parts.count >= 2 {
                    guard let parsedWidth = Int(parts[1]), parsedWidth >= 0, parsedWidth <= 255 else {
                        return .failure(Failure(message: "bad width in modifier '${\(inner)}'"))
                    }
                    width = parsedWidth
                }
                if parts.count == 3 {
                    guard parts[2].utf8.count == 1, let letter = parts[2].utf8.first,
                        Array("doxXnN".utf8).contains(letter)
                    else {
                        return .failure(Failure(message: "bad base in modifier '${\(inner)}'; use d, o, x, X, n or N"))
                    }
                    base = letter
                }
                i = close + 1
            }
            // The offset is any Int the file wrote: add with overflow checking, then keep to BIND's 32 bits.
            let (sum, overflow) = value.addingReportingOverflow(offset)
            guard !overflow, sum <= Int(Int32.max), sum >= Int(Int32.min) else {
                return .failure(Failure(message: "value \(value) plus offset \(offset) is out of range"))
            }
            let number = UInt32(bitPattern: Int32(sum))
            output.append(contentsOf: format(number, signed: Int32(sum), width: width, base: base))
        }
        return .success(output)
    }

    private static func format(_ value: UInt32, signed: Int32, width: Int, base: UInt8) -> [UInt8] {
        switch base {
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            // Nibbles, least significant first, dot-separated; width counts characters, dots included.
            let digits = Array((base == UInt8(ascii: "n") ? "0123456789abcdef" : "0123456789ABCDEF").utf8)
            var remaining = value
            var left = width
            var output: [UInt8] = []
            repeat {
                output.append(digits[Int(remaining & 0xF)])
                remaining >>= 4
                if left > 0 { left -= 1 }
                if left > 0 || remaining != 0 {
                    output.append(UInt8(ascii: "."))
                    if left > 0 { left -= 1 }
                }
            } while remaining != 0 || left > 0
            return output
        default:
            let text: String
            switch base {
            case UInt8(ascii: "o"): text = String(value, radix: 8)
            case UInt8(ascii: "x"): text = String(value, radix: 16)
            case UInt8(ascii: "X"): text = String(value, radix: 16, uppercase: true)
            default: text = String(signed)
            }
            let padding = max(0, width - text.utf8.count)
            return [UInt8](repeating: UInt8(ascii: "0"), count: padding) + Array(text.utf8)
        }
    }
}
