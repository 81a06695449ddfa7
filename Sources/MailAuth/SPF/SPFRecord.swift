/// An SPF record (RFC 7208 §4.5) as written: the version spelling, each term with its
/// spacing, and any trailing spaces, so ``text`` gives back the input byte for byte.
///
/// Parsing never fails on a bad term: the term is kept with an `.invalid` directive and
/// ``problems`` reports it, so a broken record can still be shown and quoted.
public struct SPFRecord: Sendable, Hashable {
    /// The version as written, `v=spf1` in any case.
    public var version: String
    public var terms: [SPFTerm]
    /// Spaces after the last term.
    public var trailingSpace: String

    /// The most DNS-querying terms a record may cause (RFC 7208 §4.6.4).
    public static let lookupLimit = 10

    /// Whether `text` is an SPF record: `v=spf1`, in any case, followed by a space or the end
    /// (RFC 7208 §4.5). `v=spf10` and a leading space are not. Read from the text's first octets in place:
    /// planning asks it of every TXT record at a name, several times.
    public static func isSPF(_ text: String) -> Bool {
        var count = 0
        for octet in text.utf8 {
            if count == versionOctets.count { return octet == UInt8(ascii: " ") }
            // Only ASCII lower-cases to ASCII `v=spf1` (the Kelvin sign gives `k`, which it does not hold).
            let lower = octet >= UInt8(ascii: "A") && octet <= UInt8(ascii: "Z") ? octet | 0x20 : octet
            guard lower == versionOctets[count] else { return false }
            count += 1
        }
        return count == versionOctets.count
    }

    /// `v=spf1` as octets, for `isSPF(_:)`.
    private static let versionOctets = Array("v=spf1".utf8)

    /// Reads a record from its text (a TXT record's strings already joined), or nil when the
    /// text is not an SPF record.
    public init?(_ text: String) {
        guard Self.isSPF(text) else { return nil }
        let versionEnd = text.utf8.index(text.startIndex, offsetBy: 6)
        version = String(text[..<versionEnd])
        // ASCII text, nearly every record, is split by its bytes: the same split, as no character of ASCII
        // text holds a space but the space itself (`\r\n` is one character, and holds none).
        let rest = text[versionEnd...]
        (terms, trailingSpace) =
            rest.utf8.allSatisfy { $0 < 0x80 } ? Self.asciiTerms(rest) : Self.characterTerms(rest)
    }

    /// The terms after the version and the spaces after the last one, read character by character: terms are
    /// separated by 1*SP; anything else (a tab) stays inside a term and makes it invalid.
    static func characterTerms(_ rest: Substring) -> (terms: [SPFTerm], trailingSpace: String) {
        var terms: [SPFTerm] = []
        var space = ""
        var term = ""
        for character in rest {
            if character == " " {
                if !term.isEmpty {
                    terms.append(SPFTerm(leadingSpace: space, text: term))
                    space = ""
                    term = ""
                }
                space.append(character)
            } else {
                term.append(character)
            }
        }
        guard !term.isEmpty else { return (terms, space) }
        terms.append(SPFTerm(leadingSpace: space, text: term))
        return (terms, "")
    }

