import DNSClient
import Foundation
import ZoneFile

/// Asks DNS servers for every record a declaration wants and judges what they serve
/// (`mailzone verify`): the second step of the seed, "verify the result", done for every record
/// and every server at once instead of by hand with `dig`.
///
/// What is checked is what the plan leaves in the zone after apply (`PostApplyRecords`: the
/// merged SPF record, the zone's stricter DMARC record kept, the MX records `mx: keep-existing`
/// keeps), so "verified" means the server serves exactly that. Only a sender whose zone file
/// cannot be read is checked against the declaration's values, by meaning, and the zone says so.
///
/// Each zone's servers are asked for the zone's SOA first: a server that does not answer that
/// is reported once (`VerifyServer.error`) and not asked again. Then each server is asked about
/// every record, `concurrency` questions at a time, servers side by side (tasks of a task group,
/// each blocking socket wait on a thread of its own: `QuestionThread`); a server that goes
/// silent or sends answers that cannot be read or believed is marked bad and asked nothing more,
/// so a bad server costs about one timeout, not one per record.
public struct Verifier: Sendable {
    public let declaration: Declaration
    public let client: any DNSQuerying
    public let resolver: any HostResolving
    /// Lets zone files and their `$INCLUDE`s be read outside the declaration's directory tree
    /// (`--allow-outside`), as for `plan`.
    public let allowOutside: Bool
    /// Questions in flight at once to one server: enough that a silent server's timeouts overlap,
    /// few enough not to flood a name server.
    public let concurrency: Int
    /// The part of the declaration to verify (`--sender`, `--zone`); nil verifies all of it.
    public let target: PlanTarget?

    public init(
        declaration: Declaration, client: any DNSQuerying, resolver: any HostResolving = SystemHostResolver(),
        allowOutside: Bool = false, concurrency: Int = 8, target: PlanTarget? = nil
    ) {
        self.target = target
        self.declaration = declaration
        self.client = client
        self.resolver = resolver
        self.allowOutside = allowOutside
        self.concurrency = max(1, concurrency)
    }

    /// Which servers to ask.
    public enum Servers: Sendable, Hashable {
        /// These servers, for every zone (`--server`).
        case given([DNSServerAddress])
        /// Each zone's own name servers, from its apex NS records, asked on `port`.
        case authoritative(port: UInt16)
    }

    public func verify(servers: Servers) async -> VerifyReport {
        var zones: [VerifyZone] = []
        // Narrowed, the zone is planned with the targeted senders only, as `apply --sender` leaves it.
        for (zone, indices) in zip(declaration.zones, target?.sendersByZone(declaration) ?? declaration.sendersByZone) {
            guard !indices.isEmpty else { continue }
            zones.append(await verify(zone: zone, senders: indices, servers: servers))
        }
        let homeless = declaration.senders.indices.filter {
            declaration.senderZones[$0] == nil && (target?.includes(senderAt: $0, of: declaration) ?? true)
        }
        .map { declaration.records(ofSender: $0) }
        if !homeless.isEmpty {
            var zone = VerifyZone(origin: nil, file: nil)
            switch servers {
            case .given(let addresses):
                let targets = addresses.map { VerifyTarget(address: $0) }
                zone.servers = targets.map { VerifyServer(address: $0.address.description) }
                zone.senders = await ask(
                    homeless.map { ($0, VerifyCheck.checks(for: $0)) }, targets: targets, skipping: [],
                    servers: &zone.servers)
            case .authoritative:
                for sender in homeless {
                    zone.errors.append(
                        "\(sender.sender.domain.value.text) is in no zone of \(declaration.displayPath), so its name servers are unknown; name the servers to ask with --server"
                    )
                }
            }
            zones.append(zone)
        }
        return VerifyReport(declaration: declaration.displayPath, zones: zones)
    }

