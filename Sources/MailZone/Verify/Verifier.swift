import DNSClient
import Foundation
import ZoneFile

/// Asks DNS servers for every record a declaration wants and judges what they serve
/// (`mailzone verify`): the second step of the seed, "verify the result", done for every record
/// and every server at once instead of by hand with `dig`.
///
/// Each zone's servers are asked for the zone's SOA first: a server that does not answer that
/// is reported once (`VerifyServer.error`) and not asked again, so a dead server costs one
/// timeout, not one per record, and records carry results only from the servers asked.
public struct Verifier: Sendable {
    public let declaration: Declaration
    public let client: any DNSQuerying
    public let resolver: any HostResolving
    /// Lets zone files and their `$INCLUDE`s be read outside the declaration's directory tree
    /// (`--allow-outside`), as for `plan`.
    public let allowOutside: Bool

    public init(declaration: Declaration, client: any DNSQuerying, resolver: any HostResolving = SystemHostResolver(),
                allowOutside: Bool = false) {
        self.declaration = declaration
        self.client = client
        self.resolver = resolver
        self.allowOutside = allowOutside
    }

    /// Which servers to ask.
    public enum Servers: Sendable, Hashable {
        /// These servers, for every zone (`--server`).
        case given([DNSServerAddress])
        /// Each zone's own name servers, from its apex NS records, asked on `port`.
        case authoritative(port: UInt16)
    }

    public func verify(servers: Servers) -> VerifyReport {
        var zones: [VerifyZone] = []
        for (zone, indices) in zip(declaration.zones, declaration.sendersByZone) {
            let senders = indices.map { declaration.records(ofSender: $0) }
            guard !senders.isEmpty else { continue }
            zones.append(verify(zone: zone, senders: senders, servers: servers))
        }
        let homeless = declaration.senders.indices.filter { declaration.senderZones[$0] == nil }
            .map { declaration.records(ofSender: $0) }
        if !homeless.isEmpty {
            var zone = VerifyZone(origin: nil, file: nil)
            switch servers {
            case .given(let addresses):
                let targets = addresses.map { VerifyTarget(address: $0) }
                zone.servers = targets.map { VerifyServer(address: $0.address.description) }
                var dead: [DNSServerAddress: String] = [:]
                zone.senders = homeless.map { verify(sender: $0, targets: targets, dead: &dead) }
            case .authoritative:
                for sender in homeless {
                    zone.errors.append("\(sender.sender.domain.value.text) is in no zone of \(declaration.displayPath), so its name servers are unknown; name the servers to ask with --server")
                }
            }
            zones.append(zone)
        }
        return VerifyReport(declaration: declaration.displayPath, zones: zones)
    }

