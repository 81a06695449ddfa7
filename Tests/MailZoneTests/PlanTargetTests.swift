import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `--sender DOMAIN` / `--zone ORIGIN`: planning, checking, applying and verifying one part of a
/// repository, like terraform's `-target`, with a "did you mean" for a name the declaration lacks.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct PlanTargetTests {
    static let key = CommandLineTests.key

    /// Two zones and three Tencent senders: a.example and news.a.example in one zone, b.example in the other.
    static func repository() throws -> URL {
        func zone(_ origin: String) -> String {
            """
            $TTL 3600
            $ORIGIN \(origin).
            @\tIN\tSOA\tns1 hostmaster (2026112801 7200 3600 1209600 300)
            \tIN\tNS\tns1
            ns1\tIN\tA\t192.0.2.53

            """
        }
        func sender(_ domain: String) -> String {
            """
              - domain: \(domain)
                services:
                  - preset: tencent-ses
                    dkim: { qcloud: "\(key)" }

            """
        }
        return try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            zones:
              - origin: a.example
                file: zones/db.a.example
              - origin: b.example
                file: zones/db.b.example
            senders:

            """ + sender("a.example") + sender("news.a.example") + sender("b.example"),
            "zones/db.a.example": zone("a.example"),
            "zones/db.b.example": zone("b.example"),
        ])
    }

    /// The `sender DOMAIN` headings of a text plan, in order.
    static func senderLines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.hasPrefix("sender ") || $0.hasPrefix("zone ")
        }.map {
            String($0.prefix { $0 != " " && $0 != "\t" }) + " " + ($0.split(separator: " ").dropFirst().first ?? "")
        }
    }

    @Test func senderNarrowsThePlanToThatSender() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan", "--sender", "News.A.example."], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "Narrowed to sender news.a.example. (--sender, --zone): the other senders and zones of mailzone.yaml are not planned."
        )
        #expect(Self.senderLines(result.output) == ["zone a.example.", "sender news.a.example"])
        #expect(
            lines.dropLast().last
                == "Plan: 4 to add, 0 to merge, 0 to replace, 0 conflicts. `mailzone apply` writes zones/db.a.example.")
    }

    @Test func zoneNarrowsThePlanToThatZonesSenders() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan", "--zone", "a.example", "--format", "json"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        let plan = try PlanJSON.decode(result.stdout)
        #expect(plan.zones.map(\.origin.description) == ["a.example."])
        #expect(plan.zones.first?.senders.map(\.domain.description) == ["a.example.", "news.a.example."])
        #expect(plan.target == PlanTarget(senders: [], zones: ["a.example."]))
        #expect(
            result.output.contains(
                "\"target\" : {\n    \"senders\" : [\n\n    ],\n    \"zones\" : [\n      \"a.example.\"\n    ]\n  },"))
    }

    /// Several targets are their union: a zone named by --zone is planned whole, a sender elsewhere alone.
    @Test func targetsAreRepeatableAndJoined() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(
            ["plan", "--sender", "b.example", "--sender", "news.a.example", "--format", "diff"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output.hasPrefix(
                "# Narrowed to senders news.a.example., b.example. (--sender, --zone): the other senders and zones of mailzone.yaml are not planned.\n--- a/zones/db.a.example\n"
            ))
        let parts = result.output.components(separatedBy: "+++ b/zones/db.b.example")
        #expect(parts.count == 2)
        // Zone a.example: news.a.example's records only, not those of a.example at the apex.
        #expect(parts[0].contains("+qcloud._domainkey.news"))
        #expect(!parts[0].contains("+qcloud._domainkey\t") && !parts[0].contains("+_dmarc\t"))
        #expect(parts[1].contains("+qcloud._domainkey\t"))
    }

    @Test func unknownNamesAreErrorsWithTheNearestName() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in ["plan", "check", "apply", "verify"] {
            let result = try MailzoneBinary.run(
                [command, "--sender", "newz.a.example", "--zone", "c.example", "--zone", "b.exampel"], in: directory)
            #expect(result.status == 1, "\(command)")
            #expect(result.stdout.isEmpty, "\(command): \(result.output)")
            #expect(
                result.errors == """
                    error: --sender newz.a.example: mailzone.yaml has no sender newz.a.example.; did you mean 'news.a.example'?
                      fix: give a sender domain of mailzone.yaml: a.example, news.a.example, b.example
                    error: --zone c.example: mailzone.yaml declares no zone c.example.; did you mean 'a.example'?
                      fix: give a zone origin of mailzone.yaml: a.example, b.example
                    error: --zone b.exampel: mailzone.yaml declares no zone b.exampel.; did you mean 'b.example'?
                      fix: give a zone origin of mailzone.yaml: a.example, b.example

                    """, "\(command)")
        }
        let invalid = try MailzoneBinary.run(["plan", "--sender", "bad..example"], in: directory)
        #expect(invalid.status == 1)
        #expect(
            invalid.errors
                == "error: --sender bad..example: not a domain name: 'bad..example' has an empty label (two dots in a row, or a leading dot)\n"
        )
    }

    @Test func checkSaysWhatItChecked() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let apply = try MailzoneBinary.run(["apply", "--auto-approve", "--sender", "b.example"], in: directory)
        #expect(apply.status == 0, "\(apply.errors)")
        #expect(apply.output.hasPrefix("Narrowed to sender b.example. (--sender, --zone)"))
        #expect(
            apply.output.hasSuffix("Applied b.example.: wrote zones/db.b.example (serial 2026112801 => 2026120100).\n"))
        let zoneA = try ApplySupport.read(directory.appendingPathComponent("zones/db.a.example"))
        #expect(!zoneA.contains("qcloud"))
        let narrowed = try MailzoneBinary.run(["check", "--zone", "b.example"], in: directory)
        #expect(narrowed.status == 0)
        #expect(
            narrowed.output.hasSuffix(
                "Check passed: the zones satisfy mailzone.yaml (narrowed to zone b.example.).\n"))
        let whole = try MailzoneBinary.run(["check"], in: directory)
        #expect(whole.status == 2)
    }

    /// A narrowed saved plan records its target, and `apply --plan` plans again with it.
    @Test func savedPlanKeepsItsTarget() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try MailzoneBinary.run(["plan", "--sender", "news.a.example", "--out", "plan.json"], in: directory)
        #expect(plan.status == 0, "\(plan.errors)")
        let apply = try MailzoneBinary.run(["apply", "--plan", "plan.json"], in: directory)
        #expect(apply.status == 0, "\(apply.errors)")
        #expect(
            apply.output.hasSuffix("Applied a.example.: wrote zones/db.a.example (serial 2026112801 => 2026120100).\n"))
        let zoneA = try ApplySupport.read(directory.appendingPathComponent("zones/db.a.example"))
        #expect(zoneA.contains("qcloud._domainkey.news"))
        #expect(!zoneA.contains("\n@\tIN\tMX") && !zoneA.contains("qcloud._domainkey\t"))
        let mixed = try MailzoneBinary.run(["apply", "--plan", "plan.json", "--zone", "b.example"], in: directory)
        #expect(mixed.status == 1)
        #expect(
            mixed.errors.hasPrefix(
                "Error: --plan applies the saved plan with the narrowing it was made with; --sender and --zone cannot be given with it\n"
            ))
        let rest = try MailzoneBinary.run(["plan", "--sender", "news.a.example", "--detailed-exitcode"], in: directory)
        #expect(rest.status == 0)
    }

    /// verify asks only about the targeted senders' records.
    @Test func verifyNarrows() throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(
            [
                "verify", "--sender", "b.example", "--server", "127.0.0.1:9", "--timeout", "0.2", "--retries", "0",
                "--format", "json",
            ], in: directory)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let zones = object?["zones"] as? [[String: Any]] ?? []
        #expect(zones.compactMap { $0["origin"] as? String } == ["b.example."])
        let senders = zones.first?["senders"] as? [[String: Any]] ?? []
        #expect(senders.compactMap { $0["domain"] as? String } == ["b.example."])
    }

    /// The library: a target picks zones and senders by position.
    @Test func targetSelectsZonesAndSenders() async throws {
        let directory = try Self.repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let declaration = try ApplySupport.declaration(in: directory)
        let target = try PlanTarget.resolve(senders: ["news.a.example"], zones: ["b.example."], in: declaration)
        #expect(target.senders == ["news.a.example."])
        #expect(target.zones == ["b.example."])
        #expect(target.sendersByZone(declaration) == [[1], [2]])
        let zoneA = try #require(DeclaredName("a.example"))
        #expect(target.includes(sender: try #require(DeclaredName("news.a.example")), zone: zoneA))
        #expect(!target.includes(sender: zoneA, zone: zoneA))
        #expect(
            target.includes(
                sender: try #require(DeclaredName("gone.b.example")), zone: try #require(DeclaredName("b.example"))))
        let plan = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now, target: target)).plan
        #expect(plan.zones.map { $0.senders.map(\.domain.description) } == [["news.a.example."], ["b.example."]])
        #expect(plan.target == target)
    }
}
