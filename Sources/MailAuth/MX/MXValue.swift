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
        // ASCII text (every MX a zone or preset writes) is read as octets; other text by characters.
        if let ascii = rdata.utf8.withContiguousStorageIfAvailable({ bytes -> MXValue?? in
            bytes.allSatisfy { $0 < 0x80 } ? .some(Self.read(ascii: bytes)) : .none
        }) ?? nil {
            guard let ascii else { return nil }
            self = ascii
        } else {
            guard let value = Self.read(characters: rdata) else { return nil }
            self = value
        }
    }

    /// `init(_:)` for text that is all ASCII, read as octets: a plan reads every MX it meets.
    static func read(ascii bytes: UnsafeBufferPointer<UInt8>) -> MXValue? {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var fields: (Range<Int>?, Range<Int>?) = (nil, nil)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, !isBlank(bytes[index]) { index += 1 }
            if fields.0 == nil {
                fields.0 = start..<index
            } else if fields.1 == nil {
                fields.1 = start..<index
            } else {
                return nil
            }
        }
        guard let digits = fields.0, let exchange = fields.1 else { return nil }
        var preference: UInt16 = 0
        for byte in bytes[digits] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, overflow) = preference.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt16(byte - 0x30))
            guard !overflow, !carry else { return nil }
            preference = sum
        }
        return MXValue(preference: preference, exchange: String(decoding: bytes[exchange], as: UTF8.self))
    }

    /// `init(_:)` for any text, split into characters.
    static func read(characters rdata: String) -> MXValue? {
        let fields = rdata.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 2, fields[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let preference = UInt16(fields[0])
        else { return nil }
        return MXValue(preference: preference, exchange: String(fields[1]))
    }

    /// `10 mxbiz1.qq.com.`
    public var text: String { "\(preference) \(exchange)" }

    /// A null MX, `0 .`: the domain accepts no mail (RFC 7505 §3). An exchange of `.` with any
    /// preference is treated as one, since mail cannot be delivered to the root either way.
    public var isNull: Bool { exchange == "." }

    /// The exchange compared as DNS does: lowercased, trailing dot dropped.
    public var exchangeKey: String { SPFDomain.comparisonKey(exchange) }

    /// Whether `other`'s exchange is this one as DNS compares them (their `exchangeKey`s are equal), found
    /// without making either key when both are ASCII: the MX rules compare each MX of a name with those wanted.
    public func hasSameExchange(as other: MXValue) -> Bool {
        SPFDomain.haveOneKey(exchange, other.exchange)
    }
}
