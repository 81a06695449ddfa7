import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// A plan whose sender has a conflict says the same in every format: that sender's changes are
/// held back (shown apart, counted apart as `held`), and the closing line says what to resolve
/// first instead of "`mailzone apply` writes …", since apply refuses a plan with a conflict.
struct HeldBackOutputTests {
    /// Zone example.com.: `example.com` has two SPF records (a conflict) and would get a DKIM key
    /// and a merged DMARC; `mail.example.com` gets its MX, written to the file.
    static func name(_ text: String) -> DomainName {
        (try? DomainName(parsing: text)) ?? .root
    }

    static let plan: Plan = {
        let location = PlanLocation(file: "mailzone.yaml", line: 9, column: 17)
        let held = SenderPlan(
            domain: Self.name("example.com."), services: ["tencent-ses"],
            items: [
                PlanItem(
                    action: .create, owner: "qcloud._domainkey", name: Self.name("qcloud._domainkey.example.com."),
                    type: .txt,
                    purpose: "dkim", after: "\"v=DKIM1; p=MIIB\"", declarationLocation: location),
                PlanItem(
                    action: .conflict, owner: "@", name: Self.name("example.com."), type: .txt, purpose: "spf",
                    before: "\"v=spf1 -all\"", message: "two SPF records at @", fix: "keep one SPF record",
                    zoneLocation: PlanLocation(file: "db.example.com", line: 4), declarationLocation: location),
                PlanItem(
                    action: .merge, owner: "_dmarc", name: Self.name("_dmarc.example.com."), type: .txt,
                    purpose: "dmarc",
                    before: "\"v=DMARC1; p=reject\"", after: "\"v=DMARC1; p=reject; rua=mailto:d@example.com\"",
                    zoneLocation: PlanLocation(file: "db.example.com", line: 5)),
            ])
        let clear = SenderPlan(
            domain: Self.name("mail.example.com."), services: ["tencent-ses"],
            items: [
                PlanItem(
                    action: .create, owner: "mail", name: Self.name("mail.example.com."), type: .mx, purpose: "mx",
                    after: "10 mxbiz1.qq.com.",
                    declarationLocation: PlanLocation(file: "mailzone.yaml", line: 12, column: 17))
            ])
        let zone = ZonePlan(
            origin: Self.name("example.com."), file: "db.example.com", senders: [held, clear],
            files: [FileChange(path: "db.example.com", sha256: "00", edits: [])])
        return Plan(declaration: "mailzone.yaml", zones: [zone])
    }()

    @Test func theSummaryCountsHeldBackChangesApart() {
        let summary = Self.plan.summary
        #expect(summary.create == 1)
        #expect(summary.merge == 0)
        #expect(summary.held == 2)
        #expect(summary.conflicts == 1)
        #expect(summary.counts == "1 to add, 0 to merge, 0 to replace, 1 conflict, 2 held back.")
    }

