/// The type YAML gives a scalar: from an explicit tag, from quoting, or for a plain scalar
/// from its text by the YAML 1.1 rules Yams' default resolver applies (`yes` is a boolean,
/// `0x1F` an integer, `~` null, `2026-11-30` a date, `<<` a merge key).
///
/// Written as byte matchers rather than Yams' regular expressions: the declaration of a
/// hosting provider has hundreds of thousands of scalars, and matching each against seven
/// `NSRegularExpression`s was most of its load time. `YAMLScalarTypingTests` checks these
/// matchers against Yams' resolver on a table of tricky texts.
enum YAMLScalarTyping {
    /// The kind of a scalar with `text`, its explicit `tag` if any, and whether libyaml marked it
    /// as implicitly a string because it is quoted or a block scalar.
    static func kind(text: String, tag: String?, quotedImplicit: Bool) -> YAMLScalar.Kind {
        var text = text
        return text.withUTF8 { kind(bytes: $0, tag: tag, quotedImplicit: quotedImplicit) }
    }

    /// The same, for a scalar's UTF-8 bytes as libyaml gives them.
    static func kind(bytes: UnsafeBufferPointer<UInt8>, tag: String?, quotedImplicit: Bool) -> YAMLScalar.Kind {
        if quotedImplicit { return .string }
        guard let tag else { return plainKind(bytes) }
        switch tag {
        case "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:value": return .string
        case "tag:yaml.org,2002:int": return .integer
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:bool": return .boolean
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:timestamp": return .timestamp
        case "tag:yaml.org,2002:merge": return .merge
        default: return .other(tag)
        }
    }

    /// A plain scalar's kind, the rules tried in Yams' order: bool, int, float, merge, null,
    /// timestamp, value (`=`, a string to mailzone).
    static func plainKind(_ text: String) -> YAMLScalar.Kind {
        var text = text
        return text.withUTF8 { plainKind($0) }
    }

    static func plainKind(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Kind {
        if isBool(bytes) { return .boolean }
        if isInt(bytes) { return .integer }
        if isFloat(bytes) { return .float }
        if bytes.count == 2, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "<") { return .merge }
        if isNull(bytes) { return .null }
        if isTimestamp(bytes) { return .timestamp }
        return .string
    }

