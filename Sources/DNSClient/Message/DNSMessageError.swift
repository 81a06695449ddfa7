/// Why a DNS message could not be read or written. Offsets count from the message's first octet,
/// so a problem can be found in a hex dump of the captured message.
public enum DNSMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message ends before the `what` starting at `offset` is complete.
    case truncated(what: String, offset: Int)
    /// A compression pointer at `offset` points at or after itself, or outside the message.
    case badPointer(offset: Int, target: Int)
    /// A name's labels add up to more than 255 octets (RFC 1035 §3.1).
    case nameTooLong(offset: Int)
    /// A label length octet starts with 01 or 10: an extended label type no one uses (RFC 6891 §5).
    case unsupportedLabelType(offset: Int, octet: UInt8)
    /// The RDATA of a record holds more or fewer octets than its RDLENGTH says.
    case rdataLength(type: String, offset: Int, declared: Int, used: Int)
    /// More than one OPT record, or one outside the additional section or not at the root (RFC 6891 §6.1.1).
    case badOPT(offset: Int)
    /// Octets left after the last record the header counts.
    case trailingOctets(count: Int)
    /// A section holds more than 65535 records, which the header cannot count.
    case tooManyRecords
    /// RDATA longer than 65535 octets cannot be written.
    case rdataTooLong(type: String)

    public var description: String {
        switch self {
        case .truncated(let what, let offset):
            "the message ends inside the \(what) that starts at offset \(offset)"
        case .badPointer(let offset, let target):
            "the compression pointer at offset \(offset) points to \(target), which is not an earlier name"
        case .nameTooLong(let offset):
            "the name at offset \(offset) is longer than 255 octets"
        case .unsupportedLabelType(let offset, let octet):
            "the label at offset \(offset) has the unsupported type bits 0x\(String(octet & 0xC0, radix: 16))"
        case .rdataLength(let type, let offset, let declared, let used):
            "the \(type) RDATA at offset \(offset) declares \(declared) octets but its fields take \(used)"
        case .badOPT(let offset):
            "the OPT record at offset \(offset) is misplaced or repeated"
        case .trailingOctets(let count):
            "\(count) octets follow the last record"
        case .tooManyRecords:
            "a section holds more than 65535 records"
        case .rdataTooLong(let type):
            "the \(type) RDATA is longer than 65535 octets"
        }
    }
}
