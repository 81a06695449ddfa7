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