    /// `characterTerms(_:)` for ASCII text, read by its bytes: each run of spaces and the term after it
    /// taken as one slice, not built a character at a time.
    static func asciiTerms(_ rest: Substring) -> (terms: [SPFTerm], trailingSpace: String) {
        let space = UInt8(ascii: " ")
        let bytes = rest.utf8
        var terms: [SPFTerm] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let spaceStart = index
            while index < bytes.endIndex, bytes[index] == space { index = bytes.index(after: index) }
            let termStart = index
            while index < bytes.endIndex, bytes[index] != space { index = bytes.index(after: index) }
            guard termStart < index else { return (terms, String(rest[spaceStart..<index])) }
            terms.append(
                SPFTerm(leadingSpace: String(rest[spaceStart..<termStart]), text: String(rest[termStart..<index])))
        }
        return (terms, "")
    }

    /// Reads a record from a TXT record's character-strings, joined with nothing between (§3.3).
    public init?(strings: [String]) {
        self.init(strings.joined())
    }

    /// Builds a record from term texts, one space between each.
    public init(terms: [String]) {
        version = "v=spf1"
        self.terms = terms.map { SPFTerm(leadingSpace: " ", text: $0) }
        trailingSpace = ""
    }

    /// The record's text, exactly as read when nothing was changed.
    public var text: String {
        var text = version
        for term in terms {
            text += term.leadingSpace + term.text
        }
        return text + trailingSpace
    }

    /// Index of the first `all` mechanism; terms after it are never evaluated (§5.1).
    public var firstAllIndex: Int? {
        terms.firstIndex(where: \.isAll)
    }

    /// The `redirect=` term when it takes effect, that is when the record has no `all` (§6.1).
    public var effectiveRedirect: SPFTerm? {
        guard firstAllIndex == nil else { return nil }
        return terms.first { if case .redirect = $0.modifier { true } else { false } }
    }

    /// The conflict of writing this record at `name` when it needs more DNS lookups than SPF allows
    /// (RFC 7208 §4.6.4); nil when it is within the limit.
    func lookupConflict(name: String) -> SPFConflict? {
        let lookups = lookupTerms.count
        return lookups > SPFRecord.lookupLimit ? .tooManyLookups(name: name, record: text, count: lookups) : nil
    }

    /// Terms evaluated by a receiver that cost a DNS lookup: lookup mechanisms before the first
    /// `all` and an effective `redirect`. Terms after `all` and a `redirect` beside an `all`
    /// are never evaluated, so they cost nothing. Nested includes are not followed (offline).
    public var lookupTerms: [SPFTerm] {
        let evaluated = terms[..<(firstAllIndex ?? terms.count)]
        var lookups = evaluated.filter { $0.mechanism?.causesDNSLookup ?? false }
        if let redirect = effectiveRedirect {
            lookups.append(redirect)
        }
        return lookups
    }
}

extension SPFRecord {
    /// The include domains of `text` read as an SPF record, in order, as written: what
    /// `SPFRecord(text)?.terms.compactMap(\.includeDomain)` gives (none when it is no SPF record), with only
    /// the terms that may be includes parsed. A plan asks for the includes of every SPF record it merges into,
    /// whose other terms (`ip4:`, `a`, `-all`) need no reading for it.
    public static func includeDomains(in text: String) -> [String] {
        guard isSPF(text) else { return [] }
        let rest = text[text.utf8.index(text.startIndex, offsetBy: 6)...]
        guard rest.utf8.allSatisfy({ $0 < 0x80 }) else {
            return SPFRecord(text)?.terms.compactMap(\.includeDomain) ?? []
        }
        // ASCII text: the terms are the runs of octets between spaces, as `asciiTerms(_:)` reads them.
        var domains: [String] = []
        for term in rest.utf8.split(separator: UInt8(ascii: " ")) where mayBeInclude(term) {
            if let domain = SPFTerm(text: String(decoding: term, as: UTF8.self)).includeDomain {
                domains.append(domain)
            }
        }
        return domains
    }

    /// Whether an ASCII term starts with `include`, in any case, after an optional qualifier: the mechanism
    /// name of any `include` term (`SPFTermParser` reads the name after the qualifier, lowercased).
    static func mayBeInclude(_ term: Substring.UTF8View) -> Bool {
        var index = term.startIndex
        if index < term.endIndex,
            [UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: "?")]
                .contains(term[index])
        {
            index = term.index(after: index)
        }
        for letter in "include".utf8 {
            // An ASCII letter's two cases differ in the 0x20 bit, and no other octet becomes a lowercase letter by it.
            guard index < term.endIndex, term[index] | 0x20 == letter else { return false }
            index = term.index(after: index)
        }
        return true
    }
}
