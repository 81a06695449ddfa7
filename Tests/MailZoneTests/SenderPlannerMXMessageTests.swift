import Foundation
import Testing

@testable import MailZone

/// What the plan says about MX when a service's MX meet other MX: which are in the zone, which the
/// plan adds for another service, which a service wants; once per service, not once per MX; and
/// under `mx: keep-existing` one warning per sender, gone once `mx_not_added` makes the choice explicit.
@Suite struct SenderPlannerMXMessageTests {
    static let key = CommandLineTests.key
    static let google =
        "\"1 aspmx.l.google.com.\", \"5 alt1.aspmx.l.google.com.\", \"5 alt2.aspmx.l.google.com.\", "
        + "\"10 alt3.aspmx.l.google.com.\", \"10 alt4.aspmx.l.google.com.\""

    /// The text plan of corp.example. with `mx` in the zone and one sender using `services`.
    private func plan(zone mx: [String], settings: [String] = [], services: [String]) async throws -> String {
        let zone =
            mx.map { "@ IN MX \($0)\n" }.joined()
            + "@ IN TXT \"v=spf1 include:_spf.google.com include:qcloudmail.com ~all\"\nns1 IN A 192.0.2.53\n"
        let sender =
            settings.map { "    \($0)\n" }.joined() + CorpExampleRepository.services(services, key: Self.key)
        return try await CorpExampleRepository.text(zone: zone, sender: sender)
    }

    /// The MX lines of a plan, and what follows each (reason, places, fix).
    private func mxLines(_ output: String) -> String {
        var lines: [Substring] = []
        var inMX = false
        for line in output.split(separator: "\n") {
            if !line.hasPrefix("      ") {
                let fields = line.split(separator: " ")
                inMX = line.hasPrefix("    ") && fields.count > 2 && fields[2] == "MX"
            }
            if inMX { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    @Test func aSecondServicesMXConflictNamesThePlannedMXOnce() async throws {
        let output = try await plan(zone: [], services: ["tencent-ses", "google-workspace"])
        // Tencent's MX, which the conflict names, is the sender's held-back change.
        #expect(
            output.contains(
                """
                    held back until its conflict is resolved (apply writes none of these):
                      + @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                """))
        #expect(
            mxLines(output) == """
                    x @                 MX    @ has no other MX in the zone, but this plan adds MX "10 mxbiz1.qq.com." for \
                tencent-ses; adding MX \(Self.google) for google-workspace too would divert part of its mail
                      mailzone.yaml:9:17
                      fix: let tencent-ses receive the mail and add no MX for google-workspace (`mx: keep-existing`), add both \
                (`mx: add`), or send from a subdomain
                """)
    }

    @Test func keepExistingWarnsOncePerSender() async throws {
        let output = try await plan(
            zone: ["10 mx.corp.example."], settings: ["mx: keep-existing"],
            services: ["google-workspace", "tencent-ses"])
        #expect(
            mxLines(output) == """
                    ! @                 MX    @ keeps MX "10 mx.corp.example." (in the zone); MX \(Self.google) for \
                google-workspace and MX "10 mxbiz1.qq.com." for tencent-ses are not added (mx: keep-existing)
                      fix: nothing to do if these MX should keep receiving the mail (google-workspace and tencent-ses may then \
                show their MX as unverified); write `mx_not_added: [google-workspace, tencent-ses]` in this sender to say so \
                and drop this warning
                """)
    }

    @Test func keepExistingBesideAnotherServicesPlannedMX() async throws {
        let output = try await plan(
            zone: [], settings: ["mx: keep-existing"], services: ["google-workspace", "tencent-ses"])
        #expect(
            mxLines(output) == """
                    + @                 MX    1 aspmx.l.google.com.   (unconfirmed value (check the service's documentation))
                    + @                 MX    5 alt1.aspmx.l.google.com.   (unconfirmed value (check the service's documentation))
                    + @                 MX    5 alt2.aspmx.l.google.com.   (unconfirmed value (check the service's documentation))
                    + @                 MX    10 alt3.aspmx.l.google.com.   (unconfirmed value (check the service's documentation))
                    + @                 MX    10 alt4.aspmx.l.google.com.   (unconfirmed value (check the service's documentation))
                    ! @                 MX    @ keeps MX \(Self.google) (added for google-workspace); MX "10 mxbiz1.qq.com." \
                for tencent-ses is not added (mx: keep-existing)
                      fix: nothing to do if these MX should keep receiving the mail (tencent-ses may then show its MX as \
                unverified); write `mx_not_added: [tencent-ses]` in this sender to say so and drop this warning
                """)
    }

    @Test func mxNotAddedSilencesTheServicesItNames() async throws {
        let all = try await plan(
            zone: ["10 mx.corp.example."],
            settings: ["mx: keep-existing", "mx_not_added: [google-workspace, tencent-ses]"],
            services: ["google-workspace", "tencent-ses"])
        #expect(mxLines(all) == "")
        let one = try await plan(
            zone: ["10 mx.corp.example."], settings: ["mx: keep-existing", "mx_not_added: [google-workspace]"],
            services: ["google-workspace", "tencent-ses"])
        #expect(
            mxLines(one) == """
                    ! @                 MX    @ keeps MX "10 mx.corp.example." (in the zone); MX "10 mxbiz1.qq.com." for \
                tencent-ses is not added (mx: keep-existing)
                      fix: nothing to do if these MX should keep receiving the mail (tencent-ses may then show its MX as \
                unverified); write `mx_not_added: [tencent-ses]` in this sender to say so and drop this warning
                """)
    }

    @Test func mxNotAddedNeedsKeepExistingAndTheSendersOwnServices() throws {
        let yaml =
            "version: 1\nsenders:\n  - domain: corp.example\n    mx_not_added: [tencent-sse]\n    services:\n"
            + "      - preset: tencent-ses\n        dkim: { qcloud: \"\(Self.key)\" }\n"
        let errors = try #require(try DeclarationFixtures.refusal(of: yaml))
        #expect(
            errors.description == """
                mailzone.yaml:4:19: error: 'mx_not_added' applies only with 'mx: keep-existing', which leaves service MX out
                    fix: add 'mx: keep-existing' to this sender, or remove 'mx_not_added'
                mailzone.yaml:4:20: error: 'tencent-sse' in 'mx_not_added' is not a service of this sender; did you mean \
                'tencent-ses'?

                """)
    }
}
