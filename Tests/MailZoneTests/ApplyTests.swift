import Foundation
import TestSupport
import Testing

@testable import MailZone
@testable import ZoneFile

/// apply's guarantees: minimal edits, safe writes, refusals that leave files whole, no lost updates,
/// and no zone syntax injected from YAML.
@Suite struct ApplyTests {
    static let key1 =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/McgujTfeeJU6qIOH2LlFXmrNvVZiJ0iqdA4lfcA/vpCEbhktgXyyxxkpsUzEohO/7GsOPOMgDLvsW7F7lfXb1adErXteVbxZ/7dHlHufgyqWABlLNKXXfZ5qj8QcLBuh1tPONlVIvI5ZAy+UXCcFiTJKXmB1H5u1Ji2+4UUEaT3e9zcoBEZabkOdrfSTapKlj6Ke46iJA/HgeXEoOi39hZ5UIFOOELtTG4Y0KUOAgNCdegUBoUVXd4+R1xRI480DKlz0aLT0Wa2Z2/rb+8rIOclqg0tMS2jLCLEYh7SBaV0jYuugyV8KsCrgVVSXLrLHn3H73+dFmQIDAQAB"
    static let key2 =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAroVX32XwQye4foNyutMnp3PHHgDPe3DNWs/IB3gyGJ9XHIRatdm6jOOCCNisN4yY+V4yG36+MiGBVhCYHreEmp5UIFzhHl3pL6yD3ow5YBJqv3amav/CZ3HfnWhaWjJ4UDa3vi5vZ27pcGMVAnYiKGKQHsCxFHGg6M4MsiMw8JBj0lVd/28XMt0TAhwW9Ro657Bgc8OxZXbhfVt/oVUdi4kZ2J5uPTWKvJ20AMRrWalbiq/bDzPR2EZPIKOWOFEy4CaV2kH3X8HWv8molZsDCXc/pAjVo/j44+aoO9RS/daP9kwtvjOISbEJte1X4VPN+AgM9yPWxAW8k0ylElKT8QIDAQAB"

    static func declaration(dkim: String = key1, extra: String = "") -> String {
        """
        version: 1
        zones:
          - { origin: example.com., file: zones/db.example.com }
        senders:
          - domain: example.com
            services:
              - preset: tencent-ses
                dkim: { qcloud: "v=DKIM1; k=rsa; p=\(dkim)" }
        \(extra)
        """
    }

    /// A hand-written zone with CRLF line ends, tabs, comments, blank lines, $TTL and an SPF record to merge.
    static let crlfZone =
        [
            "; example.com -- edited by hand",
            "$TTL 1h",
            "$ORIGIN example.com.",
            "@\tIN\tSOA\tns1 hostmaster ( 2026113003 2h 1h 2w 5m ) ; serial YYYYMMDDnn",
            "\tIN\tNS\tns1",
            "\tIN\tNS\tns2.example.net.",
            "\tIN\tTXT\t\"v=spf1 mx -all\" ; our own servers",
            "",
            "; hosts",
            "ns1\tIN\tA\t192.0.2.53",
            "www\tIN\tA\t192.0.2.80",
        ].joined(separator: "\r\n") + "\r\n"

