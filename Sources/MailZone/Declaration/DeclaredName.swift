import ZoneFile

/// An absolute DNS name as the declaration writes it (hostname syntax): a zone origin, a sender domain or a record owner.
///
/// Stored lower-cased, since DNS compares names without case (RFC 4343) and the
/// declaration may write `Example.COM` where the zone has `example.com.`.
/// Written with or without the trailing dot; always absolute.
public struct DeclaredName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Labels from the leftmost, lower-cased, without the root.
    public let labels: [String]

    /// Parses `text`; nil when it is not a valid name (see `problem(in:)`).
    public init?(_ text: String, allowUnderscore: Bool = true) {
        // Hostname labels in ASCII (every origin and sender of a hosting provider's declaration, thousands)
        // are read in one pass over the octets, without the arrays of the general reading below.
        if let labels = Self.hostnameLabels(absolute: text, allowUnderscore: allowUnderscore) {
            self.labels = labels
            return
        }
        guard let labels = Self.labelsByRules(text, allowUnderscore: allowUnderscore) else { return nil }
        self.labels = labels
    }

    /// The labels of `text` as the rules of `problem(in:)` read it (the general reading, which the
    /// one-pass reading of hostname labels stands for); nil when it is not a valid name.
    static func labelsByRules(_ text: String, allowUnderscore: Bool) -> [String]? {
        guard problem(in: text, allowUnderscore: allowUnderscore) == nil else { return nil }
        // A valid name is ASCII: its labels are lower-cased byte by byte.
        return labelBytes(of: text).map(lowercasedLabel)
    }

    /// A label's octets as text, ASCII capitals made small (a valid name's labels are ASCII).
    private static func lowercasedLabel(_ octets: some Sequence<UInt8>) -> String {
        String(decoding: octets.map(lowercased), as: UTF8.self)
    }

    /// `lowercasedLabel` of octets in place, written straight into the string (no array between).
    private static func lowercasedLabel(_ octets: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: octets.count) { text in
            for index in octets.indices { text[index] = lowercased(octets[index]) }
            return octets.count
        }
    }

    /// An ASCII capital made small; any other octet as it is.
    @inline(__always)
    private static func lowercased(_ octet: UInt8) -> UInt8 { octet >= 0x41 && octet <= 0x5A ? octet | 0x20 : octet }

    /// The name's labels as UTF-8 bytes, a trailing dot (the root) left out.
    private static func labelBytes(of text: String) -> [ArraySlice<UInt8>] {
        var bytes = Array(text.utf8)[...]
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    }

    init(labels: [String]) {
        self.labels = labels
    }

    /// With the trailing dot: `example.com.`.
    public var absolute: String { labels.joined(separator: ".") + "." }

    /// Without the trailing dot, as people write it and `${domain}` expands: `example.com`.
    public var text: String { labels.joined(separator: ".") }

    public var description: String { absolute }

    /// True when `self` is `other` or lies below it, label by label (`abc.example.com` under `example.com`,
    /// but not `badexample.com`).
    public func isSubdomain(of other: DeclaredName) -> Bool {
        labels.count >= other.labels.count && labels.suffix(other.labels.count).elementsEqual(other.labels)
    }

    /// The name relative to `origin` as zone files and DNS consoles write it: `@` for the origin
    /// itself, `abc` or `_dmarc.abc` below it; nil when the name is not under `origin`.
    public func relative(to origin: DeclaredName) -> String? {
        guard isSubdomain(of: origin) else { return nil }
        let prefix = labels.dropLast(origin.labels.count)
        // A name one label below the origin (a host's sender, `abc`) is that label: the label itself, not a
        // string joined from it (which is made in its own buffer, and so is every owner's name put before it).
        if prefix.count == 1, let label = prefix.first { return label }
        return prefix.isEmpty ? "@" : prefix.joined(separator: ".")
    }

    /// `relative` (`@`, `_dmarc`, `qcloud._domainkey`) placed under `self`; nil when the result is
    /// not a valid name.
    public func appending(relative: String) -> DeclaredName? {
        if relative == "@" { return self }
        // `self` is valid, so only `relative`'s labels and the length of the whole are left to check (once
        // for every record of every sender).
        guard relative.utf8.count + lengthBelowPrefix <= 253, let prefix = Self.relativeLabels(relative) else {
            return nil
        }
        return DeclaredName(labels: prefix + labels)
    }

    /// The octets the name adds to a relative name placed before it (`appending(relative:)`): its labels,
    /// each after a dot.
    var lengthBelowPrefix: Int { labels.reduce(labels.count) { $0 + $1.utf8.count } }

    /// The labels of `relative` (not `@`) as `appending(relative:)` puts them before a name; nil when they are not
    /// valid labels. A trailing dot is refused: it would leave an empty label in the middle.
    static func relativeLabels(_ relative: String) -> [String]? {
        guard relative.utf8.last != UInt8(ascii: ".") else { return nil }
        return hostnameLabels(relative) ?? DeclaredName(relative)?.labels
    }

    /// The labels of `text`, lower-cased, when it is a valid name of hostname labels (`DeclaredName(_:)`'s
    /// rules) read in one pass over its octets; nil when it is not, or is not ASCII (then `DeclaredName(_:)`
    /// reads it). Without a trailing dot: `appending(relative:)` refuses one first.
    static func hostnameLabels(_ text: String) -> [String]? {
        let read = text.utf8.withContiguousStorageIfAvailable { hostnameLabels(octets: $0) }
        return read ?? nil
    }

    /// `hostnameLabels(_:)` of a name that may end with the root's dot (`example.com.`), as `DeclaredName(_:)`
    /// reads it; with `allowUnderscore` false, nil for a name holding `_` (which `DeclaredName(_:)` refuses).
    static func hostnameLabels(absolute text: String, allowUnderscore: Bool) -> [String]? {
        let read = text.utf8.withContiguousStorageIfAvailable { octets -> [String]? in
            guard allowUnderscore || !octets.contains(UInt8(ascii: "_")) else { return nil }
            let dotless = octets.last == UInt8(ascii: ".") ? UnsafeBufferPointer(rebasing: octets.dropLast()) : octets
            return hostnameLabels(octets: dotless)
        }
        return read ?? nil
    }

    /// `hostnameLabels(_:)` of the octets of a name without a trailing dot.
    private static func hostnameLabels(octets: UnsafeBufferPointer<UInt8>) -> [String]? {
        var labels: [String] = []
        var start = 0
        for index in 0...octets.count {
            guard index < octets.count, octets[index] != UInt8(ascii: ".") else {
                let label = UnsafeBufferPointer(rebasing: octets[start..<index])
                guard let first = label.first, let last = label.last, label.count <= 63,
                    first != UInt8(ascii: "-"), last != UInt8(ascii: "-")
                else { return nil }
                labels.append(Self.lowercasedLabel(label))
                start = index + 1
                continue
            }
            guard Self.isHostnameOctet(octets[index]) else { return nil }
        }
        return labels.reduce(labels.count - 1, { $0 + $1.utf8.count }) <= 253 ? labels : nil
    }

    public static func < (lhs: DeclaredName, rhs: DeclaredName) -> Bool {
        lhs.labels.reversed().lexicographicallyPrecedes(rhs.labels.reversed())
    }

    /// What is wrong with `text` as a DNS name, or nil when it is fine.
    ///
    /// Hostname rules (letters, digits, hyphens, not at a label's ends), plus `_`
    /// for service labels such as `_dmarc` and `_domainkey` unless disallowed;
    /// labels of 1–63 octets, at most 253 octets in all (RFC 1035 §2.3.4).
    public static func problem(in text: String, allowUnderscore: Bool = true) -> String? {
        let labels = labelBytes(of: text)
        if labels == [[]] { return "the name is empty" }
        // Worked out on the bytes: every character a name may hold is one ASCII byte, and a byte of
        // 0x80 or more belongs to a character that is not ASCII.
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            return
                "'\(text)' contains non-ASCII characters; write an internationalised name in its xn-- (punycode) form"
        }
        if labels.reduce(labels.count - 1, { $0 + $1.count }) > 253 { return "'\(text)' is longer than 253 characters" }
        for label in labels {
            if label.isEmpty { return "'\(text)' has an empty label (two dots in a row, or a leading dot)" }
            // Made only for a message: a valid name (thousands in a large declaration) allocates nothing here.
            var written: String { String(decoding: label, as: UTF8.self) }
            if label.count > 63 { return "the label '\(written)' is longer than 63 characters" }
            for byte in label {
                let allowed =
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || (allowUnderscore && byte == UInt8(ascii: "_"))
                if !allowed {
                    return "'\(text)' contains '\(Character(Unicode.Scalar(byte)))', which is not allowed in a DNS name"
                }
            }
            if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
                return "the label '\(written)' starts or ends with a hyphen"
            }
        }
        return nil
    }
}