    @Test func textShowsTheHeldBackChangesApartAndWhatToResolveFirst() {
        #expect(
            PlanTextRenderer().render(Self.plan) == """
                zone example.com.  db.example.com
                  sender example.com  (tencent-ses)
                    x @                 TXT   two SPF records at @
                      in the zone: "v=spf1 -all"
                      db.example.com:4, mailzone.yaml:9:17
                      fix: keep one SPF record
                    held back until its conflict is resolved (apply writes none of these):
                      + qcloud._domainkey TXT   "v=DKIM1; p=MIIB"
                      ~ _dmarc            TXT   "v=DMARC1; p=reject"
                                              => "v=DMARC1; p=reject; rua=mailto:d@example.com"
                  sender mail.example.com  (tencent-ses)
                    + mail MX    10 mxbiz1.qq.com.

                Plan: 1 to add, 0 to merge, 0 to replace, 1 conflict, 2 held back. Resolve the 1 conflict first \
                (see fix: above): `mailzone apply` writes nothing until the plan has none.

                """)
    }

    @Test func checkVerdictSaysWhatToResolveFirst() {
        #expect(
            CheckReport.verdictLine(PlanTally(Self.plan), declaration: "mailzone.yaml") == """
                Check failed: 1 to add, 0 to merge, 0 to replace, 1 conflict, 2 held back. Resolve the 1 conflict first \
                (see fix: above): `mailzone apply` writes nothing until the plan has none.

                """)
    }

    @Test func githubSaysHeldBackInsteadOfRunApply() {
        let zone = GitHubAnnotations.render(zone: Self.plan.zones[0])
        #expect(
            zone == """
                ::notice file=mailzone.yaml,line=9,col=17,title=mailzone%3A qcloud._domainkey TXT (example.com)::held back \
                until this sender's conflict is resolved: add qcloud._domainkey TXT "v=DKIM1; p=MIIB"
                ::error file=db.example.com,line=4,title=mailzone conflict%3A @ TXT (example.com)::two SPF records at @%0Afix: \
                keep one SPF record
                ::notice file=db.example.com,line=5,title=mailzone%3A _dmarc TXT (example.com)::held back until this sender's \
                conflict is resolved: merge _dmarc TXT: "v=DMARC1; p=reject" => "v=DMARC1; p=reject; rua=mailto:d@example.com"
                ::notice file=mailzone.yaml,line=12,col=17,title=mailzone%3A mail MX (mail.example.com)::add mail MX \
                10 mxbiz1.qq.com. (run `mailzone apply`)

                """)
        #expect(
            GitHubAnnotations.closing(PlanTally(Self.plan)) == """
                ::error title=mailzone%3A plan::Plan: 1 to add, 0 to merge, 0 to replace, 1 conflict, 2 held back. \
                Resolve the 1 conflict first (see the errors above): `mailzone apply` writes nothing until the plan has none.

                """)
    }

    @Test func diffListsTheHeldBackChangesAsComments() {
        #expect(
            PlanDiff.heldBack(zone: Self.plan.zones[0]) == """
                # sender example.com has a conflict (@ TXT): its changes are held back and not in this diff
                #   + qcloud._domainkey TXT "v=DKIM1; p=MIIB"
                #   ~ _dmarc TXT "v=DMARC1; p=reject" => "v=DMARC1; p=reject; rua=mailto:d@example.com"

                """)
        #expect(
            PlanDiff.closing(PlanTally(Self.plan)) == """
                # Plan: 1 to add, 0 to merge, 0 to replace, 1 conflict, 2 held back. Resolve the 1 conflict first \
                (`mailzone plan` shows the fixes): `mailzone apply` writes nothing until the plan has none.

                """)
    }

    @Test func markdownCountsAndMarksHeldBackChanges() {
        let markdown = PlanMarkdownRenderer().render(Self.plan, diffs: [])
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines[3] == "**1 to add, 0 to merge, 0 to replace, 1 conflict, 2 held back. Resolve the 1 conflict first "
                + "(see below): `mailzone apply` writes nothing until the plan has none.**")
        #expect(lines.contains("| `example.com.` | `example.com` (tencent-ses) | 0 | 0 | 0 | 1 | 2 | 0 |"))
        #expect(lines.contains("| `example.com.` | `mail.example.com` (tencent-ses) | 1 | 0 | 0 | 0 | 0 | 0 |"))
        #expect(
            lines.contains("| held back: + add | example.com | `qcloud._domainkey` | TXT | `\"v=DKIM1; p=MIIB\"` |  |"))
        #expect(lines.contains("| + add | mail.example.com | `mail` | MX | `10 mxbiz1.qq.com.` |  |"))
    }

    @Test func jsonMarksTheSenderHeldBackAndCountsHeld() throws {
        let json = try PlanJSON.encode(Self.plan)
        #expect(json.contains("\"heldBack\" : true"))
        #expect(json.contains("\"heldBack\" : false"))
        #expect(json.contains("\"held\" : 2"))
        // Read back, the derived fields are ignored and the plan is the same.
        #expect(try PlanJSON.decode(Data(json.utf8)) == Self.plan)
    }
}
