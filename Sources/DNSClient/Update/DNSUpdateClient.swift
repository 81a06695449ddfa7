import ZoneFile

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends an RFC 2136 UPDATE to a zone's primary server over TCP, signed with TSIG when a key is
/// given, and reads the server's verdict.
///
/// TCP, not UDP: an update carrying DKIM keys easily exceeds a datagram, and over TCP a lost
/// answer is a closed connection rather than a retry that might apply the update twice.
public struct DNSUpdateClient: Sendable {
    /// Seconds the whole exchange may take.
    public var timeout: Double
    /// The clock the timeout is counted on: the system's, or a test's.
    public var clock: any DNSClock

    public init(timeout: Double = 10, clock: any DNSClock = SystemDNSClock()) {
        self.timeout = timeout
        self.clock = clock
    }

    /// Sends `update` to `server`; returns when the server applied it (NOERROR), throws otherwise.
    /// With a key, the response's signature is verified before its verdict is believed.
    public func send(
        _ update: DNSUpdate, to server: DNSServerAddress, key: TSIGKey?,
        id: UInt16 = UInt16.random(in: 0...UInt16.max)
    ) throws(DNSUpdateError) {
        var bytes: [UInt8]
        do {
            bytes = try update.message(id: id).encoded()
        } catch {
            throw .transport(.badQuery(error))
        }
        var requestMAC: [UInt8] = []
        if let key {
            do {
                let signed = try TSIG.sign(bytes, key: key, time: Self.now())
                bytes = signed.bytes
                requestMAC = signed.mac
            } catch {
                throw .tsig(error)
            }
        }
        let deadline = clock.now + DNSTransport.seconds(timeout)
        let answer = try exchange(bytes, server: server, deadline: deadline)
        var unsigned = answer
        if let key {
            do {
                unsigned = try TSIG.verify(response: answer, requestMAC: requestMAC, key: key, now: Self.now()).message
            } catch .unsigned {
                // An unsigned answer is not believed, but its RCODE still says why the server refused.
                let rcode = try Self.decode(answer, server: server).rcode
                throw rcode == .noError ? .tsig(.unsigned) : .rejected(rcode: rcode, server: server, zone: update.zone)
            } catch {
                throw .tsig(error)
            }
        }
        let response = try Self.decode(unsigned, server: server)
        guard response.header.isResponse, response.header.id == id, response.header.opcode == DNSUpdate.opcode else {
            throw .transport(.mismatchedAnswer(server: server))
        }
        guard response.rcode == .noError else {
            throw .rejected(rcode: response.rcode, server: server, zone: update.zone)
        }
    }

    private static func decode(_ bytes: [UInt8], server: DNSServerAddress) throws(DNSUpdateError) -> DNSMessage {
        do {
            return try DNSMessage(decoding: bytes)
        } catch {
            throw .transport(.malformedAnswer(server: server, problem: error))
        }
    }

    /// Seconds since 1970, for TSIG's time signed.
    static func now() -> UInt64 {
        UInt64(max(0, time(nil)))
    }

    /// One length-prefixed message out, one back (RFC 1035 §4.2.2), before `deadline`.
    private func exchange(
        _ bytes: [UInt8], server: DNSServerAddress,
        deadline: Duration
    ) throws(DNSUpdateError) -> [UInt8] {
        do throws(DNSClientError) {
            guard
                let answer = try DNSTransport.tcpExchange(
                    bytes, server: server, clock: clock, deadline: deadline, timeout: timeout)
            else {
                throw DNSClientError.timeout(server: server, seconds: timeout, attempts: 1, transport: .tcp)
            }
            return answer
        } catch {
            throw .transport(error)
        }
    }
}

/// Why an update was not applied. The server applies an update whole or not at all (RFC 2136
/// §3.4), so each of these means the zone is unchanged.
public enum DNSUpdateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server could not be reached or its answer not read.
    case transport(DNSClientError)
    /// The signature of the request or of the answer failed (BADSIG, BADKEY, a forged answer...).
    case tsig(TSIGError)
    /// The server answered with an error RCODE.
    case rejected(rcode: DNSRCode, server: DNSServerAddress, zone: DomainName)

    /// True when a prerequisite did not hold: the zone on the server is not what the update was planned on.
    public var isPrerequisiteFailure: Bool {
        guard case .rejected(let rcode, _, _) = self else { return false }
        return [.yxDomain, .yxRRSet, .nxRRSet, .nameError].contains(rcode)
    }

    public var description: String {
        switch self {
        case .transport(let error):
            "\(error)"
        case .tsig(let error):
            "\(error)"
        case .rejected(let rcode, let server, let zone):
            switch rcode {
            case .refused:
                "\(server) refused the update of \(zone) (REFUSED): its allow-update or update-policy does not let "
                    + "this key change these records; grant the key in the zone's update-policy in named.conf"
            case .notAuth:
                "\(server) is not authoritative for \(zone) or did not accept the key (NOTAUTH): send the update to "
                    + "the zone's primary server, with a key its named.conf defines"
            case .notZone:
                "\(server) says a record of the update is outside \(zone) (NOTZONE)"
            case .yxDomain, .yxRRSet, .nxRRSet, .nameError:
                "the records on \(server) are not those the plan was made from (\(rcode): a prerequisite does not "
                    + "hold): someone changed them since, or the zone file is older than named's journal"
            case .serverFailure:
                "\(server) failed to apply the update of \(zone) (SERVFAIL); see named's log"
            case .notImplemented:
                "\(server) does not accept dynamic updates (NOTIMP)"
            case .formatError:
                "\(server) could not read the update (FORMERR)"
            default:
                "\(server) refused the update of \(zone) (\(rcode))"
            }
        }
    }
}
