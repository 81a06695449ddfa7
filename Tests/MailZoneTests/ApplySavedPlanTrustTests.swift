import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// `apply --plan` trusts no path, edit or record of a saved plan: it plans again from the declaration
/// and the zone files (the same repository boundary as `plan`, `--allow-outside` respected) and
/// writes only when that gives the saved plan.
@Suite struct ApplySavedPlanTrustTests {
    static let prefix = "the saved plan is not what planning again from the declaration and the zone files gives: "
    static let suffix = " — nothing was written; make the plan again with `mailzone plan --out` and review it"

    /// A tampered plan that points the zone's edits at a file outside the repository (with that file's
    /// digest, as an attacker can compute it) writes nothing there, through the command line.
    @Test func tamperedPlanCannotWriteOutsideTheTree() throws {
        let outside = try TemporaryFiles.directory(["victim": "precious\n"])
        let victim = outside.appendingPathComponent("victim")
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
        ])
        #expect(try MailzoneBinary.run(["plan", "--out", "plan.json"], in: directory).status == 0)
        let planFile = directory.appendingPathComponent("plan.json")
        let saved = try PlanJSON.decode(try Data(contentsOf: planFile))
        let victimDigest = Digest.sha256(Array("precious\n".utf8))
        let pwned = [FileEdit(start: 0, end: 9, text: "PWNED\n")]
        var tamperings: [String: Plan] = [:]
        // 1. An extra changed file outside, with its digest, beside the zone's own planned edits (which
        //    read back as planned): the attack that wrote PWNED before saved plans were planned again.
        var edited = saved
        edited.zones[0].files.append(FileChange(path: victim.path, sha256: victimDigest, edits: pwned))
        edited.zones[0].inputs.append(FileDigest(path: victim.path, sha256: victimDigest))
        tamperings["the edited file"] = edited
        // 2. The zone's file itself is named outside.
        var moved = saved
        moved.zones[0].file = victim.path
        moved.zones[0].files = [FileChange(path: victim.path, sha256: victimDigest, edits: pwned)]
        moved.zones[0].inputs = [FileDigest(path: victim.path, sha256: victimDigest)]
        tamperings["the zone file"] = moved
        let expected = [
            "the edited file": "it lists \(victim.path) as read by zone example.com., which that zone does not read",
            "the zone file": "it names zone example.com. in \(victim.path), which mailzone.yaml does not declare",
        ]
        for (what, plan) in tamperings.sorted(by: { $0.key < $1.key }) {
            try Data(try PlanJSON.encode(plan).utf8).write(to: planFile)
            let result = try MailzoneBinary.run(["apply", "--plan", "plan.json"], in: directory)
            #expect(result.status == 1, "\(what)")
            #expect(result.errors == "error: \(Self.prefix)\(expected[what] ?? "")\(Self.suffix)\n", "\(what)")
            #expect(try ApplySupport.read(victim) == "precious\n")
            #expect(
                try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")) == ApplyTests.crlfZone)
        }
    }

    /// A plan made with `--allow-outside` for a zone outside the repository is applied only with it.
    @Test func allowOutsideIsRespected() throws {
        let outside = try TemporaryFiles.directory(["db.example.com": ApplyTests.crlfZone])
        let zone = outside.appendingPathComponent("db.example.com")
        let declaration = ApplyTests.declaration().replacingOccurrences(of: "zones/db.example.com", with: zone.path)
        let directory = try TemporaryFiles.directory(["mailzone.yaml": declaration])
        #expect(try MailzoneBinary.run(["plan", "--allow-outside", "--out", "plan.json"], in: directory).status == 0)
        let refused = try MailzoneBinary.run(["apply", "--plan", "plan.json"], in: directory)
        #expect(refused.status == 1)
        let resolved = FilePaths.resolved(zone.path)
        #expect(
            refused.errors
                == "error: \(Self.prefix)planning again finds a problem: the zone file \(zone.path) is outside the directory of mailzone.yaml (resolved: \(resolved)) (mailzone.yaml:3); keep zone files in the repository beside the declaration, or pass --allow-outside\(Self.suffix)\n"
        )
        #expect(try ApplySupport.read(zone) == ApplyTests.crlfZone)
        let applied = try MailzoneBinary.run(["apply", "--allow-outside", "--plan", "plan.json"], in: directory)
        #expect(applied.errors == "")
        #expect(applied.output == "Applied example.com.: wrote \(zone.path) (serial 2026113003 => 2026120100).\n")
    }

    /// A record changed in the saved plan (the value it says apply writes) is refused.
    @Test func tamperedRecordIsRefused() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
        ])
        let declaration = try ApplySupport.declaration(in: directory)
        var plan = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now)).plan
        let index = try #require(plan.zones[0].senders[0].items.firstIndex { $0.type == .mx })
        plan.zones[0].senders[0].items[index].after = "10 mx.attacker.example."
        await #expect {
            try await Applier.apply(
                saved: plan, declaration: declaration, options: PlannerOptions(now: ApplySupport.now))
        } throws: { error in
            "\(error)"
                == "\(Self.prefix)its record create example.com. MX 10 mx.attacker.example. is not one planning again gives\(Self.suffix)"
        }
        #expect(try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")) == ApplyTests.crlfZone)
    }

    /// A saved plan applied on a later day writes the serial it shows (still after the zone's), not today's;
    /// a serial edited into the plan beyond what planning would choose is refused.
    @Test func savedSerialIsKeptWhileValid() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": ApplyTests.crlfZone,
        ])
        let declaration = try ApplySupport.declaration(in: directory)
        let outcome = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now))
        var tampered = outcome.plan
        tampered.zones[0].serial?.to = 2_026_120_199
        let later = PlannerOptions(now: ApplySupport.now.addingTimeInterval(86_400))
        await #expect {
            try await Applier.apply(saved: tampered, declaration: declaration, options: later)
        } throws: { error in
            "\(error)".hasPrefix(Self.prefix + "its edits of ")
        }
        let report = try await Applier.apply(saved: outcome.plan, declaration: declaration, options: later)
        let path = directory.appendingPathComponent("zones/db.example.com").path
        #expect(report.written == [path])
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == outcome.newFiles[path]?.bytes)
    }
}
