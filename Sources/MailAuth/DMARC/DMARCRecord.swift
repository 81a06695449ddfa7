/// A DMARC record, the TXT at `_dmarc.DOMAIN` (RFC 7489 §6.3): its tags in order, names
/// and values as written, unknown tags included (receivers ignore them; mailzone keeps them).
///
/// Reading fails when the text is not a tag list or does not start with `v=DMARC1`; other
/// problems, a missing `p=` included, are reported by ``problems``.
public struct DMARCRecord: Sendable, Hashable {
    /// One tag as written.
    public struct Tag: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var tags: [Tag]

    /// Whether `text` is meant as a DMARC record: its first tag is `v=DMARC1`. Used to pick the
    /// DMARC records among the TXT records at a `_dmarc` name.
    public static func isDMARC(_ text: String) -> Bool {
        // ASCII text (nearly every record) read as octets, where a character is an octet: a plan asks this of
        // every TXT record at a `_dmarc` name and of the organisational record each subdomain sender inherits.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ dmarcVersionTag(asciiOctets: $0) }), let answer {
            return answer
        }
        return dmarcVersionTag(readingCharacters: text)
    }

    /// Whether the first tag is `v=DMARC1` (`isDMARC(_:)`) in text whose octets are `octets`, read octet by octet; nil when one is not ASCII (then the
    /// text is read as characters).
    static func dmarcVersionTag(asciiOctets octets: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard octets.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isFWS(_ octet: UInt8) -> Bool { octet == 0x20 || octet == 0x09 || octet == 0x0D || octet == 0x0A }
        // The first tag, up to the first `;`, and its `=`; the name and the value without folding whitespace.
        let end = octets.firstIndex(of: UInt8(ascii: ";")) ?? octets.count
        guard let equals = octets[..<end].firstIndex(of: UInt8(ascii: "=")) else { return false }
        var nameStart = 0
        var nameEnd = equals
        while nameStart < nameEnd, isFWS(octets[nameStart]) { nameStart += 1 }
        while nameEnd > nameStart, isFWS(octets[nameEnd - 1]) { nameEnd -= 1 }
        guard nameEnd - nameStart == 1, octets[nameStart] | 0x20 == UInt8(ascii: "v") else { return false }
        var valueStart = equals + 1
        var valueEnd = end
        while valueStart < valueEnd, isFWS(octets[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, isFWS(octets[valueEnd - 1]) { valueEnd -= 1 }
        return octets[valueStart..<valueEnd].elementsEqual("DMARC1".utf8)
    }

    /// Whether the first tag is `v=DMARC1` (`isDMARC(_:)`), read as characters, as any text is.
    static func dmarcVersionTag(readingCharacters text: String) -> Bool {
        // The first tag, up to the first `;` (the text when there is none): found in place, not split into an array.
        let first = text[..<(text.firstIndex(of: ";") ?? text.endIndex)]
        guard let equals = first.firstIndex(of: "=") else { return false }
        return TagList.trimFWS(first[..<equals]).lowercased() == "v"
            && TagList.trimFWS(first[first.index(after: equals)...]) == "DMARC1"
    }

    public init(_ text: String) throws(DMARCProblem) {
        switch TagList.parse(text) {
        case .success(let specs):
            tags = specs.map { Tag(name: $0.name, value: $0.value) }
        case .failure(let error):
            throw .syntax(reason: error.description)
        }
        guard let first = tags.first, first.name.lowercased() == "v", first.value == "DMARC1" else {
            throw .notDMARC(record: text)
        }
    }

    public init(strings: [String]) throws(DMARCProblem) {
        try self.init(strings.joined())
    }

    public init(tags: [Tag]) {
        self.tags = tags
    }

    /// The record in the form mailzone writes: `v=DMARC1; p=none; rua=mailto:...`.
    public var text: String {
        tags.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// The value of a tag; DMARC tag names are case-insensitive.
    public func value(of name: String) -> String? {
        tags.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var policy: DMARCPolicy? { value(of: "p").flatMap(DMARCPolicy.init(value:)) }
    public var subdomainPolicy: DMARCPolicy? { value(of: "sp").flatMap(DMARCPolicy.init(value:)) }
    /// `pct=`, nil when absent (receivers then apply the policy to 100%).
    public var percentage: Int? { value(of: "pct").flatMap { Int($0) } }
    public var aggregateReportURIs: [DMARCReportURI] { reportURIs("rua") }
    public var failureReportURIs: [DMARCReportURI] { reportURIs("ruf") }

    /// The policy a subdomain without its own record gets: `sp` if present, else `p` (§6.6.3).
    public var inheritedSubdomainPolicy: DMARCPolicy? { subdomainPolicy ?? policy }

    func reportURIs(_ tag: String) -> [DMARCReportURI] {
        guard let value = value(of: tag) else { return [] }
        return value.split(separator: ",").compactMap {
            try? DMARCReportURI.parse(String(TagList.trimFWS($0))).get()
        }
    }
}
