import Foundation
import MailAuth
import Testing
import ZoneFile

@testable import MailZone

/// The plan is typed (record types `RRType`, names `DomainName`, severities `PlanSeverity`); its
/// JSON document is a separate layer that writes the same bytes as before and reads back into the
/// same plan, refusing at its JSON path a name or a type that does not read.
@Suite struct PlanShapeTests {
    static func plan(_ example: String) async throws -> Plan {
        let path = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml").path
        let declaration = try DeclarationLoader.load(
            contentsOf: URL(fileURLWithPath: path), displayPath: path,
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
        return await Planner.plan(declaration, options: PlannerOptions(now: Date(timeIntervalSince1970: 1_764_460_800)))
            .plan
    }

    @Test(arguments: ExamplesTests.examples)
    func readsBackTheSamePlan(_ example: String) async throws {
        let plan = try await Self.plan(example)
        #expect(try PlanJSON.decode(Data(PlanJSON.encode(plan).utf8)) == plan)
    }

    @Test func itemsAndFindingsAreTyped() async throws {
        let plan = try await Self.plan("tencent-ses-primary")
        let items = plan.zones.flatMap(\.senders).flatMap(\.items)
        #expect(Set(items.map(\.type)) == [.mx, .txt])
        let origin: DomainName = plan.zones[0].origin
        #expect(items.allSatisfy { $0.name.isSubdomain(of: origin) })
        let domain: DomainName = try #require(plan.zones[0].senders.first?.domain)
        #expect(domain.isSubdomain(of: origin))
        let broken = try await Self.plan("zone-file-error")
        #expect(broken.zones.flatMap(\.errors).allSatisfy { $0.severity == .error })
    }

    @Test func aTypeThatDoesNotReadIsRefusedAtItsPath() async throws {
        let text = try await PlanJSON.encode(try Self.plan("tencent-ses-primary"))
        let broken = text.replacingOccurrences(of: "\"type\" : \"MX\"", with: "\"type\" : \"MXX\"")
        #expect(broken != text)
        #expect(
            throws: PlanJSONError.invalid(at: "zones[0].senders[0].items[0].type", reason: "'MXX' is not a record type")
        ) {
            try PlanJSON.decode(Data(broken.utf8))
        }
    }

    @Test func aNameThatDoesNotReadIsRefusedAtItsPath() async throws {
        let plan = try await Self.plan("tencent-ses-primary")
        let name = try #require(plan.zones.first?.senders.first?.items.first?.name.description)
        let text = try PlanJSON.encode(plan)
        let broken = text.replacingOccurrences(of: "\"name\" : \"\(name)\"", with: "\"name\" : \"a..b.\"")
        #expect(broken != text)
        #expect(
            throws: PlanJSONError.invalid(
                at: "zones[0].senders[0].items[0].name", reason: "'a..b.' is not a domain name")
        ) {
            try PlanJSON.decode(Data(broken.utf8))
        }
    }

    @Test func anOriginThatDoesNotReadIsRefusedAtItsPath() async throws {
        let plan = try await Self.plan("tencent-ses-primary")
        let text = try PlanJSON.encode(plan)
        let broken = text.replacingOccurrences(
            of: "\"origin\" : \"\(plan.zones[0].origin)\"", with: "\"origin\" : \"a..b.\"")
        #expect(broken != text)
        #expect(throws: PlanJSONError.invalid(at: "zones[0].origin", reason: "'a..b.' is not a domain name")) {
            try PlanJSON.decode(Data(broken.utf8))
        }
    }

    @Test func aSenderDomainThatDoesNotReadIsRefusedAtItsPath() async throws {
        let plan = try await Self.plan("tencent-ses-primary")
        let domain = try #require(plan.zones.first?.senders.first?.domain)
        let text = try PlanJSON.encode(plan)
        let broken = text.replacingOccurrences(of: "\"domain\" : \"\(domain)\"", with: "\"domain\" : \"a..b.\"")
        #expect(broken != text)
        #expect(
            throws: PlanJSONError.invalid(at: "zones[0].senders[0].domain", reason: "'a..b.' is not a domain name")
        ) {
            try PlanJSON.decode(Data(broken.utf8))
        }
    }
}
