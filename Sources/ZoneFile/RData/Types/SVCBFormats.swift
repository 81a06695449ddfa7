/// SVCB and HTTPS (RFC 9460): SvcPriority, TargetName, SvcParams.
///
/// Parameters are `key=value` (or a bare `key`); the value may be quoted (`alpn="h2,h3"`, the quoted
/// string glued to the `=`). Values are character-string decoded first (`\DDD`, `\X`), then lists are
/// split on commas, where `\,` and `\\` in the decoded text stand for a literal comma and backslash
/// (RFC 9460 Appendix A.1). Keys are written in any order and stored sorted (§2.2); a key given twice,
/// a `mandatory` list naming an absent key or itself, `no-default-alpn` without `alpn`, and values that
/// do not fit their key are errors, as in BIND. `keyNNNNN=` gives any key's raw wire value.
enum SVCBFormats {
    static func format(_ type: String) -> RDataFormat {
        let priorityName = "\(type) priority"
        let targetName = "\(type) target name"
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                try reader.uint16(priorityName)
                try reader.name(targetName)
                try SVCBParams.encode(&reader, type: type)
            },
            present: { (reader: inout WireReader) throws(RDataError) in
                let priority = try reader.uint16()
                var parts = [String(priority), try reader.name()]
                var previous = -1
                var params: [(UInt16, ArraySlice<UInt8>)] = []
                while !reader.isAtEnd {
                    let key = try reader.uint16()
                    guard Int(key) > previous else { throw RDataError("SvcParams out of order") }
                    previous = Int(key)
                    let length = Int(try reader.uint16())
                    params.append((key, try reader.take(length)))
                }
                if let problem = SVCBParams.problem(params) { throw RDataError(problem) }
                for (key, value) in params { parts.append(try SVCBParams.present(key: key, value: value)) }
                return parts.joined(separator: " ")
            })
    }
}

enum SVCBParams {
    static let names: [String] = [
        "mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint",
        "dohpath", "ohttp",
    ]

