/// A JSON value (RFC 8259) with the line and column where it starts.
///
/// Domain Connect templates are JSON. Foundation's `JSONSerialization` says neither where a
/// syntax error is nor where a value was written, and a template mistake (a missing `host`, a
/// priority written as `"ten"`) must be reported at its line and column like a mistake in
/// mailzone.yaml, so templates are read by this small reader.
struct JSONValue: Sendable, Hashable {
    enum Content: Sendable, Hashable {
        /// Members in the order written; keys are unique (a repeated key is a syntax error).
        case object([JSONMember])
        case array([JSONValue])
        case string(String)
        /// The number as written (`3600`, `-1.5e3`), checked against the JSON grammar.
        case number(String)
        case bool(Bool)
        case null
    }

    var content: Content
    var location: YAMLLocation

    /// What the value is, as an error message names it: "a string", "an object".
    var kindDescription: String {
        switch content {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    var string: String? {
        if case .string(let text) = content { return text }
        return nil
    }
}

/// One `"key": value` of a JSON object.
struct JSONMember: Sendable, Hashable {
    var key: Located<String>
    var value: JSONValue
}

/// Reads JSON text into `JSONValue`s, strictly: no comments, no trailing commas, no repeated keys,
/// no control characters inside strings, UTF-8 only. A UTF-8 byte order mark is skipped
/// (RFC 8259 §8.1 lets a parser ignore it).
struct JSONReader {
    /// Nesting deeper than this is refused: a template is two levels deep, and a hostile file must
    /// not exhaust the stack.
    static let maxDepth = 64
    /// Larger files are refused before reading: the largest published template is a few kilobytes.
    static let maxBytes = 1 << 20

    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line = 1
    /// Offset of the first byte of the current line, to count columns from.
    private var lineStart = 0
    /// For each offset, how many UTF-8 continuation bytes come before it; empty for an ASCII file,
    /// where a column is a byte count. Counting a line's scalars at every value instead would take
    /// quadratic time on a long line (a 1 MiB one-line array).
    private var continuationsBefore: [Int32] = []

    /// Parses `bytes`, the whole file; `file` is how errors name it.
    static func parse(_ bytes: [UInt8], file: String) throws(DeclarationError) -> JSONValue {
        guard bytes.count <= maxBytes else {
            throw DeclarationError(
                at: YAMLLocation(file: file, line: 1, column: 1),
                "the template is \(bytes.count) bytes, more than the \(maxBytes) a Domain Connect template may have",
                hint: "check that the file is a Domain Connect template (providerId.serviceId.json)")
        }
        var reader = JSONReader(bytes: bytes, file: file)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            reader.offset = 3
            reader.lineStart = 3
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            let bad = reader.firstInvalidUTF8()
            throw DeclarationError(at: bad, "the template is not valid UTF-8", hint: "save the file as UTF-8")
        }
        reader.skipWhitespace()
        guard reader.offset < bytes.count else {
            throw DeclarationError(
                at: reader.location, "the template is empty", hint: "a template is a JSON object: { \"providerId\": … }"
            )
        }
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.offset < bytes.count {
            throw reader.error("unexpected text after the end of the JSON value", hint: "a template is one JSON object")
        }
        return value
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.contains(where: { $0 >= 0x80 }) {
            var counts = [Int32](repeating: 0, count: bytes.count + 1)
            var count: Int32 = 0
            for (index, byte) in bytes.enumerated() {
                counts[index] = count
                if byte & 0xC0 == 0x80 { count += 1 }
            }
            counts[bytes.count] = count
            continuationsBefore = counts
        }
    }

    // MARK: - Positions

    /// Where the next byte is; the column counts Unicode scalars, as YAML locations do.
    private var location: YAMLLocation {
        let end = min(offset, bytes.count)
        var column = end - lineStart + 1
        if !continuationsBefore.isEmpty {
            // Continuation bytes (10xxxxxx) do not start a scalar.
            column -= Int(continuationsBefore[end] - continuationsBefore[lineStart])
        }
        return YAMLLocation(file: file, line: line, column: column)
    }

    private func error(_ message: String, hint: String? = nil) -> DeclarationError {
        DeclarationError(at: location, message, hint: hint)
    }

    private func firstInvalidUTF8() -> YAMLLocation {
        var reader = self
        var index = offset
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                break
            }
            if bytes[index] == UInt8(ascii: "\n") {
                reader.line += 1
                reader.lineStart = end
            }
            index = end
        }
        reader.offset = index
        return reader.location
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// What the next byte is, for a message: `'x'`, or "the end of the file".
    private var shownCurrent: String {
        guard let byte = current else { return "the end of the file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "the byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(DeclarationError) -> JSONValue {
        let start = location
        guard depth < Self.maxDepth else {
            throw error("the JSON is nested more than \(Self.maxDepth) levels deep")
        }
        guard let byte = current else {
            throw error("the template ends where a value should be", hint: "the file may be cut short")
        }
        switch byte {
        case UInt8(ascii: "{"): return JSONValue(content: .object(try object(depth: depth)), location: start)
        case UInt8(ascii: "["): return JSONValue(content: .array(try array(depth: depth)), location: start)
        case UInt8(ascii: "\""): return JSONValue(content: .string(try string()), location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(content: .number(try number()), location: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONValue(content: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONValue(content: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONValue(content: .null, location: start)
        case UInt8(ascii: "'"):
            throw error("JSON strings are written in double quotes, not single quotes")
        default:
            throw error(
                "expected a JSON value (an object, array, string, number, true, false or null), found \(shownCurrent)",
                hint: "text values are written in double quotes, like \"v=spf1\"")
        }
    }

    private mutating func literal(_ word: String) throws(DeclarationError) {
        let expected = Array(word.utf8)
        guard bytes[offset...].starts(with: expected) else {
            throw error("expected a JSON value, found \(shownCurrent)", hint: "did you mean \(word)?")
        }
        offset += expected.count
    }

    private mutating func object(depth: Int) throws(DeclarationError) -> [JSONMember] {
        var seen: [String: YAMLLocation] = [:]
        return try items(closing: UInt8(ascii: "}")) { reader throws(DeclarationError) in
            guard reader.current == UInt8(ascii: "\"") else {
                throw reader.error("expected a member name in double quotes, found \(reader.shownCurrent)")
            }
            let keyLocation = reader.location
            let key = try reader.string()
            if let first = seen[key] {
                throw DeclarationError(
                    at: keyLocation, "the key \"\(key)\" is given twice in this object",
                    hint: "the first is at line \(first.line); keep one")
            }
            seen[key] = keyLocation
            reader.skipWhitespace()
            guard reader.current == UInt8(ascii: ":") else {
                throw reader.error("expected ':' after the member name \"\(key)\", found \(reader.shownCurrent)")
            }
            reader.offset += 1
            reader.skipWhitespace()
            return JSONMember(key: Located(key, at: keyLocation), value: try reader.value(depth: depth + 1))
        } unseparated: { member in
            ("the value of \"\(member.key.value)\"", "separate members with commas")
        }
    }

    private mutating func array(depth: Int) throws(DeclarationError) -> [JSONValue] {
        try items(closing: UInt8(ascii: "]")) { reader throws(DeclarationError) in
            try reader.value(depth: depth + 1)
        } unseparated: { _ in
            ("an array item", nil)
        }
    }

    /// The members of an object or the items of an array, from its opening bracket (at `offset`) to
    /// its `closing` one: each read by `read` from its first byte, with commas between them and none
    /// after the last. What follows an item that is neither a comma nor `closing` is an error that
    /// names the item as `unseparated` describes it (with a hint, if any).
    private mutating func items<Item>(
        closing: UInt8, read: (inout JSONReader) throws(DeclarationError) -> Item,
        unseparated: (Item) -> (item: String, hint: String?)
    ) throws(DeclarationError) -> [Item] {
        offset += 1
        var items: [Item] = []
        skipWhitespace()
        if current == closing {
            offset += 1
            return items
        }
        let bracket = Character(Unicode.Scalar(closing))
        while true {
            skipWhitespace()
            if current == closing {
                throw error("a comma before '\(bracket)' is not allowed in JSON", hint: "remove the last comma")
            }
            let item = try read(&self)
            items.append(item)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                offset += 1
            case closing:
                offset += 1
                return items
            default:
                let (described, hint) = unseparated(item)
                throw error("expected ',' or '\(bracket)' after \(described), found \(shownCurrent)", hint: hint)
            }
        }
    }

    private mutating func string() throws(DeclarationError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ reader: JSONReader, upTo end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard let byte = current else {
                throw error("the string is not closed: the file ends inside it", hint: "add the closing '\"'")
            }
            switch byte {
            case UInt8(ascii: "\""):
                flush(self, upTo: offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(self, upTo: offset)
                scalars.append(try escape())
                runStart = offset
            case 0x00..<0x20:
                throw error(
                    byte == UInt8(ascii: "\n")
                        ? "the string is not closed before the end of the line"
                        : "a control character is not allowed inside a JSON string",
                    hint: byte == UInt8(ascii: "\n") ? "add the closing '\"', or write a line break as \\n" : nil)
            default:
                offset += 1
            }
        }
    }

    /// The escape at `offset` (a backslash), as one scalar; a surrogate pair is read whole.
    private mutating func escape() throws(DeclarationError) -> Unicode.Scalar {
        let start = location
        offset += 1
        guard let byte = current else { throw error("the string is not closed: the file ends inside it") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit(escapeAt: start)
            if (0xD800..<0xDC00).contains(unit) {
                guard bytes[offset...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw DeclarationError(
                        at: start, "the \\u escape is half of a surrogate pair without its other half")
                }
                offset += 2
                let low = try hexUnit(escapeAt: start)
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else {
                    throw DeclarationError(at: start, "the \\u escapes are not a valid surrogate pair")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else {
                throw DeclarationError(at: start, "the \\u escape is half of a surrogate pair without its other half")
            }
            return scalar
        default:
            throw DeclarationError(
                at: start, "'\\\(Character(Unicode.Scalar(byte)))' is not a JSON escape",
                hint: "write a backslash as \\\\; JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    private mutating func hexUnit(escapeAt start: YAMLLocation) throws(DeclarationError) -> UInt32 {
        guard offset + 4 <= bytes.count,
            let unit = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
            bytes[offset..<offset + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
        else {
            throw DeclarationError(at: start, "a \\u escape needs four hexadecimal digits, like \\u00e9")
        }
        offset += 4
        return unit
    }

    /// A number by the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(DeclarationError) -> String {
        let start = offset
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.offset
            while let byte = reader.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                reader.offset += 1
            }
            return reader.offset - from
        }
        if current == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("a number needs digits after '-'") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw DeclarationError(
                at: YAMLLocation(file: file, line: line, column: location.column - integerDigits),
                "a JSON number cannot start with 0", hint: "remove the leading zeros")
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }
}
