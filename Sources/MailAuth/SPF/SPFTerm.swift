/// One term of an SPF record, kept exactly as written so an untouched record prints back
/// byte for byte (the zone file belongs to its people).
public struct SPFTerm: Sendable, Hashable {
    /// The spaces before the term (at least one in a valid record).
    public var leadingSpace: String
    /// The term as written: `~all`, `include:_spf.google.com`, `redirect=_spf.example.com`.
    public private(set) var text: String
    /// What the term means, or why it is invalid; always read from `text`.
    public private(set) var directive: SPFDirective

    public init(leadingSpace: String = " ", text: String) {
        self.leadingSpace = leadingSpace
        self.text = text
        self.directive = SPFTermParser.parse(text)
    }

    /// The qualifier that applies when this is a mechanism (`+` when none was written).
    public var effectiveQualifier: SPFQualifier? {
        guard case .mechanism(let qualifier, _) = directive else { return nil }
        return qualifier ?? .pass
    }

    public var mechanism: SPFMechanism? {
        guard case .mechanism(_, let mechanism) = directive else { return nil }
        return mechanism
    }

    public var modifier: SPFModifier? {
        guard case .modifier(let modifier) = directive else { return nil }
        return modifier
    }

    public var isAll: Bool { mechanism == .all }

    /// The include domain when this is `include:`, for comparing with a wanted one.
    public var includeDomain: String? {
        guard case .include(let domainSpec) = mechanism else { return nil }
        return domainSpec
    }

    /// The term without its qualifier, lowercased and with a trailing dot on a domain-spec
    /// dropped: two terms with the same key match the same hosts.
    var matchKey: String {
        var body = Substring(text)
        if let first = body.first, SPFQualifier(rawValue: String(first)) != nil {
            body = body.dropFirst()
        }
        return SPFDomain.comparisonKey(String(body))
    }
}

/// Comparing domain names the way DNS does.
enum SPFDomain {
    /// Lowercased, one trailing dot dropped: `QCloudMail.com.` and `qcloudmail.com` are one name.
    static func comparisonKey(_ name: String) -> String {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
    }

    /// Whether `first` and `second` have one `comparisonKey`: for ASCII names (nearly all) their octets are
    /// compared in place, letters without case and one trailing dot aside, which is what their keys compare;
    /// other names through their keys.
    static func haveOneKey(_ first: String, _ second: String) -> Bool {
        let ascii = first.utf8.withContiguousStorageIfAvailable { one in
            second.utf8.withContiguousStorageIfAvailable { other in asciiHaveOneKey(one, other) }
        }
        if let known = ascii ?? nil, let same = known { return same }
        return comparisonKey(first) == comparisonKey(second)
    }

    /// `haveOneKey` of two names' octets; nil when either is not ASCII.
    private static func asciiHaveOneKey(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool?
    {
        guard one.allSatisfy({ $0 < 0x80 }), other.allSatisfy({ $0 < 0x80 }) else { return nil }
        func lower(_ octet: UInt8) -> UInt8 {
            octet >= UInt8(ascii: "A") && octet <= UInt8(ascii: "Z") ? octet | 0x20 : octet
        }
        let oneCount = one.last == UInt8(ascii: ".") ? one.count - 1 : one.count
        let otherCount = other.last == UInt8(ascii: ".") ? other.count - 1 : other.count
        guard oneCount == otherCount else { return false }
        for index in 0..<oneCount where lower(one[index]) != lower(other[index]) { return false }
        return true
    }
}