    /// The key for a name (lower case, as RFC 9460 §2.1 writes them) or `keyNNNNN` without leading zeros.
    static func key(_ bytes: ArraySlice<UInt8>) -> UInt16? {
        for (index, name) in names.enumerated() where bytes.elementsEqual(name.utf8) { return UInt16(index) }
        guard bytes.count > 3, bytes.count <= 8, bytes.starts(with: "key".utf8) else { return nil }
        let digits = bytes.dropFirst(3)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.first != 0x30 || digits.count == 1 else {
            return nil
        }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit - 0x30) }
        return value <= 65535 ? UInt16(value) : nil
    }

    static func keyName(_ key: UInt16) -> String {
        Int(key) < names.count ? names[Int(key)] : "key\(key)"
    }

    static func encode(_ reader: inout RDataReader, type: String) throws(RDataError) {
        var params: [(key: UInt16, value: [UInt8], field: Int)] = []
        while !reader.isAtEnd {
            let field = try reader.next("\(type) parameter")
            let fieldIndex = reader.index - 1
            if field.quoted {
                throw reader.error("bad \(type) parameter '\"\(field.text)\"': write key=value or key=\"value\"")
            }
            let bytes = field.bytes
            let equals = bytes.firstIndex(of: UInt8(ascii: "="))
            let keyBytes = bytes[bytes.startIndex..<(equals ?? bytes.endIndex)]
            guard let key = key(keyBytes) else {
                throw reader.error(
                    "bad \(type) parameter '\(field.text)': unknown key "
                        + "'\(String(decoding: keyBytes, as: UTF8.self))' (use a registered name or keyNNNNN)")
            }
            let generic = key >= 9 || !keyBytes.elementsEqual(keyName(key).utf8)
            var raw: [UInt8]? = nil
            var shown = field.text
            if let equals {
                var valueField = RDataField(bytes: bytes[(equals + 1)...], quoted: false)
                if valueField.bytes.isEmpty, !reader.isAtEnd {
                    let next = reader.fields[reader.index]
                    if next.quoted, next.bytes.startIndex == bytes.endIndex + 1 {
                        valueField = next
                        shown += "\"\(next.text)\""
                        _ = try reader.next("\(type) parameter value")
                    }
                }
                var decoder = RDataReader(fields: [], origin: reader.origin)
                do throws(RDataError) {
                    try decoder.appendDecodingEscapes(valueField)
                } catch {
                    throw RDataError("bad \(type) parameter '\(shown)': \(error.message)", field: fieldIndex)
                }
                raw = decoder.wire
            }
            let value: [UInt8]
            do throws(RDataError) {
                value = try generic ? (raw ?? []) : parseValue(key: key, raw: raw)
                if key < 9, let problem = wireProblem(key: key, value: value[...]) { throw problem }
            } catch {
                throw RDataError("bad \(type) parameter '\(shown)': \(error.message)", field: fieldIndex)
            }
            guard value.count <= 65535 else {
                throw RDataError("bad \(type) parameter '\(shown)': value longer than 65535 octets", field: fieldIndex)
            }
            params.append((key, value, fieldIndex))
        }
        params.sort { $0.key < $1.key }
        for index in params.indices.dropFirst() where params[index].key == params[index - 1].key {
            throw RDataError(
                "bad \(type) parameter: \(keyName(params[index].key)) is given twice",
                field: max(params[index].field, params[index - 1].field))
        }
        if let problem = problem(params.map { ($0.key, $0.value[...]) }) {
            let at = params.first(where: { $0.key == 0 || $0.key == 2 })?.field
            throw RDataError("bad \(type) parameters: \(problem)", field: at)
        }
        for param in params {
            reader.appendUInt16(param.key)
            reader.appendUInt16(UInt16(param.value.count))
            reader.wire.append(contentsOf: param.value)
        }
    }

    /// Checks across parameters (RFC 9460 §8): mandatory keys present, `no-default-alpn` needs `alpn`.
    static func problem(_ params: [(UInt16, ArraySlice<UInt8>)]) -> String? {
        let keys = params.map(\.0)
        for (key, value) in params {
            if key < 9, let problem = wireProblem(key: key, value: value) {
                return "\(keyName(key)): \(problem.message)"
            }
        }
        if let mandatory = params.first(where: { $0.0 == 0 })?.1 {
            var i = mandatory.startIndex
            while i + 1 < mandatory.endIndex {
                let listed = UInt16(mandatory[i]) << 8 | UInt16(mandatory[i + 1])
                if !keys.contains(listed) { return "mandatory lists \(keyName(listed)), which is not given" }
                i += 2
            }
        }
        if keys.contains(2), !keys.contains(1) { return "no-default-alpn needs an alpn parameter" }
        return nil
    }

    /// Whether a known key's wire value is well-formed.
    static func wireProblem(key: UInt16, value: ArraySlice<UInt8>) -> RDataError? {
        switch key {
        case 0:
            guard !value.isEmpty, value.count % 2 == 0 else { return RDataError("needs a list of keys") }
            var previous = -1
            var i = value.startIndex
            while i < value.endIndex {
                let listed = Int(value[i]) << 8 | Int(value[i + 1])
                if listed == 0 { return RDataError("mandatory may not list itself") }
                if listed <= previous {
                    return RDataError(
                        listed == previous ? "lists \(keyName(UInt16(listed))) twice" : "keys out of order")
                }
                previous = listed
                i += 2
            }
        case 1:
            guard !value.isEmpty else { return RDataError("needs at least one protocol id") }
            var i = value.startIndex
            while i < value.endIndex {
                let length = Int(value[i])
                guard length > 0, i + 1 + length <= value.endIndex else { return RDataError("bad protocol id list") }
                i += 1 + length
            }
        case 2, 8:
            if !value.isEmpty { return RDataError("takes no value") }
        case 3:
            if value.count != 2 { return RDataError("needs a port number") }
        case 4:
            if value.isEmpty || value.count % 4 != 0 { return RDataError("needs IPv4 addresses") }
        case 6:
            if value.isEmpty || value.count % 16 != 0 { return RDataError("needs IPv6 addresses") }
        case 7:
            if let problem = dohpathProblem(value) { return RDataError(problem) }
        default:
            break
        }
        return nil
    }

    /// RFC 9461 §5: a relative URI template (starts with `/`) in UTF-8 with a `dns` variable.
    static func dohpathProblem(_ value: ArraySlice<UInt8>) -> String? {
        guard value.first == UInt8(ascii: "/") else { return "must be a relative URI template starting with '/'" }
        guard String(validating: value, as: UTF8.self) != nil else { return "must be UTF-8" }
        var i = value.startIndex
        while let open = value[i...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = value[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            var expression = value[(open + 1)..<close]
            if let first = expression.first, "+#./;?&".utf8.contains(first) { expression = expression.dropFirst() }
            for variable in expression.split(separator: UInt8(ascii: ",")) where variable.elementsEqual("dns".utf8) {
                return nil
            }
            i = close
        }
        return "must contain a {?dns} variable"
    }

    /// Reads a value written with a registered name.
    static func parseValue(key: UInt16, raw: [UInt8]?) throws(RDataError) -> [UInt8] {
        if key == 2 || key == 8 {
            guard (raw ?? []).isEmpty else { throw RDataError("takes no value") }
            return []
        }
        if key == 5 {
            // ech: base64, whitespace ignored; may be empty.
            let text = (raw ?? []).filter { $0 != 0x20 && $0 != 0x09 }
            if text.isEmpty { return [] }
            guard let decoded = Base64.decode(text) else { throw RDataError("not valid base64") }
            return decoded
        }
        if key == 7 {
            guard let raw, !raw.isEmpty else { throw RDataError("needs a value") }
            return raw
        }
        guard let raw, !raw.isEmpty else { throw RDataError("needs a value") }
        switch key {
        case 0:
            var keys: [UInt16] = []
            for item in try list(raw) {
                guard let listed = self.key(item[...]) else {
                    throw RDataError("unknown key '\(String(decoding: item, as: UTF8.self))'")
                }
                keys.append(listed)
            }
            keys.sort()
            var wire: [UInt8] = []
            for (index, listed) in keys.enumerated() {
                if listed == 0 { throw RDataError("mandatory may not list itself") }
                if index > 0, keys[index - 1] == listed { throw RDataError("lists \(keyName(listed)) twice") }
                wire.append(UInt8(listed >> 8))
                wire.append(UInt8(listed & 0xFF))
            }
            return wire
        case 1:
            var wire: [UInt8] = []
            for item in try list(raw) {
                guard item.count <= 255 else { throw RDataError("protocol id longer than 255 octets") }
                wire.append(UInt8(item.count))
                wire.append(contentsOf: item)
            }
            return wire
        case 3:
            guard raw.count <= 5, raw.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let port = Int(String(decoding: raw, as: UTF8.self)), port <= 65535
            else { throw RDataError("port must be a number 0-65535") }
            return [UInt8(port >> 8), UInt8(port & 0xFF)]
        case 4, 6:
            var wire: [UInt8] = []
            for item in raw.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard let address = key == 4 ? IPv4.parse(item) : IPv6.parse(item) else {
                    throw RDataError(
                        "'\(String(decoding: item, as: UTF8.self))' is not an \(key == 4 ? "IPv4" : "IPv6") address")
                }
                wire.append(contentsOf: address)
            }
            return wire
        default:
            return raw
        }
    }

    /// Splits a decoded value-list on commas; `\,` and `\\` are a literal comma and backslash. Items may not be empty.
    static func list(_ raw: [UInt8]) throws(RDataError) -> [[UInt8]] {
        var items: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < raw.count else { throw RDataError("the list ends with a lone backslash") }
                current.append(raw[i + 1])
                i += 2
                continue
            }
            if byte == UInt8(ascii: ",") {
                guard !current.isEmpty else { throw RDataError("empty item in the list") }
                items.append(current)
                current = []
            } else {
                current.append(byte)
            }
            i += 1
        }
        guard !current.isEmpty else { throw RDataError("empty item in the list") }
        items.append(current)
        return items
    }

    static func present(key: UInt16, value: ArraySlice<UInt8>) throws(RDataError) -> String {
        let name = keyName(key)
        switch key {
        case 0:
            var names: [String] = []
            var i = value.startIndex
            while i + 1 < value.endIndex {
                names.append(keyName(UInt16(value[i]) << 8 | UInt16(value[i + 1])))
                i += 2
            }
            return "mandatory=" + names.joined(separator: ",")
        case 1:
            var text = "alpn=\""
            var i = value.startIndex
            var first = true
            while i < value.endIndex {
                let length = Int(value[i])
                if !first { text.append(",") }
                first = false
                for byte in value[(i + 1)..<(i + 1 + length)] {
                    switch byte {
                    case UInt8(ascii: ","): text.append("\\\\,")
                    case UInt8(ascii: "\\"): text.append("\\\\\\\\")
                    case UInt8(ascii: "\""): text.append("\\\"")
                    case 0x21...0x7E: text.unicodeScalars.append(UnicodeScalar(byte))
                    default: text.append(decimalEscape(byte))
                    }
                }
                i += 1 + length
            }
            return text + "\""
        case 2, 8:
            return name
        case 3:
            return "port=\(UInt16(value[value.startIndex]) << 8 | UInt16(value[value.startIndex + 1]))"
        case 4, 6:
            let size = key == 4 ? 4 : 16
            var addresses: [String] = []
            var i = value.startIndex
            while i < value.endIndex {
                let address = value[i..<(i + size)]
                addresses.append(size == 4 ? IPv4.format(address) : IPv6.format(address))
                i += size
            }
            return "\(name)=" + addresses.joined(separator: ",")
        case 5:
            return value.isEmpty ? name : "ech=" + Base64.encode(Array(value))
        default:
            return value.isEmpty ? name : "\(name)=" + CharacterString.quoted(value)
        }
    }

    static func decimalEscape(_ byte: UInt8) -> String {
        let value = Int(byte)
        return "\\\(value / 100)\(value / 10 % 10)\(value % 10)"
    }
}