    @Test func editsOnlyThePlannedBytes() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": Self.crlfZone,
        ])
        let zonePath = directory.appendingPathComponent("zones/db.example.com")
        let report = try await ApplySupport.apply(in: directory)
        #expect(report.written == [zonePath.path])
        let new = try ApplySupport.read(zonePath)
        let lines = new.components(separatedBy: "\r\n")
        // CRLF kept everywhere: no bare LF.
        #expect(!new.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.prefix(3) == ["; example.com -- edited by hand", "$TTL 1h", "$ORIGIN example.com."])
        #expect(lines[3] == "@\tIN\tSOA\tns1 hostmaster ( 2026120100 2h 1h 2w 5m ) ; serial YYYYMMDDnn")
        #expect(
            lines[6]
                == "\tIN\tTXT\t\"v=spf1 mx include:qcloudmail.com -all\" ; our own servers ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses"
        )
        #expect(lines[7] == "\tIN\tMX\t10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses")
        #expect(lines[8].hasPrefix("qcloud._domainkey\tIN\tTXT\t( \"v=DKIM1; k=rsa; p="))
        #expect(lines[10] == "_dmarc\tIN\tTXT\t\"v=DMARC1; p=none\" ; mailzone: sender=@ service=tencent-ses")
        #expect(Array(lines[11...]) == ["", "; hosts", "ns1\tIN\tA\t192.0.2.53", "www\tIN\tA\t192.0.2.80", ""])
        // Every original line is still there, in order, except the two whose RDATA changed.
        let old = Self.crlfZone.components(separatedBy: "\r\n")
        var cursor = lines.startIndex
        var missing: [String] = []
        for line in old {
            if let found = lines[cursor...].firstIndex(of: line) { cursor = found + 1 } else { missing.append(line) }
        }
        #expect(missing == [old[3], old[6]])
    }

    @Test func failedRenameLeavesTheOriginalWhole() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": Self.crlfZone,
        ])
        let zonePath = directory.appendingPathComponent("zones/db.example.com")
        let writer = AtomicFileWriter(failRename: { _ in true })
        await #expect {
            try await Applier.apply(
                try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now),
                writer: writer
            ) { _ in true }
        } throws: { error in
            "\(error)".contains(
                "db.example.com: cannot replace the file: rename failed (simulated); the file was not changed")
        }
        #expect(try ApplySupport.read(zonePath) == Self.crlfZone)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: zonePath.deletingLastPathComponent().path)
        #expect(leftovers == ["db.example.com"])
    }

    @Test func readOnlyDirectoryLeavesTheOriginalWhole() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": Self.crlfZone,
        ])
        let zones = directory.appendingPathComponent("zones")
        // Tests run as root, for whom file modes do not block writes: make the directory immutable instead.
        guard try ToolProcess.run("chattr", ["+i", zones.path]).status == 0 else {
            // Without immutable directories (another file system), the simulated failure above covers the case.
            chmod(zones.path, 0o555)
            defer { chmod(zones.path, 0o755) }
            if getuid() != 0 {
                await #expect(throws: ApplyError.self) {
                    try await ApplySupport.apply(in: directory)
                }
            }
            return
        }
        defer { _ = try? ToolProcess.run("chattr", ["-i", zones.path]) }
        await #expect {
            try await ApplySupport.apply(in: directory)
        } throws: { error in
            "\(error)".contains("cannot create a temporary file in") && "\(error)".contains("the file was not changed")
        }
        #expect(try ApplySupport.read(zones.appendingPathComponent("db.example.com")) == Self.crlfZone)
    }

    @Test func savedPlanIsAppliedExactly() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": Self.crlfZone,
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        let saved = try PlanJSON.decode(Data(try PlanJSON.encode(outcome.plan).utf8))
        let report = try await Applier.apply(
            saved: saved, declaration: try ApplySupport.declaration(in: directory),
            options: PlannerOptions(now: ApplySupport.now))
        let path = directory.appendingPathComponent("zones/db.example.com").path
        #expect(report.written == [path])
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == outcome.newFiles[path]?.bytes)
    }

    /// How a saved plan's edits may be changed by hand.
    enum Tampering: String, CaseIterable, Sendable {
        /// An extra edit rewrites a record the plan does not name (www's address).
        case rewritesAnUnnamedRecord
        /// The edit that adds the DKIM key (and, in the same place, the MX record) is taken out.
        case dropsAPlannedRecord
        /// The serial edit writes another serial.
        case writesAnotherSerial
        /// An extra edit makes the zone unreadable.
        case breaksTheZone
    }

    /// A saved plan whose edits were changed after it was made (the zone file is untouched, so its
    /// digest still matches) is refused, because planning again gives other edits, and nothing is written.
    @Test(arguments: Tampering.allCases)
    func tamperedSavedPlanIsRefused(_ tampering: Tampering) async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": Self.crlfZone,
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        var plan = outcome.plan
        var edits = try #require(plan.zones.first?.files.first?.edits)
        let bytes = Array(Self.crlfZone.utf8)
        func offset(of text: String) throws -> Int {
            let needle = Array(text.utf8)
            return try #require(
                (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        }
        let expected: String
        switch tampering {
        case .rewritesAnUnnamedRecord:
            let start = try offset(of: "192.0.2.80")
            edits.append(FileEdit(start: start, end: start + 10, text: "192.0.2.81"))
            expected = "first difference at bytes \(start)–\(start + 10)"
        case .dropsAPlannedRecord:
            let count = edits.count
            let dropped = try #require(edits.first { $0.text.contains("DKIM1") })
            edits.removeAll { $0.text.contains("DKIM1") }
            #expect(edits.count == count - 1)
            expected = "first difference at bytes \(dropped.start)–\(dropped.end)"
        case .writesAnotherSerial:
            let index = try #require(edits.firstIndex { $0.text == "2026120100" })
            edits[index].text = "2026120199"
            expected = "first difference at bytes \(edits[index].start)–\(edits[index].end)"
        case .breaksTheZone:
            let start = try offset(of: "; hosts")
            edits.append(FileEdit(start: start, end: start, text: "broken\tIN\tA\tnot-an-address\r\n"))
            expected = "first difference at bytes \(start)–\(start)"
        }
        plan.zones[0].files[0].edits = edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        let path = directory.appendingPathComponent("zones/db.example.com")
        await #expect {
            try await Applier.apply(
                saved: plan, declaration: try ApplySupport.declaration(in: directory),
                options: PlannerOptions(now: ApplySupport.now))
        } throws: { error in
            "\(error)"
                == "the saved plan is not what planning again from the declaration and the zone files gives: its edits of \(path.path) are not those planning again gives (\(expected)) — nothing was written; make the plan again with `mailzone plan --out` and review it"
        }
        #expect(try ApplySupport.read(path) == Self.crlfZone)
    }

    @Test func savedPlanIsRefusedWhenTheZoneChanged() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": Self.crlfZone,
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        let path = directory.appendingPathComponent("zones/db.example.com")
        let edited = Self.crlfZone + "mail\tIN\tA\t192.0.2.25\r\n"
        try Data(edited.utf8).write(to: path)
        await #expect {
            try await Applier.apply(
                saved: outcome.plan, declaration: try ApplySupport.declaration(in: directory),
                options: PlannerOptions(now: ApplySupport.now))
        } throws: { error in
            "\(error)"
                == "\(path.path) changed since the plan was made; run `mailzone plan --out` again and review the new plan — nothing was written"
        }
        #expect(try ApplySupport.read(path) == edited)
    }

    @Test func savedPlanIsRefusedWhenAnIncludedFileChanged() async throws {
        let zone = Self.crlfZone + "$INCLUDE hosts.inc\r\n"
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": zone,
            "zones/hosts.inc": "db\tIN\tA\t192.0.2.9\r\n",
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        #expect(outcome.plan.zones.first?.inputs.count == 2)
        let include = directory.appendingPathComponent("zones/hosts.inc")
        try Data("db\tIN\tA\t192.0.2.10\r\n".utf8).write(to: include)
        await #expect {
            try await Applier.apply(
                saved: outcome.plan, declaration: try ApplySupport.declaration(in: directory),
                options: PlannerOptions(now: ApplySupport.now))
        } throws: { error in
            "\(error)".hasPrefix("\(include.path) changed since the plan was made")
        }
    }

    @Test func planWithConflictsIsRefused() async throws {
        let zone = Self.crlfZone + "_dmarc\tIN\tCNAME\tdmarc.example.net.\r\n"
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(), "zones/db.example.com": zone,
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        #expect(outcome.plan.summary.conflicts == 1)
        await #expect {
            try await Applier.apply(
                saved: outcome.plan, declaration: try ApplySupport.declaration(in: directory),
                options: PlannerOptions(now: ApplySupport.now))
        } throws: { error in
            "\(error)" == "the plan has 1 conflict and 0 errors; resolve them and plan again — nothing was written"
        }
        await #expect(throws: ApplyError.self) {
            try await ApplySupport.apply(in: directory)
        }
        #expect(try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")) == zone)
    }

    @Test func concurrentAppliesLoseNoUpdate() async throws {
        // Two declarations, each adding its own sender to one zone, applied at the same time.
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.crlfZone,
            "a.yaml": Self.declaration().replacingOccurrences(of: "domain: example.com", with: "domain: a.example.com"),
            "b.yaml": Self.declaration(dkim: Self.key2).replacingOccurrences(
                of: "domain: example.com", with: "domain: b.example.com"),
        ])
        let a = try DeclarationSource.load(path: directory.appendingPathComponent("a.yaml").path)
        let b = try DeclarationSource.load(path: directory.appendingPathComponent("b.yaml").path)
        // Explicit order instead of sleeps: the second apply starts only once the first is inside
        // its confirmation, where it holds the zone directory's lock, and the first confirms only
        // once the second has started. Each is a task; their confirmations await signals, holding no
        // thread. The log shows whether the second ever confirmed while the first was confirming.
        let log = ConcurrentApplyLog()
        let firstConfirming = AsyncSignal()
        let secondStarted = AsyncSignal()
        let first = Task { () async -> Result<ApplyReport, ApplyError> in
            do throws(ApplyError) {
                return .success(
                    try await Applier.apply(a, options: PlannerOptions(now: ApplySupport.now)) { _ in
                        log.note("first confirms")
                        await firstConfirming.fire()
                        await secondStarted.wait()
                        log.note("first confirmed")
                        return true
                    })
            } catch {
                return .failure(error)
            }
        }
        await firstConfirming.wait()
        log.note("second starts")
        await secondStarted.fire()
        let second = Task { () async -> Result<ApplyReport, ApplyError> in
            do throws(ApplyError) {
                return .success(
                    try await Applier.apply(b, options: PlannerOptions(now: ApplySupport.now)) { _ in
                        log.note("second confirms")
                        return true
                    })
            } catch {
                return .failure(error)
            }
        }
        log.finish(0, await first.value.mapError { $0 })
        log.finish(1, await second.value.mapError { $0 })
        #expect(log.events == ["first confirms", "second starts", "first confirmed", "second confirms"])
        let reports = try log.results.map { try #require($0).get() }
        #expect(reports.allSatisfy { $0.written.count == 1 })
        let zone = ZoneLoader.load(path: directory.appendingPathComponent("zones/db.example.com").path)
        #expect(zone.diagnostics.isEmpty)
        for sender in ["a", "b"] {
            #expect(zone.records(at: try DomainName(parsing: "_dmarc.\(sender).example.com.")).count == 1)
            #expect(zone.records(at: try DomainName(parsing: "qcloud._domainkey.\(sender).example.com.")).count == 1)
        }
        // Both bumped the serial once: the second apply saw the first one's serial.
        #expect(zone.records.first { $0.type == .soa }?.rdata.presentation.contains(" 2026120101 ") == true)
    }

    @Test func yamlValuesCannotInjectZoneSyntax() async throws {
        // A user preset with TXT values full of zone-file syntax: quotes, backslashes, semicolons, parentheses, $INCLUDE.
        let hostile = #"v=1; \"x\" \\ ( ) ; $INCLUDE /etc/passwd"#
        let extra = """
              - domain: evil.example.com
                services: [ { preset: evil } ]
            presets:
              - name: evil
                title: Evil
                records:
                  - { name: "_verify", type: TXT, value: '\(hostile)', purpose: verification }
            """
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(extra: extra), "zones/db.example.com": Self.crlfZone,
        ])
        _ = try await ApplySupport.apply(in: directory)
        let zone = ZoneLoader.load(path: directory.appendingPathComponent("zones/db.example.com").path)
        #expect(zone.diagnostics.isEmpty)
        let records = zone.records(at: try DomainName(parsing: "_verify.evil.example.com."), type: .txt)
        #expect(records.count == 1)
        #expect(records.first.map { String(decoding: $0.rdata.characterStrings.joined(), as: UTF8.self) } == hostile)
        #expect(
            try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com"))
                .contains(#"_verify.evil\#tIN\#tTXT\#t"v=1; \\\"x\\\" \\\\ ( ) ; $INCLUDE /etc/passwd""#))
    }

    @Test func newlinesInValuesAreRejectedWithTheYAMLLine() throws {
        let yaml = Self.declaration(dkim: "abc\\nevil IN A 192.0.2.1")
        let directory = try TemporaryFiles.directory(["mailzone.yaml": yaml, "zones/db.example.com": Self.crlfZone])
        #expect {
            try ApplySupport.declaration(in: directory)
        } throws: { error in
            "\(error)".contains("mailzone.yaml:8:25: error: the DKIM key for selector 'qcloud' contains a line break")
        }
    }

    @Test func badMXTargetsAreRefused() throws {
        let extra = """
              - domain: mx.example.com
                services: [ { preset: relay } ]
            presets:
              - name: relay
                title: Relay
                records:
                  - { name: "@", type: MX, value: "10 relay.example.net", purpose: mx }
            """
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(extra: extra), "zones/db.example.com": Self.crlfZone,
        ])
        #expect {
            try ApplySupport.declaration(in: directory)
        } throws: { error in
            "\(error)".contains("mailzone.yaml:15:39: error: the MX target must be absolute: end it with '.'")
        }
    }
}

/// What two concurrent applies did, in order, written from their threads.
private final class ConcurrentApplyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    private var finished: [Result<ApplyReport, any Error>?] = [nil, nil]

    func note(_ event: String) { lock.withLock { recorded.append(event) } }
    func finish(_ index: Int, _ result: Result<ApplyReport, any Error>) { lock.withLock { finished[index] = result } }
    var events: [String] { lock.withLock { recorded } }
    var results: [Result<ApplyReport, any Error>?] { lock.withLock { finished } }
}