    private func verify(zone declared: ZoneDeclaration, senders indices: [Int], servers: Servers) async -> VerifyZone {
        let origin = declared.origin.value.dnsName
        let file = declaration.path(of: declared)
        let senders = indices.map { declaration.records(ofSender: $0) }
        var zone = VerifyZone(origin: origin.description, file: file)
        // The zone file gives what apply leaves (the plan), the serial to compare with and, without
        // --server, the name servers; like plan, verify reads no file outside the declaration's
        // tree unless allowed.
        let loaded: Zone?
        let root = declaration.file.deletingLastPathComponent().path
        if !allowOutside, !FilePaths.isInside(declared.url.path, root: root) {
            zone.errors.append(
                "the zone file \(file) is outside the directory of \(declaration.displayPath) (resolved: \(FilePaths.resolved(declared.url.path))), so it is not read; keep zone files beside the declaration, or pass --allow-outside"
            )
            loaded = nil
        } else if FileManager.default.fileExists(atPath: declared.url.path) {
            loaded = ZoneLoader.load(
                path: declared.url.path,
                options: Planner.loadOptions(
                    origin: origin, declarationPath: declaration.displayPath,
                    allowOutside: allowOutside))
        } else {
            loaded = nil
        }
        zone.fileSerial = loaded?.records(at: origin, type: .soa).first.flatMap { $0.rdata.soaSerial }

        let checks: [(SenderRecords, [VerifyCheck])]
        if let loaded, loaded.errors.isEmpty {
            let planned = PostApplyRecords.plan(
                loaded, senders: indices, origin: origin, path: file,
                declaration: declaration)
            checks = zip(senders, planned.map(VerifyCheck.checks(for:))).map { ($0, $1) }
        } else {
            let why = loaded?.errors.first.map { "cannot be planned (\($0.message))" } ?? "cannot be read"
            zone.warnings.append(
                "\(file) \(why), so each record is checked against the declaration's value, "
                    + "by meaning, not against what apply would leave")
            checks = senders.map { ($0, VerifyCheck.checks(for: $0)) }
        }

        let targets: [VerifyTarget]
        switch servers {
        case .given(let addresses):
            targets = addresses.map { VerifyTarget(address: $0) }
        case .authoritative(let port):
            guard let loaded else {
                zone.errors.append(
                    "cannot read \(file), so the zone's name servers are unknown; name the servers to ask with --server"
                )
                zone.senders = await ask(checks, targets: [], skipping: [], servers: &zone.servers)
                return zone
            }
            let found = NameServerDiscovery(resolver: resolver, port: port).servers(
                in: loaded, origin: origin, file: file)
            zone.errors += found.problems
            targets = found.servers
        }

        // The SOA first, every server at once: the serial each serves, and whether it answers at all.
        let soas = await ParallelMap.map(targets, width: targets.count) { target in
            await QuestionThread.run { soa(of: origin, from: target) }
        }
        zone.servers = soas.map(\.server)
        zone.warnings += serialWarnings(zone)
        let dead = Set(soas.indices.filter { soas[$0].dead })
        zone.senders = await ask(checks, targets: targets, skipping: dead, servers: &zone.servers)
        return zone
    }

    /// The server's SOA serial for the zone, or why it cannot be asked about the zone; `dead` when
    /// it is not to be asked about the records either.
    private func soa(of origin: DomainName, from target: VerifyTarget) -> (server: VerifyServer, dead: Bool) {
        var server = VerifyServer(address: target.address.description, nameServer: target.nameServer)
        do {
            let answer = try client.query(origin, type: .soa, server: target.address)
            if let soa = answer.records.first, answer.rcode == .noError, let serial = soa.rdata.soaSerial {
                server.serial = serial
            } else if answer.rcode == .refused || answer.rcode == .notAuth || answer.isReferral {
                server.error =
                    "\(target.address) does not serve the zone \(origin) (\(answer.isReferral ? "referral" : answer.rcode.description)); check the server's configuration"
                return (server, true)
            } else {
                server.error =
                    "\(target.address) answered \(answer.rcode) with no SOA record for \(origin); the zone may have failed to load"
            }
        } catch {
            server.error = ServedText.printable(error.description)
            return (server, true)
        }
        return (server, false)
    }

