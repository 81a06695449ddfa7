/// What `mailzone verify` found: per zone, the servers asked (with the SOA serial each serves),
/// and per sender and record, what each server serves and whether it is what the declaration wants.
///
/// A report is data, rendered as text, JSON (`schemas/verify.schema.json`), Markdown or
/// GitHub annotations; the same report gives the same bytes in every format.
public struct VerifyReport: Codable, Sendable, Hashable {
    /// Version of the report document.
    public static let formatVersion = 1

    public var version: Int
    /// The declaration, as the user named it.
    public var declaration: String
    public var zones: [VerifyZone]
    /// The declaration's own errors (a report made instead of asking any server), worded and placed
    /// as on stderr, so every format says why nothing was verified.
    public var errors: [PlanFinding]

    public init(declaration: String, zones: [VerifyZone], errors: [PlanFinding] = []) {
        self.version = VerifyReport.formatVersion
        self.declaration = declaration
        self.zones = zones
        self.errors = errors
    }

    /// The report of a declaration that could not be read: no zone was asked about.
    public init(declaration: String, invalid errors: DeclarationErrors) {
        self.init(declaration: declaration, zones: [], errors: errors.findings)
    }

    public var summary: VerifySummary {
        var summary = VerifySummary()
        summary.errors += errors.count
        for zone in zones {
            summary.errors += zone.errors.count
            summary.serverErrors += zone.servers.filter { $0.error != nil }.count
            summary.warnings += zone.warnings.count
            for record in zone.senders.flatMap(\.records) {
                switch record.status {
                case .verified: summary.verified += 1
                case .missing: summary.missing += 1
                case .mismatch: summary.mismatch += 1
                case .error: summary.recordErrors += 1
                }
            }
        }
        return summary
    }

    /// 0 when every record is verified, 2 when some are missing or differ, 1 when anything could
    /// not be checked (a server did not answer, a zone's servers are unknown).
    public var exitCode: Int32 {
        let summary = summary
        if summary.errors > 0 || summary.serverErrors > 0 || summary.recordErrors > 0 { return 1 }
        if summary.missing > 0 || summary.mismatch > 0 { return 2 }
        return 0
    }
}

/// The records checked in one zone, and the servers asked.
public struct VerifyZone: Codable, Sendable, Hashable {
    /// The zone's origin, absolute; nil for senders the declaration gives no zone.
    public var origin: String?
    /// The zone file as the declaration names it, relative to the current directory.
    public var file: String?
    /// The serial of the zone file's SOA record, when the file could be read.
    public var fileSerial: UInt32?
    public var servers: [VerifyServer]
    public var senders: [VerifySender]
    /// Problems that stop the zone from being checked (its name servers cannot be found).
    public var errors: [String]
    /// Things to know that do not make a record fail (servers serving different serials).
    public var warnings: [String]

    public init(
        origin: String?, file: String?, fileSerial: UInt32? = nil, servers: [VerifyServer] = [],
        senders: [VerifySender] = [], errors: [String] = [], warnings: [String] = []
    ) {
        self.origin = origin
        self.file = file
        self.fileSerial = fileSerial
        self.servers = servers
        self.senders = senders
        self.errors = errors
        self.warnings = warnings
    }
}

/// One server asked about a zone.
public struct VerifyServer: Codable, Sendable, Hashable {
    /// `127.0.0.1:5353`, `[::1]:53`: how results name the server.
    public var address: String
    /// The name server's host name (`ns1.sampledomain.com.`) when it came from the zone's NS records.
    public var nameServer: String?
    /// The SOA serial the server serves for the zone.
    public var serial: UInt32?
    /// Why the server could not be asked, when it could not.
    public var error: String?

    public init(address: String, nameServer: String? = nil, serial: UInt32? = nil, error: String? = nil) {
        self.address = address
        self.nameServer = nameServer
        self.serial = serial
        self.error = error
    }

    /// `ns1.sampledomain.com. (127.0.0.1:53)`, or the address alone.
    public var label: String { nameServer.map { "\($0) (\(address))" } ?? address }
}

