import Foundation
import TestSupport
import Testing

@testable import MailZone
@testable import ZoneFile

/// The whole life of a sender (issue #14): what mailzone wrote goes when the declaration no longer
/// asks for it, values change in place, DKIM keys rotate, and nothing it did not write is touched.
@Suite struct LifecycleTests {
    static let zone = [
        "$ORIGIN example.com.", "$TTL 3600", "@ IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 300",
        "@ IN NS ns1.example.net.", "www IN A 192.0.2.80", "",
    ].joined(separator: "\n")

    static let tencent = """
              - preset: tencent-ses
                dkim: { qcloud: "v=DKIM1; k=rsa; p=\(ApplyTests.key1)" }
        """
    static let mailgun = """
              - preset: mailgun
                inputs: { dkim_selector: krs }
                dkim: { key: "v=DKIM1; k=rsa; p=\(ApplyTests.key2)" }
        """

    /// A declaration of `senders` (each a domain and its services' YAML), with `extra` at the top level.
    static func declaration(_ senders: [(domain: String, services: String)], extra: String = "") -> String {
        """
        version: 1
        zones:
          - { origin: example.com., file: zones/db.example.com }
        \(extra)
        senders:
        \(senders.map { "  - domain: \($0.domain)\n    services:\n\($0.services)" }.joined(separator: "\n"))
        """
    }

    static func write(_ declaration: String, in directory: URL) throws {
        try Data(declaration.utf8).write(to: directory.appendingPathComponent("mailzone.yaml"))
    }

    static func plan(_ directory: URL, target: PlanTarget? = nil) async throws -> PlanOutcome {
        var options = PlannerOptions(now: ApplySupport.now)
        options.target = target
        return await Planner.plan(try ApplySupport.declaration(in: directory), options: options)
    }

    @discardableResult
    static func apply(_ directory: URL, allow: Bool = true, force: Bool = false) async throws -> ApplyReport {
        var options = PlannerOptions(now: ApplySupport.now)
        options.deletions = DeletionPermission(allow: allow, force: force)
        return try await Applier.apply(try ApplySupport.declaration(in: directory), options: options) { _ in true }
    }

    static func zoneText(_ directory: URL) throws -> String {
        try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com"))
    }

    /// Applied, the zone plans again to nothing and BIND loads it.
    static func expectSettled(_ directory: URL) async throws {
        let again = try await plan(directory)
        #expect(!again.plan.hasChanges, "\(PlanTextRenderer().render(again.plan))")
        #expect(!again.plan.hasProblems)
        guard ApplySupport.bindAvailable else {
            #expect(!ApplySupport.inCI, "named-checkzone is missing; scripts/test installs bind9-utils")
            return
        }
        let (status, output) = try ApplySupport.namedCheckzone(
            origin: "example.com.", file: directory.appendingPathComponent("zones/db.example.com").path)
        #expect(status == 0, "named-checkzone: \(output)")
    }

