import Foundation
import TestSupport
import Testing

@testable import MailZone

/// How the plan words a sender that has no service left in a zone, and the SPF record that goes
/// with it, for the person who reviews the plan: the sender's heading says why its service list
/// is empty (it once printed `sender news.example.com  ()`), and the deleted SPF record's note
/// says that the whole record goes and why, not only which term left it.
@Suite struct RemovedSenderTextTests {
    /// The block of sender `domain` in the text plan, heading and lines.
    static func textBlock(of domain: String, in plan: Plan) throws -> [String] {
        let lines = PlanTextRenderer().render(plan).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("  sender \(domain) ") })
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix("    ") } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    @Test func anAbsentSendersHeadingSaysItIsRemoved() async throws {
        let outcome = try await LifecycleTests.plan(try await LifecycleTests.absentNews())
        let block = try Self.textBlock(of: "news.example.com", in: outcome.plan)
        #expect(block.first == "  sender news.example.com  (removed: no service left)")
        let markdown = PlanMarkdownRenderer().render(outcome)
        #expect(markdown.contains("| `example.com.` | `news.example.com` (removed: no service left) | 0 | 0 | 0 | 4 |"))
    }

    @Test func theDeletedSPFRecordSaysTheWholeRecordGoesAndWhy() async throws {
        let outcome = try await LifecycleTests.plan(try await LifecycleTests.absentNews())
        let spf = try #require(
            outcome.plan.zones[0].senders.last?.items.first { $0.type == .txt && $0.purpose == "spf" })
        #expect(spf.action == .delete)
        #expect(
            spf.note
                == "the whole SPF record goes: mailzone created it for include:qcloudmail.com, which is no longer needed; sender news.example.com is state: absent"
        )
    }

    /// A sender another declaration may manage keeps its records: its heading says nothing of it changes,
    /// and the warning under it says why.
    @Test func anUndeclaredSendersHeadingSaysNothingOfItChanges() async throws {
        let outcome = try await LifecycleTests.plan(try await LifecycleTests.undeclaredNews())
        let block = try Self.textBlock(of: "news.example.com", in: outcome.plan)
        #expect(block.first == "  sender news.example.com  (not declared here: nothing of it changes)")
        #expect(block.dropFirst().allSatisfy { $0.hasPrefix("    ! ") || $0.hasPrefix("      fix: ") })
    }

    /// Once an absent sender's records are gone, its block stays, with nothing under it: the heading says so.
    @Test func anAbsentSenderWithNothingLeftSaysSo() async throws {
        let directory = try await LifecycleTests.absentNews()
        try await LifecycleTests.apply(directory)
        let outcome = try await LifecycleTests.plan(directory)
        #expect(
            try Self.textBlock(of: "news.example.com", in: outcome.plan) == [
                "  sender news.example.com  (removed: none of its records left)"
            ])
    }
}