/// One sender's records.
public struct VerifySender: Codable, Sendable, Hashable {
    /// The sender domain, absolute.
    public var domain: String
    public var services: [String]
    public var records: [VerifyRecord]

    public init(domain: String, services: [String], records: [VerifyRecord]) {
        self.domain = domain
        self.services = services
        self.records = records
    }
}

/// One record the declaration wants, and what every server serves for it.
public struct VerifyRecord: Codable, Sendable, Hashable {
    /// The owner, absolute.
    public var name: String
    /// The owner relative to the zone (`@`, `qcloud._domainkey.abc`): the seed's "host record".
    public var relative: String?
    /// `MX`, `TXT`, `CNAME`.
    public var type: String
    /// `mx`, `spf`, `dkim`, `dmarc`, ...
    public var purpose: String
    /// What the plan leaves in the zone after apply (several joined by `, `), in presentation
    /// form; when the zone file cannot be planned, the declared value (`SPF with include:...`).
    public var expected: String
    /// The record's status over all servers: the worst of mismatch, missing, error, verified.
    public var status: VerifyStatus
    /// Where the record comes from in mailzone.yaml.
    public var source: PlanLocation
    /// One result per server asked, in server order. A server that failed before (see
    /// `VerifyServer.error`) has no result.
    public var results: [VerifyResult]

    public init(
        name: String, relative: String?, type: String, purpose: String, expected: String,
        source: PlanLocation, results: [VerifyResult]
    ) {
        self.name = name
        self.relative = relative
        self.type = type
        self.purpose = purpose
        self.expected = expected
        self.source = source
        self.results = results
        self.status = VerifyStatus.combined(results.map(\.status))
    }

    /// True when servers judged differently (one verified, another missing), or gave different
    /// reasons; served values that differ only in spelling (case, string splits) do not count.
    public var serversDisagree: Bool {
        guard let first = results.first else { return false }
        return results.contains { $0.status != first.status || $0.detail != first.detail }
    }

    /// The owner as the zone writes it, else absolute.
    public var host: String { relative ?? name }
}

/// What one server serves for one wanted record.
public struct VerifyResult: Codable, Sendable, Hashable {
    /// The server's address (`VerifyServer.address`).
    public var server: String
    public var status: VerifyStatus
    /// The served records of the asked type in presentation form (TXT strings joined, unquoted,
    /// octets that are not printable as `\DDD`: see `ServedText`), aliases first as `CNAME target.`.
    public var served: [String]
    /// Why the status is what it is, when that is not obvious.
    public var detail: String?
    /// `tcp` when the answer needed TCP (a truncated UDP answer, or `--tcp`).
    public var transport: String?

    public init(
        server: String, status: VerifyStatus, served: [String] = [], detail: String? = nil,
        transport: String? = nil
    ) {
        self.server = server
        self.status = status
        self.served = served
        self.detail = detail
        self.transport = transport
    }
}

/// Whether a server serves a wanted record.
public enum VerifyStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// The server serves exactly what the plan leaves (by meaning when there is no plan).
    case verified
    /// Nothing that could be the wanted record is served.
    case missing
    /// A record is served, but it says something else (another key, a weaker policy, an SPF record
    /// without the include).
    case mismatch
    /// The server could not be asked or refused to answer.
    case error

    /// Over several servers: a mismatch anywhere is worst, then missing, then an error.
    static func combined(_ statuses: [VerifyStatus]) -> VerifyStatus {
        for candidate in [VerifyStatus.mismatch, .missing, .error] where statuses.contains(candidate) {
            return candidate
        }
        return statuses.isEmpty ? .error : .verified
    }
}

/// Counts for the summary line.
public struct VerifySummary: Codable, Sendable, Hashable {
    public var verified = 0
    public var missing = 0
    public var mismatch = 0
    /// Records no server could be asked about.
    public var recordErrors = 0
    /// Servers that could not be asked.
    public var serverErrors = 0
    /// Zone-level problems.
    public var errors = 0
    public var warnings = 0

    public init() {}
}