extension DeclaredName {
    /// The same name as the zone-file library's `DomainName`, for looking records up.
    public var dnsName: ZoneFile.DomainName {
        // Hostname syntax needs no parsing: the wire form is each label's octets after its length (asked for
        // every wanted record of every sender). A label with other octets (a name made from a zone's labels)
        // is read as presentation text, as it always was.
        var wire: [UInt8] = []
        wire.reserveCapacity(labels.reduce(1) { $0 + 1 + $1.utf8.count })
        for label in labels {
            guard label.utf8.allBytesSatisfy(Self.isHostnameOctet) else { return parsedDNSName }
            wire.append(UInt8(truncatingIfNeeded: label.utf8.count))
            wire.append(contentsOf: label.utf8)
        }
        wire.append(0)
        return ZoneFile.DomainName(wire: wire) ?? parsedDNSName
    }

    /// `dnsName` read from the absolute presentation text.
    var parsedDNSName: ZoneFile.DomainName {
        // A DeclaredName is validated hostname syntax, so it always parses.
        (try? ZoneFile.DomainName(parsing: absolute)) ?? .root
    }

    /// Letters, digits, `-` and `_`: octets that mean themselves in presentation text.
    private static func isHostnameOctet(_ octet: UInt8) -> Bool {
        switch octet {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
