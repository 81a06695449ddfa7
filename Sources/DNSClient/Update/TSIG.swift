import Crypto
import ZoneFile

/// Transaction signatures (RFC 8945): a request is signed with a shared key, and the server's
/// response is accepted only with a valid signature over it and the request's MAC (§5.3), so an
/// update cannot be forged or its answer spoofed.
public enum TSIG {
    /// How far apart the signer's and the verifier's clocks may be, in seconds (RFC 8945 §10: 300).
    public static let fudge: UInt16 = 300

    /// TSIG error codes (RFC 8945 §3, in the TSIG record's Error field).
    public static let badSig: UInt16 = 16
    public static let badKey: UInt16 = 17
    public static let badTime: UInt16 = 18
    public static let badTrunc: UInt16 = 22

    /// A signed request: its octets with the TSIG record appended, and the MAC the response's
    /// signature covers.
    public struct Signed: Sendable, Hashable {
        public var bytes: [UInt8]
        public var mac: [UInt8]
    }

    /// Signs `message` (its wire form, without TSIG) at `time` (seconds since 1970): the MAC covers
    /// the message and the TSIG variables (§4.3.3), and the TSIG record goes last in the additional
    /// section, whose count is raised by one.
    public static func sign(_ message: [UInt8], key: TSIGKey, time: UInt64) throws(TSIGError) -> Signed {
        guard message.count >= 12 else { throw .malformed("the message is shorter than its header") }
        let variables = self.variables(key: key, time: time, error: 0, other: [])
        let mac = hmac(key, [message, variables])
        var signed = message
        let count = UInt16(message[10]) << 8 | UInt16(message[11])
        guard count < 0xFFFF else { throw .malformed("the additional section is full") }
        signed[10] = UInt8((count + 1) >> 8)
        signed[11] = UInt8((count + 1) & 0xFF)
        let id = UInt16(message[0]) << 8 | UInt16(message[1])
        signed += record(key: key, time: time, mac: mac, originalID: id, error: 0)
        return Signed(bytes: signed, mac: mac)
    }

    /// What a verified response's TSIG said.
    public struct Verified: Sendable, Hashable {
        /// The response without its TSIG record (the additional count lowered again).
        public var message: [UInt8]
    }

    /// Checks the response to a request signed with `key` whose MAC was `requestMAC` (§5.3): it
    /// must end in a TSIG record of the same key and algorithm, with no TSIG error, a valid MAC over
    /// the request's MAC, the response and the TSIG variables, and a time within the fudge of `now`.
    public static func verify(
        response: [UInt8], requestMAC: [UInt8], key: TSIGKey,
        now: UInt64
    ) throws(TSIGError) -> Verified {
        let found = try locate(in: response)
        guard let found else { throw .unsigned }
        let tsig = found.tsig
        guard tsig.keyName.lowercased == key.name.lowercased else {
            throw .malformed("the response is signed with another key (\(tsig.keyName))")
        }
        if tsig.error != 0 { throw .rejected(error: tsig.error, key: key.name) }
        guard tsig.algorithm.lowercased == key.algorithm.lowercased else {
            throw .malformed("the response is signed with another algorithm (\(tsig.algorithm))")
        }
        var unsigned = Array(response[..<found.start])
        let count = UInt16(unsigned[10]) << 8 | UInt16(unsigned[11])
        unsigned[10] = UInt8((count &- 1) >> 8)
        unsigned[11] = UInt8((count &- 1) & 0xFF)
        unsigned[0] = UInt8(tsig.originalID >> 8)
        unsigned[1] = UInt8(tsig.originalID & 0xFF)
        let variables = self.variables(
            key: key, time: tsig.timeSigned, fudge: tsig.fudge, error: tsig.error,
            other: tsig.otherData)
        let length = [UInt8(requestMAC.count >> 8), UInt8(requestMAC.count & 0xFF)]
        let expected = hmac(key, [length, requestMAC, unsigned, variables])
        guard tsig.mac.count == expected.count, constantTimeEqual(tsig.mac, expected) else { throw .badSignature }
        let skew = now > tsig.timeSigned ? now - tsig.timeSigned : tsig.timeSigned - now
        guard skew <= UInt64(tsig.fudge) else { throw .badTime(skew: skew) }
        return Verified(message: unsigned)
    }

    /// The TSIG variables (§4.3.3): key name and algorithm in canonical form, and the record's fields.
    static func variables(
        key: TSIGKey, time: UInt64, fudge: UInt16 = TSIG.fudge, error: UInt16,
        other: [UInt8]
    ) -> [UInt8] {
        var bytes = key.name.lowercased.wire
        append16(&bytes, RRClass.any.rawValue)
        append32(&bytes, 0)
        bytes += key.algorithm.lowercased.wire
        append48(&bytes, time)
        append16(&bytes, fudge)
        append16(&bytes, error)
        append16(&bytes, UInt16(truncatingIfNeeded: other.count))
        return bytes + other
    }

    /// The TSIG record as it goes on the wire (§4.2), names uncompressed.
    static func record(key: TSIGKey, time: UInt64, mac: [UInt8], originalID: UInt16, error: UInt16) -> [UInt8] {
        var rdata = key.algorithm.lowercased.wire
        append48(&rdata, time)
        append16(&rdata, fudge)
        append16(&rdata, UInt16(truncatingIfNeeded: mac.count))
        rdata += mac
        append16(&rdata, originalID)
        append16(&rdata, error)
        append16(&rdata, 0)
        var bytes = key.name.lowercased.wire
        append16(&bytes, RRType.tsig.rawValue)
        append16(&bytes, RRClass.any.rawValue)
        append32(&bytes, 0)
        append16(&bytes, UInt16(truncatingIfNeeded: rdata.count))
        return bytes + rdata
    }

