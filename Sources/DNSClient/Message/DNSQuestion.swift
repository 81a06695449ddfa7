import ZoneFile

/// One entry of the question section (RFC 1035 §4.1.2): what is asked.
public struct DNSQuestion: Sendable, Hashable, CustomStringConvertible {
    public var name: DomainName
    public var type: RRType
    public var rrClass: RRClass

    public init(name: DomainName, type: RRType, rrClass: RRClass = .in) {
        self.name = name
        self.type = type
        self.rrClass = rrClass
    }

    /// `sampledomain.com. IN MX`, as `dig` prints a question.
    public var description: String { "\(name) \(rrClass) \(type)" }
}
