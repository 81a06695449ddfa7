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
        guard Self.problem(in: text, allowUnderscore: allowUnderscore) == nil else { return nil }
        var trimmed = Substring(text)
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        labels = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { $0.lowercased() }
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
        return prefix.isEmpty ? "@" : prefix.joined(separator: ".")
    }

    /// `relative` (`@`, `_dmarc`, `qcloud._domainkey`) placed under `self`; nil when the result is
    /// not a valid name.
    public func appending(relative: String) -> DeclaredName? {
        if relative == "@" { return self }
        return DeclaredName(relative + "." + text)
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
        var name = Substring(text)
        if name.hasSuffix(".") { name = name.dropLast() }
        if name.isEmpty { return "the name is empty" }
        if name.unicodeScalars.contains(where: { !$0.isASCII }) {
            return
                "'\(text)' contains non-ASCII characters; write an internationalised name in its xn-- (punycode) form"
        }
        if name.utf8.count > 253 { return "'\(text)' is longer than 253 characters" }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return "'\(text)' has an empty label (two dots in a row, or a leading dot)" }
            if label.utf8.count > 63 { return "the label '\(label)' is longer than 63 characters" }
            for character in label.unicodeScalars {
                let allowed =
                    ("a"..."z").contains(character) || ("A"..."Z").contains(character)
                    || ("0"..."9").contains(character) || character == "-" || (allowUnderscore && character == "_")
                if !allowed {
                    return "'\(text)' contains '\(Character(character))', which is not allowed in a DNS name"
                }
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "the label '\(label)' starts or ends with a hyphen"
            }
        }
        return nil
    }
}

extension DeclaredName {
    /// The same name as the zone-file library's `DomainName`, for looking records up.
    public var dnsName: ZoneFile.DomainName {
        // A DeclaredName is validated hostname syntax, so it always parses.
        (try? ZoneFile.DomainName(parsing: absolute)) ?? .root
    }
}