    private static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    private static func isBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 5 && bools.contains(String(decoding: bytes, as: UTF8.self))
    }

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 4 && nulls.contains(String(decoding: bytes, as: UTF8.self))
    }

    /// A cursor over a scalar's bytes for the matchers below.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Consumes one byte if it is `byte`.
        mutating func take(_ byte: Character) -> Bool {
            guard let ascii = byte.asciiValue, current == ascii else { return false }
            index += 1
            return true
        }

        /// Consumes one byte if `accepts` it.
        mutating func take(where accepts: (UInt8) -> Bool) -> Bool {
            guard let current, accepts(current) else { return false }
            index += 1
            return true
        }

        /// Consumes bytes while `accepts` them; how many.
        @discardableResult
        mutating func takeAll(where accepts: (UInt8) -> Bool) -> Int {
            let start = index
            while let current, accepts(current) { index += 1 }
            return index - start
        }

        mutating func takeSign() { _ = take("-") || take("+") }
    }

    private static func digit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func digitOrUnderscore(_ byte: UInt8) -> Bool { digit(byte) || byte == UInt8(ascii: "_") }

    /// Sexagesimal tail `(?::[0-5]?[0-9])+`: at least one group.
    private static func takeSexagesimal(_ cursor: inout Cursor) -> Bool {
        var groups = 0
        while true {
            let saved = cursor.index
            guard cursor.take(":") else { break }
            let first = cursor.current
            if let first, first >= 0x30, first <= 0x35, cursor.index + 1 < cursor.bytes.count,
                digit(cursor.bytes[cursor.index + 1])
            {
                cursor.index += 2
            } else if cursor.take(where: digit) {
                // one digit
            } else {
                cursor.index = saved
                break
            }
            groups += 1
        }
        return groups > 0
    }

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
    /// | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    private static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = Cursor(bytes)
        start.takeSign()
        func whole(_ body: (inout Cursor) -> Bool) -> Bool {
            var cursor = start
            return body(&cursor) && cursor.atEnd
        }
        return whole {
            $0.take("0") && $0.take("b") && $0.takeAll(where: { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) > 0
        }
            || whole { cursor in
                guard cursor.take("0") else { return false }
                _ = cursor.take("o")
                return cursor.takeAll(where: { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }) > 0
            }
            || whole { $0.take("0") }
            || whole { $0.take(where: { $0 >= 0x31 && $0 <= 0x39 }) && $0.takeAll(where: digitOrUnderscore) >= 0 }
            || whole { cursor in
                cursor.take("0") && cursor.take("x")
                    && cursor.takeAll(where: { digit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == 0x5F })
                        > 0
            }
            || whole { cursor in
                cursor.take(where: { $0 >= 0x31 && $0 <= 0x39 }) && cursor.takeAll(where: digitOrUnderscore) >= 0
                    && takeSexagesimal(&cursor)
            }
    }

    /// `[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let unsigned = Cursor(bytes)
        var signed = unsigned
        signed.takeSign()
        func whole(from start: Cursor, _ body: (inout Cursor) -> Bool) -> Bool {
            var cursor = start
            return body(&cursor) && cursor.atEnd
        }
        func exponent(_ cursor: inout Cursor, signRequired: Bool) -> Bool {
            guard cursor.take("e") || cursor.take("E") else { return false }
            let signed = cursor.take("-") || cursor.take("+")
            if signRequired && !signed { return false }
            return cursor.takeAll(where: digit) > 0
        }
        return whole(from: signed) { cursor in
            guard cursor.take(where: digit) else { return false }
            cursor.takeAll(where: digitOrUnderscore)
            if cursor.take(".") { cursor.takeAll(where: digitOrUnderscore) }
            if cursor.atEnd { return true }
            return exponent(&cursor, signRequired: false)
        }
            || whole(from: unsigned) { cursor in
                guard cursor.take("."), cursor.takeAll(where: digitOrUnderscore) > 0 else { return false }
                return cursor.atEnd || exponent(&cursor, signRequired: true)
            }
            || whole(from: signed) { cursor in
                guard cursor.take(where: digit) else { return false }
                cursor.takeAll(where: digitOrUnderscore)
                guard takeSexagesimal(&cursor), cursor.take(".") else { return false }
                cursor.takeAll(where: digitOrUnderscore)
                return true
            }
            || whole(from: signed) { cursor in
                cursor.take(".") && (matches(&cursor, "inf") || matches(&cursor, "Inf") || matches(&cursor, "INF"))
            }
            || whole(from: unsigned) { cursor in
                cursor.take(".") && (matches(&cursor, "nan") || matches(&cursor, "NaN") || matches(&cursor, "NAN"))
            }
    }

    /// Consumes `word` if the cursor is at it.
    private static func matches(_ cursor: inout Cursor, _ word: String) -> Bool {
        let saved = cursor.index
        for byte in word.utf8 {
            guard cursor.current == byte else {
                cursor.index = saved
                return false
            }
            cursor.index += 1
        }
        return true
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2} | [0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}
    /// (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?`
    private static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ cursor: inout Cursor, _ count: Int) -> Bool {
            for _ in 0..<count where !cursor.take(where: digit) { return false }
            return true
        }
        func oneOrTwo(_ cursor: inout Cursor) -> Bool {
            guard cursor.take(where: digit) else { return false }
            _ = cursor.take(where: digit)
            return true
        }
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var date = Cursor(bytes)
        if digits(&date, 4), date.take("-"), digits(&date, 2), date.take("-"), digits(&date, 2), date.atEnd {
            return true
        }
        var cursor = Cursor(bytes)
        guard digits(&cursor, 4), cursor.take("-"), oneOrTwo(&cursor), cursor.take("-"), oneOrTwo(&cursor) else {
            return false
        }
        guard cursor.take("T") || cursor.take("t") || cursor.takeAll(where: blank) > 0 else { return false }
        guard oneOrTwo(&cursor), cursor.take(":"), digits(&cursor, 2), cursor.take(":"), digits(&cursor, 2) else {
            return false
        }
        if cursor.take(".") { cursor.takeAll(where: digit) }
        if cursor.atEnd { return true }
        cursor.takeAll(where: blank)
        if cursor.take("Z") { return cursor.atEnd }
        guard cursor.take("-") || cursor.take("+"), oneOrTwo(&cursor) else { return false }
        if cursor.atEnd { return true }
        return cursor.take(":") && digits(&cursor, 2) && cursor.atEnd
    }
}
