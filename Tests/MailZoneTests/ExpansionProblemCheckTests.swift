import Foundation
import MailAuth
import Testing

@testable import MailZone

/// The loader expands only the senders `ExpansionProblemCheck` cannot clear; expanding every sender must find
/// the same errors, with the same messages, places and order.
@Suite("Expansion problem check")
struct ExpansionProblemCheckTests {
    /// The errors loading `data` (as the file at `path`) is refused with, printed; empty when it loads.
    static func errors(
        _ data: Data, path: String, catalog: PresetCatalog, expandingEverySender: Bool
    ) -> String {
        do {
            _ = try DeclarationLoader.load(
                file: URL(fileURLWithPath: path), displayPath: nil, builtInPresets: catalog,
                expandingEverySender: expandingEverySender
            ) { file throws(DeclarationError) in
                try YAMLSource.parse(data: data, file: file)
            }
            return ""
        } catch {
            return error.description
        }
    }

    /// Compares the two loads of `data`; gives the errors.
    static func compare(_ data: Data, path: String, catalog: PresetCatalog, _ what: String) -> String {
        let checked = errors(data, path: path, catalog: catalog, expandingEverySender: false)
        let expanded = errors(data, path: path, catalog: catalog, expandingEverySender: true)
        #expect(checked == expanded, "\(what)")
        return expanded
    }

    /// A sender domain of `length` octets (a valid name: labels of at most 63 octets).
    static func domain(length: Int) -> String {
        var labels: [String] = []
        var left = length
        while left > 0 {
            let label = min(63, left == 64 ? 62 : left)
            labels.append(String(repeating: "a", count: label))
            left -= label + 1
        }
        return labels.joined(separator: ".")
    }

    static let key =
        "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6b6rTMhuSz4H/fbOf2xGZ4velMt/4BEXkwXyN7wZkyzqO9j+dr5C82AhO9WgiR5hMzW1umxDvbZLekDic1Mdcv2sobLqorNE5yOyZDMEv/ofY2L27/C3PSKO3VERelTVUq2PwMfS61/Zate3eu8CoUTM4D+aV87E8xEu8LrvyYJiqjEIg93T4i/40ic4UUg2uwFMKQcyQJHcQ6We5Wp7iJJKx/dYn1zYVUX80rf2aqUYK189jtOKK35Adcf5RMlguBdfUqVq8hnC6Udthi4BYldBQQ0eMSgkqqgooA6JDu2kN2IwwbIdO8W2E0BdJEuAowO9nvYRAyG5F8OrJLA8/QIDAQAB"

    /// Senders made to reach each problem an expansion reports, and to come near it without reaching it.
    static let crafted: [String] = {
        let tencent = "preset: tencent-ses\n        dkim: { qcloud: \"\(key)\" }"
        // `qcloud._domainkey` (17 octets) and a dot fit under a domain of 235 octets, not of 236.
        let fits = domain(length: 235)
        let overflows = domain(length: 236)
        return [
            "  - domain: \(fits)\n    services:\n      - \(tencent)\n",
            "  - domain: \(overflows)\n    services:\n      - \(tencent)\n",
            "  - domain: \(overflows)\n    state: absent\n    services:\n      - \(tencent)\n",
            "  - domain: \(overflows)\n    services:\n      - \(tencent)\n        state: absent\n",
            "  - domain: a.example\n    dmarc: { rua: \"mailto:d@a.example\" }\n    services:\n      - \(tencent)\n",
            "  - domain: a.example\n    dmarc: { rua: \"mailto:d@a.example\" }\n    services:\n      - preset: aws-ses\n        inputs: { token1: a, token2: b, token3: c }\n",
            "  - domain: a.example\n    dmarc: { p: reject }\n    services:\n      - preset: aws-ses\n        inputs: { token1: a, token2: b, token3: c }\n",
            "  - domain: a.example\n    state: absent\n    dmarc: { rua: \"mailto:d@a.example\" }\n    services:\n      - preset: aws-ses\n        inputs: { token1: a, token2: b, token3: c }\n",
            "  - domain: a.example\n    services:\n      - preset: aws-ses\n        inputs: { token1: \"a b\", token2: b, token3: \"-c\" }\n",
            "  - domain: \(domain(length: 230))\n    services:\n      - preset: aws-ses\n        inputs: { token1: a, token2: b, token3: c }\n",
            "  - domain: a.example\n    services:\n      - preset: mailgun\n        dkim: { \"s 1\": \"k=rsa; p=MIGf\", s2: \"k=rsa; p=MIGf\" }\n",
            "  - domain: a.example\n    services:\n      - preset: no-such-preset\n",
        ]
    }()

    @Test("the check finds every error expanding every sender finds, in the fixtures and examples")
    func fixturesAndExamples() throws {
        var loads = 0
        var nameErrors = 0
        let fixtureCatalog = try DeclarationFixtures.builtInCatalog()
        for folder in ["invalid", "valid"] {
            for name in DeclarationFixtures.yamlFiles(in: folder) {
                let url = DeclarationFixtures.url(folder, name)
                let output = Self.compare(try Data(contentsOf: url), path: url.path, catalog: fixtureCatalog, name)
                nameErrors += output.components(separatedBy: "is not a valid DNS name").count - 1
                loads += 1
            }
        }
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        for example in ExamplesTests.examples {
            let url = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml")
            _ = Self.compare(try Data(contentsOf: url), path: url.path, catalog: catalog, example)
            loads += 1
        }
        #expect(loads > 60)
        #expect(nameErrors >= 1)
    }

    @Test("the check finds every error expanding every sender finds, for senders made to reach each problem")
    func craftedSenders() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var all = ""
        for sender in Self.crafted {
            let yaml = "version: 1\nsenders:\n" + sender
            all += Self.compare(Data(yaml.utf8), path: "/t/mailzone.yaml", catalog: catalog, sender)
        }
        // Every sender at once: the errors in their order.
        let yaml = "version: 1\nsenders:\n" + Self.crafted.joined()
        let together = Self.compare(Data(yaml.utf8), path: "/t/mailzone.yaml", catalog: catalog, "all")
        #expect(all.components(separatedBy: "is not a valid DNS name").count - 1 >= 3)
        #expect(together.contains("must set the policy 'p'"))
    }

    @Test("a preset's longest name is worked out only when every name is written out and valid")
    func longestName() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        let tencent = try #require(catalog.preset(named: "tencent-ses"))
        #expect(ExpansionProblemCheck.longestName(of: tencent) == "qcloud._domainkey".utf8.count)
        let mailgun = try #require(catalog.preset(named: "mailgun"))
        #expect(ExpansionProblemCheck.longestName(of: mailgun) == nil)
    }
}
