import Foundation
import Testing

@testable import MailZone

/// Every real-world corpus case, end to end, as a careful admin would check a change before merging it:
/// plan and apply senders at the apex and at a new subdomain, then BIND accepts the result, a second plan is
/// empty, BIND's dumps before and after differ by exactly the planned records and the SOA serial, and every
/// byte outside the planned edits is unchanged.
@Suite struct RealZoneCorpusTests {
    @Test func corpusHasThirtyCases() {
        #expect(RealZoneCorpus.cases().count >= 30)
    }

    @Test(arguments: RealZoneCorpus.cases())
    func applyEndToEnd(_ corpusCase: RealZoneCorpus.Case) async throws {
        guard ApplySupport.bindAvailable else {
            #expect(
                !ApplySupport.inCI,
                "named-checkzone and named-compilezone are missing; scripts/test installs bind9-utils")
            return
        }
        let folder = try ApplySupport.copy(corpusCase.folder)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Data(RealZoneCorpus.declaration(for: corpusCase).utf8).write(
            to: folder.appendingPathComponent("mailzone.yaml"))
        let zoneFile = folder.appendingPathComponent(corpusCase.zone)
        let before = try RealZoneCorpus.dump(origin: corpusCase.origin, file: zoneFile)
        #expect(before.status == 0, "BIND refuses the corpus zone as committed: \(before.output)")

        let options = PlannerOptions(now: ApplySupport.now)
        let outcome = await Planner.plan(try ApplySupport.declaration(in: folder), options: options)
        let problems =
            outcome.plan.zones.flatMap { zone in
                zone.errors.map(\.message)
                    + zone.senders.flatMap(\.items).filter { $0.action == .conflict }
                    .map { "\($0.owner) \($0.type): \($0.message ?? "")" }
            } + outcome.plan.errors.map(\.message)
        #expect(problems.isEmpty, "\(corpusCase.name): the plan has problems: \(problems)")
        guard !outcome.plan.hasProblems else { return }
        #expect(outcome.plan.hasChanges)

        // Keep the bytes as read, to check later that apply wrote exactly the planned edits.
        var originals: [URL: [UInt8]] = [:]
        let changes = outcome.plan.zones.flatMap(\.files)
        for change in changes {
            let url = URL(fileURLWithPath: change.path).standardizedFileURL
            originals[url] = Array(try Data(contentsOf: url))
        }
        do {
            _ = try await Applier.apply(try ApplySupport.declaration(in: folder), options: options) { _ in true }
        } catch {
            Issue.record("\(corpusCase.name): apply failed: \(error)")
            return
        }

        // Every byte outside the planned edits is unchanged.
        for change in changes {
            let url = URL(fileURLWithPath: change.path).standardizedFileURL
            let written = Array(try Data(contentsOf: url))
            let expected = RealZoneCorpus.applying(change.edits, to: originals[url] ?? [])
            #expect(written == expected, "\(corpusCase.name): \(change.path) holds more than the planned edits")
        }

        // BIND accepts the result.
        let after = try RealZoneCorpus.dump(origin: corpusCase.origin, file: zoneFile)
        #expect(after.status == 0, "\(corpusCase.name): BIND refuses the applied zone: \(after.output)")

        // The dumps differ by exactly the planned records and the serial.
        let items = outcome.plan.zones.flatMap(\.senders).flatMap(\.items)
        let added = items.filter { [.create, .merge, .replace].contains($0.action) }
            .compactMap { item in item.after.map { (name: item.name.description, type: item.type.mnemonic, rdata: $0) }
            }
        let removed = items.filter { [.merge, .replace].contains($0.action) }
            .compactMap { item in item.before.map { (name: item.name.description, type: item.type.mnemonic, rdata: $0) }
            }
        let gained = RealZoneCorpus.subtracting(after.records, before.records)
        let lost = RealZoneCorpus.subtracting(before.records, after.records)
        let gainedRecords = gained.filter { $0.type != "SOA" }.map(\.withoutTTL).sorted()
        let plannedGains = try RealZoneCorpus.planned(added, origin: corpusCase.origin)
        #expect(
            gainedRecords == plannedGains,
            "\(corpusCase.name): BIND gained \(gainedRecords), the plan adds \(plannedGains)")
        let lostRecords = lost.filter { $0.type != "SOA" }.map(\.withoutTTL).sorted()
        let plannedLosses = try RealZoneCorpus.planned(removed, origin: corpusCase.origin)
        #expect(
            lostRecords == plannedLosses,
            "\(corpusCase.name): BIND lost \(lostRecords), the plan removes \(plannedLosses)")
        let soaBefore = before.records.filter { $0.type == "SOA" }
        let soaAfter = after.records.filter { $0.type == "SOA" }
        #expect(soaBefore.count == 1 && soaAfter.count == 1)
        if let old = soaBefore.first, let new = soaAfter.first, let serial = outcome.plan.zones.first?.serial {
            var fields = old.rdata.split(separator: " ").map(String.init)
            if fields.count == 7 { fields[2] = String(serial.to) }
            #expect(
                new.rdata == fields.joined(separator: " ") && new.ttl == old.ttl,
                "\(corpusCase.name): the SOA changed beyond its serial: \(old) => \(new)")
        }

        // A second plan has nothing to do.
        let again = await Planner.plan(try ApplySupport.declaration(in: folder), options: options)
        #expect(!again.plan.hasChanges, "\(corpusCase.name): a second plan still has changes")
        #expect(!again.plan.hasProblems, "\(corpusCase.name): a second plan has problems")
    }
}