    private func verify(zone declared: ZoneDeclaration, senders: [SenderRecords], servers: Servers) -> VerifyZone {
        let origin = declared.origin.value.dnsName
        let file = declaration.path(of: declared)
        var zone = VerifyZone(origin: origin.description, file: file)
        // The zone file gives the serial to compare with and, without --server, the name servers;
        // like plan, verify reads no file outside the declaration's tree unless allowed.
        let loaded: Zone?
        let root = declaration.file.deletingLastPathComponent().path
        if !allowOutside, !FilePaths.isInside(declared.url.path, root: root) {
            zone.errors.append("the zone file \(file) is outside the directory of \(declaration.displayPath) (resolved: \(FilePaths.resolved(declared.url.path))), so it is not read; keep zone files beside the declaration, or pass --allow-outside")
            loaded = nil
        } else if FileManager.default.fileExists(atPath: declared.url.path) {
            loaded = ZoneLoader.load(path: declared.url.path,
                                     options: Planner.loadOptions(origin: origin, declarationPath: declaration.displayPath,
                                                                  allowOutside: allowOutside))
        } else {
            loaded = nil
        }
        zone.fileSerial = loaded?.records(at: origin, type: .soa).first.flatMap { $0.rdata.soaSerial }

        var targets: [VerifyTarget]
        switch servers {
        case .given(let addresses):
            targets = addresses.map { VerifyTarget(address: $0) }
        case .authoritative(let port):
            guard let loaded else {
                zone.errors.append("cannot read \(file), so the zone's name servers are unknown; name the servers to ask with --server")
                var dead: [DNSServerAddress: String] = [:]
                zone.senders = senders.map { verify(sender: $0, targets: [], dead: &dead) }
                return zone
            }
            let found = NameServerDiscovery(resolver: resolver, port: port).servers(in: loaded, origin: origin, file: file)
            zone.errors += found.problems
            targets = found.servers
        }

        // The SOA first: the serial each server serves, and whether it answers at all.
        var dead: [DNSServerAddress: String] = [:]
        for target in targets {
            var server = VerifyServer(address: target.address.description, nameServer: target.nameServer)
            do {
                let answer = try client.query(origin, type: .soa, server: target.address)
                if let soa = answer.records.first, let serial = soa.rdata.soaSerial {
                    server.serial = serial
                } else if answer.rcode == .refused || answer.rcode == .notAuth || answer.isReferral {
                    server.error = "\(target.address) does not serve the zone \(origin) (\(answer.isReferral ? "referral" : answer.rcode.description)); check the server's configuration"
                    dead[target.address] = server.error
                } else {
                    server.error = "\(target.address) answered \(answer.rcode) with no SOA record for \(origin); the zone may have failed to load"
                }
            } catch {
                server.error = error.description
                dead[target.address] = server.error
            }
            zone.servers.append(server)
        }
        zone.warnings = serialWarnings(zone)
        zone.senders = senders.map { verify(sender: $0, targets: targets, dead: &dead) }
        return zone
    }

    /// Checks one sender's records on every target; a server that stops answering is marked in
    /// `dead` and not asked again.
    private func verify(sender: SenderRecords, targets: [VerifyTarget], dead: inout [DNSServerAddress: String]) -> VerifySender {
        var records: [VerifyRecord] = []
        for check in VerifyCheck.checks(for: sender) {
            var results: [VerifyResult] = []
            for target in targets {
                let server = target.address.description
                // A server that failed is reported once, on its own line, and not asked again.
                if dead[target.address] != nil { continue }
                do {
                    let answer = try client.query(check.owner, type: check.queryType, server: target.address)
                    results.append(AnswerJudge.judge(check, answer: answer, server: server))
                } catch {
                    results.append(VerifyResult(server: server, status: .error, detail: error.description))
                    // A server that went silent or away is not asked again; a bad answer is per question.
                    switch error {
                    case .timeout, .refused, .unreachable: dead[target.address] = error.description
                    default: break
                    }
                }
            }
            records.append(VerifyRecord(name: check.owner.description, relative: check.relative,
                                        type: check.queryType.description, purpose: check.purpose.rawValue,
                                        expected: check.expected,
                                        source: PlanLocation(file: check.source.file, line: check.source.line,
                                                             column: check.source.column),
                                        results: results))
        }
        return VerifySender(domain: sender.sender.domain.value.absolute,
                            services: sender.sender.services.map(\.preset.value), records: records)
    }

    /// Says which servers serve another serial than the zone file (or than each other).
    private func serialWarnings(_ zone: VerifyZone) -> [String] {
        let serving = zone.servers.filter { $0.serial != nil }
        if let fileSerial = zone.fileSerial {
            return serving.compactMap { server in
                guard let serial = server.serial, serial != fileSerial else { return nil }
                let state = SerialArithmetic.isBefore(serial, fileSerial)
                    ? "has not loaded it yet" : "serves a newer zone than the file"
                return "\(server.label) serves serial \(serial) but \(zone.file ?? "the zone file") has \(fileSerial): it \(state)"
            }
        }
        let serials = Set(serving.compactMap(\.serial))
        guard serials.count > 1 else { return [] }
        let list = serving.compactMap { server in server.serial.map { "\(server.label) \($0)" } }
        return ["the servers serve different serials: " + list.joined(separator: ", ")]
    }
}

/// RFC 1982 serial number arithmetic: which of two serials is older, across the wrap at 2^32.
enum SerialArithmetic {
    static func isBefore(_ lhs: UInt32, _ rhs: UInt32) -> Bool {
        SerialScheme.isGreater(rhs, than: lhs)
    }
}
