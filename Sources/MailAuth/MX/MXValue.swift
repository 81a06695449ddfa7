/// An MX record's RDATA: preference and exchange (RFC 1035 §3.3.9).
public struct MXValue: Sendable, Hashable {
    public var preference: UInt16
    /// The exchange as written; absolute names end in `.`.
    public var exchange: String

    public init(preference: UInt16, exchange: String) {
        self.preference = preference
        self.exchange = exchange
    }

    /// Reads `10 mxbiz1.qq.com.`; nil when it is not a preference and one name.
    public init?(_ rdata: String) {
        let fields = rdata.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 2, fields[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let preference = UInt16(fields[0])
        else { return nil }
        self.init(preference: preference, exchange: String(fields[1]))
    }

    /// `10 mxbiz1.qq.com.`
    public var text: String { "\(preference) \(exchange)" }

    /// A null MX, `0 .`: the domain accepts no mail (RFC 7505 §3). An exchange of `.` with any
    /// preference is treated as one, since mail cannot be delivered to the root either way.
    public var isNull: Bool { exchange == "." }

    /// The exchange compared as DNS does: lowercased, trailing dot dropped.
    public var exchangeKey: String { SPFDomain.comparisonKey(exchange) }
}