    /// A TSIG record's fields.
    struct Fields: Sendable, Hashable {
        var keyName: DomainName
        var algorithm: DomainName
        var timeSigned: UInt64
        var fudge: UInt16
        var mac: [UInt8]
        var originalID: UInt16
        var error: UInt16
        var otherData: [UInt8]
    }

    /// Finds the message's TSIG record: the last record of the additional section (§5.1: anywhere
    /// else it is FORMERR). Returns where it starts and its fields, or nil when the message has none.
    static func locate(in message: [UInt8]) throws(TSIGError) -> (start: Int, tsig: Fields)? {
        do {
            var reader = DNSWireReader(message)
            _ = try reader.uint16("header")
            _ = try reader.uint16("header")
            let questions = Int(try reader.uint16("header"))
            let records =
                Int(try reader.uint16("header")) + Int(try reader.uint16("header"))
                + Int(try reader.uint16("header"))
            for _ in 0..<questions {
                _ = try reader.name("question name")
                _ = try reader.octets(4, "question")
            }
            guard records > 0 else { return nil }
            for _ in 0..<(records - 1) {
                _ = try reader.name("record owner")
                _ = try reader.octets(8, "record")
                _ = try reader.octets(Int(try reader.uint16("record")), "RDATA")
            }
            let start = reader.position
            let owner = try reader.name("record owner")
            guard RRType(try reader.uint16("record")) == .tsig else { return nil }
            _ = try reader.octets(6, "record")
            let length = Int(try reader.uint16("record"))
            let end = reader.position + length
            let algorithm = try reader.name("TSIG algorithm")
            let high = UInt64(try reader.uint16("TSIG time"))
            let time = high << 32 | UInt64(try reader.uint32("TSIG time"))
            let fudge = try reader.uint16("TSIG fudge")
            let mac = try reader.octets(Int(try reader.uint16("TSIG MAC size")), "TSIG MAC")
            let originalID = try reader.uint16("TSIG original ID")
            let error = try reader.uint16("TSIG error")
            let other = try reader.octets(Int(try reader.uint16("TSIG other length")), "TSIG other data")
            guard reader.position == end, reader.remaining == 0 else {
                throw TSIGError.malformed("the TSIG record's length does not match its fields, or it is not last")
            }
            return (
                start,
                Fields(
                    keyName: owner, algorithm: algorithm, timeSigned: time, fudge: fudge, mac: mac,
                    originalID: originalID, error: error, otherData: other)
            )
        } catch let error as TSIGError {
            throw error
        } catch let error as DNSMessageError {
            throw .malformed("\(error)")
        } catch {
            throw .malformed("\(error)")
        }
    }

    private static func hmac(_ key: TSIGKey, _ parts: [[UInt8]]) -> [UInt8] {
        var code = HMAC<SHA256>(key: SymmetricKey(data: key.secret))
        for part in parts { code.update(data: part) }
        return Array(code.finalize())
    }

    /// Compares every octet, so the time taken says nothing about where a forged MAC goes wrong.
    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0 && a.count == b.count
    }

    private static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        append16(&bytes, UInt16(value >> 16))
        append16(&bytes, UInt16(value & 0xFFFF))
    }

    private static func append48(_ bytes: inout [UInt8], _ value: UInt64) {
        append16(&bytes, UInt16((value >> 32) & 0xFFFF))
        append32(&bytes, UInt32(value & 0xFFFF_FFFF))
    }
}

/// Why a TSIG-signed exchange failed.
public enum TSIGError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with a TSIG error (RFC 8945 §5.2): BADSIG, BADKEY, BADTIME, BADTRUNC.
    case rejected(error: UInt16, key: DomainName)
    /// The response carries no TSIG record although the request was signed.
    case unsigned
    /// The response's MAC is not the one the key gives: it was altered, or not made with this key.
    case badSignature
    /// The response was signed too long ago or in the future.
    case badTime(skew: UInt64)
    /// The TSIG record cannot be read.
    case malformed(String)

    public var description: String {
        switch self {
        case .rejected(let error, let key):
            switch error {
            case TSIG.badSig:
                "the server did not accept the signature made with key \(key) (BADSIG): the secret is not the one "
                    + "the server has for this key; use the key file named.conf includes"
            case TSIG.badKey:
                "the server does not know the key \(key) (BADKEY): use a key named.conf defines, or add this one "
                    + "to named.conf and to the zone's update-policy"
            case TSIG.badTime:
                "the server rejected the signature's time (BADTIME): this machine's clock and the server's differ "
                    + "by more than \(TSIG.fudge) s; set both clocks right (NTP)"
            case TSIG.badTrunc:
                "the server rejected the signature's length (BADTRUNC)"
            default:
                "the server rejected the signature (TSIG error \(error))"
            }
        case .unsigned:
            "the server's answer is not signed: it may not come from the server (or the server does not know TSIG)"
        case .badSignature:
            "the server's answer has a wrong signature: it was altered on the way or does not come from the server"
        case .badTime(let skew):
            "the server's answer was signed \(skew) s away from this machine's time, more than \(TSIG.fudge) s; "
                + "set both clocks right (NTP)"
        case .malformed(let problem):
            "the server's TSIG record cannot be read: \(problem)"
        }
    }
}