    /// A zone where tencent-ses and mailgun were applied for example.com.
    static func appliedBoth() async throws -> URL {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration([("example.com", tencent + "\n" + mailgun)]), "zones/db.example.com": zone,
        ])
        try await apply(directory)
        return directory
    }

    static func lines(_ plan: Plan) -> [String] {
        plan.zones.flatMap(\.senders).flatMap { sender in
            sender.items.map { "\(sender.domain) \($0.action.rawValue) \($0.owner) \($0.type)" }
        }
    }

    @Test func removingAServiceTakesOutItsRecordsAndOnlyItsSPFTerm() async throws {
        let directory = try await Self.appliedBoth()
        #expect(try Self.zoneText(directory).contains("include:mailgun.org"))
        try Self.write(Self.declaration([("example.com", Self.tencent)]), in: directory)
        let outcome = try await Self.plan(directory)
        #expect(
            Self.lines(outcome.plan).filter { !$0.contains(" unchanged ") } == [
                "example.com. replace @ TXT", "example.com. delete krs._domainkey TXT",
                "example.com. delete email CNAME",
            ])
        let items = outcome.plan.zones[0].senders[0].items
        #expect(items[0].before == "\"v=spf1 include:qcloudmail.com include:mailgun.org ~all\"")
        #expect(items[0].after == "\"v=spf1 include:qcloudmail.com ~all\"")
        #expect(items[1].note == "mailgun no longer declared for example.com")
        // DMARC stays: a service is still declared.
        #expect(items.contains { $0.purpose == "dmarc" && $0.action == .unchanged })
        #expect(outcome.plan.summary.delete == 2)
        #expect(outcome.plan.summary.counts == "0 to add, 0 to merge, 1 to replace, 2 to delete, 0 conflicts.")
        #expect(PlanStatus(outcome.plan) == .changesNeeded)
        try await Self.apply(directory)
        let text = try Self.zoneText(directory)
        #expect(!text.contains("mailgun") && !text.contains("krs._domainkey"))
        #expect(
            text.contains(
                "@ IN TXT \"v=spf1 include:qcloudmail.com ~all\" ; mailzone: sender=@ spf=created include:qcloudmail.com=tencent-ses"
            ))
        try await Self.expectSettled(directory)
    }

    @Test func recordsWithoutAMarkerAreNeverRemoved() async throws {
        let zone =
            Self.zone
            + "krs._domainkey IN TXT ( \"v=DKIM1; k=rsa; p=\(ApplyTests.key2.prefix(200))\" \"\(ApplyTests.key2.dropFirst(200))\" )\n"
            + "email IN CNAME mailgun.org.\n"
            + "@ IN TXT \"v=spf1 include:mailgun.org -all\"\n"
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration([("example.com", Self.tencent)]), "zones/db.example.com": zone,
        ])
        let outcome = try await Self.plan(directory)
        #expect(!Self.lines(outcome.plan).contains { $0.contains(" delete ") })
        #expect(outcome.plan.summary.delete == 0)
        try await Self.apply(directory, allow: false)
        let text = try Self.zoneText(directory)
        #expect(text.contains("krs._domainkey IN TXT") && text.contains("email IN CNAME mailgun.org."))
        #expect(text.contains("\"v=spf1 include:mailgun.org include:qcloudmail.com -all\""))
    }

    @Test func someoneElsesTermsTheirOrderAndQualifiersStay() async throws {
        let zone =
            Self.zone
            + "@ IN TXT \"v=spf1 ip4:192.0.2.1 ~include:other.example include:mailgun.org -all\" ; ours ; mailzone: sender=@ spf=merged include:mailgun.org=mailgun\n"
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration([("example.com", Self.tencent)]), "zones/db.example.com": zone,
        ])
        try await Self.apply(directory)
        let spf = try Self.zoneText(directory).components(separatedBy: "\n").filter { $0.contains("v=spf1") }
        // mailgun's term out, tencent's merged in, one edit of the line: its comment kept, its marker rewritten.
        #expect(
            spf == [
                "@ IN TXT \"v=spf1 ip4:192.0.2.1 ~include:other.example include:qcloudmail.com -all\" ; ours ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses"
            ])
        try await Self.expectSettled(directory)
    }

    @Test func aMergedSPFRecordStaysWithItsOwnTermsWhenItsSenderIsAbsent() async throws {
        let zone =
            Self.zone
            + "@ IN TXT \"v=spf1 mx include:mailgun.org -all\" ; ours ; mailzone: sender=@ spf=merged include:mailgun.org=mailgun\n"
            + "krs._domainkey IN TXT ( \"v=DKIM1; k=rsa; p=\(ApplyTests.key2.prefix(200))\" \"\(ApplyTests.key2.dropFirst(200))\" ) ; mailzone: sender=@ service=mailgun\n"
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration([("example.com\n    state: absent", Self.mailgunWithoutInputs)]),
            "zones/db.example.com": zone,
        ])
        let outcome = try await Self.plan(directory)
        #expect(
            Self.lines(outcome.plan) == ["example.com. replace @ TXT", "example.com. delete krs._domainkey TXT"])
        #expect(outcome.plan.zones[0].senders[0].items[1].note == "sender example.com is state: absent")
        #expect(outcome.plan.zones[0].senders[0].services == [])
        try await Self.apply(directory)
        let text = try Self.zoneText(directory)
        // Its author's record, without mailzone's term and marker; the user's comment stays.
        #expect(text.contains("@ IN TXT \"v=spf1 mx -all\" ; ours\n"))
        #expect(!text.contains("krs._domainkey"))
        try await Self.expectSettled(directory)
    }

    static let mailgunWithoutInputs = "      - preset: mailgun\n        state: absent"

    @Test func anAbsentServiceNeedsNoInputsAndGoes() async throws {
        let directory = try await Self.appliedBoth()
        try Self.write(
            Self.declaration([("example.com", Self.tencent + "\n" + Self.mailgunWithoutInputs)]), in: directory)
        let outcome = try await Self.plan(directory)
        #expect(outcome.plan.zones[0].senders[0].services == ["tencent-ses"])
        #expect(
            Self.lines(outcome.plan).filter { $0.contains(" delete ") } == [
                "example.com. delete krs._domainkey TXT", "example.com. delete email CNAME",
            ])
        try await Self.apply(directory)
        try await Self.expectSettled(directory)
    }

    /// Two senders applied: example.com and news.example.com.
    static func appliedTwoSenders() async throws -> URL {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration([("example.com", tencent), ("news.example.com", tencent)]),
            "zones/db.example.com": zone,
        ])
        try await apply(directory)
        return directory
    }

    /// Two senders applied, then news.example.com declared `state: absent`.
    static func absentNews() async throws -> URL {
        let directory = try await appliedTwoSenders()
        try write(
            declaration([
                ("example.com", tencent), ("news.example.com\n    state: absent", "      - preset: tencent-ses"),
            ]),
            in: directory)
        return directory
    }

    /// Two senders applied, then news.example.com left out of the declaration.
    static func undeclaredNews() async throws -> URL {
        let directory = try await appliedTwoSenders()
        try write(declaration([("example.com", tencent)]), in: directory)
        return directory
    }

    @Test func anAbsentSenderLosesEverythingItOwns() async throws {
        let directory = try await Self.absentNews()
        let outcome = try await Self.plan(directory)
        #expect(
            Self.lines(outcome.plan).filter { $0.hasPrefix("news.") } == [
                "news.example.com. delete news MX", "news.example.com. delete news TXT",
                "news.example.com. delete qcloud._domainkey.news TXT", "news.example.com. delete _dmarc.news TXT",
            ])
        #expect(outcome.plan.zones[0].senders.last?.services == [])
        #expect(
            outcome.plan.zones[0].senders.last?.items.first?.note == "sender news.example.com is state: absent")
        try await Self.apply(directory)
        #expect(!(try Self.zoneText(directory)).contains("news"))
        try await Self.expectSettled(directory)
    }

    /// Two declarations may add their senders to one zone: a sender this one does not declare keeps its
    /// records, with a warning that says how to remove them.
    @Test func aSenderMissingFromTheDeclarationIsWarnedAboutNotRemoved() async throws {
        let directory = try await Self.undeclaredNews()
        let outcome = try await Self.plan(directory)
        #expect(!outcome.plan.hasChanges)
        let warning = try #require(outcome.plan.zones[0].senders.last?.items.first)
        #expect(warning.action == .warning)
        #expect(
            warning.message
                == "news.example.com owns 4 records here (their lines carry its mailzone marker) but \(directory.path)/mailzone.yaml does not declare it; they stay, as another declaration may manage them"
        )
    }

    @Test func aPlanNarrowedToAnotherSenderRemovesNothing() async throws {
        let directory = try await Self.absentNews()
        let narrowed = try await Self.plan(directory, target: PlanTarget(senders: ["example.com."], zones: []))
        #expect(!narrowed.plan.hasChanges)
        let zone = try await Self.plan(directory, target: PlanTarget(senders: [], zones: ["example.com."]))
        #expect(zone.plan.summary.delete == 4)
    }

    @Test func aSenderWithAConflictHoldsBackItsRemovalsToo() async throws {
        let directory = try await Self.appliedBoth()
        try Self.write(Self.declaration([("example.com", Self.tencent)]), in: directory)
        // A second DMARC record: a conflict for example.com.
        let file = directory.appendingPathComponent("zones/db.example.com")
        try Data((try Self.zoneText(directory) + "_dmarc IN TXT \"v=DMARC1; p=reject\"\n").utf8).write(to: file)
        let outcome = try await Self.plan(directory)
        #expect(outcome.plan.zones[0].senders[0].isHeldBack)
        #expect(outcome.plan.summary.delete == 0)
        #expect(outcome.plan.summary.held == 3)
        #expect(!outcome.plan.hasChanges)
    }

    @Test func deletingNeedsConsent() async throws {
        let directory = try await Self.appliedBoth()
        try Self.write(Self.declaration([("example.com", Self.tencent)]), in: directory)
        let before = try Self.zoneText(directory)
        await #expect(throws: ApplyError.self) { try await Self.apply(directory, allow: false) }
        do {
            try await Self.apply(directory, allow: false)
        } catch {
            #expect(
                "\(error)"
                    == "the plan deletes 2 records mailzone manages (krs._domainkey.example.com. TXT, email.example.com. CNAME), and deleting needs consent: review them in `mailzone plan`, then pass --allow-delete (or set `deletions: { allow: true }` in \(directory.path)/mailzone.yaml); nothing was written"
            )
        }
        #expect(try Self.zoneText(directory) == before)
        // The declaration may give the consent.
        try Self.write(
            Self.declaration([("example.com", Self.tencent)], extra: "deletions: { allow: true }"), in: directory)
        try await Self.apply(directory, allow: false)
        try await Self.expectSettled(directory)
    }

    @Test func deletingMoreThanTheThresholdsIsRefusedUnlessForced() async throws {
        // Three senders: 12 managed records; removing one deletes 4, a third of them (over octoDNS's 30%).
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration([
                ("example.com", Self.tencent), ("a.example.com", Self.tencent), ("b.example.com", Self.tencent),
            ]),
            "zones/db.example.com": Self.zone,
        ])
        try await Self.apply(directory)
        let absentB = ("b.example.com\n    state: absent", "      - preset: tencent-ses")
        try Self.write(
            Self.declaration([("example.com", Self.tencent), ("a.example.com", Self.tencent), absentB]), in: directory)
        await #expect(try Self.plan(directory).plan.zones[0].managedRecords == 12)
        do {
            try await Self.apply(directory)
            Issue.record("apply deleted a third of the managed records without --force-delete")
        } catch {
            #expect(
                "\(error)"
                    == "the plan deletes 4 of the 12 records mailzone manages in example.com. (more than 30%, octoDNS's default, deletions.max_percent): review the plan and pass --force-delete to delete them anyway; nothing was written"
            )
        }
        // A count limit from the declaration.
        try Self.write(
            Self.declaration(
                [("example.com", Self.tencent), ("a.example.com", Self.tencent), absentB],
                extra: "deletions: { max_records: 3, max_percent: 50 }"), in: directory)
        await #expect {
            try await Self.apply(directory)
        } throws: { error in
            "\(error)".hasPrefix("the plan deletes 4 records in example.com., more than deletions.max_records (3)")
        }
        try await Self.apply(directory, force: true)
        let text = try Self.zoneText(directory)
        #expect(!text.contains("b.example.com") && !text.contains("\nb"))
        try await Self.expectSettled(directory)
    }

    @Test func aChangedCNAMETargetIsReplacedInPlace() async throws {
        let directory = try await Self.appliedBoth()
        let eu = Self.mailgun.replacingOccurrences(
            of: "inputs: { dkim_selector: krs }", with: "inputs: { dkim_selector: krs, region: eu }")
        try Self.write(Self.declaration([("example.com", Self.tencent + "\n" + eu)]), in: directory)
        let outcome = try await Self.plan(directory)
        #expect(Self.lines(outcome.plan).filter { !$0.contains(" unchanged ") } == ["example.com. replace email CNAME"])
        try await Self.apply(directory, allow: false)
        #expect(
            try Self.zoneText(directory).contains(
                "email IN CNAME eu.mailgun.org. ; mailzone: sender=@ service=mailgun"))
        try await Self.expectSettled(directory)
    }

    @Test func aChangedMXHostIsReplacedInPlace() async throws {
        func ses(_ region: String) -> String {
            """
                  - preset: aws-ses
                    inputs: { token1: t1aaaa, token2: t2bbbb, token3: t3cccc, region: \(region), mail_from: bounce }
            """
        }
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration([("example.com", ses("us-east-1"))]), "zones/db.example.com": Self.zone,
        ])
        try await Self.apply(directory)
        try Self.write(Self.declaration([("example.com", ses("us-west-2"))]), in: directory)
        let outcome = try await Self.plan(directory)
        #expect(Self.lines(outcome.plan).filter { !$0.contains(" unchanged ") } == ["example.com. replace bounce MX"])
        try await Self.apply(directory, allow: false)
        let text = try Self.zoneText(directory)
        #expect(
            text.contains("bounce IN MX 10 feedback-smtp.us-west-2.amazonses.com. ; mailzone: sender=@ service=aws-ses")
        )
        #expect(!text.contains("us-east-1"))
        try await Self.expectSettled(directory)
    }

    @Test func aChangedSelectorRemovesTheOldSelectorsRecord() async throws {
        let directory = try await Self.appliedBoth()
        let renamed = Self.mailgun.replacingOccurrences(of: "dkim_selector: krs", with: "dkim_selector: k2")
        try Self.write(Self.declaration([("example.com", Self.tencent + "\n" + renamed)]), in: directory)
        let outcome = try await Self.plan(directory)
        #expect(
            Self.lines(outcome.plan).filter { !$0.contains(" unchanged ") } == [
                "example.com. delete krs._domainkey TXT", "example.com. create k2._domainkey TXT",
            ])
        try await Self.apply(directory)
        try await Self.expectSettled(directory)
    }

    @Test func aDKIMKeyRotatesInTwoSteps() async throws {
        func mailgun(_ selectors: [(String, String)]) -> String {
            "      - preset: mailgun\n        dkim:\n"
                + selectors.map { "          \($0.0): \"v=DKIM1; k=rsa; p=\($0.1)\"" }.joined(separator: "\n")
        }
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration([("example.com", mailgun([("s2024", ApplyTests.key1)]))]),
            "zones/db.example.com": Self.zone,
        ])
        try await Self.apply(directory)
        // Step 1: the new key beside the old one; nothing goes.
        try Self.write(
            Self.declaration([("example.com", mailgun([("s2024", ApplyTests.key1), ("s2025", ApplyTests.key2)]))]),
            in: directory)
        await #expect(
            Self.lines(try Self.plan(directory).plan).filter { !$0.contains(" unchanged ") } == [
                "example.com. create s2025._domainkey TXT"
            ])
        try await Self.apply(directory, allow: false)
        try await Self.expectSettled(directory)
        // Step 2, once the service signs with s2025: the old key goes.
        try Self.write(Self.declaration([("example.com", mailgun([("s2025", ApplyTests.key2)]))]), in: directory)
        await #expect(
            Self.lines(try Self.plan(directory).plan).filter { !$0.contains(" unchanged ") } == [
                "example.com. delete s2024._domainkey TXT"
            ])
        try await Self.apply(directory)
        let text = try Self.zoneText(directory)
        #expect(!text.contains("s2024") && text.contains("s2025._domainkey"))
        try await Self.expectSettled(directory)
    }

    /// examples/deletion-refused-over-threshold: apply refuses (nothing written) until --force-delete.
    @Test func theThresholdExampleIsRefusedUntilForced() async throws {
        let folder = try ApplySupport.copy(
            ApplySupport.examples.appendingPathComponent("deletion-refused-over-threshold"))
        let file = folder.appendingPathComponent("zones/db.sampledomain.com")
        let before = try ApplySupport.read(file)
        await #expect {
            try await Self.apply(folder, allow: false)
        } throws: { error in
            "\(error)".hasPrefix("the plan deletes 4 of the 12 records mailzone manages in sampledomain.com.")
        }
        #expect(try ApplySupport.read(file) == before)
        try await Self.apply(folder, force: true)
        #expect(!(try ApplySupport.read(file)).contains("shop"))
    }
}
