/// A domain name in uncompressed wire format (RFC 1035 §3.1): length-prefixed
/// labels ending with the root label.
///
/// Wire format is the single representation because it is what the limits
/// (63-octet labels, 255-octet names) are defined on, it compares cheaply, and it
/// is what RDATA encoding needs. Comparison is case-insensitive for ASCII letters
/// (RFC 4343); the original case is kept for printing.
public struct DomainName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Length-prefixed labels, always ending with a zero octet.
    public let wire: [UInt8]

    /// The root name `.`.
    public static let root = DomainName(uncheckedWire: [0])

    /// Wraps wire bytes that are known to be a valid name.
    init(uncheckedWire: [UInt8]) {
        self.wire = uncheckedWire
    }

    /// Builds a name from wire bytes, checking the label structure and limits.
    public init?(wire: [UInt8]) {
        guard DomainName.isValidWire(wire[...]) else { return nil }
        self.wire = wire
    }

    /// Parses an absolute or relative name in presentation form; `@` is `origin`.
    public init(parsing text: String, origin: DomainName = .root) throws(NameError) {
        var buffer: [UInt8] = []
        let bytes = Array(text.utf8)
        try NameParser.append(bytes[...], origin: origin, to: &buffer)
        self.wire = buffer
    }

    static func isValidWire(_ wire: ArraySlice<UInt8>) -> Bool {
        guard wire.count <= 255 else { return false }
        var index = wire.startIndex
        while index < wire.endIndex {
            let length = Int(wire[index])
            if length == 0 { return index + 1 == wire.endIndex }
            if length > 63 { return false }
            index += length + 1
        }
        return false
    }

    /// The number of labels, not counting the root label.
    public var labelCount: Int { Self.labelCount(in: wire, from: 0) }

    /// The labels, root not counted, of the wire-format name starting at `start` in `bytes`.
    static func labelCount<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, from start: Bytes.Index) -> Int
    where Bytes.Index == Int {
        var count = 0
        var index = start
        while index < bytes.endIndex, bytes[index] != 0 {
            count += 1
            index += Int(bytes[index]) + 1
        }
        return count
    }

    /// The labels' raw octets, leftmost first, without the root label.
    public var labels: [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var index = 0
        while index < wire.count, wire[index] != 0 {
            let length = Int(wire[index])
            result.append(wire[(index + 1)..<(index + 1 + length)])
            index += length + 1
        }
        return result
    }

    public var isRoot: Bool { wire.count == 1 }

    /// Whether the name is a wildcard: its first label is `*` (RFC 4592).
    public var isWildcard: Bool { Self.startsWithWildcardLabel(wire[...]) }

    /// Whether `wire` (a name's wire form, or its first labels) starts with the label `*`.
    package static func startsWithWildcardLabel(_ wire: ArraySlice<UInt8>) -> Bool {
        wire.count >= 2 && wire[wire.startIndex] == 1 && wire[wire.startIndex + 1] == UInt8(ascii: "*")
    }

    /// The name lower-cased (ASCII only), the form used for canonical ordering and RDATA (RFC 4034 §6.2).
    public var lowercased: DomainName {
        DomainName(uncheckedWire: DomainName.lowercasedWire(wire))
    }

    static func lowercasedWire(_ wire: [UInt8]) -> [UInt8] {
        var result = wire
        var index = 0
        while index < result.count, result[index] != 0 {
            let length = Int(result[index])
            var position = index + 1
            while position <= index + length {
                let byte = result[position]
                if byte >= 0x41, byte <= 0x5A { result[position] = byte | 0x20 }
                position += 1
            }
            index += length + 1
        }
        return result
    }

    /// The name without its leftmost label; the root's parent is nil.
    public var parent: DomainName? {
        guard wire.count > 1 else { return nil }
        let length = Int(wire[0])
        return DomainName(uncheckedWire: Array(wire[(length + 1)...]))
    }

    /// True when `self` equals `ancestor` or lies below it (label-wise, case-insensitive).
    public func isSubdomain(of ancestor: DomainName) -> Bool {
        guard wire.count >= ancestor.wire.count else { return false }
        var index = 0
        while index < wire.count {
            if wire.count - index == ancestor.wire.count {
                return DomainName.equalWire(wire[index...], ancestor.wire[...])
            }
            if wire[index] == 0 { return false }
            index += Int(wire[index]) + 1
        }
        return false
    }

    /// The name relative to `origin` in presentation form (`@` for the origin itself),
    /// or the absolute form when it is not below `origin`.
    public func relative(to origin: DomainName) -> String {
        if DomainName.equalWire(wire[...], origin.wire[...]) { return "@" }
        guard isSubdomain(of: origin) else { return description }
        let keep = wire.count - origin.wire.count
        // Written as octets (see `NamePrinter`): four characters at most per octet, a dot per length octet.
        return String(unsafeUninitializedCapacity: keep * 4) { text in
            NamePrinter.writeLabels(wire[..<keep], to: text, finalDot: false)
        }
    }

    /// `relative(to:)` appended to `text` as octets: a new record's line is built as octets, and a name's
    /// relative form made a string first is an allocation for every line.
    package func appendRelative(to origin: DomainName, into text: inout [UInt8]) {
        if DomainName.equalWire(wire[...], origin.wire[...]) {
            text.append(UInt8(ascii: "@"))
            return
        }
        guard isSubdomain(of: origin) else {
            text += description.utf8
            return
        }
        let keep = wire.count - origin.wire.count
        let start = text.count
        // Room for four characters an octet (see `relative(to:)`), then cut to what was written.
        text += repeatElement(0, count: keep * 4)
        let written = text.withUnsafeMutableBufferPointer { buffer in
            NamePrinter.writeLabels(
                wire[..<keep], to: UnsafeMutableBufferPointer(rebasing: buffer[start...]), finalDot: false)
        }
        text.removeLast(keep * 4 - written)
    }

    /// Prepends a relative name (`_dmarc`, `qcloud._domainkey.abc`) to this name.
    public func prepending(_ relative: String) throws(NameError) -> DomainName {
        if relative == "@" || relative.isEmpty { return self }
        return try DomainName(parsing: relative, origin: self)
    }

    /// Absolute presentation form with a trailing dot, special characters escaped.
    public var description: String {
        NamePrinter.presentation(wire[...])
    }

    public static func == (lhs: DomainName, rhs: DomainName) -> Bool {
        equalWire(lhs.wire[...], rhs.wire[...])
    }

    /// Hashes the name lower-cased, eight octets at a time: names are the keys of the planner's and
    /// the editor's tables, and a byte at a time made hashing a tenth of planning a large zone.
    /// Length octets are at most 63, below `A`, so folding every octet folds only the letters.
    public func hash(into hasher: inout Hasher) {
        wire.withUnsafeBytes { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                hasher.combine(Self.lowercased(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            hasher.combine(Self.lowercased(tail))
        }
    }

    /// The eight octets of `word` with the ASCII capitals among them made small, all at once: an
    /// octet is a capital when its low seven bits are at least `A` and at most `Z` and its high bit
    /// is clear (the sums stay within each octet, as both addends are below 0x80). Names hash through it
    /// here and in `NameTable`.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set when low7 >= 0x41
        let aboveZ = low7 &+ 0x2525_2525_2525_2525  // high bit set when low7 >= 0x5B
        let capital = atLeastA & ~aboveZ & ~word & 0x8080_8080_8080_8080
        return word | (capital >> 2)
    }

    /// Canonical DNS name order (RFC 4034 §6.1): by labels from the right, case-insensitively.
    public static func < (lhs: DomainName, rhs: DomainName) -> Bool {
        let left = lhs.lowercased.labels
        let right = rhs.lowercased.labels
        var i = left.count - 1
        var j = right.count - 1
        while i >= 0, j >= 0 {
            if left[i] != right[j] { return left[i].lexicographicallyPrecedes(right[j]) }
            i -= 1
            j -= 1
        }
        return left.count < right.count
    }

    /// Whether two wire forms are the same name, ASCII case ignored (as DNS compares names).
    package static func equalWire(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var i = lhs.startIndex
        var j = rhs.startIndex
        while i < lhs.endIndex {
            var a = lhs[i]
            var b = rhs[j]
            // Octets spelt alike (the common case in a table lookup) need no fold; names of one length
            // that differ are told apart in this one pass, not compared raw first and folded after.
            if a != b {
                if a >= 0x41, a <= 0x5A { a |= 0x20 }
                if b >= 0x41, b <= 0x5A { b |= 0x20 }
                if a != b { return false }
            }
            i += 1
            j += 1
        }
        return true
    }
}