    /// Asks every server that is not bad about every check, `concurrency` questions at a time per
    /// server and servers side by side, and gathers each record's results in server order. A
    /// server that fails in a way that says it cannot be trusted any more (`marksServerBad`) gets
    /// that error on its own line, is asked nothing more, and its failed questions are left out of
    /// the records: the server line says it once.
    private func ask(
        _ checks: [(SenderRecords, [VerifyCheck])], targets: [VerifyTarget], skipping dead: Set<Int>,
        servers: inout [VerifyServer]
    ) async -> [VerifySender] {
        let flat = checks.flatMap(\.1)
        let health = ServerHealth()
        let asked = targets.indices.filter { !dead.contains($0) }
        let answers: [[VerifyResult?]] = await ParallelMap.map(asked, width: asked.count) { index in
            await ParallelMap.map(Array(flat.indices), width: concurrency) { question in
                await ask(flat[question], target: targets[index], question: question, health: health)
            }
        }
        let reasons = await health.reasons
        for index in asked {
            guard let reason = reasons[targets[index].address], servers.indices.contains(index) else { continue }
            servers[index].error = reason
        }
        var offset = 0
        return checks.map { sender, senderChecks in
            let records = senderChecks.enumerated().map { index, check in
                let results = asked.indices.compactMap { position -> VerifyResult? in
                    guard let result = answers[position][offset + index] else { return nil }
                    let bad = reasons[targets[asked[position]].address] != nil
                    return bad && result.status == .error ? nil : result
                }
                return VerifyRecord(
                    name: check.owner.description, relative: check.relative,
                    type: check.queryType.description, purpose: check.purpose.rawValue,
                    expected: check.expected,
                    source: PlanLocation(
                        file: check.source.file, line: check.source.line,
                        column: check.source.column),
                    results: results)
            }
            offset += senderChecks.count
            return VerifySender(
                domain: sender.sender.domain.value.absolute,
                services: sender.sender.services.map(\.preset.value), records: records)
        }
    }

    /// One question to one server; nil when the server went bad before it was asked.
    private func ask(_ check: VerifyCheck, target: VerifyTarget, question: Int, health: ServerHealth) async
        -> VerifyResult?
    {
        guard await !health.isBad(target.address) else { return nil }
        let (result, badReason) = await QuestionThread.run { ask(check, target: target) }
        if let badReason { await health.markBad(target.address, question: question, reason: badReason) }
        return result
    }

    /// One question to one server, waiting on its socket: the result, and the error that marks the
    /// server bad when it failed so.
    private func ask(_ check: VerifyCheck, target: VerifyTarget) -> (VerifyResult, badReason: String?) {
        let server = target.address.description
        do {
            let answer = try client.query(check.owner, type: check.queryType, server: target.address)
            return (AnswerJudge.judge(check, answer: answer, server: server), nil)
        } catch {
            let detail = ServedText.printable(error.description)
            return (VerifyResult(server: server, status: .error, detail: detail), error.marksServerBad ? detail : nil)
        }
    }

    /// Says which servers serve another serial than the zone file (or than each other).
    private func serialWarnings(_ zone: VerifyZone) -> [String] {
        let serving = zone.servers.filter { $0.serial != nil }
        if let fileSerial = zone.fileSerial {
            return serving.compactMap { server in
                guard let serial = server.serial, serial != fileSerial else { return nil }
                let state =
                    SerialArithmetic.isBefore(serial, fileSerial)
                    ? "has not loaded it yet" : "serves a newer zone than the file"
                return
                    "\(server.label) serves serial \(serial) but \(zone.file ?? "the zone file") has \(fileSerial): it \(state)"
            }
        }
        let serials = Set(serving.compactMap(\.serial))
        guard serials.count > 1 else { return [] }
        let list = serving.compactMap { server in server.serial.map { "\(server.label) \($0)" } }
        return ["the servers serve different serials: " + list.joined(separator: ", ")]
    }
}

extension DNSClientError {
    /// A failure that says the server cannot be asked or believed for the rest of the run: it is
    /// silent or gone, or it sent an answer that cannot be read, does not match, or contradicts
    /// itself. A truncated answer without TCP, or a local socket problem, is per question.
    var marksServerBad: Bool {
        switch self {
        case .timeout, .refused, .unreachable, .malformedAnswer, .mismatchedAnswer, .inconsistentAnswer,
            .connectionClosed:
            true
        case .badServerAddress, .truncated, .badQuery, .socket, .unresolvable:
            false
        }
    }
}

/// RFC 1982 serial number arithmetic: which of two serials is older, across the wrap at 2^32.
enum SerialArithmetic {
    static func isBefore(_ lhs: UInt32, _ rhs: UInt32) -> Bool {
        SerialScheme.isGreater(rhs, than: lhs)
    }
}
